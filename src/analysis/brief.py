"""One unit's policy brief: the data behind it, and each section as Markdown or SVG.

The notebook `notebooks/province_brief.ipynb` calls one method per cell and shows the result;
everything a brief says is decided here, where it is tested. Text that comes from documents
(titles, quotes, names) goes through `md_escape`, so it always shows literally.

Sections return `Markdown` or `Svg` objects: plain strings that Jupyter displays as
`text/markdown` and `image/svg+xml`, the format-neutral outputs both renderers read.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from pathlib import Path

import pandas as pd

from analysis.facts import Facts, load_facts, period_start
from analysis.paths import ProjectPaths
from analysis.memo import per_facts
from analysis.progress import UnitProgress, brief_tables, national_figures
from analysis.render.escape import md_escape
from analysis.render.i18n import format_date, format_number, label
from analysis.status import NO_DATA, NO_TARGET, STATUS_RULE

MAX_KEY_MESSAGES = 5
TOPIC_VI = {
    "police force building": "xây dựng lực lượng Công an",
    "implementation plan": "kế hoạch thực hiện",
    "coordination": "phối hợp lãnh đạo",
    "commune police": "Công an cấp xã",
    "model ward police": "Công an phường điển hình, kiểu mẫu",
    "population data": "dữ liệu dân cư, định danh điện tử (Đề án 06)",
    "organisation": "tổ chức bộ máy",
    "other": "khác",
}
UNIT_NOUNS_VI = {
    "officers": "cán bộ, chiến sĩ",
    "headquarters": "trụ sở",
    "units": "đơn vị",
    "ward police units": "đơn vị Công an phường",
    "commune police units": "đơn vị Công an cấp xã",
    "ID cards": "thẻ CCCD",
    "accounts": "tài khoản",
    "records": "hồ sơ",
    "documents": "văn bản",
}


class Markdown(str):
    """Markdown text that Jupyter displays as `text/markdown`."""

    def _repr_markdown_(self) -> str:
        return str(self)


class Record(dict):
    """Facts about a brief for the batch and the index, displayed as `application/json` in a
    hidden cell, so the executed notebook stays the record of what ran."""

    def _repr_json_(self) -> dict:
        return dict(self)


class Svg(str):
    """An SVG chart that Jupyter displays as `image/svg+xml`."""

    def _repr_svg_(self) -> str:
        return str(self)


@functools.lru_cache(maxsize=4)
def _facts_at(path: str, mtime: float) -> Facts:
    return load_facts(path)


def cached_facts(database: str | Path | None = None) -> Facts:
    """The processed store, loaded once per process (reloaded when the file changes)."""
    path = Path(database) if database else ProjectPaths.at().database
    if not path.exists():
        raise FileNotFoundError(f"{path}: no processed data; run `briefs build` first")
    return _facts_at(str(path.resolve()), path.stat().st_mtime)


def parse_as_of(as_of) -> pd.Timestamp:
    if as_of is None or as_of == "":
        return pd.Timestamp(dt.date.today())
    return pd.Timestamp(str(as_of)[:10])


def value_text(value, value_unit: str, qualifier: str | None, lang: str) -> str:
    """A figure as a brief writes it, escaped as Markdown."""
    if value is None or pd.isna(value):
        return label("no_data", lang)
    if value_unit == "%":
        text = f"{format_number(value, lang)}%"
    elif value_unit == "VND" and abs(value) >= 1e9:
        text = f"{format_number(value / 1e9, lang)} {label('billion_vnd', lang)}"
    else:
        noun = UNIT_NOUNS_VI.get(value_unit, value_unit) if lang == "vi" else value_unit
        text = f"{format_number(value, lang)} {noun}"
    if isinstance(qualifier, str) and qualifier:
        word = label(f"q_{qualifier}", lang) if f"q_{qualifier}" in _known_labels() else qualifier
        text = f"{word} {text}".strip()
    return md_escape(text)


@per_facts
def national_chart_svg(facts: Facts, as_of: pd.Timestamp, lang: str) -> str | None:
    """The national figures over time as SVG (the same in every brief of one run), or None."""
    from analysis.charts import national_figures_chart, to_svg

    national = national_figures(facts, as_of)
    if national.empty:
        return None
    frame = pd.DataFrame({
        "indicator": national["name_vi" if lang == "vi" else "name_en"],
        "date": national["date"].map(period_start),  # plotted at the first day it covers
        "value": national["value"].astype(float),
        "label": [value_text(v, u, q, lang).replace("\\", "")
                  for v, u, q in zip(national["value"], national["value_unit"], national["qualifier"])],
    })
    return to_svg(national_figures_chart(frame, lang))


class Citations:
    """Numbers sources in the order a brief first cites them, keeping the quotes used."""

    def __init__(self, sources: pd.DataFrame):
        self._sources = sources.set_index("source_id")
        self.order: list[str] = []
        self.quotes: dict[str, list[str]] = {}

    def cite(self, source_id: str, quote: str | None = None) -> str:
        if source_id not in self.order:
            self.order.append(source_id)
            self.quotes[source_id] = []
        if quote and quote not in self.quotes[source_id]:
            self.quotes[source_id].append(quote)
        return f"[{self.order.index(source_id) + 1}]"

    def source(self, source_id: str) -> pd.Series:
        return self._sources.loc[source_id]


class Brief:
    """The brief of one current unit as of a date, in one language."""

    def __init__(self, unit: str, as_of=None, lang: str = "en", data: str | Path | None = None):
        from analysis.units import load_units

        if lang not in ("en", "vi"):
            raise ValueError(f"lang must be 'en' or 'vi', not {lang!r}")
        self.lang = lang
        self.as_of = parse_as_of(as_of)
        self.facts = cached_facts(data)
        units = load_units()
        resolution = units.resolve(str(unit))
        if resolution.unit.scheme != "2025":
            print(f"notice: {resolution.unit.name_vi} is a former unit; showing {resolution.current.name_vi}", file=sys.stderr)
        self.unit = resolution.current
        self.former = [u for u in units.legacy_of(self.unit.slug) if len(units.legacy_of(self.unit.slug)) > 1]
        self.progress: UnitProgress = brief_tables(self.facts, self.unit.slug, self.as_of, lang)
        self.citations = Citations(self.facts.sources)
        self._cite_in_reading_order()

    # ---- helpers ---------------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.unit.name_vi if self.lang == "vi" else self.unit.name_en

    def _l(self, key: str) -> str:
        return label(key, self.lang)

    def _date(self, value) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return "—"
        return format_date(value.date() if isinstance(value, pd.Timestamp) else value, self.lang)

    def value_text(self, value, value_unit: str, qualifier: str | None = None) -> str:
        """A figure as the brief writes it: 'nearly 60,000 officers', 'khoảng 30.000 tỷ đồng'."""
        return value_text(value, value_unit, qualifier, self.lang)

    def _target_text(self, row) -> str:
        words = self._l(f"cmp_{row.comparator}") if row.comparator else ""
        return f"{words} {self.value_text(row.target_value, row.value_unit)}".strip()

    def _status(self, status: str) -> str:
        return self._l(f"progress_{status}")

    def _indicator(self, row) -> str:
        return md_escape(row.name_vi if self.lang == "vi" else row.name_en)

    def _cite_in_reading_order(self) -> None:
        for row in self.progress.progress.itertuples(index=False):
            if isinstance(row.target_id, str):
                target = self.progress.targets.set_index("target_id").loc[row.target_id]
                self.citations.cite(target["source_id"], target["quote"])
            if isinstance(row.observation_id, str):
                self.citations.cite(row.figure_source_id, row.figure_quote)
        for row in self.progress.coverage.itertuples(index=False):
            self.citations.cite(row.source_id, row.quote)
        for row in self._national_latest().itertuples(index=False):
            self.citations.cite(row.source_id, row.quote)
        for row in self._timeline_documents().itertuples(index=False):
            self.citations.cite(row.source_id, row.quote)

    def _national_latest(self) -> pd.DataFrame:
        national = self.progress.national
        if national.empty:
            return national
        ordered = national.assign(_d=national["date"].map(str)).sort_values(["indicator_id", "_d"])
        return ordered.groupby("indicator_id", sort=False).tail(1).drop(columns="_d")

    def _timeline_documents(self) -> pd.DataFrame:
        """National documents of the cascade and the unit's own, issued by the as-of date."""
        docs = self.facts.documents
        mine = set(self.progress.coverage["document_id"])
        issued = pd.to_datetime(docs["issued_end"])
        published = docs["source_id"].map(dict(zip(self.facts.sources["source_id"], pd.to_datetime(self.facts.sources["published_end"]))))
        keep = (docs["unit"].eq("national") | docs["document_id"].isin(mine)) & (
            issued.le(self.as_of) | (issued.isna() & published.le(self.as_of))
        )
        chosen = docs[keep].assign(when=issued[keep])
        return chosen.sort_values(["when", "document_id"], na_position="last").reset_index(drop=True)

    # ---- sections --------------------------------------------------------------------------

    def front_matter(self) -> dict:
        """The title block both renderers read from the notebook's first cell."""
        return {
            "title": md_escape(f"{self.unit.name_vi} · {self.unit.name_en}"),
            "subtitle": md_escape(label("brief", self.lang)),
            "lang": self.lang,
            "brief": {"unit": md_escape(self.unit.official_name_vi), "as-of": md_escape(format_date(self.as_of.date(), self.lang))},
            "params": {"unit": self.unit.slug, "as_of": self.as_of.date().isoformat(), "lang": self.lang},
        }

    def heading(self, key: str) -> Markdown:
        """A section heading for a cell whose output is a chart."""
        return Markdown(f"## {self._l(key)}\n")

    def header(self) -> Markdown:
        former = ", ".join(md_escape(f"{u.name_vi} ({u.name_en})") for u in self.former) or self._l("did_not_merge")
        lines = [
            f"**{md_escape(self.unit.official_name_vi)}** · {md_escape(self.unit.name_en)}",
            "",
            f"- {self._l('former_units')}: {former}",
            f"- {self._l('as_of')}: {format_date(self.as_of.date(), self.lang)}",
        ]
        return Markdown("\n".join(lines) + "\n")

    def key_messages(self) -> Markdown:
        messages = []
        progress = self.progress.progress
        targets = progress[progress["target_id"].notna()]
        if self.progress.coverage.empty and progress.empty:
            messages.append(self._msg_nothing())
        for row in targets.itertuples(index=False):
            messages.append(self._msg_target(row))
        for row in progress[progress["status"] == NO_TARGET].itertuples(index=False):
            messages.append(self._msg_figure(row))
        if not self.progress.coverage.empty:
            messages.append(self._msg_coverage())
        for row in self._national_latest().itertuples(index=False):
            messages.append(self._msg_national(row))
        body = "\n".join(f"- {m}" for m in messages[:MAX_KEY_MESSAGES])
        return Markdown(f"## {self._l('key_messages')}\n\n{body}\n")

    def _msg_nothing(self) -> str:
        if self.lang == "vi":
            return f"Chưa có văn bản, mục tiêu hay số liệu nào về {md_escape(self.name)} được tổng hợp đến ngày {format_date(self.as_of.date(), 'vi')}."
        return f"No document, target or figure about {md_escape(self.name)} has been curated as of {format_date(self.as_of.date(), 'en')}."

    def _msg_target(self, row) -> str:
        target = self.progress.targets.set_index("target_id").loc[row.target_id]
        cite = self.citations.cite(target["source_id"], target["quote"])
        goal = f"{self._target_text(row)} {'đến' if self.lang == 'vi' else 'by'} {self._date(row.deadline)}"
        if row.status == NO_DATA:
            tail = "chưa có số liệu được công bố" if self.lang == "vi" else "no figure has been reported"
        else:
            fig = self.citations.cite(row.figure_source_id, row.figure_quote)
            tail = f"{self.value_text(row.value, row.value_unit, row.qualifier)} ({self._date(row.date)}) {fig}: **{self._status(row.status)}**"
        document = md_escape(row.document_number) if isinstance(row.document_number, str) else ""
        return f"{self._indicator(row)}: {goal} ({document}) {cite}; {tail}."

    def _msg_figure(self, row) -> str:
        cite = self.citations.cite(row.figure_source_id, row.figure_quote)
        none = "chưa có mục tiêu" if self.lang == "vi" else "no target is set"
        return f"{self._indicator(row)}: {self.value_text(row.value, row.value_unit, row.qualifier)} ({self._date(row.date)}) {cite}; {none}."

    def _msg_coverage(self) -> str:
        coverage = self.progress.coverage
        cites = " ".join(dict.fromkeys(self.citations.cite(r.source_id, r.quote) for r in coverage.itertuples(index=False)))
        numbers = ", ".join(md_escape(n) for n in coverage["number"])
        if self.lang == "vi":
            return f"{md_escape(self.name)} đã ban hành {len(coverage)} văn bản được ghi nhận: {numbers} {cites}."
        return f"{md_escape(self.name)} has {len(coverage)} recorded document(s) of its own: {numbers} {cites}."

    def _msg_national(self, row) -> str:
        cite = self.citations.cite(row.source_id, row.quote)
        name = md_escape(row.name_vi if self.lang == "vi" else row.name_en)
        lead = "Toàn quốc" if self.lang == "vi" else "Nationally"
        return f"{lead}, {name[0].lower() + name[1:]}: {self.value_text(row.value, row.value_unit, row.qualifier)} ({self._date(row.date)}) {cite}."

    def targets_table(self) -> Markdown:
        heading = f"## {self._l('targets_progress')}\n\n"
        progress = self.progress.progress
        if progress.empty:
            none = (f"Chưa có mục tiêu hay số liệu nào của {md_escape(self.name)}." if self.lang == "vi"
                    else f"No target or figure is recorded for {md_escape(self.name)}.")
            return Markdown(heading + none + "\n")
        head = [self._l(k) for k in ("indicator", "target", "deadline", "latest_figure", "status", "gap", "sources")]
        rows = ["| " + " | ".join(head) + " |", _separator(26, 12, 11, 18, 12, 9, 8, right=(5,))]
        for row in progress.itertuples(index=False):
            cites = []
            target = "—"
            if isinstance(row.target_id, str):
                t = self.progress.targets.set_index("target_id").loc[row.target_id]
                cites.append(self.citations.cite(t["source_id"], t["quote"]))
                target = self._target_text(row)
            figure = "—"
            if isinstance(row.observation_id, str):
                cites.append(self.citations.cite(row.figure_source_id, row.figure_quote))
                figure = f"{self.value_text(row.value, row.value_unit, row.qualifier)} ({self._date(row.date)})"
            gap = "—" if pd.isna(row.gap) else self.value_text(max(row.gap, 0), row.value_unit)
            legacy = f" ({md_escape(row.legacy_unit)})" if isinstance(row.legacy_unit, str) and row.legacy_unit != self.unit.slug else ""
            cells = [self._indicator(row) + legacy, target, self._date(row.deadline), figure,
                     f"**{self._status(row.status)}**", gap, " ".join(cites)]
            rows.append("| " + " | ".join(cells) + " |")
        return Markdown(heading + "\n".join(rows) + "\n")

    def progress_chart(self) -> Svg | Markdown:
        from analysis.charts import progress_chart, to_svg
        from analysis.rollup import facts_as_of, rolled_up

        progress = self.progress.progress
        targets = progress[progress["target_id"].notna()]
        if progress.empty:
            return Markdown(self._l("no_chart") + "\n")
        name_col = "name_vi" if self.lang == "vi" else "name_en"
        path_rows = targets.assign(indicator=targets[name_col])[["indicator", "baseline_value", "baseline_date", "target_value", "deadline"]]
        path_rows = path_rows.assign(baseline_date=pd.to_datetime(path_rows["baseline_date"]), deadline=pd.to_datetime(path_rows["deadline"]))
        points = rolled_up(facts_as_of(self.facts, self.as_of), self.unit.slug)
        wanted = set(progress["indicator_id"])
        names = dict(zip(self.facts.indicators["indicator_id"], self.facts.indicators[name_col]))
        points = points[points["indicator_id"].isin(wanted)]
        points = pd.DataFrame({
            "indicator": points["indicator_id"].map(names),
            "date": pd.to_datetime(points["date_end"]),
            "value": points["value"].astype(float),
        })
        return Svg(to_svg(progress_chart(path_rows, points, self.lang)))

    def timeline(self) -> Markdown:
        docs = self._timeline_documents()
        heading = f"## {self._l('timeline')}\n\n"
        head = [self._l(k) for k in ("date", "document", "issuer", "title", "sources")]
        rows = ["| " + " | ".join(head) + " |", _separator(11, 16, 26, 40, 7)]
        for row in docs.itertuples(index=False):
            cite = self.citations.cite(row.source_id, row.quote)
            date = self._date(row.date_issued) if isinstance(row.date_issued, str) and row.date_issued else "—"
            rows.append(f"| {date} | {md_escape(row.number)} | {md_escape(row.issuer)} | {md_escape(row.title)} | {cite} |")
        return Markdown(heading + "\n".join(rows) + "\n")

    def timeline_chart(self) -> Svg | Markdown:
        from analysis.charts import timeline_chart, to_svg

        docs = self._timeline_documents()
        docs = docs[docs["when"].notna()]
        if docs.empty:
            return Markdown("")
        frame = pd.DataFrame({
            "date": docs["when"],
            "number": docs["number"],
            "level": docs["unit"].map(lambda u: self._l("national") if u == "national" else self.name),
        })
        return Svg(to_svg(timeline_chart(frame, self.lang)))

    def coverage(self) -> Markdown:
        from analysis.coverage import national_coverage

        heading = f"## {self._l('coverage_context')}\n\n"
        grid = national_coverage(self.facts, self.as_of)
        counts = grid[grid["documents"] > 0].groupby("kind")["current_unit"].nunique()
        mine = self.progress.coverage.groupby("topic")["number"].apply(lambda s: ", ".join(md_escape(n) for n in s))
        head = [self._l(k) for k in ("topic", "this_unit", "units_nationally")]
        rows = ["| " + " | ".join(head) + " |", "|---|---|--:|"]
        for topic in grid["kind"].drop_duplicates():
            shown = TOPIC_VI.get(topic, topic) if self.lang == "vi" else topic
            rows.append(f"| {md_escape(shown)} | {mine.get(topic, '—')} | {int(counts.get(topic, 0))} |")
        return Markdown(heading + "\n".join(rows) + "\n" + self._national_table())

    def national_table(self) -> Markdown:
        return Markdown(self._national_table())

    def _national_table(self) -> str:
        national = self.progress.national
        title = f"\n### {self._l('national_figures')}\n\n"
        if national.empty:
            return title + self._l("no_data") + "\n"
        head = [self._l(k) for k in ("indicator", "latest_figure", "date", "sources")]
        rows = ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
        ordered = national.assign(_d=national["date"].map(str)).sort_values(["indicator_id", "_d"])
        for row in ordered.itertuples(index=False):
            cite = self.citations.cite(row.source_id, row.quote)
            rows.append(f"| {self._indicator(row)} | {self.value_text(row.value, row.value_unit, row.qualifier)} | {self._date(row.date)} | {cite} |")
        return title + "\n".join(rows) + "\n"

    def national_chart(self) -> Svg | Markdown:
        svg = national_chart_svg(self.facts, self.as_of, self.lang)
        return Markdown("") if svg is None else Svg(svg)

    def data_gaps(self) -> Markdown:
        heading = f"## {self._l('data_gaps')}\n\n"
        progress = self.progress.progress
        no_data = sorted({self._indicator(r) for r in progress[progress["status"] == NO_DATA].itertuples(index=False)})
        no_target = sorted({self._indicator(r) for r in progress[progress["status"] == NO_TARGET].itertuples(index=False)})
        covered = set(progress["indicator_id"])
        neither = sorted(
            md_escape(r.name_vi if self.lang == "vi" else r.name_en)
            for r in self.facts.indicators.itertuples(index=False)
            if r.indicator_id not in covered
        )
        none = self._l("none")
        if self.lang == "vi":
            lines = [
                f"- Có mục tiêu nhưng chưa có số liệu: {', '.join(no_data) or none}.",
                f"- Có số liệu nhưng chưa có mục tiêu: {', '.join(no_target) or none}.",
                f"- Chưa có cả mục tiêu lẫn số liệu cho địa phương này: {', '.join(neither) or none}.",
            ]
        else:
            lines = [
                f"- Target set, no figure reported: {', '.join(no_data) or none}.",
                f"- Figure reported, no target set: {', '.join(no_target) or none}.",
                f"- Neither a target nor a figure for this unit: {', '.join(neither) or none}.",
            ]
        return Markdown(heading + "\n".join(lines) + "\n")

    def sources(self) -> Markdown:
        heading = f"## {self._l('sources')}\n\n"
        if not self.citations.order:
            return Markdown(heading + self._l("none") + "\n")
        entries = []
        for n, source_id in enumerate(self.citations.order, start=1):
            s = self.citations.source(source_id)
            parts = [md_escape(s["title"])]
            for column in ("publisher", "date_published"):
                value = s.get(column)
                if isinstance(value, str) and value:
                    parts.append(self._date(value) if column == "date_published" else md_escape(value))
            if isinstance(s.get("address"), str) and s["address"]:
                parts.append(md_escape(s["address"]))
            entry = f"{n}. " + ". ".join(parts) + "."
            language = s.get("language") if isinstance(s.get("language"), str) else None
            marker = ""
            if language and language != self.lang and f"lang_{language}" in _known_labels():
                marker = f" ({self._l('in_language')} {self._l('lang_' + language)})"
            for quote in self.citations.quotes[source_id]:
                entry += f"\n\n    > “{md_escape(quote)}”{marker}"
            entries.append(entry)
        return Markdown(heading + "\n\n".join(entries) + "\n")

    def method_note(self) -> Markdown:
        heading = f"## {self._l('method')}\n\n"
        if self.lang == "vi":
            extra = ("Bản tin chỉ dùng các nguồn công bố đến ngày của bản tin. Số liệu của các tỉnh cũ được "
                     "quy về đơn vị hành chính mới sau sáp nhập năm 2025; số liệu đếm chỉ được cộng khi mọi tỉnh cũ "
                     "cùng báo cáo cho một kỳ, tỷ lệ không bao giờ được cộng.")
        else:
            extra = ("A brief uses only sources published on or before its date. Figures about the units merged "
                     "in 2025 are attributed to the current unit; counts are summed only when every former unit "
                     "reports for the same period, and shares are never summed.")
        return Markdown(heading + md_escape(STATUS_RULE[self.lang]) + "\n\n" + md_escape(extra) + "\n")

    def record(self) -> Record:
        return Record(
            front_matter=self.front_matter(),
            slug=self.unit.slug,
            name_vi=self.unit.official_name_vi,
            name_en=self.unit.name_en,
            former_units=[u.official_name_vi for u in self.former],
            as_of=self.as_of.date().isoformat(),
            headline=self.headline(),
            has_data=not (self.progress.progress.empty and self.progress.coverage.empty),
        )

    def headline(self) -> dict | None:
        """The index's headline figure: the first judged target, else the latest figure."""
        progress = self.progress.progress
        judged = progress[progress["observation_id"].notna()]
        if judged.empty:
            return None
        row = next(judged.itertuples(index=False))
        value = self.value_text(row.value, row.value_unit, row.qualifier).replace("\\", "")
        name = row.name_vi if self.lang == "vi" else row.name_en
        return {"label": name, "value": f"{value} ({self._date(row.date)}): {self._status(row.status)}"}


def _separator(*widths: int, right: tuple[int, ...] = ()) -> str:
    """A pipe-table rule whose dash counts give pandoc the columns' relative widths."""
    cells = ["-" * (w - 1) + ":" if i in right else "-" * w for i, w in enumerate(widths)]
    return "|" + "|".join(cells) + "|"


@functools.cache
def _known_labels() -> frozenset[str]:
    from analysis.render.i18n import LABELS

    return frozenset(LABELS)


def open_brief(unit: str, as_of=None, lang: str = "en", data: str | Path | None = None) -> Brief:
    """The notebook's one call: everything a unit's brief shows."""
    return Brief(unit, as_of=as_of, lang=lang, data=data or os.environ.get("BRIEFS_DATA") or None)
