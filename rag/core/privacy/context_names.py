"""First names that are also words (Satu, Onni, Tom, Kim, Grace), kept when what stands around
them is where a person stands: the confirmer of the name tagger (person_context.py: a
kinship or role noun, a verb of speaking, a greeting or sign-off, a label of a person's
field, another name of a list, a signature) applied to the first names of the lists and the
register instead of the tagger's guesses.

The rules elsewhere leave such a name alone unless a surname, a lead or a case form goes
with it; here the context is the evidence, with the tagger's guards (no place, body or
venue, not one word opening a sentence unless it is a name and no word) and those of the
word-like names (no system's name, no function word, no thanks to a place).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.core.privacy.common_words import names_only_a_place
from rag.core.privacy.first_names import (
    is_first_name,
    is_hand_listed,
    is_inflected_first_name,
    is_word_like,
    is_word_like_in_dictionaries,
)
from rag.core.privacy.name_forms import WORD
from rag.core.privacy.name_tagger import guarded, merge_names
from rag.core.privacy.names import starts_a_sentence
from rag.core.privacy.person_context import confirmed
from rag.core.privacy.spans import PiiSpan, SpanIndex
from rag.core.privacy.word_lookalikes import is_function_word, is_system_name

_NAME_WORD = re.compile(rf"(?<![\w'-]){WORD}(?![\w'-])")
# Thanks go to places and bodies as well as people ("Kiitos Paris ja Lontoo", "Tack Borgå").
_THANKS_BEFORE = re.compile(r"(?i:\b(?:kiitos|kiitti|tack|thanks|thank[ \t]+you))[ \t,!]*\Z")


def _first_name(word: str) -> bool:
    """A first name in its base form or a case form, word-like and frequent ones too; not a
    function word of Swedish or English ("Alla", "May"), a system's name ("Wilman kautta")
    or a word Voikko knows only as a place."""
    return (
        (is_first_name(word) or is_inflected_first_name(word))
        and not is_function_word(word)
        and not is_system_name(word)
        and not names_only_a_place(word)
    )


def _a_word_here(text: str, start: int, word: str) -> bool:
    """A name that is also a word where its capital says nothing or a thing is meant: at a
    sentence's start ("Satu kertoo prinsessasta", "Arvo vastaa odotuksia") or after thanks
    ("Kiitos Paris"), unless the hand list holds it after thanks ("Kiitos Toivo")."""
    if not (is_word_like(word) or is_word_like_in_dictionaries(word)):
        return False
    if starts_a_sentence(text, start):
        return True
    thanked = _THANKS_BEFORE.search(text, max(0, start - 24), start) is not None
    return thanked and not is_hand_listed(word)


def context_names(text: str, spans: list[PiiSpan]) -> list[tuple[int, int]]:
    """The first names outside ``spans`` that stand in a person's context."""
    taken = SpanIndex(spans)  # (a text with thousands of names: no scan of all per word)
    candidates = [
        match.span()
        for match in _NAME_WORD.finditer(text)
        if not taken.overlaps(*match.span())
        and _first_name(match.group())
        and not _a_word_here(text, match.start(), match.group())
    ]
    if not candidates:
        return []
    names = [(s.start, s.end) for s in spans if s.kind == "NAME"]
    return confirmed(text, guarded(text, candidates), names)


def with_context_names(
    text: str,
    spans: list[PiiSpan],
    private: Callable[[list[PiiSpan]], list[PiiSpan]],
) -> list[PiiSpan]:
    """``spans`` with the first names that stand in a person's context added, those that
    ``private`` keeps (the name finder's names of no private person: a public figure, a
    fictional character, an occasion)."""
    found = [PiiSpan(start, end, "NAME") for start, end in context_names(text, spans)]
    if not found:
        return spans
    return merge_names(spans, [(s.start, s.end) for s in private(found)])
