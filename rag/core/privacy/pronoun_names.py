"""A first name alone that a personal pronoun refers back to: "Jag vill tacka Robin för hans
tålamod", "Palaveriin tulee myös Aina, koska hän hoitaa budjetin", "Huomenna Onni tuo avaimet.
Hän tulee kahdeksalta", "Please tell Kim that she can pick up the keys".

"hän", "hon", "han", "she" and "he" stand for a person only (Finnish uses "se" for things,
Swedish "den"/"det", English "it"; the Finnish "he", they, is people too), so a first name they
point back to is someone, even one that is also a word (Onni, Kim, Robin, Aina), which the
other mechanisms leave alone without a greeting, a role or a verb. The pronoun must come after
the name, in its sentence or the next, with no other name found in between (it would point to
that one), and the name is one of the first-name lists or the register that may name a person
(``a_lone_first_name``: so not "Linnea", which Voikko knows only as a place), alone (no
capitalised word after it, nor before it inside a sentence), no month, and no sentence's first
word that Voikko knows only as a common word ("Moni", "Kun": rare given names too). The
pronouns are the grammar of the three languages in their case forms, not a list read from the
labelled strings.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from rag.core.privacy.closing_names import a_lone_first_name
from rag.core.privacy.name_forms import WORD, Candidate
from rag.core.privacy.names import is_a_month, starts_a_sentence
from rag.core.privacy.person_states import a_finnish_word_opening
from rag.core.privacy.spans import PiiSpan
from rag.core.privacy.unowned_addresses import THIRD_PERSON_PRONOUNS

# The person pronouns that unowned_addresses.py reads, with the case forms and reflexives a
# name's referent also takes ("hänet", "hänessä", "herself"); "hans" only in lower case (see
# _a_pronoun), since "Hans" is a first name.
_PRONOUNS = THIRD_PERSON_PRONOUNS | {
    "hänet", "hänessä", "hänenä", "hänkin", "hänellekin", "herself", "himself",
}  # fmt: skip
_PRONOUN = re.compile(rf"(?<![\w'-])(?:{'|'.join(sorted(_PRONOUNS))})(?![\w'-])", re.IGNORECASE)
_NAME = re.compile(rf"(?<![\w'@.-])(?P<name>{WORD})(?![\w'@-])")
# A capitalised word right after the name, or right before it inside a sentence: a longer
# proper name ("Novi Sad") or a full name, which the other mechanisms judge.
_CAPITALISED_NEXT = re.compile(r"[ \t]+[A-ZÅÄÖ]")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'-])[A-ZÅÄÖ][\w'-]*[ \t]+\Z")
# The end of the sentence after the name's: a full stop, a question or exclamation mark or a
# line break, then the next sentence up to its own end.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|\Z)|\n")
# How far after a name a pronoun may stand at most, whatever the sentences: a text without
# stops is read in bounded steps (linear time on any input).
_MOST_CHARACTERS = 400


def _reach(text: str, start: int) -> int:
    """Where the sentence after the one holding ``start`` ends, ``_MOST_CHARACTERS`` on at
    most."""
    limit = min(len(text), start + _MOST_CHARACTERS)
    ends = 0
    for match in _SENTENCE_END.finditer(text, start, limit):
        ends += 1
        if ends == 2:
            return match.start()
    return limit


def _a_pronoun(match: re.Match[str]) -> bool:
    """A pronoun as written: "hans" in lower case only ("Hans" is a first name)."""
    word = match.group()
    return word != "Hans" and word != "HANS"


def names_before_pronouns(text: str, found: Sequence[PiiSpan]) -> Iterator[Candidate]:
    """A first name alone that a personal pronoun after it, in its sentence or the next, points
    back to, with no name of ``found`` in between."""
    if not _PRONOUN.search(text):
        return
    starts = sorted(span.start for span in found if span.kind == "NAME")
    for match in _NAME.finditer(text):
        name = match.group("name")
        if not a_lone_first_name(name) or is_a_month(name):
            continue  # "from 3 to 7 March as ... he"
        if a_finnish_word_opening(text, match.start(), name):
            continue  # "Moni nuori ...", "Kun omainen kuolee, ... hän": a word opens it
        if _CAPITALISED_NEXT.match(text, match.end()):
            continue
        before = _CAPITALISED_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is not None and not starts_a_sentence(text, before.start()):
            continue
        end = _reach(text, match.end())
        pronoun = next(
            (p for p in _PRONOUN.finditer(text, match.end(), end) if _a_pronoun(p)), None
        )
        if pronoun is None:
            continue
        nearer = bisect.bisect_left(starts, match.end())
        if nearer < len(starts) and starts[nearer] < pronoun.start():
            continue  # another name stands nearer the pronoun
        yield Candidate(match.start("name"), match.end("name"), (name,))
