"""The brief's charts on fictional units: no chart of a single point, no plotted value without
a curated fact, a tooltip on every mark, dates that read as dates, targets worded naturally."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.briefs.chart_points import MIN_PEERS, MIN_POINTS
from analysis.briefs.charts import tooltip_texts
from analysis.briefs.wording import by_date, target_text
from charts_scenario import brief, scenario_facts
from fictional import CURRENT

CHARTS = {"trend_points": "trend_chart", "peer_points": "peer_chart",
          "timeline_points": "timeline_chart", "national_points": "national_chart"}


@pytest.fixture(scope="module")
def facts():
    return scenario_facts()


@pytest.fixture(scope="module")
def briefs(facts):
    return {(unit, lang): brief(unit, lang, facts) for unit in CURRENT for lang in ("en", "vi")}


def plotted(points: pd.DataFrame) -> pd.DataFrame:
    """The rows a chart draws as a value (a 'no data' row is a label, never a value)."""
    return points[points["kind"] != "missing"] if "kind" in points else points


def test_no_chart_has_a_single_point(briefs):
    drawn = 0
    for b in briefs.values():
        for method in CHARTS:
            points = plotted(getattr(b, method)())
            group = "lane" if method == "timeline_points" else "panel"
            need = MIN_PEERS if method == "peer_points" else MIN_POINTS
            sizes = [len(points)] if method == "timeline_points" else points.groupby(group).size().tolist()
            assert all(size >= need for size in sizes if size), (b.unit.slug, method, sizes)
            drawn += len(points)
    assert drawn > 0
    # gamma's incidents (one figure) and eta's only figure are in the table, not in a line.
    assert "Fictional incidents" not in set(briefs["gamma", "en"].trend_points()["panel"])
    assert briefs["eta", "en"].trend_chart() == "" and briefs["eta", "en"].heading("trend_chart") == ""


def _curated_values(facts) -> dict[str, set[float]]:
    values: dict[str, set[float]] = {}
    for r in facts.observations.itertuples(index=False):
        values.setdefault(r.observation_id, set()).add(float(r.value))
    for r in facts.targets.itertuples(index=False):
        values.setdefault(r.target_id, set()).add(float(r.value))
        if not pd.isna(r.baseline_value):
            values[r.target_id].add(float(r.baseline_value))
    return values


def test_every_plotted_value_is_a_curated_fact(briefs, facts):
    values = _curated_values(facts)
    dates = {**dict(zip(facts.documents["document_id"], pd.to_datetime(facts.documents["issued_end"]))),
             **dict(zip(facts.observations["observation_id"], pd.to_datetime(facts.observations["date_end"]))),
             **dict(zip(facts.targets["target_id"], pd.to_datetime(facts.targets["deadline"])))}
    checked = 0
    for b in briefs.values():
        for method in CHARTS:
            for row in plotted(getattr(b, method)()).itertuples(index=False):
                parts = str(row.fact_id).split(" + ")
                if method == "timeline_points":  # a mark at a date: the fact's own date
                    assert row.date == dates[row.fact_id], (row.fact_id, row.date)
                    continue
                assert all(p in values for p in parts), (method, row.fact_id)
                if len(parts) == 1:
                    assert row.value in values[parts[0]], (method, row.fact_id, row.value)
                else:  # a merged unit's sum: exactly the sum of its parts' figures
                    assert row.value == sum(next(iter(values[p])) for p in parts)
                checked += 1
    assert checked > 20


def test_every_mark_has_a_tooltip_with_value_date_source_and_quote(briefs):
    for (unit, lang), b in briefs.items():
        for method, chart in CHARTS.items():
            points = plotted(getattr(b, method)())
            svg = getattr(b, chart)()
            if points.empty:
                assert svg == ""
                continue
            tips = tooltip_texts(svg)
            assert sorted(tips) == sorted(points["tip"]), (unit, lang, method)
            source = "Source: " if lang == "en" else "Nguồn: "
            for tip in tips:
                head, source_line, *quote = tip.split("\n")
                assert re.search(r"\((\d{1,2} \w+ \d{4}|\w+ \d{4}|\d{4}|\d{2}/\d{2}/\d{4}|\d{2}/\d{4})\)$", head), tip
                assert source_line.startswith(source) and "Fictional source" in source_line
                assert quote and quote[0].startswith("“") and quote[0].endswith("”")


def test_a_tooltip_names_the_brief_s_citation_number_and_the_quote(briefs):
    tips = briefs["gamma", "en"].trend_points().set_index("fact_id")["tip"]
    assert tips["o-gamma-2024"].startswith("Gamma Province: nearly 300 officers (30 June 2024)")
    assert re.search(r"Source: \[\d+\] Fictional source", tips["o-gamma-2024"])
    assert tips["o-gamma-2024"].endswith("“nearly 300 in gamma”")
    # The earlier figure the line plots is cited in the brief too.
    assert re.search(r"Source: \[\d+\]", tips["o-gamma-2023"])


def test_a_path_only_from_a_stated_baseline(briefs):
    points = briefs["gamma", "en"].trend_points()
    officers = points[points["panel"] == "Fictional officers"]
    assert set(officers["kind"]) == {"figure", "target", "baseline"}
    assert officers.loc[officers["kind"] == "baseline", "value"].tolist() == [100.0]
    share = points[points["panel"] == "Fictional share"]
    assert set(share["kind"]) == {"target"} and share["path"].isna().all()
    assert share["note"].iloc[0] == "Targets only: Gamma Province has reported no figure"
    assert officers["note"].iloc[0] == "2 figures, 1 target"
    svg = briefs["gamma", "en"].trend_chart()
    assert svg.count("stroke-dasharray") == 1  # one dashed path: officers, from its stated baseline


def test_a_unit_beside_the_others_with_no_data_as_its_own_state(briefs):
    points = briefs["gamma", "en"].peer_points()
    officers = points[points["panel"] == "Fictional officers"]
    own = officers[officers["kind"] == "self"]
    assert own["value"].tolist() == [300.0] and own["fact_id"].tolist() == ["o-gamma-2024"]
    assert officers["note"].iloc[0] == "Gamma Province: rank 2 of 6 units reporting"
    merged = officers[officers["fact_id"] == "o-alpha + o-beta"]
    assert merged["value"].tolist() == [200.0] and "sum of the former units' figures" in merged["tip"].iloc[0]
    share = points[points["panel"] == "Fictional share"]
    missing = share[share["kind"] == "missing"]
    assert len(missing) == 1 and missing["value"].isna().all() and missing["fact_id"].isna().all()
    assert share["note"].iloc[0] == "Gamma Province: no data (3 units report)"
    svg = briefs["gamma", "en"].peer_chart()
    assert "Gamma Province: no data" in svg
    vi = briefs["gamma", "vi"].peer_points()
    assert "Gamma: chưa có dữ liệu (3 địa phương có số liệu)" in set(vi["note"])


def test_the_timeline_sets_the_unit_against_the_national_cascade(briefs):
    points = briefs["gamma", "en"].timeline_points()
    lanes = points.sort_values("lane_order")["lane"].drop_duplicates().tolist()
    assert lanes == ["National documents", "Gamma Province: documents", "Gamma Province: figures",
                     "Gamma Province: target deadlines"]
    docs = points[points["kind"] == "document"].sort_values("date")["label"].tolist()
    assert docs == ["12-NQ/TW", "90-QĐ/TW", "5-NQ/TU"]
    svg = briefs["gamma", "en"].timeline_chart()
    assert all(number in svg for number in docs)


def _axis_labels(svg: str) -> list[str]:
    labels = []
    for group in re.findall(r'<g class="mark-text role-axis-label"[^>]*>(.*?)</g>', svg, flags=re.S):
        labels += re.findall(r">([^<>]+)</text>", group)
    return labels


@pytest.mark.parametrize("lang, date_label", [("en", r"\d{4}|[A-Z][a-z]{2} \d{4}"), ("vi", r"\d{4}|\d{2}/\d{4}")])
def test_date_axes_read_as_dates(briefs, lang, date_label):
    number = r"[\d.,]+" if lang == "vi" else r"[\d,.]+"
    seen_dates = 0
    for unit in CURRENT:
        b = briefs[unit, lang]
        lanes = set(b.timeline_points()["lane"])  # the timeline's other axis names its lanes
        for chart in ("trend_chart", "timeline_chart", "national_chart"):
            for text in _axis_labels(getattr(b, chart)()):
                assert re.fullmatch(date_label, text) or re.fullmatch(number, text) or text in lanes, (unit, chart, text)
                seen_dates += bool(re.fullmatch(date_label, text)) and not re.fullmatch(r"\d{1,3}", text)
    assert seen_dates > 0


def test_vietnamese_axis_numbers_group_with_dots(briefs):
    labels = _axis_labels(briefs["gamma", "vi"].national_chart())
    assert "2.000" in labels and "2,000" not in labels


@pytest.mark.parametrize("comparator, value, unit, lang, compact, expected", [
    (">=", 100, "%", "en", False, "100%"),
    (">=", 100, "%", "vi", True, "100%"),
    (">=", 30, "%", "en", False, "at least 30%"),
    (">=", 30, "%", "en", True, "≥ 30%"),
    (">=", 30, "%", "vi", False, "ít nhất 30%"),
    (">", 48000, "officers", "vi", False, "trên 48.000 cán bộ, chiến sĩ"),
    ("<=", 0, "incidents", "en", False, "0 incidents"),
    ("<", 5, "incidents", "en", True, "< 5 incidents"),
    ("=", 249, "units", "en", False, "249 units"),
])
def test_comparators_read_naturally(comparator, value, unit, lang, compact, expected):
    assert target_text(comparator, value, unit, lang, compact=compact).replace("\\", "") == expected


def test_deadlines_read_at_the_precision_stated():
    assert by_date("2025-12-31", "en") == "by 31 December 2025"
    assert by_date("2025-12-31", "vi") == "đến ngày 31/12/2025"
    assert by_date("2023-05", "en") == "by May 2023" and by_date("2023-05", "vi") == "đến tháng 05/2023"
    assert by_date("2030", "en") == "by 2030" and by_date("2030", "vi") == "đến năm 2030"


def test_a_thin_brief_says_so_in_one_line_at_the_top(briefs):
    def first_line(b) -> str:
        return b.key_messages().split("\n\n")[1]

    assert first_line(briefs["eta", "en"]).startswith("**Thin data:** as of 30 June 2025, no documents, no targets and 1 figure about Eta Province")
    assert first_line(briefs["eta", "vi"]).startswith("**Dữ liệu còn ít:**")
    assert first_line(briefs["theta", "en"]) == "**No document, target or figure about Theta Province has been curated as of 30 June 2025.**"
    assert first_line(briefs["gamma", "en"]).startswith("- ")  # enough facts: straight to the messages
    assert "Thin data" not in briefs["gamma", "en"].key_messages()


def test_a_unit_with_nothing_keeps_the_national_context_and_stands_beside_the_others_as_no_data(briefs):
    b = briefs["theta", "en"]
    messages = b.key_messages()
    assert "Nationally" in messages
    assert "Neither a target nor a figure for this unit" in b.data_gaps()
    assert b.trend_chart() == "" and b.heading("trend_chart") == ""
    peers = b.peer_points()
    assert not (peers["kind"] == "self").any()
    assert (peers["kind"] == "missing").sum() == peers["panel"].nunique() > 0
    assert b.national_chart().lstrip().startswith("<svg")
