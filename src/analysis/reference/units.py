"""Vietnam's provincial units in both schemes, and a resolver from any spelling of their names.

Two schemes: `legacy` (the 63 units in force before 2025-07-01) and `2025` (the 34 after). A unit is
identified by (scheme, slug); a unit that did not merge keeps its slug in both schemes. Codes are the
statistics office's 2-digit codes and mean nothing without their scheme (15 was Yên Bái, is Lào Cai).

    units = load_units()
    r = units.resolve("Tỉnh Hải Dương")   # r.unit: hai-duong (legacy), r.current: hai-phong (2025)
    units.resolve("15", scheme="legacy")  # Yên Bái; a bare code is read in the 2025 scheme

A name found in both schemes (an unchanged unit such as Hà Tĩnh) resolves to the 2025 unit. The data
comes from data/reference (written by `python -m analysis.reference`), loaded once per folder.
"""

from __future__ import annotations

import csv
import difflib
import re
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from analysis.errors import InputError
from analysis.reference.names import _keys, normalise

CURRENT = "2025"
LEGACY = "legacy"
SCHEMES = (CURRENT, LEGACY)  # also the order of preference when a name exists in both

# Kinds of alias (data/reference/aliases.csv) that are shorthand or colloquial: fine to resolve when a
# person types them, riskier to hunt for in running text ("HN", "Sài Gòn").
INFORMAL_KINDS = frozenset({"abbreviation", "colloquial"})


class UnitNotFound(LookupError):
    """No unit answers to a name (or a code); the message names the closest matches."""

    def __init__(self, message: str, name: str = "", candidates: tuple["Unit", ...] = ()):
        super().__init__(message)
        self.name = name
        self.candidates = candidates


class AmbiguousUnit(UnitNotFound):
    """More than one unit answers to a name; `candidates` holds them all."""


@dataclass(frozen=True)
class Unit:
    slug: str
    scheme: str  # "legacy" or "2025"
    code: str  # 2-digit statistics office code, meaningful only with `scheme`
    name_vi: str  # short name with diacritics: "Hà Tĩnh"
    official_name_vi: str  # "Tỉnh Hà Tĩnh", "Thành phố Hà Nội"
    name_en: str
    type: str  # "province" or "centrally-run city": the type that goes with official_name_vi
    valid_from: date | None = None  # None: in force since before the period this project covers
    valid_to: date | None = None  # None: still in force

    @property
    def id(self) -> str:
        return f"{self.scheme}:{self.slug}"

    def __str__(self) -> str:
        return f"{self.name_vi} ({self.slug}, {self.scheme})"


@dataclass(frozen=True)
class Resolution:
    unit: Unit  # the unit named
    current: Unit  # the 2025 unit it is (or became part of)


def _date(value: str) -> date | None:
    return date.fromisoformat(value) if value else None


# --- the units ---------------------------------------------------------------------------------------


