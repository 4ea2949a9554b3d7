"""Write the processed store atomically: a DuckDB database plus one Parquet file a table.

Everything is written into a fresh folder beside data/processed, then swapped in with
renames. A build that fails at any point leaves the previous data/processed untouched,
byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

DATABASE_NAME = "briefs.duckdb"
SUMMARY_NAME = "build.json"


def write_store(processed: Path, frames: dict[str, pd.DataFrame], summary: dict) -> None:
    parent = processed.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".processed-new-", dir=parent))
    try:
        _write_database(staging / DATABASE_NAME, frames)
        parquet = staging / "parquet"
        parquet.mkdir()
        for name, frame in frames.items():
            frame.to_parquet(parquet / f"{name}.parquet", index=False)
        (staging / SUMMARY_NAME).write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str) + "\n")
        _swap_in(staging, processed)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_database(path: Path, frames: dict[str, pd.DataFrame]) -> None:
    import duckdb

    con = duckdb.connect(str(path))
    try:
        for name, frame in frames.items():
            con.register("frame", frame)
            con.execute(f'create table "{name}" as select * from frame')
            con.unregister("frame")
        con.execute("checkpoint")
    finally:
        con.close()


def _swap_in(staging: Path, processed: Path) -> None:
    """Replace `processed` by `staging` with two renames; the old folder is removed last."""
    retired = None
    if processed.exists():
        retired = Path(tempfile.mkdtemp(prefix=".processed-old-", dir=processed.parent))
        os.rmdir(retired)
        os.replace(processed, retired)
    try:
        os.replace(staging, processed)
    except BaseException:
        if retired is not None:
            os.replace(retired, processed)
        raise
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
