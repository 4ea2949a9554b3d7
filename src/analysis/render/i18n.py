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
