"""The placeholders of forms and templates: "Etunimi Sukunimi", "Katuosoite 1 A 1",
"040 000 0000". They stand where a person's data will be written and are nobody's data.

A form or a template shows what goes into a field by a placeholder, and the labelling policy
counts it as no personal data. Three kinds are placeholders by their form alone, wherever
they stand: the words for a name's parts ("Etunimi Sukunimi", "Förnamn Efternamn", "First
Last"), the words for an address in place of a street's name ("Katuosoite 1 A 1",
"Gatuadress 1", "Street 1") and a phone number whose digits after the area code are one
digit repeated ("040 000 0000", "050 999 9999": no subscriber number is all zeros).

Placeholders by their form in a template only: a number that counts up ("040 123 4567")
is also what residents type as their own number in a form they fill in, and the writers of
the labelled parts do so, so it is a placeholder only in a text that is a template (a
template word such as "mallipohja", "lomakepohja", "template", "mall", or a bracketed slot
"[Asiakkaan nimi]") and names no person. In such a template a bank account is the sender's
(a template is filled with the addressee's data, never with an account of theirs).

The word lists are general knowledge of Finnish, Swedish and English forms; an example
identity code ("131052-308T", the population register's example) is never dropped: a real
code may be any code, and it is written as a person's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.core.privacy.organisations import national_digits
from rag.core.privacy.spans import PiiSpan

# The words for a name's parts, as forms print them in their fields ("Etunimi Sukunimi",
# "Förnamn Efternamn", "First Last", "Nimi Niminen", "Vorname Nachname").
_NAME_PART_WORDS = frozenset({
    "etunimi", "sukunimi", "etunimet", "nimi", "niminen", "förnamn", "fornamn", "efternamn",
    "tilltalsnamn", "namn", "first", "last", "firstname", "lastname", "forename", "surname",
    "given", "family", "name", "vorname", "nachname", "n.n.", "nn",
})  # fmt: skip
# The words for an address where a street's name would stand ("Katuosoite 1 A 1").
_ADDRESS_WORDS = frozenset({
    "katuosoite", "lähiosoite", "osoite", "postiosoite", "kadunnimi", "katu", "tie",
    "gatuadress", "adress", "gatunamn", "gata", "gatan", "utdelningsadress", "address",
    "street", "streetname", "road", "strasse", "straße",
})  # fmt: skip
# What marks a text as a template: a template word or a bracketed slot to fill in.
# ("for example" is no template: a resident may write it before their own account)
_TEMPLATE_WORD = re.compile(
    r"(?i)\b(?:\w*(?:lomake|malli|viesti|kirje|asiakirja|vastaus|teksti)pohj\w*|"
    r"malli(?:viesti|kirje|lomake|teksti)\w*|template\w*|placeholder\w*|mallen|mall:|"
    r"(?:blankett|formulär|dokument|brev|e-post|mejl|svars)mall\w*)"
)
_SLOT = re.compile(r"\[[^\W\d_][\w .-]{2,39}\]|\{[^\W\d_][\w .-]{2,39}\}")
_WORDS = re.compile(r"[\w.]+")


def placeholder_name(value: str) -> bool:
    """A name made of the words for a name's parts ("Etunimi Sukunimi", "Förnamn
    Efternamn", "First Last"; "Etunimi" alone)."""
    words = [w.lower() for w in value.replace("-", " ").split()]
    return bool(words) and all(w in _NAME_PART_WORDS for w in words)


def placeholder_address(value: str) -> bool:
    """An address whose street is a word for an address ("Katuosoite 1 A 1", "Gatuadress
    1", "Street 1")."""
    words = _WORDS.findall(value)
    return bool(words) and words[0].lower() in _ADDRESS_WORDS


def repeated_digits(value: str) -> bool:
    """A phone number whose digits after the area code are one digit repeated ("040 000
    0000", "+358 50 999 9999"): no subscriber has one."""
    subscriber = national_digits(value)[3:]
    return len(subscriber) >= 6 and len(set(subscriber)) == 1


def counting_digits(value: str) -> bool:
    """A phone number whose digits after the area code count up or down ("040 123 4567",
    "050 765 4321")."""
    subscriber = national_digits(value)[3:]
    steps = {int(b) - int(a) for a, b in zip(subscriber, subscriber[1:], strict=False)}
    return len(subscriber) >= 6 and (steps == {1} or steps == {-1})


def template_text(text: str) -> bool:
    """Whether the text is a template: a template word or a bracketed slot to fill in."""
    return _TEMPLATE_WORD.search(text) is not None or _SLOT.search(text) is not None


def without_placeholders(
    text: str, spans: Sequence[PiiSpan], names: Sequence[PiiSpan]
) -> list[PiiSpan]:
    """``spans`` (identifiers and addresses) without the placeholders of forms and
    templates; ``names`` are the persons' names found in ``text`` (placeholders already
    dropped: ``without_placeholder_names``)."""
    # (the template's test only where it can matter: a number or an account and no name)
    template = not names and any(s.kind in ("PHONE", "IBAN") for s in spans) and template_text(text)
    kept = []
    for span in spans:
        value = text[span.start : span.end]
        if span.kind == "ADDRESS" and placeholder_address(value):
            continue
        if span.kind == "PHONE" and (
            repeated_digits(value) or (template and counting_digits(value))
        ):
            continue
        if span.kind == "IBAN" and template:
            continue
        kept.append(span)
    return kept


def without_placeholder_names(text: str, names: Sequence[PiiSpan]) -> list[PiiSpan]:
    """``names`` without the placeholders of a name's fields ("Etunimi Sukunimi")."""
    return [s for s in names if not placeholder_name(text[s.start : s.end])]


__all__ = [
    "counting_digits",
    "placeholder_address",
    "placeholder_name",
    "repeated_digits",
    "template_text",
    "without_placeholder_names",
    "without_placeholders",
]
