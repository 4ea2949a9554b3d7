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
        rows = ["| " + " | ".join(head) + " |", table_rule(24, 11, 13, 18, 12, 9, 8, right=(5,))]
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
            legacy = f" ({md_escape(self._unit_label('legacy:' + row.legacy_unit))})" if isinstance(row.legacy_unit, str) and row.legacy_unit != self.unit.slug else ""
            cells = [self._indicator(row) + legacy, target, self._date(row.deadline), figure,
                     f"**{self._status(row.status)}**", gap, " ".join(cites)]
            rows.append("| " + " | ".join(cells) + " |")
        return Markdown(heading + "\n".join(rows) + "\n")

    def trend_chart(self) -> Svg | Markdown:
        """Figures and targets over time, only for indicators with two or more dated facts;
        nothing when there are none (a single figure is in the table)."""
        from analysis.briefs.charts import to_svg, trend_chart

        points = self.trend_points()
        return Markdown("") if points.empty else Svg(to_svg(trend_chart(points, self.lang), self.lang))

    progress_chart = trend_chart  # the name older notebooks call

    def peer_chart(self) -> Svg | Markdown:
        """Where the unit stands among the units reporting each indicator."""
        from analysis.briefs.charts import peer_chart, to_svg

        points = self.peer_points()
        return Markdown("") if points.empty else Svg(to_svg(peer_chart(points, self.lang), self.lang))
