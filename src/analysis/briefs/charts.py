"""Charts for the briefs, drawn with Altair and emitted as SVG.

SVG keeps charts vector in the PDF and self-contained in the HTML: a Vega-Lite output would
make the page load scripts from a CDN. vl-convert stays warm within a process, so after the
first chart each conversion is cheap.

Every chart draws a frame of points (see analysis.briefs.chart_points) in which each plotted
row carries the id of the curated fact it shows (`fact_id`) and its tooltip (`tip`: value,
date, source, quote). vl-convert writes a mark's `description` as its `aria-label`; `to_svg`
copies that into an SVG `<title>`, which browsers show on hover with no script, and which the
PDF ignores.
"""

from __future__ import annotations

import html
import re

import altair as alt
import pandas as pd


WIDTH = 620  # the brief's text column is about 830 px wide; the time line adds its lane names
PALETTE = {"figure": "#1f4e79", "target": "#c55a11", "peer": "#9aa5b1", "missing": "#7f7f7f", "document": "#1f4e79"}
VI_NUMBERS = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]}
_MONTH_FORMAT = {"en": "%b %Y", "vi": "%m/%Y"}
# A mark vl-convert labelled from a `description`: a self-closing shape with an aria-label.
_LABELLED_MARK = re.compile(r'<(path|rect|circle)\b([^>]*?)\saria-label="([^"]*)"([^>]*?)/>')
_MARK_ROLES = ("point", "circle", "square", "symbol", "rect", "bar", "tick")


