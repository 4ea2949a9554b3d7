"""`briefs run` without kernels: usage errors, the lock, the fingerprints, the manifest."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import duckdb
import pytest

from analysis.batch import command, manifest
from analysis.batch.hashing import DataSlices
from analysis.batch.lock import LockHeld, ReportsLock
from analysis.batch.plan import Target, plan_jobs
from analysis.cli import main
from analysis.reference.units import load_units
from batch_project import REPO, make_batch_project



@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_batch_project(tmp_path, [
        "create table observations as select * from (values ('ha-noi', 1, 'a'), ('hai-duong', 2, 'b'), "
        "('hai-phong', 3, 'c'), ('national', 4, 'd')) v(unit, value, quote)",
        "create table targets as select * from (values ('ha-noi', 10), ('hai-duong', 20)) v(unit, value)",
        "create table indicators as select 'officers' as indicator_id",
    ])


@pytest.mark.parametrize("args, message", [
    (["hanoy"], "closest matches"),
    (["ha-noi", "--as-of", "2025-02-30"], "not a date"),
    (["ha-noi", "--as-of", (dt.date.today() + dt.timedelta(days=1)).isoformat()], "in the future"),
    (["ha-noi", "--lang", "fr"], "en and vi"),
    (["ha-noi", "--lang", "en,fr"], "--lang 'fr'"),
    (["ha-noi", "--lang", "en,"], "use en, vi or en,vi"),
    (["ha-noi", "--lang", ""], "use en, vi or en,vi"),
    (["ha-noi", "--jobs", "0"], "--jobs"),
    ([], "--all"),
])
def test_bad_usage_exits_2_with_one_line(root, capsys, args, message):
    assert main(["--root", str(root), "run", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1
    assert not (root / "reports" / "manifest.json").exists()


def test_legacy_name_resolves_to_its_current_unit_with_a_notice():
    notices = []
    targets = command.select_targets(["Hải Dương", "national", "hai-phong"], False,
                                     load_units(REPO / "data" / "reference"), notices.append)
    assert [t.slug for t in targets] == ["national", "hai-phong"]
    assert "hai-phong" in notices[0] and len(notices) == 1
    assert "hai-duong" in targets[1].data_units


def test_all_is_every_current_unit_and_the_national_overview():
    targets = command.select_targets([], True, load_units(REPO / "data" / "reference"))
    assert len(targets) == 35 and targets[0].slug == "national"


def test_a_held_lock_names_its_holder_and_the_run_exits_1(root, capsys):
    with ReportsLock(root / "reports"):
        with pytest.raises(LockHeld, match=f"pid {os.getpid()}"):
            ReportsLock(root / "reports").acquire()
        assert main(["--root", str(root), "run", "ha-noi"]) == 1
    assert "another briefs run holds" in capsys.readouterr().err
    ReportsLock(root / "reports").acquire().release()  # free again once released


def _slices_after(database: Path, sql: str) -> tuple[DataSlices, DataSlices]:
    before = DataSlices.of_database(database)
    con = duckdb.connect(str(database))
    con.execute(sql)
    con.close()
    return before, DataSlices.of_database(database)


def test_one_units_data_changes_only_its_own_fingerprint(root):
    database = root / "data" / "processed" / "briefs.duckdb"
    merged = ["hai-phong", "hai-duong"]  # hai-duong is legacy: its rows roll up into hai-phong
    for sql in ("update targets set value = 21 where unit = 'hai-duong'",
                "update observations set quote = 'bb' where unit = 'hai-duong'"):
        before, after = _slices_after(database, sql)
        assert before.for_units(["ha-noi"]) == after.for_units(["ha-noi"])
        assert before.for_units(merged) != after.for_units(merged)
        assert before.everything() != after.everything()


def test_a_new_figure_changes_every_fingerprint_since_briefs_rank_units(root):
    database = root / "data" / "processed" / "briefs.duckdb"
    before, after = _slices_after(database, "update observations set value = 5 where unit = 'hai-duong'")
    assert before.for_units(["ha-noi"]) != after.for_units(["ha-noi"])


def test_up_to_date_needs_the_same_hash_and_every_file(root, tmp_path):
    notebook = tmp_path / "nb.ipynb"
    notebook.write_text("{}")
    slices = DataSlices.of_database(root / "data" / "processed" / "briefs.duckdb")
    kwargs = dict(province_notebook=notebook, national_notebook=notebook, as_of="2025-08-01", langs=("en",),
                  database=root / "x.duckdb", slices=slices, code="c", renderer="builtin")
    (job,) = plan_jobs([Target("ha-noi", "Hanoi", ("ha-noi",))], **kwargs)
    (job_vi,) = plan_jobs([Target("ha-noi", "Hanoi", ("ha-noi",))], **{**kwargs, "langs": ("vi",)})
    assert job.inputs_hash != job_vi.inputs_hash
    reports = tmp_path / "reports"
    entry = {"status": "ok", "inputs_hash": job.inputs_hash, "outputs": job.output_names()}
    assert not manifest.is_up_to_date(entry, job, reports)
    for path in job.output_names().values():
        (reports / path).parent.mkdir(parents=True, exist_ok=True)
        (reports / path).write_text("x")
    assert manifest.is_up_to_date(entry, job, reports)
    assert not manifest.is_up_to_date(entry, job_vi, reports)
    assert not manifest.is_up_to_date({**entry, "status": "failed"}, job, reports)


def test_lang_is_one_language_or_both_in_the_order_given():
    assert command.parse_langs(None) == ("en", "vi")
    assert command.parse_langs("vi") == ("vi",)
    assert command.parse_langs(" VI , en,vi") == ("vi", "en")
    with pytest.raises(command.UsageError, match="'sv'"):
        command.parse_langs("sv")


def test_a_brief_links_its_twin_only_when_the_twin_exists(root, tmp_path):
    notebook = tmp_path / "nb.ipynb"
    notebook.write_text("{}")
    slices = DataSlices.of_database(root / "data" / "processed" / "briefs.duckdb")
    target = [Target("ha-noi", "Hanoi", ("ha-noi",))]
    kwargs = dict(province_notebook=notebook, national_notebook=notebook, as_of="2025-08-01",
                  database=root / "x.duckdb", slices=slices, code="c", renderer="builtin")
    en, vi = plan_jobs(target, langs=("en", "vi"), **kwargs)
    assert (en.stem, en.twin, vi.stem, vi.twin) == ("ha-noi", "vi", "ha-noi.vi", "en")
    assert vi.output_names() == {k: f"ha-noi/ha-noi.vi.{k}" for k in ("ipynb", "html", "pdf")}
    (alone,) = plan_jobs(target, langs=("en",), **kwargs)
    (beside,) = plan_jobs(target, langs=("en",), existing=frozenset({("ha-noi", "vi")}), **kwargs)
    assert alone.twin is None and beside.twin == "vi"
    assert alone.inputs_hash != beside.inputs_hash == en.inputs_hash


def test_manifest_keeps_units_for_english_and_other_languages_apart():
    m = {"units": {"ha-noi": {"status": "ok", "parameters": {"lang": "vi"}}}}  # written before two languages
    assert manifest.get(m, "ha-noi", "en") is None  # a Vietnamese brief at the English key is not English
    manifest.put(m, "ha-noi", "en", {"status": "ok"})
    manifest.put(m, "ha-noi", "vi", {"status": "failed"})
    assert m["units"]["ha-noi"] == {"status": "ok", "lang": "en"}
    assert m["units_by_lang"] == {"vi": {"ha-noi": {"status": "failed", "lang": "vi"}}}
    assert list(manifest.entries(m)) == [("ha-noi", "en", m["units"]["ha-noi"]),
                                         ("ha-noi", "vi", m["units_by_lang"]["vi"]["ha-noi"])]


def test_the_code_a_brief_runs_never_imports_what_the_code_digest_leaves_out():
    import subprocess
    import sys

    from analysis.batch.hashing import CODE_EXCLUDED

    probe = ("import sys, analysis.briefs.brief, analysis.briefs.overview, analysis.render.builtin; "
             "print(sorted({m.split('.')[1] for m in sys.modules if m.count('.') and m.startswith('analysis.')}))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert not [part for part in CODE_EXCLUDED if f"'{part}'" in loaded], loaded
