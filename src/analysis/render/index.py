"""reports/index.html: every current unit, its briefs in both languages, and the data coverage
matrix (units x indicators), in one offline page: CSS inlined, no script, no request leaves it.

An entry is a dict:
    slug         "ha-tinh"                         (required)
    name_vi      "Tỉnh Hà Tĩnh"                    (required)
    name_en      "Ha Tinh Province"                (optional)
    former_units ["Tỉnh Hà Tĩnh", ...]             names of the pre-2025 units it absorbed
    as_of        "2025-07-01" (ISO date) or None
    headline     {"label": "...", "value": "1.128.438"} (value already formatted) or None
    briefs       [{"lang": "en", "status": ..., "html": ..., "pdf": ..., "error": ...}, ...]
                 one per language written; status "ok" | "failed" | "stale" | "missing" | "no_data";
                 html, pdf: links relative to the index ("ha-tinh/ha-tinh.vi.html") or None
An entry without `briefs` gives its own status, html, pdf and error (one brief, language unstated).

`coverage` (optional) is analysis.progress.coverage's matrix as plain data:
    {"as_of": "2025-07-01", "indicators": [{"id", "name_en", "name_vi"}, ...],
     "cells": [{"unit", "name_vi", "name_en", "indicator", "facts", "observations", "targets",
                "latest_date", "state"}, ...], "summary": coverage_summary(...)}
or {"as_of", "unavailable": reason}. The units can be ordered by coverage and filtered to those
without a figure by links to anchors (`#by-coverage`, `#only-gaps`): CSS `:target` reorders the
rows, so the page needs no script. Every string is plain text: it is escaped here.
"""

from __future__ import annotations

from pathlib import Path

from .builtin import TEMPLATES
from .escape import html_escape as esc
from .i18n import format_date, format_number, label

STATUSES = ("ok", "failed", "stale", "missing", "no_data")
STATES = ("reported", "target only", "no data")  # analysis.progress.coverage's cell states

INDEX_CSS = """
body { max-width: 76rem; }
.order { margin: 1rem 0 0.5rem; font-size: 0.92rem; }
.order a { text-decoration: none; border-bottom: 1px dotted var(--accent); }
.order a.by-name, #by-coverage:target .order a.by-coverage, #only-gaps:target .order a.only-gaps
  { font-weight: 700; border-bottom-style: solid; }
#by-coverage:target .order a.by-name, #only-gaps:target .order a.by-name { font-weight: 400; border-bottom-style: dotted; }
/* Rows are grid lines in a flex column, so that `order` can sort them without a script. */
table.units tbody, table.matrix tbody { display: flex; flex-direction: column; }
table.units thead, table.matrix thead { display: block; }
table.units tr, table.matrix tr { display: grid; }
table.units tr { grid-template-columns: minmax(9rem, 1.3fr) minmax(6rem, 1fr) 8.5rem minmax(9rem, 1.5fr) 5.5rem 17rem; }
table.matrix tr { grid-template-columns: 11rem repeat(var(--indicators), minmax(3.6rem, 1fr)); }
#by-coverage:target tr.unit-row { order: var(--rank); }
#only-gaps:target tr.has-figures { display: none; }
.matrix-wrap { overflow-x: auto; }
table.matrix { font-size: 0.78rem; width: max-content; min-width: 100%; }
table.matrix th, table.matrix td { padding: 0.2rem 0.3rem; text-align: center; }
table.matrix th:first-child, table.matrix td:first-child { text-align: left; }
td.cell { border: 1px solid #fff; line-height: 1.15; }
td.cell b, td.cell small { display: block; }
td.reported { background: #cfe8d5; color: #14512a; }
td.target-only { background: repeating-linear-gradient(135deg, #fbe6bd 0 6px, #fff4dc 6px 12px); color: #6b4600; }
td.no-data { background: #f2f2f2; color: #9a9a9a; }
.legend span { display: inline-block; padding: 0.1rem 0.5rem; margin-right: 0.5rem; font-size: 0.85rem; }
.legend .reported { background: #cfe8d5; } .legend .target-only { background: #fbe6bd; }
.legend .no-data { background: #f2f2f2; color: #777; }
ol.indicators { font-size: 0.85rem; columns: 2; }
.briefs p { margin: 0 0 0.2rem; }
"""


def _lang_name(code: str, lang: str) -> str:
    name = label(f"lang_{code}", lang)
    return name[:1].upper() + name[1:]


def _briefs(e: dict) -> list[dict]:
    if "briefs" in e:
        return e["briefs"]
    return [{"lang": None, **{k: e.get(k) for k in ("status", "html", "pdf", "error")}}]


