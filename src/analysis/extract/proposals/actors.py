"""Who acts in a sentence, and who only tells or hosts: the Ministry or the whole police force
acting for the country ("Bộ Công an đã cấp", "Năm 2022, Bộ Công an xây dựng thí điểm"), a province
that tells what the Ministry did ("Theo Công an thành phố Hà Nội, ..."), the place where the
Ministry holds an event ("tại Hà Nội, Bộ Công an tổ chức"), a deputy's delegation ("đoàn TP HCM").
All patterns read folded, lower-case text."""

from __future__ import annotations

import re

# The Ministry, or the police as a whole ("ngành công an", not a province's), as the one who acts:
# "Bộ Công an đã cấp", "(C06 - Bộ Công an) đã hoàn thành", "Năm 2022, Bộ Công an xây dựng thí điểm",
# "Mục tiêu của Bộ Công an là", "the MPS has issued"; not whose order or help a province acts on
# ("theo chỉ đạo của Bộ Công an").
_MINISTRY = r"bo\s+cong\s+an|ministry\s+of\s+public\s+security"
MINISTRY = re.compile(r"(?i)(?<!can\s)\b(?:" + _MINISTRY + r"|mps)\b")  # not "cán bộ công an"
# The Government, the Prime Minister and the National Assembly act for the country too.
_GOVERNMENT = r"chinh\s+phu|government|thu\s+tuong(?:\s+chinh\s+phu)?|prime\s+minister|quoc\s+hoi|national\s+assembly"
NATIONAL_ACTOR = re.compile(r"(?i)(?<!can\s)\b(?:" + _MINISTRY + r"|" + _GOVERNMENT + r"|mps|"
                            r"nganh\s+cong\s+an(?!\s+(?:tinh|thanh\s+pho|tp\b|huyen|cac\s+tinh|dia\s+phuong)))\b")
ACTOR_THEN_VERB = re.compile(r"\)?\s*,?\s*(?:da|vua|cung\s+da|has|have|had|issued|granted|completed)\b")
ACTOR_OPENS = re.compile(r"(?i)(?:^|[,:;(]|\b(?:muc\s+tieu\s+cua|the|va|and))\s*$")
NOT_ACTOR_BEFORE = re.compile(r"(?i)\b(?:cua|of|theo|dao|by|from|voi|cho|with|to)\s+(?:the\s+)?$")


def national_actor_acts(folded: str, start: int, end: int, main_unit: str | None = None) -> bool:
    """Whether the Ministry (or the whole police force, in a text about no one province) is who
    acts in folded[start:end]."""
    for m in NATIONAL_ACTOR.finditer(folded, start, end):
        if main_unit and m.group().startswith("nganh"):
            continue  # "ngành công an" in a text about one province is that province's police
        lead = folded[start : m.start()]
        if ACTOR_OPENS.search(lead) or (ACTOR_THEN_VERB.match(folded, m.end()) and not NOT_ACTOR_BEFORE.search(lead)):
            return True
    return False


# What the Ministry gives or does for others ("hỗ trợ", "cấp cho", "phân bổ", "cho địa phương").
FOR_ANOTHER = re.compile(r"(?i)\b(?:ho\s+tro|cap\s+cho|phan\s+bo|trang\s+cap|ban\s+giao|cho\s+dia\s+phuong|"
                         r"support(?:ed|s)?|allocat\w*|for\s+the\s+locality)\b")
# "Chiều 17-11, tại Hà Nội, Bộ Công an tổ chức hội nghị", "tại TP Vinh (Nghệ An), Bộ Công an ...":
# where the Ministry holds an event, not what the text is about.
MINISTRY_HOSTS = re.compile(r"\)?\s*,\s*(?:the\s+)?(?:" + _MINISTRY + r")\b")
# A National Assembly deputy's delegation ("ĐB ... (đoàn TP HCM)"): whom the speaker represents.
DELEGATION_BEFORE = re.compile(r"(?i)(?:\(\s*doan|\bdoan\s+(?:dbqh|dai\s+bieu(?:\s+quoc\s+hoi)?)|\bdbqh|\bdai\s+bieu(?:\s+quoc\s+hoi)?)"
                               r"\s+(?:tinh\s+|thanh\s+pho\s+|tp\.?\s*)?$")
# "Theo Công an thành phố Hà Nội, ...", "According to Hanoi police, ...": who tells, not whom it is about.
ATTRIBUTION = re.compile(r"(?i)\s*(?:theo|according\s+to)\s+[^,;]*$")
ATTRIBUTION_OPENS = re.compile(r"(?i)\s*(?:theo|according\s+to)\s+[^,;]*,")


def tells_what_the_ministry_did(place: dict, folded: str, figure: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """A unit named as the teller of the sentence ("Theo Công an thành phố Hà Nội, ... Bộ Công an
    đã hoàn thành việc in, trả trên 50 triệu thẻ"), when the Ministry acts after it."""
    if place["start"] > figure[0] or not ATTRIBUTION.match(folded, sentence[0], place["start"]):
        return False
    told = folded.find(",", place["end"], figure[0])
    return told >= 0 and national_actor_acts(folded, told + 1, figure[0])
