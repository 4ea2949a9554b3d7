"""Validate the curated tables against their declared schemas and against each other.

Every problem is collected, never just the first, as a Problem(file, line, column,
message): the line is the CSV line a person opens in an editor (the header is line 1).
Nothing here writes files: the store writes only what validated.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import Problem
from analysis.curation.schema import CURATED_TABLES, ORIGINS, Table

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BAD_ID = re.compile(r"^\s|\s$|[\r\n]")


@dataclass
class Row:
    line: int
    values: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class LoadedTable:
    table: Table
    path: Path
    rows: list[Row] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.path.name if self.path.parent.name in ("curated", "raw") else str(self.path)

    def by_key(self) -> dict[str, Row]:
        return {row[self.table.key]: row for row in self.rows if row[self.table.key]}


def read_table(path: Path, table: Table, root: Path, problems: list[Problem]) -> LoadedTable:
    """Read one CSV, checking its header; cell values stay strings ('' when empty)."""
    shown = shown_path(path, root)
    loaded = LoadedTable(table, path)
    if not path.exists():
        problems.append(Problem(shown, 1, "-", f"missing file: the {table.name} table is required"))
        return loaded
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            problems.append(Problem(shown, 1, "-", "empty file: expected a header row"))
            return loaded
        header = [h.strip() for h in header]
        for name in header:
            if name not in table.column_names:
                problems.append(Problem(shown, 1, name, f"unknown column (expected: {', '.join(table.column_names)})"))
        for col in table.columns:
            if col.required and col.name not in header:
                problems.append(Problem(shown, 1, col.name, "required column is missing from the header"))
        line = reader.line_num
        while True:
            start_line = line + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                problems.append(Problem(shown, start_line, "-", f"malformed CSV: {error}"))
                break
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                problems.append(
                    Problem(shown, start_line, "-", f"row has {len(cells)} cells, the header has {len(header)}")
                )
                continue
            loaded.rows.append(Row(start_line, dict(zip(header, cells))))
    return loaded


def check_cells(loaded: LoadedTable, unit_slugs: set[str], root: Path, problems: list[Problem]) -> None:
    """Types, required values, allowed values and key uniqueness, cell by cell."""
    shown = shown_path(loaded.path, root)
    seen: dict[str, int] = {}
    for row in loaded.rows:
        for col in loaded.table.columns:
            value = row[col.name]
            if value == "":
                if col.required:
                    problems.append(Problem(shown, row.line, col.name, "required value is empty"))
                continue
            message = _type_error(col.type, value, unit_slugs)
            if message:
                problems.append(Problem(shown, row.line, col.name, message))
            elif col.allowed and value not in col.allowed:
                problems.append(
                    Problem(shown, row.line, col.name, f"{value!r} is not allowed (allowed: {', '.join(col.allowed)})")
                )
        key = row[loaded.table.key]
        if key:
            if key in seen:
                problems.append(
                    Problem(shown, row.line, loaded.table.key, f"duplicate key {key!r} (first on line {seen[key]})")
                )
            else:
                seen[key] = row.line


def _type_error(kind: str, value: str, unit_slugs: set[str]) -> str | None:
    if kind == "id" and BAD_ID.search(value):
        return f"{value!r} is not a valid key: no leading/trailing spaces or line breaks"
    if kind == "number" and not NUMBER.match(value):
        return f"{value!r} is not a number (write 30000 or 30.5: a dot for decimals, no separators)"
    if kind == "bool" and value not in ("true", "false"):
        return f"{value!r} is not true or false"
    if kind == "date":
        if not FULL_DATE.match(value) or _parse_date(value) is None:
            return f"{value!r} is not an ISO date (YYYY-MM-DD)"
    if kind == "pdate" and _parse_date(value) is None:
        return f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if kind == "unit" and value != "national" and value not in unit_slugs:
        return f"{value!r} is not a provincial unit slug of either scheme, nor 'national'"
    return None


def _parse_date(value: str) -> dt.date | None:
    match = PARTIAL_DATE.match(value)
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def check_foreign_keys(tables: dict[str, LoadedTable], root: Path, problems: list[Problem]) -> None:
    for loaded in tables.values():
        shown = shown_path(loaded.path, root)
        for col in loaded.table.columns:
            if not col.references:
                continue
            target_table, target_column = col.references.split(".")
            known = {row[target_column] for row in tables[target_table].rows}
            for row in loaded.rows:
                value = row[col.name]
                if value and value not in known:
                    problems.append(
                        Problem(shown, row.line, col.name, f"{value!r} is not a {target_column} in {target_table}.csv")
                    )


def shown_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def load_curated(curated_dir: Path, root: Path, problems: list[Problem]) -> dict[str, LoadedTable]:
    return {t.name: read_table(curated_dir / t.file, t, root, problems) for t in CURATED_TABLES}


def load_origins(origins_path: Path, root: Path, problems: list[Problem]) -> LoadedTable:
    return read_table(origins_path, ORIGINS, root, problems)


def parse_date(value: str) -> dt.date | None:
    """The first day of an ISO date at any precision, or None."""
    return _parse_date(value) if value else None
