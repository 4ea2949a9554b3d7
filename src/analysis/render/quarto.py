"""Rendering with Quarto itself, where the `quarto` binary is on PATH.

Quarto renders a notebook in place, inside the project holding `_quarto.yml`, and gives every
render of one file name a shared `<name>_files/` folder: so each unit renders in its own folder.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from .notebook import RenderError

FORMATS = {"html": ("html", ".html"), "pdf": ("typst", ".pdf")}


def quarto_available() -> bool:
    return shutil.which("quarto") is not None


def project_root(path: Path) -> Path | None:
    """The nearest folder at or above `path` holding `_quarto.yml`."""
    for folder in (path, *path.parents):
        if (folder / "_quarto.yml").is_file():
            return folder
    return None


def render_with_quarto(notebook_path, out_dir=None, *, lang: str | None = None,
                       formats=("html", "pdf"), timeout: float = 600) -> dict:
    """`quarto render NB --to html` and `--to typst`; returns paths and seconds per format.

    With out_dir (a unit's folder inside the project) the notebook is copied there first, so
    the outputs and Quarto's `<name>_files/` land in that unit's own folder.
    """
    notebook_path = Path(notebook_path).resolve()
    if out_dir is not None and Path(out_dir).resolve() != notebook_path.parent:
        out = Path(out_dir).resolve()
        out.mkdir(parents=True, exist_ok=True)
        notebook_path = Path(shutil.copy2(notebook_path, out / notebook_path.name))
    root = project_root(notebook_path.parent)
    if root is None:
        raise RenderError(f"{notebook_path}: not inside a Quarto project (no _quarto.yml above it)")
    result: dict = {"renderer": "quarto", "seconds": {}}
    for fmt in formats:
        to, suffix = FORMATS[fmt]
        t0 = time.perf_counter()
        proc = subprocess.run(["quarto", "render", str(notebook_path.relative_to(root)),
                               "--to", to, "--no-execute",
                               *(["-M", f"lang:{lang}"] if lang else [])],
                              cwd=root, capture_output=True, text=True, timeout=timeout)
        if proc.returncode:
            raise RenderError(f"quarto render --to {to} failed:\n{proc.stderr[-4000:]}")
        target = notebook_path.with_suffix(suffix)
        if not target.is_file():
            raise RenderError(f"quarto render --to {to} wrote no {target.name}")
        result[f"{fmt}_path"] = target
        result["seconds"][fmt] = round(time.perf_counter() - t0, 3)
    return result
