"""Charts for the briefs, drawn with Altair and emitted as SVG.

SVG keeps charts vector in the PDF and self-contained in the HTML: a Vega-Lite output would
make the page load scripts from a CDN. vl-convert stays warm within a process, so after the
first chart each conversion is cheap.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.render.i18n import label

WIDTH = 520
PALETTE = {"figure": "#1f4e79", "path": "#c55a11", "target": "#c55a11"}
COVERAGE_COLOURS = ["#d9d9d9", "#9ecae1", "#3182bd", "#08519c"]


def to_svg(chart: alt.TopLevelMixin) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_dict())


def progress_chart(targets: pd.DataFrame, points: pd.DataFrame, lang: str = "en") -> alt.TopLevelMixin:
    """Each target's expected path (baseline to target value at the deadline, dashed, with a
    diamond at the target) and the figures reported for its indicator; one panel per indicator.

    targets: indicator, baseline_value, baseline_date, target_value, deadline (Timestamps)
    points:  indicator, date (Timestamp), value
    """
    paths = pd.DataFrame(
        [
            {"indicator": t.indicator, "date": when, "value": value, "target": t.deadline.date().isoformat()}
            for t in targets.itertuples(index=False)
            if not pd.isna(t.baseline_date)
            for when, value in ((t.baseline_date, t.baseline_value), (t.deadline, t.target_value))
        ],
        columns=["indicator", "date", "value", "target"],
    )
    indicators = list(dict.fromkeys([*paths["indicator"], *points["indicator"]]))
    panels = [_panel(paths[paths["indicator"] == name], points[points["indicator"] == name], name) for name in indicators]
    chart = panels[0] if len(panels) == 1 else alt.vconcat(*panels)
    return chart.configure_view(stroke=None).configure_axis(labelFontSize=11).configure_title(fontSize=12, anchor="start")


def _panel(paths: pd.DataFrame, points: pd.DataFrame, indicator: str) -> alt.TopLevelMixin:
    # Vega picks the tick format from the span: years for long paths, months for short ones.
    x = alt.X("date:T", title=None)
    y = alt.Y("value:Q", title=None)
    layers = []
    if len(paths):
        layers.append(alt.Chart(paths).mark_line(strokeDash=[6, 4], color=PALETTE["path"]).encode(x=x, y=y, detail="target:N"))
        ends = paths.groupby("target").tail(1)
        layers.append(alt.Chart(ends).mark_point(shape="diamond", size=90, filled=True, color=PALETTE["target"]).encode(x=x, y=y))
    if len(points):
        layers.append(alt.Chart(points).mark_line(point=True, color=PALETTE["figure"]).encode(x=x, y=y))
    return alt.layer(*layers).properties(width=WIDTH, height=150, title=indicator)


def national_figures_chart(figures: pd.DataFrame, lang: str = "en") -> alt.TopLevelMixin:
    """National figures over time, one small panel per indicator (units differ).

    figures: indicator, date (Timestamp), value, label (the value as the brief writes it)
    """
    base = alt.Chart(figures).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%m/%Y" if lang == "vi" else "%b %Y")),
        y=alt.Y("value:Q", title=None),
    )
    chart = (base.mark_line(point=True, color=PALETTE["figure"]) + base.mark_text(dy=-10, fontSize=10).encode(text="label:N"))
    return (
        chart.properties(width=WIDTH, height=110)
        .facet(row=alt.Row("indicator:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left", labelFontSize=11)))
        .resolve_scale(y="independent")
        .configure_view(stroke=None)
    )


def timeline_chart(documents: pd.DataFrame, lang: str = "en") -> alt.TopLevelMixin:
    """Documents of the cascade on a time line.

    documents: date (Timestamp), number, level ('national' or the unit's name)
    """
    base = alt.Chart(documents).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%Y")),
        y=alt.Y("level:N", title=None),
    )
    return (
        (base.mark_point(filled=True, size=70, color=PALETTE["figure"]) + base.mark_text(dy=-10, fontSize=10, angle=0).encode(text="number:N"))
        .properties(width=WIDTH, height=40 + 40 * documents["level"].nunique())
        .configure_view(stroke=None)
    )


def coverage_map(units: pd.DataFrame, lang: str = "en") -> alt.TopLevelMixin:
    """A schematic map: one dot per current unit at its centroid, coloured by how many kinds of
    document it has issued. No boundaries are drawn.

    units: name, lat, lon, issued (int)
    """
    legend_title = label("documents_issued", lang)
    return (
        alt.Chart(units)
        .mark_circle(size=160, stroke="#555555", strokeWidth=0.5)
        .encode(
            longitude="lon:Q",
            latitude="lat:Q",
            color=alt.Color("issued:O", title=legend_title, scale=alt.Scale(range=COVERAGE_COLOURS)),
            tooltip=["name:N", "issued:Q"],
        )
        .project(type="mercator")
        .properties(width=260, height=480)
        .configure_view(stroke=None)
    )
