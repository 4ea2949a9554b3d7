"""Extraction quality on the hand labels (tests/labels): the levels reached, held so none regress."""

from __future__ import annotations

import pytest

from analysis.extract.evaluate import evaluate, score

# The levels reached when the labels were written; the aims were 0.95/0.90 (0.85 for quantities).
FLOORS = {
    "document": (0.97, 0.97),
    "date": (0.97, 0.97),
    "place": (0.95, 0.97),
    "quantity": (0.95, 0.95),
    "target": (0.9, 0.9),
}


@pytest.fixture(scope="module")
def scores():
    return evaluate()


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_scores_hold(scores, kind):
    precision, recall = FLOORS[kind]
    got = scores[kind]
    assert got["labelled"] >= 9, f"too few {kind} labels to mean anything"
    assert got["precision"] >= precision, got
    assert got["recall"] >= recall, got


def test_labels_cover_every_language(scores):
    from analysis.extract.evaluate import labels_dir, load_labels

    sources = {label["source"] for label in load_labels(labels_dir())}
    assert {"en_sentences.txt", "vi_sentences.txt", "vi_ascii_sentences.txt", "sv_sentences.txt"} <= sources
    assert sum(s.endswith(".txt") and s[:3].isdigit() for s in sources) == 5  # all five seeds


def test_score_needs_the_key_field_to_agree():
    label = {"source": "s", "kind": "document", "start": 0, "end": 8, "id": "12-NQ/TW"}
    wrong = dict(label, id="12-NQ/ĐUCA")
    assert score([label], [wrong])["document"]["precision"] == 0
    assert score([label], [dict(label, start=3)])["document"]["recall"] == 1


# Facts, on the files in the repository only (the seeds' curated rows and tests/labels/facts/):
# the levels reached when the proposer was written.
FACT_FLOORS = {"recall": 0.9, "precision": 0.9}


@pytest.fixture(scope="module")
def fact_scores():
    from analysis.extract.evaluate import evaluate_facts

    return evaluate_facts(sets=("in-repo",))["in-repo"]


def test_fact_levels_hold(fact_scores):
    assert fact_scores.facts >= 15, "too few facts to mean anything"
    assert fact_scores.proposed >= 10
    assert fact_scores.recall >= FACT_FLOORS["recall"], fact_scores.missed
    assert fact_scores.precision >= FACT_FLOORS["precision"], fact_scores.wrong


def test_a_fact_matches_only_in_indicator_unit_value_and_date():
    from analysis.extract.proposals.scoring import Fact, fact_key, score_facts

    row = {"indicator_id": "officers", "unit": "alpha", "value": "40", "date": "2024-01"}
    fact = Fact("a.txt", "observation", fact_key("observation", row), "observations:x")
    right = dict(row, kind="observation", value=40.0)
    for wrong in (dict(right, unit="beta"), dict(right, date="2024-02"), dict(right, indicator_id="share")):
        scores = score_facts([fact], {"a.txt": [wrong]}, complete={"a.txt"})
        assert (scores.recall, scores.precision) == (0, 0)
    scores = score_facts([fact], {"a.txt": [right, dict(right)]}, complete={"a.txt"})
    assert (scores.found, scores.correct, scores.proposed) == (1, 1, 2)  # one fact matches one proposal
    assert score_facts([fact], {"a.txt": [right]}, complete=set()).proposed == 0  # precision: complete files only
