"""Stage 5, render: executed brief notebooks to HTML and PDF, and the text helpers (escaping,
labels in both languages) that the briefs use. May import: analysis.reference and the core modules;
never briefs or batch.

`render()` uses Quarto when the `quarto` binary is on PATH, otherwise the built-in renderer
(pandoc + Typst, the engines Quarto drives). Both read the same notebook convention
(see `notebook.py`) and the same templates (`analysis/templates`).
"""

from __future__ import annotations

from .builtin import RenderResult, render_notebook
from .escape import html_escape, md_escape, typst_escape, typst_string
from .i18n import format_date, format_number, label
from .index import render_index
from .notebook import RenderError, read_front_matter, write_front_matter
from .quarto import quarto_available, render_with_quarto

__all__ = [
    "RenderError", "RenderResult", "format_date", "format_number", "html_escape", "label",
    "md_escape", "quarto_available", "read_front_matter", "render", "render_index",
    "render_notebook", "render_with_quarto", "typst_escape", "typst_string",
    "write_front_matter",
]


def render(notebook_path, out_dir=None, *, lang: str | None = None,
           prefer_quarto: bool = True) -> RenderResult:
    """Render with Quarto when available (and wanted), else built-in; `renderer` says which."""
    if prefer_quarto and quarto_available():
        r = render_with_quarto(notebook_path, out_dir, lang=lang)
        return RenderResult(r.get("html_path"), r.get("pdf_path"), r["seconds"], "quarto")
    return render_notebook(notebook_path, out_dir, lang=lang)
