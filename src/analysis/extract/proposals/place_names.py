"""Places below and beside the provinces, as data/reference names them: the legacy districts (a
figure whose words name one bare is the district's, no unit of the briefs) and the centrally-run
cities, whose "TP X" is the province itself, as of a text's date."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.extract.fold import fold


@dataclass(frozen=True)
class PlaceNames:
    """What data/reference says of places below and beside the provinces: the legacy districts'
    names, written or folded, as one pattern (None without districts.csv), and the slugs of the
    centrally-run cities (units.csv), whose "TP X" is the province itself."""
    districts: re.Pattern | None
    cities: frozenset
    became_cities: tuple = ()  # (slug, since): a province that became such a city (Thừa Thiên Huế, 1 January 2025)

    def on(self, published: str | None) -> "PlaceNames":
        """The names as of a text's date: "TP Huế" in March 2025 is the province itself."""
        since = frozenset(slug for slug, day in self.became_cities if published and published >= day)
        return PlaceNames(self.districts, self.cities | since, self.became_cities)


def _rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=4)
def _place_names(reference: str, _stamp: tuple) -> PlaceNames:
    units = _rows(Path(reference) / "units.csv")
    provinces = {fold(r["name_vi"]).lower() for r in units}
    cities = frozenset(r["slug"] for r in units if r.get("type") == "centrally-run city")
    names = {r["name_vi"] for r in _rows(Path(reference) / "districts.csv")}
    # Two words at least ("Vinh" is also a word), and not a province's name ("Hà Tĩnh" city).
    names = {n for n in names if len(n.split()) >= 2 and fold(n).lower() not in provinces}
    forms = sorted(names | {fold(n) for n in names}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(" + "|".join(map(re.escape, forms)) + r")(?![\w])") if forms else None
    became = tuple((r["slug"], r["valid_from"]) for r in _rows(Path(reference) / "unit_types.csv")
                   if r.get("type") == "centrally-run city" and r.get("valid_from") and r["slug"] not in cities)
    return PlaceNames(pattern, cities, became)


def place_names(reference: Path) -> PlaceNames:
    """The PlaceNames of a reference folder, read once per version of its files: a figure whose
    words name a district bare ("Hưng Nguyên đã điều động 56 đồng chí") is the district's."""
    files = [reference / "districts.csv", reference / "units.csv", reference / "unit_types.csv"]
    stamp = tuple(p.stat().st_mtime_ns if p.is_file() else 0 for p in files)
    return _place_names(str(reference), stamp)
