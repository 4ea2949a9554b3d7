"""The warm engine writes the same record as papermill's own engine, one kernel for many notebooks."""

from __future__ import annotations

from pathlib import Path

import duckdb
import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError

from analysis.batch import engine

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "batch"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kernel():
    warm = engine.WarmKernel().start()
    yield warm
    warm.shutdown()


@pytest.fixture(scope="module")
def database(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("data") / "briefs.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table observations as select * from (values ('ha-noi', 1), ('ha-noi', 2)) v(unit, value)")
    con.close()
    return path


def _run_warm(kernel, notebook: Path, out: Path, parameters: dict) -> nbformat.NotebookNode:
    out.parent.mkdir(parents=True, exist_ok=True)
    kernel.prepare(out.parent)
    papermill.execute_notebook(str(notebook), str(out), parameters=parameters, engine_name="warm",
                               warm=kernel, progress_bar=False)
    return nbformat.read(out, as_version=4)


def _record(nb) -> list:
    """What a reader of the executed notebook sees: sources, counts and outputs, minus timings."""
    return [(c.cell_type, c.source, c.get("execution_count"),
             [{k: v for k, v in o.items() if k != "metadata"} for o in c.get("outputs", [])],
             c.metadata.get("tags", []))
            for c in nb.cells]


def test_warm_engine_writes_what_papermill_writes(kernel, database, tmp_path):
    parameters = {"unit": "ha-noi", "as_of": "2025-08-01", "lang": "vi", "data": str(database)}
    standard = tmp_path / "standard" / "out.ipynb"
    standard.parent.mkdir()
    papermill.execute_notebook(str(FIXTURES / "province_brief.ipynb"), str(standard), parameters=parameters,
                               progress_bar=False, cwd=str(standard.parent))
    warm = _run_warm(kernel, FIXTURES / "province_brief.ipynb", tmp_path / "warm" / "out.ipynb", parameters)
    assert _record(warm) == _record(nbformat.read(standard, as_version=4))
    injected = [c for c in warm.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "unit = \"ha-noi\"" in injected[0].source
    assert warm.metadata.papermill.parameters == parameters
    assert "**ha-noi** as of 2025-08-01 (vi): 2 observations" in str(_record(warm))


def test_each_notebook_gets_a_fresh_namespace_and_its_own_folder(kernel, tmp_path):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("seen = 'leftover' in globals()\nleftover = 1\nimport os\n(seen, os.getcwd())"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    source = tmp_path / "ns.ipynb"
    nbformat.write(nb, source)
    for name in ("a", "b"):
        out = _run_warm(kernel, source, tmp_path / name / "out.ipynb", {})
        cell = out.cells[-1]
        assert cell.execution_count == 1
        assert cell.outputs[0]["data"]["text/plain"] == repr((False, str(tmp_path / name)))


def test_a_failing_cell_is_recorded_and_the_kernel_stays_usable(kernel, database, tmp_path):
    out = tmp_path / "broken" / "out.ipynb"
    with pytest.raises(PapermillExecutionError, match="broken on purpose: ha-noi"):
        _run_warm(kernel, FIXTURES / "broken.ipynb", out, {"unit": "ha-noi"})
    nb = nbformat.read(out, as_version=4)
    failing = [c for c in nb.cells if c.metadata.get("papermill", {}).get("exception")]
    assert len(failing) == 1 and failing[0].outputs[-1]["ename"] == "ValueError"
    assert any("An Exception was encountered" in c.source for c in nb.cells)  # papermill's banner
    assert not any("never runs" in str(c.get("outputs")) for c in nb.cells)
    again = _run_warm(kernel, FIXTURES / "province_brief.ipynb", tmp_path / "after" / "out.ipynb",
                      {"unit": "ha-noi", "data": str(database)})
    assert "2 observations" in str(_record(again))
