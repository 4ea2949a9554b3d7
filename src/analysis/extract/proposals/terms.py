"""Which indicator a figure counts, from the words around it.

data/reference/indicator_terms.csv gives, per indicator, language and role, the terms that name
it. Roles:
- `noun`: what the figure counts ("officers", "trụ sở", "tài khoản"). A count indicator with
  nouns takes a figure only when one of them is the head of the figure's noun phrase (the last
  English word: "40 commune police headquarters"; the first Vietnamese: "184 trụ sở công an xã").
- `subject`: what the figure is about ("headquarters", "định danh điện tử"); one must be in the
  figure's sentence or the one before.
- `scope`: what the indicator is confined to ("xã", "commune": a province's own headquarters is
  not a commune police one); when given, one must be in the figure's sentence or the one before.
- `context`: words that tell close indicators apart ("khởi công", "activated").
- `not`: words that rule the indicator out when they stand between the figure and its clause's
  end, or before it in its sentence but after any earlier figure ("sửa chữa", "repair": a
  repaired office is not a new headquarters).
data/curated/indicators.csv gives each indicator's value unit, which a figure must fit: a share
needs "%", money a currency, a count a counted noun.

A term scores its number of words times the weight of where it stands: the figure's own words,
its clause, its part of the sentence (up to ";"), the sentence, the sentence before. A context
word between the figure before and this one, in the same clause, is this figure's ("issued 3
million cards and activated 2 million accounts"). The best
indicator wins; none scoring, or two scoring the same, leaves the choice to a person.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.errors import Problem, ValidationFailed
from analysis.extract.fold import fold
from analysis.paths import ProjectPaths

TERMS_COLUMNS = ("indicator_id", "language", "role", "terms")
ROLES = ("noun", "subject", "scope", "context", "not")
WEIGHTS = {"figure": 3.0, "clause": 2.0, "part": 1.5, "sentence": 1.0, "before": 0.5}
SINCE_WEIGHT = 2.5  # a context word between the figure before and this one, in the same clause
OTHERS_WEIGHT = 1.5  # a context word of the clause beyond the figure before or after
OTHERS_SUBJECT_WEIGHT = 0.25  # a subject there: the other figure's first ("1,2 triệu hồ sơ và 775 nghìn hồ sơ ... ĐDĐT")
CLOSE_CALL = 0.8  # a runner-up this close makes the choice uncertain
CURRENCIES = {"VND", "USD", "EUR", "SEK"}


@dataclass(frozen=True)
class Indicator:
    id: str
    value_unit: str
    terms: dict  # (language, role) -> tuple of (term, compiled pattern)

    def fits(self, figure_unit: str | None) -> bool:
        """Whether a figure in `figure_unit` can be a value of this indicator."""
        if self.value_unit == "%" or figure_unit == "%":
            return self.value_unit == figure_unit
        if self.value_unit in CURRENCIES or figure_unit in CURRENCIES:
            return self.value_unit == figure_unit
        return figure_unit is not None

    def of(self, language: str, role: str) -> tuple:
        return self.terms.get((language, role), ())


@dataclass(frozen=True)
class Choice:
    indicator: str | None
    score: float
    runner_up: str | None
    runner_up_score: float

    @property
    def tied(self) -> bool:
        return self.indicator is not None and self.runner_up_score >= self.score

    @property
    def certain(self) -> bool:
        return self.indicator is not None and self.runner_up_score < CLOSE_CALL * self.score


# Who acts in a Vietnamese passive, between "được" and its verb: "được UBND tỉnh đầu tư" is
# "được đầu tư", "được Bộ Công an công nhận" is "được công nhận".
PASSIVE_AGENTS = ("ủy ban nhân dân tỉnh", "ủy ban nhân dân huyện", "ubnd tỉnh", "ubnd huyện", "ubnd thành phố",
                  "ubnd", "hđnd tỉnh", "bộ công an", "công an tỉnh", "công an thành phố", "nhà nước",
                  "trung ương", "chính phủ", "tỉnh", "huyện", "thành phố")


def _agents(folded: bool) -> str:
    names = sorted({fold(a) if folded else a for a in PASSIVE_AGENTS}, key=len, reverse=True)
    return r"(?:[\s,]+(?:" + "|".join(r"[\s,]+".join(map(re.escape, n.split())) for n in names) + "))?"


def _pattern(term: str, folded: bool = False) -> re.Pattern:
    words = [re.escape(w) for w in term.lower().split()]
    # The "xã" of "thị xã" (a town, a district-level unit) is no commune.
    town = r"(?<!thị )(?<!thi )" if words[0] in ("xã", "xa") else ""
    body = r"[\s,]+".join(words)
    if len(words) > 1 and words[0] in ("được", "duoc"):
        body = words[0] + _agents(folded) + r"[\s,]+" + r"[\s,]+".join(words[1:])
    return re.compile(r"(?<![\w-])" + town + body + r"(?![\w-])")


def _patterns(term: str) -> tuple[str, re.Pattern, re.Pattern]:
    """The term, its pattern as written, and folded (for text written without diacritics)."""
    return term, _pattern(term), _pattern(fold(term), folded=True)


def read_terms(terms_csv: Path, indicators_csv: Path) -> tuple[Indicator, ...]:
    """Indicators with their value unit and terms; a row naming an unknown indicator or role,
    or without terms, is an error naming the file, line and column."""
    with indicators_csv.open(encoding="utf-8", newline="") as handle:
        units = {row["indicator_id"]: row["value_unit"] for row in csv.DictReader(handle)}
    terms: dict[str, dict] = {}
    problems = []
    with terms_csv.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != TERMS_COLUMNS:
            raise ValidationFailed([Problem(str(terms_csv), 1, "header", f"must be {','.join(TERMS_COLUMNS)}")])
        for line, row in enumerate(reader, start=2):
            indicator, role = row["indicator_id"], row["role"]
            cues = [t.strip() for t in (row["terms"] or "").split("|") if t.strip()]
            if row.get(None):  # a comma inside an unquoted terms list splits it into more fields
                problems.append(Problem(str(terms_csv), line, "terms", "more fields than the header: quote a list of terms that holds a comma"))
            elif indicator not in units:
                problems.append(Problem(str(terms_csv), line, "indicator_id", f"{indicator!r} is not in {indicators_csv}"))
            elif role not in ROLES:
                problems.append(Problem(str(terms_csv), line, "role", f"{role!r}: must be one of {', '.join(ROLES)}"))
            elif not cues:
                problems.append(Problem(str(terms_csv), line, "terms", "empty: give at least one term, | between terms"))
            else:
                key = (row["language"], role)
                found = terms.setdefault(indicator, {}).setdefault(key, [])
                found += [c.lower() for c in cues]
    if problems:
        raise ValidationFailed(problems)
    return tuple(
        Indicator(i, units[i], {k: tuple(_patterns(t) for t in dict.fromkeys(v)) for k, v in by_key.items()})
        for i, by_key in terms.items()
    )


@lru_cache(maxsize=8)
def _cached(terms_csv: str, indicators_csv: str, _stamp: tuple) -> tuple[Indicator, ...]:
    return read_terms(Path(terms_csv), Path(indicators_csv))


def load_indicators(root: str | Path | None = None) -> tuple[Indicator, ...]:
    paths = ProjectPaths.at(root)
    terms_csv = paths.reference / "indicator_terms.csv"
    indicators_csv = paths.curated / "indicators.csv"
    stamp = tuple(p.stat().st_mtime_ns for p in (terms_csv, indicators_csv))
    return _cached(str(terms_csv), str(indicators_csv), stamp)


def _score(terms, zones: dict[str, str], folded: bool, nearest: bool = False) -> float:
    """Words times weights of the terms found; `nearest`: only the best-placed term counts (cues
    compete: the one beside the figure decides, not how many stand further away)."""
    score = 0.0
    for zone, text in zones.items():
        weight = {"since": SINCE_WEIGHT, "own clause": WEIGHTS["clause"], "others' clause": OTHERS_WEIGHT,
                  "others' subjects": OTHERS_SUBJECT_WEIGHT}.get(zone) \
            or WEIGHTS.get(zone, 1.0)
        covered: list[tuple[int, int]] = []
        # Longer terms first, so "cong an xa" inside "tru so cong an xa" counts once.
        for term, exact, bare in sorted(terms, key=lambda t: -len(t[0])):
            m = (bare if folded else exact).search(text)
            if m and not any(s < m.end() and m.start() < e for s, e in covered):
                covered.append((m.start(), m.end()))
                words = len(term.split())
                if nearest:  # where the cue stands matters more than how long it is
                    score = max(score, weight * (1 + 0.25 * (words - 1)))
                else:
                    score += weight * words
    return score


def _context_zones(scored: dict[str, str], zones: dict[str, str]) -> dict[str, str]:
    """Zones for the cues that tell close indicators apart: the clause split at the figures around
    this one, and the stretch since the figure before."""
    near = {k: v for k, v in scored.items() if k != "clause"}
    near.update({k: zones[k] for k in ("own clause", "others' clause", "since") if k in zones})
    return near


def _subject_zones(scored: dict[str, str], zones: dict[str, str]) -> dict[str, str]:
    """The zones for subjects: the clause split at the figures coordinated with this one, so that
    a subject past the next figure is that figure's ("gần 1,2 triệu hồ sơ và 775 nghìn hồ sơ cấp
    tài khoản ĐDĐT": the ĐDĐT is the 775 nghìn's)."""
    if "own clause" not in zones:
        return scored
    return {**{k: v for k, v in scored.items() if k != "clause"}, "own clause": zones["own clause"], "others' subjects": zones["others' clause"]}


