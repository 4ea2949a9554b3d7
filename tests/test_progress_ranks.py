"""Ranks among units, only where enough units report (analysis.progress.compare)."""

from __future__ import annotations

import pandas as pd

from analysis.progress.compare import MIN_UNITS_FOR_RANK, peer_figures, unit_ranks
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


def test_peer_figures_place_every_current_unit_with_its_fact():
    facts = reporting({"alpha": 10, "beta": 20, "gamma": 25, "delta": 5, "epsilon": 1}, indicator="officers")
    peers = peer_figures(facts, "2024-12-31").set_index("unit")
    assert list(peers.index) == ["alpha-beta", "gamma", "delta", "epsilon"]  # best first
    assert peers.loc["alpha-beta", "value"] == 30.0 and bool(peers.loc["alpha-beta", "combined"])
    assert sorted(peers.loc["alpha-beta", "observation_id"].split(" + ")) == sorted(
        facts.observations.loc[facts.observations["unit"].isin(["alpha", "beta"]), "observation_id"])
    assert peers["rank"].tolist() == [1, 2, 3, 4] and set(peers["units_reporting"]) == {4}
    lower = peer_figures(reporting({"gamma": 5, "delta": 7, "epsilon": 1}, indicator="incidents"), "2024-12-31")
    assert lower.set_index("unit")["rank"].to_dict() == {"epsilon": 1, "gamma": 2, "delta": 3}


def test_peer_figures_count_only_what_is_published_by_the_date():
    facts = reporting({"gamma": 50, "delta": 70}, date="2025-03-31")
    assert peer_figures(facts, "2024-12-31").empty
    assert len(peer_figures(facts, "2025-12-31")) == 2
