"""The forms a name takes beyond "First Surname": initials ("A-L. Holmström", "J. P.
Lindblad", "Laakso, J."), a first name of any origin before a rare word ("Tuuli Rasimus",
"Bo Sjöstrand"), two rare capitalised words ("Chinedu Okafor"), a Swedish surname alone by
its build ("Nyström avstod", "Westerlunds förslag") and a first name in the Swedish genitive
("Olles nya nummer").

Each function here reads only the shape of the words and how frequent they are; it returns
candidate spans with their words, and names.py drops those that name a place, a body or a
business (its guards) before keeping them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.common_words import unknown_everywhere
from rag.core.privacy.first_names import (
    is_first_name,
    is_local_first_name,
    is_word_like,
    word_threshold,
)
from rag.core.privacy.word_frequency import zipf

# One or two initials: "A.", "A-L.", "A.-L.", "J.P.", "J. P.", "J.-P.".
INITIALS = rf"(?<![\w.])[{UPPER}](?:\.?-[{UPPER}]\.|\.(?:[ \t]?-?[{UPPER}]\.)?)"
# A capitalised word as names are written, an apostrophe inside included ("O'Connor",
# "D'Souza"), and maybe a second part after a hyphen ("Tuomi-Nikula").
WORD = rf"[{UPPER}](?:'[{UPPER}])?[{LOWER}']+(?:-[{UPPER}][{LOWER}']+)?"
_INITIALS_BEFORE = re.compile(rf"(?P<initials>{INITIALS})[ \t]+(?P<word>{WORD})(?![\w-])")
# "Laakso, J." and "Rinne T." in lists and signatures; a capitalised word after the
# initials would make them the start of the next name ("Lehtonen ja A. Virtanen").
_INITIALS_AFTER = re.compile(
    rf"(?<![\w.'-])(?P<word>{WORD}),?[ \t]+(?P<initials>{INITIALS})(?![ \t]*[{UPPER}]|\w)"
)
# Nouns before a letter that labels a part, not a person ("liite B. Kaavakartta", "bilaga A.
# Planbeskrivning", "option C. Parking").
_SECTION_BEFORE = re.compile(
    r"(?i:\b(?:liite|liitteen|liitteessä|kohta|kohdan|kohdassa|osa|osan|osio|vaihtoehto|"
    r"vaihtoehdon|luku|momentti|bilaga|bilagan|punkt|punkten|del|delen|alternativ|"
    r"alternativet|kapitel|appendix|annex|section|option|part|item|point|chapter))[ \t]+\Z"
)
# A letter that closes a number or a code is no initial: a unit after a degree sign ("-5 °C.
# Jäätilanne") or a code's last part after a digit and a hyphen ("lupa 2024-0345-A.
# Valitusaika").
_UNIT_OR_CODE_BEFORE = re.compile(r"(?:°[ \t]?|\d-)\Z")
_PAIR = re.compile(rf"(?<![\w.'-])(?P<first>{WORD})[ \t]+(?P<word>{WORD})(?![\w'-])")
# The owned thing after a genitive is a noun or adjective, not a conjunction or a verb that
# ends a Finnish sentence's subject ("Hakis ja ...", "Koris on ...").
LOWER_WORD_AFTER = re.compile(
    rf"[ \t]+(?!(?:ja|on|oli|ei|tai|sekä|och|är|var|eller|and|is|was|or)\b)[{LOWER}]"
)
# A nickname in quotes between a first name and a surname: 'Petteri "Pete" Laakso'.
_QUOTES = "\"'”“«»„"
_QUOTED_NICKNAME = re.compile(
    rf"(?<![\w.'-])(?P<first>{WORD})[ \t]+[{_QUOTES}](?P<nick>{WORD})[{_QUOTES}]"
    rf"[ \t]+(?P<word>{WORD})(?![\w'-])"
)
# "Lindholm, Carl-Gustav," in a register or a list: a surname, a comma, a first name, and
# the item ends.
_SURNAME_COMMA_FIRST = re.compile(
    rf"(?<![\w.'-])(?P<word>{WORD}),[ \t]+(?P<first>{WORD})(?=[ \t]*(?:[,;(\n]|$))",
    re.MULTILINE,
)

# The compound ends Swedish surnames are built with (Nyström, Lindqvist, Åberg, Westerlund,
# Lindgren, Holmström, Andersson, Sjöstrand ...); as a word alone they need a capital
# inside a sentence and rarity as a word (places built so are guarded in names.py).
_SWEDISH_SURNAME_ENDS = (
    "ström", "qvist", "kvist", "berg", "lund", "gren", "holm", "sson", "dahl", "blom",
    "strand", "stedt", "bäck", "roos", "lind", "löf", "sköld", "krantz",
)  # fmt: skip
_SWEDISH_WORD = re.compile(rf"(?<![\w.'-])[{UPPER}][{LOWER}]+(?![\w'-])")


@dataclass(frozen=True)
class Candidate:
    """A span that may be a name, and the words names.py checks against its guards (the
    initials are left out)."""

    start: int
    end: int
    words: tuple[str, ...]


def rare(word: str) -> bool:
    """A word that is not a frequent word in Finnish, Swedish or English (each part of a
    hyphenated one)."""
    return all(zipf(part) < word_threshold() for part in word.split("-"))


def initials_with_surname(text: str) -> Iterator[Candidate]:
    """Initials before a rare capitalised word ("A-L. Holmström", "Ms. R. Mäenpää") and a
    rare capitalised word before initials ("Laakso, J.", "Rinne T.")."""
    for pattern in (_INITIALS_BEFORE, _INITIALS_AFTER):
        for match in pattern.finditer(text):
            word = match.group("word")
            if _SECTION_BEFORE.search(text, max(0, match.start() - 15), match.start()):
                continue
            if pattern is _INITIALS_BEFORE and _UNIT_OR_CODE_BEFORE.search(
                text, max(0, match.start() - 2), match.start()
            ):
                continue
            if rare(word) and not is_first_name(word, word_like=False):
                yield Candidate(match.start(), match.end(), (word,))


def first_name_before_rare_word(text: str) -> Iterator[Candidate]:
    """A first name that is also a word ("Tuuli" wind, "Bo" lives, "Linnea" a flower) before
    a capitalised word that is no frequent word ("Tuuli Rasimus", "Bo Sjöstrand"), and any
    first name before a surname with an apostrophe ("Marcus O'Brien"); the rest are
    names.py's first-name pairs."""
    for match in _pair_matches(text):
        first, word = match.group("first", "word")
        # a surname with an apostrophe ("O'Brien") the first-name pairs do not read whole
        if (is_word_like(first) or ("'" in word and is_first_name(first))) and rare(word):
            yield Candidate(match.start(), match.end(), (first, word))


