"""Targets, latest figures and progress for one current unit as of a date.

Pure functions of a `Facts` bundle: no file I/O. Each takes the whole bundle and cuts it to
what counts on `as_of` itself (see analysis.progress.rollup for the as-of rule and the roll-up).

    unit_targets(facts, "ha-tinh", "2024-12-31")     # what was promised
    latest_figures(facts, "ha-tinh", "2024-12-31")   # what was reported
    progress_table(facts, "ha-tinh", "2024-12-31")   # how far apart, with a status
    national_figures(facts, "2024-12-31")            # figures about the whole country
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.curation.facts import Facts
from analysis.progress.memo import per_facts
from analysis.progress.rollup import (
    as_timestamp,
    attributed_targets,
    facts_as_of,
    rolled_up,
    published_dates,
    optional_text,
    text_or_none,
)
from analysis.progress.status import NO_TARGET, Reading, direction, judge, projected_value

TARGET_COLUMNS = [
    "target_id", "current_unit", "legacy_unit", "series", "indicator_id", "name_en", "name_vi",
    "comparator", "target_value", "value_unit", "deadline", "baseline_value", "baseline_date",
    "document_id", "document_number", "document_issued", "document_title", "source_id", "quote",
]  # fmt: skip

FIGURE_COLUMNS = [
    "current_unit", "legacy_unit", "series", "indicator_id", "name_en", "name_vi", "value",
    "value_unit", "qualifier", "total", "date", "observation_id", "source_id", "quote",
    "combined", "parts", "n_observations",
]  # fmt: skip

PROGRESS_COLUMNS = [
    "current_unit", "legacy_unit", "series", "indicator_id", "name_en", "name_vi",
    "target_id", "comparator", "target_value", "value_unit", "deadline", "document_id",
    "document_number", "target_quote", "baseline_value", "baseline_date", "baseline_basis",
    "observation_id", "value", "qualifier", "date", "figure_source_id", "figure_quote",
    "n_observations", "progress", "gap", "days_left", "expected_value", "path_ratio",
    "projected_value", "status", "status_basis",
]  # fmt: skip

NATIONAL_COLUMNS = [
    "indicator_id", "name_en", "name_vi", "value", "value_unit", "qualifier", "total", "date",
    "observation_id", "source_id", "source_published", "quote",
]  # fmt: skip


def _indicator_names(facts: Facts) -> pd.DataFrame:
    return facts.indicators[["indicator_id", "name_en", "name_vi"]]


def _replaced_documents(facts: Facts) -> set[str]:
    links = facts.document_links
    return set(links.loc[links["relation"] == "replaces", "to_document"])


def unit_targets(facts: Facts, unit: str, as_of) -> pd.DataFrame:
    """The targets in force for current unit `unit` on `as_of`: its own and those of the
    legacy units it absorbed. A target is in force once its document is issued and public,
    until a counted document replaces that document (a passed deadline keeps it listed).

    Columns: target_id, current_unit, legacy_unit (the unit that set it, itself when the unit
    did not merge, null for a merged unit's own targets), series, indicator_id, name_en,
    name_vi, comparator, target_value, value_unit, deadline (Timestamp), baseline_value,
    baseline_date, document_id, document_number, document_issued (as written), document_title,
    source_id, quote. Sorted by legacy unit, indicator, deadline."""
    counted = facts_as_of(facts, as_of)
    targets = attributed_targets(counted)
    targets = targets[(targets["current_unit"] == unit) & ~targets["document_id"].isin(_replaced_documents(counted))]
    docs = counted.documents[["document_id", "number", "date_issued", "title"]].rename(
        columns={"number": "document_number", "date_issued": "document_issued", "title": "document_title"}
    )
    out = (
        targets.rename(columns={"value": "target_value"})
        .merge(_indicator_names(counted), on="indicator_id", how="left")
        .merge(docs, on="document_id", how="left")
    )
    out = out.sort_values(["legacy_unit", "indicator_id", "deadline", "target_id"], na_position="first", kind="stable")
    return out[TARGET_COLUMNS].reset_index(drop=True)


def _latest(rows: pd.DataFrame) -> pd.DataFrame:
    """The latest figure per series and indicator: latest date; then latest published; then a
    reported figure over a sum of parts; then the observation id, for a stable answer."""
    ordered = rows.assign(_reported=~rows["combined"].astype(bool)).sort_values(
        ["date_end", "published_end", "_reported", "observation_id"], na_position="first", kind="stable"
    )
    counts = rows.groupby(["series", "indicator_id"])["date_end"].nunique().rename("n_observations")
    latest = ordered.drop_duplicates(["series", "indicator_id"], keep="last").drop(columns="_reported")
    return latest.merge(counts.reset_index(), on=["series", "indicator_id"], how="left")


def latest_figures(facts: Facts, unit: str, as_of) -> pd.DataFrame:
    """The latest figure of each indicator on or before `as_of`, per series (each legacy unit
    of a merged unit, and the merged unit itself with sums of complete parts).

    Columns: current_unit, legacy_unit, series, indicator_id, name_en, name_vi, value,
    value_unit, qualifier, total, date (as written), observation_id, source_id, quote,
    combined (True: a sum of the legacy units in `parts`), parts, n_observations (distinct
    dates reported in that series)."""
    rolled = rolled_up(facts_as_of(facts, as_of), unit)
    if rolled.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    out = _latest(rolled).merge(_indicator_names(facts), on="indicator_id", how="left")
    out["qualifier"] = optional_text(out["qualifier"])
    out = out.sort_values(["legacy_unit", "indicator_id", "series"], na_position="first", kind="stable")
    return out[FIGURE_COLUMNS].reset_index(drop=True)


def _baseline(target: pd.Series, issued: dict, published: dict) -> tuple[float, pd.Timestamp, str]:
    """Baseline value, date, and how they were chosen (see STATUS_RULE)."""
    stated_value = not pd.isna(target["baseline_value"])
    value = float(target["baseline_value"]) if stated_value else 0.0
    if not pd.isna(target.get("baseline_date")):
        return value, pd.Timestamp(target["baseline_date"]), "stated" if stated_value else "0 at stated date"
    date, where = issued.get(target["document_id"]), "document issue date"
    if date is None or pd.isna(date):
        date, where = published.get(target["source_id"]), "source publication date"
    return value, date, ("stated value at " if stated_value else "0 at ") + where


def _progress_row(target: pd.Series, points: pd.DataFrame, as_of: pd.Timestamp, hib: bool, issued, published) -> dict:
    b_value, b_date, b_basis = _baseline(target, issued, published)
    row = {
        **{c: target[c] for c in ("current_unit", "legacy_unit", "series", "indicator_id", "name_en", "name_vi")},
        **{c: target[c] for c in ("target_id", "comparator", "target_value", "value_unit", "deadline")},
        "document_id": target["document_id"],
        "document_number": target["document_number"],
        "target_quote": target["quote"],
        "baseline_value": b_value,
        "baseline_date": b_date,
        "baseline_basis": b_basis,
        "days_left": (target["deadline"] - as_of).days,
    }
    latest = _latest(points).iloc[0] if len(points) else None
    reading = None
    if latest is not None:
        reading = Reading.of(latest["value"], text_or_none(latest["qualifier"]))
        per_date = points.sort_values(["published_end", "observation_id"], kind="stable").drop_duplicates(
            "date_end", keep="last"
        )
        projected = projected_value(list(per_date["date_end"]), list(per_date["value"]), target["deadline"])
        sign = direction(target["comparator"], hib)
        span = target["target_value"] - b_value
        row.update(
            observation_id=latest["observation_id"],
            value=latest["value"],
            qualifier=text_or_none(latest["qualifier"]),
            date=latest["date"],
            figure_source_id=latest["source_id"],
            figure_quote=latest["quote"],
            n_observations=int(latest["n_observations"]),
            progress=(latest["value"] - b_value) / span if span else float("nan"),
            gap=sign * (target["target_value"] - latest["value"]),
            projected_value=projected,
        )
    else:
        projected = None
    verdict = judge(
        reading,
        None if latest is None else latest["date_end"],
        target["comparator"],
        float(target["target_value"]),
        target["deadline"],
        as_of,
        b_value,
        b_date,
        hib,
        projected,
    )
    row.update(
        status=verdict.status, status_basis=verdict.basis, expected_value=verdict.expected, path_ratio=verdict.path_ratio
    )
    return row


def progress_table(facts: Facts, unit: str, as_of) -> pd.DataFrame:
    """One row per target in force (see unit_targets), judged against the latest figure of its
    series, plus one row per series and indicator reported without a target (`no target`).

    Columns: current_unit, legacy_unit, series, indicator_id, name_en, name_vi; the target:
    target_id, comparator, target_value, value_unit, deadline, document_id, document_number,
    target_quote; the baseline used: baseline_value, baseline_date, baseline_basis; the latest
    figure: observation_id, value, qualifier, date, figure_source_id, figure_quote,
    n_observations; and
      progress        (value - baseline) / (target - baseline): share of the way covered
      gap             how far the figure still is from the target in the wanted direction
                      (target - value for 'more is better', value - target otherwise; <= 0: met)
      days_left       deadline - as_of in days (negative: passed)
      expected_value  where the straight path from baseline to target stands on the figure's date
      path_ratio      (value - baseline) / (expected_value - baseline)
      projected_value the ordinary least-squares line through the series' figures (one per
                      date, at least two dates) read at the deadline; else null
      status          achieved | on track | at risk | off track | no data | no target
      status_basis    the step of STATUS_RULE that decided
    Only figures in the target's unit of measure are used (`briefs build` rejects the others)."""
    cutoff = as_timestamp(as_of)
    counted = facts_as_of(facts, cutoff)
    targets = unit_targets(facts, unit, cutoff)
    rolled = rolled_up(counted, unit)
    hib = dict(zip(counted.indicators["indicator_id"], counted.indicators["higher_is_better"].astype(bool)))
    issued = dict(zip(counted.documents["document_id"], pd.to_datetime(counted.documents["issued_end"])))
    published = dict(zip(counted.sources["source_id"], pd.to_datetime(counted.sources["published_end"])))
    rows = []
    for _, target in targets.iterrows():
        points = rolled[
            (rolled["series"] == target["series"])
            & (rolled["indicator_id"] == target["indicator_id"])
            & (rolled["value_unit"] == target["value_unit"])
        ]
        rows.append(_progress_row(target, points, cutoff, hib.get(target["indicator_id"], True), issued, published))
    judged = {(t["series"], t["indicator_id"]) for _, t in targets.iterrows()}
    for _, figure in latest_figures(facts, unit, cutoff).iterrows():
        # A part's figure feeding a target of the merged unit is not a figure without a target.
        if {(figure["series"], figure["indicator_id"]), (unit, figure["indicator_id"])} & judged:
            continue
        rows.append(
            {
                **{c: figure[c] for c in ("current_unit", "legacy_unit", "series", "indicator_id", "name_en", "name_vi")},
                **{c: figure[c] for c in ("observation_id", "value", "value_unit", "qualifier", "date", "n_observations")},
                "figure_source_id": figure["source_id"],
                "figure_quote": figure["quote"],
                "status": NO_TARGET,
                "status_basis": "figure reported, no target set",
            }
        )
    out = pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
    for column in ("legacy_unit", "qualifier", "target_id"):
        out[column] = optional_text(out[column])
    for column in ("target_value", "baseline_value", "value", "progress", "gap", "expected_value", "path_ratio", "projected_value"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype(float)
    for column in ("days_left", "n_observations"):
        out[column] = pd.array(out[column].tolist(), dtype="Int64") if len(out) else out[column].astype("Int64")
    out = out.sort_values(["legacy_unit", "indicator_id", "deadline"], na_position="first", kind="stable")
    return out.reset_index(drop=True)


@per_facts
def national_figures(facts: Facts, as_of, latest_only: bool = False) -> pd.DataFrame:
    """Figures about the whole country (unit `national`) counted on `as_of`, with their dates.

    Columns: indicator_id, name_en, name_vi, value, value_unit, qualifier, total, date (as
    written), observation_id, source_id, source_published (the source's date as written),
    quote. Sorted by indicator and date; `latest_only` keeps the latest per indicator."""
    counted = facts_as_of(facts, as_of)
    obs = counted.observations[counted.observations["unit"] == "national"].copy()
    obs["published_end"] = published_dates(counted, obs["source_id"])
    obs = obs.sort_values(["indicator_id", "date_end", "published_end", "observation_id"], kind="stable")
    if latest_only:
        obs = obs.drop_duplicates("indicator_id", keep="last")
    dates = dict(zip(counted.sources["source_id"], counted.sources["date_published"]))
    obs["source_published"] = obs["source_id"].map(dates)
    obs["qualifier"] = optional_text(obs["qualifier"])
    out = obs.merge(_indicator_names(counted), on="indicator_id", how="left")
    return out[NATIONAL_COLUMNS].reset_index(drop=True)


# ---- one call for a notebook ---------------------------------------------------------------


@dataclass
class UnitProgress:
    """Everything a unit's brief shows, as of a date. Each attribute is a tidy DataFrame:
    targets (unit_targets), figures (latest_figures), progress (progress_table), coverage
    (unit_coverage), national (national_figures), ranks (unit_ranks), gaps (progress rows
    with status 'no target' or 'no data': columns legacy_unit, series, indicator_id, name,
    gap_kind, target_id, deadline, observation_id, value, value_unit, date).
    With lang 'en' or 'vi', frames with indicators also get an `indicator` name column."""

    unit: str
    as_of: pd.Timestamp
    lang: str
    targets: pd.DataFrame
    figures: pd.DataFrame
    progress: pd.DataFrame
    coverage: pd.DataFrame
    national: pd.DataFrame
    ranks: pd.DataFrame
    gaps: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        names = ("targets", "figures", "progress", "coverage", "national", "ranks", "gaps")
        return {name: getattr(self, name) for name in names}


def _named(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    if "name_en" not in frame:
        return frame
    return frame.assign(indicator=frame["name_vi" if lang == "vi" else "name_en"])


def brief_tables(facts: Facts, unit: str, as_of, lang: str = "en") -> UnitProgress:
    """All tables of one unit's brief as of `as_of` (see UnitProgress)."""
    from analysis.progress.compare import unit_ranks
    from analysis.progress.coverage import unit_coverage
    from analysis.progress.status import NO_DATA

    if lang not in ("en", "vi"):
        raise ValueError(f"lang must be 'en' or 'vi', not {lang!r}")
    cutoff = as_timestamp(as_of)
    progress = _named(progress_table(facts, unit, cutoff), lang)
    gaps = progress[progress["status"].isin([NO_TARGET, NO_DATA])].assign(gap_kind=lambda f: f["status"])
    gaps = gaps[["legacy_unit", "series", "indicator_id", "indicator", "gap_kind", "target_id", "deadline",
                 "observation_id", "value", "value_unit", "date"]].rename(columns={"indicator": "name"})  # fmt: skip
    return UnitProgress(
        unit=unit,
        as_of=cutoff,
        lang=lang,
        targets=_named(unit_targets(facts, unit, cutoff), lang),
        figures=_named(latest_figures(facts, unit, cutoff), lang),
        progress=progress,
        coverage=unit_coverage(facts, unit, cutoff),
        national=_named(national_figures(facts, cutoff), lang),
        ranks=_named(unit_ranks(facts, unit, cutoff), lang),
        gaps=gaps.reset_index(drop=True),
    )
