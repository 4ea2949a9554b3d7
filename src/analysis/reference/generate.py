"""Write data/reference (the provincial units of both schemes) from the `vietnamadminunits` package.

    python -m analysis.reference [DIR]      # DIR defaults to the project's data/reference

Names, codes and the old-to-new mapping come from the package (its SQLite tables `admin_units_legacy`
and `admin_units`, and its converter's province table). English names, aliases, types with their dates
and one correction (Thừa Thiên Huế, below) are written here. The output is committed; run this again
only when the package or this file changes, and review the diff.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

from analysis.reference.names import bare_letter, normalise
from analysis.reference.units import CURRENT, LEGACY

LEGACY_END = "2025-06-30"
CURRENT_START = "2025-07-01"
CITY, PROVINCE = "centrally-run city", "province"

# English names that are not simply the Vietnamese short name without diacritics ("Hà Tĩnh" ->
# "Ha Tinh"), which is the form English-language government sites use for every other unit.
ENGLISH_NAMES = {
    "ha-noi": "Hanoi",
    "ho-chi-minh": "Ho Chi Minh City",
}

# Other names people write, for both schemes where the slug exists in both. Kinds: `name` (an official
# name the unit also had), `spelling` (another accepted spelling), `abbreviation` and `colloquial`
# (informal: resolved when typed, but risky to look for in running text; see units.INFORMAL_KINDS).
ALIASES = [
    ("ho-chi-minh", "HCMC", "abbreviation"),
    ("ho-chi-minh", "TPHCM", "abbreviation"),
    # Saigon: the city's former name, still everyday usage; at provincial level it means only HCMC.
    ("ho-chi-minh", "Sài Gòn", "colloquial"),
    ("ba-ria-vung-tau", "BR-VT", "abbreviation"),
    ("ba-ria-vung-tau", "Bà Rịa", "colloquial"),  # also the names of its two cities
    ("ba-ria-vung-tau", "Vũng Tàu", "colloquial"),
    ("thua-thien-hue", "TT-Huế", "abbreviation"),
    ("thua-thien-hue", "Thành phố Huế", "name"),  # its official name from 2025-01-01 to 2025-06-30
    ("bac-kan", "Bắc Cạn", "spelling"),
    ("dak-lak", "Đắc Lắc", "spelling"),
    ("dak-nong", "Đắc Nông", "spelling"),
]

# The package's legacy table already shows Thừa Thiên Huế as "Thành phố Huế": it became a centrally-run
# city on 2025-01-01, six months before the merger. The legacy scheme keeps it under the name it carried
# for nearly all its life (and in nearly every document): "Tỉnh Thừa Thiên Huế", slug thua-thien-hue;
# unit_types.csv records the change of type and name.
THUA_THIEN_HUE = {"slug": "thua-thien-hue", "name_vi": "Thừa Thiên Huế", "official_name_vi": "Tỉnh Thừa Thiên Huế",
                  "type": PROVINCE}
EXTRA_TYPES = [
    (LEGACY, "thua-thien-hue", CITY, "Thành phố Huế", "2025-01-01", LEGACY_END),
]
THUA_THIEN_HUE_PROVINCE_END = "2024-12-31"


def ascii_name(text: str) -> str:
    """Drop diacritics, keeping case: "Đắk Lắk" -> "Dak Lak"."""
    return "".join(map(bare_letter, unicodedata.normalize("NFC", text)))


def slug_of(name_vi: str) -> str:
    return normalise(name_vi).replace(" ", "-")


def package_units() -> tuple[list[dict], list[dict], dict[str, list[str]]]:
    """(legacy rows, 2025 rows, 2025 province key -> legacy province keys) from vietnamadminunits."""
    from vietnamadminunits.converter.converter_2025 import DICT_PROVINCE
    from vietnamadminunits.database import query

    sql = ("SELECT DISTINCT province, provinceShort, provinceCode, provinceKey, provinceAlias, provinceLat, provinceLon "
           "FROM {} ORDER BY provinceCode")
    return query(sql.format("admin_units_legacy")), query(sql.format("admin_units")), DICT_PROVINCE


def build_tables() -> dict[str, list[dict]]:
    legacy_rows, current_rows, merged_from = package_units()
    units, by_key, aliases, centroids = [], {}, [], []
    for scheme, rows in ((LEGACY, legacy_rows), (CURRENT, current_rows)):
        for row in rows:
            unit = {
                "scheme": scheme,
                "code": row["provinceCode"],
                "slug": slug_of(row["provinceShort"]),
                "name_vi": row["provinceShort"],
                "official_name_vi": row["province"],
                "type": CITY if row["province"].startswith("Thành phố ") else PROVINCE,
                "valid_from": "" if scheme == LEGACY else CURRENT_START,
                "valid_to": LEGACY_END if scheme == LEGACY else "",
            }
            if scheme == LEGACY and unit["code"] == "46":
                unit.update(THUA_THIEN_HUE)
            unit["name_en"] = ENGLISH_NAMES.get(unit["slug"], ascii_name(unit["name_vi"]))
            units.append(unit)
            by_key[scheme, row["provinceKey"]] = unit
            # Centroids feed the schematic map (dots, never boundaries).
            centroids.append({"scheme": scheme, "slug": unit["slug"],
                              "lat": round(float(row["provinceLat"]), 4), "lon": round(float(row["provinceLon"]), 4)})
            for alias in package_aliases(row["provinceAlias"]):  # the package's own: hn, hcm, baria, vungtau
                kind = "abbreviation" if len(alias) <= 3 else "colloquial"
                aliases.append({"scheme": scheme, "slug": unit["slug"], "alias": alias, "kind": kind,
                                "source": "vietnamadminunits"})
    slugs = {(u["scheme"], u["slug"]) for u in units}
    for slug, alias, kind in ALIASES:
        for scheme in (LEGACY, CURRENT):
            if (scheme, slug) in slugs:
                aliases.append({"scheme": scheme, "slug": slug, "alias": alias, "kind": kind,
                                "source": "analysis.reference"})

    crosswalk = []
    for current_key, legacy_keys in merged_from.items():
        new = by_key[CURRENT, current_key]
        for legacy_key in legacy_keys:
            old = by_key[LEGACY, legacy_key]
            crosswalk.append({"legacy_code": old["code"], "legacy_slug": old["slug"], "legacy_name_vi": old["name_vi"],
                              "current_code": new["code"], "current_slug": new["slug"],
                              "current_name_vi": new["name_vi"]})
    crosswalk.sort(key=lambda r: r["legacy_code"])

    types = []
    for u in units:
        end = THUA_THIEN_HUE_PROVINCE_END if u["scheme"] == LEGACY and u["slug"] == "thua-thien-hue" else u["valid_to"]
        types.append({"scheme": u["scheme"], "slug": u["slug"], "type": u["type"],
                      "official_name_vi": u["official_name_vi"], "valid_from": u["valid_from"], "valid_to": end})
    for scheme, slug, kind, name, start, end in EXTRA_TYPES:
        types.append({"scheme": scheme, "slug": slug, "type": kind, "official_name_vi": name,
                      "valid_from": start, "valid_to": end})
    types.sort(key=lambda r: (r["scheme"], r["slug"], r["valid_from"]))
    units.sort(key=lambda u: (u["scheme"] != LEGACY, u["code"]))
    aliases.sort(key=lambda r: (r["scheme"], r["slug"], r["alias"]))
    centroids.sort(key=lambda r: (r["scheme"], r["slug"]))
    tables = {"units": units, "crosswalk": crosswalk, "unit_types": types, "aliases": aliases,
              "centroids": centroids, "districts": package_districts({u["code"]: u["slug"] for u in units
                                                                       if u["scheme"] == LEGACY})}
    check(tables)
    return tables


def package_districts(legacy_slug_of: dict[str, str]) -> list[dict]:  # code -> slug
    """The legacy district-level units (huyện, quận, thị xã, provincial cities) under each legacy
    province: what the fact proposer holds back as smaller than the briefs' units."""
    from vietnamadminunits.database import query

    rows = query("SELECT DISTINCT provinceCode, districtShort, districtType, districtCode "
                 "FROM admin_units_legacy ORDER BY provinceCode, districtCode")
    return [{"province_slug": legacy_slug_of[r["provinceCode"]], "name_vi": r["districtShort"],
             "type": r["districtType"]} for r in rows]


