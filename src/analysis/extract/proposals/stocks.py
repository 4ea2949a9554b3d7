"""Whether a count is a stock the indicators hold, or something else with the same words.

The indicators count what stands at a date: officers assigned, records received, accounts
activated so far. Three things read like such a count and are not:
- what is not yet done ("524.571 người chưa được cấp", "3.500 CCCD còn lại", "72 xã chưa bố trí");
- a count since the start of the year ("riêng từ đầu năm đến nay đã kích hoạt 30 nghìn"): a
  flow, not the total;
- a share of a whole above 100% ("kích hoạt ... đạt 111%" is against a target, not of the
  accounts issued).
"""

from __future__ import annotations

import re

from analysis.extract.proposals.cues import NOT_COUNTED, NOT_YET_AFTER

COUNTS_NOT_YET_DONE = frozenset({"commune_police_without_hq"})

# The period opens the clause of the count it bounds.
# Not "trong 20 ngày" alone: twenty days since a campaign began count all it has done.
# One day's count ("trong ngày 2-8, ... thu nhận hơn 4.700 hồ sơ", "in a single day") is a flow too.
PERIOD_BEFORE = re.compile(
    r"(?i)\b(?:từ\s+đầu\s+năm|tu\s+dau\s+nam|since\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year|"
    r"(?:riêng\s+|rieng\s+)?trong\s+(?:ngày|ngay)\s+\d|in\s+(?:a|one)\s+(?:single\s+)?day)\b")
# Shares of a whole: none exceeds it. A share of a target may ("đạt 139,8% chỉ tiêu").
BOUNDED_SHARES = frozenset({"eid_activation_share", "communes_with_regular_police_share", "commune_police_hq_share",
                            "model_ward_police_share", "towns_with_model_ward_pilot"})


def not_yet_done(indicator: str | None, quantity: dict, terms_text: str) -> bool:
    """A count of what is not yet done, after the figure or in its own noun ("còn 72 xã chưa bố trí
    công an chính quy"); not of the indicator that counts just that (units without headquarters)."""
    return indicator not in COUNTS_NOT_YET_DONE and quantity.get("unit") != "%" and bool(
        NOT_YET_AFTER.match(terms_text, quantity["end"]) or NOT_YET_AFTER.search(quantity.get("unit") or ""))


def over_a_period(quantity: dict, quantities: list[dict], terms_text: str, sentence_start: int) -> bool:
    """Whether a count is bounded by a period that opens its sentence or follows the last count
    before it ("2,2 triệu tài khoản, riêng từ đầu năm đến nay đã kích hoạt 30 nghìn")."""
    if quantity.get("unit") == "%":
        return False
    periods = list(PERIOD_BEFORE.finditer(terms_text, sentence_start, quantity["start"]))
    if not periods:
        return False
    since = periods[-1].end()
    counts_between = [q for q in quantities if since <= q["start"] and q["end"] <= quantity["start"]
                      and q.get("unit") not in NOT_COUNTED]
    return not counts_between


def beyond_its_whole(indicator: str | None, quantity: dict) -> bool:
    """A share of a whole given above 100%: not that share."""
    return indicator in BOUNDED_SHARES and quantity.get("unit") == "%" and (quantity.get("value") or 0) > 100
