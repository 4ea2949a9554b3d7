"""The section for a unit with little or no data of its own.

A brief for such a unit should still tell its reader something: what the national cascade asks of
every province (the national documents and targets, cited), what the unit's neighbours report
(neighbours share a border in data/reference/adjacency.csv; when few of them report, the nearest
reporting units by centroid are added as peers), and which documents and indicators are missing
for the unit while other units have them.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.briefs.output import Markdown
from analysis.briefs.wording import count_words, unit_names
from analysis.progress.memo import per_facts
from analysis.progress.rollup import attributed_documents, attributed_observations, attributed_targets, facts_as_of
from analysis.render.escape import md_escape

THIN_FACTS = 5  # fewer figures and targets than this, or no document of its own: the section shows
PEERS = 3  # reporting units shown beside the unit at most, neighbours first
LATEST_PER_UNIT = 2  # figures quoted per neighbour
MISSING_SHOWN = 8  # the indicators most units report that this one lacks (data_gaps lists them all)


@per_facts
def local_facts(facts, as_of) -> dict[str, pd.DataFrame]:
    """The figures, targets and documents of every current unit, counted on `as_of`."""
    counted = facts_as_of(facts, as_of)
    frames = {"observations": attributed_observations(counted), "targets": attributed_targets(counted),
              "documents": attributed_documents(counted)}
    frames = {k: v[v["current_unit"] != "national"] for k, v in frames.items()}
    frames["national_targets"] = attributed_targets(counted).query("unit == 'national'")
    frames["national_documents"] = attributed_documents(counted).query("unit == 'national'")
    return frames


def is_thin(frames: dict[str, pd.DataFrame], unit: str) -> bool:
    facts = sum(int((frames[k]["current_unit"] == unit).sum()) for k in ("observations", "targets"))
    own_documents = int((frames["documents"]["current_unit"] == unit).sum())
    return facts < THIN_FACTS or own_documents == 0


def nearest_units(unit: str, centroids: pd.DataFrame) -> list[str]:
    """Current units by distance from `unit`'s centroid (equirectangular; nearest first)."""
    points = centroids[centroids["scheme"] == "2025"].set_index("slug")[["lat", "lon"]].astype(float)
    if unit not in points.index:
        return []
    lat0, lon0 = points.loc[unit]
    k = math.cos(math.radians(lat0))
    distance = ((points["lat"] - lat0) ** 2 + ((points["lon"] - lon0) * k) ** 2).drop(unit)
    return list(distance.sort_values(kind="stable").index)


