"""Numbers, dates and labels in English and Vietnamese.

Vietnamese writes `1.234,5` and `01/07/2025`; English writes `1,234.5` and `1 July 2025`.
Notebooks use these helpers too, so a figure reads the same in the table and in the text.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

LANGS = ("en", "vi")

LABELS: dict[str, dict[str, str]] = {
    "page": {"en": "Page", "vi": "Trang"},
    "of": {"en": "of", "vi": "/"},
    "as_of": {"en": "As of", "vi": "Số liệu đến ngày"},
    "contents": {"en": "Contents", "vi": "Mục lục"},
    "source": {"en": "Source", "vi": "Nguồn"},
    "sources": {"en": "Sources", "vi": "Nguồn"},
    "source_note": {
        "en": "Every figure cites a published source document, its date and a quote.",
        "vi": "Mỗi số liệu đều dẫn nguồn văn bản đã công bố, ngày ban hành và trích dẫn.",
    },
    "quote": {"en": "Quote", "vi": "Trích dẫn"},
    "no_data": {"en": "no data", "vi": "chưa có dữ liệu"},
    "no_target": {"en": "no target", "vi": "chưa có mục tiêu"},
    "brief": {"en": "Provincial policy brief", "vi": "Bản tin chính sách cấp tỉnh"},
    "index_title": {"en": "Provincial policy briefs", "vi": "Bản tin chính sách các tỉnh, thành phố"},
    "national_overview": {"en": "National overview", "vi": "Tổng quan toàn quốc"},
    "unit": {"en": "Unit", "vi": "Đơn vị"},
    "name_vi": {"en": "Vietnamese name", "vi": "Tên tiếng Việt"},
    "name_en": {"en": "English name", "vi": "Tên tiếng Anh"},
    "former_units": {"en": "Former units", "vi": "Đơn vị cũ"},
    "status": {"en": "Status", "vi": "Trạng thái"},
    "headline": {"en": "Headline figure", "vi": "Số liệu chính"},
    "links": {"en": "Brief", "vi": "Bản tin"},
    "html": {"en": "HTML", "vi": "HTML"},
    "pdf": {"en": "PDF", "vi": "PDF"},
    "status_ok": {"en": "written", "vi": "đã tạo"},
    "status_failed": {"en": "failed", "vi": "lỗi"},
    "status_stale": {"en": "out of date", "vi": "chưa cập nhật"},
    "status_missing": {"en": "not written", "vi": "chưa tạo"},
    "status_no_data": {"en": "no data", "vi": "chưa có dữ liệu"},
    "generated_by": {"en": "Rendered by", "vi": "Tạo bởi"},
    # The link from a brief to the same brief in the other language, and the index's words.
    "twin_link": {"en": "Đọc bằng tiếng Việt (Vietnamese version)", "vi": "Read in English (bản tiếng Anh)"},
    "sort": {"en": "Order", "vi": "Sắp xếp"},
    "by_name": {"en": "by name", "vi": "theo tên"},
    "by_coverage": {"en": "most data first", "vi": "nhiều dữ liệu trước"},
    "only_gaps": {"en": "only units without a figure", "vi": "chỉ đơn vị chưa có số liệu"},
    "index_matrix": {"en": "Coverage by unit and indicator", "vi": "Dữ liệu theo tỉnh và chỉ tiêu"},
    "coverage_help": {
        "en": "Each cell: the number of facts (figures and targets) and the date of the latest figure.",
        "vi": "Mỗi ô: số dữ kiện (số liệu và mục tiêu) và ngày của số liệu mới nhất.",
    },
    "coverage_summary": {
        "en": "{with_figures} of {units} units have a sourced figure; {with_target} have a target or a "
              "document of their own; {observations} figures and {targets} targets in all.",
        "vi": "{with_figures}/{units} đơn vị có số liệu có nguồn; {with_target} có mục tiêu hoặc văn bản "
              "riêng; tổng cộng {observations} số liệu và {targets} mục tiêu.",
    },
    "coverage_unavailable": {"en": "No coverage matrix", "vi": "Không có bảng mức độ dữ liệu"},
    "cell_reported": {"en": "reported", "vi": "có số liệu"},
    "cell_target only": {"en": "target only", "vi": "chỉ có mục tiêu"},
    "cell_no data": {"en": "no data", "vi": "chưa có dữ liệu"},
    "facts_count": {"en": "facts", "vi": "dữ kiện"},
    "indicators": {"en": "Indicators", "vi": "Chỉ tiêu"},
    "coverage": {"en": "Coverage", "vi": "Mức độ dữ liệu"},
    # Sections and words of a brief.
    "key_messages": {"en": "Key messages", "vi": "Thông điệp chính"},
    "targets_progress": {"en": "Targets and progress", "vi": "Mục tiêu và tiến độ"},
    "progress_chart": {"en": "Progress against the target path", "vi": "Tiến độ so với lộ trình mục tiêu"},
    "timeline": {"en": "Documents in the cascade", "vi": "Các văn bản triển khai"},
    "coverage_context": {"en": "Coverage and national context", "vi": "Mức độ ban hành văn bản và bối cảnh toàn quốc"},
    "data_gaps": {"en": "Data gaps", "vi": "Khoảng trống dữ liệu"},
    "method": {"en": "Method", "vi": "Phương pháp"},
    "indicator": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "target": {"en": "Target", "vi": "Mục tiêu"},
    "deadline": {"en": "Deadline", "vi": "Thời hạn"},
    "latest_figure": {"en": "Latest figure", "vi": "Số liệu mới nhất"},
    "gap": {"en": "Gap", "vi": "Còn thiếu"},
    "date": {"en": "Date", "vi": "Ngày"},
    "document": {"en": "Document", "vi": "Văn bản"},
    "issuer": {"en": "Issued by", "vi": "Cơ quan ban hành"},
    "title": {"en": "Title", "vi": "Trích yếu"},
    "topic": {"en": "Topic", "vi": "Lĩnh vực"},
    "this_unit": {"en": "This unit", "vi": "Địa phương này"},
    "units_nationally": {"en": "Units with a document (of 34)", "vi": "Số tỉnh, thành phố đã ban hành (trên 34)"},
    "national_figures": {"en": "National figures", "vi": "Số liệu toàn quốc"},
    "documents_issued": {"en": "Topics with a document", "vi": "Số lĩnh vực đã có văn bản"},
    "none": {"en": "none", "vi": "không có"},
    "did_not_merge": {"en": "none (the unit did not merge in 2025)", "vi": "không có (không sáp nhập năm 2025)"},
    "national": {"en": "National", "vi": "Toàn quốc"},
    "in_language": {"en": "quoted in", "vi": "trích nguyên văn bằng"},
    "lang_en": {"en": "English", "vi": "tiếng Anh"},
    "lang_vi": {"en": "Vietnamese", "vi": "tiếng Việt"},
    "lang_sv": {"en": "Swedish", "vi": "tiếng Thụy Điển"},
    "progress_achieved": {"en": "achieved", "vi": "đã đạt"},
    "progress_on track": {"en": "on track", "vi": "đúng tiến độ"},
    "progress_at risk": {"en": "at risk", "vi": "có nguy cơ chậm"},
    "progress_off track": {"en": "off track", "vi": "chậm tiến độ"},
    "progress_no data": {"en": "no data", "vi": "chưa có số liệu"},
    "progress_no target": {"en": "no target", "vi": "chưa có mục tiêu"},
    "cmp_>=": {"en": "at least", "vi": "ít nhất"},
    "cmp_>": {"en": "more than", "vi": "hơn"},
    "cmp_=": {"en": "", "vi": ""},
    "cmp_<=": {"en": "at most", "vi": "tối đa"},
    "cmp_<": {"en": "less than", "vi": "dưới"},
    "q_nearly": {"en": "nearly", "vi": "gần"},
    "q_about": {"en": "about", "vi": "khoảng"},
    "q_at least": {"en": "at least", "vi": "ít nhất"},
    "q_more than": {"en": "more than", "vi": "hơn"},
    "q_over": {"en": "over", "vi": "trên"},
    "q_at most": {"en": "at most", "vi": "tối đa"},
    "q_less than": {"en": "less than", "vi": "dưới"},
    "q_up to": {"en": "up to", "vi": "tới"},
    "q_exactly": {"en": "", "vi": ""},
    "billion_vnd": {"en": "billion VND", "vi": "tỷ đồng"},
    "no_chart": {"en": "Nothing to chart: no target and no figure for this unit.", "vi": "Chưa có mục tiêu hay số liệu để vẽ biểu đồ."},
    # Charts of a brief (analysis.briefs.chart_points); {unit}, {n}... are filled in there.
    "trend_chart": {"en": "Figures and targets over time", "vi": "Số liệu và mục tiêu theo thời gian"},
    "peer_chart": {"en": "Beside the other units", "vi": "So với các địa phương khác"},
    "timeline_chart": {"en": "The cascade on a time line", "vi": "Các văn bản và số liệu theo thời gian"},
    "national_chart": {"en": "National figures over time", "vi": "Số liệu toàn quốc theo thời gian"},
    "baseline": {"en": "Baseline", "vi": "Mức cơ sở"},
    "sum_of_parts": {"en": "sum of the former units' figures", "vi": "tổng số liệu của các đơn vị cũ"},
    "trend_targets_only": {"en": "Targets only: {unit} has reported no figure", "vi": "Chỉ có mục tiêu: {unit} chưa công bố số liệu"},
    "trend_counts": {"en": "{figures} figure{fs}, {targets} target{ts}", "vi": "{figures} số liệu, {targets} mục tiêu"},
    "peer_rank": {"en": "{unit}: rank {rank} of {n} units reporting", "vi": "{unit}: xếp thứ {rank}/{n} địa phương có số liệu"},
    "peer_missing": {"en": "{unit}: no data ({n} units report)", "vi": "{unit}: chưa có dữ liệu ({n} địa phương có số liệu)"},
    "peer_intro": {
        "en": "Each dot is one unit's latest curated figure; {unit} is in blue. Units report on different dates; hover over a dot in the HTML brief for its value, date, source and quote.",
        "vi": "Mỗi chấm là số liệu mới nhất của một địa phương; {unit} màu xanh đậm. Các địa phương báo cáo vào những thời điểm khác nhau; trong bản HTML, di chuột lên chấm để xem giá trị, ngày, nguồn và trích dẫn.",
    },
    "peer_parts_only": {
        "en": "{unit}: no figure for the whole unit, only for former {parts} (in the table); {n} units report",
        "vi": "{unit}: chưa có số liệu cho cả đơn vị, chỉ có của {parts} cũ (xem bảng); {n} địa phương có số liệu",
    },
    "lane_national": {"en": "National documents", "vi": "Văn bản trung ương"},
    "lane_documents": {"en": "{unit}: documents", "vi": "{unit}: văn bản"},
    "lane_figures": {"en": "{unit}: figures", "vi": "{unit}: số liệu"},
    "lane_deadlines": {"en": "{unit}: target deadlines", "vi": "{unit}: thời hạn mục tiêu"},
    # Maps, the coverage matrix and the thin-data section (analysis.briefs.map, overview, thin_data).
    "map_title": {"en": "Coverage by provincial unit", "vi": "Mức độ có dữ liệu theo tỉnh, thành phố"},
    "map_many": {"en": "Figures: {many} facts or more", "vi": "Có số liệu: từ {many} dữ kiện"},
    "map_some": {"en": "Figures: {some}–{some_end} facts", "vi": "Có số liệu: {some}–{some_end} dữ kiện"},
    "map_few": {"en": "Figures: 1–{few_end} facts", "vi": "Có số liệu: 1–{few_end} dữ kiện"},
    "map_promises": {"en": "Target or document only", "vi": "Chỉ có mục tiêu hoặc văn bản"},
    "map_no_data": {"en": "No data", "vi": "Chưa có dữ liệu"},
    "map_tooltip": {"en": "{name}: {facts} facts, {documents} documents", "vi": "{name}: {facts} dữ kiện, {documents} văn bản"},
    "archipelago": {"en": "{name} archipelago", "vi": "Quần đảo {name}"},
    "locator_title": {"en": "Where {name} is", "vi": "Vị trí của {name}"},
    "map_note": {
        "en": "Boundaries: Natural Earth (public domain), merged into the 34 units of 1 July 2025. The Hoàng Sa and Trường Sa archipelagos are marked as points.",
        "vi": "Ranh giới: Natural Earth (phạm vi công cộng), gộp thành 34 đơn vị từ 01/07/2025. Quần đảo Hoàng Sa và Trường Sa được đánh dấu bằng điểm.",
    },
    "coverage_matrix": {"en": "Coverage by unit and indicator", "vi": "Dữ liệu theo tỉnh và chỉ tiêu"},
    "matrix_target_only": {"en": "target only", "vi": "chỉ có mục tiêu"},
    "thin_data": {"en": "What is known around this unit", "vi": "Những gì đã biết quanh địa phương này"},
}

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def _check(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {LANGS}")
    return lang


def label(key: str, lang: str = "en") -> str:
    """The label `key` in `lang`; a KeyError names the missing key."""
    return LABELS[key][_check(lang)]


def format_number(x, lang: str = "en", decimals: int | None = None) -> str:
    """`1234.5` -> `1,234.5` (en) or `1.234,5` (vi); None or NaN -> the "no data" label.

    decimals=None keeps integers whole and shows up to two decimals otherwise, without
    trailing zeros. Rounding is half-up on the decimal value, as people round by hand.
    """
    _check(lang)
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return label("no_data", lang)
    d = Decimal(str(x))
    if decimals is None:
        places = 0 if d == d.to_integral_value() else 2
    else:
        places = decimals
    d = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{abs(d):,.{places}f}"
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "vi":
        text = text.translate(str.maketrans(",.", ".,"))
    return ("-" if d < 0 else "") + text


def format_date(d, lang: str = "en") -> str:
    """A date as people in `lang` write it: `01/07/2025` (vi), `1 July 2025` (en).

    Accepts a date, a datetime or ISO text, including the partial `2023-05` and `2025`
    that sources state when they give no day.
    """
    _check(lang)
    if isinstance(d, dt.datetime):
        d = d.date()
    if isinstance(d, dt.date):
        parts = [d.year, d.month, d.day]
    else:
        parts = [int(p) for p in str(d).strip()[:10].split("-")]
    if len(parts) == 1:
        return f"{parts[0]:04d}"
    if len(parts) == 2:
        y, m = parts
        return f"{m:02d}/{y:04d}" if lang == "vi" else f"{_MONTHS_EN[m - 1]} {y:04d}"
    y, m, day = parts
    dt.date(y, m, day)  # raises on an impossible date
    return f"{day:02d}/{m:02d}/{y:04d}" if lang == "vi" else f"{day} {_MONTHS_EN[m - 1]} {y:04d}"
