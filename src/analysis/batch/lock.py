"""One `briefs run` at a time per reports/ folder.

An advisory lock (flock) on reports/.lock: the kernel releases it when the holder dies, even by
SIGKILL, so a killed run never leaves a stale lock behind. The file holds the holder's pid for the
message shown to whoever waits. Worker processes are started with "spawn" (a fresh interpreter), so
they do not inherit the locked descriptor and cannot keep the lock alive after the run is gone.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK_NAME = ".lock"


class LockHeld(RuntimeError):
    def __init__(self, path: Path, pid: str):
        holder = f"pid {pid}" if pid else "unknown pid"
        super().__init__(
            f"another briefs run holds {path} ({holder}); wait for it to finish, or stop it and run again"
        )
        self.pid = pid


class ReportsLock:
    def __init__(self, reports: Path):
        self.path = Path(reports) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> "ReportsLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            os.close(fd)
            raise LockHeld(self.path, pid) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "ReportsLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()
