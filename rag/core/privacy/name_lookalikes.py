"""Capitalised words the name rules take for a person that, by their form, name none: a
weekday or month abbreviation before a date or time ("TI 14.5.", "ONS kl 18"), an office's
unit written as one word ("Rakennusvalvonta", "Ympäristöpalvelut", "Byggnadstillsynen"), a
place ("Kerava", "Sannäs", "Anjalankosken"), a street named after a person ("Sibeliuksen
katu", "Joonaksentie") and a day named after one ("Aleksis Kiven päivä"), and the early
childhood education system that carries a first name ("Daisy").

names.py drops such a found name, each kind behind its own switch (thirteenth round; on by
default unit_words, which passed that round's rule, and named_days and ecec_systems, which
passed it after the round's scoring). The places and the system are
dropped only without a person's evidence nearby (a resident may be called
"Lahti" or "Kerava"); the other kinds are no name whatever stands beside them, except a
first name right before the word ("Liisa Rakennusvalvonta" is not how a unit is written).

The word lists are general knowledge, not the labelled strings: the weekday and month
abbreviations of Finnish, Swedish and English calendars, the head nouns of public offices'
units, and the municipalities of Finland and the villages and districts of Porvoo/Borgå in
both languages; Voikko adds every place name its dictionary knows.
"""

from __future__ import annotations

import re
from functools import cache

from rag.core.privacy.finnish_morphology import WordKind, read_word
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.spans import PiiSpan

# Weekdays: Finnish (ma ti ke to pe la su), Swedish (må/mån, ti/tis, on/ons, to/tor/tors,
# fr/fre, lö/lör, sö/sön), English; months: Finnish stems, Swedish and English shortenings.
_CALENDAR = frozenset({
    "ma", "ti", "ke", "to", "pe", "la", "su",
    "må", "mån", "tis", "on", "ons", "tor", "tors", "fr", "fre", "lö", "lör", "sö", "sön",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka",
    "marras", "joulu", "jan", "feb", "febr", "mar", "mars", "apr", "maj", "may", "jun",
    "juni", "jul", "juli", "aug", "sep", "sept", "okt", "oct", "nov", "dec",
})  # fmt: skip
# What follows a day or month in a timetable: a date or hour, or a word for the time.
_DATE_OR_TIME_AFTER = re.compile(
    r"[.,:]?[ \t]*(?:\d|(?i:klo|kl\.?|kello|at|from|alkaen|fr\.o\.m)(?!\w))"
)
_DATE_BEFORE = re.compile(r"\d[.]?[ \t]*\Z")

# Head nouns of a public office's units, as the last part of one written word: Finnish (a
# compound Voikko reads as a common noun only), Swedish and English (Voikko knows neither;
# the word must be longer than its head).
_FINNISH_UNIT_HEADS = (
    "palvelut", "palvelu", "palveluiden", "palvelujen", "valvonta", "tekniikka", "toimi",
    "toimisto", "keskus", "yksikkö", "osasto", "virasto", "hallinto", "kanslia", "tuotanto",
    "lautakunta", "jaosto", "päivystys", "neuvonta", "kirjaamo", "huolto", "suunnittelu",
    "liikelaitos", "laitos", "toimiala", "vastaanotto", "asiointi", "tiimi",
)  # fmt: skip
_OTHER_UNIT_HEADS = (
    "tjänster", "tjänsten", "förvaltning", "förvaltningen", "enhet", "enheten",
    "avdelning", "avdelningen", "byrå", "byrån", "kansli", "kansliet", "central",
    "centralen", "nämnd", "nämnden", "rådgivning", "rådgivningen", "registratur",
    "registraturen", "tillsyn", "tillsynen", "jour", "jouren", "mottagning", "mottagningen",
    "services", "department", "office",
)  # fmt: skip
_MIN_MODIFIER = 3  # "Parktjänster": at least this many letters before the head

