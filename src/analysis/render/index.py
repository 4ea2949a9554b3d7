"""reports/index.html: every current unit, its brief's status and links, in one offline page.

An entry is a dict:
    slug         "ha-tinh"                         (required)
    name_vi      "Tỉnh Hà Tĩnh"                    (required)
    name_en      "Ha Tinh Province"                (optional)
    former_units ["Tỉnh Hà Tĩnh", ...]             names of the pre-2025 units it absorbed
    status       "ok" | "failed" | "stale" | "missing" | "no_data"
    as_of        "2025-07-01" (ISO date) or None
    headline     {"label": "...", "value": "1.128.438"} (value already formatted) or None
    html, pdf    links relative to the index ("ha-tinh/ha-tinh.html") or None
    error        short message when status is "failed" (optional)
Every string is plain text: it is escaped here.
"""

from __future__ import annotations

from pathlib import Path

from .builtin import TEMPLATES
from .escape import html_escape as esc
from .i18n import format_date, label

STATUSES = ("ok", "failed", "stale", "missing", "no_data")


def _row(e: dict, lang: str) -> str:
    status = e.get("status") or "missing"
    if status not in STATUSES:
        raise ValueError(f"{e.get('slug')}: unknown status {status!r}, expected one of {STATUSES}")
    headline = e.get("headline")
    figure = (f'{esc(headline["label"])}: <strong>{esc(headline["value"])}</strong>'
              if headline else f"<em>{esc(label('no_data', lang))}</em>")
    links = " · ".join(f'<a href="{esc(e[k])}">{label(k, lang)}</a>'
                       for k in ("html", "pdf") if e.get(k))
    error = f'<br><small>{esc(e["error"])}</small>' if e.get("error") else ""
    return (
        f'<tr id="{esc(e["slug"])}">'
        f'<td><strong lang="vi">{esc(e["name_vi"])}</strong><br>'
        f'<span lang="en">{esc(e.get("name_en") or "")}</span></td>'
        f'<td lang="vi">{esc(", ".join(e.get("former_units") or []))}</td>'
        f'<td><span class="status status-{esc(status)}">{esc(label("status_" + status, lang))}'
        f"</span>{error}</td>"
        f'<td class="num">{esc(format_date(e["as_of"], lang)) if e.get("as_of") else ""}</td>'
        f"<td>{figure}</td><td>{links}</td></tr>"
    )


def render_index(entries: list[dict], out_path, *, lang: str = "en",
                 national_href: str | None = "national/national.html",
                 title: str | None = None) -> Path:
    """Write the index page (CSS inlined, no scripts, no request leaves the file) and return it."""
    out_path = Path(out_path)
    title = title or label("index_title", lang)
    heads = [label(k, lang) for k in ("unit", "former_units", "status", "as_of", "headline",
                                      "links")]
    rows = "\n".join(_row(e, lang) for e in sorted(entries, key=lambda e: e["slug"]))
    national = (f'<p class="national"><a href="{esc(national_href)}">'
                f'{esc(label("national_overview", lang))}</a></p>' if national_href else "")
    css = (TEMPLATES / "brief.css").read_text(encoding="utf-8")
    page = f"""<!DOCTYPE html>
<html lang="{esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>
{css}
body {{ max-width: 72rem; }}
</style>
</head>
<body class="index">
<header class="brief-header"><h1 class="title">{esc(title)}</h1></header>
{national}
<table class="index">
<thead><tr>{"".join(f"<th>{esc(h)}</th>" for h in heads)}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</body>
</html>
"""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(page, encoding="utf-8")
    return out_path
