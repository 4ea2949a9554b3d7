"""Worker processes, each holding one warm kernel and one renderer for the whole run.

Workers are started with "spawn": a fresh interpreter does not inherit the reports/ lock or the
parent's threads. On Linux each worker asks to be killed when the parent dies (PR_SET_PDEATHSIG), and
its kernel exits by itself when its parent goes (ipykernel's parent poller), so a killed run leaves
no process behind that could still write into reports/.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.util
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class WorkerSettings:
    reports: Path
    renderer: str
    kernel_name: str = "python3"
    execution_timeout: int | None = 600
    warm_up_code: str = ""


_state: dict = {}


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def init_worker(settings: WorkerSettings, parent: int) -> None:
    _die_with_parent(parent)
    from analysis.batch.engine import WarmKernel

    # The kernel imports pandas and altair while this process imports papermill and the renderer.
    kernel = WarmKernel(settings.kernel_name, warm_up_code=settings.warm_up_code).start(wait=False)
    _state["kernel"] = kernel
    # atexit does not run in pool workers; multiprocessing's finalizers do.
    multiprocessing.util.Finalize(kernel, kernel.shutdown, exitpriority=10)
    from analysis.batch import brief  # noqa: F401  (papermill, nbformat)
    from analysis.batch.rendering import load_renderer

    _state["settings"] = settings
    _state["render"] = load_renderer(settings.renderer)
    if settings.renderer == "builtin":
        import analysis.render.builtin  # noqa: F401
    kernel.wait_warm()


def run_unit(jobs):
    """The briefs of one unit, each language in turn, in this worker's warm kernel."""
    from analysis.batch.brief import build_unit

    settings: WorkerSettings = _state["settings"]
    return build_unit(jobs, settings.reports, _state["kernel"], _state["render"], settings.execution_timeout)


def pool(settings: WorkerSettings, workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=init_worker,
        initargs=(settings, os.getpid()),
    )
