"""A first name alone that closes a message: the writer's signature on the last sentence's
line, with no sign-off the name rules know, or after thanks or a sign-off with a name that is
also a word ("... Soittakaa illalla. Onni", "Ring mig gärna. /Sten", "Thanks, Tom",
"– Ilta", "Cheers, Grace and Will!").

A message's last word, standing alone after the end of the sentence before it, a dash or a
slash, is where a writer signs; there a first name is the writer's, even one that is also a
word (Onni "luck", Sten "stone", Tom "empty"). The closing comes from how letters, messages
and notes end in Finnish, Swedish and English, not from the labelled strings. Guarded: not a
function word ("Inga."), a month or weekday, a place, body or street, a system's name, or a
word Voikko knows only as a place; and two words joined by "and" are both first names or
neither is read ("Kiitos Paris ja Lontoo.": a pair of places).
"""

from __future__ import annotations

import re

from rag.core.privacy.common_words import names_only_a_place
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.name_forms import WORD
from rag.core.privacy.names import not_a_person
from rag.core.privacy.word_lookalikes import is_function_word, is_system_name

# Thanks and short sign-offs that may stand before the closing name ("Thanks, Tom").
_SIGN_OFFS = (
    r"thanks|thank\s+you|thx|cheers|best|br|love|regards|kiitos|kiitti|terkuin|terkut|"
    r"terveisin|terv|t|tack|hälsningar|hälsn|mvh|kram|kramar|hugs"
)
# What the name follows: the text's start or a line's, the end of a sentence, a dash or a
# slash; then a sign-off perhaps, a dash or slash perhaps, the name (and one joined to it) and
# nothing but closing punctuation up to the end of the text.
_CLOSING = re.compile(
    rf"(?:^|(?<=[.!?…)]))[ \t]*(?:(?i:{_SIGN_OFFS})\.?[ \t]*[,!:]?[ \t]*)?(?:[-–—/][ \t]*)?"
    rf"(?P<name>{WORD})(?:[ \t]+(?:and|och|ja|&)[ \t]+(?P<other>{WORD}))?"
    r"[ \t]*[.!]*[ \t]*\Z",
    re.MULTILINE,
)
_LAST_CHARACTERS = 120  # a closing line is short: read only the text's end


def may_name_a_person(word: str) -> bool:
    """A word that names no place, month, body or system and is no function word (here, in
    echo_names.py and, through a_lone_first_name, person_states.py)."""
    return not (
        is_function_word(word)
        or is_system_name(word)
        or names_only_a_place(word)
        or not_a_person(word)
    )


def a_lone_first_name(word: str) -> bool:
    """A first name of the lists or the register, words too, that may name a person: one that
    may stand alone where a slot or a verb says a person is meant."""
    return is_first_name(word) and may_name_a_person(word)


def closing_names(text: str) -> list[tuple[int, int]]:
    """The first name(s) alone that close ``text``."""
    text = text.rstrip()
    offset = max(0, len(text) - _LAST_CHARACTERS)
    match = _CLOSING.search(text, offset)
    if match is None:
        return []
    groups = [g for g in ("name", "other") if match.group(g) is not None]
    people = [g for g in groups if a_lone_first_name(match.group(g).rstrip("'"))]
    # Two words joined by "and" are of one kind: a signature signs with people's names only,
    # so a pair with one word that names no one ("Kiitos Paris ja Lontoo.") is no signature.
    if len(groups) == 2 and len(people) < 2:
        return []
    return [match.span(g) for g in people]
