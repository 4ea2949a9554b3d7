"""The fact proposer on short invented sentences (generic, not data about any place): the
indicator from the counted noun and its context, the unit, the date, and what it leaves open."""

from __future__ import annotations

import pytest

from analysis.extract.proposals import propose_text


def facts(text: str, published: str | None = "2024-05", kinds=("observation", "target")) -> list[dict]:
    found = propose_text(text, "test.txt", published)
    for p in found:
        assert text[p["start"] : p["end"]] == p["quote"]
        assert text[p["figure_start"] : p["figure_end"]] == p["figure"]
        assert p["confidence"] in ("high", "low") and p["reason"]
    return [p for p in found if p["kind"] in kinds]


def pairs(text: str, published: str | None = "2024-05") -> list[tuple]:
    """The (value, indicator) of each observation and target proposed."""
    return [(p["value"], p["indicator_id"]) for p in facts(text, published)]


def only(text: str, **expected) -> dict:
    found = facts(text)
    assert len(found) == 1, found
    for key, value in expected.items():
        assert found[0][key] == value, (key, found[0])
    return found[0]


@pytest.mark.parametrize("text", [
    "Tính đến ngày 15/4/2024, cả nước đã cấp 2.000.000 tài khoản định danh điện tử.",
    "Tinh den ngay 15/4/2024, ca nuoc da cap 2.000.000 tai khoan dinh danh dien tu.",
    "As of April 15, 2024, 2,000,000 electronic identification accounts had been issued nationwide.",
])
def test_the_same_figure_in_three_spellings(text):
    only(text, kind="observation", indicator_id="eid_accounts_issued", unit="national", value=2000000,
         value_unit="accounts", date="2024-04-15")


def test_the_cue_beside_the_figure_decides_between_close_indicators():
    text = "Tính đến ngày 15/4/2024, cả nước đã cấp 2.000.000 tài khoản định danh điện tử, kích hoạt thành công cho 800.000 tài khoản."
    by_value = {p["value"]: p["indicator_id"] for p in facts(text)}
    assert by_value == {2000000: "eid_accounts_issued", 800000: "eid_accounts_activated"}


def test_a_share_needs_a_share_indicator_and_money_a_money_one():
    share = only("Cả nước đạt tỷ lệ kích hoạt tài khoản định danh điện tử 40%.", indicator_id="eid_activation_share")
    assert share["value_unit"] == "%"
    only("Nationwide, the total investment in commune police headquarters reached 500 billion VND in 2023.",
         indicator_id="commune_police_hq_investment", value=500_000_000_000)


def test_a_figure_no_indicator_fits_proposes_a_new_indicator():
    assert facts("The ministry trained 300 volunteers in first aid in 2023.") == []
    new = propose_text("The ministry trained 300 volunteers in first aid in 2023.", "t.txt", "2024")
    assert [(p["kind"], p["indicator_id"], p["noun"]) for p in new] == [("indicator", "new:volunteers", "volunteers")]


def test_two_indicators_that_fit_equally_are_a_question_not_a_guess():
    text = "Nationwide, 40 commune police headquarters were reported this year."
    assert facts(text) == []
    (question,) = propose_text(text, "t.txt", "2024")
    assert question["kind"] == "indicator" and len(question["candidates"]) == 2
    assert all(c.startswith("commune_police_hq_") for c in question["candidates"])


def test_a_repaired_office_is_not_a_new_headquarters():
    found = facts("Cả nước đã sửa chữa, cải tạo 7 trụ sở cũ làm trụ sở công an xã, tổng kinh phí 8 tỷ đồng.")
    assert not any(p["indicator_id"] in ("commune_police_hq_completed", "commune_police_hq_investment") for p in found)


def test_parts_of_a_total_and_the_state_before_a_change_are_not_facts():
    only("The country has built 3,000 new commune police headquarters, including 600 in mountain communes.",
         value=3000, indicator_id="commune_police_hq_completed")
    only("Trong 91 cán bộ được điều động, có 65 cán bộ công an chính quy về xã.", value=91)
    found = facts("Cả nước sắp xếp 5.000 đơn vị hành chính cấp xã thành 3.000 đơn vị hành chính cấp xã.")
    assert [p["value"] for p in found] == [3000]


def test_a_part_that_splits_a_total_into_kinds_is_a_fact_of_its_own():
    found = facts("The country now has 3,000 commune-level police units, including 600 ward police and 2,400 commune police.")
    assert [(p["value"], p["indicator_id"]) for p in found] == [
        (3000, "commune_police_units"), (600, "ward_police_units"), (2400, "rural_commune_police_units")]
    assert all("a part of a total" in p["reason"] for p in found[1:])
    # "Công an" before the list governs every part; a list of communes of another total stays out.
    found = facts("Toàn quốc có 3.000 công an cấp xã (gồm công an 2.400 xã, 600 phường và 10 đặc khu).")
    assert [(p["value"], p["indicator_id"]) for p in found] == [
        (3000, "commune_police_units"), (2400, "rural_commune_police_units"), (600, "ward_police_units")]
    found = facts("Toàn quốc có 3.000 đơn vị hành chính cấp xã, gồm 2.400 xã và 600 phường.")
    assert [p["value"] for p in found] == [3000]


def test_police_before_a_count_of_communes_counts_commune_police():
    only("Ngày 29/6/2024, Công an tỉnh công bố quyết định thành lập Công an 104 xã, phường.",
         value=104, indicator_id="commune_police_units")


def test_the_unit_named_in_the_sentence_in_the_scheme_of_the_texts_date():
    text = "Ngày 10/3/2024, tỉnh Hải Dương đã khởi công 12 trụ sở công an xã."  # invented figure
    only(text, unit="hai-duong", indicator_id="commune_police_hq_started", date="2024-03-10")


def test_no_unit_named_is_said_rather_than_guessed():
    found = only("Up to now, 5,000 regular police officers have been assigned to communes.", unit=None)
    assert found["confidence"] == "low" and "no unit named" in found["reason"]
    text = "The conference reviewed the work across the country. Up to now, 5,000 regular police officers have been assigned to communes."
    found = only(text, unit="national")  # a text about the country: its figures are national, marked uncertain
    assert found["confidence"] == "low" and "speaks of the country" in found["reason"]


def test_two_units_in_one_sentence_make_the_unit_uncertain():
    found = facts("Hà Tĩnh và Nghệ An đã khởi công 30 trụ sở công an xã.")
    assert len(found) == 1 and found[0]["confidence"] == "low" and "names" in found[0]["reason"]


def test_without_a_date_in_the_sentence_the_date_of_publication_marked_uncertain():
    found = only("Cả nước đã khởi công 900 trụ sở công an xã.", date="2024-05")
    assert "publication" in found["reason"]


def test_a_target_with_its_deadline_and_comparator():
    only("Đến hết năm 2027, phấn đấu ít nhất 60% công an phường trên cả nước đạt tiêu chí kiểu mẫu.",
         kind="target", indicator_id="model_ward_police_share", value=60, comparator=">=", deadline="2027-12-31",
         unit="national")


def test_a_day_past_at_publication_dates_a_report_and_sets_no_deadline():
    # "Đến ngày 1/7/2027" in a text of 5 July 2027 tells how things stood then.
    text = "Đến ngày 1/7/2027, cả nước có 3.400 Công an cấp xã."
    found = facts(text, published="2027-07-05")
    assert [(p["kind"], p["value"], p["date"]) for p in found] == [("observation", 3400, "2027-07-01")]
    assert facts(text, published="2027-06-20")[0]["kind"] == "target"


def test_a_commitment_already_made_is_an_observation():
    only("Localities nationwide have committed to allocating 2,000 billion VND to commune police.",
         kind="observation", indicator_id="commune_police_funding_committed")


def test_documents_and_links():
    text = ("Kế hoạch số 118-KH/ĐUCA ngày 25/5/2022 về việc thực hiện Nghị quyết số 12-NQ/TW ngày 16/3/2022 "
            "của Bộ Chính trị.")
    found = propose_text(text, "t.txt", "2022-06")
    documents = {p["document_id"]: p for p in found if p["kind"] == "document"}
    assert documents["118-KH/ĐUCA"]["date_issued"] == "2022-05-25"
    assert documents["12-NQ/TW"]["date_issued"] == "2022-03-16"
    links = [(p["from_document"], p["relation"], p["to_document"]) for p in found if p["kind"] == "document_link"]
    assert links == [("118-KH/ĐUCA", "implements", "12-NQ/TW")]


def test_a_resolution_12_the_text_does_not_determine_proposes_no_document():
    found = propose_text("Nghị quyết 12 đã được quán triệt sâu rộng.", "t.txt", "2023")
    assert [p for p in found if p["kind"] == "document"] == []
    named = propose_text("Nghị quyết số 12-NQ/ĐUCA về Công an xã được quán triệt.", "t.txt", "2023")
    assert [p["document_id"] for p in named if p["kind"] == "document"] == ["12-NQ/ĐUCA"]


def test_a_figure_without_a_date_of_its_own_takes_the_day_of_the_event_reported():
    text = ("A report on the commune police\n2024-05\n\n"
            "On May 20, 2024, the ministry held a conference on the commune police across the whole country, "
            "with delegates from every province.\n"
            "The meeting heard that nationwide, 1,500 commune police headquarters have been inaugurated.\n")
    found = only(text, indicator_id="commune_police_hq_completed", date="2024-05-20")
    assert "event" in found["reason"]


def test_a_target_after_a_resolution_12_the_text_leaves_open_names_no_document():
    # Both Resolutions 12 are cited first, so the short form after them is either.
    text = ("Nghị quyết số 12-NQ/TW của Bộ Chính trị và Nghị quyết số 12-NQ/ĐUCA đều được quán triệt. "
            "Thực hiện Nghị quyết 12, đến hết năm 2025 phấn đấu 100% công an xã trên cả nước có trụ sở làm việc.")
    found = facts(text, "2023", kinds=("target",))
    assert found and all(p["document_id"] is None and p["confidence"] == "low" for p in found), found
    assert "Nghị quyết 12" in found[0]["reason"]


def test_a_sentence_that_speaks_of_an_unnamed_province_leaves_the_unit_open():
    found = facts("Đến nay, toàn tỉnh đã bố trí 300 công an chính quy về 60/60 xã.")
    assert [(p["value"], p["unit"]) for p in found] == [(300, None), (60, None)]
    assert all("does not name" in p["reason"] for p in found)


def test_a_unit_called_the_merged_one_before_the_merger_is_the_2025_unit():
    # Invented figures; June 2025, before the merger took effect on 1 July.
    text = ("Công an tỉnh Bắc Ninh mới sau hợp nhất với Bắc Giang gồm 20 Công an phường và 40 Công an xã.")
    by_value = {p["value"]: (p["indicator_id"], p["unit"]) for p in facts(text, published="2025-06-28")}
    assert by_value == {20: ("ward_police_units", "2025:bac-ninh"), 40: ("rural_commune_police_units", "2025:bac-ninh")}
    before = facts("Tỉnh Bắc Ninh đã khởi công 12 trụ sở công an xã.", published="2024-05")
    assert [p["unit"] for p in before] == ["bac-ninh"]


def test_a_district_figure_is_not_a_provincial_fact():
    assert facts("Công an tỉnh Hà Tĩnh đã khánh thành 3 trụ sở công an xã tại huyện Nam Xuyên.") == []
    assert facts("Ha Tinh has completed 3 commune police headquarters in Nam Xuyen district.") == []


