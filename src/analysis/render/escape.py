"""Escaping text from documents for each markup it lands in.

Source titles and quotes are data: whatever characters they hold must come out as literal text
in Markdown (read by pandoc or Quarto), HTML and Typst. Each function takes plain text and
returns markup that shows exactly that text.
"""

from __future__ import annotations

import html
import re

# Every ASCII punctuation mark that pandoc Markdown (or Quarto's pre-processing) can give a meaning
# to. Pandoc's `all_symbols_escapable` makes a backslash before any of them a literal character.
_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|$@^~&:=\"'%")
_TYPST_SPECIAL = set("\\`*_{}[]()<>#+-.!|$@^~&:=\"'/%,;?")
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def _inline(text: object) -> str:
    # Inline text: a line break inside a table cell or a list item would end it early.
    return _NEWLINES.sub(" ", str(text))


def md_escape(text: object) -> str:
    """Plain text -> pandoc Markdown showing it literally (inline: newlines become spaces).

    Escapes emphasis, links, raw HTML, math, citations, headings, lists, pipe-table bars and
    Quarto shortcodes (`{{< >}}` becomes `\\{\\{\\< ... \\>\\}\\}`, which Quarto does not match).
    """
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in _inline(text))


def html_escape(text: object) -> str:
    """Plain text -> HTML text or attribute value."""
    return html.escape(str(text), quote=True)


def typst_escape(text: object) -> str:
    """Plain text -> Typst markup showing it literally (inside `[...]` or at top level).

    Typst reads a backslash before any punctuation as that character, so all of it is escaped:
    this also defuses `//` comments, `--` dashes, `#` code, `$` math, `@` references and labels.
    """
    return "".join("\\" + c if c in _TYPST_SPECIAL else c for c in _inline(text))


def typst_string(text: object) -> str:
    """Plain text -> a Typst string literal, quotes included."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
