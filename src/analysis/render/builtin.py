"""The built-in renderer: the engines Quarto drives, without Quarto.

notebook -> Markdown -> pandoc -> self-contained HTML (house template and CSS)
                     -> pandoc -> Typst markup (house template) -> typst (in process) -> PDF
The two pandoc runs go in parallel. Pandoc reads the Markdown with every raw-markup extension
off, so text in cells can never become HTML, TeX or Typst code.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .escape import md_escape
from .i18n import LANGS, format_date, label
from .notebook import Chart, Document, RenderError, read_document

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Pandoc Markdown minus everything that lets text turn into markup of another language
# (raw HTML/TeX, raw blocks, math), into citations, or into curly quotes and dashes.
READER = ("markdown-raw_html-raw_tex-raw_attribute-latex_macros-tex_math_dollars"
          "-tex_math_single_backslash-tex_math_double_backslash-citations-smart"
          "-markdown_in_html_blocks-autolink_bare_uris")

# Folders searched for fonts covering Vietnamese (Debian's fonts-noto-core, fonts-dejavu-core).
FONT_DIRS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/truetype/dejavu")


@dataclass(frozen=True)
class RenderResult:
    html_path: Path | None
    pdf_path: Path | None
    seconds: dict = field(default_factory=dict)  # per stage: read, pandoc, pdf, total
    renderer: str = "builtin"


@functools.cache
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


@functools.cache
def _fonts():
    """Fonts for Typst, scanned once per process (BRIEFS_FONT_DIRS first, then Debian's)."""
    import typst

    folders = [d for d in os.environ.get("BRIEFS_FONT_DIRS", "").split(os.pathsep) if d]
    folders += [d for d in FONT_DIRS if Path(d).is_dir()]
    # Typst's embedded fonts stay as the last resort. System fonts are not scanned: the
    # output must not depend on what else a machine has installed.
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=folders)


def _timestamp(meta: dict) -> int:
    """PDF creation time: SOURCE_DATE_EPOCH, else the as-of date, so equal inputs give equal bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return int(os.environ["SOURCE_DATE_EPOCH"])
    as_of = (meta.get("params") or {}).get("as_of") or meta.get("date")
    try:
        day = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of)[:10])
        return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp())
    except (TypeError, ValueError):
        return 0


def brief_metadata(meta: dict, lang: str | None = None) -> dict:
    """Front matter with the renderer's own labels filled in for `lang` (escaped as Markdown)."""
    params = meta.get("params") or {}
    lang = lang or meta.get("lang") or params.get("lang") or "en"
    if lang not in LANGS:
        raise RenderError(f"unknown language {lang!r}: expected one of {LANGS}")
    out = dict(meta)
    out["lang"] = lang
    out.setdefault("title", md_escape(label("brief", lang)))
    out.setdefault("toc-title", md_escape(label("contents", lang)))
    brief = dict(meta.get("brief") or {})
    if "as-of" not in brief and params.get("as_of"):
        brief["as-of"] = md_escape(format_date(params["as_of"], lang))
    brief.setdefault("as-of-label", md_escape(label("as_of", lang)))
    brief.setdefault("page-label", md_escape(label("page", lang)))
    brief.setdefault("source-note", md_escape(label("source_note", lang)))
    out["brief"] = brief
    return out


def _markdown(doc: Document, meta: dict, fmt: str, token: str) -> str:
    blocks = ["---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---"]
    for part in doc.parts:
        if not isinstance(part, Chart):
            blocks.append(part.strip())
        elif fmt == "html" and part.is_svg:
            # Placeholder swapped for the inline <svg> after pandoc (see _inline_svgs).
            blocks.append(f"::: {{.chart}}\n{token}{part.name}\n\n{part.caption}\n:::")
        else:
            attrs = "{width=100%}" if _wide(part) else ""
            blocks.append(f"![{part.caption}]({part.name}){attrs}")
    return "\n\n".join(b for b in blocks if b) + "\n"


def _wide(chart: Chart) -> bool:
    m = re.search(rb'<svg[^>]*\swidth="([\d.]+)', chart.data[:2000]) if chart.is_svg else None
    return not chart.is_svg or (m is not None and float(m.group(1)) > 480)


_UNSAFE_SVG = re.compile(rb"<script|<foreignObject|\son\w+\s*=|javascript:", re.I)