class ThinDataSections:
    """Mixed into Brief: needs unit, facts, as_of, citations, lang and the Brief helpers."""

    def thin_data(self) -> Markdown:
        """Empty for a unit with enough data; otherwise the cascade, the peers and the gaps."""
        frames = local_facts(self.facts, self.as_of)
        if not is_thin(frames, self.unit.slug):
            return Markdown("")
        parts = [f"## {self._l('thin_data')}\n", self._thin_lead(frames), self._cascade(frames),
                 self._peers(frames), self._missing(frames)]
        return Markdown("\n".join(p for p in parts if p))

    def _vi(self) -> bool:
        return self.lang == "vi"

    def _thin_lead(self, frames) -> str:
        mine = {k: int((frames[k]["current_unit"] == self.unit.slug).sum()) for k in ("observations", "targets", "documents")}
        if self._vi():
            return (f"Dữ liệu về {md_escape(self.name)} còn ít: {mine['observations']} số liệu, {mine['targets']} mục tiêu và "
                    f"{mine['documents']} văn bản của địa phương. Phần này nêu những gì văn bản trung ương yêu cầu mọi tỉnh, "
                    "những gì các tỉnh lân cận đã báo cáo, và những gì còn thiếu.\n")
        return (f"Little is known about {md_escape(self.name)} yet: {count_words(mine['observations'], 'figure')}, {count_words(mine['targets'], 'target')} "
                f"and {count_words(mine['documents'], 'document')} of its own. This section sets out what the national documents ask of "
                "every province, what its neighbours report, and what is missing.\n")

    def _cascade(self, frames) -> str:
        heading = "### " + ("Văn bản trung ương yêu cầu mọi tỉnh" if self._vi() else "What the national cascade asks of every province") + "\n\n"
        lines = []
        for t in frames["national_targets"].itertuples(index=False):
            name = self.facts.indicators.set_index("indicator_id").loc[t.indicator_id, "name_vi" if self._vi() else "name_en"]
            words = self._l(f"cmp_{t.comparator}") if isinstance(t.comparator, str) and t.comparator else ""
            target = f"{words} {self.value_text(t.value, t.value_unit)}".strip()
            by = ("trước " if self._vi() else "by ") + self._date(t.deadline)
            lines.append(f"- {md_escape(name)}: {target}, {by} {self.citations.cite(t.source_id, t.quote)}")
        docs = frames["national_documents"].sort_values(["issued_end", "document_id"], na_position="last", kind="stable")
        answering = self._answering_units(frames)
        names = unit_names(self.units, self.lang)
        answered_here = [d for d in docs["document_id"] if self.unit.slug in answering.get(d, [])]
        for d in docs.itertuples(index=False):
            when = self._date(d.date_issued) if isinstance(d.date_issued, str) and d.date_issued else "—"
            others = [names.get(u, u) for u in answering.get(d.document_id, []) if u != self.unit.slug]
            here = self.unit.slug in answering.get(d.document_id, [])
            if self._vi():
                answer = (f"{len(others)} tỉnh có văn bản triển khai hoặc dẫn chiếu ({', '.join(others)})" if others
                          else "chưa tỉnh nào có văn bản triển khai trong dữ liệu")
                answer += f"; {self.name} có" if here else ""
            else:
                answer = (f"{count_words(len(others), 'unit')} {'has' if len(others) == 1 else 'have'} a document implementing or citing it ({', '.join(others)})" if others
                          else "no unit has a document implementing it in the data")
                answer += f"; so does {self.name}" if here else ""
            lines.append(f"- **{md_escape(d.number)}** ({md_escape(d.issuer)}, {when}) {self.citations.cite(d.source_id, d.quote)}: "
                         f"{md_escape(answer)}.")
        if len(docs) and not answered_here:
            lines.append("\n" + md_escape(f"{self.name} chưa có văn bản nào triển khai hay dẫn chiếu các văn bản trên trong dữ liệu."
                                           if self._vi() else f"{self.name} has no document in the data implementing or citing any of these."))
        if not lines:
            lines.append("- " + ("Chưa có văn bản trung ương nào trong dữ liệu." if self._vi() else "No national document is in the data yet."))
        return heading + "\n".join(lines) + "\n"

    def _answering_units(self, frames) -> dict[str, list[str]]:
        """national document_id -> current units with a document implementing or citing it."""
        links = facts_as_of(self.facts, self.as_of).document_links
        local = frames["documents"].set_index("document_id")["current_unit"]
        out: dict[str, list[str]] = {}
        for link in links.itertuples(index=False):
            unit = local.get(link.from_document)
            if isinstance(unit, str) and unit not in out.get(link.to_document, []):
                out.setdefault(link.to_document, []).append(unit)
        return out

    def _peer_units(self, frames) -> tuple[list[str], list[str]]:
        """(neighbours, peers): every bordering unit, then the nearest other units that report."""
        from analysis.paths import ProjectPaths
        from analysis.reference.boundaries import load_adjacency

        neighbours = load_adjacency().get(self.unit.slug, [])
        reporting = set(frames["observations"]["current_unit"]) | set(frames["targets"]["current_unit"])
        wanted = max(0, PEERS - sum(1 for n in neighbours if n in reporting))
        centroids = pd.read_csv(ProjectPaths.at().reference / "centroids.csv", dtype={"lat": float, "lon": float})
        peers = [u for u in nearest_units(self.unit.slug, centroids) if u in reporting and u not in neighbours][:wanted]
        return neighbours, peers

    def _peers(self, frames) -> str:
        heading = "### " + ("Các tỉnh lân cận" if self._vi() else "Neighbours and peers") + "\n\n"
        names = unit_names(self.units, self.lang)
        neighbours, peers = self._peer_units(frames)
        obs = frames["observations"]
        indicators = self.facts.indicators.set_index("indicator_id")["name_vi" if self._vi() else "name_en"]
        lines = []
        for slug in [*neighbours, *peers]:
            kind = ("giáp ranh" if self._vi() else "borders it") if slug in neighbours else ("gần" if self._vi() else "nearby")
            mine = obs[obs["current_unit"] == slug]
            n_targets = int((frames["targets"]["current_unit"] == slug).sum())
            docs = frames["documents"][frames["documents"]["current_unit"] == slug]
            head = f"- **{md_escape(names.get(slug, slug))}** ({kind}): "
            if mine.empty and not n_targets and docs.empty:
                lines.append(head + self._l("no_data") + ".")
                continue
            counts = (f"{len(mine)} số liệu, {n_targets} mục tiêu, {len(docs)} văn bản" if self._vi()
                      else f"{count_words(len(mine), 'figure')}, {count_words(n_targets, 'target')}, {count_words(len(docs), 'document')}")
            latest = mine.assign(_d=mine["date"].map(str)).sort_values("_d", kind="stable").groupby("indicator_id").tail(1)
            latest = latest.sort_values("_d", ascending=False, kind="stable").head(LATEST_PER_UNIT)
            shown = [f"{md_escape(indicators.get(r.indicator_id, r.indicator_id))} "
                     f"{self.value_text(r.value, r.value_unit, r.qualifier)} ({self._date(r.date)}) {self.citations.cite(r.source_id, r.quote)}"
                     for r in latest.itertuples(index=False)]
            numbers = [f"{md_escape(d.number)} {self.citations.cite(d.source_id, d.quote)}" for d in docs.itertuples(index=False)][:2]
            lines.append(head + counts + ("; " + "; ".join(shown + numbers) if shown or numbers else "") + ".")
        if not lines:
            lines.append("- " + self._l("none") + ".")
        return heading + "\n".join(lines) + "\n"

    def _missing(self, frames) -> str:
        from analysis.briefs.wording import TOPIC_VI

        heading = "### " + ("Còn thiếu cho địa phương này" if self._vi() else "Missing for this unit") + "\n\n"
        unit = self.unit.slug
        docs = frames["documents"]
        mine_topics = set(docs.loc[docs["current_unit"] == unit, "topic"])
        others = docs[docs["current_unit"] != unit].groupby("topic")["current_unit"].nunique().sort_values(ascending=False, kind="stable")
        topics = [f"{md_escape(TOPIC_VI.get(t, t) if self._vi() else t)} ({n})" for t, n in others.items() if t not in mine_topics]
        facts = pd.concat([frames["observations"][["current_unit", "indicator_id"]], frames["targets"][["current_unit", "indicator_id"]]])
        mine_ind = set(facts.loc[facts["current_unit"] == unit, "indicator_id"])
        reported = facts[facts["current_unit"] != unit].groupby("indicator_id")["current_unit"].nunique().sort_values(ascending=False, kind="stable")
        names = self.facts.indicators.set_index("indicator_id")["name_vi" if self._vi() else "name_en"]
        missing = [f"{md_escape(names.get(i, i))} ({n})" for i, n in reported.items() if i not in mine_ind][:MISSING_SHOWN]
        none = self._l("none")
        if self._vi():
            lines = [f"- Văn bản của địa phương về các lĩnh vực mà tỉnh khác đã ban hành (số tỉnh): {', '.join(topics) or none}.",
                     f"- Chỉ tiêu được nhiều tỉnh khác báo cáo nhất (số tỉnh): {', '.join(missing) or none}."]
        else:
            lines = [f"- Documents of its own on topics other units have issued on (units): {', '.join(topics) or none}.",
                     f"- Indicators most other units have data on (units): {', '.join(missing) or none}."]
        return heading + "\n".join(lines) + "\n"
