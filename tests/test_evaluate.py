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


def test_a_proposal_that_leaves_its_unit_open_is_a_question_not_a_wrong_fact():
    from analysis.extract.proposals.scoring import score_facts

    open_unit = {"kind": "observation", "indicator_id": "officers", "unit": None, "value": 40, "date": "2024-01"}
    scores = score_facts([], {"a.txt": [open_unit]}, complete={"a.txt"})
    assert (scores.proposed, scores.questions) == (0, 1)


def test_quote_texts_split_by_source_id_alone_and_read_as_pages(tmp_path):
    from analysis.extract.proposals import quote_texts

    sources = "source_id,kind,file,title,publisher,date_published,address,language,note\n"
    sources += "s1,external,,Alpha builds headquarters,Alpha Daily,2024-03,https://example.org/a,en,\n"
    sources += "s2,external,held.txt,Has a file,Beta Daily,2024,https://example.org/b,en,\n"
    (tmp_path / "sources.csv").write_text(sources, encoding="utf-8")
    header = "observation_id,unit,indicator_id,value,value_unit,qualifier,total,date,source_id,quote,note\n"
    rows = "o1,alpha,officers,40,officers,,,2024-03,s1,Alpha assigned 40 officers.,\n"
    rows += "o2,alpha,officers,41,officers,,,2024-03,s1,Alpha assigned 40 officers.,\n"
    (tmp_path / "observations.csv").write_text(header + rows, encoding="utf-8")
    (tmp_path / "targets.csv").write_text(
        "target_id,unit,indicator_id,comparator,value,value_unit,deadline,baseline_value,baseline_date,"
        "document_id,source_id,quote,note\n", encoding="utf-8")
    texts = quote_texts.quote_texts(tmp_path)
    assert list(texts) == ["s1"]  # a source with a file is read from its file, not its quotes
    assert texts["s1"].text == "Alpha builds headquarters\n\nAlpha assigned 40 officers.\n\n"  # one quote once
    assert texts["s1"].published == "2024-03"
    assert [f.row for f in quote_texts.quote_facts(tmp_path)] == ["observations:o1", "observations:o2"]
    split = {sid: quote_texts.held_out(sid) for sid in (f"source-{i}" for i in range(200))}
    assert split == {sid: quote_texts.held_out(sid) for sid in split}  # the same every time
    assert 60 < sum(split.values()) < 140  # about half


def test_a_fact_is_determined_by_the_text_or_its_masthead():
    from analysis.extract.proposals.quote_texts import QuoteText, determined
    from analysis.extract.proposals.scoring import Fact

    fact = Fact("s", "observation", ("commune_police_officers", "quang-nam", 40.0, "2024-03"), "observations:o")
    bare = "Tiêu đề\n\nToàn tỉnh đã bố trí 40 cán bộ.\n\n"
    assert not determined(fact, QuoteText("s", bare, "2024-03"))
    assert determined(fact, QuoteText("s", bare, "2024-03", publisher="Báo Quảng Nam"))
    assert determined(fact, QuoteText("s", bare, "2024-03", address="https://example.org/tin/quang-nam-bo-tri-40-can-bo"))
    # The masthead names a province, not the country: a national fact still needs the text's word.
    national = Fact("s", "observation", ("commune_police_officers", "national", 40.0, "2024-03"), "observations:o")
    assert not determined(national, QuoteText("s", "Tiêu đề\n\nTỉnh Quảng Nam đã bố trí 40 cán bộ.\n\n", "2024-03", "Báo Quảng Nam"))


def test_a_date_the_text_closes_a_period_with_is_determined():
    from analysis.extract.proposals.quote_texts import QuoteText, determined
    from analysis.extract.proposals.scoring import Fact

    fact = Fact("s", "observation", ("commune_police_hq_funded", "quang-nam", 40.0, "2024-12-31"), "observations:o")
    assert determined(fact, QuoteText("s", "Tiêu đề\n\nTính đến hết năm 2024, tỉnh Quảng Nam đã có 40 trụ sở.\n\n", "2025-02"))
    assert not determined(fact, QuoteText("s", "Tiêu đề\n\nNăm 2024, tỉnh Quảng Nam đã có 40 trụ sở.\n\n", "2025-02"))
