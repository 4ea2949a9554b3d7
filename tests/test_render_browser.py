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


# ---- a whole brief of fictional units, every chart in it --------------------------------------

SECTIONS = ["header", "key_messages", "targets_table", ("heading", "trend_chart"), "trend_chart",
            ("heading", "peer_chart"), "peer_chart", "timeline", "timeline_chart", "coverage",
            "national_chart", "data_gaps", "sources", "method_note"]


def fictional_brief_notebook(path: Path, lang: str) -> tuple[Path, int]:
    """The province notebook's cells with the outputs a fictional brief gives them (no kernel
    needed); returns the notebook and the number of plotted facts."""
    import nbformat
    import yaml
    from nbformat.v4 import new_code_cell, new_notebook, new_output, new_raw_cell

    from charts_scenario import brief

    b = brief("gamma", lang)
    cells = [new_raw_cell("---\n" + yaml.safe_dump(b.front_matter(), allow_unicode=True) + "---")]
    for section in SECTIONS:
        out = b.heading(section[1]) if isinstance(section, tuple) else getattr(b, section)()
        mime = "image/svg+xml" if out.lstrip().startswith("<svg") else "text/markdown"
        cells.append(new_code_cell(f"brief.{section}", outputs=[new_output("display_data", data={mime: str(out)})]))
    plotted = sum(len(p[p["kind"] != "missing"]) if "kind" in p else len(p)
                  for p in (b.trend_points(), b.peer_points(), b.timeline_points(), b.national_points()))
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=cells), path)
    return path, plotted


@pytest.fixture(scope="module", params=["en", "vi"])
def fictional_brief(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"fictional-{request.param}")
    notebook, plotted = fictional_brief_notebook(root / "gamma" / "gamma.ipynb", request.param)
    return render_notebook(notebook), plotted


def test_every_chart_point_has_a_native_tooltip_and_nothing_leaves_the_machine(browser, fictional_brief):
    result, plotted = fictional_brief
    assert result.html_path.stat().st_size < 2_000_000
    context, page, problems = visit(browser, result.html_path)
    try:
        assert problems == [], problems  # visit() aborts and records any request that is not file://
        assert page.locator("script").count() == 0
        assert page.locator("div.chart svg").count() == 4
        marks = page.locator('svg [role="graphics-symbol"]:is(path, rect, circle)')
        titled = page.locator('svg [role="graphics-symbol"]:is(path, rect, circle) > title')
        assert marks.count() == titled.count() == plotted
        first = titled.first.text_content()
        assert "\n" in first and "“" in first
        # What the browser fetched: the page itself, nothing more.
        fetched = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
        assert all(url.startswith(("file:", "data:")) for url in fetched), fetched
    finally:
        context.close()


def page_requests(html: Path, log: Path) -> set[str]:
    """What a page asked for, by Chromium's own net log, with every host name resolving
    nowhere. Chromium's background requests carry the initiator "not an origin"; a file page's
    own carry its opaque origin."""
    import json
    import subprocess

    from browser import CHROMIUM, LAUNCH_ARGS

    subprocess.run([str(CHROMIUM), *LAUNCH_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND",
                    f"--log-net-log={log}", "--dump-dom", html.resolve().as_uri()],
                   capture_output=True, timeout=120, check=True)
    events = json.loads(log.read_text(encoding="utf-8"))["events"]
    return {e["params"]["url"] for e in events
            if "url" in e.get("params", {}) and e["params"].get("initiator") not in (None, "not an origin")}


def test_a_brief_makes_no_request_with_the_network_unreachable(fictional_brief, tmp_path):
    result, _ = fictional_brief
    control = tmp_path / "control.html"
    control.write_text('<img src="https://example.invalid/x.png">', encoding="utf-8")
    assert page_requests(control, tmp_path / "control.json") == {"https://example.invalid/x.png"}
    assert page_requests(result.html_path, tmp_path / "brief.json") == set()
