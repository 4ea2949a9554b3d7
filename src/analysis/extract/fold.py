"""Fold Vietnamese (and other Latin) letters to ASCII without changing the length of the text.

Every pattern runs on the folded text, so one pattern matches "Hà Tĩnh", "Ha Tinh" and "HA TINH"
(with IGNORECASE), and a match's offsets are offsets into the original text.
"""

from __future__ import annotations

import re

from analysis.reference.names import bare_letter


# Capital letters for a regex class: the range "À-Ỹ" holds lower-case letters too ("đ", "ở").
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1EF9)) if c.isupper())


def _fold_table() -> dict[int, str]:
    # Latin letters with marks, by the resolver's own rule (analysis.reference.units.bare_letter) but keeping
    # case; then the punctuation that news text writes in several ways.
    table: dict[int, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        base = bare_letter(chr(code))
        if base != chr(code) and base.isascii() and base.isalpha():
            table[code] = base
    table.update({ord("ð"): "d", ord("Ð"): "D", ord("ø"): "o",
                  ord("Ø"): "O", ord("\u2019"): "'", ord("\u2018"): "'", ord("\u2013"): "-",
                  ord("\u2014"): "-", ord("\u2212"): "-", ord("\u00a0"): " ", ord("\u202f"): " "})
    return table


FOLD = _fold_table()


def fold(text: str) -> str:
    """Diacritics removed, case kept, same length: fold("Đà Nẵng") == "Da Nang"."""
    return text if text.isascii() else text.translate(FOLD)


# Letters that exist only in Vietnamese among the languages we read: their presence decides it.
VIETNAMESE_LETTERS = frozenset("ăâđơưĂÂĐƠƯ") | frozenset(
    chr(c) for c in range(0x1EA0, 0x1EFA)
)


# --- case-insensitive scans, fast ----------------------------------------------------------------
# Python's IGNORECASE disables the engine's literal-prefix search and runs several times slower.
# A case-insensitive pattern whose literals are all lowercase finds the same matches, at the same
# offsets, when compiled without it and run on the lowercased text (when lowercasing keeps the
# length, which it does for everything but a few letters such as "İ").

_NOT_LITERAL = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")  # escapes and group names
_fast: dict[re.Pattern, re.Pattern | None] = {}


def lowered(folded: str) -> str | None:
    """The folded text in lowercase, or None when lowercasing would move offsets."""
    low = folded.lower()
    return low if len(low) == len(folded) else None


def _without_ignorecase(pattern: re.Pattern) -> re.Pattern | None:
    if pattern not in _fast:
        source = pattern.pattern
        plain = None
        if pattern.flags & re.IGNORECASE and not any(c.isupper() for c in _NOT_LITERAL.sub("", source)):
            plain = re.compile(source.replace("(?i)", ""), pattern.flags & ~re.IGNORECASE)
        _fast[pattern] = plain
    return _fast[pattern]


def finditer(pattern: re.Pattern, folded: str, low: str | None):
    """`pattern.finditer(folded)`, on the lowercased text without IGNORECASE where that is the same."""
    plain = _without_ignorecase(pattern) if low is not None else None
    return plain.finditer(low) if plain is not None else pattern.finditer(folded)
