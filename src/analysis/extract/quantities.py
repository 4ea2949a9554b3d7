"""Quantities: counts, shares and money, with their qualifier and unit.

A quantity is a number that no date, document number or time has claimed, that is not an
ordinal, a code, a phone number or a heading number, and that has a unit: "%", a currency
("30,000 billion VND" -> 30000000000000 VND; "113,184 tỷ" -> 113184000000 VND) or the noun it
counts ("officers", "trụ sở công an xã"). "22/63" and "22 of 63" report 22 with `total` 63.
"""

from __future__ import annotations

import re
from decimal import Decimal

from analysis.extract.fold import finditer, fold, lowered
from analysis.extract.mention import Mention, Occupied
from analysis.extract.numbers import (
    NUMBER, NUMBER_BODY, NUMBER_BODY_SPACED, NUMBER_END, NUMBER_SPACED, NUMBER_START, SPACE_GROUPING, parse_number, tidy,
)

QUALIFIERS = {
    "nearly": "nearly", "almost": "nearly", "gan": "nearly", "nastan": "nearly", "pres de": "nearly",
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "khoang": "about", "chung": "about", "xap xi": "about", "cirka": "about",
    "ca.": "about", "omkring": "about", "ungefar": "about", "environ": "about", "etwa": "about",
    "more than": "more than", "over": "more than", "hon": "more than", "tren": "more than",
    "mer an": "more than", "over than": "more than", "plus de": "more than", "uber": "more than",
    "at least": "at least", "no less than": "at least", "not less than": "at least",
    "a minimum of": "at least", "it nhat": "at least", "toi thieu": "at least",
    "khong it hon": "at least", "minst": "at least", "au moins": "at least", "mindestens": "at least",
    "less than": "less than", "fewer than": "less than", "under": "less than", "duoi": "less than",
    "mindre an": "less than", "moins de": "less than",
    "at most": "at most", "up to": "at most", "no more than": "at most", "a maximum of": "at most",
    "toi da": "at most", "khong qua": "at most", "hogst": "at most",
}
_QUALIFIER = "|".join(sorted((re.escape(q).replace(r"\ ", r"\s+") for q in QUALIFIERS), key=len, reverse=True))

SCALES = {
    "ty": 10**9, "ti": 10**9, "trieu": 10**6, "nghin": 10**3, "ngan": 10**3,
    "trillion": 10**12, "billion": 10**9, "bn": 10**9, "million": 10**6, "thousand": 10**3,
    "miljarder": 10**9, "miljard": 10**9, "miljoner": 10**6, "miljon": 10**6, "tusen": 10**3,
    "milliards": 10**9, "milliard": 10**9, "millions": 10**6, "milliarden": 10**9, "millionen": 10**6,
}
# Folded words that look like a scale or a currency but are another word in the original.
_NOT_SCALE = {"ngân", "tý", "tí", "tỵ"}
CURRENCIES = {"vnd": "VND", "vnđ": "VND", "dong": "VND", "đồng": "VND", "usd": "USD", "$": "USD",
              "us dollars": "USD", "dollars": "USD", "euro": "EUR", "eur": "EUR", "kronor": "SEK"}
PERCENT = r"\s?%|\s*(?:percent|per\s+cent|phan\s+tram|procent|pour\s+cent|prozent)\b"

def _quantity(body: str, number: str) -> re.Pattern:
    return re.compile(
        rf"(?i)(?:\b(?P<qual>{_QUALIFIER})\s+)?(?:(?P<cur>vnd|usd|\$)\s?)?{NUMBER_START}(?P<num>{body})"
        rf"(?:\s*/\s*(?P<total>{body}))?{NUMBER_END}(?:\s+(?:out\s+of(?:\s+the)?(?:\s+(?:registered|eligible|total))?|of|trong\s+(?:tong\s+so\s+)?(?:so\s+)?|tren\s+tong\s+so|av)\s+(?P<total2>{number}))?"
        rf"(?P<pct>{PERCENT})?"
    )


QUANTITY = _quantity(NUMBER_BODY, NUMBER)
QUANTITY_SPACED = _quantity(NUMBER_BODY_SPACED, NUMBER_SPACED)  # languages that group thousands with a space
_SCALE_WORDS = re.compile(r"(?:\s+|(?<=\d))(?P<w>[^\W\d_]+)")
_WORD = re.compile(r"(?:[ \t]*|-)(?P<w>[^\W\d_]+(?:-[^\W\d_]+)*[23²³]?)(?![\w])")
_RANGE_TO = re.compile(rf"(?i)\s*(?:to|-|–|den|toi|till|a|bis)\s*(?={NUMBER})")

