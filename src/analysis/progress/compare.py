"""How a unit compares with the other units on each indicator, as of a date.

Each unit's latest figure is ranked among the latest figures of the other units at the same
level: `2025` compares current units (a merged unit by its own figure or the complete sum of
its parts); `legacy` compares the 63 old units (a unit that did not merge is at both levels
with the same figure). A rank needs at least MIN_UNITS_FOR_RANK units reporting in the same
unit of measure; otherwise the row says so. Latest figures may carry different dates:
`dates_from`/`dates_to` show the spread.
"""

from __future__ import annotations

import pandas as pd

from analysis.curation.facts import Facts
from analysis.progress.memo import per_facts
from analysis.progress.rollup import UnitMap, facts_as_of, optional_text, rolled_up_all

MIN_UNITS_FOR_RANK = 5

RANK_COLUMNS = [
    "indicator_id", "name_en", "name_vi", "level", "series", "legacy_unit", "value", "value_unit",
    "date", "rank", "units_reporting", "dates_from", "dates_to", "note",
]  # fmt: skip


def _latest_by_series(rolled: pd.DataFrame) -> pd.DataFrame:
    ordered = rolled.assign(_reported=~rolled["combined"].astype(bool)).sort_values(
        ["date_end", "published_end", "_reported", "observation_id"], na_position="first", kind="stable"
    )
    return ordered.drop_duplicates(["series", "indicator_id"], keep="last")


PEER_COLUMNS = [
    "indicator_id", "unit", "value", "value_unit", "qualifier", "date", "date_end", "observation_id",
    "source_id", "quote", "combined", "rank", "units_reporting",
]  # fmt: skip


@per_facts
def peer_figures(facts: Facts, as_of) -> pd.DataFrame:
    """The latest figure of every current unit on each indicator, counted on `as_of`: what a
    brief draws to place its unit among the others. A merged unit appears by its own figure or
    the complete sum of its parts (`combined`, `observation_id` then joins the parts' ids with
    ' + '). Only figures in the indicator's unit of measure are kept.

    Columns: indicator_id, unit, value, value_unit, qualifier, date (as written), date_end,
    observation_id, source_id, quote, combined, rank (Int64, 1 = best given higher_is_better,
    ties share the best rank; set whatever the number reporting), units_reporting. Sorted by
    indicator, then rank."""
    counted = facts_as_of(facts, as_of)
    latest = _latest_by_series(rolled_up_all(counted))
    latest = latest[latest["series"] == latest["current_unit"]].rename(columns={"current_unit": "unit"})
    indicators = counted.indicators.set_index("indicator_id")
    known = latest["indicator_id"].isin(indicators.index)
    wanted_unit = latest["indicator_id"].map(indicators["value_unit"])
    latest = latest[~known | (latest["value_unit"] == wanted_unit)].copy()
    higher = latest["indicator_id"].map(indicators["higher_is_better"]).fillna(True).astype(bool)
    value = latest["value"].astype(float)
    latest["value"] = value
    # Rank the larger first where higher is better, the smaller first otherwise.
    latest["rank"] = value.where(higher, -value).groupby(latest["indicator_id"]).rank(ascending=False, method="min")
    latest["units_reporting"] = latest.groupby("indicator_id")["unit"].transform("size")
    latest["qualifier"] = optional_text(latest["qualifier"])
    latest["rank"] = pd.array(latest["rank"].astype(int).tolist(), dtype="Int64")
    out = latest.sort_values(["indicator_id", "rank", "unit"], kind="stable")
    return out[PEER_COLUMNS].reset_index(drop=True)


def unit_ranks(facts: Facts, unit: str, as_of) -> pd.DataFrame:
    """The rank of current unit `unit` (and, when it merged, of each legacy part) on each
    indicator that any unit reports, counted on `as_of`.

    Columns: indicator_id, name_en, name_vi, level ('2025' or 'legacy'), series (the unit
    ranked), legacy_unit (for legacy rows), value, value_unit, date (as written), rank
    (Int64, 1 = best given higher_is_better; ties share the best rank; null when not ranked),
    units_reporting, dates_from and dates_to (the dates of the figures compared), note (why
    there is no rank, else null)."""
    counted = facts_as_of(facts, as_of)
    units = UnitMap(counted)
    latest = _latest_by_series(rolled_up_all(counted))
    merged_series = {s for s in latest["current_unit"].unique() if units.merged(s)}
    level_rows = {
        "2025": latest[latest["series"] == latest["current_unit"]],
        "legacy": latest[~latest["series"].isin(merged_series)],
    }
    own = {"2025": [(unit, None)]}
    if units.merged(unit):
        own["legacy"] = [(units.series(unit, part), part) for part in units.legacy_units(unit)]
    indicators = counted.indicators.set_index("indicator_id")
    rows = []
    for indicator_id in sorted(latest["indicator_id"].unique()):
        info = indicators.loc[indicator_id] if indicator_id in indicators.index else None
        better_high = True if info is None else bool(info["higher_is_better"])
        measure_unit = None if info is None else info["value_unit"]
        for level, series_list in own.items():
            peers = level_rows[level][level_rows[level]["indicator_id"] == indicator_id]
            if measure_unit is not None:
                peers = peers[peers["value_unit"] == measure_unit]
            ranks = peers["value"].rank(ascending=not better_high, method="min")
            for series, legacy_unit in series_list:
                mine = peers[peers["series"] == series]
                row = {
                    "indicator_id": indicator_id,
                    "name_en": None if info is None else info["name_en"],
                    "name_vi": None if info is None else info["name_vi"],
                    "level": level,
                    "series": series,
                    "legacy_unit": legacy_unit,
                    "units_reporting": len(peers),
                    "dates_from": peers["date_end"].min() if len(peers) else pd.NaT,
                    "dates_to": peers["date_end"].max() if len(peers) else pd.NaT,
                    "rank": None,
                    "note": None,
                }
                if mine.empty:
                    row["note"] = "no figure for this unit"
                else:
                    row.update(value=mine["value"].iloc[0], value_unit=mine["value_unit"].iloc[0], date=mine["date"].iloc[0])
                    if len(peers) < MIN_UNITS_FOR_RANK:
                        row["note"] = f"too few units report ({len(peers)} < {MIN_UNITS_FOR_RANK})"
                    else:
                        row["rank"] = int(ranks[mine.index[0]])
                rows.append(row)
    out = pd.DataFrame(rows, columns=RANK_COLUMNS)
    out["legacy_unit"] = optional_text(out["legacy_unit"])
    out["rank"] = pd.array(out["rank"].tolist(), dtype="Int64")
    out["value"] = pd.to_numeric(out["value"], errors="coerce").astype(float)
    return out
