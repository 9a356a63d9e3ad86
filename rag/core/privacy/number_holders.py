"""The first name that a phone number or an identity number found belongs to, written right
beside it (the hundred-and-sixth round): "Valmentajat: Janne 040 553 1208 ja Sini 050 771
6432", "ring mig nu. linus 0458812260", "soittakaa PIIA 045 772 0193", "Vi nås på 040 773
1092 (Maja) eller ...", "mikko j. rinne, 111190-177W".

A list of contacts or a signature puts the holder's name right before the number, or in
brackets right after it; the name is often a first name alone that is also a word (Sini,
Rut, Kim), in lower case or in capitals, where the other rules want more evidence. The number
is the evidence: a person's number, already found, with a first name of the lists or
registers touching it. Before the number the name may run to a middle name, initials and a
same-case surname (labelled_names.name_words); only spaces, a colon, a comma or a dash stand
between. Like name_forms.py the module only reads the text; the masker applies the name
finder's guards (an organisation's number keeps its holder readable: "Vaihde", "Kirjaamo" are
no first names).
"""

from __future__ import annotations

import re

from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.labelled_names import NAME_RUN_WORD, name_words
from rag.core.privacy.spans import PiiSpan

# up to four words, then what may stand between a name and its number, at the number
_BEFORE = re.compile(
    rf"(?<![\w.-])(?P<words>{NAME_RUN_WORD}(?:[ \t]+{NAME_RUN_WORD}){{0,3}})"
    r"[ \t]*[:,–-]?[ \t]*\(?\Z"
)
_REACH = 80  # a name and its separator are short: read this far back only
_IN_BRACKETS_AFTER = re.compile(rf"[ \t]*\((?P<name>{NAME_RUN_WORD})\)")
_NUMBER_KINDS = frozenset({"PHONE", "HETU"})


def _a_first_name(word: str) -> bool:
    """A first name of the lists or registers; in lower case none that is also a word ("tai",
    "line", "on" before a number are words of the sentence)."""
    if word.endswith(".") or len(word) < 2:
        return False  # an initial, or an abbreviation ("p.")
    return is_first_name(word, word_like=not word.islower())


def _name_before(text: str, start: int) -> tuple[int, int] | None:
    """The name that ends right before ``start``: the longest run of the words before it
    whose first word is a first name and whose other words continue it."""
    before = _BEFORE.search(text, max(0, start - _REACH), start)
    if before is None:
        return None
    words = before.group("words").split()
    offset = before.start("words")
    positions = []
    for word in words:
        offset = text.index(word, offset)
        positions.append(offset)
        offset += len(word)
    for first in range(len(words)):
        run = words[first:]
        if _a_first_name(run[0]) and name_words(run) == run:
            end = positions[-1] + len(words[-1])
            return positions[first], end
    return None


def names_beside_numbers(text: str, spans: list[PiiSpan]) -> list[tuple[int, int]]:
    """The names right before, or in brackets right after, a phone or identity number of
    ``spans``."""
    names = []
    for span in spans:
        if span.kind not in _NUMBER_KINDS:
            continue
        before = _name_before(text, span.start)
        if before is not None:
            names.append(before)
        after = _IN_BRACKETS_AFTER.match(text, span.end)
        if after is not None and _a_first_name(after.group("name")):
            names.append(after.span("name"))
    return names
