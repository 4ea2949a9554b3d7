"""The review loop: machine-extracted candidates that no curated row covers yet, and a
validated way to accept one into data/curated/.

Extraction proposes, people decide. A candidate is covered when a curated row quotes the
same source text over an overlapping span, or (for documents) when the registry already
holds the document it names. Accepting writes the row only if the whole project still
validates with it, through a temporary file and a rename.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from analysis.errors import ValidationFailed
from analysis.paths import ProjectPaths
from analysis.schema import TABLES_BY_NAME

QUOTED = ("documents", "document_links", "targets", "observations")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
# What a candidate of each kind would become once accepted.
FILLS = {
    "document": "documents",
    "target": "targets",
    "quantity": "observations",
    "date": "a date field of the row quoting this sentence",
    "place": "the unit field of the row quoting this sentence",
}


@dataclass
class Review:
    candidates: pd.DataFrame
    corpus: pd.DataFrame
    curated: dict[str, pd.DataFrame]
    sources: pd.DataFrame


def load_review(database: str | Path | None = None) -> Review:
    import duckdb

    path = Path(database) if database else ProjectPaths.at().database
    con = duckdb.connect(str(path), read_only=True)
    try:
        frames = {name: con.execute(f'select * from "{name}"').df() for name in (*QUOTED, "candidates", "corpus", "sources")}
    finally:
        con.close()
    return Review(
        candidates=frames.pop("candidates"),
        corpus=frames.pop("corpus"),
        sources=frames.pop("sources"),
        curated=frames,
    )


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding text[start:end], cut to `limit` characters around it."""
    left = max(0, start - limit)
    before = [m.end() for m in SENTENCE_END.finditer(text, left, start)]
    begin = before[-1] if before else left
    after = SENTENCE_END.search(text, end, min(len(text), end + limit))
    finish = after.start() if after else min(len(text), end + limit)
    return text[begin:finish].strip()


def _quoted_spans(review: Review) -> dict[str, list[tuple[int, int, str]]]:
    """Per corpus file name: the spans curated rows quote, with the row they belong to."""
    file_of = dict(zip(review.sources["source_id"], review.sources["file"]))
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for table, frame in review.curated.items():
        key = TABLES_BY_NAME[table].key
        for row in frame.itertuples(index=False):
            start, end = getattr(row, "quote_start"), getattr(row, "quote_end")
            name = file_of.get(row.source_id)
            if name and not pd.isna(start):
                spans.setdefault(name, []).append((int(start), int(end), f"{table}:{getattr(row, key)}"))
    return spans


def candidate_table(review: Review, unit: str | None = None, source: str | None = None, covered: bool = False) -> pd.DataFrame:
    """Candidates with their sentence, the curated rows covering them, and what they would fill.

    unit:   keep sources that mention this unit (slug of either scheme, matched on `current` too)
    source: keep one source file (its name)
    covered: False keeps only the candidates that no curated row covers yet
    """
    candidates = review.candidates.copy()
    if source:
        candidates = candidates[candidates["source"] == source]
    if unit:
        places = review.candidates[review.candidates["kind"] == "place"]
        named = places[(places["unit"] == unit) | (places.get("current") == unit)]["source"].unique()
        candidates = candidates[candidates["source"].isin(named)]
    texts = dict(zip(review.corpus["file"], review.corpus["text"]))
    spans = _quoted_spans(review)
    registry = set(review.curated["documents"]["document_id"])
    covering, sentences = [], []
    for row in candidates.itertuples(index=False):
        text = texts.get(row.source, "")
        sentences.append(sentence_around(text, int(row.start), int(row.end)) if text else "")
        rows = [label for s, e, label in spans.get(row.source, []) if s < int(row.end) and int(row.start) < e]
        if row.kind == "document" and getattr(row, "id", None) in registry:
            rows.append(f"documents:{row.id}")
        covering.append(", ".join(rows))
    candidates["sentence"] = sentences
    candidates["covered_by"] = covering
    candidates["would_fill"] = candidates["kind"].map(FILLS)
    if not covered:
        candidates = candidates[candidates["covered_by"] == ""]
    return candidates.reset_index(drop=True)


def draft_row(review: Review, candidate: pd.Series, source_id: str, **fields) -> dict[str, str]:
    """A curated row drafted from a candidate: the sentence becomes the quote; `fields` fill
    or override the rest (a person reads and completes it before accepting)."""
    table = FILLS.get(candidate["kind"])
    if table not in ("documents", "targets", "observations"):
        raise ValueError(f"a {candidate['kind']} candidate fills no table of its own")
    text = dict(zip(review.corpus["file"], review.corpus["text"]))[candidate["source"]]
    row = {column: "" for column in TABLES_BY_NAME[table].column_names}
    row.update(source_id=source_id, quote=sentence_around(text, int(candidate["start"]), int(candidate["end"])))
    if table == "documents" and isinstance(candidate.get("id"), str):
        row.update(document_id=candidate["id"], number=candidate["id"], type=str(candidate.get("type") or ""))
    if table in ("targets", "observations"):
        row.update(value=_plain_number(candidate.get("value")), value_unit=str(candidate.get("unit") or ""))
    if table == "targets":
        row.update(comparator=str(candidate.get("comparator") or ""), deadline=str(candidate.get("deadline") or ""))
        if isinstance(candidate.get("scope"), str):
            row["unit"] = candidate["scope"]
    if table == "observations" and isinstance(candidate.get("qualifier"), str):
        row["qualifier"] = candidate["qualifier"]
    row.update({k: str(v) for k, v in fields.items()})
    return row


def _plain_number(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def accept(table: str, row: dict[str, str], root: str | Path | None = None, corpus_dirs=()) -> Path:
    """Append `row` to data/curated/<table>.csv if the whole project validates with it.

    Raises ValidationFailed (naming file, line and column) and writes nothing otherwise.
    """
    from analysis.build import validate_project

    if table not in TABLES_BY_NAME or table == "origins":
        raise ValueError(f"unknown curated table {table!r}")
    paths = ProjectPaths.at(root)
    columns = TABLES_BY_NAME[table].column_names
    unknown = set(row) - set(columns)
    if unknown:
        raise ValueError(f"{table}: unknown column(s) {', '.join(sorted(unknown))}")
    target = paths.curated / f"{table}.csv"
    existing = target.read_text(encoding="utf-8")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([row.get(c, "") for c in columns])
    updated = existing + ("" if existing.endswith("\n") else "\n") + buffer.getvalue()

    with tempfile.TemporaryDirectory(prefix=".review-", dir=paths.data) as scratch:
        trial = Path(scratch) / "curated"
        shutil.copytree(paths.curated, trial)
        (trial / target.name).write_text(updated, encoding="utf-8")
        try:
            validate_project(paths.root, corpus_dirs, curated_dir=trial)
        except ValidationFailed as failure:
            # Name the real file, not the trial copy.
            trial_prefix = str(trial.relative_to(paths.root))
            raise ValidationFailed(
                [replace(p, file=p.file.replace(trial_prefix, "data/curated")) for p in failure.problems]
            ) from None
    staged = target.with_name(f".{target.name}.tmp")
    staged.write_text(updated, encoding="utf-8")
    os.replace(staged, target)
    return target
