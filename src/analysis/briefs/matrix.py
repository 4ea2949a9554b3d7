"""The units x indicators coverage matrix as static SVG panels.

One row per current unit, one column per indicator that any unit reports; each cell shows how
many facts (figures and targets) there are and the latest figure's date. The three states of
analysis.progress.coverage stay apart by fill and mark: figures (blue, count), target only
(white with an orange frame and "◇"), no data (hatched, "—"). Panels of at most PANEL_COLUMNS
indicators keep the text legible at the PDF's page width.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from analysis.progress.coverage import NO_DATA_CELL, REPORTED, TARGET_ONLY
from analysis.render.i18n import format_date, label

PANEL_COLUMNS = 12
CELL_W, CELL_H, NAME_W, HEAD_H = 30, 22, 112, 150
FILL = {REPORTED: "#2b6aa8", TARGET_ONLY: "#ffffff", NO_DATA_CELL: "url(#m-no-data)"}
FONT = 'font-family="sans-serif"'


def active_indicators(matrix: pd.DataFrame) -> list[str]:
    """Indicators (curated order) with a figure or a target for at least one unit."""
    facts = matrix.groupby("indicator_id", sort=False)["facts"].sum()
    return [i for i in dict.fromkeys(matrix["indicator_id"]) if facts.get(i, 0) > 0]


def _short_date(value, lang: str) -> str:
    if not isinstance(value, str) or not value:
        return ""
    if len(value) == 4:
        return value
    year, month = value[:4], value[5:7]
    return f"{month}/{year[2:]}" if lang == "vi" else f"{year}-{month}"


def matrix_panels(matrix: pd.DataFrame, names: dict[str, str], lang: str = "en") -> list[str]:
    """The matrix as SVG panels. `names`: indicator_id -> the name shown over its column."""
    columns = active_indicators(matrix)
    if not columns:
        return []
    per_panel = -(-len(columns) // -(-len(columns) // PANEL_COLUMNS))  # balanced: 13 -> 7 + 6, not 12 + 1
    return [_panel(matrix, columns[i:i + per_panel], names, lang) for i in range(0, len(columns), per_panel)]


def _panel(matrix: pd.DataFrame, columns: list[str], names: dict[str, str], lang: str) -> str:
    units = list(dict.fromkeys(matrix["current_unit"]))
    cells = matrix.set_index(["current_unit", "indicator_id"])
    unit_name = dict(zip(matrix["current_unit"], matrix["name_vi" if lang == "vi" else "name_en"]))
    width = NAME_W + CELL_W * len(columns) + 90  # room for the last rotated header
    height = HEAD_H + CELL_H * len(units) + 6
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="{escape(label("coverage_matrix", lang))}">',
           f"<title>{escape(label('coverage_matrix', lang))}</title>",
           '<defs><pattern id="m-no-data" patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">'
           '<rect width="5" height="5" fill="#f4f4f4"/><line x1="0" y1="0" x2="0" y2="5" stroke="#c4c4c4" stroke-width="1.2"/>'
           "</pattern></defs>"]
    for c, indicator in enumerate(columns):
        x = NAME_W + c * CELL_W + CELL_W / 2 + 3
        text = names.get(indicator, indicator)
        text = text if len(text) <= 34 else text[:33] + "…"
        out.append(f'<text x="{x:.1f}" y="{HEAD_H - 4}" transform="rotate(-60 {x:.1f} {HEAD_H - 4})" font-size="9" {FONT}>'
                   f"<title>{escape(names.get(indicator, indicator))}</title>{escape(text)}</text>")
    for r, unit in enumerate(units):
        y = HEAD_H + r * CELL_H
        out.append(f'<text x="{NAME_W - 6}" y="{y + 15}" font-size="10" text-anchor="end" {FONT}>{escape(unit_name[unit])}</text>')
        for c, indicator in enumerate(columns):
            out.append(_cell(cells.loc[(unit, indicator)], NAME_W + c * CELL_W, y, unit_name[unit], names.get(indicator, indicator), lang))
    out.append("</svg>")
    return "".join(out)


def _cell(cell: pd.Series, x: float, y: float, unit: str, indicator: str, lang: str) -> str:
    state = cell["state"]
    w, h = CELL_W - 2, CELL_H - 2
    stroke = ' stroke="#c55a11" stroke-width="1.2"' if state == TARGET_ONLY else ""
    if state == REPORTED:
        date = _short_date(cell["latest_date"], lang)
        tip = f"{unit} · {indicator}: {int(cell['observations'])} / {int(cell['targets'])} · {format_date(cell['latest_date'], lang) if cell['latest_date'] else ''}"
        marks = (f'<text x="{x + w / 2 + 1:.1f}" y="{y + 10}" font-size="9" font-weight="bold" fill="#ffffff" text-anchor="middle" {FONT}>'
                 f"{int(cell['facts'])}</text>"
                 f'<text x="{x + w / 2 + 1:.1f}" y="{y + 18.5}" font-size="6.5" fill="#ffffff" text-anchor="middle" {FONT}>{date}</text>')
    elif state == TARGET_ONLY:
        tip = f"{unit} · {indicator}: {label('matrix_target_only', lang)} ({int(cell['targets'])})"
        marks = f'<text x="{x + w / 2 + 1:.1f}" y="{y + 14}" font-size="10" fill="#c55a11" text-anchor="middle" {FONT}>◇{int(cell["targets"])}</text>'
    else:
        tip = f"{unit} · {indicator}: {label('no_data', lang)}"
        marks = f'<text x="{x + w / 2 + 1:.1f}" y="{y + 14}" font-size="9" fill="#9a9a9a" text-anchor="middle" {FONT}>—</text>'
    return (f'<g class="cell" data-state="{state}"><title>{escape(tip)}</title>'
            f'<rect x="{x + 1}" y="{y + 1}" width="{w}" height="{h}" fill="{FILL[state]}"{stroke}/>{marks}</g>')
