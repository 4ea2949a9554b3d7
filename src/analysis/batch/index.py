"""reports/index.html from the manifest: every unit with both languages' briefs, and the coverage
matrix (units x indicators) of the data the briefs were made from.

The matrix comes from analysis.progress.coverage on the processed store, counted on the run's as-of
date. A store without the curated tables (a scratch project's) gives an index without a matrix,
which says why.
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis.batch import manifest as manifests
from analysis.batch.hashing import json_digest
from analysis.batch.plan import LANGS, NATIONAL, PRIMARY

INDEX_NAME = "index.html"
STATUSES = ("ok", "failed", "stale", "missing", "no_data")


def coverage_data(database: Path, as_of: str) -> dict:
    """The matrix and summary as plain data for the index: {"as_of", "indicators", "cells",
    "summary"}, or {"as_of", "unavailable": reason} when the store cannot give them."""
    import duckdb

    from analysis.curation.facts import load_facts
    from analysis.progress.coverage import coverage_matrix, coverage_summary

    try:
        facts = load_facts(database)
        matrix = coverage_matrix(facts, as_of)
        summary = coverage_summary(facts, as_of)
    except (duckdb.Error, OSError, KeyError, ValueError, AttributeError) as error:
        return {"as_of": as_of, "unavailable": f"{database.name}: {type(error).__name__}: {error}"[:300]}
    indicators = [{"id": r.indicator_id, "name_en": r.name_en, "name_vi": r.name_vi}
                  for r in facts.indicators.itertuples(index=False)]
    cells = [{"unit": r.current_unit, "name_vi": r.name_vi, "name_en": r.name_en, "indicator": r.indicator_id,
              "facts": int(r.facts), "observations": int(r.observations), "targets": int(r.targets),
              "latest_date": r.latest_date if isinstance(r.latest_date, str) else None, "state": r.state}
             for r in matrix.itertuples(index=False)]
    return {"as_of": as_of, "indicators": indicators, "cells": cells, "summary": summary}


def _brief(entry: dict | None, lang: str) -> dict:
    if entry is None:
        return {"lang": lang, "status": "missing", "html": None, "pdf": None, "error": None}
    outputs = entry.get("outputs") or {}
    error = entry.get("error") or {}
    status = entry.get("status") or "missing"
    status = "ok" if status == "skipped" else status  # a brief left unchanged is the "ok" brief it is
    record = entry.get("record") or {}
    if status == "ok" and record and not record.get("has_data", True):
        status = "no_data"
    return {"lang": lang, "status": status if status in STATUSES else "missing",
            "html": outputs.get("html"), "pdf": outputs.get("pdf"),
            "error": f"{error.get('type', '')}: {error.get('message', '')}" if error else None}


def index_rows(manifest: dict, lang: str) -> tuple[list[dict], dict[str, str]]:
    """One row per unit (both languages' briefs in `briefs`), and the national overview's HTML
    per language."""
    by_slug: dict[str, dict[str, dict]] = {}
    for slug, brief_lang, entry in manifests.entries(manifest):
        by_slug.setdefault(slug, {})[brief_lang] = entry
    national = {k: e["outputs"]["html"] for k, e in by_slug.pop(NATIONAL, {}).items()
                if (e.get("outputs") or {}).get("html")}
    rows = []
    for slug, langs in by_slug.items():
        # The names and headline in the index's language when that brief exists, else the other.
        main = langs.get(lang) or langs.get(PRIMARY) or next(iter(langs.values()))
        record = main.get("record") or {}
        rows.append({
            "slug": slug,
            "name_vi": record.get("name_vi") or main.get("title") or slug,
            "name_en": record.get("name_en"),
            "former_units": record.get("former_units") or [],
            "as_of": record.get("as_of") or (main.get("parameters") or {}).get("as_of"),
            "headline": record.get("headline"),
            "briefs": [_brief(langs.get(code), code) for code in LANGS if code in langs],
        })
    return rows, national


def index_language(manifest: dict) -> str:
    langs = manifest.get("langs") or [manifest.get("lang") or PRIMARY]
    return PRIMARY if PRIMARY in langs else langs[0]


def write_index(reports: Path, manifest: dict, coverage: dict | None) -> bool:
    """Write reports/index.html unless what it shows is unchanged; True when written."""
    from analysis.render import render_index

    lang = index_language(manifest)
    rows, national = index_rows(manifest, lang)
    # The briefs' inputs too, as the old index did: a brief made again means the index is made again.
    hashes = sorted((slug, code, e.get("inputs_hash")) for slug, code, e in manifests.entries(manifest))
    digest = json_digest({"lang": lang, "rows": rows, "national": national, "coverage": coverage,
                          "briefs": hashes})
    index = reports / INDEX_NAME
    if index.is_file() and (manifest.get("index") or {}).get("inputs_hash") == digest:
        return False
    tmp = reports / f".{INDEX_NAME}.{os.getpid()}.tmp"
    try:
        render_index(rows, tmp, lang=lang, national_href=national or None, coverage=coverage)
        os.replace(tmp, index)
    finally:
        tmp.unlink(missing_ok=True)
    manifest["index"] = {"path": INDEX_NAME, "inputs_hash": digest}
    return True