# Numbers right after these words are identifiers or ranks, not amounts.
_ID_BEFORE = re.compile(
    r"(?i)(?:\b(?:no|nr|number|so|thu|lan\s+thu|khoa|article|clause|chapter|section|item|point|paragraph|"
    r"phase|level|grade|dieu|khoan|chuong|muc|diem|cap|trang|page|the|room|phong|km|quoc\s+lo|route|"
    r"highway|tap|vol|version|lan)\.?\s*|#\s*|\bn°\s*)$"
)
_ISSUE_BEFORE = re.compile(r"(?i)\bcap\s*$")
_SCALE_AFTER = re.compile(r"(?i)[ \t]*(?:trieu|nghin|ngan|ty|million|billion|thousand)\b")
_TOTAL_BEFORE = re.compile(r"(?i)\b(?:tong|trong)\s+so\s*$")  # "tổng số 135", "một trong số 135": amounts
HEADING = re.compile(r"(?m)^[ \t]*\d{1,2}(?:\.\d{1,2})*[.)](?=\s)")
PHONE = re.compile(r"(?<![\w.,])(?:\+84|0)\d{2,3}[ .-]?\d{3}[ .-]?\d{3,4}(?!\w)")
URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")

# Words that end the noun phrase after a number.
STOP_EN = frozenset(
    """a an the and or of in on at to for from by with into over under than as per each every
    is are was were be been being will would shall should can could may might must have has had
    do does did not no this that these those which who whom whose what when where while it its
    their his her our your they he she we you i including include includes comprising comprise comprises
    consisting consist consists such also only just
    more most less least about nearly so very old out before after since until during within among
    between through against och av i pa for med som till ar var har det
    den de en ett att
    d l des du dans pour sur par au aux et ou le la les qui que dont
    der die das dem und für fur mit von zu zum zur auf bei im""".split()
)
STOP_VI = frozenset(
    """và của trong được đã với cho là tại theo để từ đến trên dưới có này đó các những mỗi
    về sẽ đang bị vào ra cùng như nhưng hay hoặc thì mà khi nếu đều cũng rất đạt gồm tổng
    ở trước sau thực triển thi hoàn nhằm bao đủ gắn mới tham còn""".split()
) | frozenset(
    # Their spellings without diacritics, where that spelling is no word of a counted noun
    # ("tai" is "tài khoản", "thi" "thị trấn", "gan" "gắn chip", "dang" "đảng viên", "bi" "bí
    # thư": left out).
    """va cua trong duoc da voi cho la theo nay se nhu nhung hoac khi neu deu cung rat
    dat gom nham""".split()
)
# Vietnamese measure words: the unit is the word itself ("2 năm", "52 tuổi", "300 m2").
MEASURES_VI = frozenset("năm tháng ngày tuần giờ phút tuổi tầng lần m m2 m3 km km2 ha kg tấn".split())
# Words a small rank number follows inside a noun phrase ("level 2", "mức độ 2").
RANK_WORDS = ("level", "grade", "class", "do")  # "do": "độ" folded
_RANK_NUMBER = re.compile(r"[ \t]+\d(?![\d.,]*\d)(?!\s*%)")
# The hundreds after a spelled-out thousand ("1 nghìn 400"), before the counted noun.
_SCALE_REST = re.compile(r"(?i)[ \t]+(?P<n>\d{1,3})(?![\d.,%]|[ \t]*(?:%|/))(?=[ \t]+(?!(?:nghin|ngan|trieu|ty)\b)[^\W\d_])")
_THOUSANDS_REST = re.compile(r"(?i)[ \t]+(?P<n>\d{1,3})[ \t]+(?:nghin|ngan)\b")
# Words that open a part of the figure before: a bare number after them counts what it counts.
PART_OF_BEFORE = re.compile(r"(?i)(?:\btrong\s+(?:so\s+)?(?:do|nay)(?:\s+co)?|\bof\s+(?:them|which|these|those)|\bamong\s+(?:them|these))[\s,:]*$")
# "4.22 million of the more than 6 million e-ID accounts ... have been activated": a bare number
# before the whole it is a part of counts what the whole counts.
_OF_THE_AFTER = re.compile(r"(?i)\s+of\s+the\s+(?:(?:more\s+than|over|nearly|about|almost)\s+)?\d[\d.,]*(?:\s+(?:million|billion|thousand))?\s+")
_OF_THEM_AFTER = re.compile(r"(?i)\s+of\s+(?:them|these|those|which)\b")  # "and 200,000 of them have been activated"
VI_MAX_WORDS = 5
_EN_MAX_WORDS = 4


