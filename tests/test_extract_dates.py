"""Dates in every language, years from context, and what is not a date."""

from __future__ import annotations

import pytest

from analysis.extract import extract_text


def dates(text: str, published=None) -> list[tuple[str, str]]:
    return [(r["text"], r["date"]) for r in extract_text(text, published=published) if r["kind"] == "date"]


@pytest.mark.parametrize(
    "text, written, iso",
    [
        ("Họp ngày 16/3/2022 tại tỉnh.", "16/3/2022", "2022-03-16"),
        ("Nghị quyết ngày 16-3-2022.", "16-3-2022", "2022-03-16"),
        ("Ngày 16 tháng 3 năm 2022, hội nghị.", "Ngày 16 tháng 3 năm 2022", "2022-03-16"),
        ("Đến tháng 5/2023 đã xong.", "tháng 5/2023", "2023-05"),
        ("trong tháng 4-2023 phải xong", "tháng 4-2023", "2023-04"),
        ("Mục tiêu năm 2025.", "2025", "2025"),
        ("Dated March 16, 2022 of the Politburo.", "March 16, 2022", "2022-03-16"),
        ("On 16 March 2022 it began.", "16 March 2022", "2022-03-16"),
        ("Held in May 2023.", "May 2023", "2023-05"),
        ("Goals set in 2025.", "2025", "2025"),
        ("Antogs den 16 mars 2022.", "16 mars 2022", "2022-03-16"),
        ("Held on Dec. 6, 2022.", "Dec. 6, 2022", "2022-12-06"),
    ],
)
def test_full_dates(text, written, iso):
    assert (written, iso) in dates(text)


def test_year_from_publication_date():
    assert dates("Sáng 24-11, hội nghị.", published="2022-11-30") == [("24-11", "2022-11-24")]
    assert dates("Chiều 28.6, tại Hà Nội.", published="2025-06") == [("28.6", "2025-06-28")]


def test_year_from_header_lines():
    text = "Tiêu đề\n2024-10\nhttps://example.vn/x\n\n date 2024-10 Sáng 20/3, hội nghị."
    assert ("20/3", "2024-03-20") in dates(text)
    text = "Title\n\nMarch 20, 2023 20:10\n\nOn March 20, the conference."
    assert dates(text) == [("March 20, 2023", "2023-03-20"), ("March 20", "2023-03-20")]


def test_year_from_the_nearest_preceding_date():
    found = dates("Nghị quyết ngày 16/3/2022 được quán triệt. Sáng 24-11, hội nghị.")
    assert found[-1] == ("24-11", "2022-11-24")


def test_day_range_reports_its_first_day():
    assert dates("held on December 27-28, 2023.") == [("December 27-28, 2023", "2023-12-27")]


def test_year_range_gives_each_year():
    assert dates("In the period of 2026 - 2030, build.") == [("2026", "2026"), ("2030", "2030")]


def test_year_from_the_text_after_when_nothing_comes_before():
    text = "The conference was held on December 27-28. It reviewed the 2023 work plan."
    assert dates(text)[0] == ("December 27-28", "2023-12-27")


def test_a_publication_date_outranks_the_text_after():
    text = "Held on 20/3. The 2019 plan was reviewed."
    assert dates(text, published="2024-03-21")[0] == ("20/3", "2024-03-20")


def test_unknown_year_is_written_without_one():
    assert dates("The conference was held on December 27-28.") == [("December 27-28", "--12-27")]


@pytest.mark.parametrize(
    "text",
    [
        "March 20, 2023 20:10",  # only the date, not the time
        "Decision 5764/QĐ-BCA-V05 and 06/QĐ-TTg and Project 06/CP",
        "22/63 provinces had plans",
        "We may go; march on.",
        "the 13th Congress",
    ],
)
def test_not_dates(text):
    found = dates(text)
    assert all(t != "20:10" for t, _ in found)
    if "March 20" not in text:
        assert found == []


def test_a_deadline_without_its_year_is_not_last_years_day():
    dates = lambda text: [r["date"] for r in extract_text(text, "x", "2021-03") if r["kind"] == "date"]  # noqa: E731
    assert dates("The cards will be issued by 1 July this year.") == ["2021-07-01"]
    assert dates("The cards were handed over on 1 July.") == ["2020-07-01"]
