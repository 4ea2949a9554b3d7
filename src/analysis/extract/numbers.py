"""Numbers as written in each language: "3.400" is 3400 in Vietnamese, "30,000" 30000 in English.

A separator followed by other than exactly three digits is a decimal mark in any language; a
repeated separator groups thousands. Only "d.ddd" / "d,ddd" is ambiguous, and the language decides:
Vietnamese, Swedish, French and German group with "." (or a space) and use "," for decimals.
"""

from __future__ import annotations

import re
from decimal import Decimal

# A number as written: grouped thousands ("1.128.438", "30,000", "30 000") or plain ("3,2", "109.73").
NUMBER_BODY = r"(?:\d{1,3}(?:(?:[.,]|\u00a0|\u202f)\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
NUMBER_START = r"(?<![\w.,/])(?<!\w-)"
NUMBER_END = r"(?![\w]|[.,/-]\d)"
NUMBER = NUMBER_START + NUMBER_BODY + NUMBER_END
# French and Swedish also group thousands with a plain space ("95 550 comptes", "1 200 poliser").
SPACE_GROUPING = {"fr", "sv"}
NUMBER_BODY_SPACED = NUMBER_BODY.replace(r"|\u202f)", r"|\u202f| )")
NUMBER_SPACED = NUMBER_START + NUMBER_BODY_SPACED + NUMBER_END
NUMBER_RE = re.compile(NUMBER)
COMMA_DECIMAL = {"vi", "sv", "fr", "de"}


def parse_number(written: str, language: str = "en") -> Decimal:
    s = written.replace("\u00a0", " ").replace("\u202f", " ").replace(" ", "")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "." if s.rfind(".") > s.rfind(",") else ","
    elif dots + commas == 0:
        decimal = None
    else:
        mark = "." if dots else ","
        if dots + commas > 1:
            decimal = None  # repeated: thousands
        elif len(s) - s.rfind(mark) - 1 != 3:
            decimal = mark
        else:
            decimal = "," if language in COMMA_DECIMAL else "."
            if mark != decimal:
                decimal = None
    if decimal is None:
        return Decimal(s.replace(".", "").replace(",", ""))
    whole, _, fraction = s.rpartition(decimal)
    whole = whole.replace(".", "").replace(",", "")
    return Decimal(f"{whole or 0}.{fraction}")


def tidy(value: Decimal) -> int | float:
    """A JSON number: whole values as int (3400, not 3400.0), exact in base units."""
    return int(value) if value == value.to_integral_value() else float(value)
