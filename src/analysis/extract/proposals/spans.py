"""Sentences and clauses around a figure, as offsets into the decoded text.

A sentence ends at ". ! ?" followed by a space and a capital letter (so "No. 12" and "1.128.438"
do not end one), at a blank line, and at a line break that is not a hard wrap: one after
punctuation, before a bullet, or between a short line and a capitalised one. A wrapped line
("... Binh Thuan province completed\n100% of the target") goes on. A clause is the stretch of a sentence between ", ; : ( )"
followed by a space or standing alone (a comma inside "3,2 tỷ" is part of the number).
"""

from __future__ import annotations

import re

from analysis.extract.fold import UPPER
from analysis.extract.proposals.cues import CUT_COMPOUND
from analysis.extract.quantities import VI_MAX_WORDS

# ... and at a closing bracket glued to a capital: a caption run into the text ("(Photo: VNA)Hanoi");
# a line a caption's bar ends ("... cho người dân. |") ends one too.
SENTENCE_END = re.compile(r"(?<=\))(?=[" + UPPER + r"])|\n(?=[ \t]*\n)|(?<=[.!?:;\"”)…|])[ \t]*\n|\n(?=[ \t]*[-•+*–])|[.!?…](?=[\"”')]?\s+[\"“(]?[" + UPPER + r"\d])(?<!\bNo\.)(?<!\bTP\.)(?<!\bNr\.)(?<!\bSố\.)")
PART_END = re.compile(r";")
BREAKDOWN_OPENING = re.compile(r"(?i)[ \t]*(?:of\s+(?:which|them|these)|among\s+them|trong\s+(?:đó|số\s+đó|số\s+này))\b")
# A comma in a list of kinds of unit ("27/102 xã, phường, đặc khu") is inside a noun phrase.
UNIT_KINDS = (r"(?:phường|phuong|thị trấn|thi tran|đặc khu|dac khu|xã|xa|thị xã|thi xa|thành phố|thanh pho|TP|TX|huyện|huyen|"
              r"quận|wards?|towns?|townships?|special zones?|districts?)\b")
# Nor is the comma of an English date ("November 25, 2019").
CLAUSE_END = re.compile(r"[;:](?=\s)|,(?=\s)(?!\s*" + UNIT_KINDS + r")(?!(?<=\d,)\s+(?:19|20)\d\d\b)|[()]|\s[-–]\s")
COORDINATION = re.compile(r"\s(?:và|va|and|hoặc|hoac|or)\s")
REACH = 1500  # a sentence longer than this is cut around the figure
SHORT_LINE = 60  # a line this short before a capitalised one is a heading or a paragraph's end
NEWLINE = re.compile(r"\n")


def _boundaries(text: str, start: int, end: int):
    """End offsets of sentence boundaries in text[start:end], in order."""
    found = [m.end() for m in SENTENCE_END.finditer(text, start, end)]
    for m in NEWLINE.finditer(text, start, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        following = text[m.end() : m.end() + 2].lstrip()
        if m.start() - line_start < SHORT_LINE and following[:1] and not following[:1].islower() \
                and not following[:1].isdigit():
            found.append(m.end())
    return sorted(set(found))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end], spaces trimmed."""
    left_limit = max(0, start - REACH)
    ends = _boundaries(text, left_limit, start)
    left = ends[-1] if ends else left_limit
    after = _boundaries(text, end, min(len(text), end + REACH))
    right = after[0] if after else min(len(text), end + REACH)
    while left < right and text[left].isspace():
        left += 1
    while right > left and text[right - 1].isspace():
        right -= 1
    return left, right


def clause_span(text: str, start: int, end: int, sentence: tuple[int, int]) -> tuple[int, int]:
    """(start, end) of the clause holding text[start:end], within its sentence."""
    left = max((m.end() for m in CLAUSE_END.finditer(text, sentence[0], start)), default=sentence[0])
    right_match = CLAUSE_END.search(text, end, sentence[1])
    return left, right_match.start() if right_match else sentence[1]


def previous_sentence(text: str, sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The sentence before, within the same paragraph (no blank line between), or across a blank
    line when this one starts in lower case: a fragment that runs on ("trong đó đã hoàn thành 30")."""
    cut = sentence[0]
    while cut > 0 and text[cut - 1].isspace():
        cut -= 1
    # A fragment in lower case, or a breakdown opening a paragraph ("Of which, 666,541 cards ..."), runs on.
    runs_on = text[sentence[0] : sentence[0] + 1].islower() or bool(BREAKDOWN_OPENING.match(text, sentence[0]))
    if cut == 0 or ("\n\n" in text[cut : sentence[0]] and not runs_on):
        return None
    before = sentence_span(text, cut - 1, cut - 1)
    if "\n\n" in text[cut : sentence[0]] and not text[: before[0]].strip():
        return None  # a title is not the sentence a fragment runs on from
    return before