def test_a_planned_change_reports_its_old_state_and_not_its_plan():
    found = facts("Theo phương án, tỉnh Hà Tĩnh dự kiến sắp xếp 200 đơn vị hành chính cấp xã còn 70 đơn vị.")
    assert [(p["value"], p["indicator_id"]) for p in found] == [(200, "commune_level_units")]
    done = facts("Tỉnh Hà Tĩnh đã sắp xếp 200 đơn vị hành chính cấp xã thành 70 đơn vị hành chính cấp xã.")
    assert [p["value"] for p in done] == [70]


def test_a_figure_to_a_number_of_communes_is_not_a_change():
    by_value = {p["value"]: p["indicator_id"] for p in facts("Hà Tĩnh đã điều động 900 công an chính quy về 200 xã.")}
    assert by_value == {900: "commune_police_officers", 200: "communes_with_regular_police"}


def test_the_end_of_a_month_is_its_last_day():
    only("Tính đến hết tháng 2/2024, tỉnh Hà Tĩnh đã bố trí 900 cán bộ công an chính quy về xã.", date="2024-02-29")


def test_a_word_that_rules_an_indicator_out_may_run_on_from_the_figure():
    found = facts("Trước khi sắp xếp, tỉnh Hà Tĩnh có 12 đơn vị hành chính cấp huyện và 200 đơn vị hành chính cấp xã.",
                  published="2025-04")
    assert [(p["value"], p["indicator_id"]) for p in found] == [(200, "commune_level_units")]


def test_a_span_of_years_does_not_date_a_figure():
    only("Sau giai đoạn sắp xếp 2023-2025, hiện tỉnh Hà Tĩnh có 200 đơn vị hành chính cấp xã.",
         indicator_id="commune_level_units", date="2024-05")


def test_communes_counted_where_something_happened_are_not_the_administrative_count():
    found = facts("Tỉnh Hà Tĩnh đã khởi công 30 trụ sở công an xã tại 30 xã.")
    assert [(p["value"], p["indicator_id"]) for p in found] == [(30, "commune_police_hq_started")]


def test_a_verb_between_two_figures_is_the_later_ones_and_a_rank_stays_in_the_noun():
    # "The city" is the sentence's subject, not a smaller unit named "The".
    found = facts("The city has issued 3,000,000 CCCDs and activated more than 2,000,000 level 2 "
                  "electronic identification accounts.")
    assert [(p["value"], p["indicator_id"], p["unit"]) for p in found] == [
        (3000000, "chip_id_cards_issued", None), (2000000, "eid_accounts_activated", None)]


def test_a_list_of_kinds_of_unit_is_one_noun_phrase():
    found = facts("Toàn tỉnh xây dựng 20/90 xã, phường, đặc khu đủ điều kiện theo tiêu chí không ma túy.")
    assert not [p for p in found if p["indicator_id"] == "commune_level_units"], found


def test_units_of_ward_police_are_not_all_commune_level_police():
    assert [p["indicator_id"] for p in facts("Toàn tỉnh có 40 đơn vị công an phường.")] == ["ward_police_units"]


def test_a_lower_case_word_after_a_place_word_names_no_smaller_unit():
    # "tại địa bàn", "thị trấn đã ...": only a capitalised name is a district's or a commune's.
    found = facts("Toàn tỉnh đã khởi công 20 trụ sở công an xã tại địa bàn các huyện. "
                  "Có 30 trụ sở Công an xã, thị trấn đã được phê duyệt đầu tư.")
    assert [(p["value"], p["indicator_id"]) for p in found] == [
        (20, "commune_police_hq_started"), (30, "commune_police_hq_funded")]


def test_a_district_named_without_its_name_holds_the_figure_back():
    assert facts("Như vậy, 13/13 xã, thị trấn của huyện đã được bố trí công an chính quy.") == []


def test_a_figure_for_each_commune_is_not_a_count():
    assert facts("Mỗi xã bố trí 3 đồng chí công an chính quy.") == []
    assert facts("Toàn tỉnh bố trí công an chính quy về xã, với quy mô biên chế 18 cán bộ/xã.") == []


def test_a_headquarters_figure_needs_the_commune_in_its_words():
    # The provincial police's own new building is not a commune police headquarters.
    found = facts("Công an tỉnh khởi công trụ sở làm việc mới với tổng mức đầu tư 800 tỷ đồng.")
    assert not [p for p in found if p["indicator_id"].startswith("commune_police_hq")], found
    found = facts("Công an tỉnh khởi công 20 trụ sở công an xã với tổng mức đầu tư 100 tỷ đồng.")
    assert [(p["value"], p["indicator_id"]) for p in found] == [
        (20, "commune_police_hq_started"), (100000000000, "commune_police_hq_investment")]


def test_a_figure_over_a_list_of_units_names_none_of_them():
    found = facts("Đã cấp 1.000.000 thẻ căn cước tại 3 tỉnh: Hà Tĩnh, Nghệ An và Quảng Bình.")
    assert [(p["value"], p["unit"]) for p in found if p["kind"] == "observation"] == [(1000000, None)]


def test_a_year_between_a_deadline_and_a_figure_is_the_figures_deadline():
    found = facts("Đến năm 2024 sẽ nhân rộng mô hình, để năm 2025 có ít nhất 30% công an phường đạt tiêu chí kiểu mẫu.",
                  kinds=("target",))
    assert [(p["value"], p["deadline"]) for p in found] == [(30, "2025-12-31")]


def test_the_comma_of_an_english_date_does_not_end_the_clause():
    # "expected to" reaches the figure across "November 25, 2019": a plan, not a report.
    assert facts("The second phase is expected to be completed before November 25, 2019 with 300 "
                 "professional officers deployed to communes.", published="2019-10") == []


def test_a_sentence_breaking_down_the_total_before_it_adds_no_figure():
    found = facts("Đến nay toàn tỉnh đã bố trí 600 công an chính quy đảm nhiệm các chức danh công an xã. "
                  "Trong đó trưởng công an có 100 người, phó trưởng công an có 150 người.")
    assert [p["value"] for p in found] == [600]
    found = facts("Trong 90 cán bộ được điều động lần này có 60 cán bộ làm trưởng công an xã.")
    assert [p["value"] for p in found] == [90]


def test_a_dateline_and_a_glued_caption_name_no_subject():
    found = facts("Police make ID cards for locals (Photo: VNA)Hanoi (VNA) – The police of 63 provinces "
                  "and cities had collected 30 million chip-based ID card applications.", published="2021-05")
    assert [(p["value"], p["unit"]) for p in found] == [(30000000, "national")]


def test_a_ruling_out_word_after_a_coordinated_phrase_is_not_the_figures():
    # "sửa chữa" belongs to the 7 offices repaired, not to the 100 built.
    found = facts("Đến hết năm 2025 hoàn thành xây dựng mới 100 trụ sở công an xã, thị trấn và sửa chữa, "
                  "cải tạo 7 trụ sở cũ.", kinds=("target",))
    assert [(p["value"], p["indicator_id"]) for p in found] == [(100, "commune_police_hq_completed")]


def test_an_acronym_inside_an_english_noun_phrase():
    only("Up to now, the Ministry of Public Security has issued 80,000,000 chip-based citizen ID cards nationwide.",
         indicator_id="chip_id_cards_issued", unit="national")


def test_a_figure_over_several_towns_is_the_provinces():
    # Three towns named together: the figure is about all of them, not one smaller unit.
    found = facts("Hiện trên địa bàn tỉnh có 21 Công an phường ở TP Nam Xuyên, thị xã Bắc Xuyên và thị xã Tây Xuyên.")
    assert [(p["value"], p["indicator_id"]) for p in found] == [(21, "ward_police_units")]
    assert facts("Hiện tỉnh có 9 Công an phường ở TP Nam Xuyên.") == []


def test_a_provinces_own_city_is_smaller_than_the_province():
    assert facts("Đến nay, TP Hà Tĩnh đã bố trí công an chính quy tại 100% các xã.") == []
    assert facts("Đến nay, tỷ lệ tài khoản đã kích hoạt toàn xã đạt 79%.") == []


def test_a_day_without_its_year_dates_nothing():
    found = facts("(QNO) - Chiều 25.10, Công an tỉnh điều động 13 cán bộ, chiến sĩ về các xã biên giới.", published=None)
    assert [(p["value"], p["date"]) for p in found] == [(13, None)]


def test_money_for_the_provincial_police_building_is_no_commune_funding():
    found = facts("Dự án trụ sở làm việc của Công an tỉnh có tổng kinh phí 405 tỷ đồng, trong đó ngân sách tỉnh hỗ trợ 100 tỷ đồng.")
    assert not [p for p in found if p["indicator_id"].startswith("commune_police")], found


def test_towns_named_before_a_figure_are_what_it_is_about():
    assert not facts("Công an TP Nam Xuyên, Công an huyện Bắc Xuyên và Công an huyện Tây Xuyên là 3 đơn vị đầu tiên "
                     "hoàn thành cấp CCCD gắn chip cho 100% công dân.", kinds=("observation",))


def test_a_share_some_communes_reached_is_not_the_provinces():
    found = facts("Theo đó, 6 xã khác trên địa bàn tỉnh vừa hoàn thành cấp CCCD gắn chip cho 100% người dân trong độ tuổi.")
    assert not [p for p in found if p["value"] == 100], found


def test_english_structures_of_reports():
    # "X out of the registered Y": a figure and its total.
    found = facts("As of October 18, 400,000 out of the registered 500,000 chip-based ID cards had been delivered "
                  "to citizens nationwide.", published="2021-10")
    assert [(p["value"], p["total"]) for p in found] == [(400000, 500000)]
    # The size of a change is not a count; an expectation is not a report.
    assert not [p for p in facts("The province will have only 100 communes and wards, reducing 300 commune-level "
                                 "administrative units.") if p["value"] == 300]
    assert facts("The ministry expects to issue chip-based ID cards to 50 million citizens nationwide.") == []
    # Officers rewarded or retired are not officers assigned; district-level units are not commune police units.
    assert facts("The ministry rewarded 80 exemplary commune police officers nationwide.") == []
    assert facts("The provincial police have dissolved 8 district-level police units.") == []


def test_a_year_after_publication_before_a_figure_makes_it_a_goal():
    found = facts("Năm 2025 có ít nhất 30% công an phường trên địa bàn tỉnh đạt các tiêu chí kiểu mẫu.", published="2023-02")
    assert [(p["kind"], p["value"], p["deadline"], p["comparator"]) for p in found] == [("target", 30, "2025-12-31", ">=")]
    assert facts("Năm 2022 có 30% công an phường trên địa bàn tỉnh đạt các tiêu chí kiểu mẫu.", published="2023-02")[0]["kind"] == "observation"


def test_the_amount_of_a_plan_or_a_policy_is_not_a_report():
    assert facts("Tỉnh góp phần thực hiện thành công chủ trương cấp mới 50 triệu căn cước công dân gắn chip của Bộ Công an.") == []
    assert facts("Theo kế hoạch, cả nước sẽ hoàn thành kế hoạch cấp 50 triệu căn cước công dân.") == []


def test_the_other_side_of_a_ratio_and_chiefs_appointed_are_not_counts():
    found = facts("Tỉnh hoàn thành việc bố trí 5 cán bộ chiến sĩ Công an chính quy/ 1 xã để đảm nhiệm các chức danh.")
    assert found == [], found
    found = facts("Giám đốc Công an tỉnh bổ nhiệm 120 đồng chí giữ chức vụ Trưởng Công an cấp xã.")
    assert found == [], found


def test_yesterday_in_a_report_dated_to_the_day_is_the_day_before():
    found = facts("The ministry yesterday said that 3,000,000 applications for e-ID accounts had been received.",
                  published="2024-03-01")
    assert [(p["indicator_id"], p["date"]) for p in found] == [("eid_records_collected", "2024-02-29")]


