"""Every kind of mention from one text, in the order that lets each kind use the ones before.

Documents first (their numbers are not dates or quantities), then times and dates, then the short
document forms resolved with those dates, places, quantities (numbers nobody claimed) and targets
(quantities with a deadline). State that spans the whole document (its language, publication
date, the citations seen so far, the last stated year) lives in `TextContext`, so that a long
document read in windows gives the same answers as one read whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections import Counter

from analysis.extract.dates import (
    TIME, DatePart, find_dates, parse_published, publication_date, resolve_years,
)
from analysis.extract.documents import CitationMemory, find_documents, resolve_documents
from analysis.extract.fold import fold
from analysis.extract.language import detect_language
from analysis.extract.mention import Mention, Occupied
from analysis.extract.places import find_places
from analysis.extract.quantities import claimed_spans, find_quantities
from analysis.extract.targets import dominant_unit, find_targets

KIND_ORDER = {"document": 0, "date": 1, "place": 2, "quantity": 3, "target": 4}


@dataclass
class TextContext:
    source: str
    language: str
    published: DatePart | None = None
    published_given: bool = False
    memory: CitationMemory = field(default_factory=CitationMemory)
    last_dated: DatePart | None = None
    place_counts: Counter = field(default_factory=Counter)
    first_window: bool = True

    @classmethod
    def for_text(cls, sample: str, source: str, published=None) -> "TextContext":
        given = parse_published(published)
        return cls(source, detect_language(sample), given, given is not None)

    def published_iso(self) -> str | None:
        return self.published.iso() if self.published and self.published.year else None


def extract_window(text: str, context: TextContext, main_unit: str | None = None) -> list[Mention]:
    """Mentions in `text` (offsets relative to it), sorted by position then kind."""
    folded = fold(text)
    occupied = Occupied()
    for start, end in claimed_spans(folded):
        occupied.add(start, end)
    documents = find_documents(folded)
    occupied.add_all(documents)
    for m in TIME.finditer(folded):
        occupied.add(m.start(), m.end())

    dated = find_dates(text, folded, context.language, occupied)
    if context.first_window and not context.published_given:
        context.published = publication_date(dated, text) or context.published
    context.first_window = False
    context.last_dated = resolve_years(dated, context.published, context.last_dated)
    dates = [m for m, _ in dated]
    occupied.add_all(dates)
    resolve_documents(documents, dates, context.memory)

    places = find_places(text, folded, context.published_iso())
    context.place_counts.update(p.fields["unit"] for p in places)
    quantities = find_quantities(text, folded, context.language, occupied)
    main = main_unit if main_unit is not None else dominant_unit(context.place_counts)
    targets = find_targets(text, folded, quantities, places, main, dates, context.published_iso())

    mentions = documents + dates + places + quantities + targets
    mentions.sort(key=lambda m: (m.start, KIND_ORDER[m.kind], m.end))
    return mentions


def to_record(mention: Mention, text: str, source: str, offset: int = 0) -> dict:
    """The JSON Lines object of DESIGN.md: source, kind, start, end, text, then the kind's fields."""
    record = {
        "source": source,
        "kind": mention.kind,
        "start": mention.start + offset,
        "end": mention.end + offset,
        "text": text[mention.start : mention.end],
    }
    record.update(mention.fields)
    return record


def extract_text(text: str, source: str = "<text>", published=None) -> list[dict]:
    """Every mention in `text`, as records; `published` (a date or ISO string) dates what the text
    leaves without a year."""
    context = TextContext.for_text(text, source, published)
    return [to_record(m, text, source) for m in extract_window(text, context)]
