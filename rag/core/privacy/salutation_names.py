"""The one word a salutation addresses is a person's name, known to the lists or not
(forty-third round, ``salutation_names``).

The greeting rules (names.py) take the words after "Hei", "Hej", "Dear" or "Tack" as a name
only when a first name of the lists or a surname's shape is among them, so that "Hyvä Asukas"
and "Kiitos Hyvästä Palvelusta" stay readable; a first name the lists do not hold, or a
nickname, is missed there ("Bästa Fatuma,", "Tjenare Jocke!", "Tack Nora!"). Here a salutation
at the start of a line, followed by exactly one capitalised word and then a comma, an
exclamation mark, a colon or the line's end, is that word's slot: the word is a name when no
dictionary of the three languages knows it as a common word, Voikko does not know it only as a
place and it is none of the towns, villages and districts the masker lists (name_lookalikes.py:
"Hei Porvoo!", "Hej Borgå!", "Hello Helsinki!" stay). "Hyvä Asukas", "Hei Kaikki", "Dear
Customer" hold a word and stay as written. The salutations are general knowledge of the three
languages.
"""

from __future__ import annotations

import re

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.closing_names import a_lone_first_name
from rag.core.privacy.common_words import is_common_anywhere, names_only_a_place
from rag.core.privacy.name_lookalikes import is_place_word

_SALUTATIONS = (
    "hei", "hej", "heippa", "moi", "moikka", "morjens", "terve", "hejsan", "tjena", "tjenare",
    "hallå", "hyvä", "arvoisa", "bästa", "kära", "käre", "dear", "hi", "hello", "hey",
    "kiitos", "tack", "thanks",
)  # fmt: skip
# A salutation opening a line, then the word it addresses.
_SALUTATION = rf"(?im)^[ \t]*(?:{'|'.join(_SALUTATIONS)})[ \t]+"
_SALUTATION_SLOT = re.compile(
    rf"{_SALUTATION}(?P<name>(?-i:[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?))[ \t]*(?:[,!:]|$)"
)


def salutation_names(text: str) -> list[tuple[int, int]]:
    """The spans of the words a salutation addresses that are no common word and no place."""
    found = []
    for match in _SALUTATION_SLOT.finditer(text):
        word = match.group("name")
        # (the whole word, and each half of a hyphenated one)
        if any(is_common_anywhere(part) for part in {word, *word.split("-")}):
            continue
        if names_only_a_place(word) or is_place_word(word):
            continue
        found.append(match.span("name"))
    return found


# The fifty-first round (``lower_case_salutations``): in chat and quick mail the name a
# salutation addresses is written in lower case ("hej maja!", "hei anna, ..."). A lower-case
# word is a common word as often as a name, so only a first name of the lists counts, and
# only before a comma, an exclamation mark or a colon (not at the line's end: "moi taas").
_LOWER_SALUTATION_SLOT = re.compile(
    rf"{_SALUTATION}(?P<name>(?-i:[{LOWER}]+(?:-[{LOWER}]+)?))[ \t]*[,!:]"
)


def lower_case_salutation_names(text: str) -> list[tuple[int, int]]:
    """The spans of the lower-case first names a salutation addresses, places aside."""
    found = []
    for match in _LOWER_SALUTATION_SLOT.finditer(text):
        word = match.group("name")
        # (a function word "alla", "all", a place or a system is no one: closing_names.py;
        # nor a second salutation, "hei hei,")
        if word in _SALUTATIONS:
            continue
        if not all(a_lone_first_name(part.capitalize()) for part in word.split("-")):
            continue
        if is_place_word(word.capitalize()):
            continue
        found.append(match.span("name"))
    return found
