"""Fingerprints of what a brief is made from, so that an unchanged brief is not made again.

A brief's inputs: its notebook template, its parameters, its slice of the data, the code of the
`analysis` package (version and source: briefs call the library) and the renderer. The data slice
is per unit, so that new data about one unit re-renders that unit (and the index) only:

- a table with a `unit` column contributes the rows of the unit, of the legacy units it absorbed,
  and of `national` (every brief shows the national frame);
- a table without one (sources, indicators, links) is shared: a change there re-renders every brief;
- columns that briefs compare across units (a brief ranks its unit among the others on each
  indicator: analysis.progress.compare.unit_ranks) are shared too: a new figure for one unit can move every
  unit's rank, so it re-renders every brief; a new quote, note, target or document does not;
- the national overview depends on every row.

`DataSlices` holds one digest per (table, unit) computed in one pass over the database, so the cost is
one query per table whatever the number of briefs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

NATIONAL = "national"
UNIT_COLUMN = "unit"
# Parts of the package that shape no brief: the batch runner itself, the benchmark, and the
# extractor (briefs read the store, whose content is hashed as data; a brief never imports
# analysis.extract, which tests/test_batch_usage.py checks).
CODE_EXCLUDED = ("batch", "bench", "extract")
# What ranks are computed from (analysis.progress.compare): shared by every brief.
COMPARED = {"observations": ("unit", "indicator_id", "value", "value_unit", "qualifier", "total", "date",
                             "source_id")}


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def json_digest(value) -> str:
    return digest(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str))


def code_digest(package_dir: Path | None = None) -> str:
    """The package's source and templates, so that a library change re-renders the briefs it shapes."""
    import analysis

    base = Path(package_dir or Path(analysis.__file__).parent)
    files = sorted(
        p for p in base.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".pyc",)
        and p.relative_to(base).parts[0] not in CODE_EXCLUDED
    )
    return digest(*(f"{p.relative_to(base).as_posix()}:{file_digest(p)}" for p in files))


@dataclass
class DataSlices:
    """Per-unit digests of a DuckDB database (see the module's docstring)."""

    shared: dict[str, str] = field(default_factory=dict)  # table -> digest of the whole table
    by_unit: dict[str, dict[str, str]] = field(default_factory=dict)  # table -> unit -> digest

    @classmethod
    def of_database(cls, database: Path, compared: dict[str, tuple[str, ...]] = COMPARED) -> "DataSlices":
        import duckdb

        slices = cls()
        con = duckdb.connect(str(database), read_only=True)
        try:
            tables = con.execute(
                "select table_name, list(column_name) from information_schema.columns "
                "where table_schema = 'main' group by table_name order by table_name"
            ).fetchall()
            for table, columns in tables:
                quoted = '"' + table.replace('"', '""') + '"'
                # A row's text form (DuckDB prints a row as a struct) is enough to notice any change.
                row_text = f"{quoted}::varchar"
                if UNIT_COLUMN in columns:
                    rows = con.execute(
                        f"select coalesce({UNIT_COLUMN}::varchar, ''), "
                        f"md5(string_agg({row_text}, chr(10) order by {row_text})) "
                        f"from {quoted} group by all"
                    ).fetchall()
                    slices.by_unit[table] = dict(rows)
                    kept = [c for c in compared.get(table, ()) if c in columns]
                    if kept:
                        projection = "row(" + ", ".join(f'"{c}"' for c in kept) + ")::varchar"
                        (value,) = con.execute(
                            f"select md5(coalesce(string_agg({projection}, chr(10) order by {projection}), '')) "
                            f"from {quoted}"
                        ).fetchone()
                        slices.shared[f"{table}:compared"] = value
                else:
                    (value,) = con.execute(
                        f"select md5(coalesce(string_agg({row_text}, chr(10) order by {row_text}), '')) "
                        f"from {quoted}"
                    ).fetchone()
                    slices.shared[table] = value
        finally:
            con.close()
        return slices

    def for_units(self, units: list[str]) -> str:
        """The digest of the rows about `units` (plus national rows and shared tables)."""
        keys = sorted({*units, NATIONAL})
        parts = [f"shared:{t}:{d}" for t, d in sorted(self.shared.items())]
        for table, groups in sorted(self.by_unit.items()):
            parts += [f"{table}:{k}:{groups[k]}" for k in keys if k in groups]
        return digest(*parts)

    def everything(self) -> str:
        parts = [f"shared:{t}:{d}" for t, d in sorted(self.shared.items())]
        for table, groups in sorted(self.by_unit.items()):
            parts += [f"{table}:{k}:{d}" for k, d in sorted(groups.items())]
        return digest(*parts)
