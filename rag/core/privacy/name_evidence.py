"""Evidence for a name that lies outside the name itself: the person's own e-mail address
("Mäkinen, Juha" <juha.makinen@...>), the field of a form ("Sukunimi: KORHONEN"), a genitive
before a kinship word ("Ulla-Britts dotter", "Oliver's mom", "Ahmadin perhe"), and a list
after a vote's count or a noun for several people ("Jaa 8 (Heikkinen, Lehto, ...)", "tre
barn (Ella, Vilgot och Sigge)", "ehdokkaat Laine, Koponen ja Aslan").

Like name_forms.py, each function reads only the text; it returns candidates with their
words, and names.py drops those that name a place, a body or a business (its guards).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from rag.core.privacy.addresses import UPPER
from rag.core.privacy.finnish_morphology import read_word
from rag.core.privacy.first_names import (
    is_first_name,
    is_inflected_first_name,
    word_threshold,
)
from rag.core.privacy.name_forms import WORD, Candidate
from rag.core.privacy.word_frequency import zipf

# A word as names are written, or in capitals as forms have them ("KORHONEN").
_CAPITALS = rf"[{UPPER}][{UPPER}']+(?:-[{UPPER}][{UPPER}']+)?"
_ANY_CASE = rf"(?:{WORD}|{_CAPITALS})"
_WORD_IN_TEXT = re.compile(rf"(?<![\w'-]){_ANY_CASE}(?![\w'-])")
# The local part is read back from each '@' (a pattern that opens with it is tried at every
# position, slowly).
_LOCAL_BEFORE_AT = re.compile(r"[\w.+-]+\Z")


def _folded(word: str) -> str:
    """Lower case without accents: "Mäkinen" → "makinen", as e-mail addresses write it."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _rare(word: str) -> bool:
    return all(zipf(part) < word_threshold() for part in word.split("-"))


def _a_name_by_itself(word: str) -> bool:
    """A known first name (a word-like one too), a word Voikko reads as a person's name, or
    a word no frequent word is."""
    return (
        is_first_name(word)
        or is_inflected_first_name(word)
        or read_word(word).person
        or _rare(word)
    )


def names_in_mail_addresses(text: str) -> Iterator[Candidate]:
    """A capitalised word whose unaccented form is a part of an e-mail address's local part
    in the same text ("Tomas ... tomas_b@gmail.com", "Mäkinen, Juha <juha.makinen@...>"):
    the address names its owner. Functional mailboxes are words ("kirjaamo", "info"), so
    the word must be a first name or rare."""
    if "@" not in text:
        return
    locals_ = [
        local.group()
        for at in re.finditer("@", text)
        if (local := _LOCAL_BEFORE_AT.search(text, max(0, at.start() - 64), at.start()))
    ]
    parts = {
        part for local in locals_ for part in re.split(r"[^a-z]+", _folded(local)) if len(part) >= 3
    }
    if not parts:
        return
    for match in _WORD_IN_TEXT.finditer(text):
        word = match.group()
        if _folded(word) in parts and _a_name_by_itself(word.capitalize()):
            yield Candidate(match.start(), match.end(), (word.capitalize(),))


# The fields of a form that hold a person's name; the value ends before the next label.
_NAME_FIELD = re.compile(
    r"(?i:\b(?:sukunimi|etunimi|etunimet|kutsumanimi|efternamn|förnamn|tilltalsnamn|"
    r"surname|first[ \t]name|given[ \t]names?|last[ \t]name|family[ \t]name))"
    rf"[ \t]*:[ \t]*(?P<name>{_ANY_CASE}(?:[ \t]+{_ANY_CASE}(?![ \t]*:)){{0,2}})(?![\w'-])"
)


def names_in_name_fields(text: str) -> Iterator[Candidate]:
    """The value of a form's name field ("Sukunimi: Demir", "Etunimet: TAPIO JUHANI")."""
    lowered = text.lower()
    if not any(label in lowered for label in ("nimi", "nimet", "namn", "name")):
        return  # (a scan of every word for the labels is slow)
    for match in _NAME_FIELD.finditer(text):
        words = tuple(w.capitalize() for w in match.group("name").split())
        yield Candidate(match.start("name"), match.end("name"), words)