def to_svg(chart: alt.TopLevelMixin, lang: str = "en") -> str:
    """The chart as SVG, numbers in `lang`'s format, each described mark with a <title>.
    No data is fetched: every chart carries its values inline."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(
        chart.to_dict(), allowed_base_urls=[], format_locale=VI_NUMBERS if lang == "vi" else None
    )
    return with_titles(svg)


def with_titles(svg: str) -> str:
    """Give every labelled data mark a <title> child holding its label (a native tooltip)."""

    def add(match: re.Match) -> str:
        tag, before, text, after = match.groups()
        role = re.search(r'aria-roledescription="([^"]*)"', before + after)
        if role is None or role.group(1) not in _MARK_ROLES:
            return match.group(0)
        # The attribute is already escaped; &#xA; stays a line break inside the element.
        return f'<{tag}{before} aria-label="{text}"{after}><title>{text}</title></{tag}>'

    return _LABELLED_MARK.sub(add, svg)


def tooltip_texts(svg: str) -> list[str]:
    """The text of every <title> in an SVG, unescaped: what a reader sees on hover."""
    return [html.unescape(t) for t in re.findall(r"<title>(.*?)</title>", svg, flags=re.S)]


# ---- axes ---------------------------------------------------------------------------------


def _datetime(when: pd.Timestamp) -> alt.DateTime:
    return alt.DateTime(year=when.year, month=when.month, date=when.day)


def time_axis(dates: pd.Series, lang: str) -> alt.X:
    """A date axis that reads as dates: years ("2023") over long spans, months with their year
    ("May 2023", "05/2023") over short ones; the domain padded so no point sits on the edge."""
    dates = pd.to_datetime(pd.Series(dates)).dropna()
    lo, hi = dates.min(), dates.max()
    span_days = max((hi - lo).days, 1)
    if span_days >= 3 * 365:
        fmt, ticks = "%Y", {"interval": "year", "step": 1 if span_days < 9 * 365 else 2}
    else:
        step = 1 if span_days < 150 else 3 if span_days < 500 else 6
        fmt, ticks = _MONTH_FORMAT[lang], {"interval": "month", "step": step}
    pad = pd.Timedelta(days=max(span_days * 0.06, 20))
    return alt.X(
        "date:T", title=None,
        axis=alt.Axis(format=fmt, tickCount=ticks, labelOverlap=True, grid=False),
        scale=alt.Scale(domain=[_datetime(lo - pad), _datetime(hi + pad)]),
    )


FONT = "Noto Sans"  # the brief's own font: vl-convert measures labels with it, the page draws it


def _configured(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (chart.properties(padding={"left": 8, "right": 16, "top": 4, "bottom": 4})
            .configure(font=FONT).configure_view(stroke=None).configure_axis(labelFontSize=11, aria=False)
            .configure_title(fontSize=12, anchor="start", subtitleFontSize=11, subtitleColor="#555555"))


def _stack(panels: list) -> alt.TopLevelMixin:
    return _configured(panels[0] if len(panels) == 1 else alt.vconcat(*panels, spacing=18))


# ---- the charts ------------------------------------------------------------------------------


def trend_chart(points: pd.DataFrame, lang: str = "en") -> alt.TopLevelMixin:
    """One panel per indicator with two or more dated facts: figures joined by a line, targets
    as diamonds at their deadlines, and a dashed path only from a stated baseline.

    points: panel, note, kind ('figure' | 'target' | 'baseline'), date, value, path (the
    target a baseline belongs to), label (written beside the mark), fact_id, tip."""
    panels = []
    for (name, note), rows in points.groupby(["panel", "note"], sort=False):
        x, y = time_axis(rows["date"], lang), alt.Y("value:Q", title=None, scale=alt.Scale(zero=True))
        figures, targets = rows[rows["kind"] == "figure"], rows[rows["kind"] == "target"]
        paths = rows[rows["path"].notna()]
        layers = []
        if len(paths):
            layers.append(alt.Chart(paths).mark_line(strokeDash=[6, 4], color=PALETTE["target"], aria=False)
                          .encode(x=x, y=y, detail="path:N"))
            base = paths[paths["kind"] == "baseline"]
            layers.append(alt.Chart(base).mark_point(shape="circle", size=60, color=PALETTE["target"])
                          .encode(x=x, y=y, description="tip:N"))
        if len(figures) > 1:
            layers.append(alt.Chart(figures).mark_line(color=PALETTE["figure"], aria=False).encode(x=x, y=y))
        if len(figures):
            layers.append(alt.Chart(figures).mark_point(filled=True, size=70, color=PALETTE["figure"], opacity=1)
                          .encode(x=x, y=y, description="tip:N"))
        if len(targets):
            layers.append(alt.Chart(targets).mark_point(shape="diamond", size=110, filled=True, color=PALETTE["target"], opacity=1)
                          .encode(x=x, y=y, description="tip:N"))
        # Each fact written beside its mark, so the PDF (no tooltips) reads the same.
        labelled = rows[rows["kind"] != "baseline"]
        last = labelled["date"] == labelled["date"].max()  # the right-most label reads leftwards
        for part, align, dx in ((labelled[~last], "left", 8), (labelled[last], "right", -8)):
            if len(part):
                layers.append(alt.Chart(part).mark_text(align=align, dx=dx, dy=-8, fontSize=10, aria=False, color="#333333")
                              .encode(x=x, y=y, text="label:N"))
        height = 140 if len(figures) else 100
        panels.append(alt.layer(*layers).properties(width=WIDTH, height=height, title=alt.Title(name, subtitle=note)))
    return _stack(panels)


def peer_chart(points: pd.DataFrame, lang: str = "en") -> alt.TopLevelMixin:
    """Where the unit stands among the units reporting each indicator: one strip per indicator,
    every unit's latest figure a grey dot, the unit's own in colour; a unit with no figure gets
    a hollow "no data" mark at the left, never a value.

    points: panel, note, kind ('peer' | 'self' | 'missing'), value, name, fact_id, tip."""
    panels = []
    for (name, note), rows in points.groupby(["panel", "note"], sort=False):
        x = alt.X("value:Q", title=None, scale=alt.Scale(zero=True, nice=True), axis=alt.Axis(grid=False, tickCount=5))
        y = alt.value(14)
        peers, own, missing = (rows[rows["kind"] == k] for k in ("peer", "self", "missing"))
        layers = [alt.Chart(peers).mark_circle(size=55, color=PALETTE["peer"], opacity=0.8)
                  .encode(x=x, y=y, description="tip:N")]
        if len(own):
            layers.append(alt.Chart(own).mark_point(size=120, filled=True, color=PALETTE["figure"], opacity=1, stroke="white", strokeWidth=1)
                          .encode(x=x, y=y, description="tip:N"))
        if len(missing):
            layers.append(alt.Chart(missing).mark_text(align="left", dx=4, dy=-14, fontSize=10, fontStyle="italic",
                                                       color=PALETTE["missing"], aria=False)
                          .encode(x=alt.value(0), y=y, text="name:N"))
        panels.append(alt.layer(*layers).properties(width=WIDTH, height=28, title=alt.Title(name, subtitle=note)))
    return _stack(panels)


def timeline_chart(points: pd.DataFrame, lang: str = "en") -> alt.TopLevelMixin:
    """The national cascade and the unit's own documents, figures and deadlines on one time
    line, one lane each; the documents of the cascade labelled with their numbers (the others
    carry theirs in the tooltip).

    points: lane, lane_order, kind ('document' | 'figure' | 'target'), date, label ('' for no
    label), fact_id, tip."""
    lanes = list(points.sort_values("lane_order")["lane"].drop_duplicates())
    x = time_axis(points["date"], lang)
    y = alt.Y("lane:N", title=None, sort=lanes, axis=alt.Axis(labelLimit=200, domain=False, ticks=False))
    shapes = {"document": "circle", "figure": "square", "target": "diamond"}
    colours = {"document": PALETTE["document"], "figure": PALETTE["figure"], "target": PALETTE["target"]}
    layers = []
    for kind, rows in points.groupby("kind", sort=False):
        layers.append(alt.Chart(rows).mark_point(shape=shapes[kind], filled=True, size=80, color=colours[kind], opacity=1)
                      .encode(x=x, y=y, description="tip:N"))
    labelled = points[(points["kind"] == "document") & points["label"].astype(bool)].sort_values(["lane", "date"])
    # Within a lane, labels take turns at four heights so neighbours stay readable.
    level = labelled.groupby("lane").cumcount() % 4
    for n, dy in enumerate((-13, 16, -25, 28)):
        rows = labelled[level == n]
        if len(rows):
            layers.append(alt.Chart(rows).mark_text(fontSize=10, dy=dy, aria=False).encode(x=x, y=y, text="label:N"))
    chart = alt.layer(*layers).properties(width=WIDTH - 60, height=60 * len(lanes))
    return _configured(chart)


def national_figures_chart(points: pd.DataFrame, lang: str = "en") -> alt.TopLevelMixin:
    """National figures over time, one small panel per indicator with two or more dates.

    points: panel, date, value, label (the value as the brief writes it), fact_id, tip."""
    panels = []
    for name, rows in points.groupby("panel", sort=False):
        x, y = time_axis(rows["date"], lang), alt.Y("value:Q", title=None, scale=alt.Scale(zero=True))
        base = alt.Chart(rows).encode(x=x, y=y)
        panels.append(alt.layer(
            base.mark_line(color=PALETTE["figure"], aria=False),
            base.mark_point(filled=True, size=60, color=PALETTE["figure"], opacity=1).encode(description="tip:N"),
            base.mark_text(dy=-10, fontSize=10, aria=False).encode(text="label:N"),
        ).properties(width=WIDTH, height=110, title=name))
    return _stack(panels)

