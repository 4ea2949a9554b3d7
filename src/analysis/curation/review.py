"""The review loop: machine-extracted candidates that no curated row covers yet, and a
validated way to accept one into data/curated/.

Extraction proposes, people decide. A candidate is covered when a curated row quotes the
same source text over an overlapping span, or (for documents) when the registry already
holds the document it names. Accepting writes the row only if the whole project still
validates with it, through a temporary file and a rename. The fact proposals (whole rows, to
accept with corrections or reject) are reviewed through analysis.curation.review_proposals.
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
from analysis.curation.schema import TABLES_BY_NAME

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
    root: Path | None = None  # the project the database was built from (where accept() writes)


def load_review(database: str | Path | None = None) -> Review:
    """Candidates, corpus texts and curated rows from a built store (data/processed/briefs.duckdb;
    None finds the project's own)."""
    import duckdb

    path = Path(database).resolve() if database else ProjectPaths.at().database
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
        # data/processed/briefs.duckdb sits two folders below the project root.
        root=path.parents[2] if path.parent.name == "processed" else None,
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

    unit:   keep sources that mention this unit (a slug or any name `briefs units` resolves, of
            either scheme; a 2025 unit also keeps the sources naming the old units it absorbed)
    source: keep one source file (its name)
    covered: False keeps only the candidates that no curated row covers yet
    """
    candidates = review.candidates.copy()
    if source:
        candidates = candidates[candidates["source"] == source]
    places = review.candidates[review.candidates["kind"] == "place"]
    if unit:
        unit = unit_slug(unit, review.root)
        naming = places[(places["unit"] == unit) | (places.get("current") == unit)]["source"].unique()
        candidates = candidates[candidates["source"].isin(naming)]
    texts = dict(zip(review.corpus["file"], review.corpus["text"]))
    spans = _quoted_spans(review)
    registry = set(review.curated["documents"]["document_id"])
    named = places.groupby("source")["unit"].agg(lambda u: set(u.dropna()))  # local keys: unit:number
    covering, sentences = [], []
    for row in candidates.itertuples(index=False):
        text = texts.get(row.source, "")
        sentences.append(sentence_around(text, int(row.start), int(row.end)) if text else "")
        rows = [label for s, e, label in spans.get(row.source, []) if s < int(row.end) and int(row.start) < e]
        if row.kind == "document" and isinstance(getattr(row, "id", None), str):
            keys = {row.id} | {f"{u}:{row.id}" for u in named.get(row.source, set())}
            rows += [f"documents:{k}" for k in sorted(keys & registry)]
        covering.append(", ".join(dict.fromkeys(rows)))  # each row once, in order
    candidates["sentence"] = sentences
    candidates["covered_by"] = covering
    candidates["would_fill"] = candidates["kind"].map(FILLS)
    if not covered:
        candidates = candidates[candidates["covered_by"] == ""]
    return candidates.reset_index(drop=True)


def unit_slug(name: str, root: str | Path | None = None) -> str:
    """The slug of a unit given by slug or name ("Quảng Nam" -> quang-nam); unknown names pass through."""
    from analysis.reference.units import UnitNotFound, load_units

    try:
        return load_units(ProjectPaths.at(root).reference).resolve(name).unit.slug
    except UnitNotFound:
        return name


def source_id_of(review: Review, file: str) -> str:
    """The curated source citing a corpus file, or '' when none does yet (add it to sources first)."""
    match = review.corpus.loc[review.corpus["file"] == file, "source_id"].dropna()
    return str(match.iloc[0]) if len(match) else ""


def coverage_by_source(review: Review, unit: str | None = None, source: str | None = None) -> pd.DataFrame:
    """Per source file: how many candidates the extractor proposed, and how many no curated row covers yet."""
    every = candidate_table(review, unit=unit, source=source, covered=True)
    every["uncovered"] = every["covered_by"] == ""
    counts = every.groupby("source").agg(candidates=("kind", "size"), uncovered=("uncovered", "sum"))
    counts["source_id"] = [source_id_of(review, name) for name in counts.index]
    return counts.reset_index()


def draft_row(
    review: Review, candidate: pd.Series, source_id: str | None = None, table: str | None = None, **fields
) -> dict[str, str]:
    """A curated row drafted from a candidate: the sentence becomes the quote; `fields` fill
    or override the rest (a person reads and completes it before accepting). `source_id`
    defaults to the source citing the candidate's file; `table` to the one the candidate's
    kind fills (a quantity may also become a target, when a person reads it as a promise)."""
    table = table or FILLS.get(candidate["kind"])
    if table not in ("documents", "targets", "observations"):
        raise ValueError(f"a {candidate['kind']} candidate fills no table of its own")
    if source_id is None:
        source_id = source_id_of(review, candidate["source"])
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


def draft_rows(review: Review, candidates: pd.DataFrame, limit: int = 3) -> dict[str, pd.DataFrame]:
    """Drafts for up to `limit` candidates per table they would fill (documents, targets,
    observations): per table, one line per draft, the candidate's text first, then the
    table's columns (the empty ones for a person to complete)."""
    drafts: dict[str, pd.DataFrame] = {}
    for kind in ("document", "target", "quantity"):
        chosen = candidates[candidates["kind"] == kind].head(limit)
        if len(chosen):
            rows = [{"candidate": c["text"], **draft_row(review, c)} for _, c in chosen.iterrows()]
            drafts[FILLS[kind]] = pd.DataFrame(rows)
    return drafts


def _plain_number(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def accept(table: str, row: dict[str, str], root: str | Path | None = None, corpus_dirs=()) -> Path:
    """Append `row` to data/curated/<table>.csv if the whole project validates with it.

    Raises ValidationFailed (naming file, line and column) and writes nothing otherwise.
    corpus_dirs: folders of external texts whose quotes to check, as `briefs build --corpus`;
    a relative folder is read from the project root.
    """
    from analysis.curation.build import validate_project

    if table not in TABLES_BY_NAME or table == "origins":
        raise ValueError(f"unknown curated table {table!r}")
    paths = ProjectPaths.at(root)
    corpus_dirs = [paths.root / d for d in corpus_dirs]  # an absolute d stays as it is
    columns = TABLES_BY_NAME[table].column_names
    unknown = set(row) - set(columns)
    if unknown:
        raise ValueError(f"{table}: unknown column(s) {', '.join(sorted(unknown))}")
    target = paths.curated / f"{table}.csv"
    existing = target.read_bytes().decode("utf-8")  # bytes: keep the file's own line endings
    newline = "\r\n" if "\r\n" in existing else "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerow([row.get(c, "") for c in columns])
    updated = (existing + ("" if existing.endswith("\n") else newline) + buffer.getvalue()).encode("utf-8")

    with tempfile.TemporaryDirectory(prefix=".review-", dir=paths.data) as scratch:
        trial = Path(scratch) / "curated"
        shutil.copytree(paths.curated, trial)
        (trial / target.name).write_bytes(updated)
        try:
            validate_project(paths.root, corpus_dirs, curated_dir=trial)
        except ValidationFailed as failure:
            # Name the real file, not the trial copy.
            trial_prefix = str(trial.relative_to(paths.root))
            raise ValidationFailed(
                [replace(p, file=p.file.replace(trial_prefix, "data/curated")) for p in failure.problems]
            ) from None
    staged = target.with_name(f".{target.name}.tmp")
    staged.write_bytes(updated)
    os.replace(staged, target)
    return target


def accept_all(rows, root: str | Path | None = None, corpus_dirs=()) -> pd.DataFrame:
    """accept() each (table, row) pair in turn; one line per row written (table, key, file).
    Stops at the first row that does not validate (rows before it stay written)."""
    written = []
    for table, row in rows:
        path = accept(table, row, root=root, corpus_dirs=corpus_dirs)
        key = TABLES_BY_NAME[table].key
        written.append({"table": table, "key": row.get(key, ""), "file": str(path)})
    return pd.DataFrame(written, columns=["table", "key", "file"])