# Nouns for a person's family (and the application a person sends) that a genitive before
# them makes the genitive a person: "Ulla-Britts dotter", "Nellas pappa", "Oliver's mom",
# "Ahmadin perhe", "Rönnbergs ansökan".
_KIN_AFTER_GENITIVE = (
    "äiti|isä|poika|tytär|vaimo|mies|puoliso|perhe|lapsi|lapset|sisko|veli|mummo|vanhemmat|"
    "huoltaja|hakemus|"
    "mamma|pappa|mor|far|dotter|son|fru|man|make|maka|familj|barn|syster|bror|föräldrar|"
    "ansökan|"
    "mom|mum|dad|mother|father|daughter|wife|husband|family|parents|sister|brother|"
    "application"
)
# (The kinship word is looked for first and the genitive before it: a scan of every
# capitalised word is slow.)
_KIN_WORD = re.compile(rf"[ \t](?:{_KIN_AFTER_GENITIVE})(?![\w-])")
_GENITIVE_BEFORE = re.compile(rf"(?<![\w'-])(?P<name>{WORD})(?P<ending>['’]s|s|n)[ \t]*\Z")


def genitives_before_kin(text: str) -> Iterator[Candidate]:
    """A name in the genitive before a kinship word: its base form ("Ulla-Britt", "Oliver")
    is a first name or rare, or a Finnish genitive reads as a person's ("Ahmadin")."""
    for kin in _KIN_WORD.finditer(text):
        match = _GENITIVE_BEFORE.search(text, max(0, kin.start() - 40), kin.start() + 1)
        if match is None:
            continue
        base = match.group("name").rstrip("'’")
        whole = text[match.start() : match.end("ending")]
        if match.group("ending") == "n":
            # a Finnish genitive: stripped of its -n a word is no word ("Alueen" → "Aluee"),
            # and places stand so before "lapset" ("Merihaan lapset"): the genitive itself
            # must read as a person's name
            if not (is_inflected_first_name(whole) or read_word(whole).person):
                continue
        elif not (_a_name_by_itself(base) or (_rare(whole) and _rare(base))):
            continue
        yield Candidate(match.start("name"), match.end("ending"), (base,))


# A vote's count before a bracket ("Jaa 8 (", "Ja-röster 7 (", "Ei 3 (", "Nej: 2 ("), or a
# noun for several people ("tre barn (", "Sisarukset:", "ehdokkaat"): a list of people
# follows, one capitalised word an item.
_VOTE = r"jaa|ei|ja|nej|blankt|tyhjää|yes|no|for|against"
_PEOPLE = (
    r"lapset|lasta|lapsemme|barn|barnen|children|kids|sisarukset|syskon|syskonen|siblings|"
    r"ehdokkaat|kandidaterna|kandidater|candidates|hakijat|applicants"
)
# (The count's bracket is looked for first and the vote before it, and the nouns only in a
# text that has one: a scan of every word for them is slow.)
_COUNT_BRACKET = re.compile(r"\d[ \t]*\([ \t]*")
_VOTE_BEFORE = re.compile(
    rf"(?i:\b(?:{_VOTE})(?:-?(?:äänet|ääniä|röster|votes))?[ \t]*:?[ \t]*\d*)\Z"
)
_PEOPLE_STARTS = tuple(_PEOPLE.split("|"))
_PEOPLE_NOUN = re.compile(rf"(?i:\b(?:{_PEOPLE}))[ \t]*(?:[:(][ \t]*|(?=[ \t]+[{UPPER}]))[ \t]*")


def _list_starts(text: str) -> list[int]:
    starts = [
        m.end()
        for m in _COUNT_BRACKET.finditer(text)
        if _VOTE_BEFORE.search(text, max(0, m.start() - 24), m.start() + 1)
    ]
    lowered = text.lower()
    if any(noun in lowered for noun in _PEOPLE_STARTS):
        starts += [m.end() for m in _PEOPLE_NOUN.finditer(text)]
    return starts


_ITEM = re.compile(rf"(?P<word>{WORD})(?=[ \t]*(?:[,)(;]|[ \t](?:ja|och|and|sekä)[ \t]|\.|$))")
_GAP = re.compile(r"[ \t]*(?:\([^)\n]*\)[ \t]*)?(?:,|;|[ \t]*(?:ja|och|and|sekä)(?=[ \t]))[ \t]*")


def listed_people(text: str) -> Iterator[Candidate]:
    """Each one-word item of a list after a vote's count or a noun for several people."""
    for position in _list_starts(text):
        while (item := _ITEM.match(text, position)) is not None:
            yield Candidate(item.start(), item.end(), (item.group("word"),))
            gap = _GAP.match(text, item.end())
            if gap is None:
                break
            position = gap.end()
