"""What kind of fact a question asks for (number, date, person), in Finnish, Swedish and English.

The extractive answer prefers sentences that hold a fact of the asked kind: a question
"Kuinka monta ...?" is better answered by a sentence with a number than by one that only
repeats the question's words.
"""

from __future__ import annotations

import re

_KINDS = {
    "number": re.compile(
        r"\b(kuinka (monta|paljon|suur\w*|pitk\w*)|montako|paljonko|mihin summaan|minkä suuruinen|"
        r"millä äänin|how (many|much|large|long)|what (amount|sum)|by what vote|"
        r"hur (många|mycket|stor\w*|lång\w*)|vilket belopp)\b",
        re.IGNORECASE,
    ),
    "date": re.compile(
        r"\b(milloin|minä päivänä|mihin aikaan|missä ajassa|mistä lähtien|monesko|"
        r"when|what date|which date|since when|när|vilket datum|hur länge|inom vilken tid)\b",
        re.IGNORECASE,
    ),
    "person": re.compile(r"\b(kuka|ketkä|kenet|kenen|who|whom|vem|vilka personer)\b", re.I),
}
_NUMBER = re.compile(
    r"\d|\b(yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|"
    r"kymmenen|sata|tuhat|miljoon\w*|one|two|three|four|five|ten|hundred|"
    r"thousand|million|en|ett|två|tre|fyra|fem|tio|hundra|tusen|miljon\w*)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b\d{1,2}\.\d{1,2}\.(\d{4})?|\b\d{4}\b|\b(tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|"
    r"syys|loka|marras|joulu)kuu\w*|\b(januari|februari|mars|april|maj|juni|juli|augusti|"
    r"september|oktober|november|december|january|february|march|may|june|july|august|"
    r"october)\b|\b(viiko\w*|päivä\w*|veckor|dagar|weeks|days)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"\b[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)? [A-ZÅÄÖ][a-zåäöé]+")


def answer_kind(question: str) -> str | None:
    """'number', 'date', 'person' or None when the question asks for something else."""
    for kind, pattern in _KINDS.items():
        if pattern.search(question):
            return kind
    return None


def holds_kind(sentence: str, kind: str | None) -> bool:
    """True when the sentence holds a fact of the asked kind."""
    if kind == "number":
        return bool(_NUMBER.search(sentence))
    if kind == "date":
        return bool(_DATE.search(sentence))
    if kind == "person":
        return bool(_NAME.search(sentence))
    return False
