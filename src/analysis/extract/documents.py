"""Document references: full numbers in every spelling, and short forms resolved from context.

Full numbers have two shapes: Party "{n}-{type}/{issuer}" (12-NQ/TW, 118-KH/ĐUCA) and State
"{n}[/{year}]/{type}-{issuer}" (5764/QĐ-BCA-V05, 06/QĐ-TTg). They are written back with their
Vietnamese letters whatever the spelling ("90-QD/TW" -> "90-QĐ/TW").

A short form ("Resolution No. 12", "Nghị quyết số 12", "resolution nr 12") gets an id only when
the text determines it, in this order: the issuer named beside it ("of the Politburo"), a date
beside it that matches a known document, an earlier citation of the same type and number in the
same text. Two different earlier citations, or none of these, leave the id null: a wrong guess
is worse than no answer.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from analysis.extract.fold import fold
from analysis.extract.mention import Mention, Occupied
from analysis.extract.registry import known

# Written (folded, upper-case) type codes -> official form.
TYPES = {
    "NQ": "NQ", "QD": "QĐ", "QDI": "QĐi", "KH": "KH", "CT": "CT", "CTR": "CTr", "KL": "KL",
    "TB": "TB", "DA": "ĐA", "HD": "HD", "BC": "BC", "TTR": "TTr", "ND": "NĐ", "TT": "TT",
    "NQLT": "NQLT", "TTLT": "TTLT", "QC": "QC", "CV": "CV",
}
# Issuer segments whose official form has a Đ or a lower-case letter.
SEGMENTS = {"DUCA": "ĐUCA", "DU": "ĐU", "DUK": "ĐUK", "HDND": "HĐND", "TTG": "TTg", "BCD": "BCĐ",
            "DUQTW": "ĐUQTW", "QD": "QĐ"}
PARTY_ISSUERS = {"TW", "ĐUCA", "TU", "HU", "ĐU", "ĐUK"}

_TYPE = "|".join(sorted(TYPES, key=len, reverse=True))
_ISSUER = r"[A-Z][A-Za-z]{0,9}(?:-[A-Z0-9][A-Za-z0-9]{0,6})*"
PARTY_NUMBER = re.compile(
    rf"(?<![\w/.-])(?P<num>\d{{1,5}})\s?-\s?(?P<type>{_TYPE})\s?/\s?(?P<issuer>{_ISSUER})(?![\w])", re.I
)
STATE_NUMBER = re.compile(
    rf"(?<![\w/.-])(?P<num>\d{{1,6}})(?:/(?P<year>(?:19|20)\d\d))?\s?/\s?(?P<type>{_TYPE})\s?-\s?(?P<issuer>{_ISSUER})(?![\w])",
    re.I,
)

KEYWORDS = {
    # English
    "resolution": "NQ", "decision": "QĐ", "plan": "KH", "directive": "CT", "conclusion": "KL",
    "notice": "TB", "announcement": "TB", "project": "ĐA", "scheme": "ĐA", "decree": "NĐ",
    "circular": "TT", "guidance": "HD", "instruction": "HD",
    # Vietnamese, folded
    "nghi quyet": "NQ", "quyet dinh": "QĐ", "ke hoach": "KH", "chi thi": "CT", "ket luan": "KL",
    "thong bao": "TB", "de an": "ĐA", "huong dan": "HD", "nghi dinh": "NĐ", "thong tu": "TT",
    "quy dinh": "QĐi",
    # Swedish, French, German
    "resolutionen": "NQ", "beslut": "QĐ", "beslutet": "QĐ", "direktiv": "CT", "projekt": "ĐA",
    "projektet": "ĐA", "slutsats": "KL", "projet": "ĐA", "beschluss": "NQ",
}
_KEYWORD = "|".join(sorted((k.replace(" ", r"\s+") for k in KEYWORDS), key=len, reverse=True))
SHORT_FORM = re.compile(
    rf"(?i)\b(?P<kw>{_KEYWORD})\s+(?:(?:No|Nr|So|Number|Nummer|n°|num[eé]ro)\.?\s*|#\s*)?"
    rf"(?P<num>\d{{1,5}})(?:/(?P<tail>[A-Z][A-Za-z]{{1,4}})(?![\w/-]))?(?![\w/]|[.,]\d|-\w)"
)

KEYWORD_BEFORE = re.compile(
    rf"(?i)\b(?:{_KEYWORD})\s+(?:(?:No|Nr|So|Number|Nummer|n°|num[eé]ro)\.?\s*|#\s*)?$"
)

# Who issued it, as texts name them (folded, lower-case); longest names are tried first.
ISSUER_NAMES = {
    "ĐUCA": [
        "central public security party committee", "party committee of the central public security",
        "central party committee of (?:the )?public security", "central committee of (?:the )?public security",
        "public security central party committee", "dang uy cong an trung uong", "duca",
        "den centrala (?:parti)?kommitten for offentlig sakerhet", "centrala partikommitten for offentlig sakerhet",
    ],
    "TW": [
        "politburo", "bo chinh tri", "secretariat", "ban bi thu", "(?:\\d+(?:st|nd|rd|th) )?central (?:party )?committee",
        "party central committee", "ban chap hanh trung uong(?: dang)?", "trung uong", "politbyran",
        "sekretariatet",
    ],
    "BCA": ["minister of public security", "ministry of public security", "bo truong bo cong an",
            "bo cong an", "ministeriet for offentlig sakerhet", "mps"],
    "TTg": ["prime minister", "thu tuong chinh phu", "thu tuong", "premiarminister"],
    "CP": ["government", "chinh phu", "regeringen"],
    "TU": ["provincial party (?:standing )?committee(?: standing committee)?", "ban thuong vu tinh uy",
           "ban tvtu", "tinh uy", "thanh uy"],
    "HĐND": ["(?:provincial )?people's council", "hdnd(?: tinh)?", "hoi dong nhan dan(?: tinh)?"],
    "UBND": ["(?:provincial )?people's committee", "ubnd(?: tinh)?", "uy ban nhan dan(?: tinh)?"],
}
_NAME_TO_CODE = [(name, code) for code, names in ISSUER_NAMES.items() for name in names]
_ISSUER_ALT = "|".join(f"(?P<i{n}>{name})" for n, (name, _) in enumerate(_NAME_TO_CODE))
# "... of the Politburo", "..., ngày 16/3/2022 của Bộ Chính trị", "... från den centrala kommittén"
ISSUER_AFTER = re.compile(
    rf"(?i)\s*,?\s*(?:(?:dated|ngay|issued on|on)\s+[^,;()\n]{{0,30}}?,?\s+)?"
    rf"(?:of|by|cua|from|fran|av|du|de|des|vom|der|issued by|do)\s+(?:the\s+)?(?:{_ISSUER_ALT})\b"
)
# "the Politburo issued Resolution No. 12", "HĐND tỉnh đã ban hành Nghị quyết số 36"
ISSUER_BEFORE = re.compile(
    rf"(?i)(?:{_ISSUER_ALT})\s+(?:has\s+|had\s+|da\s+|vua\s+|also\s+)?"
    rf"(?:issued|signed|promulgated|adopted|ban\s+hanh|ky\s+ban\s+hanh|ky|utfardade|antog)\s+(?:the\s+)?$"
)


def _issuer_code(match: re.Match) -> str:
    for n, (_, code) in enumerate(_NAME_TO_CODE):
        if match.group(f"i{n}") is not None:
            return code
    raise AssertionError("an issuer alternative matched")


def canonical_type(written: str) -> str:
    return TYPES[fold(written).upper()]


def canonical_issuer(written: str) -> str:
    return "-".join(SEGMENTS.get(fold(s).upper(), s.upper() if s.upper() != "TTG" else "TTg") for s in written.split("-"))


@dataclass
class CitationMemory:
    """Ids cited so far in a document, by (type, number): what later short forms may refer to."""

    ids: dict[tuple[str, int], set[str]] = field(default_factory=dict)

    def remember(self, type_: str, number: int, id_: str) -> None:
        self.ids.setdefault((type_, number), set()).add(id_)

    def recall(self, type_: str, number: int) -> str | None:
        found = self.ids.get((type_, number), set())
        return next(iter(found)) if len(found) == 1 else None


def _full_reference(m: re.Match, party: bool) -> tuple[str, str, str]:
    type_ = canonical_type(m["type"])
    issuer = canonical_issuer(m["issuer"])
    number = m["num"]
    if party:
        return f"{number}-{type_}/{issuer}", type_, number
    year = f"{m['year']}/" if m["year"] else ""
    return f"{number}/{year}{type_}-{issuer}", type_, number


def find_documents(folded: str) -> list[Mention]:
    """Document mentions in text order; short forms carry what their context needs later."""
    found: list[Mention] = []
    taken = Occupied()
    for pattern, party in ((PARTY_NUMBER, True), (STATE_NUMBER, False)):
        for m in pattern.finditer(folded):
            if taken.hits(m.start(), m.end()):
                continue
            id_, type_, number = _full_reference(m, party)
            start = m.start()
            keyword = KEYWORD_BEFORE.search(folded, max(0, start - 40), start)
            if keyword:  # "Resolution No. 12-NQ/TW": the keyword belongs to the mention
                start = keyword.start()
            mention = Mention("document", start, m.end(), {"id": id_, "type": type_, "number": number})
            taken.add(start, m.end())  # with its keyword: "Resolution No. 12-NQ/TW" holds no short form
            found.append(mention)
    for m in SHORT_FORM.finditer(folded):
        if taken.hits(m.start(), m.end()):
            continue
        type_ = KEYWORDS[re.sub(r"\s+", " ", m["kw"].lower())]
        issuer = canonical_issuer(m["tail"]) if m["tail"] else None
        mention = Mention("document", m.start(), m.end(), {"id": None, "type": type_, "number": m["num"]})
        mention.fields["_issuer"] = issuer or _issuer_beside(folded, m.start(), m.end())
        found.append(mention)
    found.sort(key=lambda x: x.start)
    return found


def _issuer_beside(folded: str, start: int, end: int) -> str | None:
    after = ISSUER_AFTER.match(folded, end, min(len(folded), end + 160))
    if after:
        return _issuer_code(after)
    before = ISSUER_BEFORE.search(folded, max(0, start - 120), start)
    if before:
        return _issuer_code(before)
    return None


def resolve_documents(mentions: list[Mention], dates: list[Mention], memory: CitationMemory) -> None:
    """Fill in the id of each short form the text determines; remember every id cited."""
    starts = [d.start for d in dates]  # dates come sorted by start
    for mention in mentions:
        fields = mention.fields
        issuer = fields.pop("_issuer", None)
        number = int(fields["number"])
        if fields["id"] is not None:
            memory.remember(fields["type"], number, fields["id"])
            continue
        fields["id"] = _resolve(fields["type"], number, fields["number"], issuer, mention, dates, starts, memory)
        if fields["id"] is not None:
            memory.remember(fields["type"], number, fields["id"])


def _resolve(type_, number, written, issuer, mention, dates, starts, memory) -> str | None:
    candidates = known(type_, number)
    if issuer:
        matching = [d for d in candidates if issuer in d.issuers]
        if len({d.id for d in matching}) == 1:
            return matching[0].id
        if issuer in PARTY_ISSUERS and not matching:
            return f"{written}-{type_}/{issuer}"
        return None
    nearby = {d.fields.get("date") for d in _dates_near(dates, starts, mention, 80)}
    dated = {d.id for d in candidates if d.date in nearby}
    if len(dated) == 1:
        return dated.pop()
    recalled = memory.recall(type_, number)
    if recalled:
        return recalled
    bare = {d.id for d in candidates if d.bare}
    return bare.pop() if len(bare) == 1 else None


def _dates_near(dates: list[Mention], starts: list[int], mention: Mention, reach: int) -> list[Mention]:
    """Dates (sorted by start) that start or end within `reach` characters of the mention."""
    # A date is far shorter than 200 characters: none starting earlier can end within reach.
    lo = bisect.bisect_left(starts, mention.start - reach - 200)
    near = []
    for d in dates[lo:]:
        if d.start >= mention.end + reach:
            break
        if abs(d.start - mention.end) < reach or abs(mention.start - d.end) < reach:
            near.append(d)
    return near
