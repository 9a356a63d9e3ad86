"""A street address that no one in the text owns: a place, not a home.

A notice, a work order or a fault report names a building by its street and number ("Hissi
Myllymäentie 4:ssä juuttui", "Trädet vid Lilla Strandgatan 2 föll", "työmaa Mannerheiminkatu
20 aloittaa"). organisation_contacts.py and organisation_holders.py keep such an address
only beside an office's or an organisation's word; without one it stays masked although
nothing in the text ties it to a person.

Here the evidence is the absence of any owner in the whole text: no name, phone number,
e-mail, identity code or account left masked; no first-person, home or possessive word
("asun", "kotini", "pihallamme", "bor", "min", "vår", "I", "our"); no person's or officer's
role ("asukas", "hakija", "hyresgäst", "puheenjohtaja", "tenant"); and no flat in the
address ("Kotikatu 3 B 12" is a home whoever lives there). A text that names no one cannot
say whose home an address is, so the address says nothing of a person.

Three forms still say whose it is without naming anyone (the sixteenth round, from the
studied parts' form lines and complaints): an address after a form's address label
("Osoite: Rantapolku 2", "Ny adress från 1.3.: Kvarnbacksvägen 11 C") is the one who fills
the form in; a first-person possessive at a sentence's start ("Naapurini Koivukuja 9 B:ssä")
is one as much as inside it; and a second-person possessive ("pihaliittymänne eteen", "teidän
pihanne") speaks to the resident at the address. The address after a label is a venue's or a
service's, not a form-filler's, in a text that gives a venue's hours (``venue_hours``, the
twenty-eighth round) or shows a service by an office's or organisation's word
(``served_labels``, the fifty-fifth round: "Pysäköintitalo Lundi ... Osoite: Lundinkatu 5").

On by default since the nineteenth round (``TIEKARTTA_KEEP_UNOWNED_ADDRESSES``): the written
labelling policy counts an office's or a building's address as no one's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rag.core.privacy.names import NameRules, starts_a_sentence
from rag.core.privacy.organisation_contacts import (
    CLAUSE_WORD,
    OFFICER_ROLES,
    PERSON_ROLES,
    PERSONAL_WORDS,
    after_label,
    has_a_flat,
    label_pattern,
    office_word,
)
from rag.core.privacy.organisation_holders import HOME_WORDS
from rag.core.privacy.organisation_voice import plural_first_person, speaks_for_an_organisation
from rag.core.privacy.plural_roles import is_plural_role
from rag.core.privacy.spans import PiiSpan, overlaps

# First-person words beyond the home words (general knowledge of the three languages).
_FIRST_PERSON = frozenset({
    "me", "meille", "meillä", "meiltä", "meitä", "minua", "minulla", "minulta", "minusta",
    "olen", "olemme", "vi", "oss", "vår", "våra", "vårt", "mej", "mitt", "mina", "i'm",
    "i've", "we", "us", "our", "ours",
})  # fmt: skip
# Third-person pronouns of a person (not of a thing: "se", "det", "it"): someone is spoken of.
THIRD_PERSON_PRONOUNS = frozenset({
    "hän", "hänen", "hänelle", "häntä", "häneltä", "hänellä", "häneen", "hänestä", "han",
    "hon", "honom", "henne", "hans", "hennes", "he", "she", "him", "his", "her", "hers",
})  # fmt: skip
# Finnish possessive suffixes of the first person: "pihallamme", "naapurini", "kotimme".
_POSSESSIVE = re.compile(r"\w{3,}(?:mme|ni)\Z")
# ... and of the second person plural, the polite "your": "pihaliittymänne", "kotinne" (a
# stem of four letters or more: not "sinne", "tänne", "minne").
_YOUR = re.compile(r"\w{4,}nne\Z")
# A form's label for a person's address ("Osoite:", "Postiosoite", "Ny adress från 1.3.:");
# not a visiting address ("käyntiosoite", "besöksadress"), which is an office's.
_ADDRESS_LABEL = label_pattern(
    "(?:koti|posti|lähi|katu)?osoite|(?:post|hem|gatu|utdelnings)?adress|"
    "(?:home |postal |mailing )?address"
)


# A building's nouns: in a text that gives a venue's hours they name the venue ("Öppet hus",
# "International House", "Runebergs hem", "Runebergin kotiin"), not a resident's home
# (the forty-second round, ``venue_words``; general knowledge of the three languages).
_BUILDING_NOUNS = frozenset({
    "hus", "huset", "house", "hem", "hemmet", "koti", "kotiin", "kotona", "talo", "talon",
    "talossa", "taloon", "home",
})  # fmt: skip


# What an English role word names when an office's noun follows it: the service, not a
# person ("Customer service: 019 520 2417", "Resident Services", "client support"); Finnish
# and Swedish write these as one word ("asiakaspalvelu", "kundtjänst"), which no role matches.
_SERVICE_NOUN = re.compile(
    r"(?i)[ \t]+(?:service|services|support|desk|care|centre|center|portal|helpdesk|"
    r"relations|office|hotline)(?!\w)"
)


@dataclass(frozen=True)
class SetAside:
    """Which person's words ``someone_in`` sets aside as no one's (each a ``NameRules``
    switch): with ``organisation_voice``, the plural first person of a text that speaks for
    an organisation (organisation_voice.py; with ``our_institution`` also one where that
    person owns an institution, "our office"); with ``plural_roles``, a role in the plural
    ("Oppilaat jatkavat", plural_roles.py); with ``venue_words``, in a text that gives a
    venue's hours, a building's noun and the plural first person (the venue and its staff:
    "Öppet hus ... Adress:", "Our service point at ... is open Mon–Thu"); with
    ``service_roles``, a person's role that names an office's service in English ("Customer
    service:", "Resident Services", "client support")."""

    organisation_voice: bool = False
    our_institution: bool = False
    plural_roles: bool = False
    venue_words: bool = False
    service_roles: bool = False

    @classmethod
    def of(cls, rules: NameRules) -> SetAside:
        return cls(
            rules.organisation_voice,
            rules.our_institution,
            rules.plural_roles,
            rules.venue_words,
            rules.service_roles,
        )


def someone_in(
    text: str,
    others: Sequence[PiiSpan],
    also: Callable[[str], bool] | None = None,
    set_aside: SetAside = SetAside(),
) -> bool:
    """A person's data, word or role anywhere in ``text`` (and, with ``also``, a word it
    accepts), but for the words ``set_aside`` names."""
    if others:
        return True
    office = set_aside.organisation_voice and speaks_for_an_organisation(
        text, set_aside.our_institution
    )
    venue = set_aside.venue_words and gives_hours(text)
    for match in CLAUSE_WORD.finditer(text):
        word = match.group()
        lowered = word.lower()
        if (office or venue) and plural_first_person(word):
            continue
        if venue and lowered in _BUILDING_NOUNS:
            continue
        if (
            lowered in PERSONAL_WORDS
            or lowered in HOME_WORDS
            or lowered in _FIRST_PERSON
            or word == "I"  # (not "i": Swedish "in")
            or (
                PERSON_ROLES.match(lowered) is not None
                and not (set_aside.plural_roles and is_plural_role(lowered))
                and not (set_aside.service_roles and _SERVICE_NOUN.match(text, match.end()))
            )
            or OFFICER_ROLES.match(lowered)
            or lowered == "teidän"
            or (lowered in THIRD_PERSON_PRONOUNS and (word.islower() or lowered.startswith("hä")))
            or (word.islower() and (_POSSESSIVE.match(word) or _YOUR.match(word)))
            # "Naapurini Koivukuja 9 B:ssä": a possessive opening a sentence
            or (
                word.istitle()
                and _POSSESSIVE.match(lowered)
                and starts_a_sentence(text, match.start())
            )
            or (also is not None and also(word))
        ):
            return True
    return False


def other_owners(text: str, spans: Sequence[PiiSpan], kind: str) -> list[PiiSpan]:
    """The personal data in ``spans`` that shows an owner beside the ``kind`` kept: every
    other kind, but an address only with a flat (a bare address is a place, not a home)."""
    return [
        s
        for s in spans
        if s.kind
        and s.kind != kind
        and (s.kind != "ADDRESS" or has_a_flat(text[s.start : s.end].strip()))
    ]


def keep_unowned_addresses(
    text: str,
    spans: list[PiiSpan],
    set_aside: SetAside = SetAside(),
    venue_hours: bool = False,
    served_labels: bool = False,
) -> list[PiiSpan]:
    """``spans`` (the names found among them) without the addresses (no flat) of a text that
    names no one and holds no other personal data nor a person's word (but for the words
    ``set_aside`` names); with ``venue_hours``, also after an address label in a text that
    gives a venue's hours, and with ``served_labels`` in one that shows a service (its hours,
    or an office's or organisation's word: "Pysäköintitalo Lundi ... Osoite: Lundinkatu 5")."""
    addresses = [s for s in spans if s.kind == "ADDRESS"]
    if not addresses:
        return spans
    others = [s for s in spans if s.kind and s.kind != "ADDRESS"]
    if someone_in(text, others, set_aside=set_aside):
        return spans
    a_venue = (venue_hours and gives_hours(text)) or (
        served_labels and shows_a_service(text, addresses)
    )
    return [
        s
        for s in spans
        if s.kind != "ADDRESS"
        or has_a_flat(text[s.start : s.end].strip())
        or (after_label(_ADDRESS_LABEL, text, s.start) and not a_venue)
    ]


# A venue's hours (the twenty-eighth round, ``venue_hours``): a range of weekdays in the three
# languages ("ma–pe", "mån–fre", "Mon–Fri") or a word for opening or service hours.
_WEEKDAY = (
    r"ma|ti|ke|to|pe|la|su|må|mån|tis|ons|tors|fre|lö|lör|sö|sön|on|fr|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
)
_HOURS = re.compile(
    rf"(?i)(?<![\w-])(?:(?:{_WEEKDAY})\.?[ \t]?[–—-][ \t]?(?:{_WEEKDAY})\.?(?![\w-])|"
    r"avoinna|aukiolo\w*|palvelee|palvelemme|öppet|öppettid\w*|betjänar|"
    r"opening[ \t]+hours|office[ \t]+hours|is[ \t]+open|are[ \t]+open)"
)


def gives_hours(text: str) -> bool:
    """Whether ``text`` gives a venue's opening or service hours."""
    return _HOURS.search(text) is not None


def shows_a_service(text: str, outside: Sequence[PiiSpan] = ()) -> bool:
    """Whether ``text`` shows a service: its hours, or an office's or organisation's word
    (with ``outside``, not one inside those spans: "Koulupolku 3" is a street, no school)."""
    if gives_hours(text):
        return True
    return any(
        office_word(word.group()) and not overlaps(outside, word.start(), word.end())
        for word in CLAUSE_WORD.finditer(text)
    )
