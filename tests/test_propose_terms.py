"""data/reference/indicator_terms.csv: every indicator has its words, and a bad row is named."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.errors import ValidationFailed
from analysis.extract.proposals.terms import read_terms
from conftest import REPO

TERMS = REPO / "data" / "reference" / "indicator_terms.csv"
INDICATORS = REPO / "data" / "curated" / "indicators.csv"


def test_every_curated_indicator_has_a_subject_in_both_languages():
    with INDICATORS.open(encoding="utf-8") as handle:
        curated = {row["indicator_id"] for row in csv.DictReader(handle)}
    by_id = {i.id: i for i in read_terms(TERMS, INDICATORS)}
    assert set(by_id) <= curated
    for indicator in curated & set(by_id):
        for language in ("en", "vi"):
            assert by_id[indicator].of(language, "subject"), (indicator, language)


def test_a_bad_row_is_named_by_file_line_and_column(tmp_path: Path):
    bad = tmp_path / "indicator_terms.csv"
    bad.write_text(
        "indicator_id,language,role,terms\n"
        "commune_police_officers,en,subject,officers\n"
        "no_such_indicator,en,subject,things\n"
        "commune_police_officers,en,sometimes,officers\n"
        "commune_police_officers,vi,noun, | \n"
        "commune_level_units,en,noun,units|communes, wards and towns\n"
        'commune_level_units,en,subject,"communes, wards and towns"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed) as failure:
        read_terms(bad, INDICATORS)
    lines = {(p.line, p.column) for p in failure.value.problems}
    # Line 6: a comma in an unquoted list of terms; line 7 quotes it and is fine.
    assert lines == {(3, "indicator_id"), (4, "role"), (5, "terms"), (6, "terms")}
    assert all(p.file == str(bad) for p in failure.value.problems)


def test_a_wrong_header_is_refused(tmp_path: Path):
    bad = tmp_path / "indicator_terms.csv"
    bad.write_text("indicator,terms\ncommune_police_officers,officers\n", encoding="utf-8")
    with pytest.raises(ValidationFailed, match="header"):
        read_terms(bad, INDICATORS)
