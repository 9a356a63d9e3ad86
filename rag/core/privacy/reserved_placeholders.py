"""Placeholders written in full, known as nobody's by convention or by standard:
"nimi@example.com", "FI00 0000 0000 0000 00", "Maija Meikäläinen", "Erika Mustermann".

form_placeholders.py keeps the words for a field ("Etunimi Sukunimi") and digits repeated
in a phone number; examples written as real values stayed masked. Three kinds are no one's
by their form alone, wherever they stand:

- an e-mail address at a domain reserved for examples and tests (RFC 2606 and RFC 6761:
  example.com, example.net, example.org and anything under them, and the top-level names
  .example, .test, .invalid, .localhost): no mailbox can exist there;
- an IBAN whose account digits (after the country and the check digits) are one digit
  repeated ("FI00 0000 0000 0000 00", as form_placeholders reads "040 000 0000"): no bank
  numbers an account so;
- a name with the conventional placeholder surname of a language (general knowledge):
  Finnish "Meikäläinen" (any given name, any case form: "Maija Meikäläiselle"), "Testaaja"
  ("Testi Testaaja"), German "Mustermann"/"Musterfrau", and in fixed pairs only, because
  the surname alone is a real family's: "John Doe", "Jane Doe", "Joe Bloggs", "Ola
  Nordmann", "Kari Nordmann".

Swedish has no such surname: "Sven Svensson" and "Anders Andersson" are also thousands of
real people's names, so they stay masked. An example identity code ("010101-123N") is
never dropped: it has a valid check character and may be a person's (form_placeholders.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.core.privacy.organisation_contacts import sentence_bounds
from rag.core.privacy.spans import PiiSpan, overlaps

_RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
_RESERVED_SUBDOMAINS = tuple(f".{domain}" for domain in _RESERVED_DOMAINS)
_RESERVED_TOP_LEVEL = ("example", "test", "invalid", "localhost")
# Placeholder surnames in any case form ("Meikäläisen", "Mustermanns").
_PLACEHOLDER_SURNAME = re.compile(
    r"(?i)^(?:meikäläi(?:nen|s\w*)|testaaj\w+|muster(?:mann|frau)s?)$"
)
_PLACEHOLDER_PAIRS = frozenset({
    ("john", "doe"), ("jane", "doe"), ("joe", "bloggs"), ("ola", "nordmann"),
    ("kari", "nordmann"),
})  # fmt: skip
_NAME_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def reserved_mailbox(value: str) -> bool:
    """An e-mail address at a domain reserved for examples (RFC 2606, RFC 6761)."""
    domain = value.rpartition("@")[2].strip().rstrip(".").lower()
    if not domain or "@" not in value:
        return False
    if domain in _RESERVED_DOMAINS or domain.endswith(_RESERVED_SUBDOMAINS):
        return True
    return domain.rpartition(".")[2] in _RESERVED_TOP_LEVEL


def repeated_account(value: str) -> bool:
    """An IBAN whose account digits are one digit repeated ("FI00 0000 0000 0000 00")."""
    compact = re.sub(r"\s", "", value).upper()
    account = compact[4:]
    return len(account) >= 8 and account.isdigit() and len(set(account)) == 1


def placeholder_person(value: str) -> bool:
    """A name with a placeholder surname ("Maija Meikäläinen") or a placeholder pair
    ("John Doe")."""
    words = [w.lower() for w in _NAME_WORDS.findall(value)]
    if not words:
        return False
    if _PLACEHOLDER_SURNAME.match(words[-1]):
        return True
    return len(words) == 2 and (words[0], words[1]) in _PLACEHOLDER_PAIRS


def without_reserved_placeholders(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """``spans`` without the e-mails, accounts and names that are placeholders by their form."""
    kept = []
    for span in spans:
        value = text[span.start : span.end]
        if span.kind == "EMAIL" and reserved_mailbox(value):
            continue
        if span.kind == "IBAN" and repeated_account(value):
            continue
        if span.kind == "NAME" and placeholder_person(value):
            continue
        kept.append(span)
    return kept


# What a sentence that names only a placeholder person gives with it (``placeholder_records``,
# the fifty-sixth round): "Esimerkki: Matti Meikäläinen, Esimerkkikatu 1 A 1, 010101-123N",
# "henkilötunnus on 010101-123N ja nimi Matti Meikäläinen". The example's data is the
# example's, however real its form looks.
_RECORD_KINDS = frozenset({"PHONE", "HETU", "EMAIL", "ADDRESS", "IBAN"})


def without_placeholder_records(
    text: str,
    spans: Sequence[PiiSpan],
    placeholders: Sequence[PiiSpan],
    people: Sequence[PiiSpan],
) -> list[PiiSpan]:
    """``spans`` without the contact data that shares a sentence with a placeholder person
    of ``placeholders`` and with none of ``people``."""
    records = []
    for placeholder in placeholders:
        begin, end = sentence_bounds(text, placeholder.start, placeholder.end)
        if not overlaps(people, begin, end):
            records.append((begin, end))
    return [
        s
        for s in spans
        if s.kind not in _RECORD_KINDS
        or not any(begin <= s.start and s.end <= end for begin, end in records)
    ]


__all__ = [
    "placeholder_person",
    "repeated_account",
    "reserved_mailbox",
    "without_placeholder_records",
    "without_reserved_placeholders",
]
