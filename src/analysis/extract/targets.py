"""Targets: a quantity tied to a deadline in the same clause ("by the end of 2025, at least 30% of
ward police units will meet the criteria"; "đến năm 2030 xây dựng 100% Công an phường").

A clause that reports what was done ("by May 31, 2023 the province completed 100%", "đã hoàn
thành") is an observation, not a target, unless it also speaks of a goal ("committed to", "sẽ").
The deadline is the last day of the period named ("by 2030", "đến hết năm 2025", "in the period
2026 - 2030" -> 2030-12-31). The target's span runs from the deadline to the quantity (either
order); its scope is the unit named in the clause, else the document's main unit, else "national".
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from datetime import date, timedelta

from analysis.extract.dates import MONTHS_EN
from analysis.extract.fold import UPPER, finditer, fold, lowered
from analysis.extract.mention import Mention
from analysis.extract.quantities import CURRENCIES, QUALIFIERS, SCALES

YEAR = r"(?P<y>(?:19[5-9]|20\d)\d)"
_MONTH = r"(?P<mn>" + "|".join(sorted(MONTHS_EN, key=len, reverse=True)) + r")"
DEADLINES = [
    # "in the period of 2026 - 2030", "giai đoạn 2026-2030", "năm 2023-2025", "2026–2030 period"
    re.compile(rf"(?i)\b(?:in\s+the\s+(?:period|phase|stage)\s+(?:of\s+|from\s+)?|giai\s+doan\s+|"
               rf"(?:trong\s+)?(?:cac\s+)?(?<!viet\s)(?<!quang\s)(?<!ha\s)(?<!mien\s)(?<!phuong\s)nam\s+|perioden\s+)"
               rf"(?:19|20)\d\d\s*(?:-|to|den)\s*{YEAR}\b"),
    # "by the end of 2025", "by end-2025", "by 2030", "no later than 2025", "until 2030"
    re.compile(rf"(?i)\b(?:by|before\s+the\s+end\s+of|no\s+later\s+than|until|till)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+year\s+)?|end[- ])?{YEAR}\b"),
    re.compile(rf"(?i)\bby\s+(?:the\s+end\s+of\s+)?{_MONTH}\.?\s+(?:(?P<d>[0-3]?\d),?\s+)?{YEAR}\b"),
    # "đến hết quý 2 năm 2021", "by the end of quarter II 2021": the quarter's last day
    # ("trước quý 3 năm 2021", "before quarter III": the end of the quarter before)
    re.compile(rf"(?i)\b(?:den|toi|by|(?P<before>truoc|before))\s+(?P<end>het\s+|cuoi\s+|the\s+end\s+of\s+)?(?:quy|quarter)\s+"
               rf"(?P<q>[1-4]|iv|i{{1,3}})(?:\s*/\s*|\s+(?:nam\s+|of\s+)?){YEAR}\b"),
    # "đến năm 2030", "đến hết năm 2025", "đến cuối năm 2025", "phấn đấu đến 2030", "trong năm 2025"
    re.compile(rf"(?i)\b(?:den|toi)\s+(?:het\s+|cuoi\s+)?(?:nam\s+)?{YEAR}\b"),
    # "đến ngày 30/6/2025"; "trước ngày 1/7/2021": the day before
    re.compile(rf"(?i)\b(?:den|toi|(?P<before_day>truoc))\s+(?:het\s+)?(?:ngay\s+)?(?P<d>[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<m>0?[1-9]|1[0-2])\s*(?P=sep)\s*{YEAR}\b"),
    # "đến cuối tháng 6-2021", "đến tháng 7/2021", "trước cuối tháng 6": the month's last day ("trước tháng
    # 7/2021": the day before the month starts)
    re.compile(rf"(?i)\b(?:(?:den|toi|truoc)\s+(?:het|cuoi)\s+|(?:den|toi)\s+|(?P<before_month>truoc)\s+)thang\s+"
               rf"(?P<m>0?[1-9]|1[0-2])\s*[/.-]\s*{YEAR}\b"),
    (IN_YEAR_VI := re.compile(rf"(?i)\b(?:trong\s+nam|nam)\s+{YEAR}\b")),
    # Swedish, French, German
    re.compile(rf"(?i)\b(?:senast|till|fram\s+till|i\s+slutet\s+av|d'ici|bis)\s+(?:ar\s+|fin\s+)?{YEAR}\b"),
    # "In 2023, ... will": a year alone is a deadline only where the clause speaks of a goal.
    re.compile(rf"(?i)\b(?:in|during|i)\s+{YEAR}\b"),
]
# Durations ("90-day", "2 năm") say how long, never how much by a deadline.
DURATIONS = frozenset("day days week weeks month months year years ngày tuần tháng năm giờ tuổi dag dagar år".split())
LATER_YEAR = re.compile(r"(?i)\b(?:nam|in|by|den|toi)\s+(?:19|20)\d\d\b")
BEFORE_GAP = 40  # a quantity before its deadline must be close: "30,000 billion VND by 2030"
_WEAK = {len(DEADLINES) - 1, DEADLINES.index(IN_YEAR_VI)}  # deadlines that need a goal word in their clause

# Read on the original text: folded Vietnamese is ambiguous ("căn cước" is not "cần").
GOAL = re.compile(
    r"(?i)\b(?:will|shall|must|strive|aims?\s+to|plans?\s+to|planned\s+to|commit(?:ted|s)?\s+to|"
    r"expect(?:ed|s)?\s+to|need\s+to|(?:is|are|was|were)\s+(?:assigned|tasked)\s+(?:by\s+[^.;,]{3,60}?\s+)?to|sẽ|phấn\s+đấu|dự\s+kiến|cần|phải|mục\s+tiêu|phan\s+dau|du\s+kien|phai|muc\s+tieu|ska|skall)\b"
)
PAST = re.compile(
    r"(?i)\b(?:has|have|had|was|were|completed|achieved|reached|received|issued|recorded|đã|vừa|da|vua|"
    r"har|hade|uppnått)\b"
)
AS_OF_BEFORE = re.compile(r"(?i)\b(?:tinh|as\s+of)\s*$")
CLAUSE_END = re.compile(r"[;\n]|[.!?](?=\s+[" + UPPER + r"\"“(])(?<!\bNo\.)(?<!\bTP\.)(?<!\bNr\.)")
_FILLER = frozenset(
    """the a will shall be is are have has of to must should would được sẽ phải các những có
    dự kiến phấn đấu""".split()
)
# Words of a quantity's own text that say nothing about what is counted.
_NOT_COUNTED = frozenset(
    w for phrase in (*QUALIFIERS, *SCALES, *CURRENCIES, "percent", "per", "cent", "phần", "trăm",
                     "tỷ", "triệu", "nghìn", "ngàn", "đồng")
    for w in phrase.split()
)
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def _deadline_iso(m: re.Match) -> str:
    year = int(m["y"])
    groups = m.groupdict()
    if groups.get("q"):
        quarter = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(m["q"].lower()) or int(m["q"])
        if groups.get("before") and not groups.get("end"):
            quarter -= 1  # before the quarter starts: the end of the one before
            if quarter == 0:
                return f"{year - 1:04d}-12-31"
        month = 3 * quarter
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    if groups.get("before_month"):
        month = int(m["m"])
        return (f"{year - 1:04d}-12-31" if month == 1 else
                f"{year:04d}-{month - 1:02d}-{calendar.monthrange(year, month - 1)[1]:02d}")
    if groups.get("m") or groups.get("mn"):
        month = int(m["m"]) if groups.get("m") else MONTHS_EN[m["mn"].lower()]
        last = calendar.monthrange(year, month)[1]
        day = min(int(m["d"]), last) if groups.get("d") else last  # "31/2": the month's last day
        if groups.get("before_day"):
            return (date(year, month, day) - timedelta(days=1)).isoformat()
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-12-31"


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in CLAUSE_END.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
    right_match = CLAUSE_END.search(text, end, end + 400)
    right = right_match.start() if right_match else min(len(text), end + 400)
    return left, right


def _phrase(text: str) -> list[str]:
    return [w.lower() for w in _TOKEN.findall(text) if w.lower() not in _FILLER]


def _indicator(original: str, clause: tuple[int, int], deadline: tuple[int, int], quantity: Mention) -> str:
    """A short phrase for what is measured: the verb before the quantity, the noun it counts and
    what follows up to the deadline or the end of the clause ("ward police units meet typical
    and model criteria", "hoàn thành đầu tư xây dựng mới trụ sở công an xã")."""
    if deadline[1] <= quantity.start:
        before = _phrase(original[deadline[1] : quantity.start])[-8:]
        after = original[quantity.end : clause[1]]
    else:  # "committed to allocating about 30,000 billion VND by 2030"
        before = _phrase(original[clause[0] : quantity.start])[-3:]
        after = original[quantity.end : deadline[0]]
    after = re.split(r"[,;:()\d]|\s(?:in\s+terms\s+of|by|in\s+order|so\s+that|nhằm|để|với)\s", after)[0]
    counted = _counted_noun(original[quantity.start : quantity.end])
    words = before + counted + _phrase(after)[:8]
    return " ".join(words[:14]) or str(quantity.fields.get("unit") or "")


def _counted_noun(quantity_text: str) -> list[str]:
    """The noun a quantity counts: its words after the number, less the scale and currency
    ("184 trụ sở công an xã" -> trụ sở công an xã; "30,000 billion VND" -> nothing)."""
    digits = list(re.finditer(r"\d", quantity_text))
    words = _phrase(quantity_text[digits[-1].end():] if digits else quantity_text)
    while words and fold(words[0]) in _NOT_COUNTED:
        words.pop(0)
    return words


def _comparator(qualifier: str | None) -> str:
    if qualifier in ("at least", "more than"):
        return ">="
    if qualifier in ("at most", "less than"):
        return "<="
    return "="


def dominant_unit(counts: Counter) -> str | None:
    """The unit a document is about: the only one it names, or one named at least twice and more
    often than all others together."""
    if not counts:
        return None
    unit, n = counts.most_common(1)[0]
    return unit if (len(counts) == 1 or n >= 2) and n * 2 > sum(counts.values()) else None


# "Từ nay đến ngày 30/11 sẽ hoàn thành", "đến ngày 5-6 phải": a day whose year the text leaves to
# its date of publication (resolved with the dates), as a deadline where the clause speaks of a goal.
YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d")  # days with their year are the patterns' above
# "từ ngày 19/8 đến 18/9, ... thu nhận 45 nghìn": the end of a period a figure was counted over, a
# deadline only where the clause speaks of a goal.
COUNTED_FROM = re.compile(r"(?i)\b(?:tu|from)\s+(?:ngay\s+|thang\s+|nam\s+)?\d{1,4}(?:\s*[/.-]\s*\d{1,4}){0,2}\s*,?\s*"
                          r"(?:(?:den|toi|to|until)\s+(?:het\s+)?(?:ngay\s+|thang\s+)?)?$")
DAY_DEADLINE_BEFORE = re.compile(r"(?i)(?<!tinh\s)(?<!as\sof\s)\b(?:den|toi|truoc|by|before)\s+(?:het\s+)?(?:ngay\s+)?$")  # not "tính đến ngày 30/4"


def _deadlines(folded: str, low: str, dates: list[Mention], published: str | None):
    """(start, end, deadline, needs a goal word) of each deadline, the patterns' first."""
    for index, pattern in enumerate(DEADLINES):
        for m in finditer(pattern, folded, low):
            if not AS_OF_BEFORE.search(folded, max(0, m.start() - 12), m.start()):  # "tính đến ngày 16/6/2023": a report's date
                yield m.start(), m.end(), _deadline_iso(m), index in _WEAK
    for d in dates:
        day = d.fields.get("date") or ""
        if len(day) == 10 and not YEAR_WRITTEN.search(folded, d.start, d.end) \
                and DAY_DEADLINE_BEFORE.search(folded, max(0, d.start - 16), d.start):
            if published and day[: len(published)] < published:  # a deadline is still to come: next year's day
                year, month, date = int(day[:4]) + 1, int(day[5:7]), int(day[8:])
                day = f"{year:04d}-{month:02d}-{min(date, calendar.monthrange(year, month)[1]):02d}"  # 29/2 -> 28/2
            yield d.start, d.end, day, True


def find_targets(original: str, folded: str, quantities: list[Mention], places: list[Mention],
                 main_unit: str | None, dates: list[Mention] = (), published: str | None = None) -> list[Mention]:
    found: list[Mention] = []
    used: set[int] = set()
    claimed: list[tuple[int, int]] = []
    low = lowered(folded)
    for at, to, deadline, weak in _deadlines(folded, low, dates, published):
        if any(s < to and at < e for s, e in claimed):
            continue
        left, right = _clause_bounds(folded, at, to)
        clause = original[left:right]
        goal = GOAL.search(clause)
        # A year still to come when the text was published is a goal's ("năm 2025 có ít nhất 30%" in 2023).
        if weak and not goal and not (published and deadline[:4] > published[:4]):
            continue
        if not goal and COUNTED_FROM.search(folded, max(0, at - 40), at):
            continue
        if PAST.search(clause) and not goal:
            continue
        in_clause = [q for q in quantities if left <= q.start and q.end <= right and id(q) not in used
                     and q.fields["unit"] not in DURATIONS]
        # A year named between the deadline and a figure is that figure's deadline ("đến năm 2024
        # sẽ nhân rộng ... để năm 2025 có ít nhất 30%").
        after = [q for q in in_clause if q.start >= to and not LATER_YEAR.search(folded, to, q.start)]
        before = [q for q in in_clause if q.end <= at and at - q.end <= BEFORE_GAP]
        quantity = after[0] if after else (before[-1] if before else None)
        if quantity is None:
            continue
        claimed.append((at, to))
        used.add(id(quantity))
        scope = next((p.fields["unit"] for p in places if left <= p.start < right), None)
        start, end = min(at, quantity.start), max(to, quantity.end)
        found.append(Mention("target", start, end, {
            "indicator": _indicator(original, (left, right), (at, to), quantity),
            "value": quantity.fields["value"],
            "unit": quantity.fields["unit"],
            "comparator": _comparator(quantity.fields["qualifier"]),
            "deadline": deadline,
            "scope": scope or main_unit or "national",
        }))
    found.sort(key=lambda t: t.start)
    return found
