"""The briefs half of `make bench`: naive papermill runs, the warm batch cold and re-run, scaling.

Each scenario runs in its own scratch project (data/ linked, notebooks copied, reports/ empty).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.bench.measure import run_measured
from analysis.paths import ProjectPaths

GOALS = {"wall_seconds": 30, "speedup_per_unit": 15, "no_change_seconds": 3, "peak_memory_mb": 2048,
         "render_seconds_per_brief": 0.5}
EXTRAPOLATE_TO = 3300


def scratch_project(base: Path, name: str, paths: ProjectPaths, notebooks: dict[str, Path]) -> Path:
    root = base / name
    (root / "notebooks").mkdir(parents=True)
    os.symlink(paths.data, root / "data")
    for target, source in notebooks.items():
        shutil.copyfile(source, root / "notebooks" / target)
    return root


def briefs(root: Path, args: list[str]) -> list[str]:
    return [sys.executable, "-m", "analysis", "--root", str(root), "run", *args]


def briefs_of(manifest: dict) -> dict[str, dict]:
    """Every brief of the manifest by file stem ("ha-tinh", "ha-tinh.vi"): both languages."""
    from analysis.batch.manifest import entries
    from analysis.batch.plan import brief_stem

    return {brief_stem(slug, lang): e for slug, lang, e in entries(manifest)}


def html_sizes(reports: Path, manifest: dict) -> dict:
    """Bytes of each HTML brief (self-contained: styles, fonts and charts inline), and the largest."""
    sizes = {stem: (reports / e["outputs"]["html"]).stat().st_size
             for stem, e in briefs_of(manifest).items() if (e.get("outputs") or {}).get("html")}
    if not sizes:
        return {"briefs": 0}
    largest = max(sizes, key=sizes.get)
    mean = sum(sizes.values()) / len(sizes)
    return {"briefs": len(sizes), "mean_bytes": round(mean), "mean_mb": round(mean / 1e6, 3),
            "max_bytes": sizes[largest], "max_mb": round(sizes[largest] / 1e6, 3), "max_brief": largest,
            "total_mb": round(sum(sizes.values()) / 1e6, 2), "bytes": dict(sorted(sizes.items()))}


def stage_seconds(manifest: dict) -> tuple[dict, dict]:
    per_unit = {stem: e.get("seconds", {}) for stem, e in briefs_of(manifest).items()}
    totals: dict[str, float] = {}
    for seconds in per_unit.values():
        for stage in ("execute", "charts", "html", "pdf"):
            totals[stage] = round(totals.get(stage, 0) + seconds.get(stage, 0), 3)
    totals["index"] = manifest.get("seconds", {}).get("index", 0)
    return totals, per_unit


def naive(base: Path, paths: ProjectPaths, notebook: Path, units: list[str], as_of: str) -> dict:
    """The pipeline without the runner: papermill's command, then a render, a fresh process each."""
    folder = base / "naive"
    folder.mkdir()
    per_unit = {}
    for slug in units:
        out = folder / slug / f"{slug}.ipynb"
        out.parent.mkdir()
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "papermill", str(notebook), str(out), "-p", "unit", slug,
                        "-p", "as_of", as_of, "-p", "lang", "en", "-p", "data", str(paths.database),
                        "--no-progress-bar", "--cwd", str(out.parent)],
                       check=True, capture_output=True)
        executed = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sys; from analysis.render.builtin import render_notebook; "
                        "render_notebook(sys.argv[1], sys.argv[2], lang='en')", str(out), str(out.parent)],
                       check=True, capture_output=True)
        per_unit[slug] = {"execute": round(executed - start, 3), "render": round(time.perf_counter() - executed, 3),
                          "total": round(time.perf_counter() - start, 3)}
    mean = sum(u["total"] for u in per_unit.values()) / len(per_unit)
    return {"units": per_unit, "seconds_per_unit": round(mean, 3)}


