"""Word patterns that tell what a figure is and is not: a part of a total, a plan, a change, a
figure for each unit, a total or a measure, the kinds of commune-level police. The proposer
(facts.py) reads them; none of them is about one place or source."""

from __future__ import annotations

import re

from analysis.extract.quantities import MEASURES_VI, RANK_WORDS
from analysis.extract.targets import DURATIONS

# These read the text as written when it has diacritics (folded, "từ" and "đầu tư" are one word),
# folded when it has none: each lists both spellings.
REPORTED_COMMITMENT = re.compile(
    r"(?i)\b(?:has|have|had|đã|da)\s+(?:(?:already|jointly|together)\s+)?(?:committed|pledged|promised|cam\s+kết|cam\s+ket)\b"
)
NOT_COUNTED = DURATIONS | MEASURES_VI | {"điểm", "points", "point", "lần", "times"}
MEASURES = frozenset("km km2 km² ha m2 m² hectares hectare square".split())
MEASURE_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:km2?|km²|ha|m2|m²|kg)\b")
# A figure after these words is a part of the total before it ("75 units, including 8 wards").
BREAKDOWN = (r"including|includes|of\s+which|in\s+which|among\s+them|among\s+these|of\s+these|of\s+them|bao\s+gồm|bao\s+gom|"
             r"gồm|gom|trong\s+đó|trong\s+do|trong\s+số\s+(?:này|đó)|trong\s+so\s+(?:nay|do)")
# ... and a colon after a count: "119 commune-level units: 13 wards, 11 towns, 95 communes".
COMPONENT_WORDS = re.compile(r"(?i)\b(?:" + BREAKDOWN + r")\b|[(]|:(?=\s)")
# A figure for each commune, office or person ("mỗi xã có 3 đồng chí", "18 cán bộ/xã", "5 officers
# per commune"), or for each year or day ("33 tỉ đồng/năm"), is a norm, an average or a rate, not a
# count. "mỗi" is read as written only: folded, "moi" is also "mới".
PER_UNIT_BEFORE = re.compile(r"(?i)\b(?:mỗi|each|every|bình\s+quân|trung\s+bình|binh\s+quan|trung\s+binh|on\s+average|an\s+average\s+of)\b")
# Each unit as the subject, with no count after it before the figure ("mỗi tỉnh, thành trong toàn
# quốc lựa chọn xây dựng ít nhất 1 xã điển hình"): a figure for each, across the commas of its
# subject. As above, "mỗi" only as written.
EACH_UNIT = re.compile(r"(?i)\b(?:mỗi|each|every)\s+(?:tỉnh|tinh|thành\s+phố|thanh\s+pho|xã|xa|phường|phuong|đơn\s+vị|don\s+vi|"
                       r"địa\s+phương|dia\s+phuong|provinces?|city|cities|communes?|wards?|units?|localit(?:y|ies))\b")
# A minimum that each of all the units holds ("100% Công an xã đã bố trí ít nhất 5 cán bộ").
# Read up to the figure's end: the minimum word opens the figure.
MINIMUM_EACH = re.compile(r"(?i)100\s*%[^.;]*?\b(?:ít\s+nhất|tối\s+thiểu|it\s+nhat|toi\s+thieu|at\s+least)\s+\d[^.;]*$")
# A rate across a comma, where the rate word opens on a span of time ("trung bình mỗi ngày toàn
# tỉnh tiếp nhận, giải quyết gần 1.500 hồ sơ", "every day").
RATE_BEFORE = re.compile(r"(?i)\b(?:(?:trung\s+bình|bình\s+quân)\s+)?(?:mỗi|each|every)\s+(?:ngày|tuần|tháng|năm|day|week|month|year)\b|\bdaily\b|"
                         r"\b(?:trung\s+binh|binh\s+quan)\s+moi\s+(?:ngay|tuan|thang|nam)\b")
