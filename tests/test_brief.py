"""The brief's sections, on the repository's own curated data, and the notebooks end to end."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import papermill
import pytest

from analysis.briefs.brief import open_brief
from analysis.briefs.output import Markdown, Svg
from analysis.briefs.overview import open_overview
from conftest import REPO, plain




def test_ha_tinh_targets_have_no_data_and_cite_their_quotes(database: Path) -> None:
    brief = open_brief("Hà Tĩnh", as_of="2025-07-01", lang="en", data=database)
    table = brief.targets_table()
    assert isinstance(table, Markdown)
    table = plain(table)
    assert table.count("**no data**") == 3
    assert "≥ 30%" in table and "31 December 2025" in table
    assert "at least 100%" not in table and "| 100% |" in table  # a full share reads as the share
    messages = plain(brief.key_messages())
    assert "at least 30% by 31 December 2025" in messages and "100% by 31 December 2030" in messages
    sources = plain(brief.sources())
    assert "by the end of 2025, at least 30% of ward police units will meet the typical and model criteria" in sources


def test_national_figures_come_with_their_dates(database: Path) -> None:
    brief = open_brief("ha-tinh", as_of="2025-07-01", lang="en", data=database)
    national = plain(brief.national_table())
    assert "nearly 60,000 officers" in national
    assert "about 30,000 billion VND" in national
    assert "20 March 2023" in national


def test_vietnamese_brief_formats_numbers_and_dates(database: Path) -> None:
    brief = open_brief("ha-tinh", as_of="2025-07-01", lang="vi", data=database)
    text = plain(brief.key_messages() + brief.national_table())
    assert "gần 60.000 cán bộ, chiến sĩ" in text
    assert "20/03/2023" in text
    assert "ít nhất 30% đến ngày 31/12/2025" in text and "ít nhất 100%" not in text
    assert "chưa có số liệu" in brief.targets_table()


def test_as_of_before_the_resolution_hides_its_targets(database: Path) -> None:
    brief = open_brief("ha-tinh", as_of="2023-01-01", lang="en", data=database)
    table = plain(brief.targets_table())
    assert "15-NQ/TU" not in table and "**no data**" not in table and "≥ 30%" not in table


def test_former_unit_resolves_to_current_and_is_named(database: Path) -> None:
    brief = open_brief("Hải Dương", as_of="2025-07-01", lang="en", data=database)
    assert brief.unit.slug == "hai-phong"
    assert "Hải Dương (Hai Duong)" in plain(brief.header())


def test_ha_tinh_targets_without_a_baseline_are_markers_not_a_path(database: Path) -> None:
    brief = open_brief("ha-tinh", as_of="2025-07-01", data=database)
    points = brief.trend_points()
    assert set(points["kind"]) == {"target"} and points["path"].isna().all()
    assert points["note"].str.contains("Targets only").all()
    chart = brief.trend_chart()
    assert isinstance(chart, Svg) and chart.lstrip().startswith("<svg")
    assert 'stroke-dasharray' not in chart  # no path is drawn from a baseline nobody stated


def test_overview_sections(database: Path) -> None:
    overview = open_overview(as_of="2025-07-01", lang="en", data=database)
    assert re.search(r"\d+ of the 34 provincial units", plain(overview.summary()))
    assert "Ha Tinh" in overview.coverage_table()
    assert overview.coverage_map().lstrip().startswith("<svg")
    assert "too few" in overview.ranks() or "no ranking" in overview.ranks() or "No indicator" in overview.ranks()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["province_brief", "national_overview"])
def test_notebook_runs_top_to_bottom_with_default_parameters(name: str, database: Path, tmp_path: Path) -> None:
    output = tmp_path / f"{name}.ipynb"
    papermill.execute_notebook(
        str(REPO / "notebooks" / f"{name}.ipynb"),
        str(output),
        parameters={"data": str(database)},
        cwd=str(REPO),
        progress_bar=False,
    )
    executed = nbformat.read(output, as_version=4)
    mimetypes = {key for cell in executed.cells if cell.cell_type == "code" for out in cell.get("outputs", []) for key in out.get("data", {})}
    assert "text/markdown" in mimetypes and "image/svg+xml" in mimetypes
    assert not any(out.get("output_type") == "error" for cell in executed.cells for out in cell.get("outputs", []))


def test_a_summed_figure_cites_each_part_with_its_quote():
    import pandas as pd

    from analysis.briefs.output import Citations

    sources = pd.DataFrame({"source_id": ["s-alpha", "s-beta"], "title": ["Alpha news", "Beta news"]})
    citations = Citations(sources)
    marks = citations.cite("s-alpha; s-beta", "alpha has 10 | beta has 12")
    assert marks == "[1] [2]"
    assert citations.quotes == {"s-alpha": ["alpha has 10"], "s-beta": ["beta has 12"]}
    assert citations.cite("s-beta") == "[2]"


def test_one_of_a_thing_is_singular_in_english_only():
    from analysis.briefs.wording import value_text

    assert value_text(1, "units", None, "en") == "1 unit"
    assert value_text(2, "units", None, "en") == "2 units"
    assert value_text(1, "headquarters", None, "en") == "1 headquarters"
    assert value_text(1, "units", None, "vi") == "1 đơn vị"
