"""Targets, latest figures, progress and as-of, on fictional units (see tests/fictional.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.progress.targets import (
    FIGURE_COLUMNS,
    PROGRESS_COLUMNS,
    TARGET_COLUMNS,
    brief_tables,
    latest_figures,
    progress_table,
    unit_targets,
)
from analysis.progress.rollup import facts_as_of
from fictional import Fictional


def merged_unit_facts(more=lambda builder: builder):
    return more(
        Fictional()
        .document("alpha:1-NQ/TU", "alpha", issued="2023-01-01")
        .document("beta:7-NQ/TU", "beta", issued="2023-03-01")
        .target("alpha", "share", 30, "2025-12-31", document_id="alpha:1-NQ/TU", target_id="alpha-share")
        .target("beta", "officers", 80, "2025-12-31", document_id="beta:7-NQ/TU", target_id="beta-officers")
        .target("alpha-beta", "officers", 200, "2027-12-31", target_id="ab-officers")
        .observation("alpha", "share", 10, "2024-01-01")
        .observation("alpha", "share", 20, "2024-06-30")
        .observation("alpha", "officers", 100, "2024-06-30")
        .observation("beta", "officers", 60, "2024-06-30")
        .observation("beta", "funding", 5e9, "2024-06-30")
    ).build()


def test_targets_name_their_document_quote_and_legacy_unit():
    targets = unit_targets(merged_unit_facts(), "alpha-beta", "2024-12-31")
    assert list(targets.columns) == TARGET_COLUMNS
    by_id = targets.set_index("target_id")
    assert by_id.loc["alpha-share", "legacy_unit"] == "alpha"
    assert by_id.loc["alpha-share", "document_number"] == "1-NQ/TU"
    assert by_id.loc["alpha-share", "quote"] == ">= 30 by 2025-12-31"
    assert by_id.loc["beta-officers", "legacy_unit"] == "beta"
    assert by_id.loc["ab-officers", "legacy_unit"] is None
    assert unit_targets(merged_unit_facts(), "gamma", "2024-12-31").empty


def test_latest_figure_per_indicator_and_series():
    figures = latest_figures(merged_unit_facts(), "alpha-beta", "2024-12-31")
    assert list(figures.columns) == FIGURE_COLUMNS
    share = figures[figures["indicator_id"] == "share"].iloc[0]
    assert (share["value"], share["date"], share["n_observations"]) == (20.0, "2024-06-30", 2)
    officers_sum = figures[figures["combined"]].iloc[0]
    assert (officers_sum["value"], officers_sum["parts"]) == (160.0, "alpha + beta")
    earlier = latest_figures(merged_unit_facts(), "alpha-beta", "2024-03-31")
    assert list(earlier["value"]) == [10.0]


def test_progress_row_measures():
    table = progress_table(merged_unit_facts(), "alpha-beta", "2024-12-31")
    assert list(table.columns) == PROGRESS_COLUMNS
    row = table.set_index("target_id").loc["alpha-share"]
    assert row["value"] == 20.0 and row["gap"] == 10.0
    assert row["progress"] == pytest.approx(20 / 30)
    assert row["days_left"] == (pd.Timestamp("2025-12-31") - pd.Timestamp("2024-12-31")).days
    assert row["baseline_basis"] == "0 at document issue date"
    # a straight line through 10 on 2024-01-01 and 20 on 2024-06-30, read at the deadline
    slope = 10 / (pd.Timestamp("2024-06-30") - pd.Timestamp("2024-01-01")).days
    assert row["projected_value"] == pytest.approx(10 + slope * (pd.Timestamp("2025-12-31") - pd.Timestamp("2024-01-01")).days)
    assert row["status"] == "on track"


def test_merged_target_is_judged_on_the_sum_and_legacy_target_on_its_part():
    table = progress_table(merged_unit_facts(), "alpha-beta", "2024-12-31").set_index("target_id")
    assert table.loc["ab-officers", "value"] == 160.0
    assert table.loc["ab-officers", "observation_id"].count("+") == 1
    assert table.loc["beta-officers", "value"] == 60.0


def test_no_target_and_no_data_are_different_rows():
    facts = merged_unit_facts()
    table = progress_table(facts, "alpha-beta", "2024-12-31")
    no_target = table[table["status"] == "no target"]
    # beta's funding has no target; alpha's officers feed the merged target, so they are no gap
    assert list(zip(no_target["legacy_unit"], no_target["indicator_id"])) == [("beta", "funding")]
    assert pd.isna(no_target["target_id"]).all()
    early = progress_table(facts, "alpha-beta", "2023-06-30")
    assert set(early["status"]) == {"no data"}


def test_nearly_the_target_is_not_achieved():
    facts = (
        Fictional()
        .target("gamma", "officers", 600, "2025-12-31", target_id="t")
        .observation("gamma", "officers", 600, "2025-06-30", qualifier="nearly")
        .observation("delta", "officers", 600, "2025-06-30", qualifier="about")
        .target("delta", "officers", 600, "2025-12-31", target_id="u")
        .build()
    )
    assert progress_table(facts, "gamma", "2025-07-01").loc[0, "status"] == "on track"
    assert progress_table(facts, "delta", "2025-07-01").loc[0, "status"] == "achieved"


def test_past_deadline_unmet_is_off_track():
    facts = Fictional().target("gamma", "share", 30, "2024-12-31").observation("gamma", "share", 29, "2024-12-01").build()
    assert progress_table(facts, "gamma", "2025-01-01").loc[0, "status"] == "off track"
    assert progress_table(facts, "gamma", "2024-12-31").loc[0, "status"] == "on track"


def test_figures_in_another_unit_of_measure_are_not_compared():
    facts = (
        Fictional()
        .target("gamma", "share", 30, "2025-12-31", target_id="t")
        .observation("gamma", "share", 500, "2024-06-30", value_unit="officers", observation_id="bad")
        .build()
    )
    assert progress_table(facts, "gamma", "2024-12-31").set_index("target_id").loc["t", "status"] == "no data"


# ---- as of ---------------------------------------------------------------------------------


def test_only_what_was_published_by_as_of_counts():
    facts = (
        Fictional()
        .document("gamma:2-NQ/TU", "gamma", issued="2023-05-31", published="2023-06-30")
        .target("gamma", "share", 30, "2025-12-31", document_id="gamma:2-NQ/TU")
        .observation("gamma", "share", 10, "2024-03-01", published="2024-05")
        .build()
    )
    assert unit_targets(facts, "gamma", "2023-06-29").empty  # issued, not yet published
    assert len(unit_targets(facts, "gamma", "2023-06-30")) == 1
    assert latest_figures(facts, "gamma", "2024-05-30").empty  # "2024-05" counts from 31 May
    assert len(latest_figures(facts, "gamma", "2024-05-31")) == 1


def test_a_source_without_a_date_counts_from_the_facts_own_date():
    facts = (
        Fictional()
        .source("undated", published=None)
        .observation("gamma", "share", 10, "2024-03", source_id="undated")
        .document("gamma:3-NQ/TU", "gamma", issued=None, source_id="undated")
        .build()
    )
    assert latest_figures(facts, "gamma", "2024-03-30").empty
    assert len(latest_figures(facts, "gamma", "2024-03-31")) == 1
    assert facts_as_of(facts, "2100-01-01").documents.empty  # no date at all: never counts


def test_a_target_counts_only_once_its_document_is_issued():
    facts = (
        Fictional()
        .source("early", published="2023-01-01")
        .document("gamma:4-NQ/TU", "gamma", issued="2023-05-31", source_id="early")
        .target("gamma", "share", 30, "2025-12-31", document_id="gamma:4-NQ/TU")
        .build()
    )
    assert unit_targets(facts, "gamma", "2023-05-30").empty
    assert len(unit_targets(facts, "gamma", "2023-05-31")) == 1


def test_a_replaced_document_s_targets_are_no_longer_in_force():
    facts = (
        Fictional()
        .document("gamma:5-NQ/TU", "gamma", issued="2023-01-01")
        .document("gamma:9-NQ/TU", "gamma", issued="2024-01-01")
        .target("gamma", "share", 30, "2025-12-31", document_id="gamma:5-NQ/TU", target_id="old")
        .target("gamma", "share", 40, "2025-12-31", document_id="gamma:9-NQ/TU", target_id="new")
        .link("gamma:9-NQ/TU", "gamma:5-NQ/TU", relation="replaces")
        .build()
    )
    assert list(unit_targets(facts, "gamma", "2023-12-31")["target_id"]) == ["old"]
    assert list(unit_targets(facts, "gamma", "2024-01-01")["target_id"]) == ["new"]


def test_an_earlier_as_of_gives_the_same_answer_after_later_facts_arrive():
    def later(builder):
        return (
            builder.observation("alpha", "share", 35, "2025-03-01")
            .document("alpha-beta:1-NQ/TU", "alpha-beta", issued="2025-09-01")
            .target("alpha-beta", "share", 50, "2028-12-31", document_id="alpha-beta:1-NQ/TU")
        )

    before, after = merged_unit_facts(), merged_unit_facts(later)
    assert len(progress_table(after, "alpha-beta", "2025-12-31")) > len(progress_table(before, "alpha-beta", "2025-12-31"))
    for as_of in ("2024-06-30", "2024-12-31"):
        pd.testing.assert_frame_equal(progress_table(before, "alpha-beta", as_of), progress_table(after, "alpha-beta", as_of))


DAY = st.integers(min_value=0, max_value=2000)
UNITS = st.sampled_from(["alpha", "beta", "gamma", "theta", "iota", "alpha-beta", "national"])


@settings(max_examples=60, deadline=None)
@given(
    observations=st.lists(st.tuples(UNITS, DAY, st.one_of(st.none(), DAY)), max_size=6),
    documents=st.lists(st.tuples(UNITS, st.one_of(st.none(), DAY), st.one_of(st.none(), DAY)), max_size=4),
    t1=DAY,
    step=DAY,
)
def test_a_later_as_of_never_forgets_a_fact(observations, documents, t1, step):
    origin = pd.Timestamp("2022-01-01")

    def day(n):
        return None if n is None else str((origin + pd.Timedelta(days=n)).date())

    builder = Fictional()
    for unit, date, lag in observations:
        builder.observation(unit, "officers", 1, day(date), published=day(None if lag is None else date + lag))
    for i, (unit, issued, published) in enumerate(documents):
        doc = f"{unit}:{i}-NQ"
        builder.document(doc, unit, issued=day(issued), published=day(published))
        builder.target(unit, "share", 10, "2030-12-31", document_id=doc)
    facts = builder.build()
    early = facts_as_of(facts, day(t1))
    late = facts_as_of(facts, day(t1 + step))
    for table, key in (("observations", "observation_id"), ("documents", "document_id"), ("targets", "target_id")):
        assert set(getattr(early, table)[key]) <= set(getattr(late, table)[key])


# ---- one call for a notebook ---------------------------------------------------------------


def test_brief_tables_gathers_every_table():
    brief = brief_tables(merged_unit_facts(), "alpha-beta", "2024-12-31", lang="vi")
    assert set(brief.tables()) == {"targets", "figures", "progress", "coverage", "national", "ranks", "gaps"}
    assert brief.progress["indicator"].str.startswith("Chỉ số").all()
    assert set(brief.gaps["gap_kind"]) == {"no target"}
    with pytest.raises(ValueError):
        brief_tables(merged_unit_facts(), "alpha-beta", "2024-12-31", lang="fr")
