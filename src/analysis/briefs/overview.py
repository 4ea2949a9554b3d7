"""The national overview: coverage across the 34 units, national figures, the cascade, ranks.

Like analysis.briefs.brief, each section is Markdown or SVG for one notebook cell.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from analysis.briefs.brief import Brief
from analysis.briefs.output import Citations, Markdown, Svg, cached_facts, parse_as_of
from analysis.briefs.wording import TOPIC_VI
from analysis.progress.compare import MIN_UNITS_FOR_RANK
from analysis.progress.coverage import national_coverage
from analysis.progress.targets import _named, national_figures
from analysis.render.escape import md_escape
from analysis.render.i18n import format_date, label


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
        )
        self.citations = Citations(self.facts.sources)
        self.grid = national_coverage(self.facts, self.as_of)

    @property
    def name(self) -> str:
        return label("national", self.lang)

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
        if self.lang == "vi":
            text = (f"Đến ngày {format_date(self.as_of.date(), 'vi')}, {with_any} trên 34 tỉnh, thành phố có ít nhất "
                    "một văn bản của địa phương được ghi nhận trong dữ liệu.")
        else:
            text = (f"As of {format_date(self.as_of.date(), 'en')}, {with_any} of the 34 provincial units have at least "
                    "one document of their own in the curated data.")
        return Markdown(f"## {self._l('key_messages')}\n\n- {text}\n")

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

    def coverage_map(self) -> Svg:
        from analysis.briefs.charts import coverage_map, to_svg

        centroids = pd.read_csv(self.units_reference() / "centroids.csv", dtype=str)
        centroids = centroids[centroids["scheme"] == "2025"]
        issued = self.grid[self.grid["documents"] > 0].groupby("current_unit")["kind"].nunique()
        names = {u.slug: (u.name_vi if self.lang == "vi" else u.name_en) for u in self.units.current()}
        frame = pd.DataFrame({
            "name": centroids["slug"].map(names),
            "lat": centroids["lat"].astype(float),
            "lon": centroids["lon"].astype(float),
            "issued": centroids["slug"].map(issued).fillna(0).astype(int),
        })
        return Svg(to_svg(coverage_map(frame, self.lang)))

    def units_reference(self) -> Path:
        from analysis.paths import ProjectPaths

        return ProjectPaths.at().reference

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
                names = {u.slug: (u.name_vi if self.lang == "vi" else u.name_en) for u in self.units.current()}
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
