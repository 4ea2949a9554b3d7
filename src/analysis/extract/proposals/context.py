"""Which unit and which date a figure is about, from the mentions around it.

Unit: the unit named in the figure's clause, else its sentence (nearest before the figure); a
sentence that names no unit but speaks of the whole country ("cả nước", "nationwide") is
national; else the document's main unit when it was named before the figure; else, when the
sentence speaks of a province without naming it ("toàn tỉnh"), none, for a person to fill in;
else national, marked uncertain, when the text speaks of the country somewhere; else none. Two different units in the sentence make the choice uncertain too.

Date: a date in the figure's sentence that is not a document's date of issue ("Nghị quyết số 12
ngày 16/3/2022"), not a deadline, and not after the source was published; the nearest before
the figure, else the nearest after. Else the source's date of publication.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from analysis.reference.units import load_units
from analysis.extract.proposals.place_names import PlaceNames
from analysis.extract.fold import UPPER, fold
from analysis.extract.proposals.actors import (
    ATTRIBUTION_OPENS, DELEGATION_BEFORE, FOR_ANOTHER, MINISTRY, MINISTRY_HOSTS, national_actor_acts, tells_what_the_ministry_did)

NATIONAL = re.compile(
    r"(?i)\b(?:ca\s+nuoc|toan\s+quoc|tren\s+toan\s+quoc|nationwide|the\s+(?:whole\s+|entire\s+)?country|"
    r"across\s+the\s+country|national(?:ly)?|toan\s+nganh|toan\s+luc\s+luong|"
    r"(?:63|34)\s+(?:tinh|provinces)|"  # every province of the scheme in force
    r"viet\s*nam\s+(?:(?:hien|hien\s+nay|currently|now|still)\s+)?(?:co|has|have|had))\b"  # "Vietnam has 10,035 ..."
)
# A rank among the provinces ("đứng đầu toàn quốc", "tỉnh đầu tiên cả nước", "thứ 2 trên toàn
# quốc", "first in the country") speaks of the province ranked, not of the country.
RANKED_IN = re.compile(r"(?i)\b(?:dung\s+dau|dan\s+dau|dau\s+tien|thu\s+(?:\d+|hai|ba|nhat)|(?:cao|thap|nhieu|it|lon)\s+nhat|duy\s+nhat|"
                       r"first|second|third|top|leading|highest|lowest|ranked?)\s+(?:(?:tren|trong|cua|in|of|the|across)\s+)*$")
# "sau Hà Nam", "after Hanoi": the province a rank follows, not the one a sentence is about.
RANKED_AFTER = re.compile(r"(?i)\b(?:chi\s+)?(?:sau|after|behind|following)\s+(?:tinh\s+|thanh\s+pho\s+|tp\.?\s*)?$")
CITY_WORD = re.compile(r"(?i)thanh\s+pho|city")
# Folded, "tỉnh" is also "tình", "tinh" and "tính": not in their words ("tình hình", "tinh gọn",
# "tính đến").
_NOT_PROVINCE = (r"hinh|than|gon|gian|nhue|toan|chat|cam|thuong|nang|trang|huong|nguyen|"
                 r"den|toi|tu|rieng|chung|theo|ra|xac|khiet|yeu|nghia|mang")  # not "hoa", "ban": "tỉnh Hòa Bình", "tỉnh bạn"
# Not a number of them, nor several ("5 thành phố trực thuộc Trung ương", "các tỉnh", "many provinces").
# Not a level of government ("cấp tỉnh", "provincial-level", "provincial and commune-level units").
PROVINCIAL = re.compile(r"(?i)(?<!\d\s)(?<!\d)(?<!cac\s)(?<!nhieu\s)(?<!nhung\s)(?<!cap\s)"
                        r"\b(?:tinh(?!\s+(?:" + _NOT_PROVINCE + r")\b)|province|provincial(?![- ]level|\s+and\s+commune)|thanh\s+pho|city)\b")
# Just before a date: it dates the document cited or the deadline, not the figure.
ISSUE_OR_DEADLINE = re.compile(
    r"(?i)(?:\b(?:by|until|before|from|starting|den\s+(?:het\s+)?|truoc|tu|ke\s+tu|toi)\s+(?:the\s+end\s+of\s+|ngay\s+|nam\s+)?|"
    r"\b(?:dated|ban\s+hanh\s+ngay)\s+)$"
)
PERIOD_END = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*$")
PERIOD_START = re.compile(r"\s*[-–]\s*(?:19|20)\d\d\b|\s*(?:den|toi|to|until)\s+(?:nay|now|date)\b")  # "- 2025"; "từ giữa năm 2019 đến nay": since then
# "Until March 16, the police received ...": a day past (a later one is dropped as a plan), as of which.
AS_OF = re.compile(r"(?i)\b(?:as\s+of|tinh\s+den|den\s+nay|den\s+ngay|den\s+(?:het|cuoi)|by|until|up\s+(?:un)?til|up\s+to)\s+(?:the\s+end\s+of\s+|ngay\s+)?$")
# A sentence that dates itself "up to now" speaks as of its publication.
NOW = re.compile(r"(?i)\b(?:den\s+nay|hien\s+nay|hien\s+co|hien\s+tai|den\s+thoi\s+diem\s+nay|so\s+far|up\s+to\s+now|to\s+date|currently|now)\b")
# "phấn đấu đến tháng 11", "sẽ hoàn thành trước 30/6", "expected by May": a date a goal is set for.
GOAL_BEFORE = re.compile(r"(?i)\b(?:phan\s+dau|(?<!chia\s)se|du\s+kien|muc\s+tieu|strive|striving|will|expected|target|aims?|aiming)\b[^.;,\d]{0,20}$")
# "Yesterday" in a dated report: the day before its publication.
YESTERDAY = re.compile(r"(?i)\b(?:yesterday|hom\s+qua|ngay\s+hom\s+qua)\b")
DOCUMENT_GAP = 40  # a date this close after a document number is that document's date


@dataclass
class Picked:
    value: str | None
    certain: bool
    reason: str = ""


@dataclass
class Mentions:
    """The mentions of one document by kind, sorted by start."""
    places: list[dict] = field(default_factory=list)
    dates: list[dict] = field(default_factory=list)
    documents: list[dict] = field(default_factory=list)
    main_unit: str | None = None
    home: tuple[str | None, str | None] = (None, None)  # the publisher's unit and its kind (proposals.home)


# A smaller unit named beside a figure: "huyện Tân Lạc", "thị xã Điện Bàn", "xã Tiên Lãnh", "Tan Lac
# district", "3 phường ở Điện Bàn". Written, not folded: the name must be capitalised. Folded words
# that are also common words ("quan": official, "xa": far, "o") are left out.
NAME = r"[" + UPPER + r"][\wÀ-ỹ]*(?:[ \t]+[" + UPPER + r"][\wÀ-ỹ]*)*"
SMALLER_BEFORE_NAME = re.compile(
    r"(?:\b(?i:huyện|huyen|thị xã|thi xa|quận|thị trấn|thi tran|thành phố|thanh pho|xã|phường|làng|thôn|bản|ấp|"
    r"tổ dân phố|khu phố|district|town of|village)\s+|\b(?:TP|TX)\.?\s*|\bH\.\s*)(" + NAME + ")")
# "TP Quảng Ngãi", "thành phố Hà Tĩnh": a province's own city, smaller than the province, unless
# the province is itself a centrally-run city ("TP Hà Nội").
CITY_WORD = re.compile(r"(?i)\s*(?:thành phố|thanh pho|tp)\.?\s*$")
# "The city", "Each commune": a sentence's first word is capitalised too, and names no place.
DETERMINER = r"(?!(?:The|This|That|These|Those|Each|Every|Its|Their|Our|Other|Another|Any|All|Some|No|One|A|An)\b)"
SMALLER_AFTER_NAME = re.compile(r"\b" + DETERMINER + r"(" + NAME + r")\s+(?:district|town|city|commune|ward)\b")
# A district or commune the sentence refers to without its name ("13/13 xã của huyện", "tỷ lệ
# người dân của xã", "the district's"); not "toàn xã hội" (the whole of society).
UNNAMED_DISTRICT = re.compile(r"\b(?i:của|toàn|cả|trong|trên\s+địa\s+bàn)\s+(?i:huyện|thị\s+xã|quận)\b(?!\s*[" + UPPER + r"\d])"
                              r"|\b(?i:của|toàn|cả)\s+(?i:xã|phường)\b(?!\s*(?:[" + UPPER + r"\d]|hội\b|hoi\b|,))"
                              r"|\b(?i:huyện|xã|phường)\s+này\b|\b(?i:the|this)\s+district\b")
UNNAMED_CITY = re.compile(r"\b(?i:toàn|cả|trên\s+địa\s+bàn)\s+(?i:thành\s+phố)\b(?!\s*[" + UPPER + r"\d])")
LIST_OF_UNITS = 3  # a sentence naming this many units lists them
_DISTRICT_WORD = r"(?:(?i:huyện|huyen|thị xã|thi xa|quận|quan|thành phố|thanh pho)\s+|(?:TP|TX)\.?\s*)"
# "3 phường ở Điện Bàn", "4 xã của huyện Nghi Lộc"; not "300 cán bộ của Công an tỉnh Hà Tĩnh".
AT_NAME = re.compile(r"\s*(?:(?:ở|tại|tai|thuộc|thuoc|in|of)\s+" + _DISTRICT_WORD + r"?|(?:của|cua)\s+" + _DISTRICT_WORD + r")(" + NAME + ")")


ONE_OF = re.compile(r"(?i)\b(?:là\s+)?(?:một\s+trong(?:\s+(?:số|tổng\s+số))?|mot\s+trong(?:\s+(?:so|tong\s+so))?|is\s+one\s+of(?:\s+the)?|one\s+of\s+the)\s+$")


VENUE_BEFORE = re.compile(r"(?i)(?:^|[,.]\s*|\n)\s*(?:[^,.\n]{0,20},\s*)?tại\s+(?:Công\s+an|Hội\s+trường|trụ\s+sở|UBND)\s+"
                          r"(?:(?:TP|T\.P|thành\s+phố|thị\s+xã|huyện|quận)\.?\s*)?$")


def smaller_unit(text: str, mentions: Mentions, figure: tuple[int, int], spans: list[tuple[int, int]],
                 names: PlaceNames) -> str | None:
    """The name of a district, town or commune that a figure is about, when the figure's words
    (`spans`: its clause, and its sentence's head and the words since the figure before) name one
    ("tại huyện X", "Công an huyện X", a district's bare name) or one follows it ("3 phường ở Điện
    Bàn"); a province named so is not one."""
    def is_province(m: re.Match) -> bool:
        place = next((p for p in mentions.places if p["start"] <= m.start(1) < p["end"]), None)
        if place is None:
            return False
        own_city = CITY_WORD.fullmatch(text, m.start(), m.start(1)) and place["unit"] not in names.cities
        return not own_city

    found = []
    for start, end in spans:
        found += SMALLER_BEFORE_NAME.finditer(text, start, end)
        found += SMALLER_AFTER_NAME.finditer(text, start, end)
        found += names.districts.finditer(text, start, end) if names.districts else []
        unnamed = UNNAMED_DISTRICT.search(text, start, end)
        if unnamed:
            return unnamed.group()
        # In a province's text, "trên địa bàn thành phố" is one of its cities (Vinh in Nghệ An).
        city = UNNAMED_CITY.search(text, start, end)
        if city and mentions.main_unit and mentions.main_unit.split(":")[-1] not in names.cities:
            return city.group()
    at = AT_NAME.match(text, figure[1])
    if at:
        found.append(at)
    # A name run on from the figure's own words lists what it counts ("3 công an phường Điện An, ...").
    smaller = [m for m in found if not is_province(m) and not (m.start() < figure[1] and figure[0] < m.end())]
    # "đã đăng ký 2 đơn vị là Công an phường A và ...": the names list what is counted.
    listed = min((m.start() for m in smaller if m.start() >= figure[1] and NAMELY.fullmatch(text, figure[1], m.start())), default=None)
    smaller = [m for m in smaller if listed is None or m.start() < listed]
    # "Trụ sở Công an xã Pờ Y là một trong 13 trụ sở ...": the commune is one of what is counted.
    smaller = [m for m in smaller if not (m.start() < figure[0] and ONE_OF.search(text, m.end(), figure[0]))]
    # "Ngày 6/1, tại Công an TP. Bà Rịa, Công an tỉnh tổ chức ...": the office where an event was
    # held, in a phrase of its own, when the province is named after it ("Tại huyện X, ..." is
    # where what is counted stands).
    smaller = [m for m in smaller if not (VENUE_BEFORE.search(text, max(0, m.start() - 40), m.start())
                                          and "," in text[m.end() : figure[0]]
                                          and any(m.end() <= p["start"] < figure[1] + 80 for p in mentions.places))]
    before = {m.group(1) for m in smaller if m.start() < figure[0]}
    after = {m.group(1) for m in smaller if m.start() >= figure[1]}
    # "21 Công an phường ở TP A, thị xã B và thị xã C": where the counted units stand, all of them
    # together; towns named before the figure are what it is about ("TP A, huyện B ... là 3 đơn vị").
    if not before and len(after) >= LIST_OF_UNITS:
        return None
    return smaller[0].group(1) if smaller else None


# A sentence that turns to one unit: "For Dien Bien province,", "Đối với tỉnh X,", "Riêng TP Y,".
TOPIC_OPENING = re.compile(r"(?i)(?:^|[.;!?]\s+|\n)\s*(?:for|as\s+for|regarding|doi\s+voi|rieng|con)\s+"
                           r"(?:(?:tinh|thanh\s+pho|tp\.?|the\s+province\s+of)\s+)?$")
NEW_ONE = re.compile(r"(?i)\s+moi\b")  # "tỉnh mới", "thành phố mới"; "the new province" below
NEW_BEFORE = re.compile(r"(?i)\bthe\s+new\s+$")


def _new_one(mentions: Mentions, spoken: re.Match) -> str | None:
    """"Tỉnh mới có 96 đơn vị" after "Long An sáp nhập với Tây Ninh ... với tên gọi Tây Ninh": the
    merged unit the text named last before the figure (a province the merger joined with others)."""
    folded = spoken.string
    if not (NEW_ONE.match(folded, spoken.end()) or NEW_BEFORE.search(folded, max(0, spoken.start() - 10), spoken.start())):
        return None
    before = [p for p in mentions.places if p["end"] <= spoken.start()]
    if not before:
        return None
    current = before[-1]["current"]
    if len(load_units().legacy_of(current)) < 2:
        return None
    return current if before[-1].get("scheme") == "2025" and not before[-1].get("merged") else f"2025:{current}"


def unit_of(place: dict) -> str:
    """The unit a place mention names, in the curated notation: a merged unit named before the
    merger took effect is `2025:<slug>` (its slug alone would be the legacy unit)."""
    return f"2025:{place['unit']}" if place.get("merged") else place["unit"]


NAMELY = re.compile(r"(?i)\s*(?:là|gồm|la|gom|namely|:|\()\s*(?:(?:các|cac|the)\s+)?(?:(?:công|cong)\s+an\s+)?")
JOINED = re.compile(r"(?i)\s*(?:,|-|–|va|and|voi|cung)\s*(?:(?:tinh|thanh\s+pho|tp\.?|province)\s+)?$")


def _joined(named: list[dict], folded: str) -> bool:
    """Whether two units stand together as one subject ("hai tỉnh An Giang và Kiên Giang có 298
    ...", "An Giang - Kiên Giang"): a figure about both, or their sum."""
    return any(JOINED.fullmatch(folded, a["end"], b["start"]) for a, b in zip(named, named[1:]))


def speaks_of_country(folded: str, start: int, end: int) -> bool:
    """Whether text[start:end] speaks of the whole country, not of a province's rank in it."""
    return any(not RANKED_IN.search(folded, max(0, m.start() - 30), m.start()) for m in NATIONAL.finditer(folded, start, end))


def pick_unit(mentions: Mentions, folded: str, figure: tuple[int, int], clause: tuple[int, int],
              sentence: tuple[int, int]) -> Picked:
    in_clause = [p for p in mentions.places if clause[0] <= p["start"] < clause[1]]
    in_sentence = [p for p in mentions.places if sentence[0] <= p["start"] < sentence[1]]
    for scope, named in (("clause", in_clause), ("sentence", in_sentence)):
        named = [p for p in named if not tells_what_the_ministry_did(p, folded, figure, sentence)
                 and not MINISTRY_HOSTS.match(folded, p["end"])
                 and not DELEGATION_BEFORE.search(folded, max(0, p["start"] - 40), p["start"])]
        named = [p for p in named if not p.get("partner")] or named  # "X, merged with Y": X
        named = [p for p in named if not RANKED_AFTER.search(folded, max(0, p["start"] - 20), p["start"])] or named
        # "Tỉnh An Giang mới ... sáp nhập hai tỉnh An Giang và Kiên Giang": the merged unit, not its parts.
        merged = {p["unit"] for p in named if p.get("merged")}
        named = [p for p in named if p.get("merged") or p["current"] not in merged]
        units = list(dict.fromkeys(unit_of(p) for p in named))
        if not units:
            continue
        before = [p for p in named if p["start"] < figure[0]]
        nearest = unit_of(before[-1] if before else named[0])
        if len(units) == 1:
            return Picked(nearest, True, f"named in the {scope}")
        # A list of units ("tại 16 tỉnh/TP: Hà Nội, TP.HCM, ..."), or units named only after the
        # figure: the figure is about them together, or about one the text leaves to a reader.
        if len(units) >= LIST_OF_UNITS or not before or _joined(named, folded):
            return Picked(None, False, f"the {scope} names {', '.join(units)}: which, or all of them?")
        return Picked(nearest, False, f"the {scope} names {', '.join(units)}: nearest before the figure taken")
    if speaks_of_country(folded, *sentence):
        return Picked("national", True, "the sentence speaks of the whole country")
    # Not what the Ministry gives a province ("Bộ Công an đã hỗ trợ 9 tỷ đồng ... trên địa bàn tỉnh").
    told = ATTRIBUTION_OPENS.match(folded, sentence[0])  # "Theo Công an tỉnh X, ...": who tells is no province spoken of
    since = told.end() if told else sentence[0]
    if national_actor_acts(folded, sentence[0], figure[0], mentions.main_unit) and not PROVINCIAL.search(folded, since, sentence[1]) \
            and not FOR_ANOTHER.search(folded, sentence[0], sentence[1]):
        return Picked("national", True, "no unit named in the sentence: the Ministry did it, for the country")
    spoken = PROVINCIAL.search(folded, sentence[0], sentence[1])
    if spoken and (merged := _new_one(mentions, spoken)):
        return Picked(merged, False, f"'the new province': the merged unit named before, {merged}")
    if topic := paragraph_topic(mentions, folded, sentence):
        return Picked(topic, False, f"no unit in the sentence: the one its paragraph turned to, {topic}")
    main = mentions.main_unit
    named_before = [p for p in mentions.places if p["unit"] == main and p["start"] < figure[0]]
    if main and named_before:
        # The merged unit when the text last named it so ("Chủ tịch UBND TP HCM mới" over the body).
        main = unit_of(named_before[-1]) if named_before[-1].get("merged") else main
        return Picked(main, False, f"no unit in the sentence: the document's main unit, {main}")
    # "Toàn tỉnh", "the province" without its name: a unit the text does not name here, for a
    # person to say; never the country.
    spoken = PROVINCIAL.search(folded, sentence[0], sentence[1])
    if spoken:
        if main:  # "trên địa bàn tỉnh" in a text about one province, named further on
            return Picked(main, False, f"the sentence speaks of a province: the document's main unit, {main}, named further on")
        home, kind = mentions.home
        # A provincial paper's "toàn tỉnh" is its province; a city's paper answers for "the city" only.
        if home and (kind == "city") == bool(CITY_WORD.match(spoken.group())):
            return Picked(home, False, f"the sentence speaks of a {kind} it does not name: the publisher's, {home}")
        return Picked(None, False, "the sentence speaks of a province it does not name: which?")
    # "Bộ Công an sẽ cấp 50 triệu thẻ": what the Ministry does, it does for the country.
    if MINISTRY.search(folded, clause[0], figure[1]):
        return Picked("national", False, "no unit named in the sentence: the Ministry's figure, the country's")
    if speaks_of_country(folded, 0, len(folded)):
        return Picked("national", False, "no unit named in the sentence or before it; the text speaks of the country")
    home, kind = mentions.home
    if home and kind == "province":  # a provincial paper's figure with no unit of its own is its province's
        return Picked(home, False, f"no unit named in the sentence or before it: the publisher's, {home}")
    return Picked(None, False, "no unit named in the sentence or before it, nor the country: which?")


def paragraph_topic(mentions: Mentions, folded: str, sentence: tuple[int, int]) -> str | None:
    """The unit a sentence earlier in the paragraph turned to ("For Dien Bien province, ...",
    "Riêng tỉnh X, ..."), when no place is named after it: later sentences go on about it."""
    paragraph = folded.rfind("\n", 0, sentence[0]) + 1
    earlier = [p for p in mentions.places if paragraph <= p["start"] < sentence[0]]
    if earlier and TOPIC_OPENING.search(folded, paragraph, earlier[-1]["start"]):
        return unit_of(earlier[-1])
    return None


def document_dates(mentions: Mentions, folded: str) -> set[int]:
    """Starts of the dates that follow a document number closely (its date of issue)."""
    taken = set()
    for d in mentions.dates:
        for doc in mentions.documents:
            if 0 <= d["start"] - doc["end"] <= DOCUMENT_GAP and "." not in folded[doc["end"] : d["start"]] \
                    and not AS_OF.search(folded, doc["end"], d["start"]):  # "Đề án 06 ..., đến ngày 12/2/2024": a figure's
                taken.add(d["start"])
    return taken


def _usable_dates(mentions: Mentions, folded: str, span: tuple[int, int], published: str | None,
                  taken: set[int]) -> list[dict]:
    usable = []
    for d in mentions.dates:
        if not (span[0] <= d["start"] < span[1]) or d["start"] in taken:
            continue
        if d["date"].startswith("--"):
            continue  # a day without its year (the text states no date of its own to take it from)
        lead = folded[max(span[0], d["start"] - 30) : d["start"]]
        if ISSUE_OR_DEADLINE.search(lead) and not AS_OF.search(lead) and not _in_effect(d, lead, folded, span, published):
            continue
        if GOAL_BEFORE.search(lead):
            continue  # the day a goal is set for, not the figure's
        if PERIOD_END.search(lead) or PERIOD_START.match(folded, d["end"]):
            continue  # "giai đoạn 2023-2025": a period, not the figure's date
        if published and d["date"][: len(published)] > published:
            continue  # after publication: a plan, not a figure's date
        usable.append(d)
    return usable


def _in_effect(date: dict, lead: str, folded: str, span: tuple[int, int], published: str | None) -> bool:
    """A day from which a state holds, stated after it began ("Từ 1-1-2025, tỉnh có 119 xã" in a
    text of 3 January, or in one with no date): the state's date. Not a period running to now ("từ
    năm 2018 đến nay")."""
    return len(date["date"]) == 10 and (not published or date["date"][: len(published)] <= published) and bool(FROM_DAY.search(lead)) \
        and not NOW.search(folded, span[0], span[1])


# "có hiệu lực từ ngày 16/6/2025", "effective from June 16": the day a decision takes effect.
EFFECTIVE_FROM = re.compile(r"(?i)\b(?:co\s+hieu\s+luc|hieu\s+luc|effective|takes?\s+effect|took\s+effect)\s+"
                            r"(?:(?:tu|ke\s+tu|from|on|as\s+of)\s+)?(?:ngay\s+)?$")
ACCORDINGLY = re.compile(r"(?i)\s*(?:theo\s+do|accordingly|under\s+(?:it|the\s+(?:resolution|decision)))\b")
FROM_DAY = re.compile(r"(?i)\b(?:from|starting|tu|ke\s+tu|bat\s+dau\s+tu)\s+(?:ngay\s+)?$")
END_OF = re.compile(r"(?i)\b(?:het|cuoi|the\s+end\s+of)\s+(?:thang\s+)?$")
END_OF_YEAR = re.compile(r"(?i)\b(?:(?:tinh\s+)?den\s+(?:het|cuoi)\s+nam|(?:by|as\s+of|until|at)\s+the\s+end\s+of)\s+$")


def end_of_period(date: dict, folded: str) -> str:
    """"đến hết tháng 3/2020", "by the end of March 2020": the month's last day; "tính đến hết năm
    2019", "by the end of 2019": the year's."""
    value = date["date"]
    if len(value) == 4 and END_OF_YEAR.search(folded[max(0, date["start"] - 25) : date["start"]]):
        return f"{value}-12-31"
    if len(value) == 7 and END_OF.search(folded[max(0, date["start"] - 20) : date["start"]]):
        year, month = int(value[:4]), int(value[5:])
        following = _dt.date(year + month // 12, month % 12 + 1, 1)
        return (following - _dt.timedelta(days=1)).isoformat()
    return value


def day_before(iso_day: str) -> str:
    return (_dt.date.fromisoformat(iso_day) - _dt.timedelta(days=1)).isoformat()


def pick_date(mentions: Mentions, folded: str, figure: tuple[int, int], frame: dict, published: str | None,
              reported: str | None = None) -> Picked:
    """`frame`: the figure's "part" and "sentence" spans and the sentence "before" (or None);
    `reported`: the day of the event the text reports, which stands in for a partial `published`."""
    taken = document_dates(mentions, folded)
    for scope in ("part", "sentence"):
        usable = _usable_dates(mentions, folded, frame[scope], published, taken)
        before = [d for d in usable if d["start"] < figure[0]]
        if not before and usable and published and NOW.search(folded, frame[scope][0], figure[0]):
            break  # "Đến nay ... 427 đồng chí, sớm hơn lộ trình hoàn thành vào năm 2021": as of now
        if before or usable:
            chosen = before[-1] if before else usable[0]
            if published and len(published) > 4 and chosen["date"] == published[:4]:  # the year not yet over
                return Picked(published, True, f"the year of the {scope}, not over: the source's date of publication")
            return Picked(end_of_period(chosen, folded), True, f"dated in the {scope}")
    if published and len(published) == 10 and YESTERDAY.search(folded, frame["sentence"][0], frame["sentence"][1]):
        return Picked(day_before(published), True, "'yesterday': the day before the source's publication")
    if published and NOW.search(folded, frame["sentence"][0], frame["sentence"][1]):
        return Picked(published, True, "'up to now': the source's date of publication")
    if reported:
        return Picked(reported, False, "no date in the sentence: the day of the event the text reports")
    if frame.get("before"):
        carried = [d for d in _usable_dates(mentions, folded, frame["before"], published, taken)
                   if AS_OF.search(folded[max(0, d["start"] - 30) : d["start"]])]
        if carried:
            return Picked(end_of_period(carried[-1], folded), False, "the 'as of' date of the sentence before")
        # "Nghị quyết có hiệu lực từ 16/6/2025. Theo đó, ... tỉnh có 45 đơn vị": what it set, from that day.
        if ACCORDINGLY.match(folded, frame["sentence"][0]):
            effective = [d for d in mentions.dates if frame["before"][0] <= d["start"] < frame["before"][1]
                         and len(d["date"]) == 10 and (not published or d["date"][: len(published)] <= published)
                         and EFFECTIVE_FROM.search(folded[max(0, d["start"] - 30) : d["start"]])]
            if effective:
                return Picked(effective[-1]["date"], False, "the day the decision told of in the sentence before takes effect")
    if published:
        return Picked(published, False, "no date in the sentence: the source's date of publication")
    return Picked(None, False, "no date in the sentence and no date of publication")
