"""A scratch project for `briefs run` tests: the fixture notebooks and a tiny hand-made store."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "batch"


def make_batch_project(root: Path, tables: list[str]) -> Path:
    """`root` with data/reference linked, data/processed/briefs.duckdb made by the `tables`
    statements, and the fixture notebooks in notebooks/."""
    (root / "data" / "processed").mkdir(parents=True)
    os.symlink(REPO / "data" / "reference", root / "data" / "reference")
    con = duckdb.connect(str(root / "data" / "processed" / "briefs.duckdb"))
    for statement in tables:
        con.execute(statement)
    con.close()
    (root / "notebooks").mkdir()
    for name in ("province_brief.ipynb", "national_overview.ipynb"):
        (root / "notebooks" / name).write_bytes((FIXTURES / name).read_bytes())
    return root
