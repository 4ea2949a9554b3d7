"""The repository's own curated data: Hà Tĩnh's targets have no figure yet, and the national
figures carry their dates. Facts come from a store built the way `briefs build` builds it."""

from __future__ import annotations

import pytest

from analysis.curation.build import build
from analysis.curation.facts import Facts, load_facts
from analysis.paths import ProjectPaths
from analysis.progress.targets import national_figures, progress_table
from conftest import copy_project


@pytest.fixture(scope="module")
def seed_facts(tmp_path_factory) -> Facts:
    root = copy_project(tmp_path_factory.mktemp("seeds") / "project")
    build(root)
    return load_facts(ProjectPaths.at(root).database)


def test_ha_tinh_targets_have_no_data(seed_facts):
    table = progress_table(seed_facts, "ha-tinh", "2025-12-31")
    targets = table[table["target_id"].notna()]
    assert len(targets) > 0
    reported = set(seed_facts.observations.loc[seed_facts.observations["unit"] == "ha-tinh", "indicator_id"])
    unreported = targets[~targets["indicator_id"].isin(reported)]
    assert (unreported["status"] == "no data").all()
    assert (targets["legacy_unit"] == "ha-tinh").all()


def test_national_figures_have_dates(seed_facts):
    figures = national_figures(seed_facts, "2025-12-31")
    assert len(figures) > 0
    assert figures["date"].map(lambda d: isinstance(d, str) and len(d) >= 4).all()
