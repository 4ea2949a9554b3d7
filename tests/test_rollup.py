"""Roll-up across the 2025 merger, on fictional units (see tests/fictional.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.progress.targets import latest_figures
from analysis.progress.rollup import UnitMap, rolled_up
from fictional import MERGERS, Fictional


def sums(frame):
    return frame[frame["combined"]]


def test_complete_additive_parts_are_summed_and_named():
    facts = (
        Fictional()
        .observation("alpha", "officers", 10, "2024-01-01")
        .observation("beta", "officers", 5, "2024-01-01")
        .build()
    )
    rolled = rolled_up(facts, "alpha-beta")
    assert sorted(rolled.loc[~rolled["combined"], "legacy_unit"]) == ["alpha", "beta"]
    (total,) = sums(rolled).itertuples()
    assert (total.value, total.parts, total.legacy_unit, total.series) == (15.0, "alpha + beta", None, "alpha-beta")


def test_incomplete_or_differently_dated_parts_stay_side_by_side():
    facts = (
        Fictional()
        .observation("alpha", "officers", 10, "2024-01-01")
        .observation("beta", "officers", 5, "2024-02-01")
        .observation("alpha", "funding", 7, "2024-01-01")
        .build()
    )
    rolled = rolled_up(facts, "alpha-beta")
    assert sums(rolled).empty
    figures = latest_figures(facts, "alpha-beta", "2024-12-31")
    assert sorted(zip(figures["legacy_unit"], figures["indicator_id"], figures["value"])) == [
        ("alpha", "funding", 7.0),
        ("alpha", "officers", 10.0),
        ("beta", "officers", 5.0),
    ]


def test_shares_are_never_summed():
    facts = Fictional().observation("alpha", "share", 40, "2024").observation("beta", "share", 50, "2024").build()
    assert sums(rolled_up(facts, "alpha-beta")).empty


def test_parts_in_different_units_of_measure_are_not_summed():
    facts = (
        Fictional()
        .observation("alpha", "officers", 10, "2024")
        .observation("beta", "officers", 5, "2024", value_unit="people")
        .build()
    )
    assert sums(rolled_up(facts, "alpha-beta")).empty


def test_an_unmerged_unit_is_its_own_legacy_unit_and_counted_once():
    facts = Fictional().observation("gamma", "officers", 10, "2024-01-01").observation("gamma", "officers", 12, "2025-09-01").build()
    rolled = rolled_up(facts, "gamma")
    assert list(rolled["legacy_unit"]) == ["gamma", "gamma"]
    assert list(rolled["value"]) == [10.0, 12.0]
    assert sums(rolled).empty
    assert UnitMap(facts).legacy_units("gamma") == ["gamma"]


def test_a_slug_shared_by_a_legacy_and_a_merged_unit_is_read_by_date():
    facts = (
        Fictional()
        .observation("theta", "officers", 10, "2025-03-01")  # legacy Theta, before the merger
        .observation("iota", "officers", 4, "2025-03-01")
        .observation("theta", "officers", 20, "2025-09-01")  # merged Theta
        .build()
    )
    rolled = rolled_up(facts, "theta")
    reported = rolled[~rolled["combined"]].set_index("value")
    assert reported.loc[10.0, "legacy_unit"] == "theta" and reported.loc[10.0, "series"] == "legacy:theta"
    assert reported.loc[20.0, "legacy_unit"] is None and reported.loc[20.0, "series"] == "theta"
    assert list(sums(rolled)["value"]) == [14.0]
    latest = latest_figures(facts, "theta", "2025-12-31").set_index("series")["value"]
    assert latest["theta"] == 20.0  # the merged unit's own, later figure



def test_a_scheme_prefix_names_the_unit_whatever_the_date():
    facts = (
        Fictional()
        .observation("2025:theta", "officers", 30, "2025-06-20")  # the merged unit, announced before it began
        .observation("legacy:theta", "officers", 12, "2025-03-01")
        .observation("2025:gamma", "officers", 5, "2025-06-20")  # unmerged: its own legacy unit
        .build()
    )
    rolled = rolled_up(facts, "theta").set_index("value")
    assert rolled.loc[30.0, "legacy_unit"] is None and rolled.loc[30.0, "series"] == "theta"
    assert rolled.loc[12.0, "legacy_unit"] == "theta" and rolled.loc[12.0, "series"] == "legacy:theta"
    gamma = rolled_up(facts, "gamma").set_index("value")
    assert gamma.loc[5.0, "current_unit"] == "gamma" and gamma.loc[5.0, "legacy_unit"] == "gamma"

def test_two_reports_of_one_part_and_date_sum_the_later_published():
    facts = (
        Fictional()
        .observation("alpha", "officers", 10, "2024-01-01", published="2024-02-01")
        .observation("alpha", "officers", 11, "2024-01-01", published="2024-03-01")
        .observation("beta", "officers", 5, "2024-01-01")
        .build()
    )
    assert list(sums(rolled_up(facts, "alpha-beta"))["value"]) == [16.0]


PART_FIGURES = st.dictionaries(
    st.sampled_from([p for parts in MERGERS.values() for p in parts]),
    st.lists(st.tuples(st.sampled_from(["2024-01-01", "2024-06-30", "2025-03-31"]), st.integers(0, 10_000)), max_size=3),
)


@settings(max_examples=80, deadline=None)
@given(figures=PART_FIGURES, unmerged=st.lists(st.integers(0, 100), max_size=3))
def test_rollup_sums_complete_parts_and_never_double_counts(figures, unmerged):
    builder = Fictional()
    expected: dict[tuple[str, str], dict[str, float]] = {}
    for unit, reports in figures.items():
        for date, value in dict(reports).items():  # one report per unit and date
            builder.observation(unit, "officers", value, date)
            current = next(c for c, parts in MERGERS.items() if unit in parts)
            expected.setdefault((current, date), {})[unit] = float(value)
    for i, value in enumerate(unmerged):
        builder.observation("gamma", "officers", value, f"2024-0{i + 1}-15")
    facts = builder.build()

    for current, parts in [*MERGERS.items(), ("gamma", ["gamma"])]:
        rolled = rolled_up(facts, current)
        reported = rolled[~rolled["combined"]]
        # every observation appears once, under the unit it is about
        assert reported["observation_id"].is_unique
        mine = facts.observations[facts.observations["unit"].isin(parts)]
        assert sorted(reported["observation_id"]) == sorted(mine["observation_id"])
        assert reported["value"].sum() == mine["value"].sum()
        # a sum exactly when every part reports for the date, equal to the sum of the parts
        got = {row.date: row.value for row in sums(rolled).itertuples()}
        want = {
            date: sum(by_unit.values())
            for (c, date), by_unit in expected.items()
            if c == current and set(by_unit) == set(parts) and len(parts) > 1
        }
        assert got == want
