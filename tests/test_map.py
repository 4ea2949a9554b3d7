"""The maps: committed boundaries of the 34 units with their origin, the national coverage map and
the locator map, in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from analysis.briefs.map import CATEGORIES, NO_DATA, MapCell, coverage_map_svg, locator_map_svg
from analysis.reference.boundaries import load_adjacency, load_boundaries, write
from analysis.reference.units import load_units
from browser import needs_chromium
from conftest import REPO

SVG = "{http://www.w3.org/2000/svg}"
REFERENCE = REPO / "data" / "reference"


def _units(svg: str) -> list[ET.Element]:
    return [e for e in ET.fromstring(svg).iter(f"{SVG}path") if e.get("class") == "unit"]


def test_boundaries_hold_the_34_current_units_and_both_archipelagos() -> None:
    shapes = load_boundaries()
    units = [s for s in shapes if s.kind == "unit"]
    assert sorted(s.slug for s in units) == sorted(u.slug for u in load_units().current())
    assert all(s.polygons and all(len(ring) >= 4 for poly in s.polygons for ring in poly) for s in units)
    assert {s.label for s in shapes if s.kind == "archipelago"} == {"Hoàng Sa", "Trường Sa"}


def test_committed_boundaries_equal_the_generator_output_and_say_where_they_come_from(tmp_path: Path) -> None:
    copy = tmp_path / "reference"
    shutil.copytree(REFERENCE, copy)
    for name in ("boundaries_2025.geojson", "adjacency.csv"):
        (copy / name).unlink()
    write(copy)
    for name in ("boundaries_2025.geojson", "adjacency.csv"):
        assert (copy / name).read_bytes() == (REFERENCE / name).read_bytes(), name
    tracked = subprocess.run(["git", "ls-files", "data/reference"], cwd=REPO, capture_output=True, text=True).stdout
    for name in ("boundaries_2025.geojson", "adjacency.csv", "sources/natural_earth_vietnam.geojson"):
        assert f"data/reference/{name}" in tracked
    readme = (REFERENCE / "README.md").read_text(encoding="utf-8")
    assert "Natural Earth" in readme and "public domain" in readme and "world_map.gpkg" in readme


def test_adjacency_is_between_current_units_and_every_unit_has_a_neighbour() -> None:
    current = {u.slug for u in load_units().current()}
    adjacency = load_adjacency()
    assert set(adjacency) == current
    assert all(unit in adjacency[n] for unit, ns in adjacency.items() for n in ns)


def _cells(categories: list[str]) -> dict[str, MapCell]:
    # Drawing inputs only: names are placeholders, categories cycle; nothing here is data.
    units = sorted(u.slug for u in load_units().current())
    return {slug: MapCell(f"Test cell {n}", categories[n % len(categories)], n, n % 3) for n, slug in enumerate(units)}


def test_coverage_map_has_one_shape_per_unit_with_a_tooltip_and_a_distinct_no_data_fill() -> None:
    cells = _cells(list(CATEGORIES))
    svg = coverage_map_svg(cells, "en")
    paths = _units(svg)
    assert len(paths) == 34
    for path in paths:
        cell = cells[path.get("data-unit")]
        assert path.find(f"{SVG}title").text == f"{cell.name}: {cell.facts} facts, {cell.documents} documents"
        assert (path.get("fill") == "url(#no-data)") == (cell.category == NO_DATA)
    assert len({p.get("fill") for p in paths}) == len(CATEGORIES)
    assert 'id="no-data"' in svg and "No data (" in svg
    assert "Hoàng Sa archipelago" in svg and "Trường Sa archipelago" in svg
    vi = coverage_map_svg(cells, "vi")
    assert "Quần đảo Hoàng Sa" in vi and "Quần đảo Trường Sa" in vi and "Chưa có dữ liệu" in vi


def test_coverage_map_refuses_cells_that_miss_a_unit() -> None:
    cells = _cells(list(CATEGORIES))
    cells.pop("cao-bang")
    with pytest.raises(ValueError, match="cao-bang"):
        coverage_map_svg(cells)


def test_locator_map_marks_one_unit_and_its_neighbours() -> None:
    names = {u.slug: u.name_en for u in load_units().current()}
    neighbours = load_adjacency()["cao-bang"]
    paths = _units(locator_map_svg("cao-bang", names, neighbours))
    assert len(paths) == 34
    fills = {p.get("data-unit"): p.get("fill") for p in paths}
    assert list(fills.values()).count(fills["cao-bang"]) == 1
    assert {fills[n] for n in neighbours} != {fills["cao-bang"]}
    assert paths[-1].get("data-unit") == "cao-bang"  # drawn last: no border covers it
    with pytest.raises(ValueError, match="not a current unit"):
        locator_map_svg("atlantis", names)


_SAMPLE = """(svg) => {
    // Render the SVG to a canvas; per unit, count the colours of the pixels well inside its shape.
    const host = document.createElement('div'); host.innerHTML = svg; document.body.appendChild(host);
    const root = host.querySelector('svg');
    const inside = (p, x, y) => [[0, 0], [2, 0], [-2, 0], [0, 2], [0, -2]].every(([dx, dy]) => p.isPointInFill(new DOMPoint(x + dx, y + dy)));
    return new Promise(resolve => {
        const img = new Image();
        img.onload = () => {
            const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
            const g = c.getContext('2d'); g.drawImage(img, 0, 0);
            const out = {};
            for (const p of root.querySelectorAll('path.unit')) {
                const b = p.getBBox(); const counts = {};
                for (let x = Math.ceil(b.x); x < b.x + b.width; x += 1) for (let y = Math.ceil(b.y); y < b.y + b.height; y += 1) {
                    if (!inside(p, x + 0.5, y + 0.5)) continue;
                    const d = g.getImageData(x, y, 1, 1).data;
                    const key = (d[0] << 16 | d[1] << 8 | d[2]).toString(16);
                    counts[key] = (counts[key] || 0) + 1;
                }
                out[p.dataset.unit] = counts;
            }
            resolve(out);
        };
        img.src = 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(svg)));
    });
}"""


@needs_chromium
def test_no_data_is_hatched_and_the_others_are_flat_in_a_browser(browser) -> None:
    cells = _cells(list(CATEGORIES))
    page = browser.new_context(offline=True).new_page()
    seen = page.evaluate(_SAMPLE, coverage_map_svg(cells, "en"))
    assert len(seen) == 34
    flat, hatched = {}, []
    for slug, counts in seen.items():
        total = sum(counts.values())
        if total < 40:  # a unit too thin to hold pixels well inside it
            continue
        main, share = max(counts.items(), key=lambda kv: kv[1])
        if cells[slug].category == NO_DATA:
            hatched.append(slug)
            assert share / total < 0.8, f"{slug}: a no-data unit shows one flat colour"
        else:
            assert share / total > 0.9, f"{slug}: a unit with data is not flat"
            flat.setdefault(cells[slug].category, set()).add(main)
    assert hatched and len(flat) == len(CATEGORIES) - 1
    assert all(len(colours) == 1 for colours in flat.values())  # one colour per category
    assert len(set().union(*flat.values())) == len(CATEGORIES) - 1  # and each its own
