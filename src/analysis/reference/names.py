"""Names compared without diacritics, case or unit-type words.

One rule for dropping diacritics (`bare_letter`) serves the unit resolver, the extractor's
same-length fold and the English names; `fold` keeps every offset, `normalise` gives lookup keys.
"""

from __future__ import annotations

import re
import unicodedata

# Words around a name that say what kind of unit it is, as normalised tokens. They are stripped before
# lookup, so "Tỉnh Hà Tĩnh", "TP. Hồ Chí Minh", "Ho Chi Minh City" and "province of Ha Tinh" all work.
PREFIXES = ("tinh", "thanh pho", "tp", "t p", "thu do", "province of", "city of", "the", "provincial")
SUFFIXES = ("city", "province", "municipality", "provincial")
_PREFIX_TOKENS = tuple(p.split() for p in PREFIXES)
_SUFFIX_TOKENS = tuple(s.split() for s in SUFFIXES)

def bare_letter(char: str) -> str:
    """`char` without its diacritics when that is still one character (Ệ -> E, đ -> d), else `char`."""
    if char in "đĐ":  # a letter of its own, not d plus a mark, so NFD does not fold it
        return "d" if char == "đ" else "D"
    bare = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return bare if len(bare) == 1 else char


class _FoldTable(dict):
    """A `str.translate` table filled on demand: each character to one lower-case character without
    diacritics (đ -> d). Characters that would not stay one character are left alone, so the folded
    text keeps every offset of the original (useful for finding names in running text)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        out = bare_letter(char).lower()
        self[code] = out if len(out) == 1 else char
        return self[code]


_FOLD = _FoldTable()
_NOT_WORD = re.compile(r"[^0-9a-z]+")
_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Lower-case `text` and drop its diacritics, one character for one ("Hà Tĩnh" -> "ha tinh").

    Offsets into the result are offsets into `text`. Give it NFC text (as documents usually are):
    decomposed marks are left in place."""
    return text.translate(_FOLD)


def normalise(text: str) -> str:
    """The form names are compared in: NFC, diacritics folded (đ -> d), lower case, every run of
    characters other than ASCII letters and digits (spaces, hyphens, underscores, dots, dashes)
    turned into one space, trimmed. "Bà Rịa - Vũng Tàu" -> "ba ria vung tau"."""
    return _NOT_WORD.sub(" ", fold(unicodedata.normalize("NFC", text))).strip()


def _strip_affixes(tokens: list, folded: list[str]) -> list:
    """Drop unit-type words (PREFIXES, SUFFIXES) from both ends, deciding on the folded tokens."""
    changed = True
    while changed:
        changed = False
        for affix in _PREFIX_TOKENS:
            n = len(affix)
            if len(folded) > n and folded[:n] == affix:
                tokens, folded, changed = tokens[n:], folded[n:], True
        for affix in _SUFFIX_TOKENS:
            n = len(affix)
            if len(folded) > n and folded[-n:] == affix:
                tokens, folded, changed = tokens[:-n], folded[:-n], True
    return tokens


def strip_affixes(normalised: str) -> str:
    """A normalised name without unit-type words: "tinh ha tinh" -> "ha tinh", "hue city" -> "hue"."""
    tokens = normalised.split()
    return " ".join(_strip_affixes(tokens, tokens))


def _keys(text: str) -> tuple[str, str]:
    """(folded key, diacritic key) of a name, affixes stripped. The diacritic key keeps the marks
    ("hà tĩnh") so that two units whose names fold alike can still be told apart."""
    text = unicodedata.normalize("NFC", text)
    folded = fold(text)
    lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # same length as `folded`
    spans = [m.span() for m in _WORD.finditer(folded)]
    f_tokens = [folded[a:b] for a, b in spans]
    v_tokens = [lower[a:b] for a, b in spans]
    return (" ".join(_strip_affixes(f_tokens, f_tokens)), " ".join(_strip_affixes(v_tokens, f_tokens)))