def _brief_line(b: dict, slug: str, lang: str) -> str:
    status = b.get("status") or "missing"
    if status not in STATUSES:
        raise ValueError(f"{slug}: unknown status {status!r}, expected one of {STATUSES}")
    hreflang = f' hreflang="{esc(b["lang"])}"' if b.get("lang") else ""
    links = " · ".join(f'<a href="{esc(b[k])}"{hreflang}>{label(k, lang)}</a>'
                       for k in ("html", "pdf") if b.get(k))
    name = f'<span lang="{esc(b["lang"])}">{esc(_lang_name(b["lang"], lang))}</span>: ' if b.get("lang") else ""
    badge = f'<span class="status status-{esc(status)}">{esc(label("status_" + status, lang))}</span>'
    error = f'<br><small>{esc(b["error"])}</small>' if b.get("error") else ""
    return f"<p>{name}{badge}{' · ' + links if links else ''}{error}</p>"


def _unit_coverage(coverage: dict | None) -> dict[str, dict]:
    """unit -> {reported, target_only, facts, rank}: rank 1 is the unit with the most data."""
    per: dict[str, dict] = {}
    for c in (coverage or {}).get("cells") or []:
        u = per.setdefault(c["unit"], {"reported": 0, "target_only": 0, "facts": 0, "name_vi": c["name_vi"],
                                        "name_en": c["name_en"]})
        u["reported"] += c["state"] == "reported"
        u["target_only"] += c["state"] == "target only"
        u["facts"] += int(c["facts"])
    ranked = sorted(per, key=lambda s: (-per[s]["reported"], -per[s]["facts"], -per[s]["target_only"], s))
    for rank, slug in enumerate(ranked, 1):
        per[slug]["rank"] = rank
    return per


def _row_attrs(slug: str, cov: dict[str, dict], cls: str = "unit-row") -> str:
    u = cov.get(slug)
    if u is None:
        return f'class="{cls}" style="--rank: {len(cov) + 1}"'
    figures = " has-figures" if u["reported"] else ""
    return f'class="{cls}{figures}" style="--rank: {u["rank"]}"'


def _row(e: dict, lang: str, cov: dict[str, dict], n_indicators: int) -> str:
    headline = e.get("headline")
    figure = (f'{esc(headline["label"])}: <strong>{esc(headline["value"])}</strong>'
              if headline else f"<em>{esc(label('no_data', lang))}</em>")
    briefs = "".join(_brief_line(b, e["slug"], lang) for b in _briefs(e))
    u = cov.get(e["slug"])
    coverage = (f'<strong>{u["reported"]}</strong>/{n_indicators}<br><small>{u["facts"]} '
                f'{esc(label("facts_count", lang))}</small>' if u else "")
    return (
        f'<tr id="{esc(e["slug"])}" {_row_attrs(e["slug"], cov)} role="row">'
        f'<td role="cell"><strong lang="vi">{esc(e["name_vi"])}</strong><br>'
        f'<span lang="en">{esc(e.get("name_en") or "")}</span></td>'
        f'<td role="cell" lang="vi">{esc(", ".join(e.get("former_units") or []))}</td>'
        f'<td role="cell" class="num">{esc(format_date(e["as_of"], lang)) if e.get("as_of") else ""}</td>'
        f'<td role="cell">{figure}</td><td role="cell" class="num">{coverage}</td>'
        f'<td role="cell" class="briefs">{briefs}</td></tr>'
    )


def _cell(c: dict, indicator: str, lang: str) -> str:
    state = c["state"]
    if state not in STATES:
        raise ValueError(f"{c['unit']}, {c['indicator']}: unknown coverage state {state!r}, expected one of {STATES}")
    words = label(f"cell_{state}", lang)
    title = f"{indicator}: {words}"
    if state == "no data":
        return f'<td role="cell" class="cell no-data" title="{esc(title)}">–<small>{esc(words)}</small></td>'
    latest = format_date(c["latest_date"], lang) if c.get("latest_date") else ""
    detail = latest if state == "reported" else words
    title += f" ({c['observations']} / {c['targets']}){', ' + latest if latest else ''}"
    return (f'<td role="cell" class="cell {"reported" if state == "reported" else "target-only"}" '
            f'title="{esc(title)}"><b>{format_number(c["facts"], lang)}</b><small>{esc(detail)}</small></td>')


