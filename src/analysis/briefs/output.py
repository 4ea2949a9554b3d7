"""What a brief section returns, and what every section shares: the loaded facts, the as-of
date, and the numbered citations.

`Markdown`, `Svg` and `Record` are plain values that Jupyter displays as `text/markdown`,
`image/svg+xml` and `application/json`: the format-neutral outputs both renderers read.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pandas as pd

from analysis.curation.facts import Facts, load_facts
from analysis.paths import ProjectPaths


class Markdown(str):
    """Markdown text that Jupyter displays as `text/markdown`."""

    def _repr_markdown_(self) -> str:
        return str(self)


class Record(dict):
    """Facts about a brief for the batch and the index, displayed as `application/json` in a
    hidden cell, so the executed notebook stays the record of what ran."""

    def _repr_json_(self) -> dict:
        return dict(self)


class Svg(str):
    """An SVG chart that Jupyter displays as `image/svg+xml`."""

    def _repr_svg_(self) -> str:
        return str(self)


@functools.lru_cache(maxsize=4)
def _facts_at(path: str, mtime: float) -> Facts:
    return load_facts(path)


def cached_facts(database: str | Path | None = None) -> Facts:
    """The processed store, loaded once per process (reloaded when the file changes)."""
    path = Path(database) if database else ProjectPaths.at().database
    if not path.exists():
        raise FileNotFoundError(f"{path}: no processed data; run `briefs build` first")
    return _facts_at(str(path.resolve()), path.stat().st_mtime)


def parse_as_of(as_of) -> pd.Timestamp:
    if as_of is None or as_of == "":
        return pd.Timestamp(dt.date.today())
    return pd.Timestamp(str(as_of)[:10])


COMBINED_SOURCES, COMBINED_QUOTES = "; ", " | "  # as analysis.progress.rollup joins them


class Citations:
    """Numbers sources in the order a brief first cites them, keeping the quotes used."""

    def __init__(self, sources: pd.DataFrame):
        self._sources = sources.set_index("source_id")
        self.order: list[str] = []
        self.quotes: dict[str, list[str]] = {}

    def cite(self, source_id: str, quote: str | None = None) -> str:
        # A sum of former units' figures carries its parts' sources ("a; b") and quotes ("q1 | q2").
        parts = str(source_id).split(COMBINED_SOURCES)
        if len(parts) > 1:
            quotes = str(quote).split(COMBINED_QUOTES) if quote else []
            pairs = zip(parts, quotes) if len(quotes) == len(parts) else ((p, None) for p in parts)
            return " ".join(dict.fromkeys(self.cite(p, q) for p, q in pairs))
        if source_id not in self.order:
            self.order.append(source_id)
            self.quotes[source_id] = []
        if quote and quote not in self.quotes[source_id]:
            self.quotes[source_id].append(quote)
        return f"[{self.order.index(source_id) + 1}]"

    def source(self, source_id: str) -> pd.Series:
        return self._sources.loc[source_id]
