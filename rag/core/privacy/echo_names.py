"""A name mentioned again: a capitalised word alone that repeats a word of a name already
found in the same text, as written or in a case or possessive form ("Anna Lind kysyi ...
Annalle vastattiin", "Bo Ek ringde. Bos nummer", "Tom Baker called ... Tom's flat").

A writer names a person once in full and then by the first name alone, or the other way
round; the rules read each mention by itself and let the short one through when its word is
also a common word or it has no lead. The found name is the evidence: the same word in the
same text names the same person, unless the word names a place, a body or a venue where it
stands (the guards of the other name rules), or is a function word of Swedish or English.
"""

from __future__ import annotations

import re

from rag.core.privacy.closing_names import may_name_a_person
from rag.core.privacy.first_names import base_forms
from rag.core.privacy.name_forms import WORD
from rag.core.privacy.names import names_a_place, names_a_venue
from rag.core.privacy.spans import PiiSpan, overlaps

# a capitalised word, with an English possessive if it has one ("Tom's", "Tom’s")
_MENTION = re.compile(rf"(?<![\w'’-])(?P<word>{WORD})(?:’s)?(?![\w'’-])")
_NAME_PART = re.compile(rf"{WORD}")
_SHORTEST = 3  # "Bo", "Li": too short to tell a name from an abbreviation or a word part


def _found_words(text: str, spans: list[PiiSpan]) -> set[str]:
    """The words (lower-cased, possessive and trailing quote left out) of the names found."""
    words: set[str] = set()
    for span in spans:
        if span.kind != "NAME":
            continue
        for part in _NAME_PART.findall(text[span.start : span.end]):
            part = part.rstrip("'")
            if len(part) >= _SHORTEST:
                words.add(part.lower())
    return words


def _repeats(word: str, found: set[str]) -> bool:
    """Whether ``word`` is a word of a found name as written, in a Finnish case form or a
    Swedish genitive (``base_forms``)."""
    lowered = word.lower()
    return lowered in found or any(form in found for form in base_forms(word))


def echoed_names(text: str, spans: list[PiiSpan]) -> list[tuple[int, int]]:
    """The words outside ``spans`` that repeat a word of a name found in ``spans``."""
    found = _found_words(text, spans)
    if not found:
        return []
    echoes = []
    for match in _MENTION.finditer(text):
        word = match.group("word").rstrip("'")
        word = word[:-2] if word.endswith("'s") else word
        start, end = match.start(), match.end()
        if len(word) < _SHORTEST or overlaps(spans, start, end) or not _repeats(word, found):
            continue
        if not may_name_a_person(word) or names_a_place(text, end) or names_a_venue(text, start):
            continue
        echoes.append((start, end))
    return echoes