def test_a_cue_past_the_next_coordinated_figure_is_that_figures():
    found = facts("Tính đến ngày 8/5/2024, toàn tỉnh đã thu nhận 400.000 tài khoản định danh điện tử "
                  "và 100.000 tài khoản định danh điện tử kích hoạt thành công.")
    assert [(p["value"], p["indicator_id"]) for p in found] == [
        (400000, "eid_records_collected"), (100000, "eid_accounts_activated")]


@pytest.mark.parametrize("text", [
    "Theo kế hoạch, tỉnh sẽ đầu tư xây dựng 50 trụ sở công an xã.",
    "Công an tỉnh đang chuẩn bị đầu tư xây dựng 50 trụ sở công an xã.",
])
def test_a_plan_or_a_preparation_is_not_a_reported_figure(text):
    assert facts(text) == []


def test_commune_police_sharing_the_peoples_committees_offices_have_no_headquarters():
    only("Hiện toàn tỉnh còn 36 trụ sở Công an xã đang bố trí làm việc chung với UBND xã.",
         value=36, indicator_id="commune_police_without_hq")


def test_an_event_of_yesterday_at_the_start_of_a_report_dates_its_undated_figures():
    text = ("Police review the ID card campaign\n\n"
            "The provincial police yesterday held a conference to review the results of the campaign to collect applications.\n\n"
            "Accordingly, the provincial police collected 300,000 applications for chip-based citizen ID cards.\n")
    found = facts(text, published="2024-06-10")
    assert [(p["value"], p["date"]) for p in found] == [(300000, "2024-06-09")]


def test_a_title_restating_a_figure_tells_what_it_counts():
    title = "Công an thành phố hoàn thành xây dựng 12 công an phường điển hình, kiểu mẫu năm 2023"
    body = "Công an thành phố đã đăng ký xây dựng 12 Công an phường, vượt chỉ tiêu được giao."
    found = facts(f"{title}\n\n{body}\n\nCác đơn vị tiếp tục duy trì kết quả.\n\n", published="2023-11")
    assert [(p["value"], p["indicator_id"]) for p in found] == [(12, "model_ward_police_candidates")]
    # Without the title the same sentence counts ward police units.
    found = facts(f"{body}\n\n", published="2023-11")
    assert [(p["value"], p["indicator_id"]) for p in found] == [(12, "ward_police_units")]


def test_a_paragraph_starting_in_lower_case_runs_on_from_the_one_before():
    text = ("Tình hình xây dựng trụ sở\n\n"
            "Từ năm 2022 đến nay, tỉnh có 90 trụ sở Công an xã đã được phê duyệt đầu tư.\n\n"
            "trong đó đã hoàn thành xây dựng, đưa vào sử dụng 20 trụ sở.\n\n")
    found = facts(text, published="2024-05-30")
    assert [(p["value"], p["indicator_id"]) for p in found] == [
        (90, "commune_police_hq_funded"), (20, "commune_police_hq_completed")]


def test_a_plan_to_reorganise_reports_the_state_now_not_the_plan():
    text = ("In 2025, from the current 90 communes, wards and towns, the province will reorganize them "
            "into 30 commune-level administrative units.")
    found = facts(text, published="2025-04-20")
    assert [(p["kind"], p["value"]) for p in found] == [("observation", 90)]


@pytest.mark.parametrize("text", [
    "Tỉnh đã sáp nhập 100 xã, giảm từ 150 xuống còn 50 đơn vị hành chính cấp xã.",
    "Tinh da sap nhap 100 xa, giam 100 xa, con 50 don vi hanh chinh cap xa.",
    "Tỉnh đã giảm 120 đơn vị hành chính cấp xã, còn 50 đơn vị.",
    "Tinh da giam 120 don vi hanh chinh cap xa, con 50 don vi.",
])
def test_how_many_were_merged_is_the_size_of_a_change(text):
    found = facts(text, published="2025-08-01")
    assert [p["value"] for p in found] == [50]


def test_a_bracketed_aside_on_the_state_before_is_not_a_breakdown():
    text = "Phương án sắp xếp là 50 đơn vị, gồm 10 phường và 40 xã (trước khi sắp xếp, tỉnh có 150 đơn vị hành chính cấp xã)."
    assert 150 in [p["value"] for p in facts(text, published="2025-04-20")]


def test_a_documents_date_is_not_the_day_of_the_event_a_report_tells_of():
    text = ("Tỉnh triển khai sắp xếp đơn vị hành chính\n\n"
            "Thực hiện Nghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương, tỉnh tổ chức lấy ý kiến cử tri về đề án.\n\n"
            "Hiện tỉnh có 150 đơn vị hành chính cấp xã.\n\n")
    [found] = facts(text, published="2025-04")
    assert found["value"] == 150 and found["date"] == "2025-04"


def test_a_deadline_before_the_year_of_publication_reports_a_figure():
    found = facts("Trong năm 2023, Công an tỉnh đã điều động, bố trí 300 cán bộ công an chính quy về xã.", published="2024-03")
    assert [(p["kind"], p["value"], p["date"]) for p in found] == [("observation", 300, "2023")]


@pytest.mark.parametrize("text", [
    "Năm 2025, tỉnh sẽ sắp xếp 150 đơn vị hành chính cấp xã thành 50 đơn vị.",
    "Nam 2025, tinh se sap xep 150 don vi hanh chinh cap xa thanh 50 don vi.",
])
def test_the_count_a_planned_rearrangement_starts_from_is_no_target(text):
    found = facts(text, published="2025-04-22")
    assert [(p["kind"], p["value"]) for p in found] == [("observation", 150)]


def test_counts_after_the_2025_arrangement_are_plans_until_it_was_decided():
    text = "Sau sắp xếp đơn vị hành chính cấp xã, tỉnh giảm từ 100 xã, phường, còn 30 đơn vị."
    assert [p["value"] for p in facts(text, published="2025-04-26")] == [100]
    assert [p["value"] for p in facts(text, published="2025-06-20")] == [30]


@pytest.mark.parametrize("text", [
    "Thành phố trong tương lai có 90 đơn vị hành chính cấp xã.",
    "The province has 7 administrative units at district level.",
    "Có 6 đơn vị hành chính cấp xã không thực hiện sắp xếp.",
])
def test_future_units_district_units_and_units_left_alone_are_no_commune_count(text):
    assert facts(text, published="2025-04-20") == []


def test_words_of_a_clause_before_the_first_figure_do_not_rule_it_out():
    found = facts("Sau khi Công an cấp huyện giải thể, Công an tỉnh sẽ có 20 đơn vị cấp phòng và 150 đơn vị Công an cấp xã.",
                  published="2025-02")
    assert [(p["value"], p["indicator_id"]) for p in found] == [(150, "commune_police_units")]


def test_the_merged_unit_is_the_subject_not_the_provinces_it_was_made_of():
    text = "Tỉnh An Giang mới được thành lập trên cơ sở sáp nhập hai tỉnh An Giang và Kiên Giang, với 102 đơn vị hành chính cấp xã."  # the real count
    [found] = facts(text, published="2025-06-20")
    assert (found["unit"], found["value"]) == ("2025:an-giang", 102)


def test_a_breakdown_belongs_to_its_part_of_the_sentence_and_to_a_count():
    text = ("After rearranging, the province has 9 district-level administrative units, including 8 districts and 1 city; "
            "100 commune-level administrative units, including 82 communes, 9 wards and 9 towns.")
    assert [p["value"] for p in facts(text, published="2024-12-01")] == [100]
    text = "Tỉnh có diện tích tự nhiên 4.000 km2, gồm 10 huyện, 150 xã, phường, thị trấn."
    assert [(p["value"], p["indicator_id"]) for p in facts(text)] == [(150, "commune_level_units")]


def test_english_public_security_agencies_and_their_split():
    text = ("There are now 30 provincial-level public security agencies and 3,000 communal-level public security "
            "agencies (including 2,400 communal police, 590 ward police, and 10 special administrative units) across the country.")
    assert [(p["value"], p["indicator_id"]) for p in facts(text)] == [
        (30, "provincial_police_units"), (3000, "commune_police_units"),
        (2400, "rural_commune_police_units"), (590, "ward_police_units")]
    found = facts("Toàn quốc có 3.000 Công an cấp xã (gồm Công an 2.400 xã; 590 phường; 10 đặc khu).")
    assert [p["value"] for p in found] == [3000, 2400, 590]
    # Bare kinds in a breakdown of the commune-level police are the police of each kind.
    text = "There are now 3,000 commune-level police units, including 2,400 communes, 590 wards and 10 special zones."
    assert [(p["value"], p["indicator_id"]) for p in facts(text)] == [
        (3000, "commune_police_units"), (2400, "rural_commune_police_units"), (590, "ward_police_units")]


def test_a_day_from_which_a_state_holds_dates_it_once_it_has_begun():
    text = "Từ 1-1-2025, tỉnh có 10 đơn vị hành chính cấp huyện, 119 đơn vị hành chính cấp xã."
    assert [p["date"] for p in facts(text, published="2025-01-03")] == ["2025-01-01"]
    assert [p["date"] for p in facts(text, published="2024-12-20")] == ["2024-12-20"]  # not yet begun
    assert [p["date"] for p in facts(text, published=None)] == ["2025-01-01"]  # a text with no date: the day it holds from


def test_up_to_now_before_a_figure_outweighs_a_deadline_after_it():
    text = "Đến nay, Công an tỉnh đã bố trí công an chính quy tại 100/100 xã với tổng số 400 đồng chí, sớm hơn lộ trình đề ra là hoàn thành vào năm 2021."
    found = {p["value"]: p["date"] for p in facts(text, published="2021-03-10")}
    assert found[400] == "2021-03-10"


def test_the_number_of_commune_level_units_is_a_count_of_them():
    text = "The total number of commune-level administrative units in the province is currently 186 (160 communes, 11 wards, 15 towns)."
    assert [(p["value"], p["indicator_id"]) for p in facts(text)] == [(186, "commune_level_units")]


def test_a_bracket_that_restates_or_is_closed_is_no_breakdown():
    text = ("Công an tỉnh đã bố trí 300 đồng chí Công an chính quy (trong đó có 02 nữ) đảm nhiệm các chức danh "
            "Công an xã đối với 60/60 xã trên địa bàn tỉnh (đạt tỷ lệ 100%).")
    assert [(p["value"], p["indicator_id"]) for p in facts(text)] == [
        (300, "commune_police_officers"), (60, "communes_with_regular_police"), (100, "communes_with_regular_police_share")]


def test_the_parts_of_a_count_of_police_units_are_police_units():
    text = "Công an tỉnh được thành lập 50 đơn vị công an cấp xã, gồm 20 phường, 28 xã và 2 đặc khu."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2025-06-27")] == [
        (50, "commune_police_units"), (20, "ward_police_units"), (28, "rural_commune_police_units")]


def test_a_reduction_of_units_is_the_size_of_a_change():
    text = "After the reorganization, the province will have 60 commune-level administrative units, a reduction of 100 units."
    assert 100 not in [p["value"] for p in facts(text, published="2025-07-05")]


@pytest.mark.parametrize("text", [
    "The province has issued 300,000 electronic identification accounts, of which 200,000 were activated.",
    "The province has issued 300,000 electronic identification accounts. Of them, 200,000 have been activated.",
    "Toàn tỉnh đã cấp 300.000 tài khoản định danh điện tử, trong đó 200.000 đã kích hoạt.",
    "Toan tinh da cap 300.000 tai khoan dinh danh dien tu. Trong do, 200.000 da kich hoat.",
])
def test_a_bare_number_opening_a_part_counts_what_the_figure_before_counts(text):
    found = [(p["value"], p["indicator_id"]) for p in facts(text)]
    assert found == [(300000, "eid_accounts_issued"), (200000, "eid_accounts_activated")]


