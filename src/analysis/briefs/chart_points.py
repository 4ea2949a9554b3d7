"""What a brief's charts plot: frames of points, each one a curated fact.

Every plotted row names the fact it shows in `fact_id` (an observation, a target, a document;
a merged unit's sum names its parts, joined by ' + ') and carries its tooltip in `tip`: the
value, its date, the source and the quote. A chart is drawn only where it shows change over
time (two or more dated facts of one indicator) or a comparison between units; a single
figure belongs in the table. Nothing here computes a value to plot.
"""

from __future__ import annotations

import pandas as pd

from analysis.briefs.output import COMBINED_SOURCES
from analysis.briefs.wording import target_text, value_text
from analysis.curation.facts import period_start
from analysis.progress.compare import peer_figures
from analysis.progress.targets import national_figures

MIN_POINTS = 2  # a line needs two dated facts
MIN_PEERS = 3  # a comparison needs a few units reporting

TREND_COLUMNS = ["panel", "note", "kind", "date", "value", "path", "label", "fact_id", "tip"]
# The cascade every brief sets its unit against: these national documents are always labelled.
CASCADE = ("12-NQ/TW", "90-QĐ/TW")
PEER_COLUMNS = ["panel", "note", "kind", "value", "name", "fact_id", "tip"]
TIMELINE_COLUMNS = ["lane", "lane_order", "kind", "date", "label", "fact_id", "tip"]
NATIONAL_COLUMNS = ["panel", "date", "value", "label", "fact_id", "tip"]


def _plain(text: str) -> str:
    """Tooltips are SVG text, not Markdown: drop the Markdown escapes of the brief's wording."""
    return text.replace("\\", "")


def _one_per_date(rows: pd.DataFrame) -> pd.DataFrame:
    """One figure per date: the latest published (the one the progress table also uses)."""
    ordered = rows.sort_values(["date_end", "published_end", "observation_id"], kind="stable")
    return ordered.drop_duplicates("date_end", keep="last")