PER_UNIT_AFTER = re.compile(r"(?i)[^\d.;:]{0,30}?(?:(?:/\s*(?:1\s+)?|\b(?:per|each|mỗi|một)\s+)(?:xã|xa|đơn\s+vị|trụ\s+sở|người|commune|unit|office|person)|"
                            r"(?:/\s*|\b(?:per|each|mỗi|a)\s+)(?:năm|nam|tháng|thang|ngày|ngay|year|month|day))\b")
# The "1" of "5 cán bộ/ 1 xã": the other side of a ratio.
RATIO_BEFORE = re.compile(r"/\s*$")
PLAN_AMOUNT_BEFORE = re.compile(r"(?i)\b(?:mục\s+tiêu|muc\s+tieu|kế\s+hoạch|ke\s+hoach|chủ\s+trương|chu\s+truong|chỉ\s+tiêu|chi\s+tieu|target|goal|plan)"
                                r"\s+(?:là\s+|of\s+|to\s+)?(?:[^\W\d_]+\s+){0,3}$")
# A sentence that opens on a total and breaks it down ("Trong 91 cán bộ ... có 65 cán bộ làm
# trưởng", "Of the 91 officers, 65 ..."); not a span of time ("Trong 6 tháng đầu năm").
OF_TOTAL_OPENING = re.compile(r"(?i)\s*(?:trong|of)\s+(?:(?:tổng\s+)?số\s+|the\s+)?\d[\d.,]*\s+"
                              r"(?!(?:tháng|năm|ngày|tuần|quý|months?|years?|days?|weeks?)\b)")
# A count of some communes, wards, districts or units before a share in its clause.
SOME_UNITS = re.compile(r"(?i)\b(?P<n>\d+)(?:\s*/\s*(?P<of>\d+))?\s+(?:(?:đơn\s+vị\s+|don\s+vi\s+)?(?:công\s+an|cong\s+an)\s+(?:cấp\s+|cap\s+)?)?"
                        r"(?:xã|xa|phường|phuong|huyện|huyen|đơn\s+vị|don\s+vi|"
                        r"communes?|wards?|districts?|units?)\b")
# A figure right after "reducing", "giảm", "tăng thêm" is the size of a change ("reducing 400
# units"); after "out of the total" the total the figure before is part of.
CHANGE_BY = re.compile(r"(?i)\b(?:reduc(?:e|es|ed|ing)|cut(?:s|ting)?|down|up|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|merg(?:e|es|ed|ing)|"
                       r"(?:reduction|increase|decrease|drop|fall|rise)(?:\s+of|\s*:))"
                       r"(?:\s+by)?\s+(?:(?:nearly|about|over|more\s+than)\s+)?$|\b(?:giảm|tăng(?!\s+cường)(?:\s+thêm)?|bớt|giam|tang\s+them)\s+"
                       r"(?:(?:gần|khoảng|hơn|trên|gan|khoang|hon|tren)\s+)?$|\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?)\s+by\s+$|\b(?:đã\s+|da\s+)(?:sáp\s+nhập|sap\s+nhap|hợp\s+nhất|hop\s+nhat)\s+(?:(?:gần|khoảng|hơn|trên)\s+)?$")
# A bracket that opens an aside, not a breakdown: the state before ("(trước khi sắp xếp, tỉnh có
# 192 ...)"), the state now ("(Đến nay Công an tỉnh đã bố trí 2.200 ...)") or a share restating
# the count before it ("86/86 xã (đạt tỷ lệ 100%)").
ASIDE_OPENING = re.compile(r"(?i)\s*(?:trước\s+khi|truoc\s+khi|trước\s+đây|truoc\s+day|before|previously|prior\s+to|"
                           r"đến\s+nay|den\s+nay|hiện\s+nay|hien\s+nay|so\s+far|up\s+to\s+now|"
                           r"đạt|dat|reaching|reached|equal\s+to|equivalent\s+to|chiếm|chiem|tỷ\s+lệ|ty\s+le|(?=[\d.,]+\s*%))")
