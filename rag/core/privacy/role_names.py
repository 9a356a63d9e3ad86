"""A first name right after a noun for a person: a family word or a role ("min dotter Maja",
"Lapsi Onni", "Klienten Olle", "Barnskötaren Nadja", "Teacher Grace", "my wife Grace",
"ope Satu", "naapurini Pekka") or a parent word and "till"/"of" ("mamma till Vilmer",
"mother of Emil").

The noun is the evidence, so the name may be one that is also a frequent word in Swedish or
English (Tom, Kim, Sara, Maja, Grace), which the other mechanisms leave alone; the word
after the noun must still be a first name of the lists or the register, a name by Voikko, or
a word no dictionary knows ("eleven Vilgot"). The nouns are the family words and the roles
of schools, day care, care, housing and services in Finnish, Swedish and English, from the
grammar of the three languages (not from the labelled strings), in their case forms:
Finnish through Voikko ("opettajallemme" → opettaja, compounds "erityisopettaja" too),
Swedish with the definite and plural endings ("dottern", "barnskötaren", "eleverna"),
English with the plural and possessive ("daughters", "teacher's").

Like name_forms.py this module only reads the text; names.py applies its guards (places,
bodies, venues, what is named after a person) and treats what it keeps as a person's
evidence (a system's name "Wilma" after "dotter" is a girl).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.common_words import is_common_anywhere, unknown_everywhere
from rag.core.privacy.finnish_morphology import read_word
from rag.core.privacy.first_names import is_first_name, is_inflected_first_name
from rag.core.privacy.name_forms import WORD, Candidate

# Family: parents, children, partners, siblings, grandparents, relatives by marriage.
_FAMILY = frozenset({
    "äiti", "isä", "äiskä", "iskä", "mutsi", "faija", "huoltaja", "tytär", "poika", "lapsi",
    "vauva", "tyttö", "vaimo", "aviomies", "aviopuoliso", "puoliso", "avopuoliso", "kumppani",
    "sisko", "sisar", "veli", "isoveli", "pikkuveli", "isosisko", "pikkusisko", "isoäiti",
    "isoisä", "mummo", "mummi", "mumma", "vaari", "ukki", "täti", "setä", "eno", "serkku",
    "lapsenlapsi", "kummi", "kummitäti", "kummisetä", "tyttöystävä", "poikaystävä", "anoppi",
    "appi", "miniä", "vävy", "omainen", "esikoinen", "kuopus",
    "mamma", "mor", "morsa", "pappa", "far", "farsa", "förälder", "vårdnadshavare", "dotter",
    "son", "barn", "bebis", "flicka", "pojke", "tjej", "kille", "fru", "hustru", "make",
    "maka", "sambo", "flickvän", "pojkvän", "syster", "bror", "lillebror", "storebror",
    "lillasyster", "storasyster", "mormor", "farmor", "morfar", "farfar", "moster", "faster",
    "morbror", "farbror", "kusin", "barnbarn", "gudmor", "gudfar", "svärmor", "svärfar",
    "anhörig", "mommo", "moffa",
    "mother", "mom", "mum", "mommy", "mummy", "father", "dad", "daddy", "parent", "guardian",
    "daughter", "child", "kid", "baby", "boy", "girl", "wife", "husband", "spouse",
    "partner", "girlfriend", "boyfriend", "sister", "brother", "grandmother", "grandma",
    "granny", "grandfather", "grandpa", "grandson", "granddaughter", "grandchild", "aunt",
    "auntie", "uncle", "cousin", "niece", "nephew", "godmother", "godfather", "relative",
})  # fmt: skip
# Roles a person has towards the writer or in a service: neighbours, friends, staff of
# schools, day care, care, housing and offices, and those they serve.
_ROLES = frozenset({
    "naapuri", "ystävä", "kaveri", "työkaveri", "kollega", "työtoveri", "esihenkilö",
    "esimies", "asukas", "asiakas", "potilas", "oppilas", "koululainen", "opiskelija",
    "opettaja", "rehtori", "kuraattori", "psykologi", "terveydenhoitaja", "hoitaja",
    "lähihoitaja", "sairaanhoitaja", "lastenhoitaja", "avustaja", "ohjaaja", "valmentaja",
    "kuljettaja", "kuski", "talonmies", "isännöitsijä", "vuokranantaja", "vuokralainen",
    "omistaja", "myyjä", "opas", "tulkki", "lääkäri", "hammaslääkäri", "sosiaalityöntekijä",
    "työntekijä", "harjoittelija", "vapaaehtoinen", "tukihenkilö", "sihteeri",
    "puheenjohtaja", "koordinaattori", "neuvoja", "siivooja", "kokki", "vahtimestari",
    "granne", "vän", "kompis", "arbetskamrat", "chef", "kund", "klient",
    "patient", "elev", "student", "lärare", "lärarinna", "rektor", "kurator", "psykolog",
    "hälsovårdare", "sjukskötare", "skötare", "barnskötare", "närvårdare", "vårdare",
    "sjuksköterska", "assistent", "handledare", "tränare", "chaufför", "förare",
    "fastighetsskötare", "disponent", "hyresvärd", "hyresgäst", "ägare", "försäljare",
    "guide", "tolk", "läkare", "tandläkare", "socialarbetare", "praktikant", "volontär",
    "stödperson", "sekreterare", "ordförande", "invånare", "boende", "medarbetare",
    "neighbour", "neighbor", "friend", "colleague", "coworker", "boss", "manager",
    "supervisor", "client", "customer", "pupil", "teacher",
    "principal", "headteacher", "counsellor", "counselor", "nurse", "carer", "caregiver",
    "assistant", "instructor", "coach", "driver", "caretaker", "janitor", "landlord",
    "landlady", "tenant", "owner", "interpreter", "doctor", "dentist", "therapist",
    "psychologist", "volunteer", "intern", "secretary", "chairperson", "resident",
})  # fmt: skip
_NOUNS = _FAMILY | _ROLES
# Finnish and Swedish compounds end with a noun of the list ("erityisopettaja",
# "barnskötare"); only nouns of five letters or more, since short ones end other words
# ("person", "arbetar"). English builds few such compounds, and its words end with nouns of
# the list by chance ("president", "transparent"), so its nouns count as written only.
_ENGLISH = frozenset({
    "mother", "mommy", "mummy", "father", "daddy", "parent", "guardian", "daughter",
    "child", "husband", "spouse", "partner", "girlfriend", "boyfriend", "sister", "brother",
    "grandmother", "grandma", "granny", "grandfather", "grandpa", "grandson",
    "granddaughter", "grandchild", "auntie", "uncle", "cousin", "niece", "nephew",
    "godmother", "godfather", "relative", "neighbour", "neighbor", "friend", "colleague",
    "coworker", "manager", "supervisor", "client", "customer", "patient", "pupil",
    "student", "teacher", "principal", "headteacher", "counsellor", "counselor", "nurse",
    "carer", "caregiver", "assistant", "instructor", "coach", "driver", "caretaker",
    "janitor", "landlord", "landlady", "tenant", "owner", "guide", "interpreter", "doctor",
    "dentist", "therapist", "psychologist", "volunteer", "intern", "secretary",
    "chairperson", "resident",
})  # fmt: skip
_COMPOUND_ENDS = tuple(noun for noun in _NOUNS - _ENGLISH if len(noun) >= 5)
# Swedish definite, plural and genitive endings and the English plural and possessive
# ("dottern", "eleven", "barnskötaren", "eleverna", "Onnis pappa"); "'s" is read apart.
_ENDINGS = ("", "n", "en", "et", "s", "ns", "ens", "na", "ar", "er", "arna", "erna", "orna")
# Forms no ending makes, and the colloquial Finnish "ope" (teacher) that Voikko does not
# hold, as written only: "open" and "opet" are English words.
_IRREGULAR = {
    "vännen": "vän", "vänner": "vän", "döttrar": "dotter", "dottern": "dotter",
    "söner": "son", "bröder": "bror", "brodern": "bror", "systern": "syster",
    "modern": "mor", "fadern": "far", "children": "child", "wives": "wife", "ope": "ope",
    "opelle": "ope", "opelta": "ope", "opea": "ope", "opemme": "ope",
}  # fmt: skip
# Nouns that a connector makes a parent or relative of the name after it: "mamma till
# Vilmer", "mother of Emil", "vårdnadshavare för Ella" (Finnish puts the genitive first).
_CONNECTED_FAMILY = frozenset({
    "mamma", "mor", "pappa", "far", "förälder", "vårdnadshavare", "mother", "father",
    "parent", "guardian", "syster", "bror", "sister", "brother", "farmor", "mormor",
    "farfar", "morfar", "grandmother", "grandfather", "aunt", "uncle", "moster", "faster",
})  # fmt: skip
_NOUN_BEFORE = re.compile(r"(?<![\w'-])([^\W\d_][\w-]*)((?:[ \t]+(?:till|för|of|to))?)[ \t]+\Z")
_NAME = re.compile(rf"(?<![\w'-])(?P<name>{WORD})(?:’s)?(?![\w'-])")
# A possessive or a closing quote that the name's pattern takes in: "Maja's", "Omar'".
_APOSTROPHE_END = re.compile(r"'s?\Z")


def _is_noun(word: str) -> bool:
    return word in _NOUNS or word.endswith(_COMPOUND_ENDS)


@lru_cache(maxsize=65536)
def person_noun(word: str) -> tuple[str, str] | None:
    """The base form of a family or role noun and its Finnish case ending ("" when none or
    not known): "opettajalle" → ("opettaja", "lle"), "Klienten" → ("klient", ""),
    "barnskötaren" → ("barnskötare", ""); None for any other word."""
    lowered = word.lower()
    if lowered in _IRREGULAR:
        return _IRREGULAR[lowered], ""
    for ending in _ENDINGS:
        stem = lowered[: len(lowered) - len(ending)]
        if lowered.endswith(ending) and len(stem) >= 2 and _is_noun(stem):
            return stem, ""
    for base in read_word(lowered).base_forms:
        if _is_noun(base):
            # a stem that changes ("koululaisille" → koululainen) hides the ending: any
            # case form then, which the name must match by standing in its base form
            ending = lowered[len(base) :] if lowered.startswith(base) else lowered
            return base, ending
    return None


def family_noun(base: str) -> bool:
    """Whether the base form of a person noun is a family word ("dotter", "äiti")."""
    return base in _FAMILY or base.endswith(tuple(n for n in _FAMILY if len(n) >= 5))


def _a_name(word: str) -> bool:
    """A first name of the lists or the register (frequent words too: "Tom", "Maja"), one in
    a case form, a name by Voikko, or a word no dictionary knows ("Vilgot")."""
    return (
        is_first_name(word)
        or is_inflected_first_name(word)
        or read_word(word).person
        or unknown_everywhere(word)
    )


def _agrees(word: str, ending: str) -> bool:
    """After a Finnish noun in a case form the name stands in its base form ("naapurini
    Pekka", "opettaja Satu") or in the same case ("opettajalle Sadulle"); "opettajalle
    Wilman kautta" is the system's."""
    return not ending or is_first_name(word) or word.lower().endswith(ending)


def names_after_person_nouns(text: str) -> Iterator[Candidate]:
    """A name right after a family or role noun, or after a parent word and "till"/"of"."""
    for match in _NAME.finditer(text):
        name = _APOSTROPHE_END.sub("", match.group("name"))
        before = _NOUN_BEFORE.search(text, max(0, match.start() - 48), match.start())
        if before is None:
            continue
        noun = person_noun(before.group(1))
        if noun is None:
            continue
        base, ending = noun
        if before.group(2) and base not in _CONNECTED_FAMILY:
            continue
        if _a_name(name) and _agrees(name, ending):
            yield Candidate(match.start("name"), match.start("name") + len(name), (name,))


# A first name joined by a hyphen to a family or role noun, Finnish-style: "Aino-tyttären",
# "Tarja-täti", "Kirsi-opelle", "Kalle-farfar"; the noun's first letter small.
_HYPHENATED_NAME = re.compile(rf"(?<![\w'-])[{UPPER}][{LOWER}]+(?=-)")
_JOINED_NOUN = re.compile(rf"-([{LOWER}]+)(?![\w'-])")


def joined_person_noun(text: str, end: int) -> bool:
    """Whether a hyphen and a family or role noun in any case form follow ``end``
    ("-tyttären", "-täti", "-opelle")."""
    noun = _JOINED_NOUN.match(text, end)
    return noun is not None and person_noun(noun.group(1)) is not None


def names_before_hyphenated_nouns(text: str) -> Iterator[Candidate]:
    """A first name of the lists or the register (frequent words too: the noun is the
    evidence) joined by a hyphen to a family or role noun; the name alone is the candidate,
    the noun stays readable."""
    for match in _HYPHENATED_NAME.finditer(text):
        name = match.group()
        if is_first_name(name) and joined_person_noun(text, match.end()):
            yield Candidate(match.start(), match.end(), (name,))


# Forms of address that the name's mask takes in ("Ms. Virtanen", "Mr Kowalski", "rouva
# Ahola", "Mummo Raija", "Aunt May"): a title in any case, or a family word written with a
# capital as part of what a person is called.
_TITLE_BEFORE = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Herr|herr|Fru|fru|Fröken|fröken|Frk|frk|Rouva|"
    r"rouva|Herra|herra|Neiti|neiti|Tohtori|tohtori)\.?[ \t]+\Z"
)
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'-])([A-ZÅÄÖ][a-zåäö]+)[ \t]+\Z")
_ADDRESS_KIN = frozenset({
    "mummo", "mummi", "mumma", "mommo", "täti", "setä", "eno", "vaari", "ukki", "pappa",
    "farmor", "mormor", "farfar", "morfar", "moster", "faster", "morbror", "farbror",
    "aunt", "auntie", "uncle", "grandma", "granny", "grandpa", "nana",
})  # fmt: skip


