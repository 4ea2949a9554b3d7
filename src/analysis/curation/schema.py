"""Declared schemas of the curated tables in data/curated/.

Each table is a CSV edited by people and diffed in git. A schema lists its columns with
a type, whether a value is required, the values allowed, and the foreign keys. The
validator (analysis.curation.validate) checks every row against these declarations; the store
(analysis.curation.store) writes the typed tables.

Types:
  str      free text
  id       a key: no leading or trailing spaces, no line breaks
  date     ISO 8601 full date, YYYY-MM-DD
  pdate    ISO 8601 date at any precision: YYYY, YYYY-MM or YYYY-MM-DD
  number   a decimal number written with a dot (30000, 30.5), no thousands separators
  bool     true or false
  unit     a provincial unit slug of either scheme (data/reference), or `national`; `2025:<slug>`
           or `legacy:<slug>` says which unit is meant where a merged unit kept a former unit's
           slug (otherwise the fact's date decides: before 2025-07-01, the former unit)
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "str"
    required: bool = False
    allowed: tuple[str, ...] = ()
    references: str | None = None  # "table.column"
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    key: str
    columns: tuple[Column, ...]
    doc: str = ""
    # Columns whose pair must be unique beyond the key, if any.
    unique_together: tuple[tuple[str, ...], ...] = field(default_factory=tuple)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


LANGUAGES = ("en", "vi", "sv", "fr", "de", "zh", "ru", "other")
TOPICS = (
    "police force building",
    "implementation plan",
    "coordination",
    "commune police",
    "model ward police",
    "population data",
    "organisation",
    "other",
)
DOCUMENT_TYPES = ("NQ", "QĐ", "KH", "CT", "KL", "TB", "ĐA", "CV", "HD", "QC", "BC", "CTr", "TT", "NĐ", "L")
COMPARATORS = (">=", ">", "=", "<=", "<")
QUALIFIERS = ("exactly", "nearly", "about", "at least", "more than", "at most", "less than", "over", "up to")

SOURCES = Table(
    name="sources",
    key="source_id",
    doc="Where facts come from: a file in data/raw/documents (kind corpus, described in "
    "data/raw/origins.csv) or an external reference whose text is not in the repository.",
    columns=(
        Column("source_id", "id", required=True, doc="short stable key, e.g. seed-000"),
        Column("kind", "str", required=True, allowed=("corpus", "external")),
        Column(
            "file",
            "str",
            doc="corpus: file name in data/raw/documents (required); external: file name "
            "to look for in `briefs build --corpus DIR` folders to check quotes (optional)",
        ),
        Column("title", "str", doc="required for external sources; corpus sources take it from origins.csv"),
        Column("publisher", "str"),
        Column("date_published", "pdate", doc="required for external sources"),
        Column("address", "str", doc="URL; required for external sources"),
        Column("language", "str", allowed=LANGUAGES),
        Column("note", "str"),
    ),
)

ORIGINS = Table(
    name="origins",
    key="file",
    doc="data/raw/origins.csv: the origin of each document of the corpus.",
    columns=(
        Column("file", "str", required=True),
        Column("title", "str", required=True),
        Column("publisher", "str"),
        Column("date_published", "pdate"),
        Column("date_basis", "str", allowed=("stated", "inferred"), doc="how date_published is known"),
        Column("language", "str", required=True, allowed=LANGUAGES),
        Column("address", "str"),
        Column("note", "str"),
    ),
)

DOCUMENTS = Table(
    name="documents",
    key="document_id",
    doc="The registry of policy documents. Central documents are keyed by their number "
    "(12-NQ/TW); local ones by unit and number (ha-tinh:15-NQ/TU), since numbers repeat "
    "across provinces.",
    columns=(
        Column("document_id", "id", required=True),
        Column("number", "str", required=True, doc="official form with Vietnamese letters: 12-NQ/TW"),
        Column("type", "str", required=True, allowed=DOCUMENT_TYPES),
        Column("issuer", "str", required=True, doc="issuing body, English (Vietnamese)"),
        Column("unit", "unit", required=True, doc="`national` or the unit whose document it is"),
        Column("date_issued", "pdate"),
        Column("title", "str", required=True),
        Column("topic", "str", required=True, allowed=TOPICS, doc="what the document is about, for coverage"),
        Column("source_id", "id", required=True, references="sources.source_id"),
        Column("quote", "str", required=True),
        Column("note", "str"),
    ),
)

DOCUMENT_LINKS = Table(
    name="document_links",
    key="link_id",
    doc="How documents relate: implements, cites, replaces.",
    columns=(
        Column("link_id", "id", required=True),
        Column("from_document", "id", required=True, references="documents.document_id"),
        Column("relation", "str", required=True, allowed=("implements", "cites", "replaces")),
        Column("to_document", "id", required=True, references="documents.document_id"),
        Column("source_id", "id", required=True, references="sources.source_id"),
        Column("quote", "str", required=True),
    ),
)

INDICATORS = Table(
    name="indicators",
    key="indicator_id",
    doc="What is measured. `additive` counts may be summed across units; shares never.",
    columns=(
        Column("indicator_id", "id", required=True),
        Column("name_en", "str", required=True),
        Column("name_vi", "str", required=True),
        Column("measure", "str", required=True, allowed=("count", "share", "money")),
        Column("value_unit", "str", required=True, doc="%, VND, officers, headquarters, ..."),
        Column("additive", "bool", required=True),
        Column("higher_is_better", "bool", required=True),
        Column("description", "str"),
    ),
)

TARGETS = Table(
    name="targets",
    key="target_id",
    doc="What was promised: a value for an indicator by a deadline, from a document.",
    columns=(
        Column("target_id", "id", required=True),
        Column("unit", "unit", required=True),
        Column("indicator_id", "id", required=True, references="indicators.indicator_id"),
        Column("comparator", "str", required=True, allowed=COMPARATORS),
        Column("value", "number", required=True),
        Column("value_unit", "str", required=True),
        Column("deadline", "date", required=True),
        Column("baseline_value", "number"),
        Column("baseline_date", "date"),
        Column("document_id", "id", required=True, references="documents.document_id"),
        Column("source_id", "id", required=True, references="sources.source_id"),
        Column("quote", "str", required=True),
        Column("note", "str"),
    ),
)

OBSERVATIONS = Table(
    name="observations",
    key="observation_id",
    doc="What was reported: a figure for an indicator, a unit and a date, from a source.",
    columns=(
        Column("observation_id", "id", required=True),
        Column("unit", "unit", required=True),
        Column("indicator_id", "id", required=True, references="indicators.indicator_id"),
        Column("value", "number", required=True),
        Column("value_unit", "str", required=True),
        Column("qualifier", "str", allowed=QUALIFIERS),
        Column("total", "number", doc="the whole the value is part of: 22 of 63 has total 63"),
        Column("date", "pdate", required=True, doc="the date the figure refers to"),
        Column("source_id", "id", required=True, references="sources.source_id"),
        Column("quote", "str", required=True),
        Column("note", "str"),
    ),
)

CURATED_TABLES: tuple[Table, ...] = (SOURCES, DOCUMENTS, DOCUMENT_LINKS, INDICATORS, TARGETS, OBSERVATIONS)
TABLES_BY_NAME = {t.name: t for t in (*CURATED_TABLES, ORIGINS)}
