"""Measuring a command: wall seconds, exit code, and the peak memory of its process tree.

Memory: getrusage gives the largest single process (on Linux it also carries a parent's peak
across exec, so it overstates); the sampled figure here is the sum of the resident memory of the
whole process tree (runner, workers, kernels, pandoc), polled every 50 ms.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path


def tree_rss_mb(root_pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            pages = int((entry / "statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = pages
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += children.get(pid, [])
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_measured(command: list[str], env: dict | None = None, stdout=subprocess.PIPE) -> dict:
    """Run a command; wall seconds, exit code, and the peak memory of its process tree."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=stdout, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_mb(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    done.set()
    sampler.join()
    return {"seconds": round(time.perf_counter() - start, 3), "returncode": process.returncode,
            "peak_tree_rss_mb": round(peak, 1), "stderr_tail": err.strip().splitlines()[-3:]}
