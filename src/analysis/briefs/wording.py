"""How a brief writes things: figures with their units and qualifiers, topics in Vietnamese,
and the rule of a pipe table. Everything from a document is escaped as Markdown here.
"""

from __future__ import annotations

import functools

import pandas as pd

from analysis.render.escape import md_escape
from analysis.render.i18n import format_date, format_number, label

TOPIC_VI = {
    "police force building": "xây dựng lực lượng Công an",
    "implementation plan": "kế hoạch thực hiện",
    "coordination": "phối hợp lãnh đạo",
    "commune police": "Công an cấp xã",
    "model ward police": "Công an phường điển hình, kiểu mẫu",
    "population data": "dữ liệu dân cư, định danh điện tử (Đề án 06)",
    "organisation": "tổ chức bộ máy",
    "other": "khác",
}
UNIT_NOUNS_VI = {
    "officers": "cán bộ, chiến sĩ",
    "headquarters": "trụ sở",
    "units": "đơn vị",
    "ward police units": "đơn vị Công an phường",
    "commune police units": "đơn vị Công an cấp xã",
    "ID cards": "thẻ CCCD",
    "accounts": "tài khoản",
    "records": "hồ sơ",
    "documents": "văn bản",
}


# "1 unit", not "1 units"; nouns not listed ("headquarters") are the same in both numbers.
ENGLISH_SINGULAR = {"units": "unit", "officers": "officer", "records": "record", "accounts": "account",
                    "cards": "card", "persons": "person", "documents": "document", "ID cards": "ID card",
                    "ward police units": "ward police unit", "commune police units": "commune police unit"}


def count_words(n: int, noun: str, none: str | None = None) -> str:
    """'1 target', '3 figures' (English nouns); with none="no", zero reads 'no documents'."""
    if n == 0 and none:
        return f"{none} {noun}s"
    return f"{n} {noun}" + ("" if n == 1 else "s")


def unit_names(units, lang: str) -> dict[str, str]:
    """slug -> each current unit's name in `lang` (Vietnamese, or English without diacritics)."""
    return {u.slug: (u.name_vi if lang == "vi" else u.name_en) for u in units.current()}


def value_text(value, value_unit: str, qualifier: str | None, lang: str) -> str:
    """A figure as a brief writes it, escaped as Markdown."""
    if value is None or pd.isna(value):
        return label("no_data", lang)
    if value_unit == "%":
        text = f"{format_number(value, lang)}%"
    elif value_unit == "VND" and abs(value) >= 1e9:
        text = f"{format_number(value / 1e9, lang)} {label('billion_vnd', lang)}"
    else:
        noun = UNIT_NOUNS_VI.get(value_unit, value_unit) if lang == "vi" else value_unit
        if lang == "en" and value == 1:
            noun = ENGLISH_SINGULAR.get(noun, noun)
        text = f"{format_number(value, lang)} {noun}"
    if isinstance(qualifier, str) and qualifier:
        word = label(f"q_{qualifier}", lang) if f"q_{qualifier}" in known_labels() else qualifier
        text = f"{word} {text}".strip()
    return md_escape(text)


# Comparators in a sentence ("at least 30%") and in a cell or a tooltip ("≥ 30%").
COMPARATOR_WORDS = {
    "en": {">=": "at least", ">": "more than", "<=": "at most", "<": "less than", "=": ""},
    "vi": {">=": "ít nhất", ">": "trên", "<=": "tối đa", "<": "dưới", "=": ""},
}
COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": ""}


def target_text(comparator: str | None, value, value_unit: str, lang: str, compact: bool = False) -> str:
    """A target as a reader says it, escaped as Markdown: "at least 30%" in a sentence, "≥ 30%"
    in a table. A bound that is also the limit reads as the value alone: a share of at least
    100% is "100%", a count of at most 0 is "0"."""
    amount = value_text(value, value_unit, None, lang)
    if not isinstance(comparator, str) or comparator not in COMPARATOR_SIGNS:
        return amount
    full_share = value_unit == "%" and comparator in (">=", "=") and float(value) >= 100
    nothing = comparator == "<=" and float(value) == 0
    if full_share or nothing:
        return amount
    words = COMPARATOR_SIGNS[comparator] if compact else COMPARATOR_WORDS[lang][comparator]
    return f"{words} {amount}".strip()


def by_date(value, lang: str) -> str:
    """"by 31 December 2025" / "đến ngày 31/12/2025"; a month or a year as stated ("đến năm 2025")."""
    text = str(value)[:10] if not isinstance(value, pd.Timestamp) else value.date().isoformat()
    shown = format_date(text, lang)
    if lang == "vi":
        precision = text.count("-")
        return f"đến {('năm', 'tháng', 'ngày')[precision]} {shown}"
    return f"by {shown}"


def table_rule(*widths: int, right: tuple[int, ...] = ()) -> str:
    """A pipe-table rule whose dash counts give pandoc the columns' relative widths."""
    cells = ["-" * (w - 1) + ":" if i in right else "-" * w for i, w in enumerate(widths)]
    return "|" + "|".join(cells) + "|"



@functools.cache
def known_labels() -> frozenset[str]:
    from analysis.render.i18n import LABELS

    return frozenset(LABELS)
