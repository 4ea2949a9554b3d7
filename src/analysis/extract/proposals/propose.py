"""Fact proposals for one document: observations, targets, documents and their links, and new
indicators, each with the exact sentence it was read from (`quote` == text[start:end]).

    propose_text(text, source, published=None, root=None, publisher=None, address=None) -> list[dict]
    propose_file(path, published=None, root=None, publisher=None, address=None) -> list[dict]

`published` (ISO, "2023" or "2023-06" or a full date) dates figures whose sentence gives no
date and tells the place finder which scheme of units the text uses. `publisher` ("Báo Quảng
Nam"), else the page's `address`, answers for the province a sentence speaks of without naming it
(proposals.home). Proposals
are what a person reviews; none becomes a curated row until accepted.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from analysis.extract.pipeline import TextContext, extract_window, to_record
from analysis.extract.fold import fold
from analysis.extract.proposals.named_units import named_counts
from analysis.extract.proposals.actors import DELEGATION_BEFORE, MINISTRY_HOSTS
from analysis.extract.proposals.context import (
    ISSUE_OR_DEADLINE, YESTERDAY, Mentions, day_before, document_dates, speaks_of_country)
from analysis.extract.proposals.documents import LOCAL_ISSUERS, document_proposals, issuer_of
from analysis.extract.proposals.cues import BREAKDOWN
from analysis.extract.proposals.facts import Facts
from analysis.extract.proposals.home import home_unit
from analysis.extract.proposals.place_names import place_names
from analysis.extract.proposals.plans import planned_target
from analysis.extract.proposals.terms import load_indicators
from analysis.extract.reading import read_document, title_line
from analysis.extract.targets import dominant_unit
from analysis.paths import ProjectPaths

KINDS = ("observation", "target", "document", "document_link", "indicator")
FACT_KEYS = {"observation": ("indicator_id", "unit", "value", "date"),
             "target": ("indicator_id", "unit", "value", "deadline")}
# One figure said twice ("100%" in the lead and again in the body) is one fact: its first sentence.
SAME_FACT = {"observation": ("indicator_id", "unit", "value"), "target": ("indicator_id", "unit", "value", "deadline")}


# "Hanoi (VNA) –": the place a story was filed from, before the agency's name; not its subject.
DATELINE = re.compile(r"\s*\([A-ZĐ][A-Za-z.]{1,14}\)\s*[-–—]")


# " date 2023-06-20 The Police Department ...": a page's stamp of its date of publication at the
# start of a line, not a date its sentence tells of.
DATE_STAMP = re.compile(r"(?im)^[ \t]*date[ \t]+$")


def _mentions(records: list[dict], text: str, home=(None, None)) -> Mentions:
    by_kind = lambda kind: [r for r in records if r["kind"] == kind]  # noqa: E731
    places = [p for p in by_kind("place") if not DATELINE.match(text, p["end"])]
    dates = [d for d in by_kind("date") if not DATE_STAMP.search(text, text.rfind("\n", 0, d["start"]) + 1, d["start"])]
    folded = fold(text).lower()
    # Where the Ministry holds an event, or whom a deputy represents, is not what a text is about.
    hosts = [p for p in places if not MINISTRY_HOSTS.match(folded, p["end"])
             and not DELEGATION_BEFORE.search(folded, max(0, p["start"] - 40), p["start"])]
    counts = Counter(p["unit"] for p in hosts)
    main = dominant_unit(counts)
    # A province named once, outside the title, in a text that speaks of the whole country (a
    # caption, a reader's byline, an example) is not what the text is about.
    title = title_line(text)
    titled = bool(title) and any(p["unit"] == main and p["start"] < title[1] for p in hosts)
    if main and counts[main] == 1 and not titled and speaks_of_country(folded, 0, len(folded)):
        main = None
    return Mentions(places=places, dates=dates, documents=by_kind("document"), main_unit=main, home=home)


def _document_of(mentions: Mentions, position: int) -> tuple[str | None, str]:
    """The policy document a target belongs to: the last local document cited before it, else
    the only document cited before it; unknown when the nearest citation before it is one the
    text does not determine ("Nghị quyết 12": 12-NQ/TW or 12-NQ/ĐUCA?), or several are cited."""
    cited = [d for d in mentions.documents if d["start"] < position]
    if cited and not cited[-1].get("id"):
        return None, f"not determined: the nearest citation, {cited[-1]['text']!r}, could be more than one document"
    before = [d for d in cited if d.get("id")]
    local = [d for d in before if issuer_of(d["id"]) in LOCAL_ISSUERS]
    if local:
        doc = local[-1]["id"]
        unit = mentions.main_unit
        return (f"{unit}:{doc}" if unit else doc), "the last provincial document cited before it"
    ids = list(dict.fromkeys(d["id"] for d in before))
    if len(ids) == 1:
        return ids[0], "the only document cited before it"
    return None, "not determined: name the document that sets this target"


def propose_text(text: str, source: str = "<text>", published=None, root=None, publisher: str | None = None,
                 address: str | None = None) -> list[dict]:
    published = published.isoformat() if hasattr(published, "isoformat") else published
    context = TextContext.for_text(text, source, published)
    records = [to_record(m, text, source) for m in extract_window(text, context)]
    published = published or context.published_iso()  # the date the text itself states on top
    mentions = _mentions(records, text, home_unit(publisher, published, address))
    facts = Facts(text, source, mentions, load_indicators(root), published, context.language,
                  place_names(ProjectPaths.at(root).reference).on(published))
    facts.reported = event_date(text, mentions.dates, published, document_dates(mentions, facts.low))
    proposals: list[dict] = []
    quantities = [r for r in records if r["kind"] == "quantity"]
    facts.quantities = quantities
    facts.figure_ends = sorted(q["end"] for q in quantities)
    facts.figure_starts = sorted(q["start"] for q in quantities)
    claimed: set[int] = set()
    titles = facts.titles = _title_spans(text)
    in_title = lambda r: any(s <= r["start"] < e for s, e in titles)  # noqa: E731
    for target in (r for r in records if r["kind"] == "target" and not in_title(r)):
        document, why = _document_of(mentions, target["start"])
        proposal = facts.target(target, document, why)
        if proposal is None:
            continue
        proposals.append(proposal)
        claimed |= {id(q) for q in quantities if target["start"] <= q["start"] and q["end"] <= target["end"]
                    and q["value"] == target["value"]}
    for quantity in quantities + named_counts(text, quantities):
        if in_title(quantity):
            continue  # a title restates (and rounds) a figure of the body: read it there
        if id(quantity) not in claimed:
            proposal = facts.observation(quantity)
            if proposal is not None:
                earlier = [p for p in proposals if p["kind"] == "target" and p["start"] <= proposal["start"]]
                proposal = planned_target(proposal, facts.terms_text, earlier[-1] if earlier else None)
                if proposal is not None:
                    proposals.append(proposal)
    # A question ("Dự kiến bao giờ thì 100% công dân ... được cấp?") states no fact.
    proposals = [p for p in _without_parts(proposals, text) if not p["quote"].rstrip(" \"”'»)").endswith("?")]
    proposals += document_proposals(text, source, mentions.documents, mentions.dates, mentions.main_unit)
    return _deduplicated(proposals)


BODY_LINE = 100  # the first line this long starts the body of an article
LEAD_REACH = 300  # the date of the event an article reports stands this close to the body's start


def event_date(text: str, dates: list[dict], published: str | None, issued: set[int] = frozenset()) -> str | None:
    """The day of the event an article reports ("On June 29, ... held a ceremony"), when its date
    of publication gives only a month or a year, or none: a date with its day at the start of the
    body, within the publication's month or year, not a document's date of issue (`issued`: their
    starts); with no date of publication, only the lead's first date, when it writes its year. A
    report dated to the day that tells of "yesterday" at its start reports the day before."""
    published = published or ""
    body = next((m.start() for m in re.finditer(r"(?m)^.{%d,}$" % BODY_LINE, text)), None)
    if body is None:
        return None
    folded = fold(text[max(0, body - 30) : body + LEAD_REACH]).lower()
    if len(published) >= 10:  # a dated report of what happened "yesterday"
        return day_before(published) if YESTERDAY.search(folded) else None
    for d in dates:
        if not body <= d["start"] < body + LEAD_REACH:
            continue
        if not published and not re.search(r"\d{4}", text[d["start"] : d["end"]]):
            return None  # "Today (May 2nd)": the lead's day, but of which year?
        if len(d["date"]) == 10 and d["date"].startswith(published) and d["start"] not in issued:
            lead = folded[: d["start"] - body + 30]
            if not ISSUE_OR_DEADLINE.search(lead):  # "from July 1, 2025": when a change takes effect
                return d["date"]
        if not published:
            return None  # only the lead's first date tells, with nothing else to check it by
    return None


def _title_spans(text: str) -> list[tuple[int, int]]:
    """The title (the first line, when short and a body of several lines follows) and every
    later line that repeats it (pages often print their title twice)."""
    line = title_line(text)
    if line is None:
        return []
    stripped, newline = line
    title = text[stripped:newline].strip()
    spans = [(stripped, newline)]
    for m in re.compile(r"(?m)^[ \t]*" + re.escape(title) + r"[ \t]*$").finditer(text, newline):
        spans.append((m.start(), m.end()))
    return spans


DATED_IN_TEXT = "date: dated in the"  # the reason of a date the figure's sentence states
UNIT_NAMED = "unit: named in the"  # the reason of a unit the figure's clause or sentence names


# A sentence that opens by breaking down the one before ("Trong đó, trưởng công an có 126 người").
PARTS_OPENING = re.compile(r"(?i)\s*(?:" + BREAKDOWN + r")\b")


def _without_parts(proposals: list[dict], text: str) -> list[dict]:
    """Leave out the observations of a sentence that breaks down the total of the sentence right
    before it, when they count the same indicator: the parts of a total are not figures of their
    own. A different indicator is a figure ("99 trụ sở được phê duyệt ... Trong đó, 30 đã hoàn thành")."""
    observations = [p for p in proposals if p["kind"] == "observation"]

    def is_part(p: dict) -> bool:
        if not PARTS_OPENING.match(text, p["start"]):
            return False
        # The sentence right before, though a paragraph break stand between ("... 995 Công an chính
        # quy ...\n\nTrong đó có 195 đồng chí Trưởng Công an xã").
        return any(q["end"] <= p["start"] and not text[q["end"] : p["start"]].strip()
                   and q.get("indicator_id") == p.get("indicator_id") and q.get("unit") == p.get("unit")
                   for q in observations)
    return [p for p in proposals if p["kind"] != "observation" or not is_part(p)]


def _same_period(one: str | None, other: str | None) -> bool:
    """Whether two dates name the same time, one within the other ("2023" and "2023-08-09")."""
    one, other = one or "", other or ""
    return one.startswith(other) or other.startswith(one)


def _deduplicated(proposals: list[dict]) -> list[dict]:
    """One proposal per fact (the first sentence that states it); one per new indicator's noun.
    The same figure dated differently by the text itself ("208/208 xã" at the end of March and
    again at the end of September) is two facts; dated within the same year ("ngày 9/8" and "năm
    2023"), one."""
    seen: set[tuple] = set()
    kept = []
    for p in sorted(proposals, key=lambda p: (p["start"], p["figure_start"])):
        keys = SAME_FACT.get(p["kind"])
        if keys and p.get("indicator_id") is None:
            key = (p["kind"], p["start"], p["figure_start"])
        elif keys:
            key = (p["kind"], *(p.get(k) for k in keys))
            if p["kind"] == "observation" and DATED_IN_TEXT in p["reason"]:
                earlier = [k for k in kept if k["kind"] == "observation" and all(k.get(f) == p.get(f) for f in keys)]
                if earlier and all(DATED_IN_TEXT in k["reason"] and not _same_period(k["date"], p["date"]) for k in earlier):
                    key += (p["date"],)
        elif p["kind"] == "indicator":
            key = ("indicator", p["indicator_id"])
        elif p["kind"] == "document":
            key = ("document", p["document_id"])
        else:
            key = ("link", p["from_document"], p["relation"], p["to_document"])
        if p["kind"] == "observation" and UNIT_NAMED not in p["reason"] and any(
                k["kind"] == "observation" and UNIT_NAMED in k["reason"] and all(k.get(f) == p.get(f) for f in ("indicator_id", "value"))
                for k in kept):
            continue  # the figure again, its unit only guessed ("135 new communes"): the one named before
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


def propose_file(path: str | Path, published=None, root=None, publisher: str | None = None, address: str | None = None) -> list[dict]:
    document = read_document(path)
    return propose_text(document.text, document.name, published, root, publisher, address)
