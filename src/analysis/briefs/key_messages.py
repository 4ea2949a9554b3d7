"""The key messages at the top of a brief: each target and its status, figures without a
target, the unit's own documents, and the national context, at most MAX_KEY_MESSAGES. When
little about the unit has been curated, one line above them says so."""

from __future__ import annotations

from analysis.briefs.output import Markdown
from analysis.briefs.wording import by_date, count_words
from analysis.progress.status import NO_DATA, NO_TARGET
from analysis.render.escape import md_escape
from analysis.render.i18n import format_date

MAX_KEY_MESSAGES = 5
THIN_FACTS = 3  # fewer of the unit's own documents, targets and figures than this: a thin brief


class KeyMessages:
    """Mixed into Brief: needs progress, citations, lang and the Brief helpers."""

    def key_messages(self) -> Markdown:
        messages = []
        progress = self.progress.progress
        targets = progress[progress["target_id"].notna()]
        for row in targets.itertuples(index=False):
            messages.append(self._msg_target(row))
        for row in progress[progress["status"] == NO_TARGET].itertuples(index=False):
            messages.append(self._msg_figure(row))
        if not self.progress.coverage.empty:
            messages.append(self._msg_coverage())
        for row in self._national_latest().itertuples(index=False):
            messages.append(self._msg_national(row))
        body = "\n".join(f"- {m}" for m in messages[:MAX_KEY_MESSAGES])
        thin = self._thin_line()
        return Markdown(f"## {self._l('key_messages')}\n\n{thin + chr(10) + chr(10) if thin else ''}{body}\n")

    def own_fact_counts(self) -> dict[str, int]:
        """How many of the unit's own documents, targets and figures the brief stands on."""
        figures = self.progress.progress["observation_id"].notna().sum()
        return {"documents": len(self.progress.coverage), "targets": len(self.progress.targets), "figures": int(figures)}

    def _thin_line(self) -> str:
        counts = self.own_fact_counts()
        if sum(counts.values()) == 0:
            return f"**{self._msg_nothing()}**"
        if sum(counts.values()) >= THIN_FACTS:
            return ""
        d, t, f = counts["documents"], counts["targets"], counts["figures"]
        if self.lang == "vi":
            return (f"**Dữ liệu còn ít:** đến ngày {format_date(self.as_of.date(), 'vi')} mới tổng hợp được {d} văn bản, "
                    f"{t} mục tiêu và {f} số liệu của {md_escape(self.name)}; phần lớn bản tin là bối cảnh toàn quốc.")
        counted = ", ".join([count_words(d, "document", none="no"), count_words(t, "target", none="no")]) + f" and {count_words(f, 'figure', none='no')}"
        return (f"**Thin data:** as of {format_date(self.as_of.date(), 'en')}, {counted} about {md_escape(self.name)} "
                "have been curated; most of this brief is national context.")

    def _msg_nothing(self) -> str:
        if self.lang == "vi":
            return f"Chưa có văn bản, mục tiêu hay số liệu nào về {md_escape(self.name)} được tổng hợp đến ngày {format_date(self.as_of.date(), 'vi')}."
        return f"No document, target or figure about {md_escape(self.name)} has been curated as of {format_date(self.as_of.date(), 'en')}."

    def _msg_target(self, row) -> str:
        target = self.progress.targets.set_index("target_id").loc[row.target_id]
        cite = self.citations.cite(target["source_id"], target["quote"])
        goal = f"{self._target_text(row, compact=False)} {by_date(row.deadline, self.lang)}"
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
        return f"{md_escape(self.name)} has {count_words(len(coverage), 'recorded document', none='no')} of its own: {numbers} {cites}."

    def _msg_national(self, row) -> str:
        cite = self.citations.cite(row.source_id, row.quote)
        name = md_escape(row.name_vi if self.lang == "vi" else row.name_en)
        lead = "Toàn quốc" if self.lang == "vi" else "Nationally"
        return f"{lead}, {name[0].lower() + name[1:]}: {self.value_text(row.value, row.value_unit, row.qualifier)} ({self._date(row.date)}) {cite}."
