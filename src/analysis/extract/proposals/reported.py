"""Whether a figure is a reported figure of its own, or something that reads like one.

A count in a news text is often not what happened: a part of a total given before it, the
figure for each unit, the end of a range, the state before a change, the amount of a plan, the
officers of one post. `ReportedChecks` tells these apart for `Facts`, from the figure's words
and the sentence around it; it reads the attributes `Facts` sets (text, terms_text, low,
folded, published, mentions, quantities, titles)."""

from __future__ import annotations

import re

from analysis.extract.places import MERGER_PLANS
from analysis.extract.proposals.cues import (
    AMOUNT, ARRANGEMENT, ARRANGEMENT_DECIDED, ASIDE_OPENING, CHANGE, CHANGE_BY, COMPONENT_WORDS,
    DEADLINE_BEFORE, EACH_UNIT, ELIGIBLE_AFTER, FUTURE, FUTURE_AFTER, MARGIN_AFTER, MARGIN_BEFORE, MEASURES,
    MEASURE_AMOUNT, MINIMUM_EACH, NEW_STATE_BEFORE, NEW_TOTAL_BEFORE, NOT_COUNTED, NOT_YET_BEFORE,
    OF_TOTAL_OPENING, OLD_STATE_AFTER, OLD_STATE_BEFORE, OLD_STATE_BEFORE_FOLDED, ONE_POST, OUT_OF_BEFORE,
    PART, PARTITIVE_AFTER, PER_UNIT_AFTER, PER_UNIT_BEFORE, PLAN, PLAN_AMOUNT_BEFORE, PURPOSE_BEFORE,
    RANGE_AFTER, RANGE_BEFORE, RATE_BEFORE, RATIO_BEFORE, SHARE_OF_MONEY, SOME_UNITS, TARGET_MET_BEFORE,
    TARGET_WORD, TENTATIVE, WORD_AFTER_NUMBER, YEAR_NAMED,
)


