"""The national overview's coverage: the summary figures, the map and the units x indicators
matrix, on the repository's own curated data (asserting relations that hold whatever it holds)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from analysis.briefs.map import NO_DATA, category_of
from analysis.briefs.matrix import active_indicators
from analysis.briefs.overview import open_overview
from analysis.progress.coverage import NO_DATA_CELL, REPORTED, TARGET_ONLY, coverage_matrix, coverage_summary
from browser import needs_poppler, pdftotext
from conftest import REPO, plain

SVG = "{http://www.w3.org/2000/svg}"
EARLY, LATE = "2021-06-30", "2026-06-30"




@pytest.mark.parametrize("as_of", [EARLY, LATE])
def test_summary_states_the_coverage_figures(database: Path, as_of: str) -> None:
    overview = open_overview(as_of=as_of, lang="en", data=database)
    c = coverage_summary(overview.facts, overview.as_of)
    text = plain(overview.summary())
    assert f"{c['units_with_figures']} of {c['units']} units have at least one sourced figure" in text
    assert f"{c['units_with_target_or_document']} have a target or a document of their own" in text
    assert f"{c['observations']:,} figures and {c['targets']:,} targets" in text
    vi = plain(open_overview(as_of=as_of, lang="vi", data=database).summary())
    assert f"{c['units_with_figures']} trên {c['units']} tỉnh, thành phố có ít nhất một số liệu có nguồn" in vi


def test_map_colours_each_unit_by_what_the_matrix_and_documents_hold(database: Path) -> None:
    overview = open_overview(as_of=EARLY, lang="en", data=database)
    matrix = coverage_matrix(overview.facts, overview.as_of)
    documents = overview.grid.groupby("current_unit")["documents"].sum()
    paths = [p for p in ET.fromstring(overview.coverage_map()).iter(f"{SVG}path") if p.get("class") == "unit"]
    assert len(paths) == 34
    for path in paths:
        rows = matrix[matrix["current_unit"] == path.get("data-unit")]
        obs, tgt = int(rows["observations"].sum()), int(rows["targets"].sum())
        expected = category_of(obs, tgt, int(documents.get(path.get("data-unit"), 0)))
        assert path.get("data-category") == expected
        assert f": {obs + tgt} facts" in path.find(f"{SVG}title").text
    # Early on most units have nothing: they must be the hatched ones.
    assert any(p.get("data-category") == NO_DATA and p.get("fill") == "url(#no-data)" for p in paths)


@pytest.mark.parametrize("as_of", [EARLY, LATE])
def test_matrix_panels_show_every_unit_and_active_indicator_with_its_state(database: Path, as_of: str) -> None:
    overview = open_overview(as_of=as_of, lang="en", data=database)
    matrix = coverage_matrix(overview.facts, overview.as_of)
    active = active_indicators(matrix)
    panels = overview.coverage_matrix_panels()
    cells = [g for svg in panels for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "cell"]
    assert len(cells) == 34 * len(active)
    shown = matrix[matrix["indicator_id"].isin(active)]
    # Panels run indicator by indicator within a unit row; compare the states as multisets per state.
    for state in (REPORTED, TARGET_ONLY, NO_DATA_CELL):
        assert sum(g.get("data-state") == state for g in cells) == int((shown["state"] == state).sum())
    for g in cells:
        texts = "".join(t.text or "" for t in g.iter(f"{SVG}text"))
        rect = g.find(f"{SVG}rect")
        if g.get("data-state") == NO_DATA_CELL:
            assert texts == "—" and rect.get("fill") == "url(#m-no-data)"
        elif g.get("data-state") == TARGET_ONLY:
            assert texts.startswith("◇") and rect.get("stroke") and rect.get("fill") == "#ffffff"
        else:
            assert re.match(r"^\d+(\d{4}(-\d{2})?)?$", texts)
    key = plain(overview.coverage_matrix())
    assert "a target only" in key and "no data" in key
    silent = [i for i in overview.facts.indicators["indicator_id"] if i not in active]
    names = overview.facts.indicators.set_index("indicator_id")["name_en"]
    assert all(names[i] in key for i in silent)


def test_matrix_cells_carry_count_and_latest_date(database: Path) -> None:
    overview = open_overview(as_of=LATE, lang="en", data=database)
    matrix = coverage_matrix(overview.facts, overview.as_of)
    reported = matrix[matrix["state"] == REPORTED].iloc[0]
    panels = overview.coverage_matrix_panels()
    name = reported["name_en"]
    tips = [t.text for svg in panels for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("class") == "cell"
            for t in g.findall(f"{SVG}title") if t.text.startswith(f"{name} · ")]
    assert len(tips) == len(active_indicators(matrix))  # one cell per active indicator in its row
    assert any(f"{int(reported['observations'])} / {int(reported['targets'])}" in t for t in tips)


@pytest.mark.slow
@needs_poppler
def test_rendered_overview_has_the_map_with_tooltips_and_the_matrix(database: Path, tmp_path: Path) -> None:
    import papermill

    from analysis.render import render

    executed = tmp_path / "national.ipynb"
    papermill.execute_notebook(str(REPO / "notebooks" / "national_overview.ipynb"), str(executed),
                               parameters={"data": str(database), "as_of": EARLY}, cwd=str(REPO), progress_bar=False)
    result = render(executed, tmp_path / "out", prefer_quarto=False)
    html = Path(result.html_path).read_text(encoding="utf-8")
    units = re.findall(r'<path class="unit"[^>]*>\s*<title>([^<]+)</title>', html)
    assert len(units) == 34 and all(re.search(r": \d+ facts, \d+ documents$", t) for t in units)
    assert 'fill="url(#c' in html and "no-data" in html  # the hatch, its id made unique on the page
    assert html.count('class="cell"') == 34 * len(active_indicators(coverage_matrix(
        open_overview(as_of=EARLY, data=database).facts, pd.Timestamp(EARLY))))
    text = pdftotext(Path(result.pdf_path))
    assert "Coverage by unit and indicator" in text and "Hoàng Sa archipelago" in text
