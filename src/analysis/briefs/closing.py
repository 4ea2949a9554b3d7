"""The end of a brief: what data is missing, the numbered sources with their quotes, the method."""

from __future__ import annotations

from analysis.briefs.output import Markdown
from analysis.briefs.wording import known_labels
from analysis.progress.status import NO_DATA, NO_TARGET, STATUS_RULE
from analysis.render.escape import md_escape


class ClosingSections:
    """Mixed into Brief: needs progress, facts, citations, lang and the Brief helpers."""

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
            if language and language != self.lang and f"lang_{language}" in known_labels():
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