# A total named as one ("with a total of 547 commune-level units", "với tổng số 547 xã"): no part of
# a breakdown before it.
NEW_TOTAL_BEFORE = re.compile(r"(?i)\b(?:(?:with\s+)?a\s+total\s+of|totall?ing|(?:với\s+|voi\s+)?(?:tổng\s+(?:số|cộng)|tong\s+(?:so|cong))(?:\s+(?:là|la|có|co))?)\s+"
                              r"(?:(?:more\s+than|over|nearly|about|hơn|trên|gần|hon|tren|gan)\s+)?$")
# "16 of these units", "12 trong số đó": a part of the units counted before.
PARTITIVE_AFTER = re.compile(r"(?i)\s+(?:of\s+(?:these|them|those|which|whom)|trong\s+số\s+(?:đó|này|các)|trong\s+so\s+(?:do|nay|cac))\b")
OUT_OF_BEFORE = re.compile(r"(?i)\b(?:out\s+of|of\s+the\s+total(?:\s+of)?)\s+(?:the\s+)?(?:total\s+(?:of\s+)?)?(?:(?:registered|eligible)\s+)?$")
YEAR_NAMED = re.compile(r"(?i)\b(?:năm|nam|in|by|đến|den|tới|toi)\s+((?:19|20)\d\d)\b")
RANK_BEFORE = re.compile(r"\b(?:" + "|".join(RANK_WORDS) + r"|độ)\s*$")  # "level 2 accounts": a rank, not the figure
AMOUNT = re.compile(r"\d[\d.,]*\s*(?:%|[^\W\d_])")  # a number with its unit: not a date
# A figure before these words is the state before a change ("rearrange 52 ... into 23 units").
OLD_STATE_AFTER = re.compile(r"(?i)[^.;\d]{0,40}?\b(?:into|to|(?<!hoàn\s)(?<!hoan\s)(?:thành|thanh)|xuống\s+còn|xuong\s+con|còn|con|đến|den)\s+(?:\w+\s+)?\d")
OLD_STATE_BEFORE = re.compile(r"(?i)\b(?:from|từ|previously|trước\s+đây|before\s+the\s+(?:merger|arrangement))\s+"
                              r"(?:(?:the\s+)?(?:current|present|existing|previous)\s+|hiện\s+nay\s+|hiện\s+có\s+|\w+\s+)?$")
OLD_STATE_BEFORE_FOLDED = re.compile(r"(?i)\b(?:from|tu|previously|truoc\s+day|before\s+the\s+(?:merger|arrangement))\s+"
                                     r"(?:(?:the\s+)?(?:current|present|existing|previous)\s+|hien\s+nay\s+|hien\s+co\s+|\w+\s+)?$")
# "52 units into 23" is a change only in a sentence that speaks of one ("943 officers to 188
# communes" is not).
# The words of an administrative rearrangement (not every change: "giảm thời gian" is none).
ARRANGEMENT = re.compile(r"(?i)\b(?:rearrang|reorgani[sz]|merg|sắp\s+xếp|sap\s+xep|sáp\s+nhập|sap\s+nhap|hợp\s+nhất|hop\s+nhat)")
CHANGE = re.compile(r"(?i)\b(?:rearrang|reorgani[sz]|reduc|merg|decreas|sắp\s+xếp|sap\s+xep|sáp\s+nhập|sap\s+nhap|"
                    r"hợp\s+nhất|hop\s+nhat|giảm|tinh\s+gọn|tinh\s+giản|giải\s+thể|giai\s+the|dissol)")
