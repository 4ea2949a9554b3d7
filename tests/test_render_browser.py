"""Rendered pages in a real browser (Chromium via Playwright), with the network shut off."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from analysis.render import render_index, render_notebook

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "render"))
from render_fixtures import HOSTILE, brief_notebook  # noqa: E402

from browser import colours, needs_chromium, visit  # noqa: E402

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("reports")
    brief = render_notebook(brief_notebook(root / "ha-tinh" / "ha-tinh.ipynb", quote=HOSTILE))
    index = render_index([
        {"slug": "ha-tinh", "name_vi": "Tỉnh Hà Tĩnh", "name_en": "Ha Tinh Province",
         "former_units": ["Tỉnh Hà Tĩnh"], "status": "ok", "as_of": "2025-07-01",
         "headline": {"label": "Chỉ tiêu thử nghiệm", "value": "1.128.438"},
         "html": "ha-tinh/ha-tinh.html", "pdf": "ha-tinh/ha-tinh.pdf"},
        {"slug": "thu-nghiem", "name_vi": "Tỉnh Thử Nghiệm", "name_en": "Test Province",
         "former_units": [], "status": "failed", "as_of": None, "headline": None,
         "html": None, "pdf": None, "error": "<script>alert(2)</script>"},
    ], root / "index.html", lang="vi")
    return {"brief": brief.html_path, "index": index}


def test_brief_in_browser(browser, pages):
    context, page, problems = visit(browser, pages["brief"])
    try:
        assert problems == []
        text = page.inner_text("body")
        assert "Hà Tĩnh" in text and "1.128.438" in text and "Tỉnh Thử Nghiệm" in text
        assert page.locator("figure.chart svg, div.chart svg").count() == 1
        assert page.locator("svg rect, svg path").count() > 3
        assert page.locator("table").count() >= 1
        assert page.locator("nav#TOC a").count() == 3
        # The hostile quote is text: no script element exists and no dialog opened.
        assert page.locator("script").count() == 0
        assert text.count("<script>alert(1)</script>") >= 3
        for literal in ('#read("/etc/passwd")', "$x$", "@ref", "`rm -rf`", "{{< include"):
            assert literal in text
        assert colours(browser, page.screenshot(full_page=True)) > 1
    finally:
        context.close()


def test_index_in_browser(browser, pages):
    context, page, problems = visit(browser, pages["index"])
    try:
        assert problems == []
        text = page.inner_text("body")
        assert "Tỉnh Hà Tĩnh" in text and "Ha Tinh Province" in text
        assert "01/07/2025" in text and "1.128.438" in text and "chưa có dữ liệu" in text
        assert "<script>alert(2)</script>" in text and page.locator("script").count() == 0
        assert page.locator('a[href="ha-tinh/ha-tinh.html"]').count() == 1
        assert page.locator('a[href="national/national.html"]').count() == 1
        assert colours(browser, page.screenshot(full_page=True)) > 1
        # The link to the brief opens it, still offline.
        page.click('a[href="ha-tinh/ha-tinh.html"]')
        page.wait_for_load_state("load")
        assert "Hà Tĩnh" in page.inner_text("body") and problems == []
    finally:
        context.close()