def _matrix(coverage: dict, lang: str, cov: dict[str, dict], linked: set[str]) -> str:
    name_key = "name_vi" if lang == "vi" else "name_en"
    indicators = coverage.get("indicators") or []
    names = {i["id"]: i.get(name_key) or i["id"] for i in indicators}
    cells: dict[str, dict[str, dict]] = {}
    for c in coverage.get("cells") or []:
        cells.setdefault(c["unit"], {})[c["indicator"]] = c
    heads = "".join(f'<th role="columnheader" title="{esc(names[i["id"]])}">{n}</th>'
                    for n, i in enumerate(indicators, 1))
    rows = []
    for slug in sorted(cells):
        u = cov[slug]
        name = esc(u["name_vi"])
        name = f'<a href="#{esc(slug)}">{name}</a>' if slug in linked else name
        row = "".join(_cell(cells[slug][i["id"]], names[i["id"]], lang) if i["id"] in cells[slug]
                      else _cell({"unit": slug, "indicator": i["id"], "state": "no data"}, names[i["id"]], lang)
                      for i in indicators)
        rows.append(f'<tr {_row_attrs(slug, cov)} role="row"><td role="cell" lang="vi">{name}</td>{row}</tr>')
    legend = "".join(f'<span class="{cls}">{esc(label("cell_" + state, lang))}</span>'
                     for cls, state in (("reported", "reported"), ("target-only", "target only"),
                                        ("no-data", "no data")))
    listing = "".join(f"<li>{esc(names[i['id']])}</li>" for i in indicators)
    return f"""<p class="legend">{legend}</p>
<div class="matrix-wrap">
<table class="matrix" role="table" style="--indicators: {len(indicators)}">
<thead><tr role="row"><th role="columnheader">{esc(label("unit", lang))}</th>{heads}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</div>
<h3>{esc(label("indicators", lang))}</h3>
<ol class="indicators">{listing}</ol>"""


def _coverage_section(coverage: dict | None, lang: str, cov: dict[str, dict], linked: set[str]) -> str:
    if not coverage:
        return ""
    as_of = format_date(coverage["as_of"], lang) if coverage.get("as_of") else ""
    head = f'<h2 id="coverage">{esc(label("index_matrix", lang))}</h2>'
    if coverage.get("unavailable"):
        return f'{head}<p class="unavailable">{esc(label("coverage_unavailable", lang))}: {esc(coverage["unavailable"])}</p>'
    summary = coverage.get("summary") or {}
    sentence = label("coverage_summary", lang).format(
        with_figures=summary.get("units_with_figures", 0), units=summary.get("units", len(cov)),
        with_target=summary.get("units_with_target_or_document", 0),
        observations=format_number(summary.get("observations", 0), lang),
        targets=format_number(summary.get("targets", 0), lang))
    return (f"{head}\n<p>{esc(label('as_of', lang))} {esc(as_of)}. {esc(sentence)} "
            f"{esc(label('coverage_help', lang))}</p>\n{_matrix(coverage, lang, cov, linked)}")


def _national(national_href, lang: str) -> str:
    if not national_href:
        return ""
    if isinstance(national_href, str):
        links = f'<a href="{esc(national_href)}">{esc(label("national_overview", lang))}</a>'
    else:
        links = f'{esc(label("national_overview", lang))}: ' + " · ".join(
            f'<a href="{esc(href)}" hreflang="{esc(code)}">{esc(_lang_name(code, lang))}</a>'
            for code, href in national_href.items())
    return f'<p class="national">{links}</p>'


def render_index(entries: list[dict], out_path, *, lang: str = "en",
                 national_href: str | dict[str, str] | None = "national/national.html",
                 title: str | None = None, coverage: dict | None = None) -> Path:
    """Write the index page and return its path. `national_href`: one link, or lang -> link."""
    out_path = Path(out_path)
    title = title or label("index_title", lang)
    cov = _unit_coverage(coverage)
    n_indicators = len((coverage or {}).get("indicators") or [])
    heads = [label(k, lang) for k in ("unit", "former_units", "as_of", "headline", "coverage", "links")]
    ordered = sorted(entries, key=lambda e: e["slug"])
    rows = "\n".join(_row(e, lang, cov, n_indicators) for e in ordered)
    order = "" if not cov else (
        f'<nav class="order" id="by-name">{esc(label("sort", lang))}: '
        f'<a class="by-name" href="#by-name">{esc(label("by_name", lang))}</a> · '
        f'<a class="by-coverage" href="#by-coverage">{esc(label("by_coverage", lang))}</a> · '
        f'<a class="only-gaps" href="#only-gaps">{esc(label("only_gaps", lang))}</a></nav>')
    section = _coverage_section(coverage, lang, cov, {e["slug"] for e in entries})
    css = (TEMPLATES / "brief.css").read_text(encoding="utf-8")
    page = f"""<!DOCTYPE html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>
{css}
{INDEX_CSS}
</style>
</head>
<body class="index">
<header class="brief-header"><h1 class="title">{esc(title)}</h1></header>
{_national(national_href, lang)}
<div id="only-gaps"><div id="by-coverage">
{order}
<table class="index units" role="table">
<thead><tr role="row">{"".join(f'<th role="columnheader">{esc(h)}</th>' for h in heads)}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
{section}
</div></div>
</body>
</html>
"""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(page, encoding="utf-8")
    return out_path
