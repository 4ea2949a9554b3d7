"""The thin-data section: what a brief shows for a unit with little or no data of its own."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.briefs.brief import open_brief
from analysis.briefs.thin_data import is_thin, local_facts, nearest_units
from analysis.progress.coverage import coverage_matrix
from analysis.progress.rollup import facts_as_of
from analysis.reference.boundaries import load_adjacency
from analysis.reference.units import load_units
from conftest import plain
from fictional import Fictional

EARLY = "2023-01-01"  # the cascade is under way, few provinces have reported




def test_a_unit_is_thin_with_few_facts_or_no_document_of_its_own() -> None:
    facts = (Fictional()
             .document("gamma:1-NQ/TU", "gamma", issued="2023-01-10")
             .observation("gamma", "officers", 40, "2024-01-01")
             .observation("gamma", "funding", 10, "2024-01-01")
             .observation("gamma", "share", 10, "2024-01-01")
             .observation("gamma", "incidents", 10, "2024-01-01")
             .observation("gamma", "officers", 50, "2024-06-01")
             .observation("delta", "officers", 40, "2024-01-01")
             .build())
    frames = local_facts(facts, pd.Timestamp("2025-01-01"))
    assert not is_thin(frames, "gamma")  # five facts and a document
    assert is_thin(frames, "delta") and is_thin(frames, "epsilon")
    assert is_thin(local_facts(facts, pd.Timestamp("2024-03-01")), "gamma")  # four facts counted then


def test_nearest_units_come_by_distance_and_skip_unknown_units() -> None:
    centroids = pd.DataFrame({"scheme": ["2025"] * 4, "slug": ["gamma", "delta", "epsilon", "zeta"],
                              "lat": [10.0, 10.0, 11.0, 10.0], "lon": [100.0, 100.5, 100.0, 103.0]})
    assert nearest_units("gamma", centroids) == ["delta", "epsilon", "zeta"]
    assert nearest_units("eta", centroids) == []


def _thinnest_unit(database: Path, as_of: str) -> str:
    brief = open_brief("ha-noi", as_of=as_of, data=database)
    matrix = coverage_matrix(brief.facts, brief.as_of)
    return matrix.groupby("current_unit", sort=False)["facts"].sum().sort_values(kind="stable").index[0]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_brief_with_no_data_shows_the_cascade_its_neighbours_and_what_is_missing(database: Path, lang: str) -> None:
    brief = open_brief("cao-bang", as_of=EARLY, lang=lang, data=database)
    text = plain(brief.thin_data())
    assert text.startswith("## " + ("Những gì đã biết" if lang == "vi" else "What is known around this unit"))
    counted = facts_as_of(brief.facts, brief.as_of).documents
    national = counted[counted["unit"] == "national"]
    assert len(national) > 0
    for number in national["number"]:
        assert f"**{number}**" in text
    names = {u.slug: (u.name_vi if lang == "vi" else u.name_en) for u in load_units().current()}
    for neighbour in load_adjacency()["cao-bang"]:
        assert f"**{names[neighbour]}**" in text
    assert ("Còn thiếu cho địa phương này" if lang == "vi" else "Missing for this unit") in text
    # Every citation it makes is in the numbered sources that follow.
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", text)}
    assert cited and max(cited) <= len(brief.citations.order)
    sources = plain(brief.sources())
    assert all(f"\n{n}. " in "\n" + sources.split("\n", 2)[2] for n in cited)


def test_neighbours_that_report_are_quoted_with_their_figures(database: Path) -> None:
    as_of = "2026-06-30"
    unit = _thinnest_unit(database, as_of)
    brief = open_brief(unit, as_of=as_of, lang="en", data=database)
    text = plain(brief.thin_data())
    assert text, f"{unit} has the fewest facts but shows no thin-data section"
    peers = text.split("### Neighbours and peers", 1)[1].split("###", 1)[0]
    lines = [line for line in peers.splitlines() if line.startswith("- **")]
    assert lines
    for line in lines:
        assert line.endswith(": no data.") or re.search(r"\d+ figures?, \d+ targets?, \d+ documents?", line)
    assert any(re.search(r"\[\d+\]", line) for line in lines)


def test_a_unit_with_plenty_of_data_gets_no_thin_section(database: Path) -> None:
    as_of = "2026-06-30"
    brief = open_brief("ha-noi", as_of=as_of, data=database)
    frames = local_facts(brief.facts, brief.as_of)
    counts = {u.slug: is_thin(frames, u.slug) for u in load_units().current()}
    rich = next(slug for slug, thin in counts.items() if not thin)
    assert open_brief(rich, as_of=as_of, data=database).thin_data() == ""