# Finnish municipalities (general knowledge; towns and the larger rural ones) and the
# villages and districts of Porvoo/Borgå in Finnish and Swedish, lower-cased base forms.
_PLACES = frozenset({
    # municipalities of Uusimaa and the nearby regions, and Finland's towns
    "porvoo", "borgå", "helsinki", "helsingfors", "espoo", "esbo", "vantaa", "vanda",
    "kauniainen", "grankulla", "kerava", "kervo", "järvenpää", "träskända", "tuusula",
    "tusby", "nurmijärvi", "hyvinkää", "hyvinge", "mäntsälä", "pornainen", "borgnäs",
    "sipoo", "sibbo", "askola", "pukkila", "myrskylä", "mörskom", "lapinjärvi", "lappträsk",
    "loviisa", "lovisa", "pernaja", "pernå", "liljendal", "ruotsinpyhtää", "strömfors",
    "kotka", "hamina", "fredrikshamn", "kouvola", "anjalankoski", "lahti", "lahtis",
    "orimattila", "hollola", "heinola", "lohja", "lojo", "vihti", "vichtis", "kirkkonummi",
    "kyrkslätt", "siuntio", "sjundeå", "inkoo", "ingå", "raasepori", "raseborg", "hanko",
    "hangö", "karkkila", "högfors", "tammisaari", "ekenäs", "turku", "åbo", "tampere",
    "tammerfors", "oulu", "uleåborg", "jyväskylä", "kuopio", "pori", "björneborg", "joensuu",
    "lappeenranta", "villmanstrand", "hämeenlinna", "tavastehus", "vaasa", "vasa",
    "seinäjoki", "rovaniemi", "mikkeli", "st michel", "kajaani", "kajana", "kokkola",
    "karleby", "kemi", "tornio", "torneå", "rauma", "raumo", "salo", "imatra", "savonlinna",
    "nyslott", "riihimäki", "forssa", "iisalmi", "varkaus", "pietarsaari", "jakobstad",
    "uusikaupunki", "nystad", "naantali", "nådendal", "parainen", "pargas", "kaarina",
    "raisio", "kemijärvi", "kuusamo", "raahe", "brahestad", "ylivieska", "nokia", "ylöjärvi",
    "kangasala", "lempäälä", "valkeakoski", "akaa", "sastamala", "mariehamn", "maarianhamina",
    # villages and districts of Porvoo/Borgå
    "sannainen", "sannäs", "kulloo", "kullo", "hinthaara", "hindhår", "pellinki",
    "pellinge", "ilola", "illby", "epoo", "ebbo", "kerkkoo", "kerko", "tolkkinen", "tolkis",
    "voolahti", "vålax", "saksala", "saxby", "emäsalo", "emsalö", "vessölandet", "vessö",
    "kråkö", "jakari", "jackarby", "hamari", "gammelbacka", "vanhamoisio", "gammelgård",
    "kevätkumpu", "vårberga", "näsinmäki", "näse", "kokonkylä", "kockby", "boe", "bosgård",
    "tirmo", "kiiala", "kiala", "huhtinen", "hummelsund", "harabacka",
    "kvarnbacken", "myllymäki", "länsiranta", "västra åstranden", "peipohja", "kuninkaanportti",
    "kungsporten", "skaftkärr", "sköldvik", "kilpilahti", "albo", "svartså", "mustijoki",
    "sondby", "seitsemänkylä", "ylike", "andersböle", "ölstens", "haikko", "haiko",
})  # fmt: skip
_CASE_ENDINGS = (
    "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "n", "s", "en",
)  # fmt: skip

