"""Which documents of the cascade each unit has issued, as of a date.

A unit's documents are those whose `unit` is the unit or one of the legacy units it absorbed
(attributed as in analysis.progress.rollup). Links (`implements`, `cites`) show where a document sits
in the cascade, e.g. a provincial resolution implementing 90-QĐ/TW.
"""

from __future__ import annotations

import pandas as pd

from analysis.curation.facts import Facts
from analysis.progress.memo import per_facts
from analysis.progress.rollup import (
    attributed_documents,
    attributed_observations,
    attributed_targets,
    facts_as_of,
    optional_text,
    text_or_none,
)
from analysis.curation.schema import DOCUMENT_TYPES, TOPICS

UNIT_COVERAGE_COLUMNS = [
    "current_unit", "legacy_unit", "document_id", "number", "type", "topic", "issuer", "title",
    "date_issued", "implements", "cites", "source_id", "quote",
]  # fmt: skip

NATIONAL_COVERAGE_COLUMNS = [
    "current_unit", "name_vi", "name_en", "kind", "documents", "document_ids", "legacy_units", "first_issued",
]  # fmt: skip

KINDS = {"topic": TOPICS, "type": DOCUMENT_TYPES}


def _linked(facts: Facts, relation: str) -> dict[str, str]:
    """document_id -> the documents it `relation`s, joined by ', '."""
    links = facts.document_links[facts.document_links["relation"] == relation]
    grouped = links.groupby("from_document")["to_document"].agg(lambda s: ", ".join(sorted(set(s))))
    return grouped.to_dict()


def _local_documents(counted: Facts) -> pd.DataFrame:
    docs = attributed_documents(counted)
    return docs[docs["current_unit"] != "national"]


def unit_coverage(facts: Facts, unit: str, as_of) -> pd.DataFrame:
    """The documents current unit `unit` (or a legacy unit it absorbed) issued, counted on `as_of`.

    Columns: current_unit, legacy_unit, document_id, number, type, topic, issuer, title,
    date_issued (as written), implements and cites (the documents it links to, ', '; null
    when none), source_id, quote. Sorted by issue date (undated last)."""
    counted = facts_as_of(facts, as_of)
    docs = _local_documents(counted)
    docs = docs[docs["current_unit"] == unit].copy()
    for relation in ("implements", "cites"):
        docs[relation] = optional_text(docs["document_id"].map(_linked(counted, relation)))
    docs = docs.sort_values(["issued_end", "document_id"], na_position="last", kind="stable")
    return docs[UNIT_COVERAGE_COLUMNS].reset_index(drop=True)


@per_facts
def national_coverage(facts: Facts, as_of, by: str = "topic") -> pd.DataFrame:
    """Every current (2025) unit x every document kind (`by`: 'topic' or 'type', all values
    the schema allows), counted on `as_of`. A unit with nothing shows documents 0.

    Columns: current_unit, name_vi, name_en, kind, documents (count), document_ids (', ';
    null when none), legacy_units (the units that issued them, ', '), first_issued (the
    earliest issue date, as written). Units in code order, kinds in schema order."""
    counted = facts_as_of(facts, as_of)
    docs = _local_documents(counted).sort_values(["issued_end", "document_id"], na_position="last", kind="stable")
    units = counted.units[counted.units["scheme"] == "2025"].sort_values(["code", "slug"])
    rows = []
    for _, unit in units.iterrows():
        mine = docs[docs["current_unit"] == unit["slug"]]
        for kind in KINDS[by]:
            hits = mine[mine[by] == kind]
            rows.append(
                {
                    "current_unit": unit["slug"],
                    "name_vi": unit["name_vi"],
                    "name_en": unit["name_en"],
                    "kind": kind,
                    "documents": len(hits),
                    "document_ids": ", ".join(hits["document_id"]) or None,
                    "legacy_units": ", ".join(dict.fromkeys(hits["legacy_unit"].dropna())) or None,
                    "first_issued": next((d for d in hits["date_issued"] if text_or_none(d)), None),
                }
            )
    out = pd.DataFrame(rows, columns=NATIONAL_COVERAGE_COLUMNS)
    out["documents"] = out["documents"].astype(int)
    return out


def coverage_grid(facts: Facts, as_of, by: str = "topic") -> pd.DataFrame:
    """national_coverage as a wide table: one row per current unit (index), one column per
    kind, each cell the number of documents."""
    table = national_coverage(facts, as_of, by)
    grid = table.pivot(index="current_unit", columns="kind", values="documents")
    return grid.reindex(index=list(dict.fromkeys(table["current_unit"])), columns=list(KINDS[by]))


MATRIX_COLUMNS = ["current_unit", "name_vi", "name_en", "indicator_id", "observations", "targets", "facts",
                  "latest_date", "state"]  # fmt: skip
# A cell's state: figures reported; only a target (promised, nothing reported); nothing at all.
REPORTED, TARGET_ONLY, NO_DATA_CELL = "reported", "target only", "no data"


@per_facts
def coverage_matrix(facts: Facts, as_of) -> pd.DataFrame:
    """Every current unit x every indicator, counted on `as_of`: how many observations and
    targets (of the unit or the legacy units it absorbed), the latest figure's date as written,
    and the cell's state (REPORTED, TARGET_ONLY or NO_DATA_CELL). Units in code order,
    indicators in the curated order."""
    counted = facts_as_of(facts, as_of)
    obs = attributed_observations(counted)
    obs = obs[obs["current_unit"] != "national"]
    tgt = attributed_targets(counted)
    tgt = tgt[tgt["current_unit"] != "national"]
    obs_counts = obs.groupby(["current_unit", "indicator_id"]).size()
    tgt_counts = tgt.groupby(["current_unit", "indicator_id"]).size()
    latest = (obs.assign(_end=obs["date_end"].map(str)).sort_values("_end")
              .groupby(["current_unit", "indicator_id"])["date"].last())
    units = counted.units[counted.units["scheme"] == "2025"].sort_values(["code", "slug"])
    rows = []
    for unit in units.itertuples(index=False):
        for indicator in counted.indicators["indicator_id"]:
            key = (unit.slug, indicator)
            n_obs, n_tgt = int(obs_counts.get(key, 0)), int(tgt_counts.get(key, 0))
            state = REPORTED if n_obs else TARGET_ONLY if n_tgt else NO_DATA_CELL
            rows.append({"current_unit": unit.slug, "name_vi": unit.name_vi, "name_en": unit.name_en,
                         "indicator_id": indicator, "observations": n_obs, "targets": n_tgt,
                         "facts": n_obs + n_tgt, "latest_date": text_or_none(latest.get(key)), "state": state})
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def coverage_summary(facts: Facts, as_of) -> dict:
    """The coverage figures the README and the overview state: units with a sourced figure,
    units with a target or a document of their own, observations in all."""
    matrix = coverage_matrix(facts, as_of)
    by_unit = matrix.groupby("current_unit")[["observations", "targets"]].sum()
    documents = national_coverage(facts, as_of)
    with_docs = set(documents.loc[documents["documents"] > 0, "current_unit"])
    return {
        "units": len(by_unit),
        "units_with_figures": int((by_unit["observations"] > 0).sum()),
        "units_with_target_or_document": len(set(by_unit.index[by_unit["targets"] > 0]) | with_docs),
        "observations": int(matrix["observations"].sum()),
        "targets": int(matrix["targets"].sum()),
    }
