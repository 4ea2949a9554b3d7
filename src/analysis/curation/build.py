"""`briefs build`: load the curated data, check it, extract candidates, save the store.

Load -> process -> save, as in an ETL step: every input is checked before anything is
written, and provenance (source, quote, quote position) is carried into every table.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.curation.checks import (
    SourceTexts,
    check_dates_and_units,
    check_origins,
    check_quotes,
    check_sources,
    load_source_texts,
    source_publication,
)
from analysis.errors import Problem, ValidationFailed
from analysis.curation.facts import Facts, period_end
from analysis.paths import ProjectPaths
from analysis.curation.schema import CURATED_TABLES
from analysis.curation.store import write_store
from analysis.curation.validate import LoadedTable, check_cells, check_foreign_keys, load_curated, load_origins

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class BuildResult:
    counts: dict[str, int]
    unchecked_quotes: list[str]
    seconds: float


@dataclass
class Validated:
    """Curated tables that passed every check, with what the checks learned on the way."""

    paths: ProjectPaths
    units: object
    origins: LoadedTable
    tables: dict[str, LoadedTable]
    texts: SourceTexts
    positions: dict[tuple[str, str], tuple[int, int]]
    external_dirs: list[Path]


def validate_project(
    root: str | Path | None = None, corpus_dirs: list[str | Path] = (), curated_dir: Path | None = None
) -> Validated:
    """Load and check everything; raise ValidationFailed listing every problem.

    `curated_dir` replaces data/curated, so that a change can be checked before it is written.
    """
    from analysis.extract.reading import read_document
    from analysis.reference.units import load_units

    paths = ProjectPaths.at(root)
    external_dirs = [Path(d).resolve() for d in corpus_dirs]
    problems: list[Problem] = []
    for folder in external_dirs:
        if not folder.is_dir():
            problems.append(Problem(str(folder), 0, "--corpus", "not a folder"))
    external_dirs = [d for d in external_dirs if d.is_dir()]

    units = load_units(paths.reference)
    # A slug, or scheme:slug where a merged unit kept a former unit's slug (`2025:hai-phong`).
    unit_slugs = {u.slug for u in units.all()} | {f"{u.scheme}:{u.slug}" for u in units.all()}
    origins = load_origins(paths.origins, paths.root, problems)
    tables = load_curated(curated_dir or paths.curated, paths.root, problems)

    # Cells and keys first, then the rules across tables and texts.
    check_cells(origins, unit_slugs, paths.root, problems)
    for loaded in tables.values():
        check_cells(loaded, unit_slugs, paths.root, problems)
    check_foreign_keys(tables, paths.root, problems)
    check_origins(origins, paths.documents, paths.root, problems)
    check_sources(tables["sources"], origins, paths.root, problems)
    published = source_publication(tables["sources"], origins)
    texts = load_source_texts(tables["sources"], paths.documents, external_dirs, read_document, paths.root, problems)
    positions = check_quotes(tables, texts, paths.root, problems)
    check_dates_and_units(tables, published, paths.root, problems)
    if problems:
        raise ValidationFailed(problems)
    return Validated(paths, units, origins, tables, texts, positions, external_dirs)


def build(root: str | Path | None = None, corpus_dirs: list[str | Path] = ()) -> BuildResult:
    """Validate everything and write data/processed; raise ValidationFailed listing every problem."""
    from analysis.extract.reading import read_document

    started = time.perf_counter()
    # Load and check.
    valid = validate_project(root, corpus_dirs)
    paths = valid.paths

    # Process.
    frames = curated_frames(valid.tables, valid.origins, valid.positions, set(valid.texts.texts))
    frames.update(unit_frames(valid.units))
    corpus_files = _corpus_files(paths.documents, valid.external_dirs)
    frames["corpus"] = corpus_frame(corpus_files, valid.origins, valid.tables["sources"], read_document)
    frames["candidates"] = candidate_frame(corpus_files)
    _sanity_check(frames)

    # Save.
    counts = {name: len(frame) for name, frame in frames.items()}
    summary = {"version": __version__, "counts": counts, "corpus_dirs": [str(d) for d in valid.external_dirs]}
    write_store(paths.processed, frames, summary)
    return BuildResult(counts, valid.texts.unavailable, time.perf_counter() - started)


def curated_frames(
    tables: dict[str, LoadedTable],
    origins: LoadedTable,
    positions: dict[tuple[str, str], tuple[int, int]],
    with_text: set[str],
) -> dict[str, pd.DataFrame]:
    raw = {name: _frame(loaded) for name, loaded in tables.items()}
    origin_frame = _frame(origins)
    raw["sources"] = _sources_with_origins(raw["sources"], origin_frame, with_text)
    facts = Facts.from_frames(**raw, units=pd.DataFrame(), crosswalk=pd.DataFrame())
    frames = {name: getattr(facts, name) for name in raw}
    for name, frame in frames.items():
        if "quote" in frame:
            key = tables[name].table.key
            spans = [positions.get((name, k)) for k in frame[key]]
            frame["quote_start"] = pd.array([s[0] if s else None for s in spans], dtype="Int64")
            frame["quote_end"] = pd.array([s[1] if s else None for s in spans], dtype="Int64")
    frames["origins"] = origin_frame.assign(published_end=origin_frame["date_published"].map(period_end))
    return frames


def _frame(loaded: LoadedTable) -> pd.DataFrame:
    columns = loaded.table.column_names
    return pd.DataFrame([[row[c] for c in columns] for row in loaded.rows], columns=columns, dtype=object)


def _sources_with_origins(sources: pd.DataFrame, origins: pd.DataFrame, with_text: set[str]) -> pd.DataFrame:
    """Corpus sources take title, publisher, date, address and language from their origin record."""
    by_file = origins.set_index("file")
    sources = sources.copy()
    for column in ("title", "publisher", "date_published", "address", "language"):
        from_origin = sources["file"].map(by_file[column]) if len(by_file) else None
        if from_origin is not None:
            is_corpus = sources["kind"] == "corpus"
            sources.loc[is_corpus, column] = from_origin[is_corpus]
    sources["text_available"] = sources["source_id"].isin(with_text)
    return sources


def unit_frames(units) -> dict[str, pd.DataFrame]:
    rows = [
        {
            "slug": u.slug,
            "scheme": u.scheme,
            "code": u.code,
            "name_vi": u.name_vi,
            "official_name_vi": u.official_name_vi,
            "name_en": u.name_en,
            "type": u.type,
        }
        for u in units.all()
    ]
    crosswalk = [
        {"legacy_slug": u.slug, "current_slug": units.current_of(u.slug).slug} for u in units.legacy()
    ]
    return {"units": pd.DataFrame(rows), "crosswalk": pd.DataFrame(crosswalk)}


def _corpus_files(documents_dir: Path, external_dirs: list[Path]) -> list[tuple[str, Path]]:
    files = [("raw", p) for p in sorted(documents_dir.iterdir()) if p.is_file()]
    for folder in external_dirs:
        files += [(str(folder), p) for p in sorted(folder.iterdir()) if p.suffix.lower() in TEXT_SUFFIXES]
    return files


def corpus_frame(files, origins: LoadedTable, sources: LoadedTable, read) -> pd.DataFrame:
    languages = {row["file"]: row["language"] for row in origins.rows}
    source_of = {}
    for row in sources.rows:
        if row["file"]:
            source_of[(row["kind"], row["file"])] = row["source_id"]
    rows = []
    for location, path in files:
        kind = "corpus" if location == "raw" else "external"
        document = read(path)
        rows.append(
            {
                "file": path.name,
                "location": location,
                "source_id": source_of.get((kind, path.name)),
                "language": languages.get(path.name) if kind == "corpus" else None,
                "chars": len(document.text),
                "text": document.text,
            }
        )
    return pd.DataFrame(rows)


def candidate_frame(files) -> pd.DataFrame:
    """Every mention the extractor proposes, with its span, as review candidates."""
    from analysis.extract import extract_files

    frame = extract_files([p for _, p in files])
    return _jsonable(frame)


def _jsonable(frame: pd.DataFrame) -> pd.DataFrame:
    """Mixed-type fields (a value that is a number here, a string there) become text columns."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            kinds = {type(v) for v in frame[column] if v is not None and not (isinstance(v, float) and pd.isna(v))}
            if len(kinds) > 1 or (kinds and not kinds <= {str}):
                frame[column] = frame[column].map(lambda v: None if v is None else str(v))
    return frame


def _sanity_check(frames: dict[str, pd.DataFrame]) -> None:
    """Invariants of the output, not of the input: a failure here is a bug in this module."""
    for table in CURATED_TABLES:
        frame = frames[table.name]
        assert frame[table.key].is_unique, f"{table.name}: duplicate keys after processing"
    assert len(frames["units"]) == 97, "expected 63 legacy and 34 current units"
    assert set(frames["crosswalk"]["current_slug"]) <= set(frames["units"]["slug"])


def build_command(root: str | None = None, corpus_dirs: list[str] = ()) -> int:
    try:
        result = build(root, corpus_dirs)
    except ValidationFailed as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        print(f"briefs build: {len(failure.problems)} problem(s); data/processed left unchanged", file=sys.stderr)
        return 1
    width = max(len(name) for name in result.counts)
    print(f"built data/processed in {result.seconds:.1f} s:")
    for name, count in result.counts.items():
        print(f"  {name:<{width}}  {count:>6}")
    if result.unchecked_quotes:
        print(
            f"note: quotes of {len(result.unchecked_quotes)} external source(s) were not checked "
            "(text not available here; pass --corpus DIR)"
        )
    return 0
