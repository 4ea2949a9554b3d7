"""Observation, target and new-indicator proposals from the quantity and target mentions.

A target mention becomes a target proposal, unless its clause reports a commitment already made
("have committed to allocating"): that is an observation of the commitment. Every other
quantity becomes an observation proposal when an indicator fits it, and a proposal of a new
indicator (the noun it counts, a suggested id) when none does: a figure is never forced onto
an indicator whose words are absent. Durations and measures ("50 ngày", "300 m2") are neither."""

from __future__ import annotations

import re

from analysis.extract.fold import VIETNAMESE_LETTERS, fold
from analysis.extract.quantities import PART_OF_BEFORE
from analysis.extract.proposals.context import Mentions, Picked, pick_date, pick_unit, smaller_unit
from analysis.extract.proposals.place_names import PlaceNames
from analysis.extract.proposals.reported import ReportedChecks
from analysis.extract.proposals.cues import (
    CHANGE, CHANGE_BY, HQ_OF, KINDS_AFTER, NOT_COUNTED, OF_TOTAL_OPENING, OLD_STATE_AFTER, OLD_STATE_BEFORE,
    OLD_STATE_BEFORE_FOLDED, ONE_KIND, OTHER_KIND_COUNT, PART, PARTITIVE_AFTER, PERSON_NOUN, POLICE_LIST, POLICE_OF,
    RANK_BEFORE, RECEIVED_AFTER, RECIPIENT_BEFORE, REPORTED_COMMITMENT, RESTATED_SHARE, SHARE_OF_MONEY,
    SPLITS, TENTATIVE, UNCOUNTED_KIND_AFTER, UNIT_NOUN, police_of_kind,
)
from analysis.extract.proposals.stages import model_goal, staged
from analysis.extract.proposals.stocks import beyond_its_whole, not_yet_done, over_a_period
from analysis.extract.proposals.spans import clause_span, part_span, previous_sentence, sentence_span, whole_compound, zones
from analysis.extract.proposals.terms import Choice, choose
from analysis.extract.targets import GOAL


def _same_noun(a: str | None, b: str | None) -> bool:
    """Two figures' nouns name the same thing when one runs on from the other ("công an phường"
    and "công an phường điển hình"; "headquarters" and "commune police headquarters")."""
    a, b = (a or "").lower(), (b or "").lower()
    return bool(a) and bool(b) and (a == b or a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a))


def written_without_diacritics(text: str) -> bool:
    """Vietnamese written in plain ASCII (or a text in another language): match terms folded."""
    sample = text[:20000]
    marked = sum(1 for c in sample if c in VIETNAMESE_LETTERS)
    return marked < len(sample) / 500


