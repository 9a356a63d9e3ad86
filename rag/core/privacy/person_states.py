"""A first name alone as the subject of what only a living being does or is: eating,
sleeping, crying, forgetting, playing, wanting; being ill, tired or at home ("Onni oli eilen
kipeä", "Tom kommer inte i morgon", "Sten har glömt nyckeln", "Grace was sick").

person_verbs.py reads the verbs of speaking; these are the verbs of the body, the mind and
play, and the states of a person. Snow, wind, hope and stone (Lumi, Tuuli, Toivo, Sten) do
none of it. The verbs come from the grammar of Finnish, Swedish and English (third person
singular, past and present), not from the labelled strings. At most one word (an adverb, a
negation) may stand between the name and a state ("Onni oli eilen kipeä", "Nora är inte
sjuk").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.closing_names import a_lone_first_name
from rag.core.privacy.finnish_morphology import WordKind, read_word
from rag.core.privacy.name_forms import WORD, Candidate
from rag.core.privacy.names import starts_a_sentence

_VERBS = (
    # Finnish: syödä, juoda, nukkua, herätä, itkeä, nauraa, unohtaa, muistaa, leikkiä,
    # sairastua, pelätä, haluta, tykätä, väsyä, suuttua (past; present)
    "söi", "nukkui", "heräsi", "itki", "nauroi", "unohti", "muisti", "leikki", "sairastui",
    "pelkäsi", "halusi", "tykkäsi", "väsyi", "suuttui", "syö", "nukkuu", "itkee", "nauraa",
    "unohtaa", "muistaa", "leikkii", "pelkää", "haluaa", "tykkää",
    # Swedish
    "åt", "drack", "sov", "vaknade", "grät", "skrattade", "glömde", "mindes", "lekte",
    "ville", "gillade", "äter", "sover", "gråter", "skrattar", "glömmer", "leker", "vill",
    "gillar", "har glömt", "kommer inte", "kan inte komma",
    # English
    "ate", "slept", "woke up", "cried", "laughed", "forgot", "played", "wanted", "liked",
    "eats", "sleeps", "cries", "laughs", "forgets", "plays", "wants", "likes",
)  # fmt: skip
_STATES = (
    "kipeä", "kipeänä", "sairas", "sairaana", "kuumeessa", "flunssassa", "väsynyt",
    "sjuk", "förkyld", "trött", "ledsen", "hemma",
    "sick", "ill", "tired", "upset", "home",
)  # fmt: skip
_BE = r"on|oli|ei\s+ole|ei\s+ollut|är|var|is|was|isn't|wasn't"
_VERB_PATTERN = "|".join(v.replace(" ", r"[ \t]+") for v in _VERBS)
_PREDICATE = re.compile(
    rf"[ \t]+(?:(?:{_VERB_PATTERN})"
    rf"|(?:{_BE})(?:[ \t]+\w+)?[ \t]+(?:{'|'.join(_STATES)}))(?![\w-])",
    re.IGNORECASE,
)
_NAME = re.compile(rf"(?<![\w'-])(?P<name>{WORD})(?=[ \t])")


def a_finnish_word_opening(text: str, start: int, word: str) -> bool:
    """A sentence's first word that Voikko knows only as a common word: a conjunction or
    pronoun that is also a rare given name ("Jos haluaa ...", "Moni haluaa ...")."""
    return starts_a_sentence(text, start) and read_word(word).kind == WordKind.WORD


def names_in_person_states(text: str) -> Iterator[Candidate]:
    """A first name alone right before a verb or state only a person takes."""
    for match in _NAME.finditer(text):
        name = match.group("name")
        if not _PREDICATE.match(text, match.end()) or not a_lone_first_name(name):
            continue
        if not a_finnish_word_opening(text, match.start(), name):
            yield Candidate(match.start("name"), match.end("name"), (name,))
