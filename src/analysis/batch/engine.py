"""Warm-kernel execution: one kernel per worker runs many briefs, each in a fresh namespace.

A new kernel per brief costs seconds (start-up, then `import pandas, altair` again) while a brief's own
work takes well under one. `WarmKernel` starts a kernel once, imports the heavy modules once, and
before each brief clears the user namespace (`InteractiveShell.reset(new_session=True)`, which also
restarts execution counts at 1) and moves into the brief's folder. Imported modules stay in
`sys.modules`, so a brief's `import pandas` is free, and library caches stay warm.

`WarmEngine` is a papermill engine (registered as "warm"), so `papermill.execute_notebook` still does
the parameter injection, the cell metadata and the error cell: the executed notebook is the same
record papermill's own engine writes. Only the kernel is borrowed.
"""

from __future__ import annotations

import atexit
import json
import logging
import subprocess
import sys
import threading
from pathlib import Path

from jupyter_client import AsyncKernelManager
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

ENGINE_NAME = "warm"

# Imported once per kernel; a failing import is ignored (the notebook reports it when it needs it).
DEFAULT_PRELOAD = ("pandas", "altair", "duckdb", "vl_convert", "analysis")

# Lines the kernel process prints on its own stderr that are infrastructure, not the brief's.
KERNEL_NOISE = (
    "without encryption",
    "Debugger warning",
    "frozen modules",
    "frozen_modules",
    "PYDEVD_DISABLE_FILE_VALIDATION",
    "Debugging will proceed",
    "Connection file",
)


class NoiseFilter(logging.Filter):
    """Drop log records that repeat the kernel's transport warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not any(marker in record.getMessage() for marker in KERNEL_NOISE)


def quiet_kernel_logs() -> None:
    for name in ("traitlets", "papermill", "nbclient", "jupyter_client"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, NoiseFilter) for f in logger.filters):
            logger.addFilter(NoiseFilter())


def _forward_stderr(stream, sink) -> None:
    """Copy the kernel's stderr to ours, minus the noise (runs in a daemon thread)."""
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", "replace")
        if line.strip() and not any(marker in line for marker in KERNEL_NOISE):
            sink.write(line)
            sink.flush()


class WarmKernel:
    """A kernel started once and reused for many notebooks."""

    def __init__(self, kernel_name: str = "python3", preload: tuple[str, ...] = DEFAULT_PRELOAD,
                 warm_up_code: str = ""):
        self.kernel_name = kernel_name
        self.preload = preload
        self.warm_up_code = warm_up_code
        self.km: AsyncKernelManager | None = None
        self.kc = None
        self._warming: str | None = None  # msg_id of the warm-up still running

    def start(self, wait: bool = True) -> "WarmKernel":
        """Start the kernel and its warm-up; with wait=False the caller may do its own imports meanwhile."""
        quiet_kernel_logs()
        # nbclient drives kernels through the asyncio API: give it an async manager and client.
        self.km = AsyncKernelManager(kernel_name=self.kernel_name)
        # History is per-session scratch here; turning it off avoids a shared sqlite file between workers.
        run_sync(self.km.start_kernel)(
            extra_arguments=["--HistoryManager.enabled=False"],
            stderr=subprocess.PIPE,
        )
        process = getattr(self.km.provisioner, "process", None)
        if process is not None and process.stderr is not None:
            threading.Thread(target=_forward_stderr, args=(process.stderr, sys.stderr), daemon=True).start()
        self.kc = self.km.client()
        self.kc.start_channels()
        run_sync(self.kc.wait_for_ready)(timeout=60)
        atexit.register(self.shutdown)
        imports = "\n".join(
            f"try:\n    import {module}\nexcept Exception:\n    pass" for module in self.preload
        )
        self._warming = self.kc.execute(imports + "\n" + self.warm_up_code, silent=True, store_history=False)
        if wait:
            self.wait_warm()
        return self

    def wait_warm(self, timeout: float = 120) -> None:
        while self._warming is not None:
            reply = run_sync(self.kc.get_shell_msg)(timeout=timeout)
            if reply["parent_header"].get("msg_id") == self._warming:
                self._warming = None

    def run_silently(self, code: str, timeout: float = 120) -> None:
        """Run code outside the notebook's record: no outputs, no execution count."""
        reply = run_sync(self.kc.execute_interactive)(code, silent=True, store_history=False, timeout=timeout,
                                            output_hook=lambda msg: None)
        if reply["content"]["status"] != "ok":
            content = reply["content"]
            raise RuntimeError(f"warm kernel: {content.get('ename')}: {content.get('evalue')}")

    def prepare(self, folder: Path) -> None:
        """A fresh namespace, execution counts from 1, and the brief's folder as working directory."""
        if not self.alive():
            self.restart()
        self.wait_warm()
        self.run_silently(
            f"import os as _os\n_os.chdir({json.dumps(str(folder))})\n"
            "get_ipython().reset(new_session=True)"
        )

    def alive(self) -> bool:
        return self.km is not None and run_sync(self.km.is_alive)()

    def restart(self) -> None:
        self.shutdown()
        self.start()

    def shutdown(self) -> None:
        if self.kc is not None:
            self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            try:
                if run_sync(self.km.is_alive)():
                    run_sync(self.km.shutdown_kernel)(now=True)
            finally:
                self.km = None
        atexit.unregister(self.shutdown)


class WarmNotebookClient(PapermillNotebookClient):
    """papermill's client, borrowing a running kernel and its client instead of starting its own."""

    def __init__(self, nb_man, warm: WarmKernel, **kw):
        super().__init__(nb_man, km=warm.km, **kw)
        self.kc = warm.kc

    def execute(self, **kwargs):
        try:
            return super().execute(cleanup_kc=False, **kwargs)
        finally:
            # nbclient registers a clean-up per client at exit; it would shut the shared kernel down.
            atexit.unregister(self._cleanup_kernel)


class WarmEngine(NBClientEngine):
    """papermill engine "warm": `execute_notebook(..., engine_name="warm", warm=<WarmKernel>)`."""

    @classmethod
    def execute_managed_notebook(cls, nb_man, kernel_name, warm: WarmKernel, log_output=False,
                                 execution_timeout=None, **kwargs):
        client = WarmNotebookClient(
            nb_man,
            warm,
            timeout=execution_timeout,
            kernel_name=kernel_name,
            log=logging.getLogger("papermill"),
            log_output=log_output,
        )
        return client.execute()


def register() -> None:
    papermill_engines.register(ENGINE_NAME, WarmEngine)


register()