def part_span(text: str, clause: tuple[int, int], sentence: tuple[int, int]) -> tuple[int, int]:
    """The part of the sentence between semicolons that holds the clause."""
    left = max((m.end() for m in PART_END.finditer(text, sentence[0], clause[0])), default=sentence[0])
    right_match = PART_END.search(text, clause[1], sentence[1])
    return left, right_match.start() if right_match else sentence[1]


def zones(folded_lower: str, figure: tuple[int, int], clause: tuple[int, int], sentence: tuple[int, int],
          before: tuple[int, int] | None, part: tuple[int, int] | None = None,
          reach: tuple[int, ...] | None = None) -> dict[str, str]:
    """The text of each scoring zone, with the inner zones blanked out of the outer ones so that a
    term counts once, at its nearest zone."""
    def without(outer: tuple[int, int], inner: tuple[int, int]) -> str:
        a, b = outer
        s, e = max(a, inner[0]), min(b, inner[1])
        if s >= e:
            return folded_lower[a:b]
        return folded_lower[a:s] + " | " + folded_lower[e:b]

    part = part or sentence
    result = {
        "figure": folded_lower[figure[0] : figure[1]],
        "clause": without(clause, figure),
        "part": without(part, clause),
        "sentence": without(sentence, part),
    }
    if before:
        result["before"] = folded_lower[before[0] : before[1]]
    # For words that rule an indicator out only: the sentence before the figure and the figure on
    # to its clause's end (a term running on from the figure counts: "cấp | huyện"). `reach`: the
    # sentence's head (the clause of its first figure, up to that figure, which governs them all:
    # "sửa chữa 7 trụ sở ..., kinh phí 8 tỷ"; not a clause before it: "Sau khi Công an cấp huyện
    # giải thể, ... 218 đơn vị Công an cấp xã"), the end of the figure before and the start of the
    # one after; the words between are the other figures'.
    head_end, lead_from, onward_to, head_from = reach or (figure[0], sentence[0], clause[1], sentence[0])
    lead_from = max(sentence[0], lead_from)
    head = folded_lower[head_from : min(head_end, lead_from)]
    result["lead"] = head + " | " + folded_lower[lead_from : figure[0]]
    # Onward stops where a coordinated phrase starts ("184 trụ sở ... và sửa chữa 7 trụ sở").
    joined = next((m for m in COORDINATION.finditer(folded_lower, figure[1], clause[1])  # not "communes, wards and towns"
                   if not re.match(UNIT_KINDS, folded_lower[m.end() :], re.I)), None)
    result["onward"] = folded_lower[figure[0] : min(clause[1], onward_to, joined.start() if joined else clause[1])]
    # The figure's own stretch of its clause, after the figure before: a verb there is this
    # figure's ("issued 3.35 million cards and activated 2.38 million accounts").
    if lead_from > clause[0]:
        result["since"] = folded_lower[lead_from : figure[0]]
    # The clause split at the figures coordinated with this one: a cue past the next figure ("thu
    # nhận 4,2 triệu ... và 1,4 triệu ... kích hoạt") is that figure's first. A figure not joined
    # by "và"/"and" ("40 headquarters were built in 8 districts with funding ...") splits nothing.
    own_from, own_to = clause[0], clause[1]
    if lead_from > clause[0] and COORDINATION.search(folded_lower, lead_from, figure[0]):
        own_from = lead_from
    if figure[1] < onward_to < clause[1] and COORDINATION.search(folded_lower, figure[1], onward_to):
        own_to = onward_to
    result["own clause"] = folded_lower[own_from : figure[0]] + " | " + folded_lower[figure[1] : own_to]
    result["others' clause"] = folded_lower[clause[0] : own_from] + " | " + folded_lower[own_to : clause[1]]
    return result


def whole_compound(text: str, figure: tuple[int, int], clause: tuple[int, int], noun: str | None) -> tuple[int, int]:
    """The figure's span to score its words on: a noun cut at its length limit inside a compound
    ("988 hồ sơ cấp thẻ căn | cước") reads on to the compound's end, so that a term is found whole."""
    if len((noun or "").split()) < VI_MAX_WORDS or not text[figure[1] - 1 : figure[1]].isalpha():
        return figure
    cut = CUT_COMPOUND.match(text, figure[1])
    return (figure[0], cut.end()) if cut and cut.end() <= clause[1] else figure
