"""Statuses a document states about a measure: "valmistunut", "käynnissä", "slutförts" ...

A sentence states a status when it holds exactly one kind of status word; a sentence listing
several ("11 valmiina, 14 käynnissä") is a summary, not a statement about one measure.
'Not started' forms are matched first and masked, so "inte påbörjad" is never read as the
'ongoing' "påbörjad" and "ei ole vielä valmis" never as 'completed'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "not_started",
        r"ei\s+(?:ole\s+)?(?:vielä\s+)?(?:aloitettu|käynnistynyt|käynnistetty|valmis\w*)"
        r"|aloittamat\w*|siirty\w*\s+vuodelle|siirrettiin\s+vuodelle|siirretty\s+vuodelle"
        r"|(?:inte|ej)\s+(?:ännu\s+)?(?:påbörja\w*|inletts|startat\w*|slutför\w*|klar\w*)"
        r"|flyttas\s+till\s+år|not\s+(?:yet\s+)?(?:started|begun|completed)|postponed",
    ),
    (
        "completed",
        # not "valmis käynnistämään" (ready to start) nor "valmistua" (to be completed)
        r"valmis(?!\s+\w+m[aä][aä]n\b)|valmiin\w*|valmiit\w*|valmiik\w*|valmistu(?!a\b)\w*"
        r"|otettu\s+käyttöön|otettiin\s+käyttöön"
        r"|slutför(?:d|t|da|des|ts)|färdigställ\w*|avslutad\w*|tagits\s+i\s+bruk|togs\s+i\s+bruk"
        r"|completed|finished|taken\s+into\s+use",
    ),
    (
        "ongoing",
        r"käynnissä|käynnisty\w*|käynnistet\w*|meneillään|kesken"
        r"|pågående|pågår|påbörjat\w*|påbörjades|har\s+inletts"
        r"|ongoing|in\s+progress|under\s*way",
    ),
)
_COMPILED = tuple((status, re.compile(rf"\b(?:{p})\b", re.I)) for status, p in _PATTERNS)


@dataclass(frozen=True)
class StatedStatus:
    status: str  # completed / ongoing / not_started
    word: str  # the words as written in the document


def stated_statuses(sentence: str) -> list[StatedStatus]:
    """Every status word in the sentence, 'not started' forms first and masked."""
    found: list[StatedStatus] = []
    text = sentence
    for status, pattern in _COMPILED:
        for match in pattern.finditer(text):
            found.append(StatedStatus(status, match.group(0)))
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return found


def single_status(sentence: str) -> StatedStatus | None:
    """The status the sentence states, when it states exactly one kind."""
    found = stated_statuses(sentence)
    kinds = {s.status for s in found}
    return found[0] if len(kinds) == 1 else None
