"""Which facts count as of a date, and how facts about old units roll up into a current unit.

As of: a fact counts on `as_of` when what it rests on was public by then. Its "known date" is
its source's publication date (the end of the period written: "2023-06" counts from 30 June);
when the source has no publication date, the fact's own date stands in (an observation's
date, or the issue date of the document a target or document row is about). A fact with
neither never counts. On top of that, a target or document counts only once its document
is issued (when the issue date is known), and an observation only once its period has begun.
Every condition is "some date <= as_of", so a later `as_of` never forgets a fact, and the
answer for a given `as_of` never changes when run later.

Roll-up: on 2025-07-01 (MERGER_DATE) 63 units became 34. A fact's `unit` may be a legacy
slug, a current slug or `national`. Each fact is attributed to a `current_unit`, and
`legacy_unit` names the old unit it is about (null for facts about a merged unit after the
merger). A unit that did not merge is its own legacy unit (same slug in both schemes), so
its facts are the same facts whichever scheme they were written in. A slug that names
both a legacy unit and the merged unit that kept its name is read by the fact's date:
before the merger, the legacy unit; after, the merged unit.

Series: the figures a target is judged against. For a current unit made of one legacy unit
every fact about it is one series (named by the current slug). For a merged unit, each
legacy unit is its own series (named `legacy:<legacy slug>`) and the merged unit's series (named
by the current slug) holds figures about the merged unit and sums of its parts.
Sums: an additive count or money indicator is summed across the legacy units only when
every one of them reports for the same `date` in the same unit of measure; otherwise the
parts stay side by side. Shares and ratios are never summed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd

from analysis.curation.facts import Facts, period_start
from analysis.progress.memo import per_facts

MERGER_DATE = pd.Timestamp("2025-07-01")
NATIONAL = "national"
SUMMABLE_MEASURES = ("count", "money")
LEGACY_SERIES_PREFIX = "legacy:"


def as_timestamp(value: str | dt.date | pd.Timestamp) -> pd.Timestamp:
    return pd.Timestamp(value).normalize()


def _dates(series: pd.Series) -> pd.Series:
    """Timestamps (NaT where missing) whatever the store handed over."""
    return pd.to_datetime(series, errors="coerce") if len(series) else pd.Series([], dtype="datetime64[ns]")


def text_or_none(value) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "" else str(value)


def optional_text(values: pd.Series) -> pd.Series:
    """Text with None (not NaN or "") where missing, as an object column."""
    return pd.Series([text_or_none(v) for v in values], index=values.index, dtype=object)


# ---- as of ---------------------------------------------------------------------------------


def published_dates(facts: Facts, source_ids: pd.Series) -> pd.Series:
    by_source = dict(zip(facts.sources["source_id"], _dates(facts.sources["published_end"])))
    return source_ids.map(lambda s: by_source.get(s, pd.NaT)).astype("datetime64[ns]")


def known_dates(facts: Facts) -> dict[str, pd.Series]:
    """Per table, the date from which each row counts (NaT: never), aligned with the table."""
    docs = facts.documents
    issued = _dates(docs["issued_end"])
    doc_known = published_dates(facts, docs["source_id"]).fillna(issued)
    # A document counts once it is both public and issued.
    doc_known = pd.concat([doc_known, issued], axis=1).max(axis=1, skipna=True).where(doc_known.notna())
    doc_from = dict(zip(docs["document_id"], doc_known))
    doc_issued = dict(zip(docs["document_id"], issued))

    targets = facts.targets
    target_doc_from = targets["document_id"].map(lambda d: doc_from.get(d, pd.NaT)).astype("datetime64[ns]")
    target_own = published_dates(facts, targets["source_id"]).fillna(
        targets["document_id"].map(lambda d: doc_issued.get(d, pd.NaT)).astype("datetime64[ns]")
    )
    target_known = pd.concat([target_own, target_doc_from], axis=1).max(axis=1, skipna=False)

    obs = facts.observations
    obs_start = obs["date"].map(period_start).astype("datetime64[ns]")
    obs_own = published_dates(facts, obs["source_id"]).fillna(_dates(obs["date_end"]))
    obs_known = pd.concat([obs_own, obs_start], axis=1).max(axis=1, skipna=False)

    links = facts.document_links
    link_docs = pd.concat(
        [
            links["from_document"].map(lambda d: doc_from.get(d, pd.NaT)).astype("datetime64[ns]"),
            links["to_document"].map(lambda d: doc_from.get(d, pd.NaT)).astype("datetime64[ns]"),
        ],
        axis=1,
    ).max(axis=1, skipna=False)
    link_own = published_dates(facts, links["source_id"]).fillna(link_docs)
    link_known = pd.concat([link_own, link_docs], axis=1).max(axis=1, skipna=False)
    return {
        "documents": doc_known.astype("datetime64[ns]"),
        "targets": target_known.astype("datetime64[ns]"),
        "observations": obs_known.astype("datetime64[ns]"),
        "document_links": link_known.astype("datetime64[ns]"),
    }


@per_facts
def facts_as_of(facts: Facts, as_of) -> Facts:
    """The same bundle holding only the documents, links, targets and observations that count
    on `as_of` (see the module docstring). Sources, indicators and units are kept whole."""
    cutoff = as_timestamp(as_of)
    known = known_dates(facts)
    kept = {
        name: getattr(facts, name)[(dates <= cutoff).to_numpy()].reset_index(drop=True)
        for name, dates in known.items()
    }
    return replace(facts, **kept)


# ---- attribution ---------------------------------------------------------------------------


class UnitMap:
    """The crosswalk between schemes, asked about one slug at a time."""

    def __init__(self, facts: Facts):
        cross = facts.crosswalk
        self.current_of_legacy: dict[str, str] = (
            dict(zip(cross["legacy_slug"], cross["current_slug"])) if len(cross) else {}
        )
        units = facts.units
        current = set(units.loc[units["scheme"] == "2025", "slug"]) if len(units) else set()
        self.current = current | set(self.current_of_legacy.values())
        self.parts: dict[str, list[str]] = {}
        for legacy, now in sorted(self.current_of_legacy.items()):
            self.parts.setdefault(now, []).append(legacy)

    def legacy_units(self, current_slug: str) -> list[str]:
        """The legacy units a current unit absorbed (itself, when it did not merge)."""
        return self.parts.get(current_slug, [current_slug])

    def merged(self, current_slug: str) -> bool:
        return len(self.legacy_units(current_slug)) > 1

    def attribute(self, slug: str, when: pd.Timestamp | None) -> tuple[str, str | None]:
        """(current_unit, legacy_unit) of a fact about `slug` dated `when` (None: unknown)."""
        if slug == NATIONAL:
            return NATIONAL, None
        scheme, _, bare = slug.rpartition(":")
        if scheme == "2025":  # said of the 2025 unit, whatever the date (a June 2025 count of its communes)
            return bare, (bare if self.legacy_units(bare) == [bare] else None)
        if scheme == "legacy":
            return self.current_of_legacy.get(bare, bare), bare
        absorbed_by = self.current_of_legacy.get(slug)
        if absorbed_by is not None and slug in self.current and (absorbed_by != slug or self.merged(slug)):
            # One slug, two units (a merged unit kept this legacy unit's name): the date decides.
            is_legacy = when is None or pd.isna(when) or when < MERGER_DATE
        else:
            is_legacy = absorbed_by is not None
        if is_legacy:
            return absorbed_by, slug
        if self.legacy_units(slug) == [slug]:
            return slug, slug  # did not merge: its own legacy unit
        return slug, None

    def series(self, current_unit: str, legacy_unit: str | None) -> str:
        """Which series a fact belongs to (see the module docstring)."""
        if legacy_unit is not None and self.merged(current_unit):
            # Prefixed: a merged unit often kept the name of one of its parts.
            return LEGACY_SERIES_PREFIX + legacy_unit
        return current_unit


def attributed(facts: Facts, frame: pd.DataFrame, when: pd.Series) -> pd.DataFrame:
    """`frame` (with a `unit` column) plus current_unit, legacy_unit and series columns."""
    units = UnitMap(facts)
    pairs = [units.attribute(str(s), w) for s, w in zip(frame["unit"], when)]
    out = frame.copy()
    out["current_unit"] = pd.Series([p[0] for p in pairs], index=frame.index, dtype=object)
    out["legacy_unit"] = pd.Series([p[1] for p in pairs], index=frame.index, dtype=object)
    out["series"] = pd.Series([units.series(*p) for p in pairs], index=frame.index, dtype=object)
    return out


def attributed_documents(facts: Facts) -> pd.DataFrame:
    return attributed(facts, facts.documents, _dates(facts.documents["issued_end"]))


def attributed_targets(facts: Facts) -> pd.DataFrame:
    """Targets with their attribution; a target is dated by its document's issue date, else
    by its source's publication date."""
    issued = dict(zip(facts.documents["document_id"], _dates(facts.documents["issued_end"])))
    when = facts.targets["document_id"].map(lambda d: issued.get(d, pd.NaT)).astype("datetime64[ns]")
    when = when.fillna(published_dates(facts, facts.targets["source_id"]))
    return attributed(facts, facts.targets, when)