def honorific_start(text: str, start: int) -> int | None:
    """Where a title or a capitalised family word of address right before the name at
    ``start`` begins, or None."""
    window = max(0, start - 16)
    title = _TITLE_BEFORE.search(text, window, start)
    if title is not None:
        return title.start()
    word = _CAPITALISED_BEFORE.search(text, window, start)
    if word is not None and word.group(1).lower() in _ADDRESS_KIN:
        return word.start(1)
    return None


# The hundred-and-twelfth round (``lower_case_surnames_after_nouns``): a surname written in
# lower case after a title or a person noun ("soitti rouva lindholm", "opettaja virtanen
# huutaa", "en herr mattsson", "familjen karlsson"), as a quick note writes it. Swedish
# names a family by "familjen" and its surname.
# (the name in a look-ahead: "en herr mattsson" is read from "en" and from "herr")
_LOWER_AFTER_NOUN = re.compile(
    rf"(?<![\w'-])(?P<noun>[{LOWER}]+\.?)"
    rf"(?=[ \t]+(?P<name>[{LOWER}]{{3,}})(?![\w'’@-]|\.\w))"
)
_LOWER_TITLES = frozenset({
    "rouva", "herra", "neiti", "fru", "herr", "fröken", "frk", "mr", "mrs", "ms", "dr",
})  # fmt: skip
_FAMILY_BY_NAME = frozenset({"familjen", "family"})


