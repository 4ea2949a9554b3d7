"""Provincial units named in a text, in any spelling, with the 2025 unit each belongs to.

Names come from the units resolver (analysis.reference.units): every surface form of the 97 units of both
schemes, matched on folded text through one trie-shaped pattern. A match must be written as a
name (each word capitalised, or an abbreviation in capitals) and must not be:
- a smaller unit of the same name: "Ha Tinh city", "thành phố Hà Tĩnh", "TP. Pleiku", "huyện X",
  "X district" (a centrally-run city such as "TP. Hồ Chí Minh" or "Hải Phòng city" is kept);
- part of a person's name: after a surname or middle name ("Nguyễn Thái Bình"), or inside a longer
  run of capitalised words; "Hồ Chí Minh" counts only with "city"/"TP"/"thành phố" beside it;
- written with other diacritics than the unit's ("Huệ" is not "Huế").
Which scheme a name belongs to follows the document's date: before 2025-07-01 the legacy unit,
unless the text marks the name as the merged unit ("tỉnh Bắc Ninh mới", "the new Ca Mau
province", "Cà Mau sau hợp nhất"), or its title marks it so and its sentence does not speak of
the present ("hiện nay Đồng Nai có 159 xã" stays the legacy unit): then the 2025 unit, flagged
`merged`. A name right after a
merger verb ("hợp nhất với Bạc Liêu", "merged with Bac Lieu") is flagged `partner`: the unit
joining, not the one a sentence is about.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.extract.fold import fold
from analysis.extract.mention import Mention
from analysis.extract.reading import title_line
from analysis.reference.names import normalise
from analysis.reference.units import load_units

CITY_TYPE = "centrally-run city"
MERGER_DATE = "2025-07-01"

# Words before a name that make it a smaller unit (folded, lower-case, at the end of the text before).
SMALLER_BEFORE = re.compile(
    r"(?:\b(?:thanh pho|tp|t\.p|thi xa|tx|thi tran|tt|huyen|quan|xa|phuong|h|q)\.?\s*)$"
)
CITY_BEFORE = re.compile(r"(?:\b(?:thanh pho|tp|t\.p)\.?\s*)$")
SMALLER_AFTER = re.compile(r"^\s*(?:city|town|district|commune|ward|township)\b", re.I)
CITY_AFTER = re.compile(r"^\s*city\b", re.I)
# Vietnamese surnames and middle names: a name right after one of these is part of a person's name.
PERSON_WORDS = frozenset(
    """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh doan luong
    truong trinh lam mai cao ta thai chu la quach tieu kieu van thi duc huu dinh xuan minh
    quang cong ngoc thanh""".split()
)
# Capitalised words that may directly precede a name without making it part of a person's name.
CONTEXT_WORDS = frozenset(
    """tinh thanh pho tp cong an ca province city at in of and to from for the provincial police
    ubnd hdnd uy so tai va cua o tu den ve voi tren bridge""".split()
)
# Spaces, or one line break ("Binh\nThuan" wrapped), never a blank line ("Việt Hòa\n\nBình luận" names no province).
_BLANK = r"[ \t\u00a0\u2009\u202f]"
_SPACE = rf"(?:{_BLANK}*[-\u2013](?:{_BLANK}|\n(?!{_BLANK}*\n))*|{_BLANK}+(?:\n(?!{_BLANK}*\n){_BLANK}*)?|\n(?!{_BLANK}*\n){_BLANK}*)"
# Folded, lower case, beside the name.
MERGED_AFTER = re.compile(r"\s*(?:\(\s*)?(?:moi\b|sau\s+(?:hop\s+nhat|sap\s+nhap)|after\s+(?:the\s+)?merg)")
MERGED_BEFORE = re.compile(r"(?:\bnew\s+(?:(?:province|city)\s+(?:of\s+)?)?|\b(?:sau\s+(?:khi\s+)?(?:sap\s+xep|sap\s+nhap|hop\s+nhat)|"
                           r"after\s+the\s+(?:merger|arrangement|reorgani[sz]ation))\s*,?\s*(?:thi\s+)?(?:the\s+)?(?:tinh|thanh\s+pho|province|city)?\s*(?:of\s+)?)$")
# The merger was decided in the spring of 2025 (Resolution 60-NQ/TW of 12 April): "after the
# merger" in a text of those months means the provinces of 1 July.
MERGER_PLANS = "2025-04"
MERGED_LATER = re.compile(r"[^.;!?\n\d]{0,80}?(?:\bsau\s+(?:khi\s+)?(?:sap\s+nhap|hop\s+nhat)\b|\bafter\s+(?:the\s+)?merg)")
# A sentence about the state now ("hiện nay Đồng Nai có 159 ...") speaks of the unit before the merger.
PRESENT_BEFORE = re.compile(r"\b(?:hien\s+nay|hien\s+co|hien\s+tai|truoc\s+khi|truoc\s+day|currently|at\s+present|before\s+the|now)\b")
PARTNER_BEFORE = re.compile(r"\b(?:hop\s+nhat|sap\s+nhap|merg(?:e|ed|ing))\s+(?:voi|with|into)?\s*(?:tinh|thanh\s+pho|province|city)?\s*$")


def _trie_pattern(keys: list[str]) -> str:
    """One alternation with shared prefixes factored out, so a position fails at its first letter."""
    trie: dict = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = []
        for char, child in sorted(node.items(), key=lambda item: item[0] == ""):
            if char == "":
                branches.append("")
            else:
                head = _SPACE if char == " " else re.escape(char)
                branches.append(head + render(child))
        if len(branches) == 1:
            return branches[0]
        optional = "" in branches
        inner = "|".join(b for b in branches if b)
        return f"(?:{inner})?" if optional else f"(?:{inner})"

    return render(trie)


@lru_cache(maxsize=1)
def _matcher():
    units = load_units()
    variants = {k: v for k, v in units.name_variants().items() if len(k) > 2}
    pattern = re.compile(r"(?i)(?<![\w])" + _trie_pattern(sorted(variants)) + r"(?![\w])")
    return units, variants, pattern


def _written_as_name(span: str, key: str, units) -> bool:
    words = re.findall(r"[^\W\d_]+", span)
    real_name = any(key in (normalise(u.name_vi), normalise(u.name_en)) for u in units)
    if not real_name and " " not in key and len(key) <= 4:
        return span.isupper()  # "HCMC", "BRVT": abbreviations only in capitals
    if " " not in key:
        return span.isupper() or (span[0].isupper() and span[1:].islower())  # "Hanoi", "TPHCM"
    return all(w[0].isupper() for w in words)


def _same_marks(span: str, units) -> bool:
    """A name written with diacritics must carry the unit's own ("Huệ" is a person, not Huế)."""
    if span.isascii():
        return True
    written = re.sub(r"\W+", " ", span.lower()).strip()
    for unit in units:
        name = re.sub(r"\W+", " ", unit.name_vi.lower()).strip()
        if fold(name) == fold(written):
            return name == written
    return True  # an alias spelling ("Đắc Lắc", "Sài Gòn"): distinctive enough


