"""The Quarto project: its configuration always, a real `quarto render` where quarto exists."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

from analysis.render import quarto_available, render, render_with_quarto

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "render"))
from render_fixtures import brief_notebook  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "src" / "analysis" / "templates"


def test_quarto_project_config():
    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    assert config["project"]["type"] == "default"
    assert config["execute"]["enabled"] is False and config["execute"]["echo"] is False
    html, typst = config["format"]["html"], config["format"]["typst"]
    assert html["embed-resources"] is True and html["toc"] is True
    for path in [html["css"], *typst["template-partials"]]:
        assert (ROOT / path).is_file(), path
    assert [Path(p).name for p in typst["template-partials"]] == [
        "typst-template.typ", "typst-show.typ"]


def test_one_title_block_with_the_twin_link_for_both_renderers():
    # Quarto's HTML partial and the built-in template's header are the same file.
    config = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    (partial,) = config["format"]["html"]["template-partials"]
    assert Path(partial).name == "title-block.html" and (ROOT / partial).is_file()
    assert "$title-block.html()$" in (TEMPLATES / "brief.html").read_text(encoding="utf-8")
    assert 'href="$brief.twin.html$"' in (ROOT / partial).read_text(encoding="utf-8")
    assert "$brief.twin.pdf$" in (TEMPLATES / "typst-show.typ").read_text(encoding="utf-8")


def test_builtin_template_uses_the_quarto_partials():
    # One page design for both renderers: brief.typ includes Quarto's partials by name.
    text = (TEMPLATES / "brief.typ").read_text(encoding="utf-8")
    assert "$typst-template.typ()$" in text and "$typst-show.typ()$" in text


def test_render_falls_back_to_builtin_without_quarto(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert quarto_available() is False
    r = render(brief_notebook(tmp_path / "u" / "u.ipynb"))
    assert r.renderer == "builtin" and r.html_path.is_file() and r.pdf_path.is_file()


@pytest.mark.slow
def test_quarto_renders_a_fixture(tmp_path):
    if not quarto_available():
        pytest.skip("quarto is not on PATH: the built-in renderer is tested instead")
    # A throwaway copy of the project: _quarto.yml and the templates at the same paths.
    shutil.copy(ROOT / "_quarto.yml", tmp_path / "_quarto.yml")
    shutil.copytree(TEMPLATES, tmp_path / "src" / "analysis" / "templates")
    nb = brief_notebook(tmp_path / "reports" / "ha-tinh" / "ha-tinh.ipynb")
    result = render_with_quarto(nb)
    html = result["html_path"].read_text(encoding="utf-8")
    assert result["renderer"] == "quarto"
    assert "Hà Tĩnh" in html and "1.128.438" in html
    assert "<svg" in html or "image/svg+xml" in html
    assert "DEBUG" not in html
    assert result["pdf_path"].read_bytes().startswith(b"%PDF")
    assert result["html_path"].parent == nb.parent