class Units:
    """Every unit of both schemes, the crosswalk between them, and name lookup. Build with load_units()."""

    def __init__(self, units: list[Unit], crosswalk: dict[str, str], aliases: list[tuple[str, str, str, str]],
                 types: list[tuple[str, str, str, str, date | None, date | None]]):
        self._units = {u.id: u for u in units}
        self._by_code = {(u.scheme, u.code): u for u in units}
        self._types = types
        # current unit of every unit (2025 units map to themselves)
        self._current = {u.id: u for u in units if u.scheme == CURRENT}
        for legacy_slug, current_slug in crosswalk.items():
            self._current[f"{LEGACY}:{legacy_slug}"] = self._units[f"{CURRENT}:{current_slug}"]
        for unit in units:
            self._current[unit.id]  # KeyError (reported by load_units) for a legacy unit not in the crosswalk
        # surface forms: (unit, text, formal?) for names, slugs, English names and aliases
        forms: list[tuple[Unit, str, bool]] = []
        for u in units:
            ascii_name = normalise(u.name_vi)
            forms += [(u, t, True) for t in (u.official_name_vi, u.name_vi, ascii_name, u.slug, u.name_en)]
        for scheme, slug, alias, kind in aliases:
            forms.append((self._units[f"{scheme}:{slug}"], alias, kind not in INFORMAL_KINDS))
        # index key -> units, in order of preference; keys both spaced and compact ("danang")
        self._folded: dict[str, list[Unit]] = {}
        self._marked: dict[str, list[Unit]] = {}  # keys with diacritics only
        self._formal: set[tuple[str, str]] = set()  # (folded key, unit id) reachable by a formal form
        self._spaced: set[str] = set()  # folded keys as written, for suggesting close matches
        for unit, text, formal in forms:
            folded, marked = _keys(text)
            self._spaced.add(folded)
            for key in {folded, folded.replace(" ", "")}:
                _add(self._folded, key, unit)
                if formal:
                    self._formal.add((key, unit.id))
            if marked != folded:
                _add(self._marked, marked, unit)
        for index in (self._folded, self._marked):
            for found in index.values():
                found.sort(key=lambda u: (SCHEMES.index(u.scheme), u.code))

    # listing

    def current(self) -> list[Unit]:
        """The 34 units from 2025-07-01, by code."""
        return self._list(CURRENT)

    def legacy(self) -> list[Unit]:
        """The 63 units before 2025-07-01, by code."""
        return self._list(LEGACY)

    def all(self) -> list[Unit]:
        """All 97 units: the 2025 ones, then the legacy ones."""
        return self.current() + self.legacy()

    def _list(self, scheme: str) -> list[Unit]:
        return sorted((u for u in self._units.values() if u.scheme == scheme), key=lambda u: u.code)

    # direct lookups

    def get(self, slug: str, scheme: str | None = None) -> Unit:
        """The unit with this exact slug (the 2025 one when the slug is in both schemes)."""
        for s in (scheme,) if scheme else SCHEMES:
            unit = self._units.get(f"{_check_scheme(s)}:{slug}")
            if unit:
                return unit
        raise self._not_found(slug, scheme)

    def by_code(self, code: str | int, scheme: str = CURRENT) -> Unit:
        """The unit with this statistics office code in `scheme` ("15", "legacy" -> Yên Bái)."""
        key = f"{int(code):02d}" if str(code).strip().isdigit() else str(code)
        unit = self._by_code.get((_check_scheme(scheme), key))
        if unit is None:
            raise UnitNotFound(f'no unit with code "{code}" in scheme {scheme}', str(code))
        return unit

    def current_of(self, unit: Unit | str) -> Unit:
        """The 2025 unit that `unit` (a Unit, slug or any name) is or became part of."""
        return self._current[self._unit(unit).id]

    def legacy_of(self, current: Unit | str) -> list[Unit]:
        """The legacy units a 2025 unit was formed from, by code (an unmerged unit lists itself)."""
        unit = self._unit(current, CURRENT)
        return sorted((self._units[i] for i, c in self._current.items()
                       if c == unit and i.startswith(LEGACY + ":")), key=lambda u: u.code)

    def crosswalk(self) -> list[tuple[Unit, Unit]]:
        """(legacy unit, 2025 unit it became part of) for the 63 legacy units, by legacy code."""
        return [(u, self._current[u.id]) for u in self.legacy()]

    def type_on(self, unit: Unit | str, day: date) -> str | None:
        """The unit's type on `day` (data/reference/unit_types.csv), or None when it was not in force."""
        unit = self._unit(unit)
        for scheme, slug, kind, _name, start, end in self._types:
            if (scheme, slug) == (unit.scheme, unit.slug) and (start is None or start <= day) \
                    and (end is None or day <= end):
                return kind
        return None

    def _unit(self, value: Unit | str, scheme: str | None = None) -> Unit:
        if isinstance(value, Unit):
            if scheme and value.scheme != scheme:
                raise UnitNotFound(f"{value} is not a unit of scheme {scheme}", value.slug)
            return value
        for s in (scheme,) if scheme else SCHEMES:
            if f"{s}:{value}" in self._units:
                return self._units[f"{s}:{value}"]
        return self.resolve(value, scheme).unit

    # resolving names

    def resolve(self, name: str, scheme: str | None = None) -> Resolution:
        """The unit named by `name`, in any spelling, and the 2025 unit it belongs to.

        `name` may be an official or short name with or without diacritics and prefixes, an English
        name, a slug, an alias from aliases.csv, or a code. Codes are read in `scheme`, else in the
        2025 scheme; "legacy:15" or "2025:ha-tinh" name the scheme inside the string. Without a
        scheme, a name found in both schemes gives the 2025 unit. Raises UnitNotFound (AmbiguousUnit
        when several units answer to the name)."""
        text = str(name).strip()
        prefixed = re.fullmatch(r"(legacy|2025)\s*:\s*(.+)", text, re.IGNORECASE)
        if prefixed:
            scheme, text = prefixed.group(1).lower(), prefixed.group(2)
        if scheme is not None:
            _check_scheme(scheme)
        if re.fullmatch(r"\d{1,3}", text):
            unit = self.by_code(text, scheme or CURRENT)
        else:
            unit = self._by_name(name, text, scheme)
        return Resolution(unit, self._current[unit.id])

    def resolve_in(self, name: str, scheme: str) -> Resolution:
        """resolve() limited to one scheme: resolve_in("Hà Tĩnh", "legacy").unit is legacy Hà Tĩnh."""
        return self.resolve(name, _check_scheme(scheme))

    def _by_name(self, original: str, text: str, scheme: str | None) -> Unit:
        folded, marked = _keys(text)
        candidates: list[Unit] = []
        if marked != folded:  # the marks can tell apart names that fold alike
            candidates = self._marked.get(marked) or self._marked.get(marked.replace(" ", "")) or []
        if not candidates:
            candidates = self._folded.get(folded) or self._folded.get(folded.replace(" ", "")) or []
        if not candidates:
            raise self._not_found(original, scheme)
        if scheme:
            in_scheme = [u for u in candidates if u.scheme == scheme]
            if not in_scheme:
                others = "; ".join(f"{u}, now part of {self._current[u.id].slug}" if u.scheme == LEGACY
                                   else str(u) for u in candidates)
                raise UnitNotFound(f'unknown unit "{original}" in scheme {scheme}: it names {others}',
                                   original, tuple(candidates))
            candidates = in_scheme
        news = [u for u in candidates if u.scheme == CURRENT]
        olds = [u for u in candidates if u.scheme == LEGACY]
        # One 2025 unit and only legacy units that became part of it ("Hà Tĩnh", "Huế"): the 2025 unit.
        if len(news) == 1 and all(self._current[u.id] == news[0] for u in olds):
            return news[0]
        if not news and len(olds) == 1:
            return olds[0]
        listed = ", ".join(str(u) for u in candidates)
        raise AmbiguousUnit(f'ambiguous unit "{original}": could be {listed}', original, tuple(candidates))

    def _not_found(self, name: str, scheme: str | None) -> UnitNotFound:
        key = _keys(name)[0]
        where = f" in scheme {scheme}" if scheme else ""
        close = difflib.get_close_matches(key, sorted(self._spaced), n=8, cutoff=0.6)
        matches: list[Unit] = []
        for k in close:
            for unit in self._folded[k]:
                if (not scheme or unit.scheme == scheme) and unit.slug not in {m.slug for m in matches}:
                    matches.append(unit)
        if not matches:
            return UnitNotFound(f'unknown unit "{name}"{where}: no close matches', name)
        listed = ", ".join(f"{u.name_vi} ({u.slug})" for u in matches[:3])
        return UnitNotFound(f'unknown unit "{name}"{where}: closest matches: {listed}', name, tuple(matches))

    def name_variants(self, informal: bool = True) -> dict[str, tuple[Unit, ...]]:
        """Every normalised surface form (normalise(), affixes stripped; spaced and compact, such as
        "da nang" and "danang") -> the units it names, preferred first (what resolve() returns when the
        form is not ambiguous: the 2025 unit before legacy units of the same name). For building one
        regex or trie over folded text; `informal=False` leaves out abbreviations and colloquial names
        ("hn", "hcmc", "sai gon"). A form naming units that are not one unit and its former selves is
        ambiguous: resolve() raises for it."""
        return {key: tuple(units) for key, units in self._folded.items()
                if informal or any((key, u.id) in self._formal for u in units)}


