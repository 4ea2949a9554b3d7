"""The status rule: qualifiers, thresholds, deadline, trend, and monotonicity in the figure."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.progress.status import (
    ACHIEVED,
    AT_RISK,
    AT_RISK_RATIO,
    JUDGED_ORDER,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    ON_TRACK_RATIO,
    QUALIFIER_OFFSET,
    STATUS_RULE,
    Reading,
    expected_value,
    judge,
    meets,
    projected_value,
)

T = pd.Timestamp
START, DEADLINE, MIDDLE = T("2022-01-01"), T("2026-01-01"), T("2024-01-01")  # MIDDLE: halfway (730/1461)


def status(value, qualifier=None, when=MIDDLE, as_of=T("2024-06-30"), projected=None, comparator=">=", target=100.0):
    return judge(
        Reading.of(value, qualifier), when, comparator, target, DEADLINE, as_of, 0.0, START, True, projected
    ).status


@pytest.mark.parametrize(
    ("value", "qualifier", "comparator", "target", "met"),
    [
        (30, "at least", ">=", 30, True),  # "at least 30%" meets "at least 30%"
        (30, None, ">=", 30, True),
        (60000, "nearly", ">=", 60000, False),  # "nearly 60,000" is below 60,000
        (60000, "less than", ">=", 60000, False),
        (60000, "nearly", "<", 60000, True),
        (48000, "more than", ">", 48000, True),
        (48000, "over", ">", 48000, True),
        (48000, None, ">", 48000, False),
        (30000, "about", ">=", 30000, True),  # "about" is the value
        (5, "at most", "<=", 5, True),
        (100, None, "=", 100, True),
        (101, None, "=", 100, True),  # exceeding an "=" target never un-achieves it
    ],
)
def test_qualifiers_place_the_figure(value, qualifier, comparator, target, met):
    assert meets(Reading.of(value, qualifier), comparator, target) is met


def test_straight_path_from_baseline_to_target():
    assert expected_value(0.0, START, 100.0, DEADLINE, MIDDLE) == pytest.approx(100 * 730 / 1461)
    assert expected_value(0.0, START, 100.0, DEADLINE, T("2021-01-01")) == 0.0  # before the path
    assert expected_value(0.0, START, 100.0, DEADLINE, T("2027-01-01")) == 100.0  # after the deadline


def test_thresholds_on_the_path_ratio():
    expected = 100 * 730 / 1461
    assert status(expected * ON_TRACK_RATIO + 0.01) == ON_TRACK
    assert status(expected * ON_TRACK_RATIO - 0.01) == AT_RISK
    assert status(expected * AT_RISK_RATIO + 0.01) == AT_RISK
    assert status(expected * AT_RISK_RATIO - 0.01) == OFF_TRACK
    assert status(100) == ACHIEVED


def test_a_qualifier_on_the_threshold_decides_the_side():
    on_the_line = 100 * 730 / 1461 * ON_TRACK_RATIO
    assert status(on_the_line) == ON_TRACK
    assert status(on_the_line, "nearly") == AT_RISK


def test_past_the_deadline_and_not_met_is_off_track():
    assert status(99, as_of=T("2026-01-02"), when=T("2025-12-31")) == OFF_TRACK
    assert status(100, as_of=T("2026-01-02"), when=T("2025-12-31")) == ACHIEVED


def test_a_trend_reaching_the_target_is_on_track():
    assert status(10) == OFF_TRACK
    assert status(10, projected=100.0) == ON_TRACK
    assert status(10, projected=99.0) == OFF_TRACK


def test_no_figure_is_no_data():
    verdict = judge(None, None, ">=", 30, DEADLINE, MIDDLE, 0.0, START)
    assert verdict.status == NO_DATA


def test_lower_is_better_targets_run_the_other_way():
    def down(value):
        return judge(Reading(value), MIDDLE, "<=", 50.0, DEADLINE, MIDDLE, 150.0, START, False).status

    assert down(50) == ACHIEVED
    assert down(95) == ON_TRACK  # expected ~100: ahead of the path
    assert down(130) == OFF_TRACK


def test_a_figure_before_the_path_starts_is_at_risk_unless_the_trend_reaches():
    assert status(10, when=T("2021-06-01")) == AT_RISK
    assert status(10, when=T("2021-06-01"), projected=120.0) == ON_TRACK


def test_projection_is_a_least_squares_line():
    dates = [T("2023-01-01"), T("2024-01-01")]
    assert projected_value(dates, [10, 20], T("2025-01-01")) == pytest.approx(10 + 10 * 731 / 365)
    assert projected_value([T("2023-01-01")], [10], DEADLINE) is None
    assert projected_value([T("2023-01-01")] * 2, [10, 20], DEADLINE) is None  # one date: no trend


def test_the_rule_is_written_down_in_both_languages():
    for lang in ("en", "vi"):
        text = STATUS_RULE[lang]
        assert f"{ON_TRACK_RATIO:.2f}" in text and f"{AT_RISK_RATIO:.2f}" in text
    assert "baseline" in STATUS_RULE["en"] and "mức cơ sở" in STATUS_RULE["vi"]


# ---- monotonicity --------------------------------------------------------------------------

QUALIFIERS = st.sampled_from([None, "about", "at least", *QUALIFIER_OFFSET])
VALUES = st.floats(min_value=-1000, max_value=1000, allow_nan=False).map(lambda v: round(v, 1))
DATES = st.integers(min_value=0, max_value=3000).map(lambda d: T("2020-01-01") + pd.Timedelta(days=d))


@settings(max_examples=400, deadline=None)
@given(
    comparator=st.sampled_from([">=", ">", "<=", "<", "="]),
    higher_is_better=st.booleans(),
    target=VALUES,
    baseline=VALUES,
    baseline_date=DATES,
    deadline=DATES,
    when=DATES,
    as_of_after=st.integers(min_value=0, max_value=800),
    earlier=st.lists(st.tuples(DATES, VALUES), max_size=3),
    figures=st.lists(st.tuples(VALUES, QUALIFIERS), min_size=2, max_size=2),
)
def test_status_is_monotonic_in_the_figure(
    comparator, higher_is_better, target, baseline, baseline_date, deadline, when, as_of_after, earlier, figures
):
    """A better figure (all else equal, earlier figures too) never gets a worse status."""
    as_of = when + pd.Timedelta(days=as_of_after)
    sign = 1 if comparator in (">=", ">") or (comparator == "=" and higher_is_better) else -1
    readings = sorted((Reading.of(v, q) for v, q in figures), key=lambda r: (sign * r.value, sign * r.offset))
    earlier = [(d, v) for d, v in earlier if d < when]

    def rank(reading: Reading) -> int:
        dates = [d for d, _ in earlier] + [when]
        projected = projected_value(dates, [v for _, v in earlier] + [reading.value], deadline)
        verdict = judge(
            reading, when, comparator, target, deadline, as_of, baseline, baseline_date, higher_is_better, projected
        )
        return JUDGED_ORDER.index(verdict.status)

    worse, better = readings
    assert rank(worse) <= rank(better)