# A figure after "26 to" is the end of a range, not a figure of its own.
RANGE_AFTER = re.compile(r"(?i)\s*(?:to|-|–|đến|den|tới|toi)\s*\d")  # "từ 8 đến 10 cán bộ": the start of a range
WORD_AFTER_NUMBER = re.compile(r"\d\D*[^\W\d_]")  # a figure with a word of its own: not a bare number
RANGE_BEFORE = re.compile(r"(?i)\d\s*(?:to|-|–|đến|den|tới|toi)\s*$")
# A sentence that plans a change ("dự kiến", "phương án sắp xếp", "will"): its "from" figure is
# the state now, its "to" figure a plan.
# Tentative words only: "will have 65 units from July 1" reports a decided organisation.
FUTURE = re.compile(r"(?i)\b(?:dự\s+kiến|du\s+kien|đề\s+xuất|de\s+xuat|phấn\s+đấu|phan\s+dau|expected\s+to|is\s+expected|"
                    r"are\s+expected|expects?\s+to|expecting\s+to|plans?\s+to|projected|proposed|strives?\s+to|"
                    r"striving\s+to|aims?\s+to|aiming\s+to|(?:a|the|its|with\s+a)\s+(?:\w+\s+)?(?:target|goal)\s+of|"
                    r"chuẩn\s+bị|chuan\s+bi|preparing\s+to|theo\s+kế\s+hoạch|theo\s+ke\s+hoach|according\s+to\s+the\s+plan|"
                    r"trong\s+tương\s+lai|trong\s+tuong\s+lai|in\s+the\s+future|"
                    # An act still to come ("will deploy 575 officers", "sẽ điều động 300 cán bộ");
                    # "will have 65 units" is a state already decided, not among these.
                    r"will\s+(?:be\s+)?(?:deploy|assign|send|sent|transfer|build|built|construct|complete|issue|recruit|"
                    r"arrang|station|post|establish|set\s+up|start|begin|invest|allocat|select|choose|pilot)\w*|"
                    r"(?:is|are)\s+estimated\s+to|"
                    r"sẽ\s+(?:được\s+)?(?:điều\s+động|bố\s+trí|xây\s+dựng|khởi\s+công|hoàn\s+thành|cấp|tuyển|đưa|"
                    r"thành\s+lập|đầu\s+tư|phân\s+bổ)|"
                    r"se\s+(?:duoc\s+)?(?:dieu\s+dong|bo\s+tri|xay\s+dung|khoi\s+cong|hoan\s+thanh|cap|tuyen|dua|"
                    r"thanh\s+lap|dau\s+tu|phan\s+bo))\b")
# A target already met ("has arranged to ensure the target of 100%", "đã hoàn thành chỉ tiêu 100%"):
# the words of a target, of a figure reached.
TARGET_WORD = re.compile(r"(?i)\b(?:target|goal|plan|mục\s+tiêu|muc\s+tieu|chỉ\s+tiêu|chi\s+tieu|kế\s+hoạch|ke\s+hoach)\b")
TARGET_MET_BEFORE = re.compile(r"(?i)\b(?:achieved|completed|reached|met|ensured?|fulfilled|exceeded|surpassed|"
                               r"hoàn\s+thành|hoan\s+thanh|vượt|vuot)\s+(?:the\s+|its\s+|a\s+)?$")
PLAN = re.compile(FUTURE.pattern + r"|\b(?:phương\s+án|phuong\s+an|dự\s+thảo|du\s+thao|draft)\b"
                  r"|\bwill\s+(?:be\s+)?(?:reorgani[sz]|rearrang|merg|reduc|consolidat)|\bsẽ\s+(?:được\s+)?(?:sắp\s+xếp|sáp\s+nhập|hợp\s+nhất|giảm)"
                  r"|\bse\s+(?:duoc\s+)?(?:sap\s+xep|sap\s+nhap|hop\s+nhat|giam)\b")
