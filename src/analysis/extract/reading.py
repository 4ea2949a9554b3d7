"""Read a source document into the text that every offset refers to.

The decoded text is defined here, once: UTF-8 (a BOM is dropped; invalid bytes become U+FFFD with
a warning naming the byte offset), line endings normalised to "\\n", Unicode NFC (Vietnamese text
often arrives with combining accents; NFC makes one letter one character), and HTML reduced to its
visible text. `read_document` loads a whole file; `stream_document` yields the same text in
overlapping windows so that a 100 MB single-line file is processed in flat memory.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator

from analysis.errors import InputError

MAX_WARNINGS = 10
SNIFF_BYTES = 8192
READ_BYTES = 1 << 20
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass
class Document:
    name: str
    path: str
    text: str
    format: str  # 'text' | 'html' | 'markdown'
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Window:
    """A slice of a document's text: `text` starts at character `offset` of the whole text.

    A mention belongs to the window where it starts inside [keep_from, keep_until): the window
    before it saw it without its right context, the window after it would see it again.
    """

    offset: int
    text: str
    keep_from: int
    keep_until: int


# --- bytes -> text ---------------------------------------------------------------------------


class _BadBytes:
    """Collects invalid byte runs reported by the 'briefs-replace' codec error handler."""

    def __init__(self, name: str):
        self.name = name
        self.base = 0  # byte offset of the buffer being decoded
        self.runs: list[tuple[int, int, int]] = []  # (start, end, first byte)
        self.count = 0

    def record(self, start: int, end: int, first: int) -> None:
        start, end = start + self.base, end + self.base
        if self.runs and self.runs[-1][1] == start:
            s, _, b = self.runs[-1]
            self.runs[-1] = (s, end, b)
        else:
            self.count += 1
            if len(self.runs) < MAX_WARNINGS + 1:
                self.runs.append((start, end, first))

    def warnings(self) -> list[str]:
        shown = [
            f"{self.name}: byte {s}: invalid UTF-8 (0x{b:02x}), replaced"
            for s, _, b in self.runs[:MAX_WARNINGS]
        ]
        if self.count > MAX_WARNINGS:
            shown.append(f"{self.name}: {self.count - MAX_WARNINGS} more runs of invalid UTF-8, replaced")
        return shown


_active: list[_BadBytes] = []


def _replace_and_record(exc: UnicodeDecodeError):
    if _active:
        _active[-1].record(exc.start, exc.end, exc.object[exc.start])
    return "\ufffd", exc.end


codecs.register_error("briefs-replace", _replace_and_record)


def _decode(data: bytes, bad: _BadBytes) -> str:
    _active.append(bad)
    try:
        return data.decode("utf-8", errors="briefs-replace")
    finally:
        _active.pop()


_NEWLINES = re.compile(r"\r\n?")


def _clean(text: str) -> str:
    text = _NEWLINES.sub("\n", text)
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# --- checks ----------------------------------------------------------------------------------

_CONTROL = set(range(0, 32)) - {9, 10, 11, 12, 13, 27}


def _looks_binary(sample: bytes) -> str | None:
    if not sample or sample.startswith(UTF16_BOMS):
        return None
    if b"\x00" in sample:
        return "binary file (NUL bytes)"
    controls = sum(1 for b in sample if b in _CONTROL)
    if controls > max(8, len(sample) // 20):
        return "binary file (mostly control characters)"
    return None


def _sniff(path: Path) -> bytes:
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    try:
        with path.open("rb") as handle:
            sample = handle.read(SNIFF_BYTES)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    problem = _looks_binary(sample)
    if problem:
        raise InputError(path.name, problem, "byte 0")
    return sample


def _format_of(path: Path, sample: bytes) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    head = sample[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    return "text"


def _require_text(name: str, text: str) -> None:
    if not text.strip():
        raise InputError(name, "empty file (no text)")


# --- HTML ------------------------------------------------------------------------------------

_HIDDEN = {"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul", "body",
}


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    text = _SPACES.sub(" ", "".join(parser.parts))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip() + "\n"


# --- public API ------------------------------------------------------------------------------


def read_document(path: str | Path) -> Document:
    """The whole document; raises InputError for a missing, empty or binary file."""
    path = Path(path)
    sample = _sniff(path)
    data = path.read_bytes()
    bad = _BadBytes(path.name)
    if data.startswith(UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
    else:
        text = _decode(data[3:] if data.startswith(codecs.BOM_UTF8) else data, bad)
        if data.startswith(codecs.BOM_UTF8):
            bad.runs = [(s + 3, e + 3, b) for s, e, b in bad.runs]
    kind = _format_of(path, sample)
    text = html_to_text(text) if kind == "html" else _clean(text)
    _require_text(path.name, text)
    return Document(path.name, str(path), text, kind, bad.warnings())


def _split_point(text: str) -> int:
    """Where to end a window so that no line ending, accent or word is cut in two."""
    cut = max(text.rfind(" ", len(text) // 2), text.rfind("\n", len(text) // 2))
    if cut <= 0:
        cut = len(text) - 1
    while cut > 1 and (text[cut - 1] == "\r" or unicodedata.combining(text[cut])):
        cut -= 1
    return cut


class DocumentStream:
    """A document read in overlapping windows, in flat memory whatever the size of the file.

    Opening checks the file (missing, binary: InputError at once); iterating yields `Window`s;
    `warnings` is complete once iteration ends; an empty file raises InputError at the end.
    HTML (and UTF-16) is reduced as a whole first: its text is far smaller than its markup.
    """

    def __init__(self, path: str | Path, window_chars: int = 1 << 20, overlap: int = 2048):
        self.path = Path(path)
        self.name = self.path.name
        self._sample = _sniff(self.path)
        self.format = _format_of(self.path, self._sample)
        self.window_chars = max(window_chars, 4 * overlap)
        self.overlap = overlap
        self.warnings: list[str] = []

    def _pieces(self) -> Iterator[str]:
        if self.format == "html" or self._sample.startswith(UTF16_BOMS):
            document = read_document(self.path)
            self.warnings = document.warnings
            yield document.text
            return
        bad = _BadBytes(self.name)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="briefs-replace")
        fed = 0
        with self.path.open("rb") as handle:
            while True:
                data = handle.read(READ_BYTES)
                if fed == 0 and data.startswith(codecs.BOM_UTF8):
                    data, fed = data[3:], 3
                bad.base = fed - len(decoder.getstate()[0])
                _active.append(bad)
                try:
                    piece = decoder.decode(data, final=not data)
                finally:
                    _active.pop()
                fed += len(data)
                yield piece
                if not data:
                    break
        self.warnings = bad.warnings()

    def __iter__(self) -> Iterator[Window]:
        context = 2 * self.overlap  # left context carried into the next window
        pending, tail, emitted, seen_text = "", "", 0, False
        pieces = self._pieces()
        final = False
        while not final:
            piece = next(pieces, None)
            final = piece is None
            pending += piece or ""
            while len(pending) >= self.window_chars or (final and pending):
                if final and len(pending) <= self.window_chars:
                    chunk, pending = pending, ""
                else:
                    cut = _split_point(pending[: self.window_chars])
                    chunk, pending = pending[:cut], pending[cut:]
                chunk = _clean(chunk)
                seen_text = seen_text or not chunk.isspace()
                end = emitted + len(chunk)
                last = final and not pending
                yield Window(emitted - len(tail), tail + chunk,
                             max(0, emitted - self.overlap) if emitted else 0,
                             end if last else end - self.overlap)
                emitted = end
                tail = (tail + chunk)[-context:]
        if not seen_text:
            raise InputError(self.name, "empty file (no text)")


def title_line(text: str) -> tuple[int, int] | None:
    """The span of a text's title: its first line, when short and a body of several lines follows."""
    stripped = len(text) - len(text.lstrip())
    newline = text.find("\n", stripped)
    if newline < 0 or newline - stripped > 200 or text.count("\n", newline) < 3 or not text[stripped:newline].strip():
        return None
    line = text[stripped:newline].rstrip()
    if len(line) > 100 and line.endswith(".") and not line.endswith(".."):
        return None  # a lead's sentence ("Ngày 6/1, ... cho 47 xã thuộc tỉnh."), not a title
    return stripped, newline
