"""Escaping, number and date formats, labels, the notebook convention and the index page."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output, new_raw_cell

from analysis.render import (RenderError, format_date, format_number, html_escape, label,
                             md_escape, read_front_matter, render_index, typst_escape,
                             write_front_matter)
from analysis.render.builtin import brief_metadata
from analysis.render.notebook import Chart, cell_options, read_document

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "render"))
from render_fixtures import HOSTILE, brief_notebook  # noqa: E402


@pytest.mark.parametrize("x, en, vi", [
    (1128438, "1,128,438", "1.128.438"),
    (1234.5, "1,234.5", "1.234,5"),
    (3400.0, "3,400", "3.400"),
    (12.345, "12.35", "12,35"),
    (-0.5, "-0.5", "-0,5"),
    (0, "0", "0"),
])
def test_format_number(x, en, vi):
    assert format_number(x, "en") == en
    assert format_number(x, "vi") == vi


def test_format_number_decimals_and_missing():
    assert format_number(2.5, "vi", decimals=2) == "2,50"
    assert format_number(None, "vi") == label("no_data", "vi")
    assert format_number(float("nan"), "en") == "no data"


@pytest.mark.parametrize("d, en, vi", [
    (dt.date(2025, 7, 1), "1 July 2025", "01/07/2025"),
    ("2022-03-16", "16 March 2022", "16/03/2022"),
    ("2023-05", "May 2023", "05/2023"),
    ("2025", "2025", "2025"),
    (dt.datetime(2024, 12, 31, 23, 0), "31 December 2024", "31/12/2024"),
])
def test_format_date(d, en, vi):
    assert format_date(d, "en") == en
    assert format_date(d, "vi") == vi


def test_labels_and_languages():
    assert label("page", "vi") == "Trang"
    assert label("page", "en") == "Page"
    with pytest.raises(ValueError):
        label("page", "fr")
    with pytest.raises(KeyError):
        label("nonexistent", "en")


def test_md_escape_escapes_every_special():
    out = md_escape(HOSTILE)
    for special in "*_[]<>$@`#{}|":
        assert "\\" + special in out
    assert "\\{\\{\\<" in out  # Quarto's shortcode opener no longer matches
    assert md_escape("a\nb\r\n  c") == "a b c"


def test_html_and_typst_escape():
    assert html_escape('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"
    t = typst_escape('#read("x") $y$ @z // w <l>')
    for special in '#$@/<>"':
        assert "\\" + special in t
    assert "Hà Tĩnh" == typst_escape("Hà Tĩnh")


def test_cell_options():
    assert cell_options("#| output: asis\n#| fig-cap: A chart\ncode()") == {
        "output": "asis", "fig-cap": "A chart"}
    assert cell_options("code()\n#| output: asis") == {}


def test_read_document_follows_the_convention(tmp_path):
    doc = read_document(brief_notebook(tmp_path / "b.ipynb"))
    assert doc.meta["title"] == "Hà Tĩnh"
    text = "\n".join(p for p in doc.parts if isinstance(p, str))
    assert "## Tóm tắt" in text and "1\\.128\\.438" in text
    assert "DEBUG" not in text  # streams dropped
    assert "HIDDEN-OUTPUT" not in text  # include: false
    assert "unit = " not in text  # code never shown
    assert "```\n2\n```" in text  # plain text only when nothing richer
    assert "<Markdown>" not in text and "VegaLite" not in text
    [chart] = doc.charts
    assert isinstance(chart, Chart) and chart.is_svg and chart.caption == "Biểu đồ thử nghiệm"


def test_error_output_is_refused(tmp_path):
    nb = new_notebook(cells=[new_raw_cell("---\ntitle: x\n---"), new_code_cell("1/0", outputs=[
        new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])])])
    nbformat.write(nb, tmp_path / "e.ipynb")
    with pytest.raises(RenderError, match="ZeroDivisionError"):
        read_document(tmp_path / "e.ipynb")


def test_write_front_matter_merges(tmp_path):
    path = brief_notebook(tmp_path / "b.ipynb")
    write_front_matter(path, {"title": "Thành phố Hồ Chí Minh", "brief": {"as-of": "01/07/2025"}})
    meta = read_front_matter(nbformat.read(path, as_version=4))
    assert meta["title"] == "Thành phố Hồ Chí Minh"
    assert meta["brief"]["as-of"] == "01/07/2025"
    assert meta["brief"]["unit"] == "Tỉnh Hà Tĩnh"  # merged, not replaced


def test_brief_metadata_labels_follow_lang():
    meta = brief_metadata({"title": "T", "params": {"as_of": "2025-07-01"}}, "vi")
    assert meta["brief"]["page-label"] == "Trang"
    assert meta["brief"]["as-of"] == "01/07/2025"
    assert brief_metadata({"title": "T", "lang": "en"})["brief"]["page-label"] == "Page"
    with pytest.raises(RenderError):
        brief_metadata({}, "fr")


def index_entries():
    return [
        {"slug": "ha-tinh", "name_vi": "Tỉnh Hà Tĩnh", "name_en": "Ha Tinh Province",
         "former_units": ["Tỉnh Hà Tĩnh"], "status": "ok", "as_of": "2025-07-01",
         "headline": {"label": "Chỉ tiêu thử nghiệm", "value": "1.128.438"},
         "html": "ha-tinh/ha-tinh.html", "pdf": "ha-tinh/ha-tinh.pdf"},
        {"slug": "ho-chi-minh", "name_vi": "Thành phố Hồ Chí Minh",
         "name_en": "Ho Chi Minh City", "former_units": ["Bình Dương", "Bà Rịa - Vũng Tàu"],
         "status": "failed", "as_of": None, "headline": None, "html": None, "pdf": None,
         "error": "<b>boom</b>"},
    ]


def test_render_index(tmp_path):
    out = render_index(index_entries(), tmp_path / "index.html", lang="vi")
    page = out.read_text(encoding="utf-8")
    assert "Thành phố Hồ Chí Minh" in page and "Ho Chi Minh City" in page
    assert "Bình Dương, Bà Rịa - Vũng Tàu" in page
    assert "01/07/2025" in page and "1.128.438" in page
    assert label("no_data", "vi") in page and label("status_failed", "vi") in page
    assert 'href="ha-tinh/ha-tinh.pdf"' in page and 'href="national/national.html"' in page
    assert "&lt;b&gt;boom" in page and "<b>boom" not in page
    assert "http://" not in page and "https://" not in page and "<script" not in page
    with pytest.raises(ValueError):
        render_index([{**index_entries()[0], "status": "great"}], tmp_path / "x.html")
