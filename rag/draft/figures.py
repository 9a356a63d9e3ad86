"""Figures a follow-up document states about the roadmap: how many measures it has, how many
are completed, ongoing or not started, how many new ones are planned, and indicator values.

A coordinator needs these numbers even when no measures register is given, and they must come
with the sentence that states them. A sentence states a figure when it names measures
("toimenpide", "åtgärd", "measure") or follows one that does, and pairs one number with one
status in a clause: "Lokakuussa 2025 niistä oli valmiina 11, käynnissä 14 ja aloittamatta 5."
gives completed 11, ongoing 14, not started 5. Numbers may be written as words ("viisi",
"fyra", "two"). A number right before the measure noun without a status is the total
("Tiekartassa on yhteensä 30 toimenpidettä"). Sentences about another year than the period
("Edellisessä seurannassa syksyllä 2024 ...") are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rag.draft.status import stated_statuses

TOTAL, NEW, INDICATOR = "total", "new", "indicator"
FIGURE_KINDS = (TOTAL, "completed", "ongoing", "not_started", NEW, INDICATOR)

_MEASURE = re.compile(
    r"\b(?:toimenpi\w+|åtgärd\w*|measures?\b|actions?\b)",
    re.IGNORECASE,
)
_NEW = re.compile(
    r"\b(?:uu(?:si|tta|sia|det|sien|sista)|lisättä\w*|nya?|nytt|new|additional)\b", re.IGNORECASE
)
_NONE_ADDED = re.compile(
    r"\bei\s+(?:\w+\s+)?lisätty\b|\binga\s+nya\b|\binte\s+\w+\s+nya\b|\bno\s+new\b"
    r"|\bnot\s+(?:been\s+)?added\b|\bei\s+lisätty\b",
    re.IGNORECASE,
)
_TOTAL_WORD = re.compile(r"\b(?:yhteensä|kaikkiaan|sammanlagt|totalt|in\s+total|total)\b", re.I)
_INDICATOR = re.compile(
    r"\b(?:mittar\w*|indikator\w*|indicator\w*|osuus|osuutta|andel\w*|share)\b", re.IGNORECASE
)
_PERCENT = re.compile(r"%|\bprosen\w*|\bprocent\w*|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)
_OTHER_TIME = re.compile(
    r"\b(?:edellis\w*|viime\s+vuonna|vuotta\s+(?:aiemmin|aikaisemmin)|aiemmin"
    r"|föregående|förra\s+året|i\s*fjol|år\s+tidigare|tidigare"
    r"|previous|last\s+year|(?:a\s+)?year\s+earlier|earlier)\b",
    re.IGNORECASE,
)
# Clauses: a comma only before a space, so "4,300" (English thousands) stays one number.
_CLAUSES = re.compile(r",(?=\s)|[;:]|\s+(?:ja|sekä|och|samt|and)\s+|\s+[–-]\s+", re.I)
_DIGITS = re.compile(r"(?<![\d.,/§-])(\d{1,4})(?![\d.,/-]\d)(?!\s*§)")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")

_NUMBER_WORDS: dict[str, int] = {}
for _value, _forms in {
    0: "nolla ingen inga noll zero no",
    1: "yksi yhden yhtä yhdestä en ett one",
    2: "kaksi kahden kahta kahdesta två two",
    3: "kolme kolmen kolmea kolmesta tre three",
    4: "neljä neljän neljää neljästä fyra four",
    5: "viisi viiden viittä viidestä fem five",
    6: "kuusi kuuden kuutta kuudesta sex six",
    7: "seitsemän seitsemää seitsemästä sju seven",
    8: "kahdeksan kahdeksaa kahdeksasta åtta eight",
    9: "yhdeksän yhdeksää yhdeksästä nio nine",
    10: "kymmenen kymmentä kymmenestä tio ten",
    11: "yksitoista yhdentoista elva eleven",
    12: "kaksitoista kahdentoista tolv twelve",
}.items():
    for _form in _forms.split():
        _NUMBER_WORDS[_form] = _value
_WORD_NUMBER = re.compile(
    r"\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True)
class StatedFigure:
    """One figure as a document states it; ``sentence`` is the verbatim source."""

    kind: str  # total / completed / ongoing / not_started / new / indicator
    value: int | None  # None for an indicator (its sentence carries the values)
    sentence: str
    theme: str | None = None  # a theme id when the sentence speaks of one theme


def _numbers(clause: str, words: bool) -> list[tuple[int, int]]:
    """(position, value) of the counts in a clause: digits that are not years, and, when
    ``words``, number words ("viisi", "två")."""
    found = [
        (m.start(), int(m.group(1)))
        for m in _DIGITS.finditer(clause)
        if not _YEAR.fullmatch(m.group(1))
    ]
    if words:
        found += [
            (m.start(), _NUMBER_WORDS[m.group(1).lower()]) for m in _WORD_NUMBER.finditer(clause)
        ]
    return sorted(found)


def _years(sentence: str) -> set[str]:
    return set(_YEAR.findall(sentence))


def _total_before_noun(clause: str) -> tuple[int, int] | None:
    """A count standing right before the measure noun ("30 toimenpidettä", "12 toimenpiteestä")."""
    noun = _MEASURE.search(clause)
    if not noun:
        return None
    before = clause[: noun.start()].rstrip()
    numbers = _numbers(before, words=True)
    if numbers and numbers[-1][0] >= len(before) - 14:
        return numbers[-1]
    return None


def _clause_figures(clause: str, has_noun: bool) -> list[tuple[str, int]]:
    figures: list[tuple[str, int]] = []
    statuses = {s.status for s in stated_statuses(clause)}
    total = _total_before_noun(clause) if has_noun else None
    numbers = _numbers(clause, words=bool(statuses) or has_noun)
    noun = _MEASURE.search(clause)
    if total is not None and noun is not None:
        numbers = [n for n in numbers if n != total]
        if _NEW.search(clause[: noun.start()]):  # "3 uutta toimenpidettä", "two new measures"
            figures.append((NEW, total[1]))
        elif not statuses or _TOTAL_WORD.search(clause) or numbers:
            figures.append((TOTAL, total[1]))
        else:  # "11 toimenpidettä valmiina": the count belongs to the status
            numbers = [total]
    if len(statuses) == 1 and len(numbers) == 1:
        figures.append((next(iter(statuses)), numbers[0][1]))
    return figures


def _theme_of(sentence: str, heading: str, themes: dict[str, list[str]]) -> str | None:
    """The theme a sentence speaks of: its heading or the sentence names exactly one."""
    for text in (sentence, heading):
        lowered = text.lower()
        hits = {
            theme_id
            for theme_id, names in themes.items()
            if re.match(rf"\W*{re.escape(theme_id)}\)", lowered)
            or any(name in lowered for name in names)
        }
        if len(hits) == 1:
            return hits.pop()
    return None


def stated_figures(
    sentences: list[str],
    period_years: Iterable[str],
    themes: dict[str, list[str]] | None = None,
    heading: str = "",
) -> list[StatedFigure]:
    """The figures stated in consecutive ``sentences`` of one passage (e.g. a chunk).

    ``period_years``: the years of the draft's period (a sentence naming only other years is
    about another follow-up). ``themes``: theme id -> lower-case names, to attribute a figure
    to a theme; ``heading``: the passage's heading, which may name the theme.
    """
    years = set(period_years)
    found: list[StatedFigure] = []
    previous_noun = False
    for sentence in sentences:
        noun = bool(_MEASURE.search(sentence))
        context = noun or (previous_noun and bool(stated_statuses(sentence)))
        previous_noun = noun
        mentioned = _years(sentence)
        if not context or _OTHER_TIME.search(sentence) or (mentioned and not mentioned & years):
            continue
        theme = _theme_of(sentence, heading, themes or {})
        if noun and _NEW.search(sentence) and _NONE_ADDED.search(sentence):
            found.append(StatedFigure(NEW, 0, sentence, theme))
            continue
        seen: set[tuple[str, int]] = set()
        for clause in _CLAUSES.split(sentence):
            for kind, value in _clause_figures(clause, bool(_MEASURE.search(clause))):
                if (kind, value) not in seen:
                    seen.add((kind, value))
                    found.append(StatedFigure(kind, value, sentence, theme))
    return found


def indicator_sentences(sentences: list[str], period_years: Iterable[str]) -> list[str]:
    """Sentences giving an indicator's value (a share or percentage of something measured)."""
    years = set(period_years)
    return [
        s
        for s in sentences
        if _PERCENT.search(s)
        and (_INDICATOR.search(s) or len(_numbers(s, words=False)) >= 2)
        and (not _years(s) or _years(s) & years)
    ]
