"""Folding keeps offsets; the fast case-insensitive scan finds exactly what IGNORECASE finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.extract import dates, quantities, targets
from analysis.extract.fold import finditer, fold, lowered

PATTERNS = [dates.TIME, dates.VI_FULL_WORDS, dates.DAY_MONTH, dates.VI_MONTH, dates.VI_MONTH_YEAR,
            *dates._month_patterns("en")[1], *dates._month_patterns("sv")[1], *targets.DEADLINES,
            quantities.QUANTITY]
PIECES = ["March", "MAY", "may", " 16", ", 2022", "ngày", "Tháng", " 5/2023", "by the end of", "Đến",
          " năm ", "2030", "İ", "K", "-", "/", " ", "sáng", "in", "Senast", "ẞ", "\n", "12:30", "ß", "VND", " 3.400", " tỷ", "gần ", "Nearly ", "%", "USD"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_fast_scan_matches_ignorecase(pieces):
    text = "".join(pieces)
    folded = fold(text)
    assert len(folded) == len(text)
    low = lowered(folded)
    for pattern in PATTERNS:
        fast = [(m.span(), m.groupdict()) for m in finditer(pattern, folded, low)]
        slow = [(m.span(), {k: v and v.lower() for k, v in m.groupdict().items()}) for m in pattern.finditer(folded)]
        assert [s for s, _ in fast] == [s for s, _ in slow], pattern.pattern
        assert [g for _, g in fast] == [{k: v and v.lower() for k, v in g.items()} for _, g in slow]


def test_patterns_with_capitals_keep_ignorecase():
    from analysis.extract.fold import _without_ignorecase

    assert _without_ignorecase(re.compile(r"(?i)[A-Z]+")) is None
    assert _without_ignorecase(re.compile(r"(?i)(?P<Year>\d{4})")) is not None
    assert _without_ignorecase(re.compile(r"\d+")) is None  # nothing to gain without IGNORECASE


def test_lowercasing_that_moves_offsets_falls_back():
    assert lowered("İstanbul") is None
    assert lowered("Hà Tĩnh") == "hà tĩnh"
