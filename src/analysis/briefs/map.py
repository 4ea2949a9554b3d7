"""Maps of the 34 current units as static SVG, from data/reference/boundaries_2025.geojson.

Written by hand rather than with Altair: every unit is one <path class="unit"> with a <title>
(the HTML's tooltip), "no data" is a hatched fill that stays distinct in grey print, and the
Hoàng Sa and Trường Sa archipelagos are always drawn and labelled. The same SVG goes into the
HTML (inline) and the PDF (Typst).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from analysis.reference.boundaries import Shape, load_boundaries
from analysis.render.i18n import label

# Figures in three shades by the number of facts, a target or document only, nothing at all.
FEW, SOME, MANY, PROMISES, NO_DATA = "few", "some", "many", "promises", "no_data"
CATEGORIES = (MANY, SOME, FEW, PROMISES, NO_DATA)
FACT_BINS = {SOME: 4, MANY: 8}  # at least this many facts (figures and targets)
FILL = {MANY: "#08519c", SOME: "#3f86c6", FEW: "#a9cbe8", PROMISES: "#f3c9a8", NO_DATA: "url(#no-data)"}
HIGHLIGHT, OTHER, NEIGHBOUR = "#c55a11", "#e4e4e4", "#f3c9a8"
LAT_MID = 16.0  # the map's projection: lon scaled by cos(16°), equirectangular
FONT = 'font-family="sans-serif"'


@dataclass(frozen=True)
class MapCell:
    """What the national map shows of one unit."""

    name: str
    category: str  # one of CATEGORIES
    facts: int = 0  # figures and targets
    documents: int = 0


def category_of(observations: int, targets: int, documents: int) -> str:
    if not observations:
        return PROMISES if (targets or documents) else NO_DATA
    facts = observations + targets
    return MANY if facts >= FACT_BINS[MANY] else SOME if facts >= FACT_BINS[SOME] else FEW


class _Frame:
    """lon/lat -> SVG x/y for a box of width `width` around every shape."""

    def __init__(self, shapes: list[Shape], width: float, pad: float):
        points = [p for s in shapes for poly in s.polygons for ring in poly for p in ring]
        self.k = math.cos(math.radians(LAT_MID))
        xs = [x * self.k for x, _ in points]
        ys = [y for _, y in points]
        self.x0, self.y1 = min(xs), max(ys)
        self.scale = (width - 2 * pad) / (max(xs) - self.x0)
        self.pad, self.width = pad, width
        self.height = (max(ys) - min(ys)) * self.scale + 2 * pad

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (self.pad + (lon * self.k - self.x0) * self.scale, self.pad + (self.y1 - lat) * self.scale)

    def path(self, shape: Shape) -> str:
        parts = []
        for poly in shape.polygons:
            for ring in poly:
                pts = [self.xy(x, y) for x, y in ring]
                parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
        return "".join(parts)


def _archipelagos(frame: _Frame, shapes: list[Shape], lang: str, size: int, names: dict[str, str]) -> list[str]:
    """Each archipelago as dots at its islands and a label: shown on every map, land or no data."""
    out = []
    for shape in shapes:
        dots = []
        for poly in shape.polygons:
            ring = poly[0]
            x, y = frame.xy(sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
            dots.append((x, y))
            out.append(f'<circle class="archipelago" cx="{x:.1f}" cy="{y:.1f}" r="{max(1.2, size / 9):.1f}" fill="#555555"/>')
        owner = names.get(shape.slug.split(":")[0], "")
        words = label("archipelago", lang).format(name=shape.label)
        # Under the islands, toward the open sea: left-aligned if the label fits, else right-aligned.
        longest = max(len(words), len(owner) + 2) * size * 0.55
        start = min(d[0] for d in dots)
        x, anchor = (start, "start") if start + longest < frame.width else (max(d[0] for d in dots), "end")
        y = max(d[1] for d in dots) + size + 2
        for n, line in enumerate([words, f"({owner})" if owner else ""]):
            if line:
                out.append(f'<text x="{x:.1f}" y="{y + n * (size + 1):.1f}" font-size="{size}" {FONT} fill="#444444" '
                           f'text-anchor="{anchor}">{escape(line)}</text>')
    return out


def _svg(frame: _Frame, width: float, title: str, body: list[str]) -> str:
    defs = ('<defs><pattern id="no-data" patternUnits="userSpaceOnUse" width="5" height="5" '
            'patternTransform="rotate(45)"><rect width="5" height="5" fill="#f4f4f4"/>'
            '<line x1="0" y1="0" x2="0" y2="5" stroke="#9a9a9a" stroke-width="1.4"/></pattern></defs>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{frame.height:.0f}" '
            f'viewBox="0 0 {width:.0f} {frame.height:.0f}" role="img" aria-label="{escape(title)}">'
            f"<title>{escape(title)}</title>{defs}" + "".join(body) + "</svg>")


def coverage_map_svg(cells: dict[str, MapCell], lang: str = "en", width: float = 460) -> str:
    """The national map: each unit filled by its category, a legend with counts per category."""
    shapes = load_boundaries()
    units = [s for s in shapes if s.kind == "unit"]
    missing = sorted(s.slug for s in units if s.slug not in cells)
    if missing:
        raise ValueError(f"coverage map: no cell for {', '.join(missing)}")
    frame = _Frame(shapes, width, pad=8)
    body = []
    for shape in units:
        cell = cells[shape.slug]
        tip = label("map_tooltip", lang).format(name=cell.name, facts=cell.facts, documents=cell.documents)
        body.append(f'<path class="unit" data-unit="{shape.slug}" data-category="{cell.category}" d="{frame.path(shape)}" '
                    f'fill="{FILL[cell.category]}" stroke="#ffffff" stroke-width="0.6" fill-rule="evenodd">'
                    f"<title>{escape(tip)}</title></path>")
    owners = {slug: cell.name for slug, cell in cells.items()}
    body += _archipelagos(frame, [s for s in shapes if s.kind == "archipelago"], lang, 9, owners)
    x, y = frame.xy(109.6, 23.2)
    for n, category in enumerate(CATEGORIES):
        count = sum(1 for c in cells.values() if c.category == category)
        top = y + n * 18
        body.append(f'<rect class="legend" data-category="{category}" x="{x:.1f}" y="{top:.1f}" width="14" height="12" '
                    f'fill="{FILL[category]}" stroke="#777777" stroke-width="0.5"/>')
        body.append(f'<text x="{x + 20:.1f}" y="{top + 10:.1f}" font-size="11" {FONT}>'
                    f"{escape(label('map_' + category, lang).format(**_bounds()))} ({count})</text>")
    return _svg(frame, width, label("map_title", lang), body)


def _bounds() -> dict:
    return {"some": FACT_BINS[SOME], "some_end": FACT_BINS[MANY] - 1, "few_end": FACT_BINS[SOME] - 1, "many": FACT_BINS[MANY]}


def locator_map_svg(unit: str, names: dict[str, str], neighbours: list[str] = (), lang: str = "en",
                    width: float = 240) -> str:
    """A small map that finds `unit` in the country: the unit dark, its neighbours light."""
    shapes = load_boundaries()
    if unit not in {s.slug for s in shapes}:
        raise ValueError(f"locator map: {unit!r} is not a current unit")
    frame = _Frame(shapes, width, pad=4)
    body = []
    # The unit last, with a dark outline, so no neighbour's border covers it.
    for shape in sorted((s for s in shapes if s.kind == "unit"), key=lambda s: s.slug == unit):
        fill = HIGHLIGHT if shape.slug == unit else NEIGHBOUR if shape.slug in neighbours else OTHER
        stroke = '"#7a3308" stroke-width="0.5"' if shape.slug == unit else '"#ffffff" stroke-width="0.3"'
        body.append(f'<path class="unit" data-unit="{shape.slug}" d="{frame.path(shape)}" fill="{fill}" '
                    f'stroke={stroke} fill-rule="evenodd">'
                    f"<title>{escape(names.get(shape.slug, shape.label))}</title></path>")
    body += _archipelagos(frame, [s for s in shapes if s.kind == "archipelago"], lang, 7, {})
    title = label("locator_title", lang).format(name=names.get(unit, unit))
    return _svg(frame, width, title, body)


class MapSection:
    """Mixed into Brief: the locator map (needs unit, units, lang)."""

    def locator_map(self):
        from analysis.briefs.output import Svg
        from analysis.briefs.wording import unit_names
        from analysis.reference.boundaries import load_adjacency

        names = unit_names(self.units, self.lang)
        neighbours = load_adjacency().get(self.unit.slug, [])
        return Svg(locator_map_svg(self.unit.slug, names, neighbours, self.lang))