def package_aliases(value: str | None) -> list[str]:
    """The package stores aliases as a JSON list in a text column."""
    return json.loads(value) if value else []


def check(tables: dict[str, list[dict]]) -> None:
    """Sanity checks on what the package gave us; any failure stops before a file is written."""
    units, crosswalk = tables["units"], tables["crosswalk"]
    problems = []
    for scheme, count, cities in ((LEGACY, 63, 5), (CURRENT, 34, 6)):
        rows = [u for u in units if u["scheme"] == scheme]
        if len(rows) != count:
            problems.append(f"{scheme}: {len(rows)} units, expected {count}")
        if sum(u["type"] == CITY for u in rows) != cities:
            problems.append(f"{scheme}: expected {cities} centrally-run cities")
        for field in ("slug", "code"):
            if len({u[field] for u in rows}) != len(rows):
                problems.append(f"{scheme}: duplicate {field}")
    for u in units:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", u["slug"]) or not re.fullmatch(r"\d\d", u["code"]):
            problems.append(f"bad slug or code: {u}")
    legacy_slugs = sorted(u["slug"] for u in units if u["scheme"] == LEGACY)
    if sorted(r["legacy_slug"] for r in crosswalk) != legacy_slugs:
        problems.append("the crosswalk does not list every legacy unit exactly once")
    if len({r["current_slug"] for r in crosswalk}) != 34:
        problems.append("the crosswalk does not reach all 34 units")
    if problems:
        raise SystemExit("analysis.reference: " + "; ".join(problems))


COLUMNS = {
    "units": ["scheme", "code", "slug", "name_vi", "official_name_vi", "name_en", "type", "valid_from", "valid_to"],
    "crosswalk": ["legacy_code", "legacy_slug", "legacy_name_vi", "current_code", "current_slug", "current_name_vi"],
    "unit_types": ["scheme", "slug", "type", "official_name_vi", "valid_from", "valid_to"],
    "aliases": ["scheme", "slug", "alias", "kind", "source"],
    "centroids": ["scheme", "slug", "lat", "lon"],
    "districts": ["province_slug", "name_vi", "type"],
}


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, rows in build_tables().items():
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, COLUMNS[name], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        folder = Path(argv[0])
    else:
        from analysis.paths import ProjectPaths

        folder = ProjectPaths.at().reference
    for path in write(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
