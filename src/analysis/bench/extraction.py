"""Extraction throughput for `make bench`: `briefs extract` over corpora made by repeating the seeds.

Three corpora (a quarter, a half and all of the target size, at least 50 MB) are written as copies
of the seed documents, so documents per second means something. Each is extracted by the real
command in a fresh process, with JSON Lines going to /dev/null, once on one worker and once on
every core. Linear in size means the seconds per MB stay level from the smallest corpus to the
largest; flat memory means the peak resident memory of the process tree does not grow with it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from analysis.bench.measure import run_measured

GOALS = {"mb_per_second_per_core": 1.0, "corpus_mb": 50}


def make_corpus(seeds: list[Path], folder: Path, target_bytes: int) -> tuple[int, int]:
    """Copies of the seeds in `folder` until it holds `target_bytes`; (files, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = total = 0
    while total < target_bytes:
        for seed in seeds:
            copy = folder / f"{files:05d}_{seed.name}"
            shutil.copyfile(seed, copy)
            files += 1
            total += copy.stat().st_size
            if total >= target_bytes:
                break
    return files, total


def measure(folder: Path, jobs: int) -> dict:
    files = sorted(str(p) for p in folder.iterdir())
    command = [sys.executable, "-m", "analysis", "extract", "--jobs", str(jobs), *files]
    return run_measured(command, stdout=subprocess.DEVNULL)


def extraction_benchmark(seeds: list[Path], scratch: Path, corpus_mb: float = GOALS["corpus_mb"]) -> dict:
    cores = os.cpu_count() or 1
    runs = []
    for fraction in (0.25, 0.5, 1.0):
        folder = scratch / f"corpus-{fraction}"
        count, size = make_corpus(seeds, folder, int(corpus_mb * fraction * 1e6))
        for jobs in sorted({1, cores}):
            run = measure(folder, jobs)
            mb = size / 1e6
            runs.append({
                "corpus_mb": round(mb, 1), "documents": count, "workers": jobs, "seconds": run["seconds"],
                "mb_per_second": round(mb / run["seconds"], 3),
                "mb_per_second_per_core": round(mb / run["seconds"] / jobs, 3),
                "documents_per_second": round(count / run["seconds"], 1),
                "seconds_per_mb": round(run["seconds"] / mb, 3),
                "peak_tree_rss_mb": run["peak_tree_rss_mb"], "returncode": run["returncode"],
            })
        shutil.rmtree(folder)
    full = [r for r in runs if r["corpus_mb"] >= corpus_mb * 0.99]
    single = [r for r in runs if r["workers"] == 1]
    every_core = max(full, key=lambda r: r["workers"])
    one_core = min(full, key=lambda r: r["workers"])
    return {
        "runs": runs,
        "mb_per_second": every_core["mb_per_second"],
        "mb_per_second_per_core": every_core["mb_per_second_per_core"],
        "documents_per_second": every_core["documents_per_second"],
        "parallel_speedup": round(one_core["seconds"] / every_core["seconds"], 2),
        "seconds_per_mb_smallest_to_largest": round(single[-1]["seconds_per_mb"] / single[0]["seconds_per_mb"], 2),
        "peak_memory_smallest_to_largest": round(single[-1]["peak_tree_rss_mb"] / single[0]["peak_tree_rss_mb"], 2),
        "goals": GOALS,
        "goals_met": {"mb_per_second_per_core": every_core["mb_per_second_per_core"] >= GOALS["mb_per_second_per_core"]},
    }
