"""Shared fixtures: a throw-away copy of the project's data to break and build."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def copy_project(destination: Path) -> Path:
    """Copy what `briefs build` reads (data/raw, data/curated, data/reference) into `destination`."""
    for part in ("raw", "curated", "reference"):
        shutil.copytree(REPO / "data" / part, destination / "data" / part)
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def database(tmp_path_factory) -> Path:
    """The store `briefs build` makes from the repository's own data, built once per test run."""
    from analysis.curation.build import build

    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    build(root)
    return root / "data" / "processed" / "briefs.duckdb"


def plain(markdown: str) -> str:
    """The text a reader sees: Markdown escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)


def set_cell(path: Path, key: str, column: str, value: str) -> int:
    """Set one cell of the row whose first column is `key`; return that row's line number."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    for index, row in enumerate(rows[1:], start=2):
        if row[0] == key:
            row[header.index(column)] = value
            break
    else:
        raise KeyError(key)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return index


def append_row(path: Path, values: dict[str, str]) -> int:
    """Append a row (missing columns empty); return its line number."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows.append([values.get(column, "") for column in rows[0]])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return len(rows)


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, one per test module (see tests/browser.py)."""
    from browser import launch

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()
