"""`briefs build`: every validation rule names file, line and column; failures write nothing."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from analysis.curation.build import build
from analysis.errors import ValidationFailed
from conftest import REPO, append_row, set_cell


def problems_of(root: Path, corpus_dirs=()) -> list[str]:
    with pytest.raises(ValidationFailed) as failure:
        build(root, corpus_dirs)
    return [str(p) for p in failure.value.problems]


def curated(root: Path, table: str) -> Path:
    return root / "data" / "curated" / f"{table}.csv"


def assert_problem(problems: list[str], file: str, line: int, column: str, fragment: str) -> None:
    prefix = f"{file}:{line}: {column}: "
    matching = [p for p in problems if p.startswith(prefix)]
    assert matching, f"no problem at {prefix!r} in:\n" + "\n".join(problems)
    assert any(fragment in p for p in matching), f"{fragment!r} not in {matching}"


def test_repository_data_builds(project: Path) -> None:
    result = build(project)
    assert result.counts["targets"] >= 3
    assert result.counts["units"] == 97
    database = project / "data" / "processed" / "briefs.duckdb"
    con = duckdb.connect(str(database), read_only=True)
    tables = {row[0] for row in con.execute("show tables").fetchall()}
    assert {"sources", "documents", "targets", "observations", "units", "crosswalk", "corpus", "candidates"} <= tables
    quote_start, quote_end, quote = con.execute(
        "select quote_start, quote_end, quote from targets where target_id = 'ha-tinh-model-ward-30pct-2025'"
    ).fetchone()
    text = con.execute("select text from corpus where file = '002_5c8d279e4668fb08.txt'").fetchone()[0]
    assert text[quote_start:quote_end] == quote
    assert (project / "data" / "processed" / "parquet" / "targets.parquet").exists()


@pytest.mark.parametrize(
    ("table", "key", "column", "value", "fragment"),
    [
        ("targets", "ha-tinh-model-ward-30pct-2025", "value", "30%", "is not a number"),
        ("targets", "ha-tinh-model-ward-30pct-2025", "deadline", "31/12/2025", "is not an ISO date"),
        ("targets", "ha-tinh-model-ward-30pct-2025", "deadline", "2025-02-30", "is not an ISO date"),
        ("targets", "ha-tinh-model-ward-30pct-2025", "comparator", "=>", "is not allowed"),
        ("targets", "ha-tinh-model-ward-30pct-2025", "unit", "atlantis", "is not a provincial unit slug"),
        ("targets", "ha-tinh-model-ward-30pct-2025", "quote", "", "required value is empty"),
        ("targets", "ha-tinh-model-ward-30pct-2025", "indicator_id", "no_such_indicator", "is not a indicator_id"),
        ("targets", "ha-tinh-model-ward-30pct-2025", "source_id", "no-such-source", "is not a source_id"),
        ("targets", "ha-tinh-model-ward-30pct-2025", "document_id", "99-NQ/TW", "is not a document_id"),
        ("indicators", "model_ward_police_share", "additive", "yes", "is not true or false"),
        ("observations", "national-commune-officers-2023-03", "date", "March 2023", "is not an ISO date"),
        ("documents", "12-NQ/TW", "type", "XX", "is not allowed"),
        ("sources", "seed-001", "kind", "rumour", "is not allowed"),
    ],
)
def test_cell_rules_name_file_line_column(project, table, key, column, value, fragment) -> None:
    line = set_cell(curated(project, table), key, column, value)
    assert_problem(problems_of(project), f"data/curated/{table}.csv", line, column, fragment)


def test_duplicate_key(project: Path) -> None:
    path = curated(project, "indicators")
    line = append_row(path, {"indicator_id": "model_ward_police_share", "name_en": "x", "name_vi": "x",
                             "measure": "share", "value_unit": "%", "additive": "false", "higher_is_better": "true"})
    assert_problem(problems_of(project), "data/curated/indicators.csv", line, "indicator_id", "duplicate key")


def test_unknown_and_missing_columns(project: Path) -> None:
    path = curated(project, "observations")
    text = path.read_text(encoding="utf-8").replace("qualifier", "qualifer", 1).replace("value_unit,", "", 1)
    path.write_text(text, encoding="utf-8")
    problems = problems_of(project)
    assert_problem(problems, "data/curated/observations.csv", 1, "qualifer", "unknown column")
    assert_problem(problems, "data/curated/observations.csv", 1, "value_unit", "required column is missing")


def test_malformed_row_with_too_many_cells(project: Path) -> None:
    path = curated(project, "targets")
    with path.open("a", encoding="utf-8") as handle:
        handle.write("broken,row,with,too,few\n")
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert_problem(problems_of(project), "data/curated/targets.csv", line, "-", "cells, the header has")


def test_quote_must_occur_in_corpus_text(project: Path) -> None:
    line = set_cell(curated(project, "targets"), "ha-tinh-model-ward-30pct-2025", "quote",
                    "by the end of 2025, at least 40% of ward police units")
    assert_problem(problems_of(project), "data/curated/targets.csv", line, "quote", "does not occur in the text")


def test_quote_checked_in_external_corpus_when_given(project: Path, tmp_path: Path) -> None:
    external = tmp_path / "external"
    external.mkdir()
    (external / "103_haiduong_dang_uy_ca_tinh_quan_triet_nq12_kh118.txt").write_text(
        "A fictional page that does not contain the quote.\n", encoding="utf-8"
    )
    problems = problems_of(project, [external])
    assert any(p.startswith("data/curated/documents.csv:") and "quote does not occur" in p for p in problems)
    # Without the folder the text is not available, and the build passes.
    build(project)


def test_deadline_before_document_date(project: Path) -> None:
    line = set_cell(curated(project, "targets"), "ha-tinh-model-ward-30pct-2025", "deadline", "2022-12-31")
    assert_problem(problems_of(project), "data/curated/targets.csv", line, "deadline", "precedes its document")


def test_observation_dated_after_its_source(project: Path) -> None:
    line = set_cell(curated(project, "observations"), "national-commune-officers-2023-03", "date", "2024-01-01")
    assert_problem(problems_of(project), "data/curated/observations.csv", line, "date", "after its source")


def test_observation_in_its_source_month_is_not_after_it(project: Path) -> None:
    set_cell(curated(project, "observations"), "national-commune-officers-2023-03", "date", "2023-03")
    build(project)


def test_value_unit_mismatch_between_observation_and_indicator(project: Path) -> None:
    line = set_cell(curated(project, "observations"), "national-commune-officers-2023-03", "value_unit", "%")
    assert_problem(problems_of(project), "data/curated/observations.csv", line, "value_unit", "does not match indicator")


def test_value_unit_mismatch_between_target_and_indicator(project: Path) -> None:
    line = set_cell(curated(project, "targets"), "ha-tinh-model-ward-30pct-2025", "value_unit", "officers")
    assert_problem(problems_of(project), "data/curated/targets.csv", line, "value_unit", "does not match indicator")


def test_external_source_needs_its_reference(project: Path) -> None:
    line = set_cell(curated(project, "sources"), "haiduong-tinhuy-nq12-kh118", "address", "")
    assert_problem(problems_of(project), "data/curated/sources.csv", line, "address", "external source needs")


def test_corpus_source_needs_an_origin(project: Path) -> None:
    line = set_cell(curated(project, "sources"), "seed-004", "file", "999_missing.txt")
    assert_problem(problems_of(project), "data/curated/sources.csv", line, "file", "has no origin record")


def test_corpus_file_without_origin_record(project: Path) -> None:
    (project / "data" / "raw" / "documents" / "005_new.txt").write_text("A new fictional document.\n")
    assert_problem(problems_of(project), "data/raw/origins.csv", 1, "file", "has no origin record")


def test_link_to_itself(project: Path) -> None:
    line = set_cell(curated(project, "document_links"), "kh118-implements-nq12", "to_document", "118-KH/ĐUCA")
    assert_problem(problems_of(project), "data/curated/document_links.csv", line, "to_document", "cannot link to itself")


def test_all_problems_are_reported_at_once(project: Path) -> None:
    set_cell(curated(project, "targets"), "ha-tinh-model-ward-30pct-2025", "value", "thirty")
    set_cell(curated(project, "observations"), "national-commune-officers-2023-03", "value", "nearly 60000")
    assert len(problems_of(project)) >= 2


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_failed_build_leaves_previous_store_byte_identical(project: Path) -> None:
    build(project)
    processed = project / "data" / "processed"
    before = {p.relative_to(processed): _digest(p) for p in processed.rglob("*") if p.is_file()}
    set_cell(curated(project, "targets"), "ha-tinh-model-ward-30pct-2025", "value", "30,5")
    with pytest.raises(ValidationFailed):
        build(project)
    after = {p.relative_to(processed): _digest(p) for p in processed.rglob("*") if p.is_file()}
    assert after == before
    leftovers = [p.name for p in (project / "data").iterdir() if p.name.startswith(".processed-")]
    assert leftovers == []


def test_cli_prints_problems_and_exits_nonzero(project: Path) -> None:
    line = set_cell(curated(project, "targets"), "ha-tinh-model-ward-30pct-2025", "deadline", "end of 2025")
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "--root", str(project), "build"],
        capture_output=True, text=True, cwd=REPO,
    )
    assert run.returncode == 1
    assert f"data/curated/targets.csv:{line}: deadline: " in run.stderr
    assert "Traceback" not in run.stderr
    assert not (project / "data" / "processed").exists()


def test_cli_prints_counts_on_success(project: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "analysis", "--root", str(project), "build"],
        capture_output=True, text=True, cwd=REPO,
    )
    assert run.returncode == 0, run.stderr
    assert "targets" in run.stdout and "observations" in run.stdout
    assert "units" in run.stdout
