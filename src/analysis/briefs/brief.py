"""One unit's policy brief: the data behind it, and each section as Markdown or SVG.

The notebook `notebooks/province_brief.ipynb` calls one method per cell and shows the result;
everything a brief says is decided here, where it is tested. Text that comes from documents
(titles, quotes, names) goes through `md_escape`, so it always shows literally.

Sections live in one module each (key_messages, progress_section, context, closing), mixed
into `Brief`; they return `Markdown` or `Svg` (analysis.briefs.output).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd

from analysis.briefs.chart_points import ChartPoints
from analysis.briefs.closing import ClosingSections
from analysis.briefs.context import ContextSections
from analysis.briefs.key_messages import KeyMessages
from analysis.briefs.map import MapSection
from analysis.briefs.output import (
    Citations,
    Markdown,
    Record,
    cached_facts,
    parse_as_of,
)
from analysis.briefs.progress_section import ProgressSection
from analysis.briefs.thin_data import ThinDataSections
from analysis.briefs.wording import target_text, value_text
from analysis.curation.facts import Facts
from analysis.progress.targets import UnitProgress, brief_tables
from analysis.reference.units import Unit, Units
from analysis.render.escape import md_escape
from analysis.render.i18n import format_date, label


class Brief(KeyMessages, ProgressSection, ContextSections, ClosingSections, ChartPoints, ThinDataSections, MapSection):
    """The brief of one current unit as of a date, in one language.

    `facts` and `units` default to the processed store and the project's reference units;
    tests pass fictional ones (see `units_of`)."""

    def __init__(self, unit: str, as_of=None, lang: str = "en", data: str | Path | None = None,
                 facts: Facts | None = None, units: Units | None = None):
        from analysis.reference.units import load_units

        if lang not in ("en", "vi"):
            raise ValueError(f"lang must be 'en' or 'vi', not {lang!r}")
        self.lang = lang
        self.as_of = parse_as_of(as_of)
        self.facts = facts if facts is not None else cached_facts(data)
        self.units = units = units if units is not None else load_units()
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

    def _target_text(self, row, compact: bool = True) -> str:
        """A target as a table cell ("≥ 30%", "100%") or, not compact, in a sentence ("at least 30%")."""
        return target_text(row.comparator, row.target_value, row.value_unit, self.lang, compact=compact)

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
        for row in self._own_figures().itertuples(index=False):  # every figure the charts plot
            self.citations.cite(row.source_id, row.quote)
        for row in self.progress.coverage.itertuples(index=False):
            self.citations.cite(row.source_id, row.quote)
        for row in self._national_latest().itertuples(index=False):
            self.citations.cite(row.source_id, row.quote)
        for row in self._timeline_documents().itertuples(index=False):
            self.citations.cite(row.source_id, row.quote)

    def _own_figures(self) -> pd.DataFrame:
        """Every figure of the unit and its former units counted on the as-of date, with sums."""
        from analysis.progress.rollup import facts_as_of, rolled_up

        return rolled_up(facts_as_of(self.facts, self.as_of), self.unit.slug)

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

    # A chart's heading shows only when the chart does (see chart_points for when it does).
    _CHART_POINTS = {"trend_chart": "trend_points", "progress_chart": "trend_points", "peer_chart": "peer_points"}

    def heading(self, key: str) -> Markdown:
        """A section heading for a cell whose output is a chart; empty when there is no chart."""
        points = self._CHART_POINTS.get(key)
        if points and getattr(self, points)().empty:
            return Markdown("")
        title = self._l("trend_chart" if key == "progress_chart" else key)
        intro = f"\n{md_escape(self._l('peer_intro').format(unit=self.name))}\n" if key == "peer_chart" else ""
        return Markdown(f"## {title}\n{intro}")

    def header(self) -> Markdown:
        former = ", ".join(md_escape(f"{u.name_vi} ({u.name_en})") for u in self.former) or self._l("did_not_merge")
        lines = [
            f"**{md_escape(self.unit.official_name_vi)}** · {md_escape(self.unit.name_en)}",
            "",
            f"- {self._l('former_units')}: {former}",
            f"- {self._l('as_of')}: {format_date(self.as_of.date(), self.lang)}",
        ]
        return Markdown("\n".join(lines) + "\n")

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


def units_of(facts: Facts) -> Units:
    """The units a Facts bundle carries (its `units` and `crosswalk` frames), for a Brief of
    data that is not the project's own, such as the fictional units of the tests."""
    units = [Unit(r.slug, r.scheme, r.code, r.name_vi, r.official_name_vi, r.name_en, r.type)
             for r in facts.units.itertuples(index=False)]
    crosswalk = dict(zip(facts.crosswalk["legacy_slug"], facts.crosswalk["current_slug"]))
    return Units(units, crosswalk, [], [])


def open_brief(unit: str, as_of=None, lang: str = "en", data: str | Path | None = None) -> Brief:
    """The notebook's one call: everything a unit's brief shows."""
    return Brief(unit, as_of=as_of, lang=lang, data=data or os.environ.get("BRIEFS_DATA") or None)
