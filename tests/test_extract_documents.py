"""Document references: full numbers in every spelling, short forms resolved only when determined."""

from __future__ import annotations

import pytest

from analysis.extract import extract_text


def documents(text: str) -> list[tuple[str, str | None]]:
    return [(r["text"], r["id"]) for r in extract_text(text) if r["kind"] == "document"]


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("12-NQ/TW", "12-NQ/TW"), ("90-QD/TW", "90-QĐ/TW"), ("90-QĐ/TW", "90-QĐ/TW"),
        ("5764/QD-BCA-V05", "5764/QĐ-BCA-V05"), ("06/QĐ-TTg", "06/QĐ-TTg"),
        ("118-KH/DUCA", "118-KH/ĐUCA"), ("15-NQ/TU", "15-NQ/TU"), ("16-NQ/ĐUCA", "16-NQ/ĐUCA"),
        ("11/CT-BCA", "11/CT-BCA"), ("36/2021/NQ-HDND", "36/2021/NQ-HĐND"),
    ],
)
def test_full_numbers_are_written_in_the_official_form(written, canonical):
    [(text, id_)] = documents(f"Theo văn bản {written} đã ban hành.")
    assert text == written and id_ == canonical


def test_keyword_belongs_to_a_full_citation():
    [(text, id_)] = documents("Resolution No. 12-NQ/TW dated March 16, 2022.")
    assert text == "Resolution No. 12-NQ/TW" and id_ == "12-NQ/TW"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Resolution No. 12 of the Politburo.", "12-NQ/TW"),
        ("Resolution 12 of the Central Public Security Party Committee.", "12-NQ/ĐUCA"),
        ("Nghị quyết số 12 của Đảng ủy Công an Trung ương.", "12-NQ/ĐUCA"),
        ("Nghi quyet so 12 cua Bo Chinh tri.", "12-NQ/TW"),
        ("i andan av resolution nr 12 från den centrala kommittén för offentlig säkerhet.", "12-NQ/ĐUCA"),
        ("Decision No. 90 of the Secretariat.", "90-QĐ/TW"),
        ("the Secretariat signed Decision No. 90 promulgating rules.", "90-QĐ/TW"),
        ("Plan No. 118 of the Central Public Security Party Committee.", "118-KH/ĐUCA"),
        ("Kế hoạch số 118 của Đảng ủy Công an Trung ương.", "118-KH/ĐUCA"),
        ("Directive No. 11 of the Minister of Public Security.", "11/CT-BCA"),
        ("Chỉ thị số 11 của Bộ trưởng Bộ Công an.", "11/CT-BCA"),
        ("Nghị quyết số 13 của Ban Thường vụ Tỉnh ủy.", "13-NQ/TU"),
        ("Project 06/CP of the Government.", "06/QĐ-TTg"),
        ("Đề án 06 được triển khai.", "06/QĐ-TTg"),
    ],
)
def test_short_forms_resolved_by_the_issuer_beside_them(text, expected):
    assert documents(text)[0][1] == expected


def test_short_form_resolved_by_the_date_beside_it():
    [(_, id_)] = documents("Nghị quyết số 12 ngày 25/7/2022 về Công an xã.")
    assert id_ == "12-NQ/ĐUCA"


def test_short_form_resolved_by_an_earlier_full_citation():
    found = documents("Quán triệt Nghị quyết số 12-NQ/TW. Sau đó, Nghị quyết 12 được triển khai.")
    assert found[-1] == ("Nghị quyết 12", "12-NQ/TW")


@pytest.mark.parametrize(
    "text",
    [
        "Resolution 12 was discussed.",
        "Nghị quyết 12 đã được triển khai.",
        # two different earlier citations: the text does not say which
        "Resolution 12-NQ/TW and 12-NQ/ĐUCA were cited. Resolution 12 was praised.",
        "HĐND tỉnh đã ban hành Nghị quyết số 36 về trụ sở.",
        "Quyết định số 2878 được công bố.",
    ],
)
def test_undetermined_short_forms_stay_null(text):
    assert documents(text)[-1][1] is None


def test_document_numbers_are_not_dates_or_quantities():
    kinds = {r["kind"] for r in extract_text("Decision 5764/QĐ-BCA-V05, 06/QĐ-TTg and Project 06/CP.")}
    assert kinds == {"document"}


def test_resolution_without_number_is_not_a_mention():
    assert documents("the Resolution of the 13th National Congress") == []
