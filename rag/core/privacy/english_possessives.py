"""English possessives of names: "Amina's form", "Tuomas's report", "the Lindqvists' flat".

The name rules stop a name at an apostrophe ("O'Brien" is one word, "Amina's" is none), and
kin_genitives (name_evidence.py) reads a possessive only before a kinship word or an
application ("Oliver's mom"). Here the possessive is the mark itself; the word before it
must be a person's name by its own evidence: a known first name that is no common word
("Amina's", "Hassan's"; not "May's", "Rose's"), or a word Voikko knows only as a person's
name ("Virtanen's"). A family's plural possessive needs "the" before it and a surname as its
stem ("the Lindqvists' flat", "the Virtanens' car"): "the Parents' Association" has a
common word there. names.py then drops places, bodies and companies (its guards) and the
names of no private person (public_names.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rag.core.privacy.common_words import is_common_word
from rag.core.privacy.finnish_morphology import WordKind, read_word
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.name_forms import WORD, Candidate

# The apostrophe is looked for first: a scan of every capitalised word is slow.
_APOSTROPHE = re.compile(r"['’]")
_SINGULAR = re.compile(rf"(?<![\w'’-])(?P<name>{WORD})['’]s(?![\w'’-])")
_PLURAL = re.compile(rf"(?i:\bthe)[ \t]+(?P<name>{WORD})s['’](?![\w'’-])")


def _a_name_by_itself(word: str) -> bool:
    """A known first name that is no word (an English one neither: "Rose", "May"), or a
    word Voikko knows only as a name."""
    if is_common_word(word.lower(), "en"):
        return False  # the possessive is English: so is the word ("Rose's garden")
    return is_first_name(word, word_like=False) or read_word(word).kind is WordKind.PERSON


def english_possessives(text: str, surname_alone: Callable[[str], bool]) -> Iterator[Candidate]:
    """ "Amina's", "Tuomas's", "the Lindqvists'": the possessive with its name;
    ``surname_alone`` tells a word shaped like a surname (names.py)."""
    if _APOSTROPHE.search(text) is None:
        return
    for match in _SINGULAR.finditer(text):
        name = match.group("name")
        if "'" not in name and _a_name_by_itself(name):
            yield Candidate(match.start(), match.end(), (name,))
    for match in _PLURAL.finditer(text):
        name = match.group("name")
        if "'" not in name and (read_word(name).kind is WordKind.PERSON or surname_alone(name)):
            yield Candidate(match.start("name"), match.end(), (name,))