def _heads(terms, noun: str, language: str, folded: bool) -> float:
    """Words of the longest noun term that is the head of the figure's noun phrase."""
    noun = noun.strip()
    best = 0
    for term, exact, bare in terms:
        at = list((bare if folded else exact).finditer(noun))
        if any((m.start() == 0) if language == "vi" else (m.end() == len(noun)) for m in at):
            best = max(best, len(term.split()))
    return float(best)


GENERIC_NOUNS = {"vi": ("người", "nguoi", "trường hợp", "truong hop"), "en": ("people", "persons", "cases", "residents")}


def _generic(noun: str, language: str) -> bool:
    """Whether the figure's noun names no kind of thing of its own, only people or cases."""
    noun = " ".join(noun.lower().split())
    if language == "vi":  # Vietnamese heads come first: "người dân", "trường hợp"
        return any(noun == g or noun.startswith(g + " ") for g in GENERIC_NOUNS["vi"])
    return noun.rsplit(" ", 1)[-1] in GENERIC_NOUNS["en"]


def choose(indicators, zones: dict[str, str], noun: str, figure_unit: str | None, language: str,
           folded: bool = False) -> Choice:
    """The best-scoring indicator for a figure. `zones` maps each WEIGHTS key to the lower-case
    text of that zone (inner zones blanked out of outer ones); `noun` is the figure's words after
    its number, None when the figure names none of its own (a bare part of the figure before:
    "Of them, 16.5 million have been activated"), so the words around it decide; `language`
    picks the terms ("vi", else English); `folded`: the text is written without diacritics (and
    so are `zones` and `noun`)."""
    language = "vi" if language == "vi" else "en"
    scored = {k: zones[k] for k in WEIGHTS if k in zones}
    scores = []
    for indicator in indicators:
        if not indicator.fits(figure_unit):
            continue
        ruled_out = {k: zones.get(k, "") for k in ("onward", "lead")}
        if _score(indicator.of(language, "not"), ruled_out, folded):
            continue
        nouns = indicator.of(language, "noun")
        head = _heads(nouns, noun, language, folded) if nouns and noun is not None else 0.0
        if nouns and noun is not None and figure_unit not in CURRENCIES and figure_unit != "%" and not head:
            continue
        subject = _score(indicator.of(language, "subject"), _subject_zones(scored, zones), folded)
        if not subject:  # a subject running on from the figure's words ("154 công an xã chưa | có trụ sở")
            subject = _score(indicator.of(language, "subject"), {"clause": zones.get("onward", "")}, folded)
        if not subject:
            continue
        scope = indicator.of(language, "scope")
        if scope and not _score(scope, scored, folded):
            continue
        near = _context_zones(scored, zones)
        context = _score(indicator.of(language, "context"), near, folded, nearest=True)
        if noun is None and not context:
            continue  # a bare part is what its own words say it is, or nothing
        if not context and noun is not None and nouns and _generic(noun, language) and indicator.of(language, "context"):
            continue  # "252 người", "1.422 người": people are officers, or cards' receivers, only where the act is named
        score = WEIGHTS["figure"] * head + subject + context
        scores.append((score, indicator.id))
    scores.sort(key=lambda s: -s[0])
    best = scores[0] if scores else (0.0, None)
    second = scores[1] if len(scores) > 1 else (0.0, None)
    return Choice(best[1], best[0], second[1], second[0])
