"""Real briefs, end to end: `briefs build` then `briefs run` with the project's notebooks, for Hà Tĩnh
(targets from the seeds) and Cao Bằng (no documents at all), in English and in Vietnamese side by side
(one run, both languages). Each HTML is checked in headless Chromium with the network off, each PDF
through pdftotext.

The hostile text rides on a test-only source and a test-only indicator reported at national level,
so it reaches both briefs through the library's own composition and escaping (national figures,
key messages, sources); no figure is attached to a real province.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from analysis.curation.build import build
from analysis.cli import main
from browser import colours, needs_chromium, needs_poppler, pdftotext, visit
from conftest import REPO, append_row, copy_project

pytestmark = [pytest.mark.slow]

HOSTILE = '<script>alert(1)</script> #read("/etc/passwd") $x$ * _ [ @ref `tick` {{< include x >}}'
LITERALS = ["<script>alert(1)</script>", '#read("/etc/passwd")', "$x$", "@ref", "`tick`", "{{< include x >}}"]
AS_OF = "2025-07-01"
UNITS = {"ha-tinh": "Hà Tĩnh", "cao-bang": "Cao Bằng"}
# A figure the seeds state nationally (nearly 60,000 officers), as each language writes it.
NATIONAL_FIGURE = {"en": "60,000", "vi": "60.000"}


def add_hostile_fixture(root: Path) -> None:
    curated = root / "data" / "curated"
    append_row(curated / "sources.csv", {
        "source_id": "test-fixture-hostile", "kind": "external", "title": f"Test fixture {HOSTILE}",
        "publisher": "tests", "date_published": "2024-01-31", "address": "https://example.invalid/fixture",
        "language": "en", "note": "Test-only source for escaping; not a real document.",
    })
    append_row(curated / "indicators.csv", {
        "indicator_id": "test_fixture_count", "name_en": f"Test fixture count {HOSTILE}",
        "name_vi": f"Chỉ số thử nghiệm {HOSTILE}", "measure": "count", "value_unit": "items",
        "additive": "true", "higher_is_better": "true",
    })
    append_row(curated / "observations.csv", {
        "observation_id": "test-fixture-hostile-2024", "unit": "national", "indicator_id": "test_fixture_count",
        "value": "7", "value_unit": "items", "date": "2024-01-31", "source_id": "test-fixture-hostile",
        "quote": f"Fixture quote {HOSTILE}",
    })


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    """The reports folder of one run: both briefs in both languages, and the index."""
    root = copy_project(tmp_path_factory.mktemp("e2e") / "project")
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    add_hostile_fixture(root)
    build(root)
    code = main(["--root", str(root), "run", *UNITS, "--as-of", AS_OF, "--jobs", "2"])
    assert code == 0, (root / "reports" / "manifest.json").read_text(encoding="utf-8")
    return root / "reports"


def brief(reports: Path, slug: str, lang: str, kind: str) -> Path:
    """English at the contract's path (<slug>/<slug>.html), Vietnamese beside it (<slug>.vi.html)."""
    return reports / slug / (f"{slug}.{kind}" if lang == "en" else f"{slug}.{lang}.{kind}")


CASES = [(slug, lang) for slug in UNITS for lang in ("en", "vi")]


@needs_chromium
@pytest.mark.parametrize("slug, lang", CASES)
def test_html_brief_in_browser(reports, browser, slug, lang):
    context, page, problems = visit(browser, brief(reports, slug, lang, "html"))
    try:
        assert problems == []
        text = page.inner_text("body")
        assert UNITS[slug] in text
        assert NATIONAL_FIGURE[lang] in text
        assert page.locator("svg").count() >= 1 and page.locator("svg rect, svg path, svg circle").count() > 3
        assert page.locator("script").count() == 0
        for literal in LITERALS:
            assert literal in text, literal
        assert colours(browser, page.screenshot(full_page=True)) > 1
    finally:
        context.close()


@needs_poppler
@pytest.mark.parametrize("slug, lang", CASES)
def test_pdf_has_names_figures_and_literal_text(reports, slug, lang):
    text = pdftotext(brief(reports, slug, lang, "pdf"))
    flat = " ".join(text.split())
    assert UNITS[slug] in flat
    assert NATIONAL_FIGURE[lang] in flat
    for literal in ('alert(1)', '#read("/etc/passwd")', "$x$", "@ref"):
        assert literal in flat, literal
    if slug == "ha-tinh":  # its targets, from Resolution 15-NQ/TU in the seeds
        assert "30%" in flat.replace(" %", "%") and "15-NQ/TU" in flat


def test_unit_without_documents_says_so_in_both_languages(reports):
    en = brief(reports, "cao-bang", "en", "html").read_text(encoding="utf-8")
    vi = brief(reports, "cao-bang", "vi", "html").read_text(encoding="utf-8")
    # The brief counts the unit's own documents: none (its wording is analysis.briefs').
    assert re.search(r"\b0 document", en) or "no document" in en.lower()
    assert re.search(r"\b0 văn bản", vi) or "chưa có văn bản" in vi.lower()


@needs_chromium
def test_index_links_both_briefs_in_both_languages_and_holds_the_matrix(reports, browser):
    context, page, problems = visit(browser, reports / "index.html")
    try:
        assert problems == [] and page.locator("script").count() == 0
        for slug in UNITS:
            for lang in ("en", "vi"):
                for kind in ("html", "pdf"):
                    href = brief(reports, slug, lang, kind).relative_to(reports).as_posix()
                    assert page.locator(f'a[href="{href}"]').count() == 1, href
        assert "Hà Tĩnh" in page.inner_text("body")
        assert page.locator("table.matrix tbody tr").count() == 34  # every current unit
        assert page.locator("table.matrix td.cell").count() == 34 * page.locator("table.matrix thead th").count() - 34
        assert page.locator("table.matrix td.reported").count() >= 1
        page.click('a[href="#by-coverage"]')
        assert page.locator("table.matrix tbody tr").first.bounding_box() is not None
    finally:
        context.close()


@needs_chromium
@pytest.mark.parametrize("lang, twin", [("en", "vi"), ("vi", "en")])
def test_twin_links_resolve(reports, browser, lang, twin):
    context, page, problems = visit(browser, brief(reports, "ha-tinh", lang, "html"))
    try:
        page.click("p.twin a")
        page.wait_for_load_state("load")
        assert page.url == brief(reports, "ha-tinh", twin, "html").resolve().as_uri()
        assert page.locator(f'html[lang="{twin}"]').count() == 1 and problems == []
    finally:
        context.close()
