"""Units a text counts with no number: "Đây là trụ sở Công an xã đầu tiên trên địa bàn tỉnh",
"lựa chọn Công an phường Đức Xuân ... để xây dựng điểm", "inaugurated the first commune police
headquarters". Each becomes a count (1, or as many wards as are named together) that the proposer
reads like any other figure, its unit and date from the sentence; its indicator is what the act
nearest it makes of it: a province's first headquarters completed or started, a ward police unit
selected, registered or recognised as a model.

Not counted: any one headquarters named ("khánh thành trụ sở Công an xã A" is a commune's event,
which curators leave out unless it is the province's first); units a number already counts
("khánh thành 02 trụ sở ... Công an xã A và Công an xã B"); one of a total ("là một trong 13").
"""

from __future__ import annotations

import re

from analysis.extract.proposals.context import NAME
from analysis.extract.proposals.spans import previous_sentence, sentence_span

# "trụ sở (làm việc) công an xã (A) đầu tiên", "the first commune police headquarters"
FIRST_HQ = re.compile(r"(?i)(?:trụ\s+sở|nhà\s+làm\s+việc)(?:\s+làm\s+việc)?\s+(?:của\s+)?công\s+an\s+(?:cấp\s+)?xã"
                      r"(?:\s+[^\W\d_]+){0,3}?\s+đầu\s+tiên|\bthe\s+first\s+(?:commune(?:-level)?\s+)?police\s+headquarters")
# "(lựa) chọn / công nhận Công an phường A (và Công an phường B)"
NAMED_WARDS = re.compile(r"(?i:lựa\s+chọn|chọn|đăng\s+ký|công\s+nhận)\s+(?P<names>(?i:công\s+an)\s+(?i:phường)\s+(?:" + NAME
                         + r")(?:(?:\s*,\s*|\s+(?i:và)\s+)(?i:công\s+an\s+)?(?i:phường)\s+(?:" + NAME + r"))*)")
# The act that makes the indicator: a headquarters completed or started; a ward selected or recognised.
COMPLETED = re.compile(r"(?i)\b(?:khánh\s+thành|đưa\s+vào\s+sử\s+dụng|hoàn\s+thành|bàn\s+giao|inaugurat\w*|"
                       r"put\s+into\s+(?:use|operation)|completed|handed\s+over)")
STARTED = re.compile(r"(?i)\b(?:khởi\s+công|động\s+thổ|broke\s+ground|groundbreaking)")
RECOGNISED = re.compile(r"(?i)\bcông\s+nhận")
MODEL = re.compile(r"(?i)\b(?:kiểu\s+mẫu|điển\s+hình|xây\s+dựng\s+điểm|thí\s+điểm)")
SELECTED = re.compile(r"(?i)\b(?:lựa\s+chọn|chọn|đăng\s+ký)")
ONE_OF_BEFORE = re.compile(r"(?i)\b(?:một\s+trong|one\s+of)\b")
UNIT_WORD = re.compile(r"(?i:công\s+an)\s+(?i:xã|phường|thị\s+trấn)\s|(?i:phường)\s")


def named_counts(text: str, quantities: list[dict]) -> list[dict]:
    """Quantity records (value, unit, start, end, and `indicator`: what the act makes of them) for
    the units the text counts by name."""
    found: list[dict] = []
    for pattern, noun in ((FIRST_HQ, "trụ sở"), (NAMED_WARDS, "công an phường")):
        for m in pattern.finditer(text):
            start, end = sentence_span(text, m.start(), m.end())
            if ONE_OF_BEFORE.search(text, start, m.start()) or any(f["start"] < m.end() and m.start() < f["end"] for f in found):
                continue
            if any(start <= q["start"] < end and q.get("unit") and noun in q["unit"].lower() for q in quantities):
                continue  # a number counts them already
            indicator = _indicator(text, m, (start, end), pattern is FIRST_HQ)
            if indicator is None:
                continue
            names = m.groupdict().get("names")
            found.append({"kind": "quantity", "start": m.start(), "end": m.end(), "unit": noun, "qualifier": None, "total": None,
                          "value": len(UNIT_WORD.findall(names + " ")) if names else 1, "indicator": indicator})
    return found


def _indicator(text: str, m: re.Match, sentence: tuple[int, int], headquarters: bool) -> str | None:
    """The act nearest the named units, in their sentence (or, for a first headquarters, the one before)."""
    if headquarters:
        reach = (previous_sentence(text, sentence) or sentence)[0]
        acts = [(a.start(), "commune_police_hq_completed") for a in COMPLETED.finditer(text, reach, sentence[1])]
        acts += [(a.start(), "commune_police_hq_started") for a in STARTED.finditer(text, reach, sentence[1])]
    elif MODEL.search(text, *sentence):
        acts = [(a.start(), "model_ward_police_recognised") for a in RECOGNISED.finditer(text, *sentence)]
        acts += [(a.start(), "model_ward_police_candidates") for a in SELECTED.finditer(text, *sentence)]
    else:
        return None
    return min(acts, key=lambda a: abs(a[0] - m.start()))[1] if acts else None