def _add(index: dict[str, list[Unit]], key: str, unit: Unit) -> None:
    if key:
        found = index.setdefault(key, [])
        if unit not in found:
            found.append(unit)


def _check_scheme(scheme: str) -> str:
    if scheme not in SCHEMES:
        raise ValueError(f'unknown scheme "{scheme}": use "legacy" or "2025"')
    return scheme


# --- loading -----------------------------------------------------------------------------------------


def load_units(reference_dir: str | Path | None = None) -> Units:
    """The units in `reference_dir` (default: the project's data/reference), read once per folder."""
    if reference_dir is None:
        from analysis.paths import ProjectPaths

        reference_dir = ProjectPaths.at().reference
    return _load(str(Path(reference_dir).resolve()))


@lru_cache(maxsize=8)
def _load(folder: str) -> Units:
    base = Path(folder)
    units = [
        Unit(r["slug"], r["scheme"], r["code"], r["name_vi"], r["official_name_vi"], r["name_en"], r["type"],
             _date(r["valid_from"]), _date(r["valid_to"]))
        for r in _rows(base / "units.csv")
    ]
    crosswalk = {r["legacy_slug"]: r["current_slug"] for r in _rows(base / "crosswalk.csv")}
    aliases = [(r["scheme"], r["slug"], r["alias"], r["kind"]) for r in _rows(base / "aliases.csv")]
    types = [(r["scheme"], r["slug"], r["type"], r["official_name_vi"], _date(r["valid_from"]),
              _date(r["valid_to"])) for r in _rows(base / "unit_types.csv")]
    try:
        return Units(units, crosswalk, aliases, types)
    except KeyError as error:  # a crosswalk or alias row naming a unit units.csv lacks, or the reverse
        raise InputError(str(base), f"unit {error} is missing from units.csv or crosswalk.csv") from None


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except FileNotFoundError:
        raise InputError(str(path), "missing: run `python -m analysis.reference` to write it") from None


# --- command line -------------------------------------------------------------------------------------


def units_command(names: list[str], root: str | None = None) -> int:
    """`briefs units NAME...`: one line per name; 2 when any name is unknown, 1 when data is missing."""
    from analysis.paths import ProjectPaths

    try:
        units = load_units(ProjectPaths.at(root).reference)
    except InputError as error:
        print(f"briefs units: {error}", file=sys.stderr)
        return 1
    status = 0
    for name in names:
        try:
            r = units.resolve(name)
        except (UnitNotFound, ValueError) as error:
            print(f"briefs units: {error}", file=sys.stderr)
            status = 2
            continue
        u = r.unit
        print(f"{name} -> {u.slug} ({u.scheme}, {u.code}) {u.name_vi} / {u.name_en}; current: {r.current.slug}")
    return status