def _svg_markup(chart: Chart, n: int) -> str:
    """An SVG chart as inline markup, its ids made unique on the page; if it holds anything
    active, an <img> with a data URI instead (the browser then runs none of it)."""
    data = chart.data
    if _UNSAFE_SVG.search(data):
        return f'<img alt="" src="data:image/svg+xml;base64,{base64.b64encode(data).decode()}">'
    text = data.decode("utf-8")
    text = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", "", text).strip()
    text = re.sub(r'\bid="([^"]+)"', rf'id="c{n}-\1"', text)
    text = re.sub(r'(url\(#|href="#)([^)"]+)', rf"\1c{n}-\2", text)
    return text


def _inline_svgs(html: str, doc: Document, token: str) -> str:
    for n, chart in enumerate(doc.charts, 1):
        if chart.is_svg:
            html = html.replace(f"<p>{token}{chart.name}</p>", _svg_markup(chart, n), 1)
    return html


def _run_pandoc(jobs: dict[str, list[str]], cwd: Path) -> None:
    """Run pandoc once per format, all at once (the machine has cores to spare)."""
    base = [pandoc_path(), "--from", READER, "--standalone", "--wrap=none"]
    procs = {what: subprocess.Popen([*base, *args], cwd=cwd, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE) for what, args in jobs.items()}
    for what, proc in procs.items():
        _, err = proc.communicate()
        if proc.returncode:
            raise RenderError(f"pandoc ({what}) failed: {err.decode(errors='replace').strip()}")


def render_notebook(notebook_path, out_dir=None, *, lang: str | None = None,
                    stem: str | None = None, formats=("html", "pdf")) -> RenderResult:
    """Render an executed notebook to `<out_dir>/<stem>.html` and `.pdf`.

    out_dir defaults to the notebook's folder (one folder per unit), stem to its name.
    lang defaults to the front matter's `lang` (or `params.lang`), else English.
    """
    import typst

    t0 = time.perf_counter()
    notebook_path = Path(notebook_path)
    out_dir = Path(out_dir) if out_dir else notebook_path.parent
    stem = stem or notebook_path.stem
    out_dir.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, float] = {}

    doc = read_document(notebook_path)
    meta = brief_metadata(doc.meta, lang)
    token = "BRIEFCHART" + hashlib.sha256(notebook_path.read_bytes()).hexdigest()[:16]
    seconds["read"] = time.perf_counter() - t0

    html_path = out_dir / f"{stem}.html" if "html" in formats else None
    pdf_path = out_dir / f"{stem}.pdf" if "pdf" in formats else None
    with tempfile.TemporaryDirectory(prefix="brief-") as tmp:
        work = Path(tmp)
        for chart in doc.charts:
            (work / chart.name).write_bytes(chart.data)
        jobs = {}
        if html_path:
            (work / "html.md").write_text(_markdown(doc, meta, "html", token), encoding="utf-8")
            jobs["html"] = ["html.md", "--to", "html5", "--output", "brief.html",
                            "--template", str(TEMPLATES / "brief.html"),
                            "--css", str(TEMPLATES / "brief.css"), "--embed-resources",
                            "--toc", "--toc-depth=2"]
        if pdf_path:
            (work / "typst.md").write_text(_markdown(doc, meta, "typst", token), encoding="utf-8")
            jobs["typst"] = ["typst.md", "--to", "typst", "--output", "brief.typ",
                             "--template", str(TEMPLATES / "brief.typ")]
        t1 = time.perf_counter()
        _run_pandoc(jobs, work)
        seconds["pandoc"] = time.perf_counter() - t1
        if html_path:
            html = (work / "brief.html").read_text(encoding="utf-8")
            html_path.write_text(_inline_svgs(html, doc, token), encoding="utf-8")
        if pdf_path:
            t2 = time.perf_counter()
            compiler = typst.Compiler(root=str(work), font_paths=_fonts(), ignore_system_fonts=True)
            try:
                pdf = compiler.compile(input=str(work / "brief.typ"), format="pdf",
                                       timestamp=_timestamp(meta))
            except typst.TypstError as exc:
                raise RenderError(f"typst failed: {exc.message}\n{exc.diagnostic}") from exc
            pdf_path.write_bytes(pdf)
            seconds["pdf"] = time.perf_counter() - t2
    seconds["total"] = time.perf_counter() - t0
    return RenderResult(html_path, pdf_path, {k: round(v, 4) for k, v in seconds.items()})
