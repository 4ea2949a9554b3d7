"""Targets: a quantity with a deadline in the same clause; observations are not targets."""

from __future__ import annotations

import pytest

from analysis.extract import extract_text


def targets(text: str) -> list[dict]:
    return [r for r in extract_text(text) if r["kind"] == "target"]


@pytest.mark.parametrize(
    "text, value, unit, comparator, deadline",
    [
        ("By the end of 2025, at least 30% of ward police units will meet the typical and model criteria.",
         30, "%", ">=", "2025-12-31"),
        ("Đến năm 2030 xây dựng 100% Công an phường đạt kiểu mẫu.", 100, "%", "=", "2030-12-31"),
        ("In the period of 2026 - 2030, build 100% of ward police units into model units.", 100, "%", "=", "2030-12-31"),
        ("Đến hết năm 2025 hoàn thành đầu tư xây dựng mới 184 trụ sở công an xã.", 184, "trụ sở công an xã", "=", "2025-12-31"),
        ("Localities have committed to allocating about 30,000 billion VND by 2030.", 30000000000000, "VND", "=", "2030-12-31"),
        ("Den nam 2030 xay dung 100% Cong an phuong dat chuan.", 100, "%", "=", "2030-12-31"),
        ("Senast 2025 ska minst 30 % av kommunpolisen ha lokaler.", 30, "%", ">=", "2025-12-31"),
        ("Dự kiến đến hết quý 2 năm 2021 sẽ cấp khoảng 560 nghìn thẻ căn cước.", 560000, "thẻ căn cước", "=", "2021-06-30"),
        ("The police will issue 500,000 ID cards by the end of quarter III of 2021.", 500000, "cards", "=", "2021-09-30"),
        ("Phấn đấu đến hết quý II/2021 sẽ cấp 560 nghìn thẻ căn cước.", 560000, "thẻ căn cước", "=", "2021-06-30"),
        ("Tỉnh sẽ cấp 560 nghìn thẻ căn cước trước quý 3 năm 2021.", 560000, "thẻ căn cước", "=", "2021-06-30"),
        ("Mục tiêu đến ngày 1-7-2021 sẽ cấp được 50 triệu thẻ căn cước.", 50000000, "thẻ căn cước", "=", "2021-07-01"),
    ],
)
def test_targets(text, value, unit, comparator, deadline):
    [t] = targets(text)
    assert (t["value"], t["unit"], t["comparator"], t["deadline"]) == (value, unit, comparator, deadline)
    assert t["indicator"] and t["scope"] == "national"
    assert t["text"] == text[t["start"] : t["end"]]


def test_indicator_names_what_is_measured():
    [t] = targets("By the end of 2025, at least 30% of ward police units will meet the typical and model criteria.")
    assert t["indicator"] == "ward police units meet typical and model criteria"


def test_scope_is_the_unit_named_or_the_documents_main_unit():
    [t] = targets("By 2025, at least 50% of ward police units in Hung Yen will meet the criteria.")
    assert t["scope"] == "hung-yen"
    text = "Công an tỉnh Phú Yên họp. Tỉnh Phú Yên đề ra mục tiêu. Đến năm 2030 xây dựng 100% Công an phường."
    assert targets(text)[0]["scope"] == "phu-yen"


@pytest.mark.parametrize(
    "text",
    [
        "By May 31, 2023, Binh Thuan province completed 100% of the target.",
        "Đến ngày 10/5/2023, Công an tỉnh đã hoàn thành 100% chỉ tiêu.",
        "In 2023 the province issued 40 decisions.",
        "The project runs in the period 2022 - 2025 with a 90-day peak.",
    ],
)
def test_observations_are_not_targets(text):
    assert targets(text) == []


def test_indicator_keeps_every_word_of_the_counted_noun():
    [found] = targets("Đến hết năm 2025 hoàn thành đầu tư xây dựng mới 184 trụ sở công an xã.")
    assert found["indicator"].endswith("trụ sở công an xã")


def test_scope_is_the_only_unit_the_text_names():
    text = ("Đến hết năm 2025 hoàn thành xây dựng mới 184 trụ sở công an xã.\n"
            "Nghị quyết về trụ sở công an xã thuộc Công an tỉnh Quảng Nam.")
    assert [t["scope"] for t in targets(text)] == ["quang-nam"]


def test_scope_stays_national_when_units_compete():
    text = "By 2030, 100% of commune police will have offices. Hà Tĩnh and Nghệ An met on it."
    assert [t["scope"] for t in targets(text)] == ["national"]


def test_a_deadline_at_the_end_of_a_month_or_of_a_written_day():
    from analysis.extract.pipeline import extract_text
    deadlines = lambda text: [r["deadline"] for r in extract_text(text, "t.txt", "2026-03") if r["kind"] == "target"]  # noqa: E731
    assert deadlines("Dự kiến đến cuối tháng 6-2026, toàn quốc sẽ cấp 5.000 thẻ.") == ["2026-06-30"]
    assert deadlines("Trước tháng 7/2026, toàn quốc phải cấp 5.000 thẻ.") == ["2026-06-30"]
    assert deadlines("Từ nay đến hết 31/12/2026, toàn quốc sẽ điều động 239 cán bộ.") == ["2026-12-31"]
    assert deadlines("Phấn đấu tới ngày 30/6, toàn quốc hoàn thành 5.000 thẻ.") == ["2026-06-30"]


def test_a_goal_named_so_is_a_target_though_its_day_has_passed():
    from analysis.extract.proposals.propose import propose_text

    text = "Mục tiêu của Bộ Công an là hoàn thành cấp 50 triệu thẻ căn cước công dân mới trước ngày 1/7/2021."
    found = [(p["kind"], p["value"], p.get("deadline")) for p in propose_text(text, "t.txt", "2021-07")
             if p["kind"] in ("observation", "target")]
    assert found == [("target", 50000000, "2021-06-30")]  # "trước ngày 1/7": by the day before


def test_the_end_of_a_period_counted_over_is_no_deadline():
    from analysis.extract.pipeline import extract_text
    deadlines = lambda text: [r["deadline"] for r in extract_text(text, "t.txt", "2026-09-25") if r["kind"] == "target"]  # noqa: E731
    assert deadlines("Từ ngày 19/8 đến 18/9, toàn quốc thu nhận hơn 45 nghìn hồ sơ.") == []
    assert deadlines("Đợt 1 (từ tháng 9-2025 đến tháng 1-2026), toàn quốc điều động 312 đồng chí.") == []
    # a period with a goal still ends at its deadline
    assert deadlines("Từ năm 2026 đến năm 2030, toàn quốc phấn đấu xây dựng 100 trụ sở.") == ["2030-12-31"]
