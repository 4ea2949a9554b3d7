"""Which documents of the cascade each unit has issued, as of a date.

A unit's documents are those whose `unit` is the unit or one of the legacy units it absorbed
(attributed as in analysis.progress.rollup). Links (`implements`, `cites`) show where a document sits
in the cascade, e.g. a provincial resolution implementing 90-QĐ/TW.
"""

from __future__ import annotations

import pandas as pd

from analysis.curation.facts import Facts
from analysis.progress.memo import per_facts
from analysis.progress.rollup import attributed_documents, facts_as_of, optional_text, text_or_none
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
