"""`python -m analysis.extract.evaluate` (`make eval`): precision and recall of extraction per kind,
against the hand labels in tests/labels/*.jsonl.

A label and a prediction match when they have the same source and kind, their spans overlap, and
they agree on the kind's key field: document `id`, date `date`, place `unit`, quantity `value`,
target `value` and `deadline`. Overlap rather than equal spans because where a mention starts
("Resolution No. 12-NQ/TW" or "12-NQ/TW") is a convention, not a fact; the key field is the fact.
Each label matches at most one prediction.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from analysis.paths import ProjectPaths

KINDS = ("document", "date", "place", "quantity", "target")
KEY_FIELDS = {
    "document": ("id",), "date": ("date",), "place": ("unit",), "quantity": ("value",),
    "target": ("value", "deadline"),
}


def labels_dir(root: Path | None = None) -> Path:
    return (root or ProjectPaths.at().root) / "tests" / "labels"


def load_labels(folder: Path) -> list[dict]:
    rows: list[dict] = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


def _source_paths(sources: set[str], folders: list[Path]) -> dict[str, Path]:
    found = {}
    for source in sources:
        for folder in folders:
            if (folder / source).is_file():
                found[source] = folder / source
                break
        else:
            raise FileNotFoundError(f"labelled source {source} not found in {', '.join(map(str, folders))}")
    return found


def _key(record: dict) -> tuple:
    return tuple(record.get(f) for f in KEY_FIELDS[record["kind"]])


def score(labels: list[dict], predictions: list[dict]) -> dict[str, dict[str, float]]:
    """Per kind: labelled, predicted, matched, precision, recall."""
    by_place: dict[tuple, list[dict]] = defaultdict(list)
    for p in predictions:
        by_place[(p["source"], p["kind"])].append(p)
    matched = defaultdict(int)
    used: set[int] = set()
    for label in labels:
        for p in by_place[(label["source"], label["kind"])]:
            if id(p) in used or not (p["start"] < label["end"] and label["start"] < p["end"]):
                continue
            if _key(p) == _key(label):
                used.add(id(p))
                matched[label["kind"]] += 1
                break
    result = {}
    for kind in KINDS:
        n_label = sum(1 for x in labels if x["kind"] == kind)
        n_pred = sum(1 for x in predictions if x["kind"] == kind)
        m = matched[kind]
        result[kind] = {
            "labelled": n_label, "predicted": n_pred, "matched": m,
            "precision": m / n_pred if n_pred else 1.0,
            "recall": m / n_label if n_label else 1.0,
        }
    return result


def evaluate(root: Path | None = None) -> dict[str, dict[str, float]]:
    from analysis.extract.command import iter_records

    paths = ProjectPaths.at(root) if root else ProjectPaths.at()
    folder = labels_dir(paths.root)
    labels = load_labels(folder)
    sources = _source_paths({x["source"] for x in labels}, [folder / "texts", paths.documents])
    predictions = [r for path in sources.values() for r in iter_records(path)]
    return score(labels, predictions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.extract.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    scores = evaluate()
    if args.json:
        print(json.dumps(scores, indent=2))
        return 0
    print(f"{'kind':<10} {'labelled':>8} {'predicted':>9} {'matched':>7} {'precision':>9} {'recall':>7}")
    for kind, s in scores.items():
        print(f"{kind:<10} {s['labelled']:>8} {s['predicted']:>9} {s['matched']:>7} "
              f"{s['precision']:>9.3f} {s['recall']:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