@pytest.mark.parametrize("text", [
    "The province has received 300,000 applications for electronic identification accounts. Of them, 200,000 have been activated.",
    "Toàn tỉnh đã thu nhận 300.000 hồ sơ định danh điện tử, trong đó 200.000 đã kích hoạt.",
])
def test_a_bare_part_is_what_its_own_words_say_not_the_totals_noun(text):
    found = [(p["value"], p["indicator_id"]) for p in facts(text)]
    assert found == [(300000, "eid_records_collected"), (200000, "eid_accounts_activated")]


def test_a_bare_number_two_sentences_on_counts_nothing():
    text = "Toàn tỉnh đã cấp 300.000 tài khoản định danh điện tử. Công an đã làm 5 đợt. Trong đó 200 đã xong."
    assert 200 not in [p["value"] for p in facts(text)]


def test_a_later_stage_given_as_a_part_is_a_figure_of_its_own():
    text = ("Hiện toàn tỉnh mới có 200.000 hồ sơ cấp tài khoản ĐDĐT, chiếm 30% dân số đủ điều kiện, "
            "trong đó có trên 80.000 tài khoản ĐDĐT kích hoạt thành công.")
    found = [(p["value"], p["indicator_id"]) for p in facts(text)]
    assert found == [(200000, "eid_records_collected"), (80000, "eid_accounts_activated")]


def test_the_parts_of_police_units_named_by_their_indicator_are_police_units():
    text = "Theo quyết định của Bộ trưởng, tỉnh thành lập 50 đơn vị Công an cấp xã, gồm 20 phường, 28 xã và 2 đặc khu."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2025-06-29")] == [
        (50, "commune_police_units"), (20, "ward_police_units"), (28, "rural_commune_police_units")]


def test_police_of_every_kind_of_commune_count_commune_level_police():
    text = "Công an tỉnh công bố quyết định thành lập 50 Công an xã, phường, đặc khu trên địa bàn tỉnh."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2025-06-29")] == [(50, "commune_police_units")]
    text = "Công an tỉnh đã bố trí 500 công an chính quy đảm nhiệm tại 150/150 Công an xã, thị trấn."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2020-03")] == [
        (500, "commune_police_officers"), (150, "communes_with_regular_police")]


def test_a_commune_that_is_one_of_the_counted_does_not_make_the_count_its_own():
    text = "Trụ sở Công an xã Tân Lập là một trong 12 trụ sở Công an xã đã được khánh thành, đưa vào sử dụng trong năm 2023."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2023-12")] == [(12, "commune_police_hq_completed")]


def test_communes_and_wards_are_the_commune_level_count():
    text = "Thus, the province currently has 160 communes and wards, but it is expected that there will be only 40 communes and wards."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2025-04-20")] == [(160, "commune_level_units")]


def test_a_rank_among_provinces_is_no_national_figure():
    text = ("Tỉnh Alpha là tỉnh đầu tiên cả nước hoàn thành cấp căn cước. Công an tỉnh đã cấp trên 700.000 thẻ căn cước "
            "công dân gắn chip, đứng đầu toàn quốc.")
    assert all(p["unit"] != "national" for p in facts(text, published="2023-06-05"))


def test_the_province_a_rank_follows_is_not_the_subject():
    text = "Hà Tĩnh trở thành địa phương thứ 2 trên toàn quốc, sau Hà Nam, hoàn thành thu nhận hồ sơ cấp căn cước công dân cho 100% công dân."
    [found] = facts(text, published="2023-05-12")
    assert (found["unit"], found["value"], found["indicator_id"]) == ("ha-tinh", 100, "chip_id_completion_share")


def test_militia_are_not_police_and_comrades_are_officers():
    text = ("The province currently has 40/40 communes that assign regular police force with a total of 200 comrades; "
            "90/90 communes, wards and townships have the militia teams with more than 700 members.")
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2020-11-23")] == [
        (40, "communes_with_regular_police"), (200, "commune_police_officers")]


def test_a_closed_bracket_lends_no_police_to_the_communes_after_it():
    text = "Tỉnh đã bố trí 300 cán bộ công an chính quy (2 nữ, 298 nam) đảm nhiệm các chức danh công an xã đối với 60/60 xã trên địa bàn tỉnh."
    found = {p["value"]: p["indicator_id"] for p in facts(text, published="2019-05-10")}
    assert found[60] == "communes_with_regular_police"


def test_cards_printed_and_handed_over_are_cards_issued():
    text = "Đến nay, Bộ Công an đã in và trả về cho công an địa phương gần 60 triệu thẻ căn cước công dân gắn chip."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2022-01-18")] == [(60000000, "chip_id_cards_issued")]


def test_the_state_a_plan_starts_from_is_dated_by_the_report_not_the_plans_year():
    text = "Theo Đề án sắp xếp đơn vị hành chính cấp xã năm 2025, tỉnh sẽ sắp xếp 150 đơn vị hành chính cấp xã thành 50 đơn vị."
    [found] = facts(text, published="2025-04-22")
    assert (found["value"], found["date"]) == (150, "2025-04-22")
    text = "Tính đến ngày 31/3/2025, tỉnh có 150 đơn vị hành chính cấp xã, dự kiến sắp xếp còn 50 đơn vị."
    [found] = facts(text, published="2025-04-22")
    assert (found["value"], found["date"]) == (150, "2025-03-31")


def test_the_main_unit_keeps_the_merged_mark_the_title_gives_it():
    text = ("Công bố nhân sự chủ chốt của tỉnh Bắc Ninh mới\n\n"
            "Sau sắp xếp, tỉnh có 99 đơn vị hành chính cấp xã, gồm 66 xã và 33 phường.\n\n"
            "Các đơn vị đi vào hoạt động từ ngày 1/7.\n\n")
    [found] = facts(text, published="2025-06-30")
    assert (found["unit"], found["value"]) == ("2025:bac-ninh", 99)  # the real count


def test_review_cases_of_the_2025_rules():
    # A change that is no rearrangement plans nothing, even in the spring of 2025.
    text = "Công an tỉnh đã giảm thời gian xử lý hồ sơ, nâng tổng số tài khoản định danh điện tử được cấp lên 500.000 tài khoản."
    assert [p["value"] for p in facts(text, published="2025-05-10")] == [500000]
    # A merged unit beats the provinces it was made of, not another province.
    text = "Tỉnh Bắc Ninh mới có 99 đơn vị hành chính cấp xã và Hà Nội có 126 đơn vị hành chính cấp xã."  # the real counts
    found = {p["value"]: p["unit"] for p in facts(text, published="2025-06-20")}
    assert found[99] == "2025:bac-ninh" and found[126] == "ha-noi"
    # "thống nhất trên toàn quốc" is no rank among provinces.
    text = "Hệ thống đã triển khai thống nhất trên toàn quốc, cấp 2.000.000 tài khoản định danh điện tử."
    assert [p["unit"] for p in facts(text, published="2023-06-05")] == ["national"]


def test_after_the_merger_past_a_figure_does_not_mark_the_name():
    from analysis.extract import extract_text
    text = "Tỉnh Tuyên Quang hiện có 138 đơn vị hành chính cấp xã, sau sáp nhập còn ít hơn."
    assert [r.get("merged", False) for r in extract_text(text, published="2025-05-01") if r["kind"] == "place"] == [False]


def test_a_pages_date_stamp_dates_no_sentence():
    text = ("Tin trong nước\n\n date 2023-06-20 The department yesterday said that 3,000,000 electronic "
            "identification accounts had been issued nationwide, more than in any month before.\n\n")
    [found] = facts(text, published=None)
    assert (found["value"], found["date"]) == (3000000, "2023-06-19")


@pytest.mark.parametrize("text", [
    "Sau sắp xếp, cả nước có 3.300 đơn vị hành chính cấp xã. Các đơn vị hành chính cấp xã gồm 2.600 xã, 690 phường và 10 đặc khu.",
    "After the arrangement, the country has 3,300 commune-level units: 690 wards, 10 special zones, 2,600 communes.",
])
def test_one_kind_of_commune_level_unit_is_not_their_count(text):
    assert [p["value"] for p in facts(text, published="2025-07-10")] == [3300]


def test_a_count_of_every_kind_is_their_count():
    text = "In the province, 120 communes, wards and towns will be rearranged into 40 commune-level administrative units (38 communes, 2 wards)."
    assert 120 in [p["value"] for p in facts(text, published="2025-04-20")]


def test_a_reduction_given_after_a_colon_is_a_change():
    text = "The province now has 90 commune-level administrative units. Reduction: 60 units."
    assert [p["value"] for p in facts(text, published="2025-07-10")] == [90]


@pytest.mark.parametrize("text", [
    "Toàn tỉnh hiện có 80 trụ sở công an xã cần xây dựng mới.",
    "Tổng số công an xã bán chuyên trách của tỉnh hiện nay có 900 đồng chí.",
])
def test_what_is_needed_or_semi_professional_is_not_the_regular_count(text):
    regular = {"commune_police_hq_completed", "commune_police_hq_started", "commune_police_hq_funded",
               "commune_police_officers", "communes_with_regular_police"}
    assert not regular & {p.get("indicator_id") for p in facts(text)}


def test_what_was_built_and_regular_officers_are_counted():
    built = facts("Toàn tỉnh đã hoàn thành xây dựng mới 80 trụ sở công an xã.")
    regular = facts("Toàn tỉnh hiện có 900 đồng chí công an chính quy đảm nhiệm chức danh công an xã.")
    assert [p["indicator_id"] for p in built] == ["commune_police_hq_completed"]
    assert [p["indicator_id"] for p in regular] == ["commune_police_officers"]


def test_an_e_id_card_is_the_chip_based_citizen_id():
    text = "By April 27, local police nationwide received 30 million applications for e-ID cards, reaching 60% of the target."
    assert pairs(text, published="2021-05") == [
        (30000000, "chip_id_records_collected"), (60, "chip_id_completion_share")]


@pytest.mark.parametrize("text, indicator", [
    ("Tỉnh đặt mục tiêu đến ngày 1/7/2021 sẽ cấp 900.000 thẻ căn cước công dân gắn chip.", "chip_id_cards_issued"),
    ("The province aims to issue chip-based ID cards to 900,000 people by July 1, 2021.", "chip_id_cards_issued"),
    ("Tỉnh phấn đấu đến ngày 1/7/2021 thu nhận 900.000 hồ sơ cấp căn cước công dân.", "chip_id_records_collected"),
])
def test_issuing_cards_and_collecting_applications_are_told_apart(text, indicator):
    assert pairs(text, published="2021-03") == [(900000, indicator)]


def test_who_is_eligible_is_not_what_was_done():
    text = "Toàn tỉnh có hơn 1 triệu người đủ điều kiện cấp căn cước công dân và đã thu nhận hơn 20.000 hồ sơ."
    assert [p["value"] for p in facts(text, published="2021-03")] == [20000]


@pytest.mark.parametrize("text", [
    "Accordingly, the provincial police will deploy 500 officers to 100 police posts in the province's communes.",
    "Tới đây, Công an tỉnh sẽ điều động 500 cán bộ về công an xã.",
])
def test_an_act_still_to_come_is_no_report(text):
    assert facts(text, published="2019-10") == []


def test_until_a_day_past_dates_a_report():
    text = "Until March 16, the city police received 200,000 applications for chip-based ID cards out of 4 million eligible people."
    [found] = facts(text, published="2021-03-19")
    assert (found["indicator_id"], found["value"], found["date"]) == ("chip_id_records_collected", 200000, "2021-03-16")


