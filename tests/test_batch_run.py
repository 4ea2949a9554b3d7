"""Whole runs of `briefs run` on fixture notebooks: failures, skips, changes, kills."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import nbformat
import pytest

from analysis.cli import main
from batch_project import FIXTURES, make_batch_project

pytestmark = pytest.mark.slow


def make_project(root: Path) -> Path:
    return make_batch_project(root, [
        "create table observations as select * from (values ('ha-noi', 1), ('hai-duong', 2), "
        "('hai-phong', 3), ('ha-tinh', 4), ('national', 5)) v(unit, value)",
        "create table targets as select * from (values ('ha-noi', 10), ('hai-duong', 20)) v(unit, value)",
    ])


def load_manifest(root: Path) -> dict:
    return json.loads((root / "reports" / "manifest.json").read_text(encoding="utf-8"))


def statuses(root: Path, lang: str = "en") -> dict:
    manifest = load_manifest(root)
    table = manifest["units"] if lang == "en" else manifest.get("units_by_lang", {}).get(lang, {})
    return {slug: e["status"] for slug, e in table.items()}


def assert_same_in_both_languages(root: Path) -> dict:
    assert statuses(root) == statuses(root, "vi")
    return statuses(root)


def assert_complete(root: Path, slugs) -> None:
    """Every brief, in both languages, parses: notebook by nbformat, HTML to its closing tag, PDF
    to its %%EOF."""
    for slug in slugs:
        folder = root / "reports" / slug
        for stem in (slug, f"{slug}.vi"):
            nb = nbformat.read(folder / f"{stem}.ipynb", as_version=4)
            nbformat.validate(nb)
            assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)
            assert (folder / f"{stem}.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
            assert (folder / f"{stem}.pdf").read_bytes().rstrip().endswith(b"%%EOF")


def test_a_failing_unit_fails_alone_then_reruns_touch_only_what_changed(tmp_path, monkeypatch, capsys):
    """With the real renderer. One kernel-heavy scenario, several runs."""
    root = make_project(tmp_path / "project")
    # Teammates edit the package while this runs; a code change would (rightly) re-render everything.
    monkeypatch.setattr("analysis.batch.runner.code_digest", lambda: "pinned")
    run = ["--root", str(root), "run", "ha-noi", "Hải Dương", "ha-tinh", "national", "--as-of", "2025-08-01",
           "--jobs", "2"]
    monkeypatch.setenv("BRIEFS_FIXTURE_FAIL", "ha-tinh")
    assert main(run) == 1
    assert assert_same_in_both_languages(root) == {"national": "ok", "ha-noi": "ok", "hai-phong": "ok",
                                                   "ha-tinh": "failed"}
    assert_complete(root, ["national", "ha-noi", "hai-phong"])
    failed = load_manifest(root)["units"]["ha-tinh"]
    assert failed["error"]["stage"] == "execute" and "fixture failure for ha-tinh" in failed["error"]["message"]
    broken = nbformat.read(root / "reports" / failed["outputs"]["ipynb"], as_version=4)
    assert broken.cells[failed["error"]["cell"]].outputs[-1]["ename"] == "RuntimeError"
    assert load_manifest(root)["renderer"] == "builtin"
    index = (root / "reports" / "index.html").read_text(encoding="utf-8")
    assert "ha-noi/ha-noi.html" in index and "ha-noi/ha-noi.vi.html" in index and "hai-phong" in index
    err = capsys.readouterr().err
    assert "FAILED" in err and "without encryption" not in err

    monkeypatch.delenv("BRIEFS_FIXTURE_FAIL")
    assert main(run) == 0
    assert assert_same_in_both_languages(root) == {"national": "skipped", "ha-noi": "skipped",
                                                   "hai-phong": "skipped", "ha-tinh": "ok"}

    con = duckdb.connect(str(root / "data" / "processed" / "briefs.duckdb"))
    con.execute("update targets set value = 21 where unit = 'hai-duong'")  # a legacy unit's target
    con.close()
    index_before = (root / "reports" / "index.html").stat().st_mtime_ns
    assert main(run) == 0
    assert assert_same_in_both_languages(root) == {"national": "ok", "ha-noi": "skipped", "hai-phong": "ok",
                                                   "ha-tinh": "skipped"}
    assert (root / "reports" / "index.html").stat().st_mtime_ns != index_before

    started = time.perf_counter()
    assert main(run) == 0
    assert time.perf_counter() - started < 3
    assert set(assert_same_in_both_languages(root).values()) == {"skipped"}
    assert_complete(root, ["national", "ha-noi", "hai-phong", "ha-tinh"])
    assert not list((root / "reports" / ".staging").glob("*"))


def test_a_killed_run_leaves_no_half_brief_and_the_next_run_completes_it(tmp_path):
    root = make_project(tmp_path / "project")
    env = {**os.environ, "BRIEFS_RENDERER": "fake_render:render", "BRIEFS_FIXTURE_SLEEP": "1.5",
           "PYTHONPATH": os.pathsep.join([str(FIXTURES), os.environ.get("PYTHONPATH", "")])}
    units = ["ha-noi", "hai-phong", "ha-tinh", "national"]
    command = [sys.executable, "-m", "analysis", "--root", str(root), "run", *units, "--jobs", "1"]
    process = subprocess.Popen(command, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = root / "reports" / "manifest.json"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if manifest.exists() and "ok" in statuses(root).values():
            break
        time.sleep(0.05)
    else:
        process.kill()
        pytest.fail("the first brief never finished")
    time.sleep(0.7)  # into the middle of the second brief
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    killed_manifest = load_manifest(root)
    finished = [s for s, status in statuses(root).items() if status == "ok"]
    assert 1 <= len(finished) < len(units)
    assert_complete(root, finished)

    env.pop("BRIEFS_FIXTURE_SLEEP")
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    after = statuses(root)
    before_code = {s: e["inputs"]["code"] for s, e in killed_manifest["units"].items()}
    after_code = {s: e["inputs"]["code"] for s, e in load_manifest(root)["units"].items()}
    # Finished briefs are skipped, unless a teammate changed the package in between (then all re-run).
    assert all(after[s] == "skipped" for s in finished if before_code[s] == after_code[s])
    assert all(after[s] == "ok" for s in units if s not in finished)
    assert_complete(root, units)
    assert not list((root / "reports" / ".staging").glob("*"))
    leftovers = {p.name for p in (root / "reports").iterdir()}
    assert leftovers == {*units, "index.html", "manifest.json", ".lock", ".staging"}
