"""Reading an executed brief notebook into format-neutral pieces.

The convention (shared with Quarto, so both renderers show the same sections):
- the first cell is a raw cell holding YAML front matter between `---` lines;
- code is never shown; a cell's `#| include: false` / `#| output: false` options and the
  `remove-cell` / `remove-output` tags drop its outputs;
- a `text/markdown` output is document Markdown (Quarto: `#| output: asis`);
- charts are `image/svg+xml` (or `image/png`); `#| fig-cap:` gives a caption;
- `text/plain` is shown, as preformatted text, only when a display has nothing richer;
- stream output is dropped; an error output means the notebook failed and is refused.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

TEXT_RICHER_THAN_PLAIN = ("text/markdown", "image/svg+xml", "image/png")


class RenderError(Exception):
    """A notebook that cannot become a brief; the message says which cell and why."""


@dataclass(frozen=True)
class Chart:
    name: str          # file name, e.g. chart-1.svg
    data: bytes
    caption: str = ""  # Markdown

    @property
    def is_svg(self) -> bool:
        return self.name.endswith(".svg")


@dataclass
class Document:
    meta: dict
    parts: list = field(default_factory=list)  # str (Markdown) or Chart

    @property
    def charts(self) -> list[Chart]:
        return [p for p in self.parts if isinstance(p, Chart)]


_FRONT = re.compile(r"\A\s*---\s*\n(.*?)\n(?:---|\.\.\.)\s*\Z", re.S)
_OPTION = re.compile(r"^#\|\s?(.*)$")


def read_front_matter(nb) -> dict:
    """The YAML of the first raw cell ({} when the notebook has none)."""
    if not nb.cells or nb.cells[0].cell_type != "raw":
        return {}
    m = _FRONT.match(nb.cells[0].source)
    if not m:
        raise RenderError("cell 0: a raw first cell must hold YAML between '---' lines")
    meta = yaml.safe_load(m.group(1)) or {}
    if not isinstance(meta, dict):
        raise RenderError("cell 0: front matter must be a YAML mapping")
    return meta


def write_front_matter(notebook_path: str | Path, updates: dict) -> dict:
    """Merge `updates` into an executed notebook's front matter and save it.

    The runner calls this after papermill, when the unit's names and date are known, so that
    Quarto and the built-in renderer read the same title block from the notebook itself.
    Values are Markdown: pass plain text through `md_escape` first.
    """
    path = Path(notebook_path)
    nb = nbformat.read(path, as_version=4)
    meta = read_front_matter(nb)
    for key, value in updates.items():
        if isinstance(value, dict) and isinstance(meta.get(key), dict):
            meta[key] = {**meta[key], **value}
        else:
            meta[key] = value
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---"
    if nb.cells and nb.cells[0].cell_type == "raw":
        nb.cells[0].source = text
    else:
        nb.cells.insert(0, nbformat.v4.new_raw_cell(text))
    nbformat.write(nb, path)
    return meta


def cell_options(source: str) -> dict:
    """Quarto's `#| key: value` lines at the top of a code cell."""
    lines = []
    for line in source.splitlines():
        m = _OPTION.match(line)
        if not m:
            break
        lines.append(m.group(1))
    if not lines:
        return {}
    try:
        opts = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError:
        return {}
    return opts if isinstance(opts, dict) else {}


def _fence(text: str) -> str:
    longest = max((len(r) for r in re.findall(r"`+", text)), default=0)
    tick = "`" * max(3, longest + 1)
    return f"{tick}\n{text.rstrip()}\n{tick}"


def _as_text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def read_document(notebook_path: str | Path) -> Document:
    nb = nbformat.read(Path(notebook_path), as_version=4)
    doc = Document(meta=read_front_matter(nb))
    start = 1 if nb.cells and nb.cells[0].cell_type == "raw" else 0
    for index, cell in enumerate(nb.cells[start:], start):
        tags = set(cell.get("metadata", {}).get("tags", []))
        if "remove-cell" in tags:
            continue
        if cell.cell_type == "markdown":
            doc.parts.append(cell.source)
            continue
        if cell.cell_type != "code":
            continue  # raw cells could carry raw HTML/Typst: never passed through
        opts = cell_options(cell.source)
        if opts.get("include") is False or opts.get("output") is False or "remove-output" in tags:
            continue
        caption = str(opts.get("fig-cap") or "")
        for output in cell.get("outputs", []):
            kind = output.get("output_type")
            if kind == "error":
                raise RenderError(f"cell {index}: the notebook stopped with "
                                  f"{output.get('ename')}: {output.get('evalue')}")
            if kind not in ("display_data", "execute_result"):
                continue  # stdout/stderr are the kernel's, not the reader's
            data = output.get("data", {})
            if "text/markdown" in data:
                doc.parts.append(_as_text(data["text/markdown"]))
            elif "image/svg+xml" in data:
                n = len(doc.charts) + 1
                svg = _as_text(data["image/svg+xml"]).encode()
                doc.parts.append(Chart(f"chart-{n}.svg", svg, caption))
            elif "image/png" in data:
                n = len(doc.charts) + 1
                png = base64.b64decode(_as_text(data["image/png"]))
                doc.parts.append(Chart(f"chart-{n}.png", png, caption))
            elif "text/plain" in data:
                doc.parts.append(_fence(_as_text(data["text/plain"])))
    return doc