class ReportedChecks:
    """The checks on a figure that `Facts` runs before proposing it."""

    def _not_reported(self, figure: tuple[int, int], frame: dict) -> str | None:
        """Why a figure is not a reported figure of its own, if it is not."""
        sentence, clause = frame["sentence"], frame["clause"]
        lead = self.terms_text[sentence[0] : figure[0]]
        own_part = frame["part"][0] - sentence[0]  # a breakdown in another part ("including 8 districts; 100 ...") is not this one's
        opened = lead.rfind("(", 0, own_part)  # ... unless a bracket holds both ("(16 đơn vị mới; 3 đơn vị ...)")
        if opened > lead.rfind(")", 0, own_part) and ")" not in lead[own_part:]:
            own_part = opened
        # An aside on the state before ("(trước khi sắp xếp, tỉnh có 192 ...)") starts afresh.
        asides = [m.end() for m in re.finditer(r"\(", lead) if ASIDE_OPENING.match(lead, m.end()) and ")" not in lead[m.end() :]]
        aside = sentence[0] + asides[-1] if asides else sentence[0]  # where the last open aside starts afresh
        # "..., with a total of 547 commune-level units": a total of its own, no part of the breakdown before.
        opens = [] if NEW_TOTAL_BEFORE.search(lead) else self._breakdown_words(sentence[0] + max([own_part] + asides[-1:]), figure[0])
        for m in opens:
            # A bracket closed before the figure, and a breakdown inside it ("349 đồng chí (trong
            # đó có 02 nữ) ... 86/86 xã"), is over.
            start, end = m.start() - sentence[0], m.end() - sentence[0]
            closed = ")" in lead[end:] and (m.group() == "(" or lead.rfind("(", 0, start) > lead.rfind(")", 0, start))
            if not closed and self._count_before(sentence[0], m.start()):
                return PART
        if self.text[figure[0] : figure[1]].rstrip().endswith("%") or "percent" in self.text[figure[0] : figure[1]]:
            some = [m for m in SOME_UNITS.finditer(self.terms_text, clause[0], figure[0]) if m["n"] != m["of"]]
            if some:  # "6 xã khác ... hoàn thành cấp CCCD cho 100% người dân": those communes' share
                return "the share some units reached, not the province's"
        if (OF_TOTAL_OPENING.match(lead) and AMOUNT.search(lead)) or PARTITIVE_AFTER.match(self.terms_text, figure[1]):
            return PART
        if self.text[figure[0] : figure[1]].rstrip().endswith("%") and SHARE_OF_MONEY.match(self.terms_text, figure[1]):
            return "a share of money, not of units"
        eligible = ELIGIBLE_AFTER.search(self.terms_text, figure[0], figure[1] + 40)
        if eligible and eligible.start() <= figure[1]:  # also inside a noun run on ("nguoi du dieu kien cap")
            return "who is eligible, not what was done"
        if ONE_POST.match(self.terms_text, figure[0]):
            return "the officers of one post, not all those sent"
        if RANGE_BEFORE.search(lead):
            return "the end of a range"
        if RANGE_AFTER.match(self.terms_text, figure[1]) and not WORD_AFTER_NUMBER.search(self.text, figure[0], figure[1]):
            return "the start of a range"
        if CHANGE_BY.search(lead) or OUT_OF_BEFORE.search(lead) or \
                (MARGIN_BEFORE.search(lead) and MARGIN_AFTER.match(self.terms_text, figure[1])):
            return "a change or a total, not a count of its own"
        if PURPOSE_BEFORE.match(self.terms_text, clause[0], figure[0]):
            return TENTATIVE
        if NOT_YET_BEFORE.search(self.terms_text, clause[0], figure[0]):
            return "not yet done"
        # "trung bình mỗi ngày toàn tỉnh tiếp nhận, giải quyết gần 1.500 hồ sơ": a rate, across a comma;
        # a sentence that opens with "Each" ("Each commune ... 5, ... and border communes 8") shares out all its figures.
        if PER_UNIT_BEFORE.search(self.terms_text, clause[0], figure[0]) or PER_UNIT_BEFORE.match(self.terms_text, sentence[0]) or \
                RATE_BEFORE.search(self.terms_text, max(frame["part"][0], aside), figure[0]) or PER_UNIT_AFTER.match(self.terms_text, figure[1]) \
                or RATIO_BEFORE.search(lead) or MINIMUM_EACH.search(self.terms_text, sentence[0], figure[1]) \
                or self._each_unit(aside, clause[0], figure[0]):
            return "a figure for each unit, not a total"
        # A change already made reports its new state; a change planned reports its old one.
        planned = self._plan_word(PLAN, *sentence) or self._arrangement_planned(sentence)
        before = OLD_STATE_BEFORE_FOLDED if self.folded else OLD_STATE_BEFORE
        changed = CHANGE.search(self.terms_text, sentence[0], sentence[1])
        old_state = before.search(lead) or (changed and OLD_STATE_AFTER.match(self.terms_text, figure[1], sentence[1]))
        if old_state and not planned:
            return "the state before a change"
        frame["plan_starts_from"] = bool(old_state and planned)  # the state now, which a plan changes
        # The amount of a plan, a policy or a target ("hoàn thành kế hoạch cấp 50 triệu căn cước",
        # "chủ trương cấp mới 50 triệu", "mục tiêu xây dựng 100 trụ sở").
        if self._plan_word(PLAN_AMOUNT_BEFORE, sentence[0], figure[0]):
            return TENTATIVE
        # A year after publication named before the figure ("năm 2025 có ít nhất 30%" in 2023): a plan.
        if self.published and any(int(y) > int(self.published[:4]) for y in
                                  YEAR_NAMED.findall(self.terms_text, frame["part"][0], figure[0])):
            return TENTATIVE
        if FUTURE_AFTER.match(self.terms_text, figure[1]):
            return TENTATIVE
        # A day after publication set as the figure's deadline ("issue cards for 4.2 million before April 30"): a plan.
        if self.published and any(figure[1] <= d["start"] < clause[1] and len(d["date"]) >= 7 and d["date"][: len(self.published)] > self.published
                                  and DEADLINE_BEFORE.search(self.low, max(0, d["start"] - 20), d["start"])
                                  for d in self.mentions.dates):
            return TENTATIVE
        # A tentative word anywhere before the figure in its part of the sentence ("dự kiến đến 1/7,
        # hệ thống ... sẽ kết nối với 50 triệu căn cước").
        # ... but not before an aside that opens on the present ("... chuẩn bị ... (Đến nay đã bố trí 2.200").
        since = max(frame["part"][0], aside)
        if planned and not old_state and self._plan_word(FUTURE, since, figure[0]):
            return TENTATIVE
        if planned and not old_state and NEW_STATE_BEFORE.search(lead):
            return "the state a planned change leads to"
        return None

    def _plan_word(self, pattern: re.Pattern, start: int, end: int) -> bool:
        """Whether words of a plan stand in terms_text[start:end], not counting a target met."""
        return any(not (TARGET_WORD.search(m.group()) and TARGET_MET_BEFORE.search(self.terms_text, max(0, m.start() - 40), m.start()))
                   for m in pattern.finditer(self.terms_text, start, end))

    def _arrangement_planned(self, sentence: tuple[int, int]) -> bool:
        """A rearrangement spoken of, in the sentence or the title ("Phương án sáp nhập ..."), between the merger's
        decision and the resolutions that set the new communes (16 June 2025): still a plan ("sau sắp xếp, tỉnh còn 58")."""
        return bool(self.published) and MERGER_PLANS <= self.published < ARRANGEMENT_DECIDED[: len(self.published)] \
            and any(ARRANGEMENT.search(self.terms_text, *span) for span in [sentence, *getattr(self, "titles", [])])

    def _breakdown_words(self, start: int, end: int) -> list[re.Match]:
        """The words in text[start:end] that open a breakdown; a colon only right after a count
        ("119 commune-level units: 13 wards, ..."), not after "cho biết:"."""
        return [m for m in COMPONENT_WORDS.finditer(self.terms_text, start, end)
                if m.group() != ":" or any(q.get("unit") and q["unit"] != "%" and not self.terms_text[q["end"] : m.start()].strip()
                                           for q in self.quantities if q["end"] <= m.start())]

    def _each_unit(self, start: int, clause: int, end: int) -> bool:
        """Whether each unit is the subject of text[start:end], with no count between it and the
        figure's clause (which starts at `clause`): "Năm 2021 mỗi tỉnh, thành trong toàn quốc lựa
        chọn xây dựng ít nhất 1 xã ... và 1 phường"."""
        each = [m.end() for m in EACH_UNIT.finditer(self.terms_text, start, end)]
        return bool(each) and not any(each[-1] <= q["start"] < min(clause, end) and q.get("unit")
                                      and q["unit"].lower() not in NOT_COUNTED for q in self.quantities)

    def _count_before(self, start: int, end: int) -> bool:
        """Whether a count stands in text[start:end] (a total a breakdown after it may split): not
        a measure ("diện tích 4.662,5 km, gồm 10 huyện, 151 xã")."""
        counts = [q for q in self.quantities if start <= q["start"] and q["end"] <= end]
        if counts:  # a count has a counted noun: not "dân số hơn 1,1 triệu"
            return any(q.get("unit") and q["unit"].lower() not in NOT_COUNTED | MEASURES for q in counts)
        return any(not MEASURE_AMOUNT.match(self.terms_text, m.start()) for m in AMOUNT.finditer(self.terms_text, start, end))