def test_a_task_due_after_publication_is_no_report():
    text = "The province is assigned to finish issuing chip-based ID cards for 900,000 people before April 30."
    assert [p for p in facts(text, published="2021-03-19") if p["kind"] == "observation"] == []


def test_an_aside_on_the_present_reports_despite_the_plan_around_it():
    text = ("Tỉnh đã chuẩn bị các điều kiện để bố trí tối thiểu 5 đồng chí công an chính quy tại mỗi xã "
            "(Đến nay Công an tỉnh đã bố trí hơn 900 đồng chí tại 200 xã, thị trấn).")
    assert pairs(text, published="2021-07") == [
        (900, "commune_police_officers"), (200, "communes_with_regular_police")]


@pytest.mark.parametrize("text", [
    "Under the decisions, 120 officers will take the positions of chief or deputy chief of commune police.",
    "Under the project, 40 million chip-based ID cards would be granted to eligible citizens.",
    "Tính đến 30/6/2021, toàn tỉnh có 500.000 người từ đủ 14 tuổi trở lên sẽ được cấp thẻ căn cước công dân gắn chip.",
    "Trong đó, 50 trụ sở công an xã được đề nghị đầu tư xây dựng mới.",
])
def test_what_is_yet_to_happen_or_proposed_is_no_report(text):
    assert [p for p in facts(text, published="2021-07") if p.get("indicator_id")] == []


def test_a_breakdown_opening_a_paragraph_splits_the_total_before_it():
    text = ("Công an xã chính quy\n\n"
            "Đến nay Công an tỉnh đã điều động 900 công an chính quy đảm nhiệm các chức danh công an xã.\n\n"
            "Trong đó có 200 đồng chí Trưởng Công an xã, 200 đồng chí Phó Công an xã, 500 đồng chí Công an viên.\n\n")
    assert [p["value"] for p in facts(text, published="2020-09")] == [900]


def test_two_provinces_joined_as_one_subject_leave_the_unit_open():
    text = "Tại thời điểm tháng 4/2025, hai tỉnh Hà Tĩnh và Nghệ An hiện có 500 đơn vị hành chính cấp xã."
    [found] = facts(text, published="2025-04-20")
    assert found["value"] == 500 and found["unit"] is None


@pytest.mark.parametrize("text", [
    "Các trụ sở công an xã của tỉnh được xây dựng với quy mô phục vụ từ 8 đến 10 cán bộ, chiến sĩ.",
    "Lực lượng công an tỉnh đã điều tra khám phá 900 vụ xâm phạm trật tự xã hội, đạt gần 85%.",
    "The provincial police will select 2 district-level units and 6 ward-level units to pilot the model.",
    "Tại hội nghị, 60 cán bộ công an xã tiêu biểu của tỉnh được biểu dương.",
])
def test_ranges_solved_cases_choices_to_come_and_commendations_are_no_reports(text):
    assert [p for p in facts(text, published="2024-05") if p.get("indicator_id")] == []


def test_a_count_of_officers_beside_those_exclusions_is_read():
    text = "Công an tỉnh đã điều động 600 cán bộ, chiến sĩ về công an xã."
    assert pairs(text, published="2024-05") == [(600, "commune_police_officers")]


def test_police_of_wards_and_communes_count_commune_level_police():
    text = "Thành phố sắp xếp lại 500 công an xã, phường, thị trấn xuống còn 120 Công an phường, xã."
    assert pairs(text, published="2025-07-05") == [(120, "commune_police_units")]


def test_a_share_of_money_is_no_share_of_units():
    text = ("Tỉnh xây dựng công an phường điển hình, kiểu mẫu với tổng kinh phí 400 tỷ đồng (trong đó 80% kinh phí "
            "bố trí trong giai đoạn 2021-2025; 20% kinh phí còn lại bố trí sau khi quyết toán).")
    assert [p for p in facts(text) if p.get("value_unit") == "%"] == []


def test_a_plan_in_another_part_of_the_sentence_leaves_a_report_a_report():
    text = ("Đến năm 2025, tỉnh phấn đấu 100% công an xã có trụ sở. "
            "Trong đó, 15 trụ sở công an xã đã hoàn thành, bàn giao sử dụng; 30 trụ sở dự kiến hoàn thành trong năm 2025.")
    found = {p["value"]: p["kind"] for p in facts(text, published="2024-05")}
    assert found.get(15) == "observation"


def test_the_ministrys_own_target_is_the_countrys():
    text = "Sau lễ khai trương, mục tiêu đến ngày 1-7-2021, Bộ Công an sẽ cấp được 40 triệu thẻ căn cước công dân gắn chíp."
    [found] = facts(text, published="2021-01")
    assert (found["kind"], found["indicator_id"], found["unit"], found["deadline"]) == (
        "target", "chip_id_cards_issued", "national", "2021-07-01")


def test_a_police_officer_is_not_the_ministry():
    text = "Đã có 900 cán bộ công an chính quy đảm nhiệm các chức danh công an tại 200 xã."
    assert {p["unit"] for p in facts(text)} == {None}


def test_the_province_a_text_names_further_on_is_the_one_it_speaks_of():
    text = ("Công an xã chính quy\n\n"
            "Đợt này, đã có 300 đồng chí công an chính quy đến đảm nhiệm các chức danh Công an xã tại 190 xã, thị trấn trên địa bàn tỉnh.\n\n"
            "Thực hiện Đề án của UBND tỉnh Hà Tĩnh, đến nay Công an Hà Tĩnh đã điều động 900 công an chính quy về xã.\n\n")
    found = [(p["value"], p["unit"]) for p in facts(text, published="2020-09")]
    assert found == [(300, "ha-tinh"), (190, "ha-tinh"), (900, "ha-tinh")]


@pytest.mark.parametrize("text", [
    "After the arrangement, the province reduced the number of communes, wards and towns from 140 to 50, a reduction rate of 64.29%.",
    "Đến nay, có 15 đơn vị công an cấp xã của tỉnh hoàn thành cấp 100% căn cước công dân gắn chip.",
    "The provincial police received 400,000 applications for chip-based ID cards, while 100,000 cases have not gone to police stations.",
    "The police force nationwide has cleaned 80% of the national population data on the system.",
])
def test_a_rate_of_reduction_units_that_excel_what_is_not_done_and_data_cleaned_are_not_these_figures(text):
    found = pairs(text, published="2025-07-10")
    assert not any(value in (64.29, 15, 100, 100000, 80) for value, _ in found), found


def test_a_question_states_no_fact():
    report = "Đến nay, Công an tỉnh đã cấp 300.000 thẻ căn cước công dân gắn chip"
    assert [p["value"] for p in facts(report + ".", published="2021-03")] == [300000]
    assert facts(report + ", đúng không?", published="2021-03") == []


def test_communes_of_a_district_named_after_the_count_are_the_districts():
    text = "Giai đoạn 2023-2025, tỉnh sáp nhập toàn bộ thị xã A và 4 xã của huyện Nghi Xuân vào thành phố."
    assert 4 not in [p["value"] for p in facts(text, published="2024-07")]


def test_among_these_opens_a_breakdown():
    text = ("Công an tỉnh đã điều động 300 cán bộ, chiến sĩ về công an xã. "
            "Trong số này, có hơn 50 cán bộ, chiến sĩ đang công tác tại Đội Cảnh sát giao thông.")
    assert [p["value"] for p in facts(text, published="2024-05")] == [300]


@pytest.mark.parametrize("text, value", [
    ("Ngày 15/3, Đại tá Nguyễn Văn A, Giám đốc Công an tỉnh Hà Tĩnh cho biết: đơn vị đã thu nhận 300.000 hồ sơ căn cước công dân.", 300000),
    ("Đến nay Công an tỉnh đã cấp 300.000 thẻ căn cước công dân gắn chip và sẽ hoàn thành trong tháng 6.", 300000),
    ("Đến nay đã có 300 cán bộ của Công an tỉnh được điều động về công an xã.", 300),
    ("Công an tỉnh đã thu nhận 400.000 hồ sơ căn cước công dân nhưng chưa được trả thẻ.", 400000),
])
def test_a_colon_after_words_a_later_promise_the_provinces_police_and_a_later_lack_leave_a_report(text, value):
    assert value in [p["value"] for p in facts(text, published="2025-04-20")]


@pytest.mark.parametrize("text", [
    "Tỉnh có 1,3 triệu người dân, đến nay đã cấp 500.000 thẻ căn cước công dân gắn chip.",
    "Công an tỉnh huy động 300 người tham gia cấp căn cước công dân.",
    "Toan tinh co hon 1 trieu nguoi du dieu kien cap can cuoc cong dan va da thu nhan hon 20.000 ho so.",
])
def test_people_who_receive_no_card_are_not_cards_issued(text):
    assert [p["value"] for p in facts(text, published="2025-04-20") if p.get("indicator_id") == "chip_id_cards_issued"] in ([], [500000])


def test_a_bare_part_follows_a_count_not_a_share_between():
    text = ("The province has issued 300,000 electronic identification accounts, reaching 60% of the target. "
            "Of them, 200,000 have been activated.")
    found = [(p["value"], p["indicator_id"]) for p in facts(text)]
    assert (200000, "eid_accounts_activated") in found


def test_a_bare_part_its_words_do_not_name_is_no_figure():
    text = "Công an tỉnh đã thu nhận 300.000 hồ sơ căn cước công dân, trong đó 20.000 của người cao tuổi."
    assert [p["value"] for p in facts(text)] == [300000]


def test_what_the_ministry_does_is_the_countrys_though_a_province_tells_it():
    # A province that tells ("Theo Công an tỉnh ...") or a text's main unit is not whom it is about.
    told = only("Theo Công an tỉnh Hà Tĩnh, hiện nay, Bộ Công an đã cấp trên 70 triệu thẻ căn cước công dân gắn chip.")
    assert told["unit"] == "national"
    text = ("Công an tỉnh Hà Tĩnh tổ chức hội nghị.\n\nNăm 2023, Bộ Công an xây dựng thí điểm công an phường "
            "điển hình, kiểu mẫu tại 7 Công an phường.")
    assert [(p["unit"], p["value"]) for p in facts(text)] == [("national", 7)]
    # ... but a province acting on the Ministry's order is the province.
    assert only("Thực hiện chỉ đạo của Bộ Công an, Công an tỉnh Hà Tĩnh đã điều động 300 cán bộ về các xã.")["unit"] == "ha-tinh"


def test_a_deputys_delegation_is_not_the_subject():
    text = ("Trả lời chất vấn của đại biểu (đoàn TP HCM), Bộ trưởng cho biết đến nay, ngành công an đã điều động "
            "trên 70.000 công an chính quy về cấp xã.")
    assert only(text)["unit"] == "national"


def test_among_a_number_is_an_amount_not_an_identifier():
    text = "Trụ sở Công an xã A là một trong số 35 trụ sở công an cấp xã của toàn quốc vừa hoàn thành xây dựng."
    assert only(text, indicator_id="commune_police_hq_completed")["value"] == 35


def test_the_day_a_goal_is_set_for_does_not_date_a_figure_and_a_margin_is_no_share():
    found = only("Đến thời điểm này, Bộ Công an đã in trả 30 triệu thẻ căn cước, phấn đấu đến tháng 11 sẽ trả toàn bộ thẻ.")
    assert (found["value"], found["date"]) == (30000000, "2024-05")
    assert pairs("Bộ Công an cho biết số tài khoản định danh điện tử đã kích hoạt vượt 12,5% so với mục tiêu.") == []


def test_a_day_without_its_year_is_a_deadline_in_the_year_of_publication():
    found = only("Từ nay đến ngày 30/11, toàn quốc sẽ hoàn thành việc cấp thẻ căn cước công dân gắn chip cho 3.000.000 công dân.")
    assert (found["kind"], found["deadline"], found["value"]) == ("target", "2024-11-30", 3000000)