def _previous_word(original: str, start: int) -> str:
    m = re.search(r"([^\W\d_]+)[^\w\n]{0,2}$", original[max(0, start - 30) : start])
    return m.group(1) if m else ""


def _next_word(original: str, end: int) -> str:
    m = re.match(r"\s?([^\W\d_]+)", original[end : end + 30])
    return m.group(1) if m else ""


def _is_person(original: str, start: int, end: int) -> bool:
    before = _previous_word(original, start)
    after = _next_word(original, end)
    before_folded = fold(before).lower()
    if before[:1].isupper() and before_folded in PERSON_WORDS and original[start - 1 : start] == " ":
        return True
    if fold(after).lower() == "duong" and fold(original[start:end]).lower().replace(" ", "") == "thaibinh":
        return True  # Thái Bình Dương, the Pacific
    # Inside a run of capitalised words joined by single spaces: "Thai Thanh Quy".
    return (
        before[:1].isupper() and before_folded not in CONTEXT_WORDS and original[start - 2 : start - 1].isalpha()
        and after[:1].isupper() and original[end : end + 1] == " " and original[start - 1 : start] == " "
        and not after.isupper()
    )


def _merged_later(units, candidates, lowered: str, end: int, published: str | None) -> bool:
    """A province that the 2025 merger joins with others, named in a text of the months before the
    merger took effect with "sau sáp nhập" / "after the merger" later in its sentence ("Tỉnh Lào Cai
    có tổng số đơn vị hành chính cấp xã sau sáp nhập là 99"): the merged unit."""
    if not published or published < MERGER_PLANS or not MERGED_LATER.match(lowered, end):
        return False
    legacy = [u for u in candidates if u.scheme == "legacy"]
    return len(legacy) == 1 and len(units.legacy_of(units.current_of(legacy[0]))) > 1


