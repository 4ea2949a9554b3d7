"""Stage 6, batch: `briefs run` executes the brief notebooks in warm kernels, renders them, and keeps
reports/ consistent. May import every stage below it; nothing but the CLI and bench imports it.

    command.py   the command line: usage checks, unit selection, exit codes
    runner.py    one run: lock, plan, skip what is unchanged, build in parallel, index, manifest
    plan.py      one job per brief and the digest of its inputs (hashing.py computes them)
    workers.py   worker processes, each with a warm kernel (engine.py) and a renderer (rendering.py)
    brief.py     one brief: execute, render, swap its folder in (atomic.py)
    manifest.py  reports/manifest.json;  lock.py  reports/.lock;  progress.py  what the person sees
"""