class Facts(ReportedChecks):
    """Proposes facts for one document: its text, folded text, mentions and published date."""

    def __init__(self, text: str, source: str, mentions: Mentions, indicators, published: str | None,
                 language: str, places: PlaceNames):
        self.text, self.source, self.mentions = text, source, mentions
        self.places = places  # districts and centrally-run cities, for figures about smaller units
        self.low = fold(text).lower()
        self.folded = written_without_diacritics(text)
        # Lower case letter by letter, so offsets stay those of the text ("İ".lower() is two).
        self.terms_text = self.low if self.folded else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        self.indicators, self.published, self.language = indicators, published, language
        self.reported: str | None = None  # the day of the event the text reports, when known
        self.figure_ends: list[int] = []  # where each quantity of the text ends
        self.figure_starts: list[int] = []
        self.quantities: list[dict] = []  # the text's quantity mentions, in order
        self.titles: list[tuple[int, int]] = []  # the title's span, and any line repeating it

    def _frame(self, figure: tuple[int, int]) -> dict:
        sentence = sentence_span(self.text, *figure)
        clause = clause_span(self.text, *figure, sentence)
        part = part_span(self.text, clause, sentence)
        before = previous_sentence(self.text, sentence)
        # Words before an earlier figure of the sentence are that figure's, not this one's.
        head_end = min([figure[0]] + [b for b in self.figure_starts if sentence[0] <= b < figure[0]])
        head_from = clause_span(self.text, head_end, head_end, sentence)[0]
        # ... and words of another part of the sentence (past a ";") are not this figure's either.
        lead_from = max([part[0]] + [e for e in self.figure_ends if e <= figure[0]])
        onward_to = min([clause[1]] + [b for b in self.figure_starts if b >= figure[1]])
        own = [clause, (sentence[0], min(head_end, lead_from)), (lead_from, figure[0])]  # the words that are this figure's
        # A first sentence of its paragraph whose figure the title restates reads the title as
        # the words before it ("... 15 công an phường điển hình kiểu mẫu" over "đăng ký 15 Công an phường").
        words_before = before or self._restating_title(figure)
        mine = next((q for q in self.quantities if q["start"] == figure[0]), None)
        scored = whole_compound(self.text, figure, clause, (mine or {}).get("unit"))
        return {"sentence": sentence, "clause": clause, "part": part, "before": before, "own": own,
                "zones": zones(self.terms_text, scored, clause, sentence, words_before, part, (head_end, lead_from, onward_to, head_from))}

    def _restating_title(self, figure: tuple[int, int]) -> tuple[int, int] | None:
        """The title's span when it states the figure's value in the same unit."""
        mine = next((q for q in self.quantities if q["start"] == figure[0]), None)
        for start, end in self.titles[:1]:
            if mine is not None and not start <= figure[0] < end and any(
                    start <= q["start"] < end and q["value"] == mine["value"] and _same_noun(q.get("unit"), mine.get("unit"))
                    for q in self.quantities):
                return start, end
        return None

    def _base(self, kind: str, figure: tuple[int, int], sentence: tuple[int, int]) -> dict:
        return {
            "source": self.source, "kind": kind, "start": sentence[0], "end": sentence[1],
            "quote": self.text[sentence[0] : sentence[1]],
            "figure_start": figure[0], "figure_end": figure[1], "figure": self.text[figure[0] : figure[1]],
        }

    def _indicator(self, frame: dict, figure: tuple[int, int], figure_unit: str | None, reasons: list[str]):
        words = self.terms_text[figure[0] : figure[1]]
        # The figure's number (a target's span may start with its deadline's year), and a total
        # after "/"; not a rank inside the noun ("level 2 accounts").
        numbers = [m for m in re.finditer(r"\d[\d.,]*(?:\s*/\s*\d[\d.,]*)?", words)
                   if not RANK_BEFORE.search(words, 0, m.start())]
        noun = words[numbers[-1].end() :] if numbers else words
        noun = re.sub(r"^[\d.,\s%]*(?:ty|tỷ|triệu|trieu|nghìn|nghin|billion|million|thousand)?\s*", "", noun)
        # "Công an 104 xã": the police of 104 communes count as "công an xã".
        zones = frame["zones"]
        if UNIT_NOUN.match(noun) and self._police_of(figure, frame["sentence"]):
            # "trụ sở công an 36 xã": the headquarters of 36 communes' police.
            hq = HQ_OF.search(self.terms_text, max(0, figure[0] - 40), figure[0])
            noun = hq.group(1) + " " + noun if hq else ("cong an " if self.folded else "công an ") + noun
            zones = {**zones, "figure": noun}
        if figure_unit and not noun.strip():
            # A bare part ("trong đó 200.000 đã kích hoạt") counts things of the figure before's
            # kind, not necessarily its noun: the words around it decide. Else "the number of X
            # is 186": X, named before the figure.
            noun = None if PART_OF_BEFORE.search(self.low, max(0, figure[0] - 30), figure[0]) else figure_unit.lower()
        kinds = KINDS_AFTER.match(self.terms_text, figure[1])
        if kinds and noun is not None and re.match(r"(?:công|cong)\s+an\b", noun):
            # "54 Công an xã, phường, đặc khu": police of every kind of commune, not of communes alone.
            noun += kinds.group()
            zones = {**zones, "figure": zones["figure"] + kinds.group()}
        choice = choose(self.indicators, zones, noun, figure_unit, self.language, self.folded)
        choice = staged(choice, self.low, figure, self.language)  # the act decides the e-ID stage (proposals.stages)
        if choice.indicator and not choice.certain:
            reasons.append(f"indicator: {choice.runner_up} fits almost as well")
        return choice

    def _one_kind_of_several(self, quantity: dict, sentence: tuple[int, int]) -> bool:
        """Whether a count of one kind of unit ("2.636 xã") stands beside another kind's ("672 phường")."""
        noun = (quantity.get("unit") or "").strip()
        if not ONE_KIND.fullmatch(noun) or UNCOUNTED_KIND_AFTER.match(self.terms_text, quantity["end"]):
            return False  # "129 communes, wards and towns": every kind
        kinds = [m for m in OTHER_KIND_COUNT.finditer(self.terms_text, *sentence)
                 if not (m.start() <= quantity["start"] < m.end()) and m.group().split()[-1].rstrip("s") != noun.lower().rstrip("s")]
        return bool(kinds)

    def _people_not_served(self, indicator: str | None, number: dict) -> bool:
        """Whether a count of people read as cards issued counts people who do not receive them."""
        words = (number.get("unit") or "").split()
        head = " ".join(words) if self.language == "vi" else words[-1] if words else ""  # Vietnamese heads come first
        if indicator != "chip_id_cards_issued" or not PERSON_NOUN.match(head):
            return False
        return not (RECIPIENT_BEFORE.search(self.low, max(0, number["start"] - 30), number["start"])
                    or RECEIVED_AFTER.match(self.terms_text, number["end"]))

    def _police_of(self, figure: tuple[int, int], sentence: tuple[int, int]) -> bool:
        """Whether "công an" governs the figure: "Công an 104 xã", or a breakdown opening with it
        ("gồm công an 2.621 xã, 687 phường")."""
        if POLICE_OF.search(self.terms_text, max(0, figure[0] - 12), figure[0]):
            return True
        lead = self.terms_text[: figure[0]]
        opening = [m for m in self._breakdown_words(sentence[0], figure[0])
                   if not (m.group() == "(" and ")" in lead[m.end() :])]  # a bracket closed before the figure is over
        if not opening:
            return False
        if POLICE_LIST.match(self.terms_text, opening[-1].end(), figure[0]):
            return True
        # "54 đơn vị công an cấp xã, gồm 30 phường, 22 xã": the parts of a count of police units.
        totals = [q for q in self.quantities if sentence[0] <= q["start"] and q["end"] <= opening[-1].start()]
        if not totals:
            return False
        if re.search(r"\b(?:công|cong)\s+an\b", (totals[-1].get("unit") or "").lower()):
            return True
        return self._total_of(figure, sentence) == "commune_police_units"  # "54 đơn vị Công an cấp xã"

    def _total_of(self, figure: tuple[int, int], sentence: tuple[int, int]) -> str | None:
        """The indicator of the total a part belongs to: the sentence's last figure before the breakdown opens."""
        opens = [m.start() for m in self._breakdown_words(sentence[0], figure[0])]
        opens += [m.start() for m in OF_TOTAL_OPENING.finditer(self.terms_text, sentence[0], figure[0])]
        opens += [figure[0]] if PARTITIVE_AFTER.match(self.terms_text, figure[1]) else []  # "200,000 of them"
        if not opens:
            return None
        # The total is a figure of the part's kind, past a share between ("272.000 hồ sơ, chiếm 31,5% dân số, trong
        # đó trên 90.000 tài khoản"); a share in brackets restates the count ("188 communes and towns (100%)").
        share = self.text[figure[0] : figure[1]].rstrip().endswith("%")
        restated = share and RESTATED_SHARE.search(self.terms_text, max(0, figure[0] - 40), figure[0])
        alike = [q for q in self.quantities if restated or (q.get("unit") == "%") == share]
        before = [q for q in alike if sentence[0] <= q["start"] and q["end"] <= max(opens)]
        if not before:  # "Trong 91 cán bộ ... có 65": the total follows the opening word
            before = [q for q in alike if min(opens) <= q["start"] and q["end"] <= figure[0]]
        if not before:
            return None
        span = (before[-1]["start"], before[-1]["end"])
        choice = self._indicator(self._frame(span), span, before[-1].get("unit"), [])
        return None if choice.tied else choice.indicator  # a total of no one kind has parts of none

    def _value_unit(self, indicator: str, figure_unit: str | None) -> str:
        unit = next((i.value_unit for i in self.indicators if i.id == indicator), None)
        return unit or str(figure_unit or "")

    def observation(self, quantity: dict) -> dict | None:
        figure = (quantity["start"], quantity["end"])
        if quantity.get("unit") in NOT_COUNTED:
            return None
        frame = self._frame(figure)
        why_not = self._not_reported(figure, frame)
        if why_not and why_not not in (TENTATIVE, PART):
            return None
        reasons: list[str] = []
        if quantity.get("indicator"):  # units counted with no number: their act says what they are (proposals.named_units)
            choice = Choice(quantity["indicator"], 1.0, None, 0.0)
            reasons.append("indicator: the act done to the units named")
        else:
            choice = self._indicator(frame, figure, quantity.get("unit"), reasons)
        if beyond_its_whole(choice.indicator, quantity):  # "kích hoạt ... đạt 111%": of a target, not of a whole
            choice = Choice(choice.runner_up, choice.runner_up_score, None, 0.0)
        if why_not == PART:
            # A part counted by another indicator than its total ("gồm Công an 2.621 xã") is a figure; of the same, not.
            total = self._total_of(figure, frame["sentence"])
            if choice.indicator == total and choice.runner_up and choice.runner_up_score > 0:
                # Not the total's own count: the next indicator that fits ("công an 2.621 xã" of 3.319
                # commune-level police are commune police), kept uncertain: the total's stays close.
                choice = Choice(choice.runner_up, choice.runner_up_score, total, 0.9 * choice.runner_up_score)
                reasons[:] = [r for r in reasons if not r.startswith("indicator:")] + [f"indicator: {total} is the total's"]
            if kind := police_of_kind(total, quantity.get("unit")):  # "including 2,621 communes"
                choice = Choice(kind, max(choice.score, 1.0), total, 0.0)
            if choice.indicator not in SPLITS.get(total, ()) or choice.tied:
                return None
            why_not, reasons = None, reasons + [f"a part of a total counted as {total}"]
        if choice.indicator == "commune_level_units" and self._one_kind_of_several(quantity, frame["sentence"]):
            return None
        if self._people_not_served(choice.indicator, quantity):
            return None  # "tỉnh có 1,3 triệu người dân": a population, not cards issued
        if not_yet_done(choice.indicator, quantity, self.terms_text) or over_a_period(quantity, self.quantities, self.terms_text, frame["sentence"][0]):
            return None  # what is not yet done, or a flow over a period: no stock (proposals.stocks)
        if not quantity.get("indicator") and smaller_unit(self.text, self.mentions, figure, frame["own"], self.places):
            return None  # a district's or a commune's figure: no unit of the briefs holds it (a unit named is counted)
        if choice.indicator is None or choice.tied:
            return self.new_indicator(quantity, frame, choice)
        unit = pick_unit(self.mentions, self.low, figure, frame["clause"], frame["sentence"])
        date = pick_date(self.mentions, self.low, figure, frame, self.published, self.reported)
        if frame.get("plan_starts_from") and self.published and len(date.value or "") < len(self.published):
            # "Đề án ... năm 2025, tỉnh sẽ sắp xếp 175 đơn vị": the year is the plan's; the 175 are now.
            date = Picked(self.published, False, "the state a plan starts from: the source's date of publication")
        reasons += [f"unit: {unit.reason}", f"date: {date.reason}"]
        proposal = self._base("observation", figure, frame["sentence"])
        proposal.update(
            indicator_id=choice.indicator, unit=unit.value, value=quantity["value"],
            value_unit=self._value_unit(choice.indicator, quantity.get("unit")),
            qualifier=quantity.get("qualifier"), total=quantity.get("total"), date=date.value,
            confidence="high" if choice.certain and unit.certain else "low", reason="; ".join(reasons),
        )
        if why_not:
            proposal["tentative"] = True  # a target if one is set before it, else nothing
        return proposal

    def target(self, target: dict, document: str | None, document_reason: str) -> dict | None:
        figure = (target["start"], target["end"])
        frame = self._frame(figure)
        if REPORTED_COMMITMENT.search(self.terms_text, frame["clause"][0], frame["clause"][1]) or \
                REPORTED_COMMITMENT.search(self.terms_text, frame["sentence"][0], figure[0]):
            return None  # a commitment already made is reported: an observation
        number = next((q for q in self.quantities if figure[0] <= q["start"] < figure[1] and q["value"] == target["value"]), None)
        if number is not None:
            if number.get("unit") == "%" and SHARE_OF_MONEY.match(self.terms_text, number["end"]):
                return None  # "80% kinh phí bố trí trong giai đoạn 2021-2025": a share of the money
            number_frame = self._frame((number["start"], number["end"]))
            if smaller_unit(self.text, self.mentions, (number["start"], number["end"]), number_frame["own"], self.places):
                return None  # "... 4 xã của huyện Nghi Lộc": a district's promise, no unit of the briefs
            lead = self.terms_text[frame["sentence"][0] : number["start"]]
            if (OLD_STATE_BEFORE_FOLDED if self.folded else OLD_STATE_BEFORE).search(lead) or CHANGE_BY.search(lead):
                return None  # "in 2025, from the current 108 communes ...": the state the plan changes
            if CHANGE.search(self.terms_text, *frame["sentence"]) and OLD_STATE_AFTER.match(self.terms_text, number["end"], frame["sentence"][1]):
                return None  # "năm 2025 sẽ sắp xếp 175 đơn vị ... thành 57": the 175 are there now
        deadline = target.get("deadline")
        if self.published and deadline and (deadline[:4] < self.published[:4] or
                                            (deadline < self.published and not GOAL.search(self.text, *frame["clause"]))):
            return None  # "trong năm 2019 đã bố trí 542" in a text of 2020, "đến ngày 1/7/2025, ... có 124" in one of 5 July: reported
        reasons: list[str] = []
        # The number's own words name what it counts, not a deadline after it ("50 million cards by July 2021").
        counted = (number_frame, (number["start"], number["end"])) if number is not None else (frame, figure)
        choice = model_goal(self._indicator(*counted, target.get("unit"), reasons), self.low, frame["clause"])
        if number is not None and self._people_not_served(choice.indicator, number):
            return None
        unit = pick_unit(self.mentions, self.low, figure, frame["clause"], frame["sentence"])
        if not unit.certain and self.mentions.main_unit and target.get("scope") == self.mentions.main_unit:
            unit.value, unit.reason = self.mentions.main_unit, "the document's main unit"
        reasons += [f"unit: {unit.reason}", f"document: {document_reason}"]
        if choice.indicator is None or choice.tied:
            reasons.append(f"indicator: none fits alone; the text says {target.get('indicator')!r}")
        proposal = self._base("target", figure, frame["sentence"])
        proposal.update(
            indicator_id=None if choice.tied else choice.indicator, unit=unit.value, comparator=target.get("comparator"),
            value=target["value"], value_unit=self._value_unit(choice.indicator, target.get("unit")),
            deadline=target.get("deadline"), document_id=document,
            confidence="high" if choice.certain and unit.certain and document else "low",
            reason="; ".join(reasons),
        )
        return proposal

    def new_indicator(self, quantity: dict, frame: dict, choice) -> dict | None:
        """A question for a person: the figure's noun as a new indicator, or which of two that fit equally."""
        noun = quantity.get("unit")
        if not noun or noun == "%" or noun.upper() in ("VND", "USD", "EUR", "SEK"):
            noun = " ".join(frame["zones"]["clause"].split()[:6]) if quantity.get("unit") else None
        if not noun:
            return None
        proposal = self._base("indicator", (quantity["start"], quantity["end"]), frame["sentence"])
        slug = re.sub(r"[^a-z0-9]+", "_", fold(noun).lower()).strip("_")[:40]
        proposal.update(
            indicator_id=f"new:{slug}", noun=noun, value_unit=quantity.get("unit"), value=quantity["value"],
            candidates=[c for c in (choice.indicator, choice.runner_up) if c] if choice.tied else [],
            confidence="low",
            reason=(f"{choice.indicator} and {choice.runner_up} fit this figure equally: choose one, or a new indicator"
                    if choice.tied else "no indicator's terms fit this figure: a new indicator?"),
        )
        return proposal