def test_the_act_right_before_a_figure_names_its_stage():
    text = ("Trong 20 ngày, toàn quốc đã thu nhận tài khoản định danh điện tử trên 195.300 hồ sơ; "
            "kích hoạt được trên 159.300 hồ sơ.")
    assert pairs(text) == [(195300, "eid_records_collected"), (159300, "eid_accounts_activated")]


def test_what_is_sought_what_remains_and_a_daily_rate_are_not_reports():
    assert pairs("Để bảo đảm 100% công dân trong độ tuổi được cấp thẻ căn cước công dân gắn chip, toàn quốc đã lập các tổ công tác.") == []
    assert pairs("Toàn quốc đã cấp 40 triệu thẻ căn cước công dân gắn chip; 3.500 thẻ căn cước công dân còn lại đều là của sinh viên.") \
        == [(40000000, "chip_id_cards_issued")]
    assert pairs("Trung bình mỗi ngày toàn quốc tiếp nhận, giải quyết gần 1.500 hồ sơ cấp thẻ căn cước công dân gắn chip.") == []


def test_where_the_ministry_holds_an_event_is_not_what_the_text_is_about():
    text = ("Chiều 17-11, tại Hà Nội, Bộ Công an tổ chức hội nghị về công an xã trên cả nước.\n\n"
            "Người đứng đầu ngành công an yêu cầu tăng cường trang bị cho công an xã trong tình hình mới, "
            "mục tiêu đến hết năm 2027, 100% công an xã được đầu tư, xây dựng trụ sở làm việc.")
    found = facts(text, kinds=("target",))
    # "tình hình" is no province ("tỉnh" folds to the same letters): the text's only place is a venue.
    assert [(p["unit"], p["value"], p["deadline"]) for p in found] == [("national", 100, "2027-12-31")]


def test_accordingly_takes_the_day_the_decision_before_takes_effect():
    text = ("Nghị quyết có hiệu lực từ 16/6/2027. Theo đó, sau khi sắp xếp, toàn quốc có 3.400 đơn vị hành chính cấp xã.")
    assert [(p["indicator_id"], p["date"]) for p in facts(text, published="2027-06-20")] == [
        ("commune_level_units", "2027-06-16")]


def test_communes_where_officers_were_sent_since_a_past_year():
    text = ("Thực hiện đề án sắp xếp tinh gọn bộ máy, từ giữa năm 2023 đến nay, toàn quốc đã điều động hơn 600 cán bộ, "
            "chiến sỹ về thực hiện nhiệm vụ tại 130/152 xã.")
    assert [(p["value"], p["indicator_id"], p["date"]) for p in facts(text)] == [
        (600, "commune_police_officers", "2024-05"), (130, "communes_with_regular_police", "2024-05")]


def test_what_a_count_of_people_or_customers_is_not():
    # Semi-professional police there now are not recruits; customers' records are no e-ID records;
    # commune police who resign are people, not units.
    assert pairs("Tổng số công an xã bán chuyên trách toàn quốc hiện nay có 1.596 đồng chí.") == []
    assert pairs("As of October 10, 2025, more than 132.4 million individual customer records (CIFs) have been "
                 "authenticated with VNeID electronic identification nationwide.") == []
    assert pairs("Toàn quốc có 108 công an xã xin nghỉ việc.") == []


def test_a_noun_cut_inside_a_compound_is_read_whole():
    text = "Trong ngày 14/2, toàn quốc đã thu nhận 988 hồ sơ cấp thẻ căn cước công dân gắn chip."
    assert pairs(text) == [(988, "chip_id_records_collected")]


def test_a_province_named_once_in_a_text_about_the_country_is_not_its_subject():
    text = ("Hỏi đáp về căn cước công dân\n\nCông Trình, 37 tuổi, Hòa Bình\n\nMục tiêu ban đầu của Bộ Công an: đến ngày 1/7/2027 sẽ cấp 50 triệu "
            "thẻ căn cước công dân trên toàn quốc.\n\nMục tiêu ban đầu đến ngày 1/7/2027 sẽ cấp 50 triệu thẻ căn cước công dân.")
    assert {p["unit"] for p in facts(text, kinds=("target",))} == {"national"}
    # ... but a province named in the title is the text's, and a rank among the provinces is no speaking of the country.
    titled = "Hà Tĩnh đẩy mạnh cấp căn cước\n\nĐến nay, toàn tỉnh đã cấp 500.000 thẻ căn cước.\n\nĐề án 06 được triển khai trên toàn quốc."
    assert {p["unit"] for p in facts(titled)} == {"ha-tinh"}
    ranked = "Hà Tĩnh là một trong những tỉnh đầu tiên của cả nước hoàn thành việc bố trí 900 cán bộ về các xã."
    assert {p["unit"] for p in facts(ranked)} == {"ha-tinh"}


def test_a_quota_a_condition_and_a_yearly_rate_are_not_reports():
    assert pairs("Toàn quốc đã thu nhận 33.920.141 hồ sơ căn cước công dân gắn chip (đạt 67,8% so với chỉ tiêu 50 triệu hồ sơ).") \
        == [(33920141, "chip_id_records_collected"), (67.8, "chip_id_completion_share")]
    assert pairs("Thời gian tới, nếu bố trí đủ 5 cán bộ công an chính quy về xã thì vấn đề này sẽ được giải quyết.") == []
    assert pairs("Toàn quốc ước tính kinh phí hỗ trợ công an xã gần 33 tỉ đồng/năm.") == []


def test_people_are_a_count_of_an_indicator_only_where_its_act_is_named():
    assert pairs("Toàn quốc xảy ra 390 vụ tai nạn giao thông, làm 195 người chết và 252 người bị thương.") == []
    assert pairs("Of those whose applications were received nationwide, 16,379 people received ID cards.") \
        == [(16379, "chip_id_cards_issued")]


def test_the_publishers_province_answers_for_one_the_sentence_does_not_name():
    text = "Đến nay, toàn tỉnh đã bố trí 300 cán bộ công an chính quy về các xã."
    units = lambda publisher: [p["unit"] for p in propose_text(text, "t.txt", "2024-05", publisher=publisher)  # noqa: E731
                               if p["kind"] == "observation"]
    assert units("Báo Hà Tĩnh") == ["ha-tinh"]
    assert units(None) == [None]
    # A city's paper reports on many provinces: it answers for "thành phố" only.
    assert units("Báo Pháp Luật TP.HCM (PLO)") == [None]
    city = "Đến nay, toàn thành phố đã bố trí 300 cán bộ công an chính quy về các xã."
    assert [p["unit"] for p in propose_text(city, "t.txt", "2024-05", publisher="Báo Pháp Luật TP.HCM (PLO)")
            if p["kind"] == "observation"] == ["ho-chi-minh"]


def test_headquarters_of_the_police_of_n_communes_and_a_span_of_years_as_deadline():
    assert pairs("Toàn quốc khánh thành trụ sở công an 36 xã.") == [(36, "commune_police_hq_completed")]
    found = facts("Phấn đấu năm 2025-2027 toàn quốc phải có ít nhất 30% công an phường đạt tiêu chí kiểu mẫu.", kinds=("target",))
    assert [(p["value"], p["deadline"]) for p in found] == [(30, "2027-12-31")]


def test_a_provincial_papers_figure_with_no_unit_is_its_province():
    text = "Đến nay đã bố trí 637 công an chính quy đảm nhiệm các chức danh công an xã."
    found = [p for p in propose_text(text, "t.txt", "2020-10-02", publisher="Truyền hình Đồng Tháp (THĐT)") if p["kind"] == "observation"]
    assert [(p["unit"], p["confidence"]) for p in found] == [("dong-thap", "low")]


def test_a_breakdown_opening_a_paragraph_runs_on_from_the_one_before():
    text = ("Kết quả cấp căn cước\n\nToàn quốc đã thu nhận 700.000 hồ sơ cấp căn cước công dân gắn chip.\n\n"
            "Trong đó, 666.541 thẻ đã được trả cho công dân.")
    assert pairs(text) == [(700000, "chip_id_records_collected"), (666541, "chip_id_cards_issued")]


@pytest.mark.parametrize("text, published, expected", [
    # a report "as of" a day without its year is no deadline
    ("Tính đến ngày 30/4, toàn quốc đã cấp 3.000 thẻ căn cước và phấn đấu hoàn thành sớm.", "2024-05-20",
     [("observation", 3000, "2024-04-30")]),
    # "Việt Nam 2021-2025" is no span of years of a deadline
    ("Chiến lược phát triển Việt Nam 2021-2025 phấn đấu 100% xã có công an chính quy.", "2024-05", []),
    # before the end of a month is that month's last day
    ("Trước cuối tháng 6/2024, toàn quốc phải cấp 5.000 thẻ căn cước.", "2024-03", [("target", 5000, "2024-06-30")]),
    # "trong một năm qua" is a span, not a rate; "đạt và vượt 100%" is a share reached
    ("Toàn quốc đã cấp 50.000 thẻ căn cước trong một năm qua.", "2024-05", [("observation", 50000, "2024-05")]),
    ("Toàn quốc đạt và vượt 100% chỉ tiêu thu nhận hồ sơ định danh điện tử.", "2024-05", [("observation", 100, "2024-05")]),
    # a goal restated after its deadline is still a goal
    ("Theo kế hoạch, đến ngày 30/6/2024 toàn quốc phải cấp 50 triệu thẻ căn cước.", "2024-07-05",
     [("target", 50000000, "2024-06-30")]),
    # "chia sẻ" is no "sẽ"; a month 13 is no deadline (and no error); 29 February a year on is the 28th
    ("Chia sẻ tại hội nghị ngày 15/4/2024, Bộ Công an cho biết đã cấp 500.000 thẻ căn cước.", "2024-05",
     [("observation", 500000, "2024-04-15")]),
    ("Đến tháng 13/2024, toàn quốc sẽ cấp 5.000 thẻ căn cước.", "2024-05", []),
    ("Toàn quốc sẽ cấp 50.000 thẻ căn cước trước ngày 29/2.", "2024-03-05", [("target", 50000, "2025-02-28")]),
    # not yet done, said before the figure
    ("Toàn quốc chưa kích hoạt được 150.000 tài khoản định danh điện tử.", "2024-05", []),
])
def test_the_reviews_cases(text, published, expected):
    found = facts(text, published=published)
    assert [(p["kind"], p["value"], p.get("date") or p.get("deadline")) for p in found] == expected


def test_a_province_is_not_lost_to_the_ministry_or_to_its_own_police_force():
    lead = "Công an tỉnh Hà Tĩnh tổng kết công tác năm.\n\n"
    for sentence in ("Giám đốc Công an tỉnh cho biết, năm 2023, ngành công an đã cấp 50.000 thẻ căn cước.",
                     "Năm 2023, Bộ Công an đã hỗ trợ kinh phí khánh thành 20 trụ sở công an xã cho địa phương.",
                     "Lực lượng công an, ngành công an đã khánh thành 20 trụ sở công an xã."):
        assert {p["unit"] for p in facts(lead + sentence)} == {"ha-tinh"}, sentence
    # ... and a venue is no subject in its own sentence either
    assert {p["unit"] for p in facts("Chiều 17-11, tại Hà Nội, Bộ Công an cho biết đã cấp 80 triệu thẻ căn cước.")} == {"national"}