# "The total number of X is N", "tổng số X là N": the number counts X (folded text).
NUMBER_OF = re.compile(r"(?i)\b(?:the\s+(?:total\s+)?number\s+of|tong\s+so|so\s+luong)\s+(?P<noun>[^,.;:()\d]{3,80}?)"
                       r"\s+(?:is|was|stands\s+at|reached|la|hien\s+la)\s+(?:currently\s+|now\s+)?$")
_NOUN_TAIL = re.compile(r"\s(?:in|of|at|across|của|tại|trên|ở|cua|tai|tren|o)\s", re.I)  # "units in Long An": units


def _part_of_previous(folded: str, previous_end: int, num_start: int) -> bool:
    """Whether a bare number opens a part of the figure before it: in the same sentence, or at
    the start of the next ("... 300,000 accounts. Of them, 200,000 were activated")."""
    cue = PART_OF_BEFORE.search(folded, max(previous_end, num_start - 30), num_start)
    if cue is None:
        return False
    between = folded[previous_end : cue.start()]
    ends = list(re.finditer(r"[.;!?](?:\s|$)", between))
    return not ends or (len(ends) == 1 and not between[ends[0].end() :].strip())


def claimed_spans(folded: str) -> list[tuple[int, int]]:
    """Spans whose digits are never quantities: headings, phone numbers, web addresses."""
    spans = [(m.start(), m.end()) for m in HEADING.finditer(folded)]
    spans += [(m.start(), m.end()) for m in PHONE.finditer(folded)]
    spans += [(m.start(), m.end()) for m in URL.finditer(folded)]
    return spans


def _scale_and_currency(original: str, folded: str, pos: int) -> tuple[int, str | None, int]:
    """Multiplier, currency and end of the words after a number ("nghìn tỷ đồng", "billion VND")."""
    scale, currency, end = 1, None, pos
    while True:
        m = _SCALE_WORDS.match(folded, end)
        if not m:
            break
        word = m["w"].lower()
        written = original[m.start("w") : m.end("w")].lower()
        if word in SCALES and written not in _NOT_SCALE:
            scale *= SCALES[word]
            end = m.end()
            continue
        if word in CURRENCIES or written in CURRENCIES:
            if word == "dong" and re.match(r"\s+(?:chi|bao|bo)\b", folded[m.end() :], re.I):
                break  # "đồng chí": comrade, not the currency
            currency = CURRENCIES.get(written) or CURRENCIES[word]
            end = m.end()
        break
    return scale, currency, end


def _noun_unit(original: str, pos: int, language: str) -> tuple[str | None, int]:
    """The noun a number counts: the head of the English phrase after it ("regular police
    officers" -> "officers"), the Vietnamese phrase after it ("trụ sở công an xã")."""
    vietnamese = language == "vi"
    stop, limit = (STOP_VI, VI_MAX_WORDS) if vietnamese else (STOP_EN, _EN_MAX_WORDS)
    words: list[str] = []
    end = pos
    while len(words) < limit:
        m = _WORD.match(original, end)
        if not m:
            break
        word, lower = m["w"], m["w"].lower()
        acronym = not vietnamese and word.isupper() and 2 <= len(word) <= 5  # "chip-based citizen ID cards"
        if lower in stop or (words and (word[0].isupper() or word.isupper()) and not acronym):
            break  # a capital after the first word starts a name: "3 phường Điện Bàn"
        if words and not vietnamese and lower.endswith("ed"):
            break  # "381 units compared", "citizens aged 14"
        words.append(word)
        end = m.end()
        rank = _RANK_NUMBER.match(original, end) if fold(lower) in RANK_WORDS else None
        if rank:  # "level 2 electronic identification accounts": the rank is part of the noun
            end = rank.end()
        if len(words) == 1 and (original[m.start()] == "-" or (vietnamese and lower in MEASURES_VI)):
            break  # "90-day", "2 năm": the unit is that one word
    if not words:
        return None, pos
    if vietnamese:
        return " ".join(words).lower(), end
    if language == "en":
        return words[-1].lower(), end  # the head comes last: "regular police officers"
    return words[0].lower(), end  # elsewhere the verb may follow at once: "600 poliser deltog"