def attributed_observations(facts: Facts) -> pd.DataFrame:
    return attributed(facts, facts.observations, _dates(facts.observations["date_end"]))


# ---- roll-up -------------------------------------------------------------------------------

ROLLUP_COLUMNS = [
    "current_unit",
    "legacy_unit",
    "series",
    "indicator_id",
    "value",
    "value_unit",
    "qualifier",
    "total",
    "date",
    "date_end",
    "observation_id",
    "source_id",
    "quote",
    "published_end",
    "combined",
    "parts",
]


def _one_per_unit_and_date(obs: pd.DataFrame) -> pd.DataFrame:
    # Two reports of the same unit, indicator and date: the later-published one stands.
    ordered = obs.sort_values(["published_end", "observation_id"], na_position="first", kind="stable")
    return ordered.drop_duplicates(["unit", "indicator_id", "date"], keep="last")


def _combined_qualifier(qualifiers: list) -> str | None:
    texts = {text_or_none(q) for q in qualifiers}
    if len(texts) == 1:
        return texts.pop()
    return "about"


def _sums(units: UnitMap, current_unit: str, legacy_rows: pd.DataFrame, indicators: pd.DataFrame) -> list[dict]:
    parts = units.legacy_units(current_unit)
    summable = set(
        indicators.loc[indicators["additive"].astype(bool) & indicators["measure"].isin(SUMMABLE_MEASURES), "indicator_id"]
    )
    rows = []
    for (indicator, date), group in legacy_rows.groupby(["indicator_id", "date"], sort=True):
        if indicator not in summable or sorted(group["legacy_unit"]) != sorted(parts):
            continue
        if group["value_unit"].nunique() != 1:
            continue
        group = group.sort_values("legacy_unit")
        rows.append(
            {
                "current_unit": current_unit,
                "legacy_unit": None,
                "series": current_unit,
                "indicator_id": indicator,
                "value": float(group["value"].sum()),
                "value_unit": group["value_unit"].iloc[0],
                "qualifier": _combined_qualifier(list(group["qualifier"])),
                "total": float(group["total"].sum()) if group["total"].notna().all() else float("nan"),
                "date": date,
                "date_end": group["date_end"].iloc[0],
                "observation_id": " + ".join(group["observation_id"]),
                "source_id": "; ".join(dict.fromkeys(group["source_id"])),
                "quote": " | ".join(group["quote"].astype(str)),
                "published_end": group["published_end"].max(),
                "combined": True,
                "parts": " + ".join(group["legacy_unit"]),
            }
        )
    return rows


