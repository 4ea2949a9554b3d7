"""reports/manifest.json: what each brief was made from, how it went, and where its files are.

The manifest is rewritten (atomically) after every brief, so a killed run still records the briefs it
finished, and the next run makes only the rest. A brief is up to date when its entry succeeded with
the same inputs' hash and its files are all there.
"""

from __future__ import annotations

import json
from pathlib import Path

from analysis.batch.atomic import write_text
from analysis.batch.plan import BriefJob

MANIFEST_NAME = "manifest.json"
DONE = ("ok", "skipped")


def load(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"units": {}}
    if not isinstance(manifest, dict) or not isinstance(manifest.get("units"), dict):
        return {"units": {}}
    return manifest


def save(path: Path, manifest: dict) -> None:
    write_text(path, json.dumps(manifest, indent=2, ensure_ascii=False, default=str) + "\n")


def is_up_to_date(entry: dict | None, job: BriefJob, reports: Path) -> bool:
    if not entry or entry.get("status") not in DONE or entry.get("inputs_hash") != job.inputs_hash:
        return False
    outputs = entry.get("outputs") or {}
    return set(outputs) >= {"ipynb", "html", "pdf"} and all((reports / p).is_file() for p in outputs.values())


def skipped(entry: dict) -> dict:
    """The entry of a brief left as it was: same files, same hash, status "skipped"."""
    return {**entry, "status": "skipped", "seconds": {}}
