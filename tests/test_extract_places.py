"""Places: every provincial unit in any spelling, and the names that are not provinces."""

from __future__ import annotations

import pytest

from analysis.extract import extract_text
from analysis.reference.units import load_units


def places(text: str, published=None) -> list[tuple[str, str]]:
    return [(r["text"], r["unit"]) for r in extract_text(text, published=published) if r["kind"] == "place"]


def test_every_unit_is_found_by_its_names():
    for unit in load_units().all():
        # "Hồ Chí Minh" alone is the president: the city needs its "TP."/"City" (tested below)
        names = {unit.official_name_vi, unit.name_en} if unit.slug == "ho-chi-minh" else {unit.name_vi, unit.name_en}
        for name in names:
            found = places(f"Đoàn công tác đến {name} hôm qua.")
            assert [u for _, u in found] == [unit.slug], (name, found)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("At Hai Duong bridge, many leaders attended.", [("Hai Duong", "hai-duong")]),
        ("Công an tỉnh Hà Tĩnh tổ chức hội nghị.", [("Hà Tĩnh", "ha-tinh")]),
        ("CONG AN TINH HA TINH", [("HA TINH", "ha-tinh")]),  # a heading in capitals
        ("huyện Vĩnh Bảo, thành phố Hải Phòng.", [("Hải Phòng", "hai-phong")]),
        ("TP. Hồ Chí Minh và TPHCM, Ho Chi Minh City.", [("Hồ Chí Minh", "ho-chi-minh"), ("TPHCM", "ho-chi-minh"), ("Ho Chi Minh", "ho-chi-minh")]),
        ("tư tưởng Hồ Chí Minh, Chủ tịch Hồ Chí Minh", []),
        ("Ha Tinh city and towns; thành phố Hà Tĩnh; TP. Hà Tĩnh; Ha Tinh City Police", []),
        ("TP. Pleiku, huyện Tân Lạc", []),
        ("Thừa Thiên - Huế và Bà Rịa-Vũng Tàu", [("Thừa Thiên - Huế", "thua-thien-hue"), ("Bà Rịa-Vũng Tàu", "ba-ria-vung-tau")]),
        ("Hoàng Trung Dũng, Lương Tam Quang, Trương Thị Mai, Tô Lâm, Nguyễn Thanh Hải, Bùi Duy Hưng", []),
        ("Nguyễn Thái Bình và Thái Bình Dương", []),
        ("Nguyễn Thị Huệ", []),
        ("Thailand and the Hanoian", []),
    ],
)
def test_places(text, expected):
    assert places(text) == expected


def test_merged_units_report_their_current_unit():
    [r] = [r for r in extract_text("Công an tỉnh Hải Dương.") if r["kind"] == "place"]
    assert (r["unit"], r["scheme"], r["current"]) == ("hai-duong", "legacy", "hai-phong")


def test_scheme_follows_the_publication_date():
    def scheme(published):
        return [r["scheme"] for r in extract_text("tỉnh Bắc Ninh", published=published) if r["kind"] == "place"]

    assert scheme("2023-05-01") == ["legacy"]
    assert scheme("2025-08-01") == ["2025"]
    assert scheme("2025-07") == ["2025"]  # a text of July 2025, by its month
    assert scheme("2025-06") == ["legacy"]


def test_after_the_merger_later_in_the_sentence_names_the_merged_unit_in_the_spring_of_2025():
    def marked(text, published):
        return [(r["unit"], r["scheme"], r.get("merged", False)) for r in extract_text(text, published=published)
                if r["kind"] == "place"]

    text = "Tỉnh Lào Cai có bao nhiêu đơn vị hành chính cấp xã sau sáp nhập?"
    assert marked(text, "2025-06-10") == [("lao-cai", "2025", True)]
    assert marked(text, "2024-06-10") == [("lao-cai", "legacy", False)]  # the commune rearrangement of 2024
    # A province the merger leaves whole is the same unit either way: no mark.
    assert marked("Tỉnh Quảng Ninh có bao nhiêu xã sau sáp nhập?", "2025-06-10") == [("quang-ninh", "legacy", False)]


def test_a_title_about_the_merged_unit_carries_over_to_the_body_but_not_to_the_present():
    text = ("Công bố bộ máy Công an tỉnh Bắc Ninh mới\n\n"
            "Chiều 29/6, Công an tỉnh Bắc Ninh công bố các quyết định về tổ chức bộ máy.\n\n"
            "Hiện nay Bắc Ninh có nhiều đơn vị hành chính cấp xã.\n")
    marked = [(r["scheme"], r.get("merged", False)) for r in extract_text(text, published="2025-06-29") if r["kind"] == "place"]
    assert marked == [("2025", True), ("2025", True), ("legacy", False)]


def test_a_name_does_not_run_across_lines():
    from analysis.extract.pipeline import extract_text
    places = [r["unit"] for r in extract_text("Thanh Sơn – Việt Hòa\n\n\nBình luận", "t.txt") if r["kind"] == "place"]
    assert places == []


def test_a_name_may_wrap_at_one_line_break_or_a_thin_space():
    from analysis.extract.pipeline import extract_text
    for text in ("The police of Binh\nThuan province completed the task.", "Công an tỉnh Hà\u2009Tĩnh đã cấp 500 thẻ."):
        assert len([r for r in extract_text(text, "t.txt") if r["kind"] == "place"]) == 1, text


def test_a_province_the_merger_left_as_it_was_has_no_merged_unit():
    from analysis.extract.proposals.propose import propose_text

    text = "Title\n\nAfter the arrangement, Quang Ninh province has 54 commune-level administrative units, including 22 communes.\n"
    units = {p["unit"] for p in propose_text(text, "t.txt", "2025-06") if p["kind"] == "observation"}
    assert units == {"quang-ninh"}


def test_the_new_province_is_the_merged_unit_named_before():
    from analysis.extract.proposals.propose import propose_text

    # The figures of a real report (VietNamNet, June 2025): a name is what is tested.
    text = ("Tiêu đề\n\nTừ ngày 1/7, tỉnh Long An sáp nhập với Tây Ninh thành đơn vị hành chính cấp tỉnh mới với tên gọi "
            "Tây Ninh.\n\nTỉnh mới có 96 đơn vị hành chính cấp xã, gồm 82 xã và 14 phường.\n")
    found = [(p["unit"], p["value"]) for p in propose_text(text, "t.txt", "2025-06") if p["kind"] == "observation"]
    assert found == [("2025:tay-ninh", 96)]
