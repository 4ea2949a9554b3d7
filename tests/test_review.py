"""The review loop: candidates no curated row covers, with their sentence; accepting a row
validates the whole project first and writes nothing when the row is wrong."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest

from analysis.curation.build import build
from analysis.errors import ValidationFailed
from analysis.curation.review import accept, candidate_table, draft_row, draft_rows, load_review
from conftest import REPO


@pytest.fixture
def built(project: Path) -> Path:
    """A copy of the project, built (its own corpus only: data/raw/documents)."""
    build(project)
    return project


def database(root: Path) -> Path:
    return root / "data" / "processed" / "briefs.duckdb"


def lines(root: Path, table: str) -> int:
    return len((root / "data" / "curated" / f"{table}.csv").read_bytes().splitlines())


def uncovered_quantity(review):
    table = candidate_table(review, source="000_3903a78c78eec3bc.txt")
    return table[table["kind"] == "quantity"].iloc[0]


def observation(review, **changes) -> dict[str, str]:
    """A complete observation drafted from an uncovered candidate of seed 000."""
    row = draft_row(
        review,
        uncovered_quantity(review),
        observation_id="test-review-row",
        unit="national",
        indicator_id="commune_police_officers",
        value="3",
        value_unit="officers",
        date="2023-03-20",
        note="written by tests/test_review.py",
    )
    row.update(changes)
    return row


def test_candidates_not_covered_come_with_their_sentence(built: Path) -> None:
    review = load_review(database(built))
    assert review.root == built.resolve()
    table = candidate_table(review)
    assert len(table) > 0
    assert (table["covered_by"] == "").all()
    for row in table.itertuples():
        assert row.text in row.sentence, (row.text, row.sentence)
    assert {"source", "kind", "text", "sentence", "covered_by", "would_fill"} <= set(table.columns)
    assert set(table.loc[table["kind"] == "quantity", "would_fill"]) == {"observations"}


def test_a_candidate_quoted_by_a_curated_row_is_covered(built: Path) -> None:
    review = load_review(database(built))
    every = candidate_table(review, source="002_5c8d279e4668fb08.txt", covered=True)
    quoted = every[every["text"].str.contains("at least 30%", regex=False) & (every["kind"] == "target")]
    assert len(quoted) == 1
    assert "targets:ha-tinh-model-ward-30pct-2025" in quoted.iloc[0]["covered_by"]
    uncovered = candidate_table(review, source="002_5c8d279e4668fb08.txt")
    assert not uncovered["text"].str.contains("at least 30%", regex=False).any()
    # Unit names resolve like `briefs units`: the seed about Hà Tĩnh is found by name and by slug.
    assert set(candidate_table(review, unit="Hà Tĩnh")["source"]) == set(candidate_table(review, unit="ha-tinh")["source"])
    assert "002_5c8d279e4668fb08.txt" in set(candidate_table(review, unit="Hà Tĩnh")["source"])


def test_drafts_quote_the_sentence_and_leave_the_rest_to_a_person(built: Path) -> None:
    review = load_review(database(built))
    candidate = uncovered_quantity(review)
    row = draft_row(review, candidate)
    assert row["source_id"] == "seed-000"
    assert candidate["text"] in row["quote"]
    assert row["value"] and row["indicator_id"] == ""
    drafts = draft_rows(review, candidate_table(review), limit=2)
    assert set(drafts) <= {"documents", "targets", "observations"}
    assert all(len(frame) <= 2 for frame in drafts.values())


def test_accept_appends_a_valid_row_and_the_build_still_passes(built: Path) -> None:
    review = load_review(database(built))
    before = lines(built, "observations")
    path = accept("observations", observation(review), root=built)
    assert path == built / "data" / "curated" / "observations.csv"
    assert lines(built, "observations") == before + 1
    assert path.read_bytes().splitlines()[-1].startswith(b"test-review-row,national,commune_police_officers,3,")
    result = build(built)
    assert result.counts["observations"] == before  # header excluded: before - 1 rows + the new one


@pytest.mark.parametrize(
    ("changes", "column", "fragment"),
    [
        ({"value": "30%"}, "value", "is not a number"),
        ({"indicator_id": "no_such_indicator"}, "indicator_id", "is not a indicator_id"),
        ({"quote": "a sentence that is not in the text"}, "quote", "does not occur"),
    ],
)
def test_accept_of_an_invalid_row_names_file_line_column_and_writes_nothing(built, changes, column, fragment) -> None:
    review = load_review(database(built))
    path = built / "data" / "curated" / "observations.csv"
    original = path.read_bytes()
    with pytest.raises(ValidationFailed) as failure:
        accept("observations", observation(review, **changes), root=built)
    line = len(original.splitlines()) + 1
    prefix = f"data/curated/observations.csv:{line}: {column}: "
    problems = [str(p) for p in failure.value.problems]
    assert any(p.startswith(prefix) and fragment in p for p in problems), problems
    assert path.read_bytes() == original
    assert not list((built / "data").glob(".review-*")), "the trial copy is removed"


@pytest.mark.slow
def test_notebook_runs_with_default_parameters_and_accepts_rows(built: Path, tmp_path: Path) -> None:
    notebook = REPO / "notebooks" / "review_candidates.ipynb"
    papermill.execute_notebook(
        str(notebook), str(tmp_path / "default.ipynb"), parameters={"data": str(database(built))},
        cwd=str(REPO), progress_bar=False,
    )
    review = load_review(database(built))
    before = (built / "data" / "curated" / "observations.csv").read_bytes()
    papermill.execute_notebook(
        str(notebook),
        str(tmp_path / "accept.ipynb"),
        parameters={
            "data": str(database(built)),
            "unit": "Hà Tĩnh",
            "accept_rows": [["observations", observation(review)]],
        },
        cwd=str(REPO),
        progress_bar=False,
    )
    executed = nbformat.read(tmp_path / "accept.ipynb", as_version=4)
    outputs = [out for cell in executed.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]
    assert not any(out.get("output_type") == "error" for out in outputs)
    assert any("test-review-row" in str(out.get("data", {}).get("text/plain", "")) for out in outputs)
    after = (built / "data" / "curated" / "observations.csv").read_bytes()
    assert after.startswith(before) and b"test-review-row" in after[len(before):]
    # The repository's own curated data is untouched: accept() wrote to the project built from `data`.
    assert b"test-review-row" not in (REPO / "data" / "curated" / "observations.csv").read_bytes()


# Fact proposals: whole rows to accept, correct or reject (analysis.curation.review_proposals).

SEED_002 = "002_5c8d279e4668fb08.txt"


def test_proposals_covered_by_a_curated_row_are_not_listed(built: Path) -> None:
    from analysis.curation.review_proposals import proposal_table

    review = load_review(database(built))
    every = proposal_table(review, covered=True)
    listed = proposal_table(review)
    assert {"proposal_id", "kind", "quote", "covered_by", "confidence", "reason"} <= set(every.columns)
    covered = every[every["covered_by"] != ""]
    # The seed's curated Hà Tĩnh targets state the same facts as these proposals.
    assert "targets:ha-tinh-model-ward-30pct-2025" in set(covered["covered_by"])
    assert not set(covered["proposal_id"]) & set(listed["proposal_id"])
    texts = dict(zip(review.corpus["file"], review.corpus["text"]))
    for p in every.itertuples():
        assert texts[p.source][p.start : p.end] == p.quote


def test_accepting_a_proposal_writes_its_whole_row_with_the_corrections(built: Path) -> None:
    from analysis.curation.review_proposals import accept_proposal, proposal_row, proposal_table

    review = load_review(database(built))
    listed = proposal_table(review, source=SEED_002)
    question = listed[listed["kind"] == "indicator"].iloc[0]
    table, row = proposal_row(review, question)
    assert table == "indicators" and row["indicator_id"] == question["indicator_id"].removeprefix("new:")
    before = lines(built, "indicators")
    with pytest.raises(ValidationFailed, match="additive"):  # a person must still say these
        accept_proposal(review, question)
    assert lines(built, "indicators") == before
    accept_proposal(review, question, additive="false", higher_is_better="true", name_en="Parts of a plan")
    assert lines(built, "indicators") == before + 1
    written = (built / "data" / "curated" / "indicators.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert written.startswith(f"{row['indicator_id']},Parts of a plan,")


def test_a_wrong_correction_is_refused_and_nothing_is_written(built: Path) -> None:
    from analysis.curation.review_proposals import accept_proposal, proposal_table

    review = load_review(database(built))
    target = proposal_table(review, source=SEED_002, covered=True)
    target = target[(target["kind"] == "target") & (target["value"] == 30)].iloc[0]
    before = lines(built, "targets")
    with pytest.raises(ValidationFailed, match="unit"):
        accept_proposal(review, target, unit="nowhere-at-all", target_id="test-wrong-unit")
    assert lines(built, "targets") == before


def test_a_rejected_proposal_is_listed_no_more(built: Path) -> None:
    from analysis.curation.review_proposals import proposal_table, reject

    review = load_review(database(built))
    first = proposal_table(review).iloc[0]
    path = reject(review, first, reason="not a fact")
    assert path == built / "data" / "review" / "rejected.csv"
    assert first["proposal_id"] not in set(proposal_table(review)["proposal_id"])
    assert first["proposal_id"] in set(proposal_table(review, rejected=True)["proposal_id"])



def test_decisions_by_id_reject_and_refuse_an_unknown_id(built: Path) -> None:
    from analysis.curation.review_proposals import apply_decisions, proposal_table

    review = load_review(database(built))
    first = proposal_table(review).iloc[0]["proposal_id"]
    done = apply_decisions(review, rejected=[(first, "not a fact")])
    assert list(done["action"]) == ["rejected"] and done.loc[0, "proposal_id"] == first
    assert first not in set(proposal_table(review)["proposal_id"])
    assert apply_decisions(review).empty
    with pytest.raises(KeyError, match="no-such-id"):
        apply_decisions(review, rejected=[("no-such-id", "")])

def test_briefs_review_lists_accepts_and_rejects(built: Path, capsys) -> None:
    from analysis.cli import main

    assert main(["--root", str(built), "review", "--source", SEED_002]) == 0
    out = capsys.readouterr()
    ids = [line.split("\t")[0] for line in out.out.splitlines()]
    assert ids and all(i.startswith(SEED_002) for i in ids)
    assert "no curated row covers" in out.err
    assert main(["--root", str(built), "review", "--accept", "no-such-id"]) == 2
    question = next(i for i in ids if ":indicator:" in i)
    assert main(["--root", str(built), "review", "--accept", question]) == 1  # additive missing: refused
    assert "additive" in capsys.readouterr().err
    assert main(["--root", str(built), "review", "--accept", question, "--set", "additive=false",
                 "--set", "higher_is_better=true"]) == 0
    assert main(["--root", str(built), "review", "--reject", ids[0], "--reason", "test"]) == 0


@pytest.mark.slow
def test_notebook_lists_proposals_and_accepts_one_with_corrections(built: Path, tmp_path: Path) -> None:
    from analysis.curation.review_proposals import proposal_table

    review = load_review(database(built))
    question = proposal_table(review, source=SEED_002)
    question = question[question["kind"] == "indicator"].iloc[0]
    before = lines(built, "indicators")
    papermill.execute_notebook(
        str(REPO / "notebooks" / "review_candidates.ipynb"), str(tmp_path / "proposals.ipynb"),
        parameters={"data": str(database(built)), "source": SEED_002,
                    "accept_proposals": [[question["proposal_id"], {"additive": "false", "higher_is_better": "true"}]]},
        cwd=str(REPO), progress_bar=False,
    )
    executed = nbformat.read(tmp_path / "proposals.ipynb", as_version=4)
    shown = " ".join(str(out.get("data", {}).get("text/plain", "")) for cell in executed.cells
                     if cell.cell_type == "code" for out in cell.get("outputs", []))
    assert question["proposal_id"] in shown and "accepted" in shown
    assert lines(built, "indicators") == before + 1
