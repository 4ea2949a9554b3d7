"""Make one brief: execute its notebook in a warm kernel, render it, put its folder in place.

Everything is built in a private folder under reports/.staging and swapped in as reports/<slug>/
at the end, so a brief's notebook, HTML and PDF always belong together. A failed brief's folder holds
the executed notebook, stopped at the failing cell (papermill marks it), and whatever was rendered.
"""

from __future__ import annotations

import json
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

from analysis.batch import engine
from analysis.batch.atomic import staging_dir, swap_in
from analysis.batch.plan import BriefJob

CHART_MIMES = ("image/svg+xml", "image/png")


@dataclass
class BriefResult:
    slug: str
    status: str  # "ok" or "failed"
    seconds: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)  # kind -> path relative to reports/
    error: dict | None = None
    record: dict | None = None  # the notebook's brief-record: names, front matter, headline


def execute(job: BriefJob, notebook_out: Path, kernel: engine.WarmKernel, timeout: int | None) -> None:
    kernel.prepare(notebook_out.parent)
    papermill.execute_notebook(
        str(job.notebook),
        str(notebook_out),
        parameters=job.parameters,
        engine_name=engine.ENGINE_NAME,
        warm=kernel,
        kernel_name=kernel.kernel_name,
        progress_bar=False,
        # Saved once at the end (a save per cell costs more than a small brief's cells); a failing
        # cell is still saved, with papermill's error banner.
        request_save_on_cell_execute=False,
        execution_timeout=timeout,
    )


RECORD_TAG = "brief-record"


def brief_record(notebook: Path) -> dict | None:
    """The `application/json` output of the cell tagged brief-record, or None."""
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if RECORD_TAG in cell.metadata.get("tags", []):
            for out in cell.get("outputs", []):
                if "application/json" in out.get("data", {}):
                    # Plain dicts (not NotebookNodes), so the record can go into YAML and JSON.
                    return json.loads(json.dumps(out["data"]["application/json"]))
    return None


def adopt_record(notebook: Path) -> dict | None:
    """Put the brief's title block into the notebook's front matter, which both renderers read."""
    from analysis.render.notebook import write_front_matter

    record = brief_record(notebook)
    if record and record.get("front_matter"):
        write_front_matter(notebook, record["front_matter"])
    return record


def chart_seconds(notebook: Path) -> float:
    """Time spent in cells that drew a chart (papermill records each cell's duration)."""
    nb = nbformat.read(notebook, as_version=4)
    total = 0.0
    for cell in nb.cells:
        if any(mime in out.get("data", {}) for out in cell.get("outputs", []) for mime in CHART_MIMES):
            total += cell.metadata.get("papermill", {}).get("duration") or 0.0
    return total


def execution_error(error: PapermillExecutionError, notebook: Path) -> dict:
    cell = error.cell_index
    try:  # papermill inserts an error banner at the top: find the failing cell where it now is
        nb = nbformat.read(notebook, as_version=4)
        cell = next(i for i, c in enumerate(nb.cells) if c.metadata.get("papermill", {}).get("exception"))
    except (OSError, ValueError, StopIteration):
        pass
    return {
        "stage": "execute",
        "type": error.ename,
        "message": error.evalue,
        "cell": cell,
        "execution_count": error.exec_count,
        "source": (error.source or "")[:500],
    }


def other_error(stage: str, exc: BaseException) -> dict:
    return {
        "stage": stage,
        "type": type(exc).__name__,
        "message": str(exc)[:2000],
        "traceback": "".join(traceback.format_exception(exc))[-4000:],
    }


def build_brief(job: BriefJob, reports: Path, kernel: engine.WarmKernel, render, lang: str,
                timeout: int | None = None) -> BriefResult:
    result = BriefResult(job.slug, "failed")
    stage = staging_dir(reports, job.slug)
    notebook = stage / f"{job.slug}.ipynb"
    start = time.perf_counter()
    try:
        execute(job, notebook, kernel, timeout)
    except PapermillExecutionError as exc:
        result.error = execution_error(exc, notebook)
    except Exception as exc:  # the kernel died, a timeout, an unreadable notebook
        result.error = other_error("execute", exc)
    result.seconds["execute"] = time.perf_counter() - start

    if result.error is None:
        result.seconds["charts"] = chart_seconds(notebook)
        start = time.perf_counter()
        try:
            result.record = adopt_record(notebook)
            result.seconds.update(render(notebook, stage, lang))
            missing = [k for k in ("html", "pdf") if not (stage / f"{job.slug}.{k}").is_file()]
            if missing:
                raise RuntimeError(f"the renderer wrote no {' or '.join(missing)}")
            result.status = "ok"
        except Exception as exc:
            result.error = other_error("render", exc)
        result.seconds["render"] = time.perf_counter() - start

    result.outputs = {
        kind: f"{job.slug}/{job.slug}.{kind}"
        for kind in ("ipynb", "html", "pdf") if (stage / f"{job.slug}.{kind}").is_file()
    }
    swap_in(stage, reports / job.folder)
    result.seconds = {k: round(v, 4) for k, v in result.seconds.items()}
    return result
