"""`briefs run`: check the command line, then hand a BatchRequest to the runner.

Exit codes: 0 every brief written; 1 a brief failed, the data or a notebook is missing, or another
run holds reports/.lock (the command was right: running it again later works); 2 bad usage (an
unknown unit, a bad or future --as-of, a language the briefs do not have, --jobs below 1).
"""

from __future__ import annotations

import datetime as dt
import os
import sys

from analysis.batch.plan import LANGS, NATIONAL, Target

NATIONAL_TITLE = "National overview"


class UsageError(ValueError):
    pass


def parse_as_of(value: str | None, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    if value is None:
        return today.isoformat()
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"--as-of {value!r} is not a date: use YYYY-MM-DD, e.g. {today.isoformat()}") from None
    if day > today:
        raise UsageError(f"--as-of {day.isoformat()} is in the future (today is {today.isoformat()})")
    return day.isoformat()


def parse_langs(value: str | None) -> tuple[str, ...]:
    """`en`, `vi` or `en,vi` (the default: both), in the order given, each once."""
    if value is None:
        return LANGS
    langs = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",")))
    unknown = [lang for lang in langs if lang not in LANGS]
    if unknown or not langs:
        shown = ", ".join(repr(lang) for lang in unknown) or repr(value)
        raise UsageError(f"--lang {shown}: the briefs exist in {' and '.join(LANGS)}; "
                         f"use en, vi or en,vi (the default)")
    return langs


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def select_targets(names: list[str], all_units: bool, units, notice=None) -> list[Target]:
    """The briefs named (slugs, codes or names of either scheme), national overview first."""
    from analysis.reference.units import UnitNotFound

    notice = notice or (lambda message: print(f"briefs: {message}", file=sys.stderr))
    if not names and not all_units:
        raise UsageError("name one or more units (slug, code or name), or use --all")
    chosen: dict[str, Target] = {}

    def add_unit(unit) -> None:
        legacy = tuple(u.slug for u in units.legacy_of(unit.slug))
        chosen.setdefault(unit.slug, Target(unit.slug, unit.name_en or unit.name_vi,
                                            tuple(dict.fromkeys((unit.slug, *legacy)))))

    if all_units:
        chosen[NATIONAL] = Target(NATIONAL, NATIONAL_TITLE)
        for unit in units.current():
            add_unit(unit)
    for name in names:
        if name.strip().lower() == NATIONAL:
            chosen.setdefault(NATIONAL, Target(NATIONAL, NATIONAL_TITLE))
            continue
        try:
            resolution = units.resolve(name)
        except UnitNotFound as error:
            raise UsageError(str(error)) from None
        if resolution.unit.scheme != resolution.current.scheme:
            notice(f"{name} is a unit before the 2025 merger; making the brief of "
                   f"{resolution.current.name_vi} ({resolution.current.slug}), which absorbed it")
        add_unit(resolution.current)
    ordered = sorted(chosen.values(), key=lambda t: t.slug != NATIONAL)  # the longest brief starts first
    return ordered


def run_command(units: list[str], all_units: bool, as_of: str | None, lang: str | None, jobs: int | None,
                force: bool, root: str | None) -> int:
    from analysis.batch.lock import LockHeld
    from analysis.batch.runner import BatchRequest, run_batch
    from analysis.paths import ProjectPaths
    from analysis.reference.units import load_units

    paths = ProjectPaths.at(root)
    try:
        as_of = parse_as_of(as_of)
        langs = parse_langs(lang)
        if jobs is not None and jobs < 1:
            raise UsageError(f"--jobs {jobs}: use 1 or more")
        targets = select_targets(units, all_units, load_units(paths.reference))
    except UsageError as error:
        print(f"briefs run: {error}", file=sys.stderr)
        return 2

    if not paths.database.is_file():
        print(f"briefs run: {paths.database} is missing; run `briefs build` first", file=sys.stderr)
        return 1
    request = BatchRequest(paths, targets, as_of, langs, jobs or default_jobs(), force)
    missing = [p for p in _notebooks_needed(request) if not p.is_file()]
    if missing:
        print(f"briefs run: notebook missing: {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    try:
        outcome = run_batch(request)
    except LockHeld as error:
        print(f"briefs run: {error}", file=sys.stderr)
        return 1
    summary = f"{len(outcome.built)} made, {len(outcome.skipped)} unchanged, {len(outcome.failed)} failed"
    print(f"briefs: {summary} in {outcome.seconds.get('total', 0):.1f} s; "
          f"see {paths.reports / 'index.html'}", file=sys.stderr)
    return outcome.exit_code


def _notebooks_needed(request) -> list:
    from analysis.batch.runner import NATIONAL_NOTEBOOK, PROVINCE_NOTEBOOK

    needed = []
    if any(t.slug == NATIONAL for t in request.targets):
        needed.append(request.paths.notebooks / NATIONAL_NOTEBOOK)
    if any(t.slug != NATIONAL for t in request.targets):
        needed.append(request.paths.notebooks / PROVINCE_NOTEBOOK)
    return needed
