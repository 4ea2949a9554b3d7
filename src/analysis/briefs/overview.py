"""The national overview: coverage across the 34 units, national figures, the cascade, ranks.

Like analysis.briefs.brief, each section is Markdown or SVG for one notebook cell.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from analysis.briefs.brief import Brief
from analysis.briefs.output import Citations, Markdown, Svg, cached_facts, parse_as_of
from analysis.briefs.wording import TOPIC_VI, unit_names
from analysis.progress.compare import MIN_UNITS_FOR_RANK
from analysis.progress.coverage import coverage_matrix, coverage_summary, national_coverage
from analysis.progress.targets import _named, national_figures
from analysis.render.escape import md_escape
from analysis.render.i18n import format_date, format_number, label


class Overview(Brief):
    """The country as a whole. Reuses the brief's formatting, citations and national tables."""

    def __init__(self, as_of=None, lang: str = "en", data: str | Path | None = None):
        from analysis.reference.units import load_units

        if lang not in ("en", "vi"):
            raise ValueError(f"lang must be 'en' or 'vi', not {lang!r}")
        self.lang = lang
        self.as_of = parse_as_of(as_of)
        self.facts = cached_facts(data)
        self.units = load_units()
        self.unit = None
        self.former = []
        # The brief's national sections read these; the overview has no unit of its own.
        self.progress = SimpleNamespace(
            national=_named(national_figures(self.facts, self.as_of), lang),
            coverage=pd.DataFrame(columns=["document_id", "source_id", "quote"]),
            progress=pd.DataFrame(columns=["status", "target_id", "observation_id", "indicator_id"]),
            targets=pd.DataFrame(columns=["target_id", "indicator_id", "comparator", "target_value", "value_unit",
                                          "deadline", "source_id", "quote"]),
        )
        self.citations = Citations(self.facts.sources)
        self.grid = national_coverage(self.facts, self.as_of)

    @property
    def name(self) -> str:
        return label("national", self.lang)

    def _own_figures(self) -> pd.DataFrame:
        """No figures of a unit of its own: the charts' lanes hold the national documents only."""
        from analysis.progress.rollup import facts_as_of, rolled_up

        any_unit = self.units.current()[0].slug  # for the columns only
        return rolled_up(facts_as_of(self.facts, self.as_of), any_unit).iloc[0:0]

    def front_matter(self) -> dict:
        return {
            "title": md_escape(label("national_overview", self.lang)),
            "subtitle": md_escape(label("index_title", self.lang)),
            "lang": self.lang,
            "brief": {"unit": md_escape(label("national", self.lang)), "as-of": md_escape(format_date(self.as_of.date(), self.lang))},
            "params": {"unit": "national", "as_of": self.as_of.date().isoformat(), "lang": self.lang},
        }

    def record(self):
        from analysis.briefs.output import Record

        return Record(front_matter=self.front_matter(), slug="national", name_vi=label("national_overview", "vi"),
                      name_en=label("national_overview", "en"), former_units=[], as_of=self.as_of.date().isoformat(),
                      headline=None, has_data=True)

    def summary(self) -> Markdown:
        issued = self.grid[self.grid["documents"] > 0]
        with_any = issued["current_unit"].nunique()
        c = coverage_summary(self.facts, self.as_of)
        day = format_date(self.as_of.date(), self.lang)
        if self.lang == "vi":
            lines = [
                f"Đến ngày {day}, {with_any} trên 34 tỉnh, thành phố có ít nhất một văn bản của địa phương được ghi nhận trong dữ liệu.",
                f"{c['units_with_figures']} trên {c['units']} tỉnh, thành phố có ít nhất một số liệu có nguồn; "
                f"{c['units_with_target_or_document']} có mục tiêu hoặc văn bản của riêng mình.",
                f"Tổng cộng {format_number(c['observations'], 'vi')} số liệu và {format_number(c['targets'], 'vi')} mục tiêu của các địa phương, "
                "mỗi số liệu đều có nguồn và trích dẫn.",
            ]
        else:
            lines = [
                f"As of {day}, {with_any} of the 34 provincial units have at least one document of their own in the curated data.",
                f"{c['units_with_figures']} of {c['units']} units have at least one sourced figure; "
                f"{c['units_with_target_or_document']} have a target or a document of their own.",
                f"{format_number(c['observations'], 'en')} figures and {format_number(c['targets'], 'en')} targets of units in all, "
                "each with its source and quote.",
            ]
        return Markdown(f"## {self._l('key_messages')}\n\n" + "".join(f"- {t}\n" for t in lines))

    def coverage_table(self) -> Markdown:
        """Who has issued what, and when: one row per unit, one column per topic with documents."""
        topics = [t for t in self.grid["kind"].drop_duplicates() if (self.grid.loc[self.grid["kind"] == t, "documents"] > 0).any()]
        heading = f"## {self._l('coverage_context')}\n\n"
        if not topics:
            return Markdown(heading + self._l("no_data") + "\n")
        shown = [TOPIC_VI.get(t, t) if self.lang == "vi" else t for t in topics]
        rows = ["| " + " | ".join([self._l("unit"), *map(md_escape, shown)]) + " |", "|---|" + "---|" * len(topics)]
        for unit, cells in self.grid.groupby("current_unit", sort=False):
            name = cells["name_vi" if self.lang == "vi" else "name_en"].iloc[0]
            values = []
            for topic in topics:
                cell = cells[cells["kind"] == topic].iloc[0]
                if cell["documents"] > 0:
                    first = cell["first_issued"]
                    # Local keys read "ha-tinh:15-NQ/TU": show the number as documents write it.
                    numbers = ", ".join(d.split(":")[-1] for d in str(cell["document_ids"]).split(", "))
                    values.append(md_escape(numbers) + (f" ({self._date(first)})" if isinstance(first, str) and first else ""))
                else:
                    values.append("—")
            rows.append("| " + " | ".join([md_escape(name), *values]) + " |")
        return Markdown(heading + "\n".join(rows) + "\n")

    def _map_cells(self) -> dict:
        from analysis.briefs.map import MapCell, category_of

        matrix = coverage_matrix(self.facts, self.as_of)
        per_unit = matrix.groupby("current_unit")[["observations", "targets"]].sum()
        documents = self.grid.groupby("current_unit")["documents"].sum()
        cells = {}
        for unit in self.units.current():
            obs, tgt = (int(per_unit.loc[unit.slug, k]) if unit.slug in per_unit.index else 0 for k in ("observations", "targets"))
            docs = int(documents.get(unit.slug, 0))
            cells[unit.slug] = MapCell(unit.name_vi if self.lang == "vi" else unit.name_en, category_of(obs, tgt, docs), obs + tgt, docs)
        return cells

    def coverage_map(self) -> Svg:
        """Vietnam's 34 units, filled by what is known of each; tooltips give the counts."""
        from analysis.briefs.map import coverage_map_svg

        return Svg(coverage_map_svg(self._map_cells(), self.lang))

    def map_note(self) -> Markdown:
        return Markdown(f"*{md_escape(self._l('map_note'))}*\n")

    def coverage_matrix(self) -> Markdown:
        """The units x indicators matrix: its heading, key and the indicators nobody reports."""
        from analysis.briefs.matrix import active_indicators

        matrix = coverage_matrix(self.facts, self.as_of)
        shown = set(active_indicators(matrix))
        names = self.facts.indicators.set_index("indicator_id")["name_vi" if self.lang == "vi" else "name_en"]
        silent = [md_escape(names[i]) for i in names.index if i not in shown]
        if self.lang == "vi":
            key = ("Mỗi ô: số dữ kiện (số liệu và mục tiêu) và tháng của số liệu mới nhất. "
                   "◇ khung cam: chỉ có mục tiêu, chưa có số liệu; — nền gạch: chưa có dữ liệu.")
            rest = f"Chưa tỉnh nào có dữ liệu về: {', '.join(silent)}." if silent else ""
        else:
            key = ("Each cell: the number of facts (figures and targets) and the month of the latest figure. "
                   "◇ in an orange frame: a target only, no figure yet; — on hatching: no data.")
            rest = f"No unit has data yet on: {', '.join(silent)}." if silent else ""
        return Markdown(f"## {self._l('coverage_matrix')}\n\n{key}\n\n" + (f"{rest}\n" if rest else ""))

    def coverage_matrix_panels(self) -> list[Svg]:
        from analysis.briefs.matrix import matrix_panels

        matrix = coverage_matrix(self.facts, self.as_of)
        names = dict(zip(self.facts.indicators["indicator_id"], self.facts.indicators["name_vi" if self.lang == "vi" else "name_en"]))
        return [Svg(svg) for svg in matrix_panels(matrix, names, self.lang)]

    def ranks(self) -> Markdown:
        from analysis.progress.rollup import facts_as_of, rolled_up_all

        heading = f"## {'Xếp hạng' if self.lang == 'vi' else 'Rankings'}\n\n"
        rolled = rolled_up_all(facts_as_of(self.facts, self.as_of))
        current = rolled[rolled["legacy_unit"].isna() | (rolled["series"] == rolled["current_unit"])]
        lines = []
        for indicator, rows in current.groupby("indicator_id"):
            reporting = rows["current_unit"].nunique()
            name = self.facts.indicators.set_index("indicator_id").loc[indicator, "name_vi" if self.lang == "vi" else "name_en"]
            if reporting >= MIN_UNITS_FOR_RANK:
                latest = rows.assign(_d=rows["date"].map(str)).sort_values("_d").groupby("current_unit").tail(1)
                higher = bool(self.facts.indicators.set_index("indicator_id").loc[indicator, "higher_is_better"])
                latest = latest.sort_values("value", ascending=not higher)
                names = unit_names(self.units, self.lang)
                ranked = "; ".join(
                    f"{n}. {md_escape(names.get(r.current_unit, r.current_unit))} "
                    f"{self.value_text(r.value, r.value_unit, r.qualifier)} ({self._date(r.date)}) {self.citations.cite(r.source_id, r.quote)}"
                    for n, r in enumerate(latest.itertuples(index=False), start=1)
                )
                lines.append(f"- {md_escape(name)}: {ranked}.")
            else:
                few = (f"chỉ {reporting} đơn vị báo cáo (cần ít nhất {MIN_UNITS_FOR_RANK}) nên chưa xếp hạng" if self.lang == "vi"
                       else f"only {reporting} unit(s) report (at least {MIN_UNITS_FOR_RANK} needed), so no ranking is shown")
                lines.append(f"- {md_escape(name)}: {few}.")
        if not lines:
            lines.append("- " + ("Chưa có chỉ tiêu nào có số liệu của các địa phương." if self.lang == "vi" else "No indicator has figures from units yet."))
        return Markdown(heading + "\n".join(lines) + "\n")


def open_overview(as_of=None, lang: str = "en", data: str | Path | None = None) -> Overview:
    return Overview(as_of=as_of, lang=lang, data=data)
