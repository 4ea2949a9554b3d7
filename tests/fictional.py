"""A builder of small, fictional `Facts` for tests. No real province or figure appears here.

Fictional units: legacy `alpha` and `beta` merged into current `alpha-beta`; legacy `theta`
and `iota` merged into current `theta` (a merged unit that kept a legacy unit's name);
`gamma`, `delta`, `epsilon`, `zeta`, `eta` did not merge.

    facts = (Fictional()
             .document("alpha:1-NQ/TU", "alpha", issued="2023-01-10")
             .target("alpha", "officers", 100, "2025-12-31", document_id="alpha:1-NQ/TU")
             .observation("alpha", "officers", 40, "2024-01-01")
             .build())

A fact added without a source gets one of its own, published on the fact's date (or on
`published=`), so that dating a fact is one argument.
"""

from __future__ import annotations

import itertools

import pandas as pd

from analysis.curation.facts import Facts

MERGERS = {"alpha-beta": ["alpha", "beta"], "theta": ["theta", "iota"]}
UNMERGED = ["gamma", "delta", "epsilon", "zeta", "eta"]
CURRENT = [*MERGERS, *UNMERGED]

INDICATORS = [
    # indicator_id, measure, value_unit, additive, higher_is_better
    ("officers", "count", "officers", True, True),
    ("funding", "money", "VND", True, True),
    ("share", "share", "%", False, True),
    ("incidents", "count", "incidents", True, False),
]


def _name(slug: str) -> str:
    return " ".join(part.capitalize() for part in slug.split("-"))


def fictional_units() -> tuple[pd.DataFrame, pd.DataFrame]:
    rows, crosswalk = [], []
    legacy = sorted({*UNMERGED, *(p for parts in MERGERS.values() for p in parts)})
    for code, slug in enumerate(legacy, start=1):
        rows.append(("legacy", f"{code:02d}", slug))
    for code, slug in enumerate(CURRENT, start=51):
        rows.append(("2025", f"{code:02d}", slug))
    for current, parts in MERGERS.items():
        crosswalk += [(p, current) for p in parts]
    crosswalk += [(s, s) for s in UNMERGED]
    units = pd.DataFrame(
        [
            {
                "slug": slug,
                "scheme": scheme,
                "code": code,
                "name_vi": _name(slug),
                "official_name_vi": f"Tỉnh {_name(slug)}",
                "name_en": f"{_name(slug)} Province",
                "type": "province",
            }
            for scheme, code, slug in rows
        ]
    )
    return units, pd.DataFrame(crosswalk, columns=["legacy_slug", "current_slug"])