NEW_STATE_BEFORE = re.compile(r"(?i)\b(?:into|to|thành|thanh|xuống\s+còn|xuong\s+con|còn|con|đến|den)\s+(?:\w+\s+)?$")
TENTATIVE = "a plan, not a reported figure"
# The Standing Committee of the National Assembly set each province's new communes on this day
# (one resolution per province, 1677/NQ-UBTVQH15 for Quảng Ngãi): counts "after the arrangement"
# before it are plans.
ARRANGEMENT_DECIDED = "2025-06-16"
PART = "a part of a total given before it"
# Indicators that count a part of another's total: a kind of it ("3.319 Công an cấp xã, gồm Công
# an 2.621 xã, 687 phường") or a later stage ("272.000 hồ sơ, trong đó trên 90.000 tài khoản kích
# hoạt"). Such a part, given as a breakdown of that total, is a figure of its own.
SPLITS = {
    "commune_police_units": ("rural_commune_police_units", "ward_police_units"),
    "eid_records_collected": ("eid_accounts_issued", "eid_accounts_activated"),
    "eid_accounts_issued": ("eid_accounts_activated",),
    "chip_id_records_collected": ("chip_id_cards_issued",),
    # Not a part but the count again as a share of its whole: "188 communes and towns (100%)".
    "communes_with_regular_police": ("communes_with_regular_police_share",),
}
# A bare kind of commune-level unit in a breakdown of the commune-level police ("3,319
# commune-level police units, including 2,621 communes, 687 wards") is the police of that kind.
POLICE_OF_KIND = (
    (re.compile(r"(?i)(?:xã|xa|communes?)\b"), "rural_commune_police_units"),
    (re.compile(r"(?i)(?:phường|phuong|wards?)\b"), "ward_police_units"),
)


def police_of_kind(total: str | None, noun: str | None) -> str | None:
    """The police indicator a bare part noun of a commune_police_units total counts, if any."""
    if total != "commune_police_units" or not noun:
        return None
    return next((indicator for kind, indicator in POLICE_OF_KIND if kind.fullmatch(noun.split()[0])), None)


# A share in brackets right after a count ("188 communes and towns (100%)", "124/124 xã (đạt 100%)").
RESTATED_SHARE = re.compile(r"(?i)\d[^\d()%;.]{0,30}\(\s*(?:đạt\s+|dat\s+|reaching\s+|or\s+)?$")
# One kind of commune-level unit counted beside another ("2.636 xã, 672 phường và 13 đặc khu"):
# a part by kind, which no administrative indicator counts (commune_level_units counts them all).
ONE_KIND = re.compile(r"(?i)(?:xã|xa|communes?|phường|phuong|wards?)")
_UNIT_KIND = (r"(?:phường|phuong|wards?|đặc\s+khu|dac\s+khu|special\s+(?:administrative\s+)?zones?|"
              r"thị\s+trấn|thi\s+tran|towns?|xã|xa|communes?)(?![\w-])")
OTHER_KIND_COUNT = re.compile(r"(?i)\d[\d.,]*\s+" + _UNIT_KIND)
UNCOUNTED_KIND_AFTER = re.compile(r"(?i)(?:\s*,\s*|\s+(?:và|va|and)\s+)" + _UNIT_KIND)
# A future verb right after the figure in its clause ("122 officers will take the positions",
# "524.571 người ... sẽ được cấp thẻ"): what is counted has yet to happen.
# Not past a conjunction: "đã cấp 300.000 thẻ ... và sẽ hoàn thành trong tháng 6" reports the 300.000.
_NO_CONJUNCTION = r"(?!\b(?:và|va|and|nhưng|nhung|but|while)\b)"
FUTURE_AFTER = re.compile(r"(?i)(?:" + _NO_CONJUNCTION + r"[^.;,:()]){0,50}?"
                          r"\b(?:sẽ|se|will|would|(?:is|are)\s+expected\s+to|(?:is|are)\s+(?:going|set|scheduled)\s+to)\b")
