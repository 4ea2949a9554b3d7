"""Find a curated quote in its source's text, and report where it stands.

A quote must occur in the text word for word. Runs of whitespace match any run of
whitespace (a quote copied from a wrapped line still matches), and typographic quote
marks match their plain forms; nothing else is forgiven.
"""

from __future__ import annotations

import re
import unicodedata

_EQUIVALENT = {
    "\u201c": '"',
    "\u201d": '"',
    "\u2018": "'",
    "\u2019": "'",
}
_CLASS = {
    '"': "[\"\u201c\u201d]",
    "'": "['\u2018\u2019]",
}


def _pattern(quote: str) -> re.Pattern[str]:
    quote = unicodedata.normalize("NFC", quote.strip())
    parts: list[str] = []
    for word in quote.split():
        pieces = []
        for ch in word:
            plain = _EQUIVALENT.get(ch, ch)
            pieces.append(_CLASS.get(plain, re.escape(ch)))
        parts.append("".join(pieces))
    return re.compile(r"\s+".join(parts))


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of `quote` in `text`, or None."""
    if not quote.strip():
        return None
    match = _pattern(quote).search(unicodedata.normalize("NFC", text))
    return (match.start(), match.end()) if match else None