class Fictional:
    def __init__(self) -> None:
        self.sources: list[dict] = []
        self.documents: list[dict] = []
        self.links: list[dict] = []
        self.targets: list[dict] = []
        self.observations: list[dict] = []
        self.indicators = [
            {
                "indicator_id": i,
                "name_en": f"Fictional {i}",
                "name_vi": f"Chỉ số giả định {i}",
                "measure": m,
                "value_unit": u,
                "additive": str(a).lower(),
                "higher_is_better": str(h).lower(),
                "description": "",
            }
            for i, m, u, a, h in INDICATORS
        ]
        self._ids = itertools.count(1)

    def _unit_of_measure(self, indicator: str) -> str:
        return next(i["value_unit"] for i in self.indicators if i["indicator_id"] == indicator)

    def source(self, source_id: str, published: str | None = "2023-06-30") -> "Fictional":
        self.sources.append(
            {
                "source_id": source_id,
                "kind": "external",
                "file": "",
                "title": f"Fictional source {source_id}",
                "publisher": "Fictional Gazette",
                "date_published": published or "",
                "address": "https://example.org/" + source_id,
                "language": "en",
                "note": "",
            }
        )
        return self

    def _own_source(self, source_id: str | None, published: str | None) -> str:
        if source_id is not None:
            return source_id
        source_id = f"src-{next(self._ids)}"
        self.source(source_id, published)
        return source_id

    def document(
        self,
        document_id: str,
        unit: str = "national",
        issued: str | None = "2022-01-10",
        topic: str = "police force building",
        type: str = "NQ",
        source_id: str | None = None,
        published: str | None = None,
    ) -> "Fictional":
        self.documents.append(
            {
                "document_id": document_id,
                "number": document_id.split(":")[-1],
                "type": type,
                "issuer": "Fictional Committee",
                "unit": unit,
                "date_issued": issued or "",
                "title": f"Fictional document {document_id}",
                "topic": topic,
                "source_id": self._own_source(source_id, published or issued),
                "quote": f"quote of {document_id}",
                "note": "",
            }
        )
        return self

    def link(self, from_document: str, to_document: str, relation: str = "implements") -> "Fictional":
        source = next(d["source_id"] for d in self.documents if d["document_id"] == from_document)
        self.links.append(
            {
                "link_id": f"link-{next(self._ids)}",
                "from_document": from_document,
                "relation": relation,
                "to_document": to_document,
                "source_id": source,
                "quote": f"{from_document} {relation} {to_document}",
            }
        )
        return self

    def target(
        self,
        unit: str,
        indicator: str,
        value: float,
        deadline: str,
        comparator: str = ">=",
        document_id: str | None = None,
        value_unit: str | None = None,
        baseline_value: float | None = None,
        baseline_date: str | None = None,
        target_id: str | None = None,
        source_id: str | None = None,
    ) -> "Fictional":
        if document_id is None:
            document_id = f"{unit}:{next(self._ids)}-NQ/TU"
            self.document(document_id, unit, issued="2022-06-15")
        doc = next(d for d in self.documents if d["document_id"] == document_id)
        self.targets.append(
            {
                "target_id": target_id or f"t-{next(self._ids)}",
                "unit": unit,
                "indicator_id": indicator,
                "comparator": comparator,
                "value": str(value),
                "value_unit": value_unit or self._unit_of_measure(indicator),
                "deadline": deadline,
                "baseline_value": "" if baseline_value is None else str(baseline_value),
                "baseline_date": baseline_date or "",
                "document_id": document_id,
                "source_id": source_id or doc["source_id"],
                "quote": f"{comparator} {value} by {deadline}",
                "note": "",
            }
        )
        return self

    def observation(
        self,
        unit: str,
        indicator: str,
        value: float,
        date: str,
        qualifier: str | None = None,
        value_unit: str | None = None,
        total: float | None = None,
        source_id: str | None = None,
        published: str | None = None,
        observation_id: str | None = None,
    ) -> "Fictional":
        self.observations.append(
            {
                "observation_id": observation_id or f"o-{next(self._ids)}",
                "unit": unit,
                "indicator_id": indicator,
                "value": str(value),
                "value_unit": value_unit or self._unit_of_measure(indicator),
                "qualifier": qualifier or "",
                "total": "" if total is None else str(total),
                "date": date,
                "source_id": self._own_source(source_id, published or date),
                "quote": f"{qualifier or ''} {value} in {unit}".strip(),
                "note": "",
            }
        )
        return self

    def build(self) -> Facts:
        from analysis.curation.schema import TABLES_BY_NAME

        def frame(name: str, rows: list[dict]) -> pd.DataFrame:
            columns = TABLES_BY_NAME[name].column_names
            return pd.DataFrame([[r[c] for c in columns] for r in rows], columns=columns, dtype=object)

        units, crosswalk = fictional_units()
        return Facts.from_frames(
            sources=frame("sources", self.sources),
            documents=frame("documents", self.documents),
            document_links=frame("document_links", self.links),
            indicators=frame("indicators", self.indicators),
            targets=frame("targets", self.targets),
            observations=frame("observations", self.observations),
            units=units,
            crosswalk=crosswalk,
        )