# A street or square after the name, or the name's own last part ("Joonaksentie"); a day.
_STREET_HEADS = (
    "katu", "kadun", "tie", "tien", "kuja", "kujan", "polku", "polun", "tori", "torin",
    "puistikko", "raitti", "väylä",
    "gatan", "gata", "vägen", "väg", "gränd", "gränden", "torget", "stigen", "street",
    "road", "avenue", "lane", "square",
)  # fmt: skip
# after a name in the genitive only ("Sibeliuksen katu", "Runebergs gata"): "näin Matin
# kadulla" (saw Matti in the street) names a person
_STREET_AFTER = re.compile(
    r"(?<=[ns])[ \t]*-?[ \t]*(?:katu|kadun|tie|tien|kuja|kujan|gata|gatan|väg|vägen|street|road)"
    r"(?!\w)"
)
_DAY = r"(?:päivä|päivän|päivänä|dag|dagen|day)(?!\w)"
_DAY_AFTER = re.compile(rf"(?<=[ns])[ \t]+{_DAY}")
# The second try (a different mechanism, thirteenth round): the rest of a named day after
# the found part of the name, a surname in the genitive between ("Aleksis [Kiven päivä]").
_DAY_AFTER_SURNAME = re.compile(rf"[ \t]+[A-ZÅÄÖ][a-zåäöéü]+[ns][ \t]+{_DAY}")
# Systems of early childhood education that carry a first name (DaisyFamily, used by many
# Finnish municipalities for care times and applications), beside word_lookalikes.py's list.
_ECEC_SYSTEMS = frozenset({"daisy", "daisyfamily"})
# The school system that carries a first name (Wilma, through which most Finnish schools and
# homes send messages; thirty-fourth round, ``school_systems``). Girls are called Wilma too, so
# only where no person stands: inside the system, in a Finnish inner local case ("Wilmassa",
# "Wilmaan", "Wilmasta") or after "i", "in", "into", "via" ("Boka tid i Wilma").
_SCHOOL_SYSTEMS = ("wilma",)
_INSIDE_CASES = frozenset({"ssa", "an", "sta"})
_INSIDE_BEFORE = re.compile(r"(?<![\w-])(?:i|in|into|via)[ \t]+\Z", re.IGNORECASE)
# A login's noun and "till"/"to" before the system: "mitt lösenord till Wilma", "my login
# for Wilma" ("tunnukset Wilmaan" is an inside case already; sixty-first round). Only the
# nouns of a login, and Swedish without the article: a person is given "lösenordet" or "an
# invitation" ("Jag gav lösenordet till Wilma").
_LOGIN_BEFORE = re.compile(
    r"(?<![\w-])(?:lösenord|inloggning|användarnamn|password|login|log-in|username)"
    r"[ \t]+(?:till|to|för|for)[ \t]+\Z",
    re.IGNORECASE,
)
_SWEDISH_STREETS = ("gatan", "vägen", "gränd", "gränden", "torget", "stigen")
_FIRST_NAME_BEFORE = re.compile(r"(\w[\w-]*)[ \t]+\Z")


def _a_compound_of(lowered: str, heads: tuple[str, ...]) -> bool:
    """The word ends in one of the heads with a modifier of a few letters before it."""
    return any(
        lowered.endswith(head) and len(lowered) - len(head) >= _MIN_MODIFIER for head in heads
    )


def _before_a_first_name(text: str, start: int) -> bool:
    match = _FIRST_NAME_BEFORE.search(text, max(0, start - 40), start)
    return match is not None and is_first_name(match.group(1))


def a_calendar_abbreviation(text: str, span: PiiSpan) -> bool:
    """A weekday or month shortened, in capitals or title case, before a date or time ("KE
    9.10", "Ti klo 18", "ONS 3/4") or after a day's number ("14 JAN")."""
    word = text[span.start : span.end].rstrip(".")
    if not word.isalpha() or word.lower() not in _CALENDAR:
        return False
    if not (word.isupper() or word.istitle()):
        return False
    after = text[span.end : span.end + 12].lstrip(".")
    return (
        _DATE_OR_TIME_AFTER.match(after) is not None
        or _DATE_BEFORE.search(text, max(0, span.start - 6), span.start) is not None
    )


@cache
def is_unit_word(word: str) -> bool:
    """One written word that names an office's unit: a compound ending in a unit's head,
    which Voikko reads as a common word only (Finnish) or does not know (Swedish,
    English): "Rakennusvalvonta", "Kuntatekniikka", "Parktjänster", "Socialbyrån"."""
    if not word.isalpha() or not word[:1].isupper():
        return False
    lowered = word.lower()
    if _a_compound_of(lowered, _FINNISH_UNIT_HEADS):
        return read_word(word).kind is WordKind.WORD
    other = _a_compound_of(lowered, _OTHER_UNIT_HEADS)
    return other and read_word(word).kind in (WordKind.WORD, WordKind.UNKNOWN)


