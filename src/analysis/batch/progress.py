"""Telling the person what the run is doing: a progress bar on a terminal, one line per brief otherwise."""

from __future__ import annotations

import sys
from typing import TextIO


def describe(slug: str, entry: dict) -> str:
    status = entry.get("status")
    if status == "skipped":
        return f"{slug}: skipped (inputs unchanged)"
    seconds = entry.get("seconds") or {}
    stages = ", ".join(f"{k} {v:.2f}" for k, v in seconds.items() if k in ("execute", "html", "pdf"))
    if status == "ok":
        return f"{slug}: ok in {sum(seconds.get(k, 0) for k in ('execute', 'render')):.2f} s ({stages})"
    error = entry.get("error") or {}
    where = f" at cell {error['cell']}" if error.get("cell") is not None else ""
    notebook = (entry.get("outputs") or {}).get("ipynb")
    see = f"; see reports/{notebook}" if notebook else ""
    return f"{slug}: FAILED in {error.get('stage')}{where}: {error.get('type')}: {error.get('message')}{see}"


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, interactive: bool | None = None):
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.done = 0
        self.total = total
        self._bar = None
        if self.interactive and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, file=self.stream, unit="brief", desc="briefs", leave=True)

    def finished(self, slug: str, entry: dict) -> None:
        self.done += 1
        line = describe(slug, entry)
        if self._bar is not None:
            self._bar.set_postfix_str(slug, refresh=False)
            if entry.get("status") == "failed":
                self._bar.write(f"briefs: {line}", file=self.stream)
            self._bar.update(1)
        else:
            print(f"briefs: [{self.done}/{self.total}] {line}", file=self.stream, flush=True)

    def note(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(f"briefs: {message}", file=self.stream)
        else:
            print(f"briefs: {message}", file=self.stream, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
