"""`python -m analysis.extract.evaluate` (`make eval`): precision and recall of extraction per kind,
against the hand labels in tests/labels/*.jsonl.

A label and a prediction match when they have the same source and kind, their spans overlap, and
they agree on the kind's key field: document `id`, date `date`, place `unit`, quantity `value`,
target `value` and `deadline`. Overlap rather than equal spans because where a mention starts
("Resolution No. 12-NQ/TW" or "12-NQ/TW") is a convention, not a fact; the key field is the fact.
Each label matches at most one prediction.

Facts (analysis.extract.proposals.scoring): recall of the curated observations and targets, and
precision of the proposals on the files whose curation is complete (tests/labels/facts_complete.txt,
plus the held-out files, which their curator curates whole). Three sets: `in-repo` (the seeds and
the hand-labelled fact sentences of tests/labels/facts/: what the tests hold), `dev` (the seeds
and the shared corpus, less the held-out files) and `held-out` (HELD_OUT: never looked at while
the proposer was written).
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
    """Every labelled source's file: a label whose text is missing is an error, not a skip."""
    from analysis.extract.proposals.scoring import find_texts

    found = find_texts(sources, folders)
    missing = sorted(sources - set(found))
    if missing:
        raise FileNotFoundError(f"labelled source {missing[0]} not found in {', '.join(map(str, folders))}")
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


HELD_OUT = ("105_", "107_", "110_", "115_", "116_", "117_", "121_", "122_")


FACT_SETS = ("in-repo", "dev", "held-out", "quotes-dev", "quotes-held-out")


def complete_files(root: Path) -> set[str]:
    return listed(labels_dir(root) / "facts_complete.txt")


def evaluate_facts(root: Path | None = None, corpus: Path | None = None, sets=FACT_SETS) -> dict:
    """Per set: the fact Scores (recall, precision, the facts missed and the proposals wrong)."""
    from analysis.extract.proposals import scoring

    paths = ProjectPaths.at(root) if root else ProjectPaths.at()
    corpus = corpus if corpus is not None else paths.root.parent / "shared" / "corpus"
    curated = scoring.curated_facts(paths.curated)
    origins = scoring.origins_by_file(paths.curated, paths.origins)  # each file's date, publisher and address
    complete = complete_files(paths.root)
    held = lambda name: name.startswith(HELD_OUT)  # noqa: E731
    result = {}
    for name in sets:
        if name.startswith("quotes"):
            result[name], result[f"{name}, stated"] = _quote_scores(paths, held_out=name == "quotes-held-out")
            continue
        if name == "in-repo":
            label_texts = labels_dir(paths.root) / "texts"
            facts = [f for f in curated if (paths.documents / f.file).is_file()]
            facts += scoring.labelled_facts(labels_dir(paths.root) / "facts")
            folders = [paths.documents, label_texts]
        else:
            if not corpus.is_dir() and name != "dev":
                continue
            facts = [f for f in curated if held(f.file) == (name == "held-out")]
            folders = [paths.documents, corpus]
        # Held-out: every held-out file (their curator curates them whole), named by listing only.
        every_held = {p.name for p in corpus.iterdir() if held(p.name)} if name == "held-out" else set()
        texts = scoring.find_texts({f.file for f in facts} | (complete if name != "held-out" else every_held), folders)
        texts = {k: v for k, v in texts.items() if held(k) == (name == "held-out")}
        proposals = scoring.propose_all(texts, origins, paths.root)
        done = {n for n in texts if n in complete or (name == "held-out") or (name == "in-repo" and n in label_facts_files(paths.root))}
        result[name] = scoring.score_facts(facts, proposals, done)
    return result


