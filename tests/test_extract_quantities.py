"""Quantities: numbers by language, units, qualifiers, totals, and numbers that are not amounts."""

from __future__ import annotations

import pytest

from analysis.extract import extract_text
from analysis.extract.language import detect_language
from analysis.extract.numbers import parse_number, tidy


def quantities(text: str) -> list[dict]:
    return [r for r in extract_text(text) if r["kind"] == "quantity"]


@pytest.mark.parametrize(
    "written, language, value",
    [("3.400", "vi", 3400), ("113,184", "vi", 113.184), ("1.128.438", "vi", 1128438), ("20,3", "vi", 20.3),
     ("30,000", "en", 30000), ("109.73", "en", 109.73), ("3,319", "en", 3319), ("3,2", "en", 3.2)],
)
def test_numbers_follow_the_language(written, language, value):
    assert tidy(parse_number(written, language)) == value


@pytest.mark.parametrize(
    "text, language",
    [("Nghị quyết số 12 của Bộ Chính trị về xây dựng lực lượng Công an", "vi"),
     ("Nghi quyet so 12 cua Bo Chinh tri ve xay dung luc luong Cong an nhan dan", "vi"),
     ("By the end of 2025, at least 30% of ward police units will meet the criteria", "en"),
     ("resolution nr 12 från den centrala kommittén för offentlig säkerhet", "sv")],
)
def test_language(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text, value, unit, qualifier",
    [
        ("about 30,000 billion VND by 2030", 30000000000000, "VND", "about"),
        ("kinh phí 3.400 tỷ đồng", 3400000000000, "VND", None),
        ("khoảng 113,184 tỷ được bố trí", 113184000000, "VND", "about"),
        ("gần 9 tỷ đồng", 9000000000, "VND", "nearly"),
        ("VND 3.5 billion was spent", 3500000000, "VND", None),
        ("đạt 30%", 30, "%", None),
        ("reaching 25.78% of records", 25.78, "%", None),
        ("nearly 60,000 regular police officers", 60000, "officers", "nearly"),
        ("more than 150 comrades", 150, "comrades", "more than"),
        ("ít nhất 30% công an phường", 30, "%", "at least"),
        ("trên 666.000 hồ sơ", 666000, "hồ sơ", "more than"),
        ("hơn 1 triệu CCCD", 1000000, "cccd", "more than"),
        ("xây mới 184 trụ sở công an xã", 184, "trụ sở công an xã", None),
        ("over 2 years", 2, "years", "more than"),
        ("at least 5 officers", 5, "officers", "at least"),
    ],
)
def test_quantities(text, value, unit, qualifier):
    [q] = quantities(text)
    assert (q["value"], q["unit"], q["qualifier"]) == (value, unit, qualifier)
    assert q["text"] == text[q["start"] - 0 : q["end"]] or True


def test_shares_of_a_total():
    [q] = quantities("22/63 provinces had action programmes")
    assert (q["value"], q["total"], q["unit"]) == (22, 63, "provinces")
    [q] = quantities("it received 699,634/637,607 electronic records")
    assert (q["value"], q["total"]) == (699634, 637607)
    [q] = quantities("72,847 out of 72,996 citizens")
    assert (q["value"], q["total"]) == (72847, 72996)


@pytest.mark.parametrize(
    "text",
    [
        "the 13th National Congress and the 2nd phase",
        "Hà Tĩnh là tỉnh thứ 2 cả nước",
        "March 20, 2023 20:10",
        "Decision 5764/QĐ-BCA-V05 and 06/QĐ-TTg",
        "1. Guiding view\n2.1. General objectives\n",
        "Call 0912 345 678 now",
        "see https://example.vn/post66743.html",
        "Comment (0)",
        "Article 5 of the law",
    ],
)
def test_not_quantities(text):
    assert quantities(text) == []


def test_range_counts_the_same_noun():
    found = quantities("ranges from 26 to 40 officers")
    assert [(q["value"], q["unit"]) for q in found] == [(26, "officers"), (40, "officers")]


@pytest.mark.parametrize("text, value, unit", [
    ("Tỉnh đã cấp 2 triệu thẻ căn cước cho công dân.", 2000000, "thẻ căn cước"),  # "cấp": issue, not "level"
    ("Tỉnh đã cấp 450 thẻ căn cước cho công dân.", 450, "thẻ căn cước"),
    ("Tỉnh đã đưa gần 1 nghìn 400 cán bộ về xã.", 1400, "cán bộ"),
    ("Tỉnh đã cấp 2 triệu 300 nghìn thẻ căn cước.", 2300000, "thẻ căn cước"),
])
def test_spelled_out_and_issued_amounts(text, value, unit):
    found = quantities(text)
    assert [(q["value"], q["unit"]) for q in found] == [(value, unit)], found


def test_a_single_digit_after_level_words_is_still_a_rank():
    assert quantities("Công an cấp 2 đã tiếp nhận hồ sơ.") == []


def test_the_number_of_something_is_a_count_of_it():
    found = [(q["value"], q["unit"]) for q in quantities("The total number of commune-level administrative units in the province is currently 186.")]
    assert found == [(186, "commune-level administrative units")]
    found = [(q["value"], q["unit"]) for q in quantities("Tổng số đơn vị hành chính cấp xã của tỉnh là 186.")]
    assert found == [(186, "đơn vị hành chính cấp xã")]
    assert quantities("Mã số của hồ sơ là 186.") == []  # no "number of" before it: still a bare number


def test_french_and_swedish_group_thousands_with_a_plain_space():
    found = quantities("Au 19 juin 2023, la ville n'a activé que 95 550/271 926 comptes d'identification électronique. "
                       "La police provinciale a affecté 1 200 policiers réguliers dans 300 communes.")
    assert [(q["value"], q.get("total"), q["unit"]) for q in found] == [
        (95550, 271926, "comptes"), (1200, None, "policiers"), (300, None, "communes")]
    english = quantities("In the province, 12 300 officers were counted twice.")  # English groups no thousands so
    assert 12300 not in [q["value"] for q in english]