def before_merger(published: str) -> bool:
    """Whether a text of this date (a day, a month, or a year) predates the merger: a text of
    July 2025 ("2025-07") does not; one dated only "2025" is read as before it, as most of that
    year's reports on the merger were."""
    return published[:7] < MERGER_DATE[:7] if len(published) == 7 else published < MERGER_DATE


def find_places(original: str, folded: str, published: str | None = None) -> list[Mention]:
    units, variants, pattern = _matcher()
    prefer = "legacy" if published and before_merger(published) else "2025"
    found: list[Mention] = []
    lowered = folded.lower()
    title_end = (title_line(original) or (0, 0))[1]
    merged_in_title: set[str] = set()  # names the title marks as the merged unit
    for m in pattern.finditer(folded):
        start, end = m.span()
        span = original[start:end]
        key = normalise(span)
        candidates = variants.get(key) or variants.get(key.replace(" ", ""))
        if not candidates or not _written_as_name(span, key, candidates) or not _same_marks(span, candidates):
            continue
        is_city = any(u.type == CITY_TYPE for u in candidates)
        before = lowered[max(0, start - 16) : start]
        after = folded[end : end + 16]
        city_beside = bool(CITY_BEFORE.search(before) or CITY_AFTER.match(after))
        if is_city:
            if SMALLER_BEFORE.search(before) and not city_beside:
                continue
        elif SMALLER_BEFORE.search(before) or SMALLER_AFTER.match(after):
            continue
        if key.replace(" ", "") == "hochiminh" and not city_beside:
            continue  # the president, his thought, his youth union: only "TP./City" makes it a place
        if _is_person(original, start, end):
            continue
        merged = prefer == "legacy" and bool(MERGED_AFTER.match(lowered, end) or MERGED_BEFORE.search(lowered[max(0, start - 40) : start])
                                             or _merged_later(units, candidates, lowered, end, published))
        if merged and start < title_end:
            merged_in_title.add(key)
        elif prefer == "legacy" and key in merged_in_title and not PRESENT_BEFORE.search(_sentence_head(lowered, start)):
            merged = True  # under a title about "tỉnh Bắc Ninh mới", Bắc Ninh is the merged unit
        scheme = "2025" if merged else prefer
        chosen = [u for u in candidates if u.scheme == scheme] or list(candidates)
        if len({(u.scheme, u.slug) for u in chosen}) != 1:
            continue  # names more than one unit: say nothing rather than guess
        unit = chosen[0]
        current = units.current_of(unit)
        # A province the merger left as it was ("Quảng Ninh", "Nghệ An") has no merged unit of its own.
        marks = {"merged": True} if merged and unit.scheme == "2025" and len(units.legacy_of(unit)) > 1 else {}
        if PARTNER_BEFORE.search(lowered[max(0, start - 40) : start]):
            marks["partner"] = True
        found.append(Mention("place", start, end, {"unit": unit.slug, "scheme": unit.scheme, "current": current.slug, **marks}))
    return found


def _sentence_head(lowered: str, start: int) -> str:
    """The words of the sentence before a position, at most 80 characters."""
    head = lowered[max(0, start - 80) : start]
    return re.split(r"(?<!\btp)[.!?](?=\s)|\n", head)[-1]
