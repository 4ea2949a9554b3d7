"""Dates in English, Vietnamese (with or without diacritics), Swedish, French and German.

Every pattern runs on the folded text (see fold.py). A date reports what the text states:
"2022-03-16", "2023-05" or "2025". A day or month stated without a year takes the year of the
publication date (from `published` or the document's header), moved back one year when that would
put it months after publication; without a publication date, the year of the nearest preceding
date that states one. When neither exists the year stays unknown and the date is written as ISO
8601 without a year ("--12-27").

A range of days ("December 27-28", "27-28/12") is one mention dated by its first day; a range of
years ("2026 - 2030") is two mentions, one per year. Times ("20:10", "8h30") are not dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.extract.fold import finditer, lowered
from analysis.extract.mention import Mention, Occupied

MONTHS_EN = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
MONTHS_OTHER = {
    "sv": {"januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
           "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12},
    "fr": {"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
           "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12},
    "de": {"januar": 1, "februar": 2, "marz": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
           "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12},
}

DAY = r"(?P<d>[0-3]?\d)"
YEAR = r"(?P<y>(?:19[4-9]|20\d)\d)"
NOT_AFTER_NUMBER = r"(?<![\w.,/:-])"
NOT_BEFORE_NUMBER = r"(?![\w]|[.,:/-]\d)"

# Numeric forms are read day-first, as Vietnamese sources write them.
NUMERIC_FULL = re.compile(
    NOT_AFTER_NUMBER + DAY + r"(?:\s*-\s*[0-3]?\d)?\s*(?P<sep>[/.-])\s*(?P<m>[01]?\d)\s*(?P=sep)\s*" + YEAR + NOT_BEFORE_NUMBER
)
ISO = re.compile(NOT_AFTER_NUMBER + YEAR + r"-(?P<m>[01]\d)-(?P<d>[0-3]\d)" + NOT_BEFORE_NUMBER)
HEADER_DATE = re.compile(r"(?m)^\s*(?:date\s+)?" + YEAR + r"-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?(?=\s|$)")
VI_FULL_WORDS = re.compile(
    r"(?i)\bngay\s+" + DAY + r"\s+thang\s+(?P<m>[01]?\d)\s+nam\s+" + YEAR + r"\b"
)
VI_MONTH_YEAR = re.compile(
    r"(?i)\bthang\s+(?P<m>[01]?\d)(?:\s*[/.-]\s*|\s+nam\s+)" + YEAR + NOT_BEFORE_NUMBER
)
VI_MONTH = re.compile(r"(?i)\bthang\s+(?P<m>[01]?\d)(?!\s*[/.-]?\s*\d)\b")
# Day/month without a year needs a word that announces a date: "ngày 16/3", "sáng 24-11".
DAY_MONTH = re.compile(
    r"(?i)\b(?P<cue>ngay|sang|chieu|toi|trua|dem|hom|tu|den|toi|truoc|sau|luc|on|from|until|by)"
    r"\s+(?:ngay\s+)?" + DAY + r"(?:\s*-\s*[0-3]?\d)?\s*(?P<sep>[/.-])\s*(?P<m>[01]?\d)" + NOT_BEFORE_NUMBER
    + r"(?!\s*(?:ty|trieu|nghin|ngan|%))"
)
YEAR_ALONE = re.compile(
    NOT_AFTER_NUMBER + YEAR + r"(?:\s*-\s*(?P<y2>(?:19[4-9]|20\d)\d))?" + r"(?![\w]|[.,:/]\d|-\d\d(?!\d))"
)
TIME = re.compile(r"(?<![\w.,/])(?:[01]?\d|2[0-3])\s*(?::|h)\s*[0-5]\d(?:\s*(?:am|pm))?\b", re.I)

# Words after a bare four-digit number that make it a count, not a year ("2000 officers").
_COUNT_AFTER = re.compile(r"\s*(?:%|percent|phan tram|ty|trieu|nghin|ngan|billion|million|thousand|dong|vnd)\b", re.I)


@lru_cache(maxsize=None)
def _month_patterns(language: str):
    names = dict(MONTHS_EN)
    names.update(MONTHS_OTHER.get(language, {}))
    alternation = "|".join(sorted(names, key=len, reverse=True))
    month = rf"(?P<mn>{alternation})\.?"
    day_suffix = r"(?:st|nd|rd|th|\.)?"
    return names, [
        # March 16, 2022 / December 27-28 / March 20
        re.compile(rf"(?i)\b{month}\s+{DAY}{day_suffix}(?:\s*-\s*[0-3]?\d{day_suffix})?(?!\d)(?:,?\s+{YEAR})?\b"),
        # 16 March 2022 / 16 mars 2022 / 16. März 2022 / the 16th of March
        re.compile(rf"(?i){NOT_AFTER_NUMBER}{DAY}{day_suffix}(?:\s*-\s*[0-3]?\d{day_suffix})?\s+(?:of\s+)?{month}(?:,?\s+{YEAR})?\b"),
        # May 2023 / in May
        re.compile(rf"(?i)\b{month},?\s+{YEAR}\b"),
        re.compile(rf"(?i)\b(?:in|by|since|until|from|during|early|late|mid|end of|before|after|since|i|en|im)[\s-]+{month}\b"),
    ]


@dataclass
class DatePart:
    """What a date mention states; the year may come later from context."""

    year: int | None
    month: int | None = None
    day: int | None = None
    has_own_year: bool = True
    ahead: bool = False  # a deadline without its year ("by 1 July", "trước ngày 30/4"): not a past day

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _valid(day: int | None, month: int | None) -> bool:
    return (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31)


def _int(match: re.Match, group: str) -> int | None:
    value = match.groupdict().get(group)
    return int(value) if value else None


class _Collector:
    def __init__(self, original: str, occupied: Occupied):
        self.original = original
        self.occupied = occupied
        self.found: list[tuple[Mention, DatePart]] = []
        self.taken = Occupied()

    def add(self, start: int, end: int, part: DatePart) -> None:
        if not _valid(part.day, part.month):
            return
        if self.occupied.hits(start, end) or self.taken.hits(start, end):
            return
        self.taken.add(start, end)
        self.found.append((Mention("date", start, end), part))


def _word_is(original: str, start: int, end: int, *accepted: str) -> bool:
    return original[start:end].lower() in accepted


def find_dates(original: str, folded: str, language: str, occupied: Occupied) -> list[tuple[Mention, DatePart]]:
    """Date mentions with what each states, in text order; the year is not yet filled in."""
    found = _Collector(original, occupied)
    low = lowered(folded)
    for m in finditer(TIME, folded, low):
        found.taken.add(m.start(), m.end())

    for m in finditer(HEADER_DATE, folded, low):
        found.add(m.start("y"), m.end(), DatePart(int(m["y"]), int(m["m"]), _int(m, "d")))
    for m in finditer(ISO, folded, low):
        found.add(m.start(), m.end(), DatePart(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in finditer(VI_FULL_WORDS, folded, low):
        found.add(m.start(), m.end(), DatePart(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in finditer(NUMERIC_FULL, folded, low):
        found.add(m.start(), m.end(), DatePart(int(m["y"]), int(m["m"]), int(m["d"])))

    names, (month_day, day_month, month_year, month_only) = _month_patterns(language)

    def month_of(m: re.Match) -> int | None:
        written = original[m.start("mn") : m.end("mn")]
        if written[:1].islower() and written.lower() not in MONTHS_OTHER.get(language, {}):
            return None  # "may", "march" as words; English capitalises month names
        return names.get(m["mn"].lower())

    for pattern in (month_day, day_month):
        for m in finditer(pattern, folded, low):
            month = month_of(m)
            if month:
                year = _int(m, "y")
                found.add(m.start(), m.end(), DatePart(year, month, int(m["d"]), year is not None))
    for m in finditer(month_year, folded, low):
        month = month_of(m)
        if month:
            found.add(m.start(), m.end(), DatePart(int(m["y"]), month))
    for m in finditer(month_only, folded, low):
        month = month_of(m)
        # A month alone must be spelled out: "in May", not "in Mar".
        if month and (len(m["mn"]) > 3 or m["mn"].lower() == "may"):
            found.add(m.start("mn"), m.end(), DatePart(None, month, None, False))

    for m in finditer(VI_MONTH_YEAR, folded, low):
        if _word_is(original, m.start(), m.start() + 5, "tháng", "thang"):
            found.add(m.start(), m.end(), DatePart(int(m["y"]), int(m["m"])))
    for m in finditer(DAY_MONTH, folded, low):
        if m["cue"].lower() in ("on", "from", "until", "by") and m["sep"] == ".":
            continue
        found.add(m.start("d"), m.end(), DatePart(None, int(m["m"]), int(m["d"]), False))
    for m in finditer(VI_MONTH, folded, low):
        if _word_is(original, m.start(), m.start() + 5, "tháng", "thang"):
            found.add(m.start(), m.end(), DatePart(None, int(m["m"]), None, False))

    for m in finditer(YEAR_ALONE, folded, low):
        if _COUNT_AFTER.match(folded, m.end()):
            continue
        if m["y2"]:
            found.add(m.start("y"), m.end("y"), DatePart(int(m["y"])))
            found.add(m.start("y2"), m.end("y2"), DatePart(int(m["y2"])))
        else:
            found.add(m.start(), m.end(), DatePart(int(m["y"])))

    found.found.sort(key=lambda pair: pair[0].start)
    for mention, part in found.found:
        if part.year is None:
            part.ahead = bool(DEADLINE_CUE.search(low, max(0, mention.start - 25), mention.start)
                              or THIS_YEAR.match(low, mention.end))
    return found.found


# A day without its year named as a deadline, or as this year's: it lies ahead of the text, or in its year.
DEADLINE_CUE = re.compile(r"\b(?:by|before|until|till|truoc|den\s+het|toi)\s+(?:(?:ngay|thang|the\s+end\s+of)\s+)?$")
THIS_YEAR = re.compile(r"\s*(?:,\s*)?(?:this\s+year|nam\s+nay)\b")


# The head of a document: its first six lines, but never more than this (a file may be one line).
HEAD_CHARS = 2000


def publication_date(dates: list[tuple[Mention, DatePart]], text: str) -> DatePart | None:
    """A date standing on its own line near the top (" date 2024-12-12", "2024-10",
    "March 20, 2023 20:10") is when the document was published."""
    head_end = 0
    for _ in range(6):
        nl = text.find("\n", head_end, HEAD_CHARS)
        if nl < 0:
            head_end = min(len(text), HEAD_CHARS)
            break
        head_end = nl + 1
    for mention, part in dates:
        if mention.start >= head_end:
            break  # dates come in text order
        if not part.has_own_year or part.month is None:
            continue
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end, mention.end + HEAD_CHARS)
        line = text[line_start : line_end if line_end >= 0 else mention.end + HEAD_CHARS]
        rest = (line[: mention.start - line_start] + line[mention.end - line_start :]).strip()
        rest = TIME.sub("", rest).strip(" ,|-")
        if not rest or rest.lower() == "date" or line.lstrip().lower().startswith("date "):
            return part
    return None


# How far ahead a date without a year may look for one, when nothing before or above gives it.
YEAR_REACH = 1000


def resolve_years(
    dates: list[tuple[Mention, DatePart]], published: DatePart | None, previous: DatePart | None = None
) -> DatePart | None:
    """Give each date without a year the year its context implies, and set its `date` field.
    Returns the last date that stated its own year and month (the context of the text after)."""
    # For each date, the next one that states its own year: the fallback when nothing came before.
    following: tuple[Mention, DatePart] | None = None
    after: list[tuple[Mention, DatePart] | None] = []
    for pair in reversed(dates):
        after.append(following)
        if pair[1].year is not None:
            following = pair
    after.reverse()
    for (mention, part), next_with_year in zip(dates, after):
        if part.year is None:
            if published and published.year:
                part.year = published.year
                if published.month and part.month and part.month > published.month + 1 and not part.ahead:
                    part.year -= 1
            elif previous is not None:
                part.year = previous.year
            elif next_with_year is not None and next_with_year[0].start - mention.end <= YEAR_REACH:
                part.year = next_with_year[1].year  # "held on December 27-28 ... the 2023 conference"
        elif part.month is not None:
            previous = part
        mention.fields["date"] = part.iso()
    return previous


def parse_published(value) -> DatePart | None:
    """`published` as given by a caller: a date, or an ISO string of 4, 7 or 10 characters."""
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return None
    return DatePart(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