# Officers counted by a single post ("126 cán bộ bố trí Trưởng Công an cấp xã", "40 officers appointed as
# deputy chiefs", "6 chỉ huy Công an phường"): a share of the force by rank, not the officers sent to
# the communes; a list of all the posts ("chức danh Trưởng Công an, Phó Trưởng Công an và Công an
# viên") still counts them all.
ONE_POST = re.compile(r"(?i)\d[\d.,]*\s+(?:(?:cán\s+bộ|can\s+bo|đồng\s+chí|dong\s+chi|người|nguoi)(?:\s+(?:công\s+an|cong\s+an)\s+(?:chính\s+quy|chinh\s+quy))?|"
                      r"(?:(?:regular|police)\s+)*officers?)\s+"
                      r"(?:(?:được|duoc|đã|da|were|was|have\s+been|nguyên|nguyen)\s+)*(?:(?:bố\s+trí|bo\s+tri|bổ\s+nhiệm|bo\s+nhiem|là|la|làm|lam|"
                      r"giữ|giu|đảm\s+nhiệm|dam\s+nhiem|đảm\s+nhận|dam\s+nhan|appointed|assigned)\s+)?(?:(?:as|làm|lam|nguyên|nguyen)\s+)?"
                      r"(?:(?:chức|chuc)\s+(?:danh|vụ|vu)\s+)?(?:(?:phó|pho|deputy)\s+)?"
                      r"(?:(?:đội|doi|team)\s+(?:trưởng|truong|leaders?)|(?:trưởng|truong)(?!\s*(?:,|và|va)\s*(?:phó|pho)\b)|chiefs?|heads?)\b"
                      r"(?![^.;]{0,80}?\b(?:công\s+an\s+viên|cong\s+an\s+vien)\b)"
                      # "6 chỉ huy Công an phường, xã": the commanders alone; "465 chỉ huy, cán bộ" are all sent
                      r"|\d[\d.,]*\s+(?:chỉ|chi)\s+huy\b(?!\s*(?:,|và|va)\s*(?:cán|can)\s+(?:bộ|bo)\b)")
# A share of money ("20% kinh phí còn lại", "80% of the funds"): no share these indicators measure.
SHARE_OF_MONEY = re.compile(r"(?i)\s*(?:(?:số\s+|so\s+)?(?:kinh\s+phí|kinh\s+phi|nguồn\s+vốn|nguon\s+von|vốn|von|ngân\s+sách|ngan\s+sach)|"
                            r"(?:of\s+(?:the\s+)?)?(?:funds|funding|budget|capital))\b")
# A count of people is a count of cards issued only when they receive them ("cấp cho 537.000
# người", "cards to 2.5 million people", "500.000 người đã được cấp", "people will be issued");
# else it counts a population or a workforce ("tỉnh có 1,3 triệu người dân").
PERSON_NOUN = re.compile(r"(?i)(?:người|nguoi|công\s+dân|cong\s+dan|trường\s+hợp|truong\s+hop|people|citizens|residents|persons|cases)\b")
RECIPIENT_BEFORE = re.compile(r"(?i)\b(?:cho|to|for)\s+(?:(?:gan|khoang|hon|tren|toi\s+thieu|over|nearly|about|more\s+than|some|almost)\s+)*$")
RECEIVED_AFTER = re.compile(r"(?i)[^.;,:()\d]{0,40}?\b(?:(?:đã\s+|da\s+|sẽ\s+|se\s+)?(?:được|duoc)\s+(?:cấp|cap|trả|tra|nhận|nhan)|(?:đã\s+|da\s+)?(?:nhận|nhan)\s+(?:thẻ|the)|"
                            r"(?:were|was|have\s+been|has\s+been|had\s+been|will\s+be|would\s+be)\s+(?:issued|granted|given|handed)|received)\b")
# "1,162,931 cases have not gone to police stations", "30.000 hồ sơ chưa được xử lý": what is
# not yet done, right after the figure (not past a conjunction: "... nhưng chưa được trả thẻ").
# A list of kinds of unit may stand between ("72 xã, thị trấn chưa bố trí").
NOT_YET_AFTER = re.compile(r"(?i)(?:\s*(?:,|và|va|and)\s*" + _UNIT_KIND + r")*(?:" + _NO_CONJUNCTION + r"[^.;,:()\d]){0,30}?"
                           r"\b(?:chưa|chua|còn\s+lại|con\s+lai|have\s+not|has\s+not|had\s+not|not\s+yet|have\s+yet\s+to|has\s+yet\s+to)\b")
