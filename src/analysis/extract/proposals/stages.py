"""Which stage a count is at, from the act that governs it: Project 06 records or accounts, and
the goal of model ward police.

The nouns do not tell: "hồ sơ", "tài khoản", "accounts" are counted when received, issued and
activated alike. The act does. Vietnamese names it right before the figure ("thu nhận ... 195.300
hồ sơ; kích hoạt được trên 159.300 hồ sơ"); English after the counted phrase ("300,000 accounts
were issued", "4.22 million of the 6 million e-ID accounts created in Hanoi have been activated").
"""

from __future__ import annotations

import re

from analysis.extract.proposals.terms import CLOSE_CALL, Choice

E_ID_STAGES = ("eid_records_collected", "eid_accounts_issued", "eid_accounts_activated")
# Folded text, right before the figure.
ACTIVATED_BEFORE = re.compile(r"(?i)(?<!chua\s)(?<!not\s)\b(?:kich\s+hoat|activated)\s+(?:duoc\s+|thanh\s+cong\s+)?"
                              r"(?:(?:tren|hon|gan|khoang|over|nearly|about|more\s+than)\s+)?$")
_PASSIVE = r"(?:have|has|had|were|was)\s+(?:been\s+)?(?:successfully\s+)?"
_ACTS = {"activated": "eid_accounts_activated", "issued": "eid_accounts_issued", "granted": "eid_accounts_issued",
         "created": "eid_accounts_issued", "approved": "eid_accounts_issued", "received": "eid_records_collected",
         "collected": "eid_records_collected", "submitted": "eid_records_collected"}
_ACT = r"(?P<act>" + "|".join(_ACTS) + r")\b"
# The first act after the figure in its clause ("6 million accounts created ..."); a part ("X of
# the Y accounts created in Hanoi have been activated") takes the passive main verb, past the whole's own act.
_ACT_AFTER = re.compile(r"(?i)[^.;:,()]{0,100}?\b(?:" + _PASSIVE + r")?" + _ACT)
_AND_ACTIVATED = re.compile(r"(?i)\s+and\s+(?:then\s+)?activated\b")
_ACT_OF_PART = re.compile(r"(?i)\s+of\s+the\s[^.;:()]{0,100}?\b" + _PASSIVE + _ACT)


def act_after(folded: str, end: int) -> str | None:
    """The Project 06 stage an English act after a figure names, if any."""
    found = _ACT_OF_PART.match(folded, end) or _ACT_AFTER.match(folded, end)
    if found and _AND_ACTIVATED.match(folded, found.end()):
        return "eid_accounts_activated"  # "granted and activated": the later stage holds the earlier
    return _ACTS[found["act"].lower()] if found else None


def staged(choice: Choice, folded: str, figure: tuple[int, int], language: str) -> Choice:
    """The choice of an e-ID stage moved to the one its act names; the noun's choice stays close."""
    if choice.indicator not in E_ID_STAGES:
        return choice
    if ACTIVATED_BEFORE.search(folded, max(0, figure[0] - 40), figure[0]):
        stage = "eid_accounts_activated"
    else:
        stage = act_after(folded, figure[1]) if language == "en" else None
    if stage is None or (stage == choice.indicator and not choice.tied):
        return choice
    other = choice.runner_up if stage == choice.indicator else choice.indicator
    return Choice(stage, choice.score, other, CLOSE_CALL * choice.score)


# A goal to build model ward police ("đến năm 2030, xây dựng ... kiểu mẫu ... đối với 249 đơn vị")
# is to have units that meet the model; registering or piloting them is a stage of its own.
_ENTERED = re.compile(r"(?i)\b(?:dang\s+ky|thi\s+diem|lua\s+chon|chon|register\w*|pilot\w*|select\w*|chosen)\b")


def model_goal(choice: Choice, folded: str, clause: tuple[int, int]) -> Choice:
    """A target's choice of model ward candidates moved to recognised units, unless its clause
    registers, pilots or selects them."""
    if choice.indicator != "model_ward_police_candidates" or _ENTERED.search(folded, *clause):
        return choice
    return Choice("model_ward_police_recognised", choice.score, choice.indicator, CLOSE_CALL * choice.score)
