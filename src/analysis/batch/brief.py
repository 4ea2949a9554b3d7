"""Make a unit's briefs: execute each language's notebook in a warm kernel, render it, put the
unit's folder in place.

Everything is built in a private folder under reports/.staging and swapped in as reports/<slug>/
at the end, so a brief's notebook, HTML and PDF always belong together. The briefs of the unit's
other languages, when they are not remade, are carried into the new folder as they were (hard
links). A failed brief leaves the executed notebook, stopped at the failing cell (papermill marks
it), and whatever was rendered.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import papermill
from papermill.exceptions import PapermillExecutionError

from analysis.batch import engine
from analysis.batch.atomic import staging_dir, swap_in
from analysis.batch.plan import LANGS, BriefJob, brief_files, brief_stem

CHART_MIMES = ("image/svg+xml", "image/png")


@dataclass
class BriefResult:
    slug: str
    status: str  # "ok" or "failed"
    seconds: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)  # kind -> path relative to reports/
    error: dict | None = None
    record: dict | None = None  # the notebook's brief-record: names, front matter, headline
    lang: str = "en"


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


def twin_front_matter(job: BriefJob) -> dict:
    """`brief.twin`: the link to the same brief in the other language, relative to this one's folder
    (both templates and Quarto's partials show it)."""
    from analysis.render.escape import md_escape
    from analysis.render.i18n import label

    if job.twin is None:
        return {}
    stem = brief_stem(job.slug, job.twin)
    return {"brief": {"twin": {"lang": job.twin, "label": md_escape(label("twin_link", job.lang)),
                               "html": md_escape(f"{stem}.html"), "pdf": md_escape(f"{stem}.pdf")}}}


def adopt_record(notebook: Path, job: BriefJob | None = None) -> dict | None:
    """Put the brief's title block and its twin link into the notebook's front matter, which both
    renderers read."""
    from analysis.render.notebook import write_front_matter

    record = brief_record(notebook)
    updates = dict((record or {}).get("front_matter") or {})
    twin = twin_front_matter(job) if job is not None else {}
    if twin:
        updates["brief"] = {**(updates.get("brief") or {}), **twin["brief"]}
    if updates:
        write_front_matter(notebook, updates)
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


def build_brief(job: BriefJob, stage: Path, kernel: engine.WarmKernel, render,
                timeout: int | None = None) -> BriefResult:
    """One brief, built in `stage` (the unit's staging folder) as `<stem>.ipynb|.html|.pdf`."""
    result = BriefResult(job.slug, "failed", lang=job.lang)
    notebook = stage / f"{job.stem}.ipynb"
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
            result.record = adopt_record(notebook, job)
            result.seconds.update(render(notebook, stage, job.lang))
            missing = [k for k in ("html", "pdf") if not (stage / f"{job.stem}.{k}").is_file()]
            if missing:
                raise RuntimeError(f"the renderer wrote no {' or '.join(missing)}")
            result.status = "ok"
        except Exception as exc:
            result.error = other_error("render", exc)
        result.seconds["render"] = time.perf_counter() - start

    result.outputs = {kind: path for kind, path in job.output_names().items()
                      if (stage / Path(path).name).is_file()}
    result.seconds = {k: round(v, 4) for k, v in result.seconds.items()}
    return result


def carry_over(final: Path, stage: Path, slug: str, langs: set[str]) -> None:
    """Link the files of the unit's briefs in `langs` from its current folder into the new one."""
    if not final.is_dir():
        return
    for lang in langs:
        for path in brief_files(slug, lang).values():
            name = Path(path).name
            if (final / name).is_file() and not (stage / name).exists():
                try:
                    os.link(final / name, stage / name)
                except OSError:  # a file system without hard links
                    shutil.copy2(final / name, stage / name)


def build_unit(jobs: list[BriefJob], reports: Path, kernel: engine.WarmKernel, render,
               timeout: int | None = None) -> list[BriefResult]:
    """The briefs of one unit (one or more languages), then its folder swapped in whole."""
    slug = jobs[0].slug
    stage = staging_dir(reports, slug)
    results = [build_brief(job, stage, kernel, render, timeout) for job in jobs]
    carry_over(reports / jobs[0].folder, stage, slug, set(LANGS) - {job.lang for job in jobs})
    swap_in(stage, reports / jobs[0].folder)
    return results