def _quote_scores(paths: ProjectPaths, held_out: bool):
    """The curated facts of pageless sources, proposed from their title and quotes (held out:
    the hash's half less tests/labels/quotes_seen.txt, sources read in full while developing); precision
    over every such text but those tests/labels/quotes_incomplete.txt lists (a quote stating a
    fact no curated row or hand label holds). Twice: over all their facts, and over what the
    text determines (quote_texts.determined)."""
    from analysis.extract.proposals import quote_texts, scoring
    from analysis.extract.proposals.propose import propose_text

    seen = listed(labels_dir(paths.root) / "quotes_seen.txt")  # read in full while developing: dev
    texts = {k: t for k, t in quote_texts.quote_texts(paths.curated).items()
             if (quote_texts.held_out(k) and k not in seen) == held_out}
    facts = quote_texts.quote_facts(paths.curated) + scoring.labelled_facts(labels_dir(paths.root) / "facts")
    facts = [f for f in facts if f.file in texts]
    proposals = {k: propose_text(t.text, k, t.published, paths.root, t.publisher, t.address) for k, t in sorted(texts.items())}
    complete = set(texts) - listed(labels_dir(paths.root) / "quotes_incomplete.txt")
    scores = scoring.score_facts(facts, proposals, complete)
    told = [quote_texts.determined(f, texts[f.file]) for f in facts]
    stated = scoring.score_facts([f for f, ok in zip(facts, told) if ok], proposals, set())
    # Precision over what the text can tell: a wrong proposal stating, in indicator and value, a
    # fact whose unit or date the text does not give is set aside, neither right nor wrong.
    untold = {(f.file, f.kind, f.key[0], f.key[2]) for f, ok in zip(facts, told) if not ok}
    wrong = [p for p in scores.wrong if (p["source"], p["kind"], p.get("indicator_id"), scoring.fact_key(p["kind"], p)[2]) not in untold]
    stated.proposed, stated.correct, stated.questions, stated.wrong = scores.correct + len(wrong), scores.correct, scores.questions, wrong
    return scores, stated


def listed(path: Path) -> set[str]:
    """The names a list file holds, one per line, before any comment."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return {line.split("#")[0].strip() for line in lines} - {""}


def label_facts_files(root: Path) -> set[str]:
    """The texts of the hand-labelled facts: every fact in them is labelled."""
    from analysis.extract.proposals import scoring

    return {f.file for f in scoring.labelled_facts(labels_dir(root) / "facts")}


def print_facts(results: dict, details: bool) -> None:
    print(f"\n{'facts':<24} {'curated':>8} {'found':>7} {'recall':>7} {'proposed':>9} {'correct':>7} {'precision':>9} {'questions':>9}")
    for name, s in results.items():
        print(f"{name:<24} {s.facts:>8} {s.found:>7} {s.recall:>7.3f} {s.proposed:>9} {s.correct:>7} {s.precision:>9.3f} {s.questions:>9}")
        if details and "held-out" not in name:  # never shown: the held-out sets are not for tuning
            for fact in s.missed:
                print(f"  missed {fact.file} {fact.row} {fact.key}")
            for p in s.wrong:
                print(f"  wrong  {p['source']} {p['kind']} {p.get('indicator_id')} {p.get('unit')} {p.get('value')} "
                      f"{p.get('date') or p.get('deadline')} | {p['figure']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.extract.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--details", action="store_true", help="list the facts missed and the proposals wrong (not for held-out)")
    parser.add_argument("--corpus", type=Path, help="the shared corpus folder (default: ../shared/corpus)")
    args = parser.parse_args(argv)
    scores = evaluate()
    facts = evaluate_facts(corpus=args.corpus)
    if args.json:
        scores["facts"] = {n: {"curated": s.facts, "found": s.found, "recall": s.recall, "proposed": s.proposed,
                               "correct": s.correct, "precision": s.precision, "questions": s.questions}
                          for n, s in facts.items()}
        print(json.dumps(scores, indent=2))
        return 0
    print(f"{'kind':<10} {'labelled':>8} {'predicted':>9} {'matched':>7} {'precision':>9} {'recall':>7}")
    for kind, s in scores.items():
        print(f"{kind:<10} {s['labelled']:>8} {s['predicted']:>9} {s['matched']:>7} "
              f"{s['precision']:>9.3f} {s['recall']:>7.3f}")
    print_facts(facts, args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
