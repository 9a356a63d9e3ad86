"""The surname or initial right after a first name found joins it (hundred-and-sixteenth
round, ``trailing_surnames``): "TEEMU RÄSÄNEN" was masked as "TEEMU", "jari nieminen" as
"jari", "Olena Kovalenko" as "Olena" and "Camilla N" as "Camilla". Another rule found the
first name by its own evidence (a greeting, a signature, a person's verb) and the pair rule
left the next word out, for its case or because it is also a word elsewhere. The mirror of
leading_first_names.py.

When a name found ends with a known first name, the word right after it (one space or tab
between, on the same line) is that person's surname if it is written as the first name is
(capitalised, small or in capitals) and reads as a surname: Voikko knows it only as a name,
it has a surname's own ending and no reading as a common word, after a first name that is
no word Voikko knows it also as a name or no dictionary knows it (letter_case.py's
``reads_as_a_surname``), or it is a surname of the population registers in any case form
and no common word ("nieminen", "Mäkelä"; register_surnames.py); never a place, an office or
a month, a first name of the lists (a second person: "Anna Maija"), or a common word in a
local case ("Satu Rinteelle" stays half). A single letter, or two joined by a hyphen,
written as the first name's first letter is ("Eija K", "pia s", "Tove L-K"), with a full
stop or not, is a surname's initial when the clause ends after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.letter_case import reads_as_a_surname
from rag.core.privacy.register_surnames import a_plain_register_surname
from rag.core.privacy.spans import PiiSpan, SpanIndex

# The word after the name: one space or tab, then letters (hyphenated parts too), apostrophes
# inside ("O'Brien"), not running on into a number, an address or a path.
_NEXT_WORD = re.compile(
    rf"[ \t](?P<word>[{UPPER}{LOWER}]+(?:['’][{UPPER}{LOWER}]+)?(?:-[{UPPER}{LOWER}]+)*)"
    r"(?![\w'’@/-])"
)
# An initial or two after the name: "K", "K.", "L-K", "K.-S.", then the clause's end.
_NEXT_INITIAL = re.compile(
    rf"[ \t](?P<word>[{UPPER}{LOWER}]\.?(?:-[{UPPER}{LOWER}]\.?)?)(?=[ \t]*(?:[,;:!?.)\n]|\Z))"
)
# The last word of a name found.
_LAST_WORD = re.compile(rf"[{UPPER}{LOWER}]+(?:-[{UPPER}{LOWER}]+)*\Z")
# Single letters that are words: no one's initial.
_LETTER_WORDS = frozenset("iaåöoy")


def _style(word: str) -> str:
    """How a word is written: "upper" (capitals), "lower" (small) or "title"."""
    letters = word.replace("-", "").replace("'", "").replace("’", "")
    if letters.isupper() and len(letters) > 1:
        return "upper"
    if letters.islower():
        return "lower"
    return "title" if letters[:1].isupper() and letters[1:].islower() else "mixed"


def _a_trailing_surname(
    first: str,
    word: str,
    surname_ending: Callable[[str], bool],
    not_a_person: Callable[[str], bool],
) -> bool:
    """Whether ``word`` after the first name ``first`` is its surname, written alike."""
    if _style(word) != _style(first) or _style(word) == "mixed" or len(word) < 3:
        return False
    if is_first_name(word) or not_a_person(word.capitalize()):
        return False
    no_word_first = is_first_name(first, word_like=False)
    return reads_as_a_surname(
        word.lower(), no_word_first, surname_ending
    ) or a_plain_register_surname(word.capitalize())


def _a_trailing_initial(first: str, initial: str) -> bool:
    """Whether ``initial`` after the first name ``first`` is written as its first letter is."""
    letters = [c for c in initial if c.isalpha()]
    if first[:1].isupper():
        return all(c.isupper() for c in letters)
    return all(c.islower() for c in letters) and not (
        len(letters) == 1 and letters[0] in _LETTER_WORDS
    )


def with_trailing_surnames(
    text: str,
    spans: list[PiiSpan],
    surname_ending: Callable[[str], bool],
    not_a_person: Callable[[str], bool],
) -> list[PiiSpan]:
    """``spans`` with each name that ends with a known first name widened over the surname or
    initial right after it; ``surname_ending`` tells a surname's own ending, ``not_a_person``
    a place, an office or a month (names.py)."""
    taken = SpanIndex(spans)
    widened = []
    for span in spans:
        last = _LAST_WORD.search(text, span.start, span.end) if span.kind == "NAME" else None
        if last is not None and is_first_name(last.group()):
            end = _tail_end(text, span.end, last.group(), surname_ending, not_a_person)
            if end > span.end and not taken.overlaps(span.end, end):
                span = PiiSpan(span.start, end, "NAME")
        widened.append(span)
    return widened


def _tail_end(
    text: str,
    end: int,
    first: str,
    surname_ending: Callable[[str], bool],
    not_a_person: Callable[[str], bool],
) -> int:
    """Where the name ending at ``end`` with the first name ``first`` ends with the surname or
    initial after it; ``end`` when none follows."""
    after = _NEXT_WORD.match(text, end)
    if after is not None and _a_trailing_surname(
        first, after.group("word"), surname_ending, not_a_person
    ):
        return after.end("word")
    initial = _NEXT_INITIAL.match(text, end)
    if initial is not None and _a_trailing_initial(first, initial.group("word")):
        return initial.end("word")
    return end


__all__ = ["with_trailing_surnames"]
