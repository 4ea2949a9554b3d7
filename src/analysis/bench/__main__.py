"""`make bench`: extraction throughput, and how long the briefs take, naive against warm, as JSON.

    python -m analysis.bench [--only briefs|extraction] [--corpus-mb MB] [--quick]
                             [--province-notebook NB] [--national-notebook NB]

- extraction: `briefs extract` over the seeds repeated to 50 MB (see analysis.bench.extraction);
- naive: for a few units, the `papermill` command then a render, each in a fresh process;
- optimized: `briefs run --all` (34 units and the national overview, HTML and PDF) into a fresh
  reports folder, then the same command again with nothing changed;
- scaling: 1, 8 and 34 units on 2 workers, 34 units on 1 worker, extrapolated linearly to 3,300.

Each scenario runs in its own scratch project (data/ linked, notebooks copied, reports/ empty).
Memory: getrusage gives the largest single process (on Linux it also carries a parent's peak
across exec, so it overstates); the sampled figure is the sum of the resident
memory of the whole process tree (runner, workers, kernels, pandoc), polled every 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

from analysis.bench.briefs import briefs_benchmark
from analysis.bench.extraction import extraction_benchmark
from analysis.paths import ProjectPaths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--root", help="project folder (default: found from here)")
    parser.add_argument("--province-notebook", type=Path, help="default: notebooks/province_brief.ipynb")
    parser.add_argument("--national-notebook", type=Path, help="default: notebooks/national_overview.ipynb")
    parser.add_argument("--as-of", default="2025-12-31")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--naive-units", type=int, default=4)
    parser.add_argument("--quick", action="store_true", help="skip the scaling runs")
    parser.add_argument("--only", choices=("briefs", "extraction"), help="run one half of the benchmark")
    parser.add_argument("--corpus-mb", type=float, default=50, help="extraction corpus size (default 50)")
    args = parser.parse_args(argv)
    paths = ProjectPaths.at(args.root)
    report: dict = {"machine": {"cores": os.cpu_count()}}
    if args.only != "briefs":
        seeds = sorted(p for p in paths.documents.iterdir() if p.is_file())
        with tempfile.TemporaryDirectory(prefix="briefs-bench-extract-") as tmp:
            report["extraction"] = extraction_benchmark(seeds, Path(tmp), args.corpus_mb)
    if args.only != "extraction":
        code = briefs_benchmark(args, paths, report)
    else:
        code = 0
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
