"""Short forms of a name that the initials of name_forms.py do not cover, because no full stop
marks them: two initials joined by a hyphen before a surname, as Finland-Swedish double names
are shortened ("P-O Lindström" for Per-Olof, "L-E Grönholm", "K-G Ek"), and a first name
followed by the initial of a surname alone, in the casual way colleagues write one another
("Kaisa R hoitaa", "Puhuin Jesse H:n kanssa", "Fråga Anna L:s chef"); and a surname before
two first names closing a list item, the order of registers and forms ("Nieminen Kaisa
Marjatta, Kotikatu 3"), which the surname-first rule of names.py reads with one first name.

Like name_forms.py this module only reads the shape of the words and how frequent they are;
names.py drops the candidates that name a place, a body or a business.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.common_words import is_common_anywhere
from rag.core.privacy.first_names import is_first_name, is_local_first_name
from rag.core.privacy.name_forms import WORD, Candidate

# "P-O", "L-E", "K-G": two capitals and a hyphen, no full stop (with one, name_forms.py reads
# them), standing alone, before a capitalised word.
_HYPHEN_INITIALS = re.compile(
    rf"(?<![\w.'-])(?P<initials>[{UPPER}]-[{UPPER}])[ \t]+(?P<word>{WORD})(?![\w'-])"
)
# One capital letter after a space: with a case ending after a colon ("H:n", "R:lle", "L:s"),
# or standing alone, neither a full stop (an initial that the first-name pairs read: "Antti
# K.") nor a letter, digit or hyphen after it ("Kaisa R:" before a chat line is one). The
# letter is looked for first, then the first name before it (a pattern opening with a
# capitalised word would be tried at every capital of the text).
_LONE_LETTER = re.compile(
    rf"[ \t](?P<letter>[{UPPER}])(?::[{LOWER}]{{1,4}}(?![\w'’-])|(?![\w.'’-]|:[{LOWER}]))"
)
_FIRST_NAME_BEFORE = re.compile(
    rf"(?<![\w.'-])(?P<first>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)[ \t]*\Z"
)


def hyphen_initials(text: str) -> Iterator[Candidate]:
    """Two initials joined by a hyphen before a capitalised word that is no first name and
    no common word (frequent surnames are frequent in text: "P-O Lindström", "L-E
    Grönholmille"; "E-P Rakentaa" stays)."""
    for match in _HYPHEN_INITIALS.finditer(text):
        word = match.group("word")
        if is_first_name(word, word_like=False) or not _no_common_word(word):
            continue
        yield Candidate(match.start(), match.end(), (word,))


# The same initials written with full stops or not ("J.-P.", "A-M.", "P-O"), then a surname
# or its initial ("J.-P. Laakso", "A-L Koivisto", "E-L K.").
_HYPHEN_INITIALS_ANY = re.compile(
    rf"(?<![\w.'’-])[{UPPER}]\.?-[{UPPER}]\.?[ \t]+"
    rf"(?P<surname>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?(?![\w'’-])|[{UPPER}]\.(?!\w))"
)


def hyphen_initials_before_surnames(
    text: str, is_surname: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Hyphenated initials, with full stops or not, before a word ``is_surname`` accepts or
    an initial with a full stop (names.py's ``hyphenated_initials``: the surname may be a
    common word too, "A-L Koivisto", which ``hyphen_initials`` leaves)."""
    spans = []
    for match in _HYPHEN_INITIALS_ANY.finditer(text):
        surname = match.group("surname")
        if surname.endswith(".") or is_surname(surname):
            spans.append(match.span())
    return spans


def _no_common_word(word: str) -> bool:
    """No dictionary holds its lower-case form (or a part's) as a common word: a surname
    may be frequent in text, as a name ("Lindström"); a compound noun is a word
    ("E-P Pelastuslaitos", a region's rescue service)."""
    return not any(is_common_anywhere(part) for part in word.split("-"))


def first_name_and_letter(text: str) -> Iterator[Candidate]:
    """A first name that is no word and is given in Finland or Sweden (or is on a hand
    list), then the initial of a surname without a full stop: "Kaisa R", "Jesse H:n"."""
    for letter in _LONE_LETTER.finditer(text):
        if letter.group("letter") == "I":
            continue  # a regnal number ("Kustaa I") or the English "I"
        before = _FIRST_NAME_BEFORE.search(text, max(0, letter.start() - 40), letter.start())
        if before is None:
            continue
        first = before.group("first")
        if is_first_name(first, word_like=False) and is_local_first_name(first):
            yield Candidate(before.start(), letter.end(), (first,))


# A surname, then one or two first names, as an item of a list or a form's value: at the
# start of a line or after a colon, semicolon, comma or bracket, and the item ends after them
# ("Nieminen Kaisa Marjatta, Kotikatu 3", "Läsnä: Lindholm Anna Maria; ...").
_SURNAME_FIRST_ITEM = re.compile(
    rf"(?:^|(?<=[:;,(])|(?<=[:;,(][ \t]))(?P<surname>{WORD})[ \t]+(?P<first>{WORD})"
    rf"(?:[ \t]+(?P<second>{WORD}))?(?=[ \t]*(?:[,;)\n]|$))",
    re.MULTILINE,
)


def surname_first_items(text: str) -> Iterator[Candidate]:
    """A word that is no first name (names.py wants a surname's shape or reading), then
    one or two first names, one at least no word, closing a list item: "Nieminen Kaisa
    Marjatta", "Lindholm Anna Maria"."""
    for match in _SURNAME_FIRST_ITEM.finditer(text):
        surname, first, second = match.group("surname", "first", "second")
        if is_first_name(surname):
            continue  # names.py checks that it is shaped or read as a surname
        given = [first] if second is None else [first, second]
        # every one a first name, one at least no word ("Anna Maria", not "Anna Lahja")
        if not all(map(is_first_name, given)) or not any(
            is_first_name(name, word_like=False) for name in given
        ):
            continue
        yield Candidate(match.start(), match.end(), tuple(w for w in match.groups() if w))


# The hundred-and-eleventh round (``surname_comma_first_items``): the same with a comma
# after the surname, as registers and participant lists write it ("Hakija: Lindgren, Tove",
# "1. Andersson, Gun"): at the start of a line (after an item's number or bullet) or after a
# colon, semicolon or bracket; the item ends after the first names.
_SURNAME_COMMA_FIRST_ITEM = re.compile(
    rf"(?:^[ \t]*(?:(?:\d{{1,3}}[.)]|[-–•*])[ \t]+)?|(?<=[:;(])[ \t]*)"
    rf"(?P<surname>{WORD}),[ \t]*(?P<first>{WORD})"
    rf"(?:[ \t]+(?P<second>{WORD}))?(?=[ \t]*(?:[,;)\n]|$))",
    re.MULTILINE,
)


def surname_comma_first_items(text: str) -> Iterator[Candidate]:
    """A word that is no first name (names.py wants a surname as written or of the
    registers, no thanks or greeting), a comma and one or two first names closing a list
    item or a form's value: "Lindgren, Tove", "1. Berg, Karl-Erik". The surname and the first
    names are two spans, as the other rules find them ("VIRTANEN, MARKKU" read in title case
    keeps its two names); each carries all the words, for names.py's guards."""
    for match in _SURNAME_COMMA_FIRST_ITEM.finditer(text):
        surname, first, second = match.group("surname", "first", "second")
        given = [first] if second is None else [first, second]
        if is_first_name(surname) or not all(map(is_first_name, given)):
            continue
        words = tuple(w for w in match.groups() if w)
        yield Candidate(match.start("surname"), match.end("surname"), words)
        yield Candidate(match.start("first"), match.end(), words)


# A surname in capitals, then a capitalised first name, as registers and lists write them
# ("VIRTANEN Jukka", "HOLMSTRÖM, Ulrika", "Osallistujat: LINDGREN Stefan, HOLMQVIST Pia"):
# the seventy-fourth round. Three letters or more with a vowel (no acronym).
_SHOUTED_SURNAME_FIRST = re.compile(
    rf"(?<![\w'’-])(?P<surname>[{UPPER}]{{3,}}(?:-[{UPPER}]{{2,}})?),?[ \t]+"
    rf"(?P<first>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)(?![\w'’-])"
)
_VOWEL = re.compile("[AEIOUYÅÄÖ]")


def shouted_surnames_first(text: str) -> Iterator[Candidate]:
    """A word in capitals that is no first name and no common word, then a known first name
    that is no word: "VIRTANEN Jukka", "HOLMSTRÖM, Ulrika"."""
    for match in _SHOUTED_SURNAME_FIRST.finditer(text):
        surname, first = match.group("surname", "first")
        if not _VOWEL.search(surname) or is_first_name(surname):
            continue
        if any(is_common_anywhere(part) for part in surname.lower().split("-")):
            continue  # "TIEDOTE Anna", "OHJE Mikko": a heading's word
        if is_first_name(first, word_like=False):
            yield Candidate(match.start(), match.end(), (surname.title(), first))


# Two or three capitals, each with a full stop, standing as a word: a person's initials where
# a text shortens a name on purpose ("Lapsi: E.K. (synt. 2016)", "justerare blev A.S. och
# M.K."); with a capitalised word after them name_forms.py reads initials and a surname.
_DOTTED_INITIALS = re.compile(
    rf"(?<![\w.'’-])(?:[{UPPER}]\.){{2,3}}(?![\w'’-]|\.?[ \t]?[{UPPER}]\.)"
)
# Abbreviations written the same way, fixed before the twenty-first round was measured:
# postscript, the placeholder "nomen nescio", two unions and states, eras, the European
# championship, "ibidem", per procura and the United Nations in Finnish.
# ("P.O.", post office, was added after the studied parts showed "P.O. Box 23".)
_ABBREVIATIONS = frozenset(
    {"P.S.", "N.N.", "E.U.", "U.S.", "U.K.", "A.D.", "B.C.", "E.M.", "I.B.", "P.P.", "Y.K.", "P.O."}
)


def dotted_initials(text: str) -> Iterator[Candidate]:
    """Two or three initials with full stops standing alone ("A.S.", "J.P.K."), not a
    written abbreviation ("P.S.", "N.N.")."""
    for match in _DOTTED_INITIALS.finditer(text):
        if match.group() not in _ABBREVIATIONS:
            yield Candidate(match.start(), match.end(), ())
