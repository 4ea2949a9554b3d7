"""Sanity checks on the repository's own curated data, after a real `briefs build`: the coverage it
promises (README, "The data") and the provenance every fact carries."""

from __future__ import annotations

import pytest

from analysis.curation.facts import Facts, load_facts
from analysis.progress.coverage import coverage_summary

AS_OF = "2026-12-01"
GOALS = {"units_with_figures": 25, "units_with_target_or_document": 20, "observations": 100}


@pytest.fixture(scope="module")
def facts(database) -> Facts:
    return load_facts(database)


@pytest.mark.parametrize("figure", sorted(GOALS))
def test_coverage_goal(facts, figure):
    summary = coverage_summary(facts, AS_OF)
    assert summary[figure] >= GOALS[figure], summary


def test_every_external_source_has_an_address_title_and_date(facts):
    external = facts.sources[facts.sources["kind"] == "external"]
    for column in ("address", "title", "date_published"):
        missing = external.loc[external[column].isna() | (external[column].astype(str).str.strip() == ""), "source_id"]
        assert missing.empty, f"{column} missing for {list(missing)}"
    assert external["address"].str.match(r"^https?://").all()


@pytest.mark.parametrize("table", ["observations", "targets", "documents", "document_links"])
def test_every_fact_has_a_quote_and_a_source(facts, table):
    frame = getattr(facts, table)
    assert (frame["quote"].astype(str).str.strip().str.len() > 0).all()
    assert frame["source_id"].isin(facts.sources["source_id"]).all()

