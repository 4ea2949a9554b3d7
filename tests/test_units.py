"""The provincial units of both schemes, the crosswalk, and the name resolver."""

from __future__ import annotations

import csv
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from analysis.errors import InputError
from analysis.reference.names import fold, normalise
from analysis.reference.units import (
    AmbiguousUnit,
    Units,
    UnitNotFound,
    load_units,
    units_command,
)

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO / "data" / "reference"
FIXTURE = Path(__file__).parent / "fixtures" / "domain_crosswalk.tsv"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def units() -> Units:
    return load_units(REFERENCE)


def all_units():
    return load_units(REFERENCE).all()


# --- the tables -------------------------------------------------------------------------------------


def test_counts(units):
    assert len(units.legacy()) == 63
    assert len(units.current()) == 34
    assert len(units.all()) == 97
    assert sum(u.type == "centrally-run city" for u in units.current()) == 6


def test_slugs_follow_the_rule(units):
    for unit in units.all():
        assert SLUG.match(unit.slug), unit
        assert re.fullmatch(r"\d\d", unit.code), unit
    for scheme in (units.legacy(), units.current()):
        assert len({u.slug for u in scheme}) == len({u.code for u in scheme}) == len(scheme)
    assert units.get("ba-ria-vung-tau").scheme == "legacy"
    assert units.get("hue").official_name_vi == "Thành phố Huế"
    assert units.get("thua-thien-hue").official_name_vi == "Tỉnh Thừa Thiên Huế"


def test_validity_dates(units):
    assert {u.valid_to for u in units.legacy()} == {date(2025, 6, 30)}
    assert {u.valid_from for u in units.current()} == {date(2025, 7, 1)}


def test_types_change_with_dates(units):
    tth = units.get("thua-thien-hue", "legacy")
    assert units.type_on(tth, date(2024, 12, 31)) == "province"
    assert units.type_on(tth, date(2025, 1, 1)) == "centrally-run city"
    assert units.type_on(tth, date(2025, 7, 1)) is None
    assert units.type_on("hue", date(2025, 7, 1)) == "centrally-run city"


def test_every_legacy_unit_maps_to_exactly_one_current_unit(units):
    pairs = units.crosswalk()
    assert sorted(old.slug for old, _ in pairs) == sorted(u.slug for u in units.legacy())
    assert {new.slug for _, new in pairs} == {u.slug for u in units.current()}
    assert all(new.scheme == "2025" for _, new in pairs)
    # legacy_of is the inverse, and an unmerged unit lists itself
    assert sum(len(units.legacy_of(u)) for u in units.current()) == 63
    assert [u.slug for u in units.legacy_of("ha-tinh")] == ["ha-tinh"]
    assert [u.slug for u in units.legacy_of("ninh-binh")] == ["ha-nam", "nam-dinh", "ninh-binh"]