def briefs_benchmark(args: argparse.Namespace, paths: ProjectPaths, report: dict) -> int:
    """The briefs half: naive baseline, the optimized cold run, the no-change rerun, scaling."""

    from analysis.batch.runner import NATIONAL_NOTEBOOK, PROVINCE_NOTEBOOK
    from analysis.reference.units import load_units

    notebooks = {PROVINCE_NOTEBOOK: args.province_notebook or paths.notebooks / PROVINCE_NOTEBOOK,
                 NATIONAL_NOTEBOOK: args.national_notebook or paths.notebooks / NATIONAL_NOTEBOOK}
    missing = [str(p) for p in notebooks.values() if not p.is_file()]
    if missing:
        print(f"bench: notebook missing: {', '.join(missing)} (pass --province-notebook/--national-notebook)",
              file=sys.stderr)
        return 2
    if not paths.database.is_file():
        from analysis.curation.build import build_command

        if build_command(root=str(paths.root)) != 0:
            return 1
    slugs = [u.slug for u in load_units(paths.reference).current()]
    common = ["--as-of", args.as_of, "--jobs", str(args.jobs)]
    report["goals"] = GOALS

    with tempfile.TemporaryDirectory(prefix="briefs-bench-") as tmp:
        base = Path(tmp)
        report["naive"] = naive(base, paths, notebooks[PROVINCE_NOTEBOOK], slugs[:args.naive_units], args.as_of)

        root = scratch_project(base, "all", paths, notebooks)
        cold = run_measured(briefs(root, ["--all", *common]))
        manifest = json.loads((root / "reports" / "manifest.json").read_text(encoding="utf-8"))
        totals, per_unit = stage_seconds(manifest)
        rerun = run_measured(briefs(root, ["--all", *common]))
        count = len(per_unit)  # briefs: every unit in each language
        optimized_per_unit = cold["seconds"] / count
        report["optimized"] = {
            # Per brief, as the naive run makes one brief (English) per unit.
            "briefs": count, "cold": cold, "seconds_per_unit": round(optimized_per_unit, 3),
            "stages_total": totals, "units": per_unit, "no_change_rerun": rerun,
            "failed": [s for s, e in briefs_of(manifest).items() if e["status"] == "failed"],
            "renderer": manifest.get("renderer"), "langs": manifest.get("langs"),
            "html_size": html_sizes(root / "reports", manifest),
            # HTML and PDF of one brief, in a warm worker (the renderer's own cost).
            "render_seconds_per_brief": round((totals.get("html", 0) + totals.get("pdf", 0)) / count, 3),
        }
        usage = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        usage_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report["memory_mb"] = {"peak_tree_rss": cold["peak_tree_rss_mb"],
                               "getrusage_largest_child": round(usage, 1), "getrusage_self": round(usage_self, 1)}
        report["speedup_per_unit"] = round(report["naive"]["seconds_per_unit"] / optimized_per_unit, 1)

        if not args.quick:
            scaling = []
            for n, jobs in ((1, args.jobs), (8, args.jobs), (34, args.jobs), (34, 1)):
                root = scratch_project(base, f"scale-{n}-{jobs}", paths, notebooks)
                run = run_measured(briefs(root, [*slugs[:n], "--as-of", args.as_of, "--jobs", str(jobs)]))
                scaling.append({"units": n, "workers": jobs, "seconds": run["seconds"],
                                "peak_tree_rss_mb": run["peak_tree_rss_mb"]})
            points = [(s["units"], s["seconds"]) for s in scaling if s["workers"] == args.jobs]
            slope = (points[-1][1] - points[0][1]) / (points[-1][0] - points[0][0])
            intercept = points[0][1] - slope * points[0][0]
            report["scaling"] = {
                "runs": scaling,
                "fit": {"seconds_fixed": round(intercept, 2), "seconds_per_unit": round(slope, 3)},
                f"extrapolated_{EXTRAPOLATE_TO}_units_seconds": round(intercept + slope * EXTRAPOLATE_TO, 1),
            }

    report["goals_met"] = {
        "wall_seconds": cold["seconds"] <= GOALS["wall_seconds"],
        "speedup_per_unit": report["speedup_per_unit"] >= GOALS["speedup_per_unit"],
        "no_change_seconds": rerun["seconds"] <= GOALS["no_change_seconds"],
        "peak_memory_mb": cold["peak_tree_rss_mb"] <= GOALS["peak_memory_mb"],
        "render_seconds_per_brief": report["optimized"]["render_seconds_per_brief"] <= GOALS["render_seconds_per_brief"],
    }
    return 0 if cold["returncode"] in (0, 1) else 1