def test_a_pages_address_names_its_province_when_its_publisher_does_not():
    from analysis.extract.proposals.home import home_unit
    address = "https://example.vn/phap-luat/100-so-xa-o-vinh-long-co-cong-an-chinh-quy-1023.html"
    assert home_unit(None, "2023-05", address) == ("vinh-long", "province")
    assert home_unit("Báo Hà Tĩnh", "2023-05", address) == ("ha-tinh", "province")  # the publisher first
    assert home_unit(None, "2023-05", "https://example.vn/them-1-tinh-bo-tri-100-cong-an-chinh-quy-836.html") == (None, None)
    # A page republished from an outlet that names its province, in brackets; an edition's note names none.
    assert home_unit("Vietnam.vn (Báo Hà Tĩnh)", "2023-05") == ("ha-tinh", "province")
    assert home_unit("Báo Lao Động (English edition)", "2023-05") == (None, None)
    text = "Đến nay, toàn tỉnh đã bố trí 300 cán bộ công an chính quy về các xã."
    found = propose_text(text, "t.txt", "2023-05", address=address)
    assert [p["unit"] for p in found if p["kind"] == "observation"] == ["vinh-long"]


def test_a_clause_of_purpose_anywhere_in_the_text():
    text = "Công an tỉnh Hà Tĩnh tổng kết.\n\nĐể bảo đảm 100% công dân được cấp thẻ căn cước công dân gắn chip, công an cấp huyện đã lập tổ công tác."
    assert pairs(text) == []


def test_a_number_of_cities_is_no_city_spoken_of():
    text = "Năm 2023, Bộ Công an xây dựng thí điểm tại 5 Công an phường của 5 thành phố trực thuộc Trung ương."
    assert [(p["unit"], p["value"]) for p in facts(text)] == [("national", 5)]


def test_the_office_where_a_ceremony_was_held_is_not_what_is_counted():
    text = ("Ngày 6/1, tại Công an TP. Bà Rịa, Công an tỉnh tổ chức lễ công bố quyết định về tổ chức công an xã "
            "chính quy cho 47 xã thuộc tỉnh BR-VT.")
    assert [(p["unit"], p["value"]) for p in facts(text, published="2022-01")] == [("ba-ria-vung-tau", 47)]
    assert facts("Tại huyện Tiên Phước, Công an tỉnh Quảng Nam đã khánh thành 3 trụ sở công an xã.") == []


def test_a_minimum_each_of_all_units_holds_is_no_total():
    text = "Đến nay, 100% Công an xã, thị trấn trên địa bàn đã bố trí ít nhất 5 cán bộ, chiến sĩ công an chính quy."
    assert [p["indicator_id"] for p in facts(text)] == ["communes_with_regular_police_share"]
    text = "Đến nay, Công an tỉnh đã bố trí ít nhất 500 cán bộ, chiến sĩ công an chính quy về xã."
    assert [p["value"] for p in facts(text)] == [500]


def test_the_xa_of_thi_xa_is_no_commune():
    text = ("Công an tỉnh công bố quyết định giải thể 10 đơn vị công an huyện, thị xã, thành phố; điều động hơn 900 "
            "đồng chí lãnh đạo, chỉ huy và cán bộ, chiến sĩ đến nhận công tác tại các đơn vị mới.")
    assert [p for p in facts(text) if p["indicator_id"] == "commune_police_officers"] == []


def test_parts_of_a_total_no_indicator_holds_are_no_facts():
    text = "Hiện mới chỉ có 12/200 Công an xã, thị trấn (5 xã và 7 thị trấn) có chỗ làm việc cơ bản đáp ứng yêu cầu."
    assert [p["value"] for p in facts(text)] == []


def test_a_count_since_the_start_of_the_year_is_a_flow_not_the_stock():
    text = ("Tính đến hết tháng 3/2025, toàn tỉnh đã kích hoạt thành công hơn 900 nghìn tài khoản định danh điện tử, "
            "riêng từ đầu năm đến nay đã kích hoạt được hơn 30 nghìn tài khoản.")
    assert [p["value"] for p in facts(text, published="2025-04-22")] == [900000]


def test_what_remains_is_not_done():
    text = "Trong số 3.500 CCCD còn lại đều là sinh viên, người đi làm ăn xa."
    assert facts(text, published="2021-06") == []


def test_a_share_above_the_whole_is_of_a_target():
    text = ("Hiện công dân đã kích hoạt được 900.000/800.000 tài khoản định danh điện tử mức 2, đạt 112% chỉ tiêu.")
    assert [(p["value"], p["indicator_id"]) for p in facts(text)][-1] == (112, "eid_target_share")
    text = "Hiện công dân đã kích hoạt được 900.000/800.000 tài khoản định danh điện tử, đạt 112%."
    assert (112, "eid_activation_share") not in [(p["value"], p["indicator_id"]) for p in facts(text)]


def test_units_that_completed_a_target_are_no_count_of_units():
    text = "Đến ngày 10-5, tỉnh có 13/13 đơn vị công an cấp huyện, 200/200 đơn vị công an cấp xã hoàn thành chỉ tiêu thu nhận hồ sơ."
    assert [p for p in facts(text) if p["indicator_id"] == "commune_police_units"] == []


def test_english_names_the_e_id_stage_after_the_counted_phrase():
    text = "As of June 28, 300,000 e-ID accounts were issued in the province and 200,000 of them have been activated."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2023-08")] == [
        (300000, "eid_accounts_issued"), (200000, "eid_accounts_activated")]
    text = "As of June 28, 2.5 million of the more than 3 million e-ID accounts created in the province have been activated."
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2023-08")] == [
        (2500000, "eid_accounts_activated"), (3000000, "eid_accounts_issued")]


def test_a_subject_past_the_next_figure_is_that_figures():
    text = ("Đến ngày 12/2/2024, toàn tỉnh đã thu nhận hồ sơ cấp CCCD cho công dân đủ điều kiện, với tổng số gần 900 nghìn "
            "hồ sơ và 500 nghìn hồ sơ cấp tài khoản ĐDĐT mức độ 2 cho người dân.")
    assert [(p["value"], p["indicator_id"]) for p in facts(text, published="2024-03")] == [
        (900000, "chip_id_records_collected"), (500000, "eid_records_collected")]


def test_an_as_of_date_after_a_campaigns_name_is_the_figures_not_the_documents():
    text = "Qua phong trào “Toàn dân tham gia Đề án 06”, đến ngày 12/2/2024, toàn tỉnh đã thu nhận gần 900 nghìn hồ sơ cấp CCCD."
    assert [p["date"] for p in facts(text, published="2024-03")] == ["2024-02-12"]


def test_a_captions_bar_ends_its_sentence():
    # A commune named in the caption before would make the figure the commune's, no province's.
    text = ("Tiêu đề\n\nCông an xã Thôn Mây đến tận nhà hướng dẫn người dân trong xã làm thủ tục hành chính. |\n"
            "Đến ngày 12/2/2024, toàn tỉnh đã thu nhận gần 900 nghìn hồ sơ cấp căn cước công dân.")
    assert [p["value"] for p in facts(text, published="2024-03")] == [900000]


def test_the_end_of_a_month_carried_from_the_sentence_before_is_its_last_day():
    text = ("Cục C06 cho biết đến hết tháng 6/2021, cơ quan chức năng đã cấp hơn 90 triệu số định danh cho công dân toàn quốc. "
            "Ngoài ra, công an cả nước đã nhận trên 50 triệu hồ sơ cấp căn cước công dân gắn chip.")
    assert [p["date"] for p in facts(text, published="2021-07")] == ["2021-06-30"]


def test_a_year_not_yet_over_at_publication_dates_by_the_publication():
    text = "Đây là 2 trụ sở công an xã đầu tiên được khởi công xây dựng trong năm 2022 trên địa bàn tỉnh."
    assert [p["date"] for p in facts(text, published="2022-10-07")] == ["2022-10-07"]
    assert [p["date"] for p in facts(text, published="2023-01-05")] == ["2022"]  # a year past is the figure's


def test_a_sentence_that_opens_with_each_shares_out_all_its_figures():
    text = ("Each commune is guaranteed to have 5 or more regular police officers, each town is assigned 6 or more "
            "regular police officers, and the border commune police are assigned 8 regular police officers.")
    assert facts(text) == []


def test_the_same_figure_again_with_its_unit_only_guessed_is_a_restatement():
    # The figures of a real report (Lao Động, 30 June 2025): a name is what is tested.
    text = ("Title\n\nAccordingly, after the arrangement, Gia Lai province will have 135 commune-level administrative units "
            "(including 110 communes, 25 wards).\n\nThe Decisions to appoint the Secretaries and Chairmen of the "
            "People's Committees of 135 new communes and wards have been announced.\n\nStarting tomorrow (July 1), the "
            "whole country will officially operate the 2-level local government model, and 135 communes and wards of "
            "the new province will start work.\n")
    found = [(p["unit"], p["value"]) for p in propose_text(text, "t.txt", "2025-06-30") if p["kind"] == "observation"]
    assert [f for f in found if f[1] == 135] == [("2025:gia-lai", 135)]


def test_granted_and_activated_is_the_later_stage():
    text = "Up to now, more than 62 million electronic identification accounts have been granted and activated nationwide."
    assert [p["indicator_id"] for p in facts(text, published="2025-04")] == ["eid_accounts_activated"]


def test_the_end_of_a_year_is_its_last_day():
    text = "Theo đó, tính đến hết năm 2019, toàn tỉnh đã bố trí được 233 đồng chí là công an chính quy về xã."
    assert [p["date"] for p in facts(text, published="2020-02")] == ["2019-12-31"]
    text = "By the end of 2019, the provincial police had assigned 233 regular police officers to communes."
    assert [p["date"] for p in facts(text, published="2020-02")] == ["2019-12-31"]


def test_communes_not_yet_staffed_are_not_done():
    text = ("Toàn tỉnh đã có 223 cán bộ chiến sỹ được điều động về đảm nhận các chức danh công an tại 75 xã. "
            "Hiện còn 72 xã, thị trấn chưa bố trí công an chính quy.")
    assert [p["value"] for p in facts(text, published="2019-06")] == [223, 75]
    text = "Hiện còn 204 Công an xã, thị trấn chưa có trụ sở làm việc."
    assert [p["indicator_id"] for p in facts(text, published="2021-09")] == ["commune_police_without_hq"]


def test_a_share_in_brackets_after_a_count_restates_it():
    text = "The provincial police have mobilized 900 regular police officers to 180 communes and towns (100%)."
    assert [(p["value"], p["indicator_id"]) for p in facts(text)] == [
        (900, "commune_police_officers"), (180, "communes_with_regular_police"), (100, "communes_with_regular_police_share")]


def test_a_goal_to_build_model_wards_is_to_have_them_recognised():
    text = "Mục tiêu đến năm 2030, xây dựng công an phường điển hình, kiểu mẫu về an ninh trật tự đối với 200 đơn vị công an phường."
    assert [(p["kind"], p["indicator_id"]) for p in facts(text, published="2023-07")] == [("target", "model_ward_police_recognised")]
    text = "Đến năm 2024, Công an tỉnh sẽ thí điểm xây dựng 2 đơn vị công an phường kiểu mẫu."
    assert [(p["kind"], p["indicator_id"]) for p in facts(text, published="2023-03")] == [("target", "model_ward_police_candidates")]


def test_a_level_of_government_is_no_province_spoken_of():
    text = ("The Government has approved the dossier for rearranging provincial and commune-level administrative units "
            "with 34 provincial-level administrative units and 3,000 commune-level units.")
    units = {p["unit"] for p in propose_text(text, "t.txt", "2025", publisher="Báo Nghệ An") if p["kind"] == "observation"}
    assert units == {"national"}  # the Government acts for the country; a level is no province


