"""reports/manifest.json: what each brief was made from, how it went, and where its files are.

Layout (each entry: slug, title, lang, status, inputs_hash, inputs, parameters, renderer, seconds,
outputs, error, record, built_at):

    units.<slug>               the English brief of each unit (the DESIGN.md contract's entry)
    units_by_lang.vi.<slug>    the Vietnamese brief, same fields
    langs                      the languages of the last run

Tools that read `units` per unit keep working and see English; a brief in another language is
under `units_by_lang.<lang>`, never under a key of its own in `units`.

The manifest is rewritten (atomically) after every unit, so a killed run still records the briefs
it finished, and the next run makes only the rest. A brief is up to date when its entry succeeded
with the same inputs' hash and its files are all there.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from analysis.batch.atomic import write_text
from analysis.batch.plan import KINDS, PRIMARY, BriefJob

MANIFEST_NAME = "manifest.json"
DONE = ("ok", "skipped")
OTHER_LANGS = "units_by_lang"


def load(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"units": {}}
    if not isinstance(manifest, dict) or not isinstance(manifest.get("units"), dict):
        return {"units": {}}
    if not isinstance(manifest.get(OTHER_LANGS), dict):
        manifest.pop(OTHER_LANGS, None)
    return manifest


def save(path: Path, manifest: dict) -> None:
    write_text(path, json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n")


def _table(manifest: dict, lang: str, create: bool = False) -> dict:
    if lang == PRIMARY:
        return manifest["units"]
    others = manifest.setdefault(OTHER_LANGS, {}) if create else manifest.get(OTHER_LANGS) or {}
    return others.setdefault(lang, {}) if create else others.get(lang) or {}


def get(manifest: dict, slug: str, lang: str) -> dict | None:
    entry = _table(manifest, lang).get(slug)
    # An entry from before briefs had two languages has no `lang`: it is English only if it says so.
    if entry is not None and (entry.get("lang") or (entry.get("parameters") or {}).get("lang") or PRIMARY) != lang:
        return None
    return entry


def put(manifest: dict, slug: str, lang: str, entry: dict) -> None:
    _table(manifest, lang, create=True)[slug] = {**entry, "lang": lang}


def entries(manifest: dict) -> Iterator[tuple[str, str, dict]]:
    """(slug, lang, entry) for every brief the manifest holds."""
    for slug in manifest["units"]:
        entry = get(manifest, slug, PRIMARY)
        if entry is not None:
            yield slug, PRIMARY, entry
    for lang, table in sorted((manifest.get(OTHER_LANGS) or {}).items()):
        for slug in table:
            entry = get(manifest, slug, lang)
            if entry is not None:
                yield slug, lang, entry


def is_written(entry: dict | None, reports: Path) -> bool:
    """The brief succeeded and all its files are there."""
    if not entry or entry.get("status") not in DONE:
        return False
    outputs = entry.get("outputs") or {}
    return set(outputs) >= set(KINDS) and all((reports / p).is_file() for p in outputs.values())


def is_up_to_date(entry: dict | None, job: BriefJob, reports: Path) -> bool:
    return bool(entry) and entry.get("inputs_hash") == job.inputs_hash and is_written(entry, reports)


def skipped(entry: dict) -> dict:
    """The entry of a brief left as it was: same files, same hash, status "skipped"."""
    return {**entry, "status": "skipped", "seconds": {}}
