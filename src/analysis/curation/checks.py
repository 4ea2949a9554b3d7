"""Rules across curated tables: sources and their texts, quotes, dates, units of measure.

Each check appends Problem(file, line, column, message) and returns nothing; the caller
decides whether anything may be written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import InputError, Problem
from analysis.curation.facts import period_end, period_start
from analysis.curation.quotes import locate
from analysis.curation.validate import LoadedTable, shown_path

QUOTED_TABLES = ("documents", "document_links", "targets", "observations")


@dataclass
class SourceTexts:
    """The decoded text of each source whose text is available, by source_id."""

    texts: dict[str, str] = field(default_factory=dict)
    unavailable: list[str] = field(default_factory=list)


def check_origins(origins: LoadedTable, documents_dir: Path, root: Path, problems: list[Problem]) -> None:
    shown = shown_path(origins.path, root)
    listed = {row["file"]: row for row in origins.rows}
    on_disk = {p.name for p in documents_dir.iterdir() if p.is_file()} if documents_dir.is_dir() else set()
    for name, row in listed.items():
        if name not in on_disk:
            problems.append(Problem(shown, row.line, "file", f"{name!r} is not in {shown_path(documents_dir, root)}"))
    for name in sorted(on_disk - set(listed)):
        problems.append(Problem(shown, 1, "file", f"{name!r} in the corpus has no origin record"))


def check_sources(
    sources: LoadedTable, origins: LoadedTable, root: Path, problems: list[Problem]
) -> None:
    shown = shown_path(sources.path, root)
    origin_files = {row["file"] for row in origins.rows}
    for row in sources.rows:
        if row["kind"] == "corpus":
            if not row["file"]:
                problems.append(Problem(shown, row.line, "file", "a corpus source names its file in data/raw/documents"))
            elif row["file"] not in origin_files:
                problems.append(
                    Problem(shown, row.line, "file", f"{row['file']!r} has no origin record in data/raw/origins.csv")
                )
        elif row["kind"] == "external":
            for column in ("title", "publisher", "date_published", "address"):
                if not row[column]:
                    problems.append(Problem(shown, row.line, column, "an external source needs a value here"))


def source_publication(sources: LoadedTable, origins: LoadedTable) -> dict[str, str]:
    """source_id -> date published as written (corpus sources take it from origins)."""
    origin_dates = {row["file"]: row["date_published"] for row in origins.rows}
    return {
        row["source_id"]: (origin_dates.get(row["file"], "") if row["kind"] == "corpus" else row["date_published"])
        for row in sources.rows
    }


def load_source_texts(
    sources: LoadedTable,
    documents_dir: Path,
    corpus_dirs: list[Path],
    read,
    root: Path,
    problems: list[Problem],
) -> SourceTexts:
    """Read the text of every source that has one here: corpus files, and external
    sources whose file is found in one of the --corpus folders."""
    found = SourceTexts()
    shown = shown_path(sources.path, root)
    for row in sources.rows:
        name = row["file"]
        candidates = [documents_dir / name] if row["kind"] == "corpus" else [d / name for d in corpus_dirs]
        path = next((p for p in candidates if name and p.is_file()), None)
        if path is None:
            if row["kind"] == "external":
                found.unavailable.append(row["source_id"])
            continue
        try:
            found.texts[row["source_id"]] = read(path).text
        except InputError as error:
            problems.append(Problem(shown, row.line, "file", str(error)))
    return found


def check_quotes(
    tables: dict[str, LoadedTable], texts: SourceTexts, root: Path, problems: list[Problem]
) -> dict[tuple[str, str], tuple[int, int]]:
    """Every quote must occur in its source's text whenever that text is available.
    Returns the position of each quote found, by (table, key)."""
    positions: dict[tuple[str, str], tuple[int, int]] = {}
    for name in QUOTED_TABLES:
        loaded = tables[name]
        shown = shown_path(loaded.path, root)
        for row in loaded.rows:
            text = texts.texts.get(row["source_id"])
            if text is None or not row["quote"]:
                continue
            span = locate(row["quote"], text)
            if span is None:
                problems.append(
                    Problem(shown, row.line, "quote", f"quote does not occur in the text of source {row['source_id']!r}")
                )
            else:
                positions[(name, row[loaded.table.key])] = span
    return positions


def check_dates_and_units(tables: dict[str, LoadedTable], published: dict[str, str], root: Path, problems: list[Problem]) -> None:
    documents = tables["documents"].by_key()
    indicators = tables["indicators"].by_key()

    targets = tables["targets"]
    shown = shown_path(targets.path, root)
    for row in targets.rows:
        document = documents.get(row["document_id"])
        if document and document["date_issued"] and row["deadline"]:
            if _safe(period_end, row["deadline"]) and _safe(period_start, document["date_issued"]):
                if period_end(row["deadline"]) < period_start(document["date_issued"]):
                    problems.append(
                        Problem(
                            shown,
                            row.line,
                            "deadline",
                            f"deadline {row['deadline']} precedes its document {row['document_id']} "
                            f"dated {document['date_issued']}",
                        )
                    )
        _check_value_unit(row, indicators, shown, problems)

    observations = tables["observations"]
    shown = shown_path(observations.path, root)
    for row in observations.rows:
        source_date = published.get(row["source_id"], "")
        if row["date"] and source_date and _safe(period_start, row["date"]) and _safe(period_end, source_date):
            if period_start(row["date"]) > period_end(source_date):
                problems.append(
                    Problem(
                        shown,
                        row.line,
                        "date",
                        f"figure dated {row['date']} is after its source {row['source_id']} was published ({source_date})",
                    )
                )
        _check_value_unit(row, indicators, shown, problems)

    links = tables["document_links"]
    shown = shown_path(links.path, root)
    for row in links.rows:
        if row["from_document"] and row["from_document"] == row["to_document"]:
            problems.append(Problem(shown, row.line, "to_document", "a document cannot link to itself"))


def _check_value_unit(row, indicators, shown: str, problems: list[Problem]) -> None:
    indicator = indicators.get(row["indicator_id"])
    if indicator and row["value_unit"] and row["value_unit"] != indicator["value_unit"]:
        problems.append(
            Problem(
                shown,
                row.line,
                "value_unit",
                f"{row['value_unit']!r} does not match indicator {row['indicator_id']!r}, "
                f"measured in {indicator['value_unit']!r}",
            )
        )


def _safe(parse, value: str) -> bool:
    try:
        return parse(value) is not None
    except (ValueError, TypeError):
        return False
