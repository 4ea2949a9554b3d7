"""A batch run: lock reports/, plan, skip what is up to date, make the rest in parallel, write the index.

A job is one brief (a unit in one language); the briefs of one unit that need making go to one
worker together, since they share the unit's folder. The manifest is saved after every unit, the
index at the end. Exit code: 0 when every brief was written, 1 when any failed (the others are
still written).
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
from analysis.batch.hashing import DataSlices, code_digest
from analysis.batch.index import INDEX_NAME, coverage_data, write_index
from analysis.batch.lock import ReportsLock
from analysis.batch.plan import LANGS, BriefJob, Target, plan_jobs
from analysis.batch.progress import Progress
from analysis.batch.rendering import choose_renderer
from analysis.paths import ProjectPaths

PROVINCE_NOTEBOOK = "province_brief.ipynb"
NATIONAL_NOTEBOOK = "national_overview.ipynb"
__all__ = ["INDEX_NAME", "BatchRequest", "BatchOutcome", "run_batch"]


@dataclass
class BatchRequest:
    paths: ProjectPaths
    targets: list[Target]
    as_of: str
    langs: tuple[str, ...] = LANGS
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
    # Briefs by file stem: "ha-tinh" (English), "ha-tinh.vi" (Vietnamese).
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    seconds: dict = field(default_factory=dict)


def _entry(job: BriefJob, result, renderer: str) -> dict:
    return {
        "slug": job.slug,
        "title": job.title,
        "lang": job.lang,
        "twin": job.twin,
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


def _by_unit(jobs: list[BriefJob]) -> list[list[BriefJob]]:
    units: dict[str, list[BriefJob]] = {}
    for job in jobs:
        units.setdefault(job.slug, []).append(job)
    return list(units.values())


def _build(jobs: list[BriefJob], request: BatchRequest, renderer: str):
    """Yield [(job, BriefResult)] per unit as units finish, in worker processes with warm kernels."""
    from analysis.batch import workers
    from analysis.batch.brief import BriefResult, other_error

    settings = workers.WorkerSettings(request.paths.reports, renderer, warm_up_code=request.warm_up_code)
    groups = _by_unit(jobs)
    executor = workers.pool(settings, max(1, min(request.jobs, len(groups))))
    try:
        futures = {executor.submit(workers.run_unit, group): group for group in groups}
        for future in as_completed(futures):
            group = futures[future]
            try:
                results = future.result()
            except Exception as exc:  # the worker itself died or could not start its kernel
                results = [BriefResult(job.slug, "failed", error=other_error("worker", exc), lang=job.lang)
                           for job in group]
            yield list(zip(group, results))
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
        manifest_path = reports / manifests.MANIFEST_NAME
        manifest = manifests.load(manifest_path)
        existing = frozenset((slug, lang) for slug, lang, entry in manifests.entries(manifest)
                             if manifests.is_written(entry, reports))
        jobs = plan_jobs(
            request.targets,
            province_notebook=request.province_notebook or paths.notebooks / PROVINCE_NOTEBOOK,
            national_notebook=request.national_notebook or paths.notebooks / NATIONAL_NOTEBOOK,
            as_of=request.as_of,
            langs=request.langs,
            database=paths.database,
            slices=DataSlices.of_database(paths.database),
            code=code_digest(),
            renderer=renderer,
            existing=existing,
        )
        manifest.update(
            version=analysis.__version__, as_of=request.as_of, langs=list(request.langs),
            lang=request.langs[0], renderer=renderer,
            started_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        )
        outcome = BatchOutcome(0, manifest)
        todo = [j for j in jobs
                if request.force or not manifests.is_up_to_date(manifests.get(manifest, *j.key), j, reports)]
        progress = Progress(len(jobs), interactive=request.interactive)
        to_build = {j.key for j in todo}
        for job in jobs:
            if job.key not in to_build:
                entry = manifests.skipped(manifests.get(manifest, *job.key))
                manifests.put(manifest, job.slug, job.lang, entry)
                outcome.skipped.append(job.stem)
                progress.finished(job.stem, entry)
        planned = time.perf_counter()
        manifests.save(manifest_path, manifest)
        try:
            for finished in _build(todo, request, renderer) if todo else ():
                for job, result in finished:
                    entry = _entry(job, result, renderer)
                    manifests.put(manifest, job.slug, job.lang, entry)
                    (outcome.built if result.status == "ok" else outcome.failed).append(job.stem)
                    progress.finished(job.stem, entry)
                manifests.save(manifest_path, manifest)
        finally:
            progress.close()
        built = time.perf_counter()
        coverage = coverage_data(paths.database, request.as_of)
        if coverage.get("unavailable"):
            progress.note(f"index without the coverage matrix: {coverage['unavailable']}")
        write_index(reports, manifest, coverage)
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
