"""The review of fact proposals (analysis.extract.proposals): rows drafted whole from the
documents in the store, listed when no curated row covers them yet, to accept (with fields a
person corrects), or reject so that they are listed no more (data/review/rejected.csv).

A proposal is covered when a curated row of its table states the same fact from the same source
(indicator, unit, value and date or deadline), quotes a span over its figure, or (documents,
links) is already in the registry. Accepting goes through review.accept(): the whole project
must validate with the row, and the file is written through a temporary name.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import pandas as pd

from analysis.curation.review import (
    Review, _plain_number, _quoted_spans, accept, candidate_table, source_id_of, unit_slug,
)
from analysis.curation.schema import TABLES_BY_NAME
from analysis.paths import ProjectPaths


PROPOSAL_TABLES = {"observation": "observations", "target": "targets", "document": "documents",
                   "document_link": "document_links", "indicator": "indicators"}
PROPOSAL_FIELDS = {
    "observations": ("unit", "indicator_id", "value", "value_unit", "qualifier", "total", "date"),
    "targets": ("unit", "indicator_id", "comparator", "value", "value_unit", "deadline", "document_id"),
    "documents": ("document_id", "number", "type", "issuer", "unit", "date_issued"),
    "document_links": ("from_document", "relation", "to_document"),
}
FACT_KEYS = {"observations": ("indicator_id", "unit", "value", "date"),
             "targets": ("indicator_id", "unit", "value", "deadline")}
REJECTED_COLUMNS = ("proposal_id", "reason")


def proposal_id(proposal) -> str:
    """A stable key: the file, the kind and the span of the figure it was read from."""
    return f"{proposal['source']}:{proposal['kind']}:{int(proposal['figure_start'])}-{int(proposal['figure_end'])}"


def rejected_path(root=None) -> Path:
    return ProjectPaths.at(root).data / "review" / "rejected.csv"


def rejected_ids(root=None) -> set[str]:
    path = rejected_path(root)
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["proposal_id"] for row in csv.DictReader(handle)}


def _fact_key(table: str, row) -> tuple:
    values = [row.get(k) for k in FACT_KEYS[table]]
    return tuple("" if v is None or (isinstance(v, float) and pd.isna(v)) else
                 _plain_number(v) if k == "value" else str(v) for k, v in zip(FACT_KEYS[table], values))


def proposals_of(review: Review, source: str | None = None) -> pd.DataFrame:
    """Every proposal for the texts in the store, one line each (columns: the union of the kinds')."""
    from analysis.extract.proposals import propose_text

    published = dict(zip(review.sources["file"], review.sources["date_published"]))
    column = lambda name: dict(zip(review.sources["file"], review.sources[name])) if name in review.sources else {}  # noqa: E731
    publishers, addresses = column("publisher"), column("address")
    given = lambda v: None if v is None or v == "" or (pd.api.types.is_scalar(v) and pd.isna(v)) else str(v)  # noqa: E731
    rows = []
    for text_row in review.corpus.itertuples(index=False):
        if source and text_row.file != source:
            continue
        rows += propose_text(text_row.text, text_row.file, given(published.get(text_row.file)), root=review.root,
                             publisher=given(publishers.get(text_row.file)), address=given(addresses.get(text_row.file)))
    frame = pd.DataFrame(rows)
    if len(frame):
        frame.insert(0, "proposal_id", [proposal_id(p) for p in rows])
        frame["table"] = frame["kind"].map(PROPOSAL_TABLES)
    return frame


def _covering(review: Review, proposal: pd.Series, spans, keys) -> str:
    table = PROPOSAL_TABLES[proposal["kind"]]
    if table == "documents":
        return f"documents:{proposal['document_id']}" if proposal["document_id"] in set(review.curated["documents"]["document_id"]) else ""
    if table == "document_links":
        links = review.curated["document_links"]
        same = links[(links["from_document"] == proposal["from_document"]) & (links["relation"] == proposal["relation"])
                     & (links["to_document"] == proposal["to_document"])]
        return ", ".join(f"document_links:{k}" for k in same["link_id"])
    if table in FACT_KEYS and (proposal["source"], _fact_key(table, proposal)) in keys[table]:
        return keys[table][(proposal["source"], _fact_key(table, proposal))]
    start, end = int(proposal["figure_start"]), int(proposal["figure_end"])
    rows = [label for s, e, label in spans.get(proposal["source"], []) if s < end and start < e
            and (table == "indicators" or label.startswith(table))]
    return ", ".join(dict.fromkeys(rows))


def proposal_table(review: Review, source: str | None = None, unit: str | None = None, covered: bool = False,
                   rejected: bool = False) -> pd.DataFrame:
    """Proposals with the curated rows covering them (same fact, or a quote over the figure).
    covered / rejected: False (the default) leaves out those covered / rejected (data/review/rejected.csv)."""
    frame = proposals_of(review, source)
    if not len(frame):
        return frame
    if unit:
        unit = unit_slug(unit, review.root)
        frame = frame[frame["unit"].isin([unit]) | frame["source"].isin(candidate_table(review, unit=unit, covered=True)["source"])]
    file_of = dict(zip(review.sources["source_id"], review.sources["file"]))
    keys = {t: {(file_of.get(r["source_id"]), _fact_key(t, r)): f"{t}:{r[TABLES_BY_NAME[t].key]}"
                for r in review.curated[t].to_dict("records")} for t in FACT_KEYS}
    spans = _quoted_spans(review)
    frame = frame.copy()
    frame["covered_by"] = [_covering(review, p, spans, keys) for _, p in frame.iterrows()]
    if not covered:
        frame = frame[frame["covered_by"] == ""]
    if not rejected:
        frame = frame[~frame["proposal_id"].isin(rejected_ids(review.root))]
    return frame.reset_index(drop=True)


def _slug(*parts) -> str:
    from analysis.extract.fold import fold

    text = fold("-".join(str(p) for p in parts if p)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def proposal_row(review: Review, proposal, **overrides) -> tuple[str, dict[str, str]]:
    """(table, row): the curated row a proposal stands for, every field filled from it (its
    sentence as the quote); `overrides` replace fields a person corrects."""
    p = {k: v for k, v in dict(proposal).items() if not (isinstance(v, float) and pd.isna(v)) and v is not None}
    table = PROPOSAL_TABLES[p["kind"]]
    row = {column: "" for column in TABLES_BY_NAME[table].column_names}
    for field in PROPOSAL_FIELDS.get(table, ()):
        value = p.get(field, "")
        row[field] = _plain_number(value) if field in ("value", "total") and value != "" else str(value)
    if "source_id" in row:
        row["source_id"] = source_id_of(review, p["source"])
    if "quote" in row:
        row["quote"] = p["quote"]
    if "note" in row:
        row["note"] = f"Proposed by the fact proposer ({p.get('confidence')}): {p.get('reason', '')}"
    key = TABLES_BY_NAME[table].key
    if table == "observations":
        row[key] = _slug(p.get("unit"), p.get("indicator_id"), p.get("date"))
    elif table == "targets":
        row[key] = _slug(p.get("unit"), p.get("indicator_id"), p.get("value"), p.get("deadline"))
    elif table == "document_links":
        row[key] = _slug(p.get("from_document"), p.get("relation"), p.get("to_document"))
    elif table == "indicators":
        unit = str(p.get("value_unit") or "")
        row.update(indicator_id=str(p["indicator_id"]).removeprefix("new:"), name_en=str(p.get("noun", "")),
                   name_vi=str(p.get("noun", "")), value_unit=unit,
                   measure="share" if unit == "%" else "money" if unit in ("VND", "USD") else "count",
                   description=f"Proposed from: {p['quote']}")
    row.update({k: str(v) for k, v in overrides.items()})
    return table, row


def accept_proposal(review: Review, proposal, corpus_dirs=(), **overrides) -> Path:
    """Write the proposal's row (with `overrides`) to its curated table, if the project validates."""
    table, row = proposal_row(review, proposal, **overrides)
    return accept(table, row, root=review.root, corpus_dirs=corpus_dirs)


def reject(review: Review, proposal, reason: str = "") -> Path:
    """Record that a person rejected a proposal (data/review/rejected.csv), so it is listed no more."""
    path = rejected_path(review.root)
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.is_file() else ",".join(REJECTED_COLUMNS) + "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([proposal_id(proposal), reason])
    staged = path.with_name(f".{path.name}.tmp")
    staged.write_text(existing + buffer.getvalue(), encoding="utf-8")
    os.replace(staged, path)
    return path



def find_proposal(review: Review, proposal_id: str, source: str | None = None, unit: str | None = None,
                  rejected: bool = False) -> pd.Series:
    """The proposal with this id, covered or not (and rejected too, with `rejected`)."""
    table = proposal_table(review, source=source, unit=unit, covered=True, rejected=rejected)
    match = table[table["proposal_id"] == proposal_id] if len(table) else table
    if not len(match):
        raise KeyError(f"no proposal {proposal_id!r} (list them with `briefs review`)")
    return match.iloc[0]


def apply_decisions(review: Review, accepted=(), rejected=(), corpus_dirs=()) -> pd.DataFrame:
    """A reviewer's decisions by id: `accepted` holds (id, {field: corrected value}) pairs, `rejected`
    (id, reason) pairs. One row per decision: action, proposal_id, and the file written."""
    done = []
    if not (accepted or rejected):
        return pd.DataFrame(done, columns=["action", "proposal_id", "file"])
    every = proposal_table(review, covered=True, rejected=True)
    by_id = {p["proposal_id"]: p for _, p in every.iterrows()} if len(every) else {}

    def chosen(pid: str) -> pd.Series:
        if pid not in by_id:
            raise KeyError(f"no proposal {pid!r} (list them with `briefs review`)")
        return by_id[pid]

    for pid, corrections in accepted:
        done.append(("accepted", pid, str(accept_proposal(review, chosen(pid), corpus_dirs=corpus_dirs, **corrections))))
    for pid, reason in rejected:
        done.append(("rejected", pid, str(reject(review, chosen(pid), reason))))
    return pd.DataFrame(done, columns=["action", "proposal_id", "file"])

SHOWN = ("indicator_id", "unit", "value", "value_unit", "date", "deadline", "document_id", "from_document",
         "relation", "to_document")


def _line(p: pd.Series) -> str:
    fields = " ".join(f"{k}={p[k]}" for k in SHOWN if k in p and isinstance(p[k], (str, int, float)) and not pd.isna(p[k]))
    return f"{p['proposal_id']}\t{p['kind']}\t{p.get('confidence', '')}\t{fields}\t«{p['figure']}»\t{p.get('reason', '')}"


def review_command(root=None, source=None, unit=None, covered=False, as_json=False, accept_id=None,
                   reject_id=None, reason="", overrides=(), corpus_dirs=()) -> int:
    """`briefs review`: list the proposals no curated row covers, or accept / reject one by id."""
    import json
    import sys

    from analysis.curation.review import load_review
    from analysis.errors import ValidationFailed

    database = ProjectPaths.at(root).database
    if not database.is_file():
        print(f"briefs review: {database} not found: run `briefs build` first", file=sys.stderr)
        return 1
    review = load_review(database)
    chosen_id = accept_id or reject_id
    if chosen_id:
        try:
            proposal = find_proposal(review, chosen_id, source=source, unit=unit)
        except KeyError as error:
            print(f"briefs review: {error.args[0]}", file=sys.stderr)
            return 2
        if reject_id:
            print(f"rejected {chosen_id} -> {reject(review, proposal, reason)}")
            return 0
        changes = dict(item.split("=", 1) for item in overrides)
        try:
            path = accept_proposal(review, proposal, corpus_dirs=corpus_dirs, **changes)
        except (ValidationFailed, ValueError) as error:
            print(f"briefs review: not accepted:\n{error}", file=sys.stderr)
            return 1
        print(f"accepted {chosen_id} -> {path} (run `briefs build` to refresh the store)")
        return 0
    table = proposal_table(review, source=source, unit=unit, covered=covered)
    if as_json:
        for record in table.to_dict("records"):
            print(json.dumps({k: v for k, v in record.items() if not (isinstance(v, float) and pd.isna(v))},
                             ensure_ascii=False, default=str))
        return 0
    for _, p in table.iterrows():
        print(_line(p) + (f"\tcovered by {p['covered_by']}" if p["covered_by"] else ""))
    print(f"{len(table)} proposal(s)" + ("" if covered else " no curated row covers"), file=sys.stderr)
    return 0
