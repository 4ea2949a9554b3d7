"""Ranks among units, only where enough units report (analysis.progress.compare)."""

from __future__ import annotations

import pandas as pd

from analysis.progress.compare import MIN_UNITS_FOR_RANK, unit_ranks
from fictional import Fictional


def reporting(values: dict[str, float], indicator: str = "share", date: str = "2024-06-30"):
    builder = Fictional()
    for unit, value in values.items():
        builder.observation(unit, indicator, value, date)
    return builder.build()


def test_rank_among_five_reporting_units():
    facts = reporting({"gamma": 50, "delta": 70, "epsilon": 10, "zeta": 30, "eta": 70})
    ranks = unit_ranks(facts, "gamma", "2024-12-31")
    row = ranks[ranks["level"] == "2025"].iloc[0]
    assert (row["rank"], row["units_reporting"], row["value"]) == (3, 5, 50.0)
    assert pd.isna(row["note"])
    assert unit_ranks(facts, "delta", "2024-12-31").iloc[0]["rank"] == 1  # ties share the best rank


def test_lower_is_better_ranks_the_smallest_first():
    facts = reporting({"gamma": 5, "delta": 7, "epsilon": 1, "zeta": 3, "eta": 9}, indicator="incidents")
    assert unit_ranks(facts, "epsilon", "2024-12-31").iloc[0]["rank"] == 1


def test_too_few_units_give_a_note_not_a_rank():
    facts = reporting({"gamma": 50, "delta": 70, "epsilon": 10, "zeta": 30})
    row = unit_ranks(facts, "gamma", "2024-12-31").iloc[0]
    assert pd.isna(row["rank"])
    assert row["units_reporting"] == MIN_UNITS_FOR_RANK - 1
    assert "too few" in row["note"]
    missing = unit_ranks(facts, "eta", "2024-12-31").iloc[0]
    assert pd.isna(missing["rank"]) and missing["note"] == "no figure for this unit"


def test_a_merged_unit_is_ranked_by_its_sum_and_its_parts_among_legacy_units():
    facts = reporting(
        {"alpha": 10, "beta": 20, "gamma": 25, "delta": 5, "epsilon": 1, "zeta": 2, "theta": 3, "iota": 4},
        indicator="officers",
    )
    ranks = unit_ranks(facts, "alpha-beta", "2024-12-31").set_index("series")
    assert ranks.loc["alpha-beta", "value"] == 30.0 and ranks.loc["alpha-beta", "rank"] == 1
    # 2025 level: alpha-beta 30, theta 7, gamma 25, delta 5, epsilon 1, zeta 2
    assert ranks.loc["alpha-beta", "units_reporting"] == 6
    assert ranks.loc["legacy:beta", "rank"] == 2 and ranks.loc["legacy:alpha", "rank"] == 3
    assert ranks.loc["legacy:alpha", "units_reporting"] == 8