PROJECT_06_COUNTS = ("chip_id_records_collected", "chip_id_cards_issued", "eid_records_collected", "eid_accounts_issued",
                     "eid_accounts_activated")
# A day that closes a task ("... cards for 4.2 million residents before April 30"), folded text.
DEADLINE_BEFORE = re.compile(r"(?i)\b(?:before|until|no\s+later\s+than|truoc|cham\s+nhat)\s+(?:ngay\s+)?$")
# "hơn 1 triệu người đủ điều kiện cấp CCCD", "2 million citizens eligible for": who may apply,
# not what was done.
ELIGIBLE_AFTER = re.compile(r"(?i)\s*(?:đủ\s+điều\s+kiện|du\s+dieu\s+kien|eligible)\s+(?:để\s+|de\s+)?(?:được\s+|duoc\s+)?"
                            r"(?:cấp|cap|làm|lam|for|to)\b")
POLICE_OF = re.compile(r"(?i)\b(?:công\s+an|cong\s+an)\s+$")
_KIND = r"(?:phường|phuong|xã|xa|thị\s+trấn|thi\s+tran|đặc\s+khu|dac\s+khu)\b"
KINDS_AFTER = re.compile(r"(?:(?:\s*,\s*|\s+(?:và|va)\s+)" + _KIND + r")+")
POLICE_LIST = re.compile(r"(?i)\s*(?:công\s+an|cong\s+an)\s+\d[^()]*$")
UNIT_NOUN = re.compile(r"(?i)(?:xã|xa|phường|phuong|thị\s+trấn|thi\s+tran|đặc\s+khu|dac\s+khu)\b")
# A figure in a sentence that plans ("dự kiến", "planned") is a promise even without a deadline of its own.
PLANNED = re.compile(r"(?i)\b(?:dự\s+kiến|du\s+kien|kế\s+hoạch|ke\s+hoach|planned|expected\s+to|will\s+be)\b")
# A figure in a clause of purpose or condition ("Để bảo đảm 100% công dân ... được cấp", "rất khó
# để đạt 100%", "to ensure 100% of", "nếu bố trí đủ 5 CBCS"): what is sought, not what was done.
# Matched from the clause's start (`match`), with nothing reported as done before the cue.
PURPOSE_BEFORE = re.compile(r"(?i)(?:(?!\b(?:đã|has|have|had)\b).)*?(?:\b(?:nếu|if)\b|\b(?:để|nhằm)\s+(?:bảo\s+đảm|đảm\s+bảo|đạt\s+được|đạt|hoàn\s+thành)|"
                            r"\b(?:in\s+order\s+to|so\s+as\s+to|to\s+ensure)\b)[^.;]*$", re.S)
# "trụ sở công an 36 xã": the headquarters of the police of 36 communes.
HQ_OF = re.compile(r"(?i)\b((?:trụ\s+sở|tru\s+so|nhà\s+làm\s+việc|nha\s+lam\s+viec)(?:\s+làm\s+việc|\s+lam\s+viec)?)\s+"
                   r"(?:của\s+|cua\s+)?(?:công|cong)\s+an\s+$")
# The second syllable of a compound the noun limit may cut ("căn | cước", "định | danh", "trụ | sở").
CUT_COMPOUND = re.compile(r"(?i)\s+(?:cước|cuoc|danh|sở|so|an|chip|chíp|tử|tu)\b")
# "vượt 62,5% so với mục tiêu": the margin over a target, not the share reached ("đạt và vượt 100%
# chỉ tiêu" is the share).
MARGIN_BEFORE = re.compile(r"(?i)(?<!và\s)(?<!va\s)\b(?:vượt|vuot)\s+$")
MARGIN_AFTER = re.compile(r"(?i)\s*(?:so\s+với|so\s+voi|over|above)\b")
# "chưa kích hoạt được 150.000 tài khoản": what is not yet done, said before the figure.
NOT_YET_BEFORE = re.compile(r"(?i)\b(?:chưa|chua|not\s+yet)\s+(?:[^\W\d_]+\s+){0,3}$")
