"""Coverage of the cascade and national figures, on fictional units (see tests/fictional.py)."""

from __future__ import annotations

from analysis.progress.coverage import coverage_grid, national_coverage, unit_coverage
from analysis.progress.targets import national_figures
from analysis.curation.schema import TOPICS
from fictional import CURRENT, Fictional


def cascade():
    return (
        Fictional()
        .document("90-QĐ/TW", "national", issued="2022-12-06", type="QĐ", topic="coordination")
        .document("alpha:3-NQ/TU", "alpha", issued="2023-04-01", topic="police force building")
        .document("beta:8-KH/TU", "beta", issued="2023-02-01", type="KH", topic="implementation plan")
        .document("gamma:15-NQ/TU", "gamma", issued="2024-05-31", topic="model ward police")
        .link("alpha:3-NQ/TU", "90-QĐ/TW")
        .link("gamma:15-NQ/TU", "90-QĐ/TW", relation="cites")
        .observation("national", "officers", 600, "2023-03-20", qualifier="nearly", observation_id="n1")
        .observation("national", "officers", 700, "2024-03-20", qualifier="more than", observation_id="n2")
        .observation("alpha", "officers", 10, "2024-03-20")
        .build()
    )


def test_unit_coverage_lists_the_documents_of_the_unit_and_its_legacy_units():
    docs = unit_coverage(cascade(), "alpha-beta", "2024-12-31")
    assert list(docs["document_id"]) == ["beta:8-KH/TU", "alpha:3-NQ/TU"]  # by issue date
    assert list(docs["legacy_unit"]) == ["beta", "alpha"]
    assert list(docs["date_issued"]) == ["2023-02-01", "2023-04-01"]
    assert docs.set_index("document_id").loc["alpha:3-NQ/TU", "implements"] == "90-QĐ/TW"
    assert docs.set_index("document_id").loc["beta:8-KH/TU", "implements"] is None


def test_unit_coverage_respects_as_of():
    assert list(unit_coverage(cascade(), "alpha-beta", "2023-03-01")["document_id"]) == ["beta:8-KH/TU"]
    assert unit_coverage(cascade(), "gamma", "2024-05-30").empty
    gamma = unit_coverage(cascade(), "gamma", "2024-05-31")
    assert gamma.loc[0, "cites"] == "90-QĐ/TW" and gamma.loc[0, "implements"] is None


def test_national_coverage_shows_every_current_unit_and_kind_including_nothing():
    table = national_coverage(cascade(), "2024-12-31")
    assert len(table) == len(CURRENT) * len(TOPICS)
    assert set(table["current_unit"]) == set(CURRENT)
    row = table[(table["current_unit"] == "alpha-beta") & (table["kind"] == "implementation plan")].iloc[0]
    assert (row["documents"], row["document_ids"], row["legacy_units"], row["first_issued"]) == (
        1, "beta:8-KH/TU", "beta", "2023-02-01"
    )
    assert table.loc[table["current_unit"] == "delta", "documents"].sum() == 0
    grid = coverage_grid(cascade(), "2024-12-31", by="type")
    assert grid.loc["alpha-beta", "NQ"] == 1 and grid.loc["alpha-beta", "KH"] == 1 and grid.loc["eta"].sum() == 0


def test_national_figures_come_with_their_dates():
    figures = national_figures(cascade(), "2024-12-31")
    assert list(zip(figures["observation_id"], figures["date"], figures["qualifier"])) == [
        ("n1", "2023-03-20", "nearly"),
        ("n2", "2024-03-20", "more than"),
    ]
    assert list(figures["source_published"]) == ["2023-03-20", "2024-03-20"]
    assert list(national_figures(cascade(), "2024-12-31", latest_only=True)["observation_id"]) == ["n2"]
    assert list(national_figures(cascade(), "2023-12-31")["observation_id"]) == ["n1"]


def matrix_facts():
    return (
        Fictional()
        .observation("alpha", "officers", 10, "2023-03-20")
        .observation("beta", "officers", 12, "2024-05")
        .observation("national", "officers", 700, "2024-03-20")
        .target("gamma", "share", 30, "2025-12-31")
        .build()
    )


def test_coverage_matrix_tells_reported_from_target_only_from_no_data():
    from analysis.progress.coverage import NO_DATA_CELL, REPORTED, TARGET_ONLY, coverage_matrix

    cells = coverage_matrix(matrix_facts(), "2024-12-31").set_index(["current_unit", "indicator_id"])
    merged = cells.loc[("alpha-beta", "officers")]  # both legacy units' figures count for the merged unit
    assert (merged["observations"], merged["state"], merged["latest_date"]) == (2, REPORTED, "2024-05")
    assert cells.loc[("gamma", "share"), "state"] == TARGET_ONLY
    assert cells.loc[("gamma", "share"), "targets"] == 1
    assert cells.loc[("gamma", "officers"), "state"] == NO_DATA_CELL
    assert "national" not in set(cells.index.get_level_values(0))
    assert len(cells) == len(CURRENT) * 4  # every current unit x every indicator


def test_coverage_matrix_respects_as_of():
    from analysis.progress.coverage import coverage_matrix, coverage_summary

    early = coverage_matrix(matrix_facts(), "2023-12-31").set_index(["current_unit", "indicator_id"])
    assert early.loc[("alpha-beta", "officers"), "observations"] == 1
    summary = coverage_summary(matrix_facts(), "2024-12-31")
    assert summary["units_with_figures"] == 1 and summary["observations"] == 2
    assert summary["units_with_target_or_document"] == 1  # gamma's target and its document
