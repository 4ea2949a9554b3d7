"""The brief's targets and progress: the table of targets and latest figures, and its chart."""

from __future__ import annotations

import pandas as pd

from analysis.briefs.output import Markdown, Svg
from analysis.briefs.wording import table_rule
from analysis.render.escape import md_escape


class ProgressSection:
    """Mixed into Brief: needs progress, facts, citations and the Brief helpers."""

    def targets_table(self) -> Markdown:
        heading = f"## {self._l('targets_progress')}\n\n"
        progress = self.progress.progress
        if progress.empty:
            none = (f"Chưa có mục tiêu hay số liệu nào của {md_escape(self.name)}." if self.lang == "vi"
                    else f"No target or figure is recorded for {md_escape(self.name)}.")
            return Markdown(heading + none + "\n")
        head = [self._l(k) for k in ("indicator", "target", "deadline", "latest_figure", "status", "gap", "sources")]
        rows = ["| " + " | ".join(head) + " |", table_rule(26, 12, 11, 18, 12, 9, 8, right=(5,))]
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
        from analysis.briefs.charts import progress_chart, to_svg
        from analysis.progress.rollup import facts_as_of, rolled_up

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