def find_quantities(original: str, folded: str, language: str, occupied: Occupied) -> list[Mention]:
    found: list[Mention] = []
    pending_range: Mention | None = None
    taken_to = 0
    for m in finditer(QUANTITY_SPACED if language in SPACE_GROUPING else QUANTITY, folded, lowered(folded)):
        num_start, num_end = m.start("num"), m.end("num")
        if occupied.hits(num_start, num_end) or num_start < taken_to:
            continue  # another mention's, or the hundreds of "1 nghìn 400" read with the thousand
        before = folded[max(0, num_start - 24) : num_start]
        grouped = re.fullmatch(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+|\d{1,3},\d{3}", m["num"])
        issued = _ISSUE_BEFORE.search(before) and len(m["num"]) > 1  # "cấp 450 thẻ": levels are single digits
        if _ID_BEFORE.search(before) and not _TOTAL_BEFORE.search(before) and not m["qual"] and not m["cur"] \
                and not grouped and not _SCALE_AFTER.match(folded, num_end) and not issued:
            # "đã cấp 1.497.360 tài khoản", "đã cấp 2 triệu thẻ": identifiers are not written in
            # thousands, nor in millions ("cấp" is also "level")
            continue
        value = parse_number(m["num"], language)
        total = m["total"] or m["total2"]
        end = m.end()
        if m["pct"]:
            unit, scale = "%", 1
        else:
            scale, currency, end = _scale_and_currency(original, folded, end)
            rest = None if currency or scale not in (1000, 10**6) else (
                _THOUSANDS_REST.match(folded, end) if scale == 10**6 else None) or _SCALE_REST.match(folded, end)
            if rest:  # "1 nghìn 400 cán bộ", "2 triệu 300 nghìn thẻ": the rest of a spelled-out number
                value, scale, end = value * scale + int(rest["n"]) * (scale // 1000), 1, rest.end()
                taken_to = end
            currency = currency or (m["cur"] and ("USD" if m["cur"] == "$" else m["cur"].upper()))
            if currency:
                unit = currency
            else:
                unit, end = _noun_unit(original, end, language)
                if scale >= 10**9 and unit is None:
                    unit = "VND"  # "113,184 tỷ": budgets are the only billions these texts count
        if total and occupied.hits(m.start("total") if m["total"] else m.start("total2"), end):
            total = None
        fields = {
            "value": tidy(value * Decimal(scale)),
            "unit": unit,
            "qualifier": QUALIFIERS[re.sub(r"\s+", " ", m["qual"].lower())] if m["qual"] else None,
        }
        if total:
            fields["total"] = tidy(parse_number(total, language) * Decimal(scale))
        start = m.start("qual") if m["qual"] else (m.start("cur") if m["cur"] else num_start)
        mention = Mention("quantity", start, end, fields)
        if pending_range is not None and pending_range.fields["unit"] is None:
            pending_range.fields["unit"] = unit  # "26 to 40 officers": both count officers
            found.append(pending_range)
        pending_range = None
        if unit is None and _RANGE_TO.match(folded, end):
            pending_range = mention
            continue
        if unit is None:
            counted = NUMBER_OF.search(folded[max(0, num_start - 120) : num_start])
            if counted:  # "the total number of commune-level units in the province is 186"
                noun = folded[max(0, num_start - 120) + counted.start("noun") : max(0, num_start - 120) + counted.end("noun")]
                fields["unit"] = unit = _NOUN_TAIL.split(original[max(0, num_start - 120) + counted.start("noun") :][: len(noun)])[0]
        if unit is None and (share_of := _OF_THE_AFTER.match(folded, end)):
            unit = fields["unit"] = _noun_unit(original, share_of.end(), language)[0]  # "4.22 million of the 6 million accounts"
        if unit is None:
            # The figure a bare part belongs to counts things: not a share or a sum of money between.
            whole = next((q for q in reversed(found) if q.fields["unit"] not in ("%", *CURRENCIES.values())), None)
            if whole and (_part_of_previous(folded, whole.end, num_start) or _OF_THEM_AFTER.match(folded, end)):
                fields["unit"] = unit = whole.fields["unit"]  # "300.000 tài khoản, trong đó 200.000 đã kích hoạt"
        if unit is None and not fields["qualifier"] and not total:
            continue  # a bare number with nothing to say what it counts
        found.append(mention)
    return found