def rolled_up(facts: Facts, unit: str) -> pd.DataFrame:
    """Every observation attributed to current unit `unit`, plus sums of its parts.

    Pass facts already cut with `facts_as_of`. Columns: current_unit, legacy_unit (the old
    unit reported; null for the merged unit and for sums), series, indicator_id, value,
    value_unit, qualifier, total, date (as written), date_end, observation_id (sums: the
    parts' ids joined by ' + '), source_id, quote, published_end, combined (True for a sum),
    parts (sums: the legacy units summed, ' + '). Reported rows come first, then sums."""
    return rolled_up_all(facts, [unit])


@per_facts
def rolled_up_all(facts: Facts, units: list[str] | None = None) -> pd.DataFrame:
    """`rolled_up` for several current units at once (default: every unit with a figure;
    `national` figures are not part of any unit). Same columns."""
    crosswalk = UnitMap(facts)
    obs = attributed_observations(facts)
    obs["published_end"] = published_dates(facts, obs["source_id"])
    obs = obs[obs["current_unit"] != NATIONAL]
    wanted = sorted(set(obs["current_unit"])) if units is None else units
    frames = []
    for unit in wanted:
        mine = obs[obs["current_unit"] == unit]
        if len(mine):
            frames.append(mine.assign(combined=False, parts=None)[ROLLUP_COLUMNS])
        if crosswalk.merged(unit):
            legacy_rows = _one_per_unit_and_date(mine[mine["legacy_unit"].notna()])
            sums = _sums(crosswalk, unit, legacy_rows, facts.indicators)
            if sums:
                frames.append(pd.DataFrame(sums, columns=ROLLUP_COLUMNS))
    if not frames:
        return pd.DataFrame(columns=ROLLUP_COLUMNS).astype({"value": float, "total": float, "combined": bool})
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
