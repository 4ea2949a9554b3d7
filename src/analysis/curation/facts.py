"""The validated facts, as pandas DataFrames, loaded once and passed to pure functions.

`Facts` is what the analysis functions take: the curated tables (typed), the sources with
their publication dates, and the administrative units with the crosswalk. Build it with
`load_facts()` from the processed store, or with `Facts.from_frames()` in tests.

Partial dates (2023 or 2023-05) are kept as written in `date`/`date_published`, and a
companion `*_end` column holds the last day of that period as a Timestamp. Comparisons
with an as-of date use the end: a figure published "in May 2023" counts only from 31 May.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd


def period_end(value: str | None) -> pd.Timestamp | None:
    """Last day of an ISO date at any precision: '2023' -> 2023-12-31, '2023-05' -> 2023-05-31."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return None
    text = str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return pd.Timestamp(parts[0], 12, 31)
    if len(parts) == 2:
        return pd.Timestamp(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return pd.Timestamp(dt.date(*parts))


def period_start(value: str | None) -> pd.Timestamp | None:
    """First day of an ISO date at any precision: '2023' -> 2023-01-01."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return None
    parts = [int(p) for p in str(value).split("-")]
    return pd.Timestamp(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@dataclass
class Facts:
    """Everything a brief needs, typed.

    sources:        source_id, kind, file, title, publisher, date_published, published_end,
                    address, language, note
    documents:      document_id, number, type, issuer, unit, date_issued, issued_end, title,
                    source_id, quote, note
    document_links: link_id, from_document, relation, to_document, source_id, quote
    indicators:     indicator_id, name_en, name_vi, measure, value_unit, additive (bool),
                    higher_is_better (bool), description
    targets:        target_id, unit, indicator_id, comparator, value (float), value_unit,
                    deadline (Timestamp), baseline_value (float), baseline_date (Timestamp),
                    document_id, source_id, quote, note
    observations:   observation_id, unit, indicator_id, value (float), value_unit, qualifier,
                    total (float), date, date_end (Timestamp), source_id, quote, note
    units:          slug, scheme ('legacy'|'2025'), code, name_vi, official_name_vi, name_en, type
    crosswalk:      legacy_slug, current_slug  (every legacy unit; unmerged units map to themselves)
    """

    sources: pd.DataFrame
    documents: pd.DataFrame
    document_links: pd.DataFrame
    indicators: pd.DataFrame
    targets: pd.DataFrame
    observations: pd.DataFrame
    units: pd.DataFrame
    crosswalk: pd.DataFrame

    @classmethod
    def from_frames(cls, **frames: pd.DataFrame) -> "Facts":
        """Type the raw string frames the way the store does, adding the *_end columns."""
        f = {k: v.copy() for k, v in frames.items()}
        sources = f["sources"]
        sources["published_end"] = sources["date_published"].map(period_end)
        documents = f["documents"]
        documents["issued_end"] = documents["date_issued"].map(period_end)
        for name in ("targets", "observations"):
            for col in ("value", "baseline_value", "total"):
                if col in f[name]:
                    f[name][col] = pd.to_numeric(f[name][col].replace("", None), errors="raise").astype(float)
        targets = f["targets"]
        targets["deadline"] = pd.to_datetime(targets["deadline"])
        if "baseline_date" in targets:
            targets["baseline_date"] = pd.to_datetime(targets["baseline_date"].replace("", None))
        observations = f["observations"]
        observations["date_end"] = observations["date"].map(period_end)
        indicators = f["indicators"]
        for col in ("additive", "higher_is_better"):
            indicators[col] = indicators[col].map(lambda v: v if isinstance(v, bool) else str(v).lower() == "true")
        return cls(**f)


def load_facts(database: str | Path | None = None) -> Facts:
    """Load the processed store once (read-only) into a Facts bundle."""
    import duckdb

    from analysis.paths import ProjectPaths

    path = Path(database) if database else ProjectPaths.at().database
    if not path.exists():
        raise FileNotFoundError(f"{path}: no processed data; run `briefs build` first")
    con = duckdb.connect(str(path), read_only=True)
    try:
        frames = {
            name: con.execute(f"select * from {name}").df()
            for name in (
                "sources",
                "documents",
                "document_links",
                "indicators",
                "targets",
                "observations",
                "units",
                "crosswalk",
            )
        }
    finally:
        con.close()
    return Facts(**frames)
