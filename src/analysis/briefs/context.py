"""The brief's context: the cascade of documents, coverage across units, national figures."""

from __future__ import annotations

from analysis.briefs.output import Markdown, Svg
from analysis.briefs.wording import TOPIC_VI, table_rule
from analysis.render.escape import md_escape


class ContextSections:
    """Mixed into Brief: needs progress, facts, citations, as_of and the Brief helpers."""

    def timeline(self) -> Markdown:
        docs = self._timeline_documents()
        heading = f"## {self._l('timeline')}\n\n"
        head = [self._l(k) for k in ("date", "document", "issuer", "title", "sources")]
        rows = ["| " + " | ".join(head) + " |", table_rule(13, 16, 24, 38, 9)]
        for row in docs.itertuples(index=False):
            cite = self.citations.cite(row.source_id, row.quote)
            date = self._date(row.date_issued) if isinstance(row.date_issued, str) and row.date_issued else "—"
            rows.append(f"| {date} | {md_escape(row.number)} | {md_escape(row.issuer)} | {md_escape(row.title)} | {cite} |")
        return Markdown(heading + "\n".join(rows) + "\n")

    def timeline_chart(self) -> Svg | Markdown:
        """The national cascade beside the unit's own documents, figures and deadlines."""
        from analysis.briefs.charts import timeline_chart, to_svg

        points = self.timeline_points()
        return Markdown("") if points.empty else Svg(to_svg(timeline_chart(points, self.lang), self.lang))

    def coverage(self) -> Markdown:
        from analysis.progress.coverage import national_coverage

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
        """National figures of indicators reported on two or more dates."""
        from analysis.briefs.charts import national_figures_chart, to_svg

        points = self.national_points()
        return Markdown("") if points.empty else Svg(to_svg(national_figures_chart(points, self.lang), self.lang))
