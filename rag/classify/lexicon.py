"""Counting configured words in a proposal: digital markers and theme purpose terms.

The labelling rules turn on two things an embedding of the whole proposal blurs: whether a
digital element is *proposed* at all (a park proposal with one sentence about an app is
digital), and the stated purpose (climate -> b, the organisation's own work -> c). Word lists
from the programme file make both visible to the classifier as a few numeric features.

Term syntax (lower case, any of the programme's languages):
``word`` matches at the start of a word ("sovellus" also matches "sovellukset");
``*word`` matches anywhere inside a word (Finnish compounds: "*anturi" in "täyttöasteanturi");
``word$`` matches the whole word only ("app$" but not "approach").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_WORD = r"[\w-]"
_WORD_CHAR = re.compile(r"\w")


def _pattern(term: str) -> str:
    term = term.strip().lower()
    anywhere = term.startswith("*")
    whole = term.endswith("$")
    core = re.escape(term.strip("*$"))
    core = core.replace(r"\ ", r"\s+")  # multi-word terms across any whitespace
    start = "" if anywhere else rf"(?<!{_WORD})"
    end = rf"(?!{_WORD})" if whole else ""
    return f"{start}{core}{end}"


class TermMatcher:
    """Finds configured terms in text; one compiled regex for all languages.

    Languages are not separated: proposals mix languages, and language detection on short
    texts is not reliable enough to choose a list.
    """

    def __init__(self, terms_by_language: Mapping[str, Iterable[str]]) -> None:
        terms = sorted(
            {t.strip() for terms in terms_by_language.values() for t in terms if t.strip("*$ ")},
            key=len,
            reverse=True,  # longest first, so "e-service" wins over "e-"
        )
        self.terms = tuple(terms)
        self._regex = (
            re.compile("|".join(f"({_pattern(t)})" for t in terms), re.IGNORECASE)
            if terms
            else None
        )

    def __bool__(self) -> bool:
        return self._regex is not None

    def find(self, text: str) -> list[str]:
        """The words of ``text`` that contain a match, in order (for reasons a person reads)."""
        if self._regex is None:
            return []
        found: list[str] = []
        for match in self._regex.finditer(text):
            start, end = match.start(), match.end()
            while start > 0 and _WORD_CHAR.match(text[start - 1]):
                start -= 1
            while end < len(text) and _WORD_CHAR.match(text[end]):
                end += 1
            found.append(text[start:end])
        return found

    def count(self, text: str) -> int:
        return 0 if self._regex is None else sum(1 for _ in self._regex.finditer(text))
