"""Both languages side by side: `briefs run --all` on a scratch project of the fictional units
(tests/fictional.py), with the real renderer. English at the contract's paths, Vietnamese beside it
(`<slug>.vi.*`), each linking to the other; the manifest and the hashes keep them apart; the index
lists both and holds the coverage matrix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis.cli import main
from batch_project import make_fictional_project
from browser import needs_chromium, visit
from fictional import CURRENT, Fictional

pytestmark = pytest.mark.slow

AS_OF = "2025-08-01"
BRIEFS = ["national", *CURRENT]


def fictional_facts():
    # alpha (merged into alpha-beta) reports figures; gamma only promised; the rest have nothing.
    return (Fictional()
            .target("alpha", "officers", 100, "2025-12-31")
            .observation("alpha", "officers", 40, "2024-01-01")
            .observation("beta", "funding", 5e9, "2024-05")
            .target("gamma", "share", 80, "2026-12-31")
            .build())


def manifest_of(root: Path) -> dict:
    return json.loads((root / "reports" / "manifest.json").read_text(encoding="utf-8"))


def statuses(root: Path) -> dict[str, dict[str, str]]:
    m = manifest_of(root)
    return {"en": {s: e["status"] for s, e in m["units"].items()},
            "vi": {s: e["status"] for s, e in m.get("units_by_lang", {}).get("vi", {}).items()}}


def files(root: Path, slug: str, lang: str) -> dict[str, Path]:
    stem = slug if lang == "en" else f"{slug}.{lang}"
    return {kind: root / "reports" / slug / f"{stem}.{kind}" for kind in ("ipynb", "html", "pdf")}


@pytest.fixture(scope="module")
def project(tmp_path_factory, monkeypatch_module):
    root = make_fictional_project(tmp_path_factory.mktemp("languages") / "project", fictional_facts())
    # Teammates edit the package while this runs; a code change would (rightly) re-render everything.
    monkeypatch_module.setattr("analysis.batch.runner.code_digest", lambda: "pinned")
    monkeypatch_module.setenv("BRIEFS_RENDERER", "builtin")
    assert main(["--root", str(root), "run", "--all", "--as-of", AS_OF, "--jobs", "2"]) == 0
    return root


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_both_languages_side_by_side_at_their_paths(project):
    assert sorted(p.name for p in (project / "reports").iterdir() if p.is_dir() and p.name[0] != ".") == sorted(BRIEFS)
    for slug in BRIEFS:
        assert sorted(p.name for p in (project / "reports" / slug).iterdir()) == sorted(
            f"{slug}{suffix}" for suffix in (".ipynb", ".html", ".pdf", ".vi.ipynb", ".vi.html", ".vi.pdf"))
        for lang in ("en", "vi"):
            out = files(project, slug, lang)
            assert f'<html lang="{lang}">' in out["html"].read_text(encoding="utf-8")
            assert out["pdf"].read_bytes().startswith(b"%PDF")
            assert f"({lang})" in out["html"].read_text(encoding="utf-8")  # the notebook ran with lang


def test_each_brief_links_to_its_twin_relatively(project):
    for slug in BRIEFS:
        for lang, twin in (("en", "vi"), ("vi", "en")):
            mine, theirs = files(project, slug, lang), files(project, slug, twin)
            html = mine["html"].read_text(encoding="utf-8")
            (href,) = re.findall(r'<p class="twin"><a href="([^"]+)" hreflang="' + twin, html)
            assert href == theirs["html"].name and (mine["html"].parent / href).is_file()
            assert f"/URI({theirs['pdf'].name})".encode() in mine["pdf"].read_bytes()


def test_manifest_keeps_the_languages_apart(project):
    m = manifest_of(project)
    assert m["langs"] == ["en", "vi"]
    vi = m["units_by_lang"]["vi"]
    assert set(m["units"]) == set(vi) == set(BRIEFS)  # units.<slug> is the English brief, as before
    for slug in BRIEFS:
        en_entry, vi_entry = m["units"][slug], vi[slug]
        assert en_entry["lang"] == "en" and vi_entry["lang"] == "vi"
        assert en_entry["outputs"]["html"] == f"{slug}/{slug}.html"
        assert vi_entry["outputs"] == {k: f"{slug}/{slug}.vi.{k}" for k in ("ipynb", "html", "pdf")}
        assert en_entry["inputs_hash"] != vi_entry["inputs_hash"]
        assert (en_entry["twin"], vi_entry["twin"]) == ("vi", "en")


def test_index_lists_both_languages_and_the_coverage_matrix(project):
    index = (project / "reports" / "index.html").read_text(encoding="utf-8")
    for slug in BRIEFS[1:]:
        for lang in ("en", "vi"):
            for path in files(project, slug, lang).values():
                if path.suffix != ".ipynb":
                    assert index.count(f'href="{slug}/{path.name}"') == 1, path.name
    assert 'href="national/national.html"' in index and 'href="national/national.vi.html"' in index
    matrix = index.split('class="matrix"', 1)[1]
    assert matrix.count('class="unit-row') == len(CURRENT)
    assert matrix.count('class="cell reported"') == 2  # alpha-beta: officers and funding
    assert matrix.count('class="cell target-only"') == 1  # gamma: share
    assert matrix.count('class="cell no-data"') == len(CURRENT) * 4 - 3
    assert "<script" not in index and "http://" not in index and "https://" not in index


@needs_chromium
def test_index_in_browser_orders_and_filters_by_coverage(project, browser):
    index = project / "reports" / "index.html"
    context, page, problems = visit(browser, index)
    try:
        def order(selector: str) -> list[str]:
            rows = page.locator(selector)
            boxes = [(rows.nth(i).bounding_box(), rows.nth(i).get_attribute("id")) for i in range(rows.count())]
            return [slug for box, slug in sorted((b for b in boxes if b[0]), key=lambda b: b[0]["y"])]

        assert problems == [] and page.locator("script").count() == 0
        assert order("table.units tbody tr") == sorted(CURRENT)
        colours = {cls: page.locator(f"td.cell.{cls}").first.evaluate("e => getComputedStyle(e).backgroundImage + getComputedStyle(e).backgroundColor")
                   for cls in ("reported", "target-only", "no-data")}
        assert len(set(colours.values())) == 3, colours  # three states, three looks
        page.click('a[href="#by-coverage"]')
        assert order("table.units tbody tr")[:2] == ["alpha-beta", "gamma"]
        page.click('a[href="#only-gaps"]')
        shown = order("table.units tbody tr")
        assert "alpha-beta" not in shown and "gamma" in shown and len(shown) == len(CURRENT) - 1
        # The twin links work offline, from the index to a brief and on to its twin.
        page.click('a[href="gamma/gamma.html"]')
        page.wait_for_load_state("load")
        page.click('p.twin a')
        page.wait_for_load_state("load")
        assert page.url.endswith("gamma/gamma.vi.html") and problems == []
    finally:
        context.close()


def test_reruns_touch_only_the_language_that_changed(project, capsys):
    run = ["--root", str(project), "run", "--all", "--as-of", AS_OF, "--jobs", "2"]
    en_files = {slug: {k: p.stat().st_ino for k, p in files(project, slug, "en").items()} for slug in BRIEFS}
    assert main(run) == 0
    assert {s for by_lang in statuses(project).values() for s in by_lang.values()} == {"skipped"}

    files(project, "gamma", "vi")["pdf"].unlink()  # one Vietnamese brief incomplete
    assert main(run) == 0
    now = statuses(project)
    assert now["vi"]["gamma"] == "ok" and set(now["en"].values()) == {"skipped"}
    assert {s for slug, s in now["vi"].items() if slug != "gamma"} == {"skipped"}
    # The English brief in the same folder is the very same file (carried over, not remade).
    assert {k: p.stat().st_ino for k, p in files(project, "gamma", "en").items()} == en_files["gamma"]

    assert main([*run[:2], "run", "theta", "--as-of", AS_OF, "--lang", "vi", "--force"]) == 0
    now = statuses(project)
    assert now["vi"]["theta"] == "ok" and now["en"]["theta"] == "skipped"
    assert {k: p.stat().st_ino for k, p in files(project, "theta", "en").items()} == en_files["theta"]

    assert main([*run[:2], "run", "theta", "--as-of", AS_OF, "--lang", "en"]) == 0  # vi still linked
    assert statuses(project)["en"]["theta"] == "skipped"
    assert "made" in capsys.readouterr().err
