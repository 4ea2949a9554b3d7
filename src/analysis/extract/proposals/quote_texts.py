"""Texts made of curated quotes, for measuring the proposer on sources whose page is not stored.

Most curated facts cite a public page whose full text is not in the project: only its title
and the short quotes the curator copied are. Each such source becomes one small text laid out as
its page is, the title on the first line and each quote a paragraph of its own, dated by the
source's date of publication and told who published it. Its facts are the curated rows citing it, plus any hand labels
(tests/labels/facts/) whose `source` is the source id.

A curated row may rest on more than its quotes say (the page names the province elsewhere, or
dates the figure in another paragraph). `determined` tells whether the small text itself names
the fact's unit and states its date (or is dated so by its publication): recall is reported over
all facts and over those the text determines.

The sources are split once, by a hash of their id, into a development half and a held-out
half; the split does not depend on the text, so a new source falls into either half by chance.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from analysis.extract.pipeline import extract_text
from analysis.extract.proposals.context import NATIONAL, end_of_period
from analysis.extract.proposals.home import masthead
from analysis.extract.fold import fold
from analysis.extract.proposals.scoring import Fact, fact_key

TABLES = {"observations": ("observation", "observation_id"), "targets": ("target", "target_id")}


@dataclass(frozen=True)
class QuoteText:
    source_id: str
    text: str
    published: str | None
    publisher: str | None = None
    address: str | None = None


def held_out(source_id: str) -> bool:
    """Half of the sources, chosen by their id alone."""
    return hashlib.sha256(source_id.encode("utf-8")).digest()[0] % 2 == 1


def _rows(curated: Path, name: str) -> list[dict]:
    with (curated / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def pageless_sources(curated: Path) -> dict[str, dict]:
    """Sources cited by curated facts whose text is not a stored file."""
    return {r["source_id"]: r for r in _rows(curated, "sources.csv") if not r["file"]}


def quote_texts(curated: Path) -> dict[str, QuoteText]:
    """Source id -> its title and quotes, in the order of the curated tables."""
    sources = pageless_sources(curated)
    quotes: dict[str, list[str]] = {}
    for table in TABLES:
        for row in _rows(curated, f"{table}.csv"):
            said = quotes.setdefault(row["source_id"], []) if row["source_id"] in sources else None
            # A quote from the title is on the title line already.
            if said is not None and row["quote"] not in said and row["quote"] not in sources[row["source_id"]]["title"]:
                said.append(row["quote"])
    texts = {}
    for source_id, said in quotes.items():
        source = sources[source_id]
        # A blank line after every paragraph, as on a page: the first line reads as the title.
        text = "".join(f"{part}\n\n" for part in [source["title"], *said] if part)
        texts[source_id] = QuoteText(source_id, text, source["date_published"] or None, source["publisher"] or None,
                                     source["address"] or None)
    return texts


def quote_facts(curated: Path):
    """The curated facts citing a pageless source, with the source id as their file."""
    sources = pageless_sources(curated)
    facts = []
    for table, (kind, key_column) in TABLES.items():
        for row in _rows(curated, f"{table}.csv"):
            if row["source_id"] in sources:
                facts.append(Fact(row["source_id"], kind, fact_key(kind, row), f"{table}:{row[key_column]}"))
    return facts


def determined(fact: Fact, text: QuoteText) -> bool:
    """Whether the text, or its masthead, names the fact's unit and states its date (a deadline's year, for a target)."""
    records = extract_text(text.text, text.source_id, text.published)
    places = [r for r in records if r["kind"] == "place"]
    folded = fold(text.text).lower()
    # The masthead is given with the text: a provincial paper names its province there.
    name, slug = masthead(text.publisher, text.address)
    home = [r for r in extract_text(f"{name}\n\n{slug}\n", text.source_id, text.published) if r["kind"] == "place"]
    indicator, unit, value, when = fact.key
    if unit == "national":
        unit_named = not places or bool(NATIONAL.search(folded))
    else:
        slug = (unit or "").split(":")[-1]
        unit_named = any(slug in (r["unit"], r["current"]) for r in places + home)
    if fact.kind == "target":
        return unit_named and bool(when) and when[:4] in text.text
    # A date as written, or the last day of the month or year it closes ("tính đến hết năm 2024").
    dates = {d for r in records if r["kind"] == "date" for d in (r["date"], end_of_period(r, folded))}
    return unit_named and (when in dates or when == text.published)
