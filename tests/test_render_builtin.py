"""The built-in renderer (pandoc + Typst): content, fonts, safety, determinism and speed."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.render import render_notebook
from analysis.render.notebook import RenderError

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "render"))
from render_fixtures import HOSTILE, brief_notebook  # noqa: E402

from browser import needs_poppler, pdftotext  # noqa: E402

pytestmark = pytest.mark.slow


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    root = tmp_path_factory.mktemp("reports")
    vi = brief_notebook(root / "ha-tinh" / "ha-tinh.ipynb", quote=HOSTILE, extra_rows=30)
    en = brief_notebook(root / "ho-chi-minh" / "ho-chi-minh.ipynb",
                        title="Thành phố Hồ Chí Minh", unit="Thành phố Hồ Chí Minh", lang="en")
    return {"vi": render_notebook(vi), "en": render_notebook(en), "root": root}


def test_outputs_land_in_the_units_folder(briefs):
    r = briefs["vi"]
    assert r.renderer == "builtin"
    assert r.html_path == briefs["root"] / "ha-tinh" / "ha-tinh.html"
    assert r.pdf_path == briefs["root"] / "ha-tinh" / "ha-tinh.pdf"
    assert r.pdf_path.read_bytes().startswith(b"%PDF")
    assert {"read", "pandoc", "pdf", "total"} <= set(r.seconds)
    # Nothing else is left behind (no shared `_files` folder to collide on).
    assert sorted(p.name for p in r.html_path.parent.iterdir()) == [
        "ha-tinh.html", "ha-tinh.ipynb", "ha-tinh.pdf"]


@needs_poppler
def test_pdf_text_names_and_figures_exactly(briefs):
    vi, en = pdftotext(briefs["vi"].pdf_path), pdftotext(briefs["en"].pdf_path)
    assert "Hà Tĩnh" in vi and "Thành phố Hồ Chí Minh" in en
    for figure in ("1.128.438", "3.400,5", "12,5", "01/07/2025", "Trang 1"):
        assert figure in vi
    for figure in ("1,128,438", "3,400.5", "12.5", "1 July 2025", "Page 1"):
        assert figure in en
    assert "Tỉnh Thử Nghiệm" in vi and "Nguồn: dữ liệu thử nghiệm (fixture)." in vi
    assert "DEBUG" not in vi and "HIDDEN-OUTPUT" not in vi and "unit = " not in vi


@needs_poppler
def test_pdf_fonts_are_embedded(briefs):
    out = subprocess.run(["pdffonts", str(briefs["vi"].pdf_path)], capture_output=True,
                         text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        assert re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row), row
        emb = row.split()[-5]
        assert emb == "yes", row
    assert "NotoSans" in out


@needs_poppler
def test_pdf_chart_is_vector(briefs):
    images = subprocess.run(["pdfimages", "-list", str(briefs["vi"].pdf_path)],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(images) == 2, images  # header lines only: the chart is paths and text
    assert "năm" in pdftotext(briefs["vi"].pdf_path)  # its axis title is text


@needs_poppler
def test_hostile_text_is_literal_in_pdf(briefs):
    text = squash(pdftotext(briefs["vi"].pdf_path))
    # The paragraph and the quote; -layout interleaves the two table cells, checked apart.
    assert text.count(squash(HOSTILE)) >= 2
    assert "Nguồn" in text and "[x](y)~~s~~1.done" in text


def test_hostile_text_is_literal_in_html(briefs):
    html = briefs["vi"].html_path.read_text(encoding="utf-8")
    assert "<script>" not in html and "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for literal in ("#read(&quot;/etc/passwd&quot;)", "$x$", "@ref", "`rm -rf`",
                    "{{&lt; include secret.md &gt;}}", "[x](y)", "~~s~~"):
        assert literal in html, literal
    quoted = html.split('id="trích-dẫn"', 1)[1]
    assert "<code>" not in quoted and "<del>" not in quoted and "<em>" not in quoted
    assert "<a " not in quoted and "<ol" not in quoted


def test_html_is_self_contained(briefs):
    html = briefs["vi"].html_path.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)\s*=\s*"(https?:)?//', html)
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert "<style" in html and "<link" not in html  # CSS inlined
    assert html.count("<svg") == 1 and "BRIEFCHART" not in html


def test_same_sections_in_html_and_pdf(briefs):
    html = briefs["vi"].html_path.read_text(encoding="utf-8")
    headings = re.findall(r"<h2 id=\"[^\"]*\">(.*?)</h2>", html)
    assert headings == ["Tóm tắt", "Ghi chú", "Trích dẫn"]
    if shutil.which("pdftotext"):
        pdf = pdftotext(briefs["vi"].pdf_path)
        assert [h for h in headings if h in pdf] == headings


@needs_poppler
def test_table_rows_never_split_across_pages(briefs):
    pages = pdftotext(briefs["vi"].pdf_path).split("\f")
    assert len([p for p in pages if p.strip()]) > 1, "the fixture table should span pages"
    for i in range(30):
        start = [n for n, p in enumerate(pages) if f"ROWSTART{i:03d}" in p]
        end = [n for n, p in enumerate(pages) if f"ROWEND{i:03d}" in p]
        assert start == end and len(start) == 1, (i, start, end)
    # The header row repeats on every page the table runs onto.
    assert sum("Chỉ tiêu" in p and "Giá trị" in p for p in pages) > 1


def test_same_inputs_give_identical_bytes(tmp_path):
    nb = brief_notebook(tmp_path / "a" / "unit.ipynb", quote=HOSTILE)
    first = render_notebook(nb, tmp_path / "one")
    second = render_notebook(nb, tmp_path / "two")
    assert first.html_path.read_bytes() == second.html_path.read_bytes()
    assert first.pdf_path.read_bytes() == second.pdf_path.read_bytes()


def test_lang_argument_overrides_front_matter(tmp_path):
    nb = brief_notebook(tmp_path / "u" / "u.ipynb", lang="vi")
    r = render_notebook(nb, lang="en", formats=("html",))
    assert r.pdf_path is None
    html = r.html_path.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "As of" in html
    with pytest.raises(RenderError):
        render_notebook(nb, lang="fr")


def test_warm_render_is_fast(tmp_path):
    nb = brief_notebook(tmp_path / "t" / "t.ipynb")
    render_notebook(nb)  # warm: fonts scanned, pandoc in the page cache
    nb2 = brief_notebook(tmp_path / "t2" / "t2.ipynb", title="Thành phố Hồ Chí Minh")
    t0 = time.perf_counter()
    r = render_notebook(nb2)
    elapsed = time.perf_counter() - t0
    print(f"warm render, HTML + PDF: {elapsed:.3f} s {r.seconds}")
    assert elapsed <= 0.5, r.seconds


def test_twin_link_from_front_matter_in_html_and_pdf(tmp_path):
    from analysis.render import write_front_matter

    nb = brief_notebook(tmp_path / "ha-tinh" / "ha-tinh.vi.ipynb")
    write_front_matter(nb, {"brief": {"twin": {"lang": "en", "label": "Read in English (bản tiếng Anh)",
                                               "html": "ha\\-tinh.html", "pdf": "ha\\-tinh.pdf"}}})
    r = render_notebook(nb)
    assert (r.html_path.name, r.pdf_path.name) == ("ha-tinh.vi.html", "ha-tinh.vi.pdf")
    html = r.html_path.read_text(encoding="utf-8")
    assert ('<p class="twin"><a href="ha-tinh.html" hreflang="en" lang="en" rel="alternate">'
            "Read in English (bản tiếng Anh)</a></p>") in html
    assert b"/URI(ha-tinh.pdf)" in r.pdf_path.read_bytes()  # a relative link, beside this PDF
    if shutil.which("pdftotext"):
        assert "Read in English (bản tiếng Anh)" in pdftotext(r.pdf_path)
    plain = render_notebook(brief_notebook(tmp_path / "u" / "u.ipynb"), formats=("html",))
    assert 'class="twin"' not in plain.html_path.read_text(encoding="utf-8")
