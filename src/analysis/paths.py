"""Where the project's data lives.

The root is the folder holding `data/curated`: `--root` on the command line, else the
BRIEFS_ROOT environment variable, else the nearest such folder above the working directory,
else the checkout this package was installed from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_CHECKOUT = Path(__file__).resolve().parents[2]


def find_root(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).resolve()
    if os.environ.get("BRIEFS_ROOT"):
        return Path(os.environ["BRIEFS_ROOT"]).resolve()
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "curated").is_dir():
            return folder
    return PACKAGE_CHECKOUT


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @classmethod
    def at(cls, root: str | os.PathLike | None = None) -> "ProjectPaths":
        return cls(find_root(root))

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def documents(self) -> Path:
        return self.data / "raw" / "documents"

    @property
    def origins(self) -> Path:
        return self.data / "raw" / "origins.csv"

    @property
    def curated(self) -> Path:
        return self.data / "curated"

    @property
    def reference(self) -> Path:
        return self.data / "reference"

    @property
    def processed(self) -> Path:
        return self.data / "processed"

    @property
    def database(self) -> Path:
        return self.processed / "briefs.duckdb"

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    @property
    def reports(self) -> Path:
        return self.root / "reports"