def _a_lower_case_surname(word: str, after_title: bool) -> bool:
    """A lower-case word Voikko reads as a surname in its base form and no dictionary holds as
    a common word ("lindholm", "mattsson"; not "more" after the Swedish "make", husband); after
    a title one that is also a word will do ("rouva kangas")."""
    reading = read_word(word)
    if not reading.surname or word not in (b.lower() for b in reading.person_base_forms):
        return False
    return after_title or not (reading.common_word or is_common_anywhere(word))


def lower_case_surnames_after_nouns(text: str) -> Iterator[Candidate]:
    """A lower-case surname right after a title, a family or role noun or "familjen"."""
    for match in _LOWER_AFTER_NOUN.finditer(text):
        noun, name = match.group("noun", "name")
        title = noun.rstrip(".") in _LOWER_TITLES
        if not (title or noun in _FAMILY_BY_NAME or person_noun(noun) is not None):
            continue
        if _a_lower_case_surname(name, title):
            yield Candidate(match.start("name"), match.end("name"), (name,))


# The hundred-and-fourteenth round (``family_names``): a family named by its surname after
# the word for a family, capitalised as a name is ("Mvh familjen Kallio", "Perhe Ström",
# "familjen Al-Khatib", "Our family Tran", "familjen K."): the noun itself is the evidence, so
# a surname that is also a word counts ("familjen Kurki").
_FAMILY_SURNAME = re.compile(
    rf"(?<![\w'-])(?:[Ff]amiljen|[Pp]erhe|[Ff]amily)[ \t]+"
    rf"(?P<name>[{UPPER}](?:[{LOWER}]+(?:-[{UPPER}][{LOWER}]+)*|\.))(?![\w'’-])"
)


def family_surnames(text: str) -> Iterator[Candidate]:
    """A capitalised surname (or its initial) after "familjen", "perhe" or "family"."""
    for match in _FAMILY_SURNAME.finditer(text):
        yield Candidate(match.start("name"), match.end("name"), (match.group("name"),))