def quoted_nicknames(text: str) -> Iterator[Candidate]:
    """A first name, a nickname in quotes and a surname: 'Fredrik "Fredde" Åström'."""
    for match in _QUOTED_NICKNAME.finditer(text):
        first, word = match.group("first", "word")
        if is_first_name(first):
            yield Candidate(match.start(), match.end(), (first, word))


def surname_comma_first_name(text: str) -> Iterator[Candidate]:
    """A rare word, a comma and a first name that is no word, as an item of a register or
    list: "Lindholm, Carl-Gustav, pnr ...", "Rasimus, Tuula;"."""
    for match in _SURNAME_COMMA_FIRST.finditer(text):
        word, first = match.group("word", "first")
        if rare(word) and is_first_name(first, word_like=False) and not is_first_name(word):
            yield Candidate(match.start(), match.end(), (word, first))


def rare_word_pairs(text: str) -> Iterator[Candidate]:
    """Two capitalised words, neither a frequent word nor a known first name's frequent
    neighbour, in a row inside a sentence ("yhtyi Abdirahman Warsame", "Olumide Adeyemi"):
    the names of people from anywhere, which no register holds."""
    for match in _pair_matches(text):
        first, word = match.group("first", "word")
        if rare(first) and rare(word) and "'" not in first:
            yield Candidate(match.start(), match.end(), (first, word))


def unknown_word_pairs(text: str) -> Iterator[Candidate]:
    """Two capitalised words in a row inside a sentence that no dictionary knows, as a word
    or a name, and that are no frequent word ("kertoi Chinedu Okafor", "Malee Srisuk"):
    stricter than ``rare_word_pairs``, whose rare words are often places and venues."""
    for match in _pair_matches(text):
        first, word = match.group("first", "word")
        if "'" in first or not (rare(first) and rare(word)):
            continue
        if unknown_everywhere(first) and unknown_everywhere(word):
            yield Candidate(match.start(), match.end(), (first, word))


def _pair_matches(text: str) -> Iterator[re.Match[str]]:
    """Two capitalised words in a row; overlapping pairs too ("Thi Lan" after "Nguyen")."""
    position = 0
    while (match := _PAIR.search(text, position)) is not None:
        yield match
        position = match.start("word")


def swedish_surnames(text: str) -> Iterator[Candidate]:
    """A capitalised word built like a Swedish surname, in the Swedish genitive too
    ("Nyström", "Westerlunds"), that is no frequent word."""
    for match in _SWEDISH_WORD.finditer(text):
        word = match.group()
        bare = word[:-1] if word.endswith("s") and not word.endswith("sson") else word
        if len(bare) > 4 and bare.lower().endswith(_SWEDISH_SURNAME_ENDS) and rare(bare):
            yield Candidate(match.start(), match.end(), (bare,))


def genitive_first_names(text: str) -> Iterator[Candidate]:
    """A first name in the Swedish genitive before a lower-case word, of the names
    names.py does not take alone: those that are words too ("Annas mejl") or given elsewhere
    ("Ahmeds mamma"); the genitive itself is no frequent word."""
    for match in _SWEDISH_WORD.finditer(text):
        word = match.group()
        if not word.endswith("s") or len(word) < 4 or not rare(word):
            continue
        if not LOWER_WORD_AFTER.match(text, match.end()):
            continue
        base = word[:-1]
        # a local name that is no word is names.py's lone first name already ("Johans")
        local = is_first_name(base, word_like=False) and is_local_first_name(base)
        if is_first_name(base) and not local:
            yield Candidate(match.start(), match.end(), (word[:-1],))