def names_a_unit(text: str, span: PiiSpan) -> bool:
    """The whole found name is one unit word, with no first name right before it."""
    word = text[span.start : span.end]
    return is_unit_word(word) and not _before_a_first_name(text, span.start)


@cache
def is_place_word(word: str) -> bool:
    """A place: Voikko reads it as a place and never as a person, or its base form is a
    municipality or a Porvoo village or district ("Kerava", "Sannäs", "Kulloon")."""
    if not word.isalpha() or not word[:1].isupper():
        return False
    reading = read_word(word)
    if reading.kind is WordKind.PLACE:
        return True
    if reading.person:
        return False  # a surname too ("Huhtinen", "Salo"): not judged by the list alone
    lowered = word.lower()
    if lowered in _PLACES:
        return True
    return any(
        lowered.endswith(ending) and lowered[: -len(ending)] in _PLACES for ending in _CASE_ENDINGS
    )


def names_a_place(text: str, span: PiiSpan) -> bool:
    """The whole found name is one place word with no first name right before it."""
    word = text[span.start : span.end]
    return is_place_word(word) and not _before_a_first_name(text, span.start)


def names_a_street_or_day(text: str, span: PiiSpan) -> bool:
    """The name is part of a street's or square's name ("Sibeliuksen katu 3",
    "Joonaksentie 2", "Runebergs gata") or of a day named after a person ("Aleksis Kiven
    päivänä", "Runebergs dag")."""
    value = text[span.start : span.end]
    last = value.split()[-1] if value.split() else ""
    lowered = last.lower()
    if _a_compound_of(lowered, _STREET_HEADS) and last.isalpha():
        # "Joonaksentie" (Voikko knows the compound), "Edelfeltsvägen"; not an unknown
        # English name that happens to end so ("Hattie")
        kind = read_word(last).kind
        if kind in (WordKind.WORD, WordKind.PLACE) or lowered.endswith(_SWEDISH_STREETS):
            return True
    return (
        _STREET_AFTER.match(text, span.end) is not None
        or _DAY_AFTER.match(text, span.end) is not None
    )


def names_a_day_after_a_surname(text: str, span: PiiSpan) -> bool:
    """The found first name opens a day named after a person, with the surname in the
    genitive between ("Aleksis Kiven päivänä", "Eino Leinos dag")."""
    return _DAY_AFTER_SURNAME.match(text, span.end) is not None


def names_an_ecec_system(text: str, span: PiiSpan) -> bool:
    """The found name is an early childhood education system's ("in Daisy", "Daisyssa")."""
    word = text[span.start : span.end].lower()
    return word in _ECEC_SYSTEMS or any(
        word.startswith(name) and word[len(name) :] in ("ssa", "sta", "hin", "in", "n", "s")
        for name in _ECEC_SYSTEMS
    )


def names_a_school_system(text: str, span: PiiSpan) -> bool:
    """The found name is the school system's, inside it ("Wilmassa", "i Wilma", "via
    Wilma"); a person's case forms ("Wilmalle", "Wilman") and other slots stay a name."""
    word = text[span.start : span.end].lower()
    for name in _SCHOOL_SYSTEMS:
        if word == name:
            return (
                _INSIDE_BEFORE.search(text, max(0, span.start - 8), span.start) is not None
                or _LOGIN_BEFORE.search(text, max(0, span.start - 24), span.start) is not None
            )
        if word.startswith(name) and word[len(name) :] in _INSIDE_CASES:
            return True
    return False


__all__ = [
    "a_calendar_abbreviation",
    "is_place_word",
    "is_unit_word",
    "names_a_day_after_a_surname",
    "names_a_place",
    "names_a_street_or_day",
    "names_a_unit",
    "names_a_school_system",
    "names_an_ecec_system",
]