class ChartPoints:
    """Mixed into Brief: needs facts, progress, citations, as_of, lang and the Brief helpers."""

    # ---- tooltips ---------------------------------------------------------------------------

    def _source_words(self, source_ids: str) -> str:
        """"Source: [2] Title, Publisher"; a sum of parts names each part's source ('; ')."""
        named = []
        for source_id in str(source_ids).split(COMBINED_SOURCES):
            s = self.citations.source(source_id)
            number = f"[{self.citations.order.index(source_id) + 1}] " if source_id in self.citations.order else ""
            publisher = f", {s['publisher']}" if isinstance(s.get("publisher"), str) and s["publisher"] else ""
            named.append(f"{number}{s['title']}{publisher}")
        return f"{self._l('source')}: {'; '.join(named)}"

    def _tip(self, head: str, when, source_id: str, quote: str | None) -> str:
        lines = [f"{head} ({self._date(when)})", self._source_words(source_id)]
        if isinstance(quote, str) and quote:
            lines.append(f"“{quote}”")
        return "\n".join(lines)

    def _figure_tip(self, who: str, row) -> str:
        amount = _plain(self.value_text(row.value, row.value_unit, row.qualifier))
        if getattr(row, "combined", False):
            amount += f" ({self._l('sum_of_parts')})"
        return self._tip(f"{who}: {amount}", row.date, row.source_id, row.quote)

    def _unit_label(self, series: str) -> str:
        """A unit's short name from its slug or series ('legacy:hai-duong')."""
        from analysis.reference.units import UnitNotFound

        scheme, _, slug = series.rpartition(":")
        try:
            unit = self.units.get(slug, scheme or None)
        except UnitNotFound:
            return slug
        return unit.name_vi if self.lang == "vi" else unit.name_en

    # ---- figures and targets over time ------------------------------------------------------

    def trend_points(self) -> pd.DataFrame:
        """Per series and indicator with two or more dated facts (figures and targets): the
        figures, one per date; each target at its deadline; a target's stated baseline."""
        name_col = "name_vi" if self.lang == "vi" else "name_en"
        names = dict(zip(self.facts.indicators["indicator_id"], self.facts.indicators[name_col]))
        figures = self._own_figures()
        targets = self.progress.targets
        keys = list(dict.fromkeys([*zip(targets["series"], targets["indicator_id"]),
                                   *zip(figures["series"], figures["indicator_id"])]))
        rows = []
        for series, indicator in keys:
            mine = _one_per_date(figures[(figures["series"] == series) & (figures["indicator_id"] == indicator)])
            goals = targets[(targets["series"] == series) & (targets["indicator_id"] == indicator)]
            if len(mine) + len(goals) < MIN_POINTS:
                continue
            panel = str(names.get(indicator, indicator))
            if series != self.unit.slug:
                panel += f" ({self._unit_label(series)})"
            note = self._trend_note(len(mine), len(goals))
            for r in mine.itertuples(index=False):
                rows.append({"panel": panel, "note": note, "kind": "figure", "date": r.date_end, "value": float(r.value),
                             "path": None, "label": _plain(self.value_text(r.value, r.value_unit, r.qualifier)),
                             "fact_id": r.observation_id, "tip": self._figure_tip(self.name, r)})
            for t in goals.itertuples(index=False):
                goal = _plain(target_text(t.comparator, t.target_value, t.value_unit, self.lang, compact=True))
                doc = f" · {t.document_number}" if isinstance(t.document_number, str) else ""
                # A path needs a baseline the source states; the status rule's default (0 at the
                # document's date) is not a fact and is never drawn.
                stated = not pd.isna(t.baseline_value) and not pd.isna(t.baseline_date)
                path = t.target_id if stated else None
                rows.append({"panel": panel, "note": note, "kind": "target", "date": t.deadline, "value": float(t.target_value),
                             "path": path, "label": f"{goal} · {self._month(t.deadline)}", "fact_id": t.target_id,
                             "tip": self._tip(f"{self._l('target')}{doc}: {goal}", t.deadline, t.source_id, t.quote)})
                if stated:
                    amount = _plain(value_text(t.baseline_value, t.value_unit, None, self.lang))
                    rows.append({"panel": panel, "note": note, "kind": "baseline", "date": t.baseline_date,
                                 "value": float(t.baseline_value), "path": path, "label": "", "fact_id": t.target_id,
                                 "tip": self._tip(f"{self._l('baseline')}{doc}: {amount}", t.baseline_date, t.source_id, t.quote)})
        frame = pd.DataFrame(rows, columns=TREND_COLUMNS)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame

    def _month(self, when) -> str:
        """A deadline beside its mark, to the month: "Dec 2025", "12/2025"."""
        return self._date(pd.Timestamp(when).strftime("%Y-%m"))

    def _trend_note(self, figures: int, targets: int) -> str:
        if figures == 0:
            return self._l("trend_targets_only").format(unit=self.name)
        plural = {"fs": "" if figures == 1 else "s", "ts": "" if targets == 1 else "s"}
        return self._l("trend_counts").format(figures=figures, targets=targets, **plural)

    # ---- beside the other units ---------------------------------------------------------------

    def peer_points(self) -> pd.DataFrame:
        """Each indicator that MIN_PEERS or more current units report: every unit's latest
        figure, this unit's marked, or a 'missing' row (no value) when it reports none."""
        peers = peer_figures(self.facts, self.as_of)
        peers = peers[peers["units_reporting"] >= MIN_PEERS]
        name_col = "name_vi" if self.lang == "vi" else "name_en"
        names = dict(zip(self.facts.indicators["indicator_id"], self.facts.indicators[name_col]))
        mine_first = sorted(peers["indicator_id"].unique(),
                            key=lambda i: (not ((peers["indicator_id"] == i) & (peers["unit"] == self.unit.slug)).any(), i))
        # A merged unit whose former units report only some of them has no figure of its own.
        own = self._own_figures()
        own = own[own["legacy_unit"].notna() & ~own["combined"].astype(bool)]
        parts_only = {i: ", ".join(dict.fromkeys(self._unit_label("legacy:" + u) for u in g["legacy_unit"]))
                      for i, g in own.groupby("indicator_id")}
        rows = []
        for indicator in mine_first:
            group = peers[peers["indicator_id"] == indicator]
            own = group[group["unit"] == self.unit.slug]
            n = len(group)
            if len(own):
                note = self._l("peer_rank").format(unit=self.name, rank=int(own["rank"].iloc[0]), n=n)
            elif indicator in parts_only:
                note = self._l("peer_parts_only").format(unit=self.name, n=n, parts=parts_only[indicator])
            else:
                note = self._l("peer_missing").format(unit=self.name, n=n)
            panel = str(names.get(indicator, indicator))
            for r in group.itertuples(index=False):
                is_self = r.unit == self.unit.slug
                who = self.name if is_self else self._unit_label(r.unit)
                rows.append({"panel": panel, "note": note, "kind": "self" if is_self else "peer", "value": r.value,
                             "name": who, "fact_id": r.observation_id, "tip": self._figure_tip(who, r)})
            if own.empty:
                rows.append({"panel": panel, "note": note, "kind": "missing", "value": float("nan"),
                             "name": f"{self.name}: {self._l('no_data')}", "fact_id": None, "tip": None})
        return pd.DataFrame(rows, columns=PEER_COLUMNS)

    # ---- the cascade ------------------------------------------------------------------------------

    def timeline_points(self) -> pd.DataFrame:
        """National documents, the unit's documents, figures and target deadlines, each dated."""
        rows = []
        docs = self._timeline_documents()
        links = self.facts.document_links
        mine = set(self.progress.coverage["document_id"])
        linked = set(links.loc[links["from_document"].isin(mine), "to_document"])
        for d in docs[docs["when"].notna()].itertuples(index=False):
            national = d.unit == "national"
            shown = not national or d.number in CASCADE or d.document_id in linked
            lane, order = (self._l("lane_national"), 0) if national else (self._l("lane_documents").format(unit=self.name), 1)
            rows.append({"lane": lane, "lane_order": order, "kind": "document", "date": d.when, "label": d.number if shown else "",
                         "fact_id": d.document_id, "tip": self._tip(f"{d.number}: {d.title}", d.date_issued, d.source_id, d.quote)})
        figures = self._own_figures()
        figures = figures[~figures["combined"].astype(bool)]
        lane = self._l("lane_figures").format(unit=self.name)
        name_col = "name_vi" if self.lang == "vi" else "name_en"
        names = dict(zip(self.facts.indicators["indicator_id"], self.facts.indicators[name_col]))
        for r in figures.itertuples(index=False):
            rows.append({"lane": lane, "lane_order": 2, "kind": "figure", "date": r.date_end, "label": "",
                         "fact_id": r.observation_id, "tip": self._figure_tip(str(names.get(r.indicator_id, r.indicator_id)), r)})
        lane = self._l("lane_deadlines").format(unit=self.name)
        for t in self.progress.targets.itertuples(index=False):
            goal = _plain(target_text(t.comparator, t.target_value, t.value_unit, self.lang, compact=True))
            rows.append({"lane": lane, "lane_order": 3, "kind": "target", "date": t.deadline, "label": "",
                         "fact_id": t.target_id, "tip": self._tip(f"{names.get(t.indicator_id, t.indicator_id)}: {goal}",
                                                                 t.deadline, t.source_id, t.quote)})
        frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame if len(frame) >= MIN_POINTS else frame.iloc[0:0]

    # ---- national figures ---------------------------------------------------------------------------

    def national_points(self) -> pd.DataFrame:
        """National figures of each indicator reported on two or more dates."""
        national = national_figures(self.facts, self.as_of)
        name_col = "name_vi" if self.lang == "vi" else "name_en"
        rows = []
        for _, group in national.groupby("indicator_id", sort=True):
            starts = group["date"].map(period_start)
            if starts.nunique() < MIN_POINTS:
                continue
            group = group.assign(start=starts).drop_duplicates("start", keep="last")
            for r in group.itertuples(index=False):
                amount = _plain(value_text(r.value, r.value_unit, r.qualifier, self.lang))
                rows.append({"panel": getattr(r, name_col), "date": r.start, "value": float(r.value), "label": amount,
                             "fact_id": r.observation_id, "tip": self._tip(f"{self._l('national')}: {amount}", r.date, r.source_id, r.quote)})
        frame = pd.DataFrame(rows, columns=NATIONAL_COLUMNS)
        frame["date"] = pd.to_datetime(frame["date"])
        return frame
