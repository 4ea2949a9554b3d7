"""How well the proposer finds the curated facts.

Recall: the share of curated observations and targets whose source text is at hand that some
proposal of the same kind, in the same file, states exactly (indicator, unit, value, and date
for an observation or deadline for a target). Precision: on the files whose curation is
complete (every fact in them is curated), the share of observation and target proposals that
state a curated fact; each fact matches one proposal at most. A proposal that leaves its unit or
its date open ("toàn tỉnh" with no name) states no fact: it is a question for the reviewer,
counted apart (`questions`), as are proposals of new indicators.

Facts come from data/curated (observations.csv, targets.csv, sources.csv for the file of each
source) and from hand labels (tests/labels/facts/*.jsonl, one fact per line with `source`, the
text's file name, and the fields above). Files are found in the folders given, in order.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from analysis.extract.proposals.propose import FACT_KEYS, propose_file

TABLE_KIND = {"observations": "observation", "targets": "target"}


@dataclass
class Fact:
    file: str
    kind: str
    key: tuple
    row: str  # where it comes from: "observations:<id>" or "labels:<file>:<line>"


@dataclass
class Scores:
    facts: int = 0
    found: int = 0
    proposed: int = 0
    correct: int = 0
    questions: int = 0
    missed: list[Fact] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.facts if self.facts else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.proposed if self.proposed else 1.0


def _value(v) -> float | None:
    try:
        return round(float(v), 6)
    except (TypeError, ValueError):
        return None


def fact_key(kind: str, record: dict) -> tuple:
    indicator, unit, value, when = (record.get(k) for k in FACT_KEYS[kind])
    return (indicator or None, unit or None, _value(value), when or None)


def curated_facts(curated: Path) -> list[Fact]:
    with (curated / "sources.csv").open(encoding="utf-8", newline="") as handle:
        file_of = {r["source_id"]: r["file"] for r in csv.DictReader(handle)}
    facts = []
    for table, kind in TABLE_KIND.items():
        with (curated / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = file_of.get(row["source_id"], "")
                key_column = "observation_id" if kind == "observation" else "target_id"
                if name:
                    facts.append(Fact(name, kind, fact_key(kind, row), f"{table}:{row[key_column]}"))
    return facts


def labelled_facts(folder: Path) -> list[Fact]:
    facts = []
    for path in sorted(folder.glob("*.jsonl")):
        for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if text.strip():
                row = json.loads(text)
                facts.append(Fact(row["source"], row["kind"], fact_key(row["kind"], row), f"labels:{path.name}:{line}"))
    return facts


ORIGIN_FIELDS = ("date_published", "publisher", "address")


def origins_by_file(curated: Path, origins: Path | None) -> dict[str, dict[str, str]]:
    """File -> its date of publication, publisher and address, from data/raw/origins.csv, then
    sources.csv (which wins, field by field, where it gives one)."""
    found: dict[str, dict[str, str]] = {}
    for path in (origins, curated / "sources.csv"):
        if path and path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    if row.get("file"):
                        found.setdefault(row["file"], {}).update({k: row[k] for k in ORIGIN_FIELDS if row.get(k)})
    return found


def find_texts(names, folders: list[Path]) -> dict[str, Path]:
    found = {}
    for name in names:
        for folder in folders:
            if (folder / name).is_file():
                found[name] = folder / name
                break
    return found


def score_facts(facts: list[Fact], proposals: dict[str, list[dict]], complete: set[str]) -> Scores:
    """Recall over `facts` whose file has proposals (its text was read); precision over the
    proposals of the files in `complete`."""
    scores = Scores()
    pool: dict[tuple, list[dict]] = {}
    for name, rows in proposals.items():
        for p in rows:
            if p["kind"] in FACT_KEYS:
                pool.setdefault((name, p["kind"], fact_key(p["kind"], p)), []).append(p)
    used: set[int] = set()
    for fact in facts:
        if fact.file not in proposals:
            continue
        scores.facts += 1
        match = next((p for p in pool.get((fact.file, fact.kind, fact.key), []) if id(p) not in used), None)
        if match is None:
            scores.missed.append(fact)
            continue
        used.add(id(match))
        scores.found += 1
    for name in complete & set(proposals):
        for p in proposals[name]:
            if p["kind"] in FACT_KEYS and None in fact_key(p["kind"], p):
                scores.questions += 1
            elif p["kind"] in FACT_KEYS:
                scores.proposed += 1
                if id(p) in used:
                    scores.correct += 1
                else:
                    scores.wrong.append(p)
    return scores


def propose_all(texts: dict[str, Path], origins: dict[str, dict[str, str]], root=None) -> dict[str, list[dict]]:
    """Each text's proposals, told its date of publication, publisher and address (origins_by_file)."""
    told = lambda name: origins.get(name, {})  # noqa: E731
    return {name: propose_file(path, told(name).get("date_published"), root, told(name).get("publisher"), told(name).get("address"))
            for name, path in sorted(texts.items())}
