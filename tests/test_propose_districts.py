"""A district's bare name holds a figure back (analysis.extract.proposals.context): the names come
from data/reference/districts.csv; here a fictional table, so no real place is involved."""

from __future__ import annotations

from analysis.extract.proposals.context import Mentions, smaller_unit
from analysis.extract.proposals.place_names import PlaceNames, place_names


def reference(tmp_path):
    (tmp_path / "units.csv").write_text("scheme,slug,name_vi\nlegacy,vung-xa,Vùng Xa\n", encoding="utf-8")
    (tmp_path / "districts.csv").write_text(
        "province_slug,name_vi,type\nvung-xa,Nam Xuyên,Huyện\nvung-xa,Vinh,Thành phố\nvung-xa,Vùng Xa,Thành phố\n",
        encoding="utf-8")
    return tmp_path


def held_back(text: str, names, figure_text: str) -> str | None:
    start = text.index(figure_text)
    figure = (start, start + len(figure_text))
    return smaller_unit(text, Mentions(), figure, [(0, len(text))], names or PlaceNames(None, frozenset()))


def test_a_district_named_bare_is_smaller_than_a_province(tmp_path):
    pattern = place_names(reference(tmp_path))
    assert held_back("Nam Xuyên đã điều động 56 đồng chí về xã.", pattern, "56 đồng chí") == "Nam Xuyên"
    assert held_back("Nam Xuyen da dieu dong 56 dong chi ve xa.", pattern, "56 dong chi") == "Nam Xuyen"


def test_one_word_names_and_province_names_are_not_looked_for(tmp_path):
    pattern = place_names(reference(tmp_path))
    assert held_back("Vinh đã điều động 56 đồng chí về xã.", pattern, "56 đồng chí") is None
    assert held_back("Vùng Xa đã điều động 56 đồng chí về xã.", pattern, "56 đồng chí") is None


def test_without_the_table_only_the_words_for_a_district_count(tmp_path):
    assert place_names(tmp_path).districts is None
    assert held_back("Công an huyện Nam Xuyên đã điều động 56 đồng chí.", None, "56 đồng chí") == "Nam Xuyên"
    assert held_back("Nam Xuyên đã điều động 56 đồng chí về xã.", None, "56 đồng chí") is None


def test_names_that_list_what_is_counted_are_no_smaller_unit():
    from analysis.extract.proposals.propose import propose_text

    text = ("Tiêu đề\n\nNăm 2024, Công an tỉnh Kon Tum đã đăng ký 2 đơn vị là Công an phường Ngô Mây và Công an phường "
            "Trần Hưng Đạo để xây dựng công an phường kiểu mẫu về an ninh, trật tự và văn minh đô thị.\n")
    found = [(p["indicator_id"], p["unit"], p["value"]) for p in propose_text(text, "x.txt", "2025-06-11") if p["kind"] == "observation"]
    assert found == [("model_ward_police_candidates", "kon-tum", 2)]


def test_tp_hue_in_the_first_half_of_2025_is_the_province_itself():
    from analysis.extract.proposals.propose import propose_text

    # Huế became a centrally-run city on 1 January 2025 (data/reference/unit_types.csv); the figure
    # is VnExpress's of April 2025, under a title about the merger plan: a name is what is tested.
    text = "Phương án sáp nhập của TP Huế, Quảng Trị và Trà Vinh\n\nTP Huế từ 133 xã, phường giảm còn 66\n\n"
    found = [(p["indicator_id"], p["unit"], p["value"]) for p in propose_text(text, "x.txt", "2025-04") if p["kind"] == "observation"]
    assert found == [("commune_level_units", "thua-thien-hue", 133)]
    # In 2024 the city of Huế was a district-level city of the province: no unit of the briefs.
    assert [p for p in propose_text(text, "x.txt", "2024-04") if p["kind"] == "observation"] == []