def test_officers_of_one_post_are_not_all_those_sent():
    text = ("Công an tỉnh đã lựa chọn 40 cán bộ bố trí Trưởng Công an cấp xã; 90 cán bộ là Phó Đội trưởng, "
            "Phó Trưởng Công an cấp xã đương nhiệm.")
    assert facts(text) == []
    text = "Công an tỉnh đã điều động 300 cán bộ đảm nhiệm chức danh Trưởng Công an xã, Phó Trưởng Công an xã và Công an viên."
    assert [p["value"] for p in facts(text)] == [300]
    assert facts("The provincial police have assigned 40 regular police officers as chiefs of commune police.") == []


def test_a_paragraph_that_turns_to_one_province_goes_on_about_it():
    text = ("The two provinces shared their experience. For Nam Dinh province, 25 public services have been deployed. "
            "By May 29, 2023, the whole province had collected 100% of citizen identification records.")
    found = propose_text(text, "t.txt", "2023-07-25", publisher="Vietnam.vn")
    assert [(p["unit"], p["value"]) for p in found if p["kind"] == "observation"] == [("nam-dinh", 100)]
    text = text.replace("For Nam Dinh province", "In the two provinces")
    found = propose_text(text, "t.txt", "2023-07-25", publisher="Vietnam.vn")
    assert [p["unit"] for p in found if p["kind"] == "observation"] == [None]


def test_bank_accounts_are_no_identity_figure():
    for text in ("Nam Dinh province has equipped 17 QR code readers for citizen identification cards. "
                 "The issuance of bank accounts for social security beneficiaries reached 34.3%.",
                 "Tỉnh Nam Định đã cấp căn cước công dân cho người dân. "
                 "Việc mở tài khoản ngân hàng cho người hưởng chính sách an sinh xã hội đạt 34,3%."):
        assert facts(text, published="2023-07-25") == []


def test_health_cards_integrated_in_the_app_are_no_identity_share():
    text = ("Tính đến ngày 22-3, tỉnh Nam Định kích hoạt 704.828 tài khoản VNeID mức 2, đạt 73,3% so với chỉ tiêu đề ra. "
            "Toàn tỉnh tích hợp 192.763 thẻ Bảo hiểm y tế trên ứng dụng VNeID, đạt 25,07% so với chỉ tiêu đề ra.")
    assert [(p["indicator_id"], p["value"]) for p in facts(text, published="2025-03-25") if p["value"] < 100] == [
        ("eid_target_share", 73.3)]


def test_communes_whose_police_posts_regular_officers_took():
    text = ("Đến nay Công an tỉnh Nam Định đã bố trí 637 người về đảm nhiệm các chức danh công an cấp xã, thị trấn "
            "ở 126/126 xã, thị trấn.")
    assert sorted(pairs(text)) == [(126, "communes_with_regular_police"), (637, "commune_police_officers")]


def test_a_target_met_is_a_figure_reached():
    def said(verb):
        return ("Implementing the project on mobilizing regular police to take on the positions of communal police in "
                f"Nam Dinh province, the Provincial Public Security {verb} the target of 100% of communal police being "
                "regular forces in 124/124 communes and towns.")
    assert sorted(pairs(said("has arranged to ensure"))) == [
        (100, "communes_with_regular_police_share"), (124, "communes_with_regular_police")]
    assert pairs(said("aims to meet")) == []


def test_a_bracket_holds_its_breakdown_across_a_semicolon():
    text = ("Sau sắp xếp, tỉnh Nam Định còn 19 đơn vị hành chính cấp xã (16 đơn vị mới; 3 đơn vị có thay đổi "
            "về diện tích tự nhiên).")
    assert pairs(text, published="2020-01-15") == [(19, "commune_level_units")]


def test_one_days_count_is_a_flow_not_the_stock():
    text = "Theo Công an tỉnh Nam Định, trong ngày 2-8, Công an các đơn vị đã thu nhận hơn 4.700 hồ sơ cấp căn cước."
    assert facts(text, published="2024-08-04") == []
    text = "Theo Công an tỉnh Nam Định, đến ngày 2-8, Công an các đơn vị đã thu nhận hơn 4.700 hồ sơ cấp căn cước."
    assert [p["value"] for p in facts(text, published="2024-08-04")] == [4700]


def test_units_counted_by_name():
    text = ("Ngày 20/5/2024, UBND tỉnh Nam Định khánh thành trụ sở Công an xã Giao An. "
            "Đây là trụ sở Công an xã đầu tiên trên địa bàn tỉnh.")
    only(text, indicator_id="commune_police_hq_completed", unit="nam-dinh", value=1)
    text = ("Năm 2023, Công an tỉnh Nam Định lựa chọn Công an phường Lộc Hạ và Công an phường Trần Tế Xương "
            "để xây dựng điểm mô hình Công an phường điển hình, kiểu mẫu.")
    only(text, indicator_id="model_ward_police_candidates", unit="nam-dinh", value=2, date="2023")
    # Any one headquarters named is a commune's event; a number that counts the named ones already counts them.
    assert facts("Ngày 20/5/2024, UBND tỉnh Nam Định khánh thành trụ sở Công an xã Giao An.") == []
    from analysis.extract.proposals.named_units import named_counts
    text = "Tỉnh Nam Định khánh thành trụ sở Công an xã Giao An, trụ sở công an xã đầu tiên của tỉnh, cùng 2 trụ sở khác."
    assert [q["value"] for q in named_counts(text, [])] == [1]
    assert named_counts(text, [{"start": text.index("2 trụ"), "unit": "trụ sở"}]) == []


def test_a_passive_with_its_agent_names_the_act():
    text = ("Đây là 2 nhà làm việc đầu tiên được khởi công, trong tổng số 30 nhà làm việc Công an xã trong tỉnh "
            "Nam Định được UBND tỉnh đầu tư xây dựng trong năm 2022.")
    assert (30, "commune_police_hq_funded") in pairs(text, published="2022-10-07")


def test_with_no_date_of_publication_the_lead_dates_the_event_when_it_writes_its_year():
    body = ("Ngày {day}, UBND xã Giao Thủy tổ chức lễ khởi công xây dựng trụ sở làm việc Công an xã trên địa bàn "
            "tỉnh Nam Định. Công trình có tổng mức đầu tư là hơn 10 tỉ đồng từ nguồn ngân sách tỉnh.")
    text = "Khởi công trụ sở Công an xã\n\n" + body.format(day="28/11/2023")
    assert [p["date"] for p in facts(text, published=None) if p["value"] == 10_000_000_000] == ["2023-11-28"]
    text = "Khởi công trụ sở Công an xã\n\n" + body.format(day="28/11")  # which year, the text does not say
    assert [p["date"] for p in facts(text, published=None) if p["value"] == 10_000_000_000] == [None]


def test_commanders_sent_with_officers_count_but_alone_are_one_post():
    sent = "Công an tỉnh Nam Định đã điều động 465 chỉ huy, cán bộ công an huyện về công an cấp xã."
    assert pairs(sent, published="2025-02-28") == [(465, "commune_police_officers")]
    posts = "Công an tỉnh Nam Định trao quyết định cho 6 chỉ huy Công an phường, xã theo sắp xếp mới."
    assert pairs(posts, published="2025-02-28") == []


def test_residents_and_people_count_where_the_act_is_named():
    text = ("By July 1, 2021, Nam Dinh police will issue the chip-based ID card for over 2.5 million residents "
            "of 14 years old and above.")
    assert [(p["kind"], p["value"], p["indicator_id"]) for p in facts(text, published="2021-03-01")] == [
        ("target", 2_500_000, "chip_id_cards_issued")]
    text = "Đến nay, toàn tỉnh Nam Định có hơn 1,2 triệu người dân đã đăng ký tài khoản VNeID."
    assert pairs(text, published="2025-06") == [(1_200_000, "eid_accounts_issued")]
    assert pairs("Nam Dinh has 1.8 million residents.", published="2025-06") == []


def test_the_country_named_as_the_subject_speaks_of_it():
    text = ("People complete procedures in Giao Thuy commune, Nam Dinh province.\n\n"
            "Currently, Vietnam has 10,035 commune-level administrative units, which will be consolidated.")
    assert [(p["unit"], p["value"]) for p in facts(text, published="2025-03-17")] == [("national", 10035)]


def test_a_total_named_as_one_is_no_part_and_a_partitive_is():
    text = ("As it stands, Nam Dinh has 10 district-level administrative units, including 1 city and 9 districts, "
            "with a total of 226 commune-level administrative units comprising 20 wards, 15 towns and 191 communes. "
            "Notably, 16 of these units are located in coastal areas.")
    assert pairs(text, published="2025-04-19") == [(226, "commune_level_units")]


def test_with_no_date_of_publication_a_lead_without_its_year_dates_nothing():
    text = ("Khởi công trụ sở Công an xã\n\nToday (May 2nd), the Ministry of Home Affairs submitted the plan, which "
            "refers to Resolution No. 76/2025/UBTVQH15 dated April 14, 2025. Nam Dinh province has 226 "
            "commune-level administrative units.")
    assert [p["date"] for p in facts(text, published=None)] == [None]


def test_a_deadline_this_year_after_the_figure_leaves_the_figure_its_noun():
    text = "Nam Dinh provincial police expects to issue chip-based ID cards to 1.5 million eligible citizens by 1 July this year."
    assert [(p["kind"], p["indicator_id"], p["value"], p["deadline"]) for p in facts(text, published="2021-03")] == [
        ("target", "chip_id_cards_issued", 1_500_000, "2021-07-01")]


def test_a_province_assigned_a_task_has_a_target():
    text = ("Nam Dinh is assigned by the Ministry of Public Security to finish issuing chip-based ID cards for "
            "1.2 million residents before April 30.")
    assert [(p["kind"], p["indicator_id"], p["unit"], p["deadline"]) for p in facts(text, published="2021-03-19")] == [
        ("target", "chip_id_cards_issued", "nam-dinh", "2021-04-30")]


def test_commune_police_who_leave_are_no_communes_with_regular_police():
    text = "Tỉnh Nam Định đã bố trí công việc mới cho công an xã bán chuyên trách; có 108 công an xã xin nghỉ việc."
    assert facts(text, published="2020-08") == []


def test_the_same_fact_dated_by_a_day_and_by_its_year_is_one():
    text = ("Chiều ngày 9/8/2023, Công an tỉnh Nam Định công bố quyết định công nhận Công an phường Lộc Hạ kiểu mẫu "
            "về an ninh, trật tự và văn minh đô thị.\nGiám đốc Công an tỉnh trao quyết định công nhận Công an phường "
            "Lộc Hạ điển hình, kiểu mẫu về an ninh, trật tự và văn minh đô thị năm 2023.")
    assert [(p["indicator_id"], p["value"], p["date"]) for p in facts(text, published="2023-08")] == [
        ("model_ward_police_recognised", 1, "2023-08-09")]


def test_each_unit_as_the_subject_shares_out_the_figure_across_its_commas():
    text = ("Thực hiện chỉ đạo “Năm 2021 mỗi tỉnh, thành trong toàn quốc lựa chọn xây dựng ít nhất 1 xã điển hình và "
            "1 phường điển hình”, tỉnh Nam Định đã triển khai điểm mô hình tại xã Giao Thủy.")
    assert facts(text, published="2021-06") == []


def test_the_city_of_a_provinces_text_is_one_of_its_cities():
    city_of_province = ("Công an tỉnh Nam Định và Thành ủy Nam Định tổ chức hội nghị. "
                        "100% công dân trên địa bàn thành phố được cấp căn cước công dân.")
    assert facts(city_of_province, published="2023-07") == []
    city_itself = ("Công an thành phố Hà Nội tổ chức hội nghị. "
                   "100% công dân trên địa bàn thành phố được cấp căn cước công dân.")
    assert [(p["unit"], p["value"]) for p in facts(city_itself, published="2023-07")] == [("ha-noi", 100)]
