"""Which renderer turns executed notebooks into HTML and PDF, behind one call.

`quarto` when the binary is on PATH, else `builtin` (pandoc + Typst, analysis.render.builtin). The
environment variable BRIEFS_RENDERER forces one of them, or names any `module:function` with the
same signature as `render_brief` below (tests use a fast fake one).
"""

from __future__ import annotations

import importlib
import os
import shutil
import time
from pathlib import Path
from typing import Callable

RENDERER_VARIABLE = "BRIEFS_RENDERER"

# render(notebook_path, out_dir, lang) -> seconds per stage; writes <stem>.html and <stem>.pdf.
Render = Callable[[Path, Path, str], dict]


def choose_renderer() -> str:
    forced = os.environ.get(RENDERER_VARIABLE, "").strip()
    if forced:
        return forced
    try:
        from analysis.render.quarto import quarto_available
    except ImportError:
        return "quarto" if shutil.which("quarto") else "builtin"
    return "quarto" if quarto_available() else "builtin"


def _builtin(notebook: Path, out_dir: Path, lang: str) -> dict:
    from analysis.render.builtin import render_notebook

    result = render_notebook(notebook, out_dir, lang=lang)
    seconds = dict(result.seconds or {})
    # The two pandoc runs (HTML, and Typst markup for the PDF) run side by side: count them as HTML.
    return {"html": seconds.get("read", 0) + seconds.get("pandoc", 0), "pdf": seconds.get("pdf", 0)}


def _quarto(notebook: Path, out_dir: Path, lang: str) -> dict:
    from analysis.render.quarto import render_with_quarto

    start = time.perf_counter()
    result = render_with_quarto(notebook, out_dir)
    seconds = dict(getattr(result, "seconds", None) or {})
    return seconds or {"render": time.perf_counter() - start}


def load_renderer(name: str) -> Render:
    if name == "builtin":
        return _builtin
    if name == "quarto":
        return _quarto
    module, _, function = name.partition(":")
    if not function:
        raise ValueError(f"{RENDERER_VARIABLE}={name}: use builtin, quarto or module:function")
    return getattr(importlib.import_module(module), function)
