"""The progress status of one target: the rule, its thresholds, and a pure function applying it.

Anchors: open-sdg's progress status (compare the progress made with the progress needed
between a base year and a target year) and ESCAP's anticipated-progress method (judge by
where the trend puts the indicator at the deadline). Nothing here is a score: every status
comes from a comparison a reader can redo by hand from the columns the progress table shows.

Status values are stable English codes; translation happens where text is shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import pandas as pd

ACHIEVED = "achieved"
ON_TRACK = "on track"
AT_RISK = "at risk"
OFF_TRACK = "off track"
NO_DATA = "no data"  # a target, but no figure to judge it by
NO_TARGET = "no target"  # a figure, but no target to judge it against
STATUSES = (ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA, NO_TARGET)
# Judged statuses from worst to best: status never falls as the figure gets better.
JUDGED_ORDER = (OFF_TRACK, AT_RISK, ON_TRACK, ACHIEVED)

ON_TRACK_RATIO = 0.95  # actual progress at least 95% of the progress the straight path expects
AT_RISK_RATIO = 0.75  # at least 75%; below that, off track

# How a figure's qualifier places the true value against the stated one: "nearly 60,000"
# is just below 60,000, "more than 48,000" just above; the rest are read as the value.
QUALIFIER_OFFSET = {"nearly": -1, "less than": -1, "under": -1, "more than": 1, "over": 1}

STATUS_RULE = {
    "en": (
        "How a target's status is decided. The latest figure reported on or before the brief's date is "
        "compared with the target. Qualifiers count: 'at least 30%' meets a target of at least 30%; "
        "'nearly 60,000' is read as just below 60,000 and 'more than 48,000' as just above 48,000; "
        "'about' is read as the value. "
        "(1) achieved: the latest figure meets the target. "
        "(2) off track: the deadline has passed and the target is not met. "
        "(3) Otherwise the figure is compared with the expected path, a straight line from the baseline "
        "to the target value at the deadline. The baseline is the target's stated baseline value and date; "
        "when none is stated it is 0 on the date the target's document was issued (or, when that date is "
        "unknown, the date its source was published). Path ratio = (figure - baseline) / (expected value "
        f"on the figure's date - baseline). on track: path ratio at least {ON_TRACK_RATIO:.2f}, or the "
        "linear trend of two or more figures reaches the target by the deadline; at risk: path ratio at "
        f"least {AT_RISK_RATIO:.2f}; off track: below that. When the target does not lie beyond the "
        "baseline, or the figure predates the baseline, only the trend decides (on track if it reaches the "
        "target by the deadline; otherwise off track, or at risk when the figure predates the path). "
        "no data: a target but no figure; no target: a figure but no target."
    ),
    "vi": (
        "Cách xác định tình trạng của một chỉ tiêu. Số liệu mới nhất được công bố đến ngày của bản tin được "
        "so sánh với chỉ tiêu. Các từ định lượng được tính đến: 'ít nhất 30%' đạt chỉ tiêu 'ít nhất 30%'; "
        "'gần 60.000' được hiểu là thấp hơn 60.000 một chút, 'hơn 48.000' là cao hơn 48.000 một chút; "
        "'khoảng' được hiểu là đúng giá trị đó. "
        "(1) đã đạt: số liệu mới nhất đạt chỉ tiêu. "
        "(2) chệch hướng: đã quá thời hạn mà chưa đạt chỉ tiêu. "
        "(3) Các trường hợp khác được so với lộ trình dự kiến, một đường thẳng từ mức cơ sở đến giá trị chỉ "
        "tiêu tại thời hạn. Mức cơ sở là giá trị và ngày cơ sở ghi trong chỉ tiêu; nếu không có thì là 0 vào "
        "ngày ban hành văn bản đặt ra chỉ tiêu (nếu không rõ ngày đó thì là ngày công bố nguồn). Tỷ lệ lộ "
        "trình = (số liệu - mức cơ sở) / (giá trị dự kiến tại ngày của số liệu - mức cơ sở). đúng tiến độ: "
        f"tỷ lệ lộ trình từ {ON_TRACK_RATIO:.2f} trở lên, hoặc xu hướng tuyến tính của từ hai số liệu trở "
        f"lên đạt chỉ tiêu trước thời hạn; có nguy cơ: tỷ lệ từ {AT_RISK_RATIO:.2f} trở lên; chệch hướng: "
        "thấp hơn mức đó. Khi chỉ tiêu không vượt mức cơ sở, hoặc số liệu có trước mức cơ sở, chỉ xu hướng "
        "quyết định (đúng tiến độ nếu đạt chỉ tiêu trước thời hạn; nếu không thì chệch hướng, hoặc có nguy "
        "cơ khi số liệu có trước lộ trình). chưa có số liệu: có chỉ tiêu nhưng không có số liệu; không có "
        "chỉ tiêu: có số liệu nhưng không có chỉ tiêu."
    ),
}


@dataclass(frozen=True)
class Reading:
    """A reported figure as an ordered quantity: `offset` -1 is just below `value`, +1 just above."""

    value: float
    offset: int = 0

    @classmethod
    def of(cls, value: float, qualifier: str | None = None) -> "Reading":
        key = qualifier.strip().lower() if isinstance(qualifier, str) else None
        return cls(float(value), QUALIFIER_OFFSET.get(key, 0))

    def key(self) -> tuple[float, int]:
        return (self.value, self.offset)


def direction(comparator: str, higher_is_better: bool = True) -> int:
    """+1 when more is wanted, -1 when less is wanted. '=' follows the indicator."""
    if comparator in (">=", ">"):
        return 1
    if comparator in ("<=", "<"):
        return -1
    return 1 if higher_is_better else -1


def meets(reading: Reading, comparator: str, target: float, higher_is_better: bool = True) -> bool:
    """Whether the figure meets the target. '=' is read as 'at least' (or 'at most' for an
    indicator where lower is better), so that exceeding a target never un-achieves it."""
    if comparator == "=":
        comparator = ">=" if higher_is_better else "<="
    have, want = reading.key(), (float(target), 0)
    return {
        ">=": have >= want,
        ">": have > want,
        "<=": have <= want,
        "<": have < want,
    }[comparator]


def expected_value(
    baseline_value: float, baseline_date: pd.Timestamp, target: float, deadline: pd.Timestamp, when: pd.Timestamp
) -> float:
    """The value the straight path from baseline to target expects on `when` (clamped to the path)."""
    span = (deadline - baseline_date).days
    if span <= 0:
        return float(target)
    elapsed = min(max((when - baseline_date).days, 0), span)
    return baseline_value + (target - baseline_value) * elapsed / span


def projected_value(dates: Sequence[pd.Timestamp], values: Sequence[float], deadline: pd.Timestamp) -> float | None:
    """Ordinary least-squares line through (date, value), read at the deadline.

    Needs figures on at least two different dates; otherwise None. Time is counted in days."""
    points = [(d, float(v)) for d, v in zip(dates, values) if not pd.isna(d) and not pd.isna(v)]
    if len({d for d, _ in points}) < 2:
        return None
    origin = min(d for d, _ in points)
    xs = [(d - origin).days for d, _ in points]
    ys = [v for _, v in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / sxx
    return mean_y + slope * ((deadline - origin).days - mean_x)


@dataclass(frozen=True)
class Judgement:
    status: str
    basis: str  # which step of the rule decided, in plain words
    expected: float | None = None  # expected value on the figure's date
    path_ratio: float | None = None  # actual progress / expected progress


def _at_least(ratio: float, threshold: float, offset: int) -> bool:
    # A ratio exactly on a threshold takes the side the qualifier puts the figure on.
    return ratio > threshold or (math.isclose(ratio, threshold, rel_tol=0, abs_tol=1e-12) and offset >= 0)


def judge(
    latest: Reading | None,
    latest_date: pd.Timestamp | None,
    comparator: str,
    target: float,
    deadline: pd.Timestamp,
    as_of: pd.Timestamp,
    baseline_value: float,
    baseline_date: pd.Timestamp,
    higher_is_better: bool = True,
    projected: float | None = None,
) -> Judgement:
    """Apply STATUS_RULE to one target. `latest` is None when no figure counts."""
    if latest is None:
        return Judgement(NO_DATA, "no figure reported")
    if meets(latest, comparator, target, higher_is_better):
        return Judgement(ACHIEVED, "latest figure meets the target")
    if as_of > deadline:
        return Judgement(OFF_TRACK, "deadline passed, target not met")
    trend_reaches = projected is not None and meets(Reading(projected), comparator, target, higher_is_better)
    sign = direction(comparator, higher_is_better)
    if sign * (target - baseline_value) <= 0:
        # The target does not lie beyond the baseline: there is no path to measure against.
        if trend_reaches:
            return Judgement(ON_TRACK, "no path beyond the baseline; trend reaches the target")
        return Judgement(OFF_TRACK, "no path beyond the baseline; target not met")
    expected = expected_value(baseline_value, baseline_date, target, deadline, latest_date)
    if expected == baseline_value:
        # The figure predates the path: nothing was expected yet.
        if trend_reaches:
            return Judgement(ON_TRACK, "figure predates the path; trend reaches the target", expected)
        return Judgement(AT_RISK, "figure predates the path", expected)
    ratio = (latest.value - baseline_value) / (expected - baseline_value)
    offset = sign * latest.offset
    if _at_least(ratio, ON_TRACK_RATIO, offset):
        return Judgement(ON_TRACK, f"path ratio >= {ON_TRACK_RATIO}", expected, ratio)
    if trend_reaches:
        return Judgement(ON_TRACK, "trend reaches the target by the deadline", expected, ratio)
    if _at_least(ratio, AT_RISK_RATIO, offset):
        return Judgement(AT_RISK, f"path ratio >= {AT_RISK_RATIO}", expected, ratio)
    return Judgement(OFF_TRACK, f"path ratio < {AT_RISK_RATIO}", expected, ratio)
