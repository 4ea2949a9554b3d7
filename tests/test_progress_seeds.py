"""The repository's own curated data: Hà Tĩnh's targets have no figure yet, and the national
figures carry their dates. Facts are read straight from the CSVs (no store needed)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.facts import Facts
from analysis.progress import check_facts, national_figures, progress_table

ROOT = Path(__file__).resolve().parents[1]
CURATED = ("sources", "documents", "document_links", "indicators", "targets", "observations")


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def seed_facts() -> Facts:
    try:
        frames = {name: _read(ROOT / "data" / "curated" / f"{name}.csv") for name in CURATED}
        origins = _read(ROOT / "data" / "raw" / "origins.csv").set_index("file")
        units = _read(ROOT / "data" / "reference" / "units.csv")
        crosswalk = _read(ROOT / "data" / "reference" / "crosswalk.csv")[["legacy_slug", "current_slug"]]
    except (FileNotFoundError, KeyError) as missing:
        pytest.skip(f"seed data not in place: {missing}")
    sources = frames["sources"]
    corpus = sources["kind"] == "corpus"  # corpus sources take their date from origins.csv
    sources.loc[corpus, "date_published"] = sources.loc[corpus, "file"].map(origins["date_published"]).fillna("")
    return Facts.from_frames(**frames, units=units, crosswalk=crosswalk)


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


def test_seed_data_passes_check_facts(seed_facts):
    assert check_facts(seed_facts) == []
