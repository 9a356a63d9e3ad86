"""A known first name right before a name found joins it (thirty-ninth round,
``leading_first_names``): "Namn: Tom Eriksson" was masked as "Eriksson" and "Sökande: Nora
Lindström" as "Lindström", since a first name that is also a word ("Tom", "Nora") counts only
before a surname the rules read as one by its shape alone. When the rules have found the
word after it to be a name, a capitalised known first name right before it, one space or tab
between, is that person's first name: the two become one mask. A register name that is also a
word ("Hei", "Hi", "Eilen", "The", "Tom") counts only right after a label's colon ("Namn: Tom
Eriksson"); elsewhere it is the word ("Hei Tuomas", "Hi Tom").

It widens only spans the rules already hold to be names, and only over a first name of the
lists (first_names.py), so a capitalised word that is no first name stays readable.
"""

from __future__ import annotations

import re

from rag.core.privacy.addresses import NAME_WORD
from rag.core.privacy.first_names import is_first_name, is_hand_listed
from rag.core.privacy.spans import PiiSpan, SpanIndex

# A name word, then one space or tab, right before a span.
_WORD_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<word>{NAME_WORD})[ \t]\Z")
# How far back the word is looked for.
_REACH = 40
# A label's colon right before the first name ("Namn: ", "Sökande:\t").
_COLON_BEFORE = re.compile(r":[ \t]*\Z")


def _leading_first_name(text: str, word: str, start: int) -> bool:
    """A first name of the hand list or one that is no word; a word-like register name only
    right after a label's colon."""
    if not is_first_name(word):
        return False
    if is_hand_listed(word) or is_first_name(word, word_like=False):
        return True
    return _COLON_BEFORE.search(text, max(0, start - 4), start) is not None


def with_leading_first_names(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """``spans`` with each name widened over a known first name right before it."""
    taken = SpanIndex(spans)
    widened = []
    for span in spans:
        if span.kind == "NAME":
            before = _WORD_BEFORE.search(text, max(0, span.start - _REACH), span.start)
            if (
                before is not None
                and _leading_first_name(text, before.group("word"), before.start())
                and not taken.overlaps(before.start(), before.end())
            ):
                span = PiiSpan(before.start(), span.end, "NAME")
        widened.append(span)
    return widened


__all__ = ["with_leading_first_names"]
