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


def write_fictional_reference(folder: Path) -> Path:
    """data/reference for the fictional units of tests/fictional.py (two of them merged in 2025)."""
    import csv

    from fictional import fictional_units

    units, crosswalk = fictional_units()
    folder.mkdir(parents=True, exist_ok=True)
    columns = ["scheme", "code", "slug", "name_vi", "official_name_vi", "name_en", "type", "valid_from", "valid_to"]
    with (folder / "units.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        for row in units.to_dict("records"):
            legacy = row["scheme"] == "legacy"
            writer.writerow({**row, "valid_from": "" if legacy else "2025-07-01",
                             "valid_to": "2025-06-30" if legacy else ""})
    by_slug = {(r["scheme"], r["slug"]): r for r in units.to_dict("records")}
    with (folder / "crosswalk.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["legacy_code", "legacy_slug", "legacy_name_vi", "current_code", "current_slug",
                         "current_name_vi"])
        for legacy, current in crosswalk.itertuples(index=False):
            old, new = by_slug[("legacy", legacy)], by_slug[("2025", current)]
            writer.writerow([old["code"], legacy, old["name_vi"], new["code"], current, new["name_vi"]])
    (folder / "aliases.csv").write_text("scheme,slug,alias,kind,source\n", encoding="utf-8")
    (folder / "unit_types.csv").write_text("scheme,slug,type,official_name_vi,valid_from,valid_to\n",
                                           encoding="utf-8")
    return folder


def write_store(database: Path, facts) -> None:
    """A processed store holding `facts` (a Facts bundle) as load_facts() reads it back."""
    database.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(database))
    try:
        for name in ("sources", "documents", "document_links", "indicators", "targets", "observations",
                     "units", "crosswalk"):
            frame = getattr(facts, name)
            con.register("frame", frame)
            con.execute(f'create or replace table "{name}" as select * from frame')
            con.unregister("frame")
    finally:
        con.close()


def make_fictional_project(root: Path, facts) -> Path:
    """A scratch project of the fictional units only: their reference data, a store of `facts`,
    and the fixture notebooks. `briefs run --all` there makes the 7 fictional units and national."""
    write_fictional_reference(root / "data" / "reference")
    write_store(root / "data" / "processed" / "briefs.duckdb", facts)
    (root / "notebooks").mkdir()
    for name in ("province_brief.ipynb", "national_overview.ipynb"):
        (root / "notebooks" / name).write_bytes((FIXTURES / name).read_bytes())
    return root
