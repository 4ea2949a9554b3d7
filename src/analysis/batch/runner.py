"""A batch run: lock reports/, plan, skip what is up to date, make the rest in parallel, write the index.

The manifest is saved after every brief, the index at the end. Exit code: 0 when every brief was
written, 1 when any failed (the others are still written).
"""

from __future__ import annotations

import datetime as dt
import os
import time
from concurrent.futures import as_completed
from dataclasses import dataclass, field
from pathlib import Path

from analysis.batch import manifest as manifests
from analysis.batch.atomic import clear_staging
from analysis.batch.hashing import DataSlices, code_digest, json_digest
from analysis.batch.lock import ReportsLock
from analysis.batch.plan import NATIONAL, BriefJob, Target, plan_jobs
from analysis.batch.progress import Progress
from analysis.batch.rendering import choose_renderer, render_index
from analysis.paths import ProjectPaths

PROVINCE_NOTEBOOK = "province_brief.ipynb"
NATIONAL_NOTEBOOK = "national_overview.ipynb"
INDEX_NAME = "index.html"


@dataclass
class BatchRequest:
    paths: ProjectPaths
    targets: list[Target]
    as_of: str
    lang: str = "en"
    jobs: int = 1
    force: bool = False
    province_notebook: Path | None = None  # default: notebooks/province_brief.ipynb
    national_notebook: Path | None = None  # default: notebooks/national_overview.ipynb
    renderer: str | None = None  # default: choose_renderer()
    interactive: bool | None = None  # progress bar; default: when stderr is a terminal
    warm_up_code: str = ""  # run once in each warm kernel (e.g. to load data)


@dataclass
class BatchOutcome:
    exit_code: int
    manifest: dict
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    seconds: dict = field(default_factory=dict)


def _entry(job: BriefJob, result, renderer: str) -> dict:
    return {
        "slug": job.slug,
        "title": job.title,
        "status": result.status,
        "inputs_hash": job.inputs_hash,
        "inputs": job.inputs,
        "parameters": {k: v for k, v in job.parameters.items() if k != "data"},
        "renderer": renderer,
        "seconds": result.seconds,
        "outputs": result.outputs,
        "error": result.error,
        "record": result.record,
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def _index_entries(units: dict) -> list[dict]:
    """What the index shows: a brief left unchanged is shown as the "ok" brief it is."""
    ordered = sorted(units.values(), key=lambda e: (e["slug"] != NATIONAL, e.get("title") or e["slug"]))
    return [{**e, "status": "ok" if e.get("status") == "skipped" else e.get("status")} for e in ordered]


def _write_index(reports: Path, manifest: dict) -> bool:
    """Write reports/index.html unless what it shows is unchanged; True when written."""
    entries = _index_entries(manifest["units"])
    stable = [{k: e.get(k) for k in ("slug", "title", "status", "inputs_hash", "outputs", "error", "record")}
              for e in entries]
    digest = json_digest(stable)
    index = reports / INDEX_NAME
    if index.is_file() and (manifest.get("index") or {}).get("inputs_hash") == digest:
        return False
    tmp = reports / f".{INDEX_NAME}.{os.getpid()}.tmp"
    try:
        render_index(entries, tmp, manifest.get("lang") or "en")
        os.replace(tmp, index)
    finally:
        tmp.unlink(missing_ok=True)
    manifest["index"] = {"path": INDEX_NAME, "inputs_hash": digest}
    return True


def _build(jobs: list[BriefJob], request: BatchRequest, renderer: str):
    """Yield (job, BriefResult) as briefs finish, in worker processes with warm kernels."""
    from analysis.batch import workers
    from analysis.batch.brief import BriefResult, other_error

    settings = workers.WorkerSettings(request.paths.reports, request.lang, renderer,
                                      warm_up_code=request.warm_up_code)
    executor = workers.pool(settings, max(1, min(request.jobs, len(jobs))))
    try:
        futures = {executor.submit(workers.run_job, job): job for job in jobs}
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the worker itself died or could not start its kernel
                result = BriefResult(job.slug, "failed", error=other_error("worker", exc))
            yield job, result
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)


def run_batch(request: BatchRequest) -> BatchOutcome:
    import analysis

    started = time.perf_counter()
    paths = request.paths
    reports = paths.reports
    with ReportsLock(reports):
        clear_staging(reports)
        renderer = request.renderer or choose_renderer()
        jobs = plan_jobs(
            request.targets,
            province_notebook=request.province_notebook or paths.notebooks / PROVINCE_NOTEBOOK,
            national_notebook=request.national_notebook or paths.notebooks / NATIONAL_NOTEBOOK,
            as_of=request.as_of,
            lang=request.lang,
            database=paths.database,
            slices=DataSlices.of_database(paths.database),
            code=code_digest(),
            renderer=renderer,
        )
        manifest_path = reports / manifests.MANIFEST_NAME
        manifest = manifests.load(manifest_path)
        units = manifest["units"]
        manifest.update(
            version=analysis.__version__, as_of=request.as_of, lang=request.lang, renderer=renderer,
            started_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        )
        outcome = BatchOutcome(0, manifest)
        todo = [j for j in jobs if request.force or not manifests.is_up_to_date(units.get(j.slug), j, reports)]
        progress = Progress(len(jobs), interactive=request.interactive)
        to_build = {j.slug for j in todo}
        for job in jobs:
            if job.slug not in to_build:
                units[job.slug] = manifests.skipped(units[job.slug])
                outcome.skipped.append(job.slug)
                progress.finished(job.slug, units[job.slug])
        planned = time.perf_counter()
        manifests.save(manifest_path, manifest)
        try:
            for job, result in _build(todo, request, renderer) if todo else ():
                units[job.slug] = _entry(job, result, renderer)
                (outcome.built if result.status == "ok" else outcome.failed).append(job.slug)
                manifests.save(manifest_path, manifest)
                progress.finished(job.slug, units[job.slug])
        finally:
            progress.close()
        built = time.perf_counter()
        _write_index(reports, manifest)
        finished = time.perf_counter()
        outcome.seconds = {
            "plan": round(planned - started, 4),
            "briefs": round(built - planned, 4),
            "index": round(finished - built, 4),
            "total": round(finished - started, 4),
        }
        manifest["seconds"] = outcome.seconds
        manifest["finished_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        manifests.save(manifest_path, manifest)
    outcome.exit_code = 1 if outcome.failed else 0
    return outcome