def parse_domain_table() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(code, name, [(legacy name, legacy code), ...]) from the DOMAIN.md table, as copied."""
    with FIXTURE.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    assert rows[0] == ["code", "unit from 2025-07-01", "formed from (old code)"]
    table = []
    for code, name, formed_from in rows[1:]:
        parts = re.findall(r"\s*([^,(]+?) \((\d\d)\)\s*(?:,|$)", formed_from)
        assert ", ".join(f"{n} ({c})" for n, c in parts) == formed_from  # the whole cell was parsed
        table.append((code, name, parts))
    assert len(table) == 34
    return table


def test_crosswalk_equals_the_domain_table(units):
    expected = set()
    for code, name, parts in parse_domain_table():
        current = units.by_code(code, "2025")
        assert name in (current.name_vi, current.official_name_vi)
        for old_name, old_code in parts:
            old = units.by_code(old_code, "legacy")
            assert normalise(old.name_vi) == normalise(old_name)
            expected.add((old.slug, old.code, current.slug, current.code))
    found = {(old.slug, old.code, new.slug, new.code) for old, new in units.crosswalk()}
    assert found == expected
    assert len(found) == 63


def test_committed_tables_match_the_generator(tmp_path):
    from analysis.reference.generate import write

    for path in write(tmp_path):
        assert path.read_text(encoding="utf-8") == (REFERENCE / path.name).read_text(encoding="utf-8"), path.name


# --- resolving --------------------------------------------------------------------------------------


@pytest.mark.parametrize("unit", all_units(), ids=lambda u: u.id)
def test_every_unit_resolves_by_every_name(units, unit):
    forms = [unit.official_name_vi, unit.name_vi, normalise(unit.name_vi), unit.slug, unit.name_en]
    for form in forms:
        # without a scheme: the unit itself, or (same name in both schemes) its 2025 self
        found = units.resolve(form)
        assert found.unit == unit or (found.unit.scheme == "2025" and units.current_of(unit) == found.unit), form
        assert units.resolve_in(form, unit.scheme).unit == unit, form
        assert units.resolve(form).current == units.current_of(unit)
    assert units.resolve(f"{unit.scheme}:{unit.code}").unit == unit


@pytest.mark.parametrize(
    "name, slug, scheme, current",
    [
        ("Ho Chi Minh City", "ho-chi-minh", "2025", "ho-chi-minh"),
        ("HCMC", "ho-chi-minh", "2025", "ho-chi-minh"),
        ("TP. Hồ Chí Minh", "ho-chi-minh", "2025", "ho-chi-minh"),
        ("TP.HCM", "ho-chi-minh", "2025", "ho-chi-minh"),
        ("Saigon", "ho-chi-minh", "2025", "ho-chi-minh"),
        ("Hue", "hue", "2025", "hue"),
        ("Hue City", "hue", "2025", "hue"),
        ("Thua Thien Hue", "thua-thien-hue", "legacy", "hue"),
        ("Thừa Thiên - Huế", "thua-thien-hue", "legacy", "hue"),
        ("Ba Ria - Vung Tau", "ba-ria-vung-tau", "legacy", "ho-chi-minh"),
        ("Bà Rịa–Vũng Tàu", "ba-ria-vung-tau", "legacy", "ho-chi-minh"),
        ("Tỉnh Hà Tĩnh", "ha-tinh", "2025", "ha-tinh"),
        ("tinh ha tinh", "ha-tinh", "2025", "ha-tinh"),
        ("Ha Tinh province", "ha-tinh", "2025", "ha-tinh"),
        ("province of Ha Tinh", "ha-tinh", "2025", "ha-tinh"),
        ("HA-TINH", "ha-tinh", "2025", "ha-tinh"),
        ("hà  tĩnh", "ha-tinh", "2025", "ha-tinh"),
        ("ha_tinh", "ha-tinh", "2025", "ha-tinh"),
        ("Hanoi", "ha-noi", "2025", "ha-noi"),
        ("Thành phố Hà Nội", "ha-noi", "2025", "ha-noi"),
        ("Danang", "da-nang", "2025", "da-nang"),
        ("Thanh Hoá", "thanh-hoa", "2025", "thanh-hoa"),  # old-style tone placement
        ("Tỉnh Hải Dương", "hai-duong", "legacy", "hai-phong"),
        ("Quang Nam", "quang-nam", "legacy", "da-nang"),
        ("Quang Ninh", "quang-ninh", "2025", "quang-ninh"),
        ("Đắk Lắk", "dak-lak", "2025", "dak-lak"),
        ("Dak Lak", "dak-lak", "2025", "dak-lak"),
    ],
)
def test_spellings(units, name, slug, scheme, current):
    found = units.resolve(name)
    assert (found.unit.slug, found.unit.scheme, found.current.slug) == (slug, scheme, current)


@pytest.mark.parametrize(
    "legacy, current",
    [("hai-duong", "hai-phong"), ("ha-giang", "tuyen-quang"), ("thua-thien-hue", "hue"), ("ha-tinh", "ha-tinh"),
     ("kon-tum", "quang-ngai"), ("long-an", "tay-ninh"), ("binh-duong", "ho-chi-minh")],
)
def test_legacy_to_current(units, legacy, current):
    assert units.current_of(legacy).slug == current
    assert units.current_of(units.get(legacy, "legacy")).slug == current
    assert units.resolve(legacy).current.slug == current
    assert units.get(legacy, "legacy") in units.legacy_of(current)


def test_codes_travel_with_their_scheme(units):
    assert units.resolve("15", scheme="legacy").unit.name_vi == "Yên Bái"
    assert units.resolve("15", scheme="2025").unit.name_vi == "Lào Cai"
    assert units.resolve("15").unit.name_vi == "Lào Cai"  # a bare code is read in the 2025 scheme
    assert units.resolve("legacy:15").current.name_vi == "Lào Cai"
    assert units.by_code(24, "legacy").name_vi == "Bắc Giang"
    assert units.by_code("24").name_vi == "Bắc Ninh"
    with pytest.raises(UnitNotFound, match="no unit with code"):
        units.resolve("02")  # Hà Giang's code, not used since 2025-07-01


def test_same_name_in_both_schemes(units):
    assert units.resolve("Hà Tĩnh").unit.scheme == "2025"
    assert units.resolve_in("Hà Tĩnh", "legacy").unit.scheme == "legacy"
    assert units.resolve_in("Huế", "legacy").unit.slug == "thua-thien-hue"  # its name in 2025-01..06
    with pytest.raises(UnitNotFound, match="now part of hai-phong"):
        units.resolve_in("Hải Dương", "2025")
    with pytest.raises(ValueError):
        units.resolve("Hà Tĩnh", scheme="1975")


def test_unknown_name_names_the_closest_matches(units):
    with pytest.raises(UnitNotFound) as caught:
        units.resolve("Ha Tnh")
    message = str(caught.value)
    assert message.startswith('unknown unit "Ha Tnh": closest matches: Hà Tĩnh (ha-tinh)')
    assert isinstance(caught.value, LookupError)
    with pytest.raises(UnitNotFound, match="no close matches"):
        units.resolve("Stockholm")
    with pytest.raises(UnitNotFound):
        units.resolve("")
    with pytest.raises(UnitNotFound):
        units.resolve("Tỉnh")


def test_no_two_units_fold_alike(units):
    """Checked on the real data: only one lineage shares a form ("hue": Huế and Thừa Thiên Huế)."""
    for form, found in units.name_variants().items():
        lineage = {units.current_of(u) for u in found}
        assert len(lineage) == 1, form
        units.resolve(form)  # never ambiguous


def test_names_that_fold_alike_are_ambiguous_unless_marked(tmp_path):
    """A made-up legacy unit "Hạ Tĩnh" folds like Hà Tĩnh: the ASCII form names both, the marks decide."""
    folder = tmp_path / "reference"
    shutil.copytree(REFERENCE, folder)
    with (folder / "units.csv").open("a", encoding="utf-8") as handle:
        handle.write("legacy,99,ha-tinh-x,Hạ Tĩnh,Tỉnh Hạ Tĩnh,Ha Tinh X,province,,2025-06-30\n")
    with (folder / "crosswalk.csv").open("a", encoding="utf-8") as handle:
        handle.write("99,ha-tinh-x,Hạ Tĩnh,40,nghe-an,Nghệ An\n")
    units = load_units(folder)
    with pytest.raises(AmbiguousUnit) as caught:
        units.resolve("Ha Tinh")
    assert "ha-tinh, 2025" in str(caught.value) and "ha-tinh-x, legacy" in str(caught.value)
    assert units.resolve("Hạ Tĩnh").unit.slug == "ha-tinh-x"
    assert units.resolve("Tỉnh Hà Tĩnh").unit.slug == "ha-tinh"
    assert units.resolve("ha-tinh-x").current.slug == "nghe-an"


# --- text helpers and name variants ---------------------------------------------------------------


def test_normalise_and_fold():
    assert normalise("Thành phố  Hồ Chí Minh") == "thanh pho ho chi minh"
    assert normalise("Bà Rịa-Vũng Tàu") == normalise("BA_RIA.VUNG TAU") == "ba ria vung tau"
    assert normalise("ĐẮK LẮK") == "dak lak"
    assert normalise("Ha\u0300 Ti\u0303nh") == "ha tinh"  # decomposed input
    text = "Tỉnh Đắk Lắk và TP. Hồ Chí Minh"
    assert len(fold(text)) == len(text)
    assert fold(text) == "tinh dak lak va tp. ho chi minh"


def test_name_variants(units):
    variants = units.name_variants()
    assert variants["ha tinh"][0].scheme == "2025"  # preferred first
    assert [u.slug for u in variants["hai duong"]] == ["hai-duong"]
    assert variants["danang"][0].slug == "da-nang"
    assert variants["hue"][0].slug == "hue"
    assert "hcmc" in variants and "hcmc" not in units.name_variants(informal=False)
    assert "sai gon" not in units.name_variants(informal=False)
    assert all(k == normalise(k) for k in variants)
    # every unit is reachable, and every key resolves to the first unit listed
    assert {u for found in variants.values() for u in found} == set(units.all())
    for form, found in variants.items():
        assert units.resolve(form).unit == found[0], form


# --- loading and the command ----------------------------------------------------------------------


def test_load_is_cached_per_folder(tmp_path):
    assert load_units(REFERENCE) is load_units(str(REFERENCE))
    with pytest.raises(InputError, match="units.csv"):
        load_units(tmp_path)


def test_units_command(capsys):
    assert units_command(["Tỉnh Hải Dương", "HCMC", "legacy:15"], root=str(REPO)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "Tỉnh Hải Dương -> hai-duong (legacy, 30) Hải Dương / Hai Duong; current: hai-phong",
        "HCMC -> ho-chi-minh (2025, 79) Hồ Chí Minh / Ho Chi Minh City; current: ho-chi-minh",
        "legacy:15 -> yen-bai (legacy, 15) Yên Bái / Yen Bai; current: lao-cai",
    ]
    assert units_command(["Hue", "Ha Tnh"], root=str(REPO)) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("Hue -> hue (2025, 46)")
    assert captured.err.count("\n") == 1 and "closest matches: Hà Tĩnh (ha-tinh)" in captured.err
    assert "Traceback" not in captured.err
