"""Mailboxes of no person that the dictionary test of organisation_contacts.py misses.

- Templates: "etunimi.sukunimi@porvoo.fi", "fornamn.efternamn@borga.fi",
  "firstname.lastname@example.org" describe how staff addresses are built; they are no
  one's address.
- Letters an address cannot hold: most mail systems take only ASCII, so "viestintä",
  "pysäköinti" and "socialbyrån" are written "viestinta", "pysakointi", "socialbyran".
  A part is read again with a, o put back as ä, å, ö.
- Compounds: "familjehem", "nyhetsbrev", "itauusimaa" are two dictionary words joined
  (with a Swedish linking -s- perhaps), which the word lists do not hold whole.
- The organisation's own domains: its staff boxes follow "firstname.lastname"; any other
  local part there that names no person ("alla-socialarbetare", "registrator") is a role's.

A part that is a first name (not also a word) or a surname stays a person's everywhere.
"""

from __future__ import annotations

import itertools

import rag.core.privacy.finnish_morphology as finnish_morphology
from rag.core.privacy.finnish_morphology import WordKind
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.organisation_contacts import (
    NAME_PLACEHOLDERS,
    box_word,
    free_mail_domain,
    local_parts,
    names_a_person,
    split_mailbox,
)
from rag.core.privacy.own_contacts import OwnContacts

# Letters ASCII-only addresses drop their marks from (Finnish and Swedish): a → ä/å, o → ö.
_MARKED = {"a": ("a", "ä", "å"), "o": ("o", "ö")}
# At most this many spellings of one part are tried (3 a's and 2 o's: 108).
_MAX_SPELLINGS = 128
# A compound's parts have three letters or more ("hem", "itä").
_MIN_PART = 3


def _spellings(part: str) -> list[str]:
    """The part as written and with its a, o read as ä, å, ö (as written first)."""
    choices = [_MARKED.get(letter, (letter,)) for letter in part]
    count = 1
    for choice in choices:
        count *= len(choice)
    if count > _MAX_SPELLINGS:
        return [part]
    return ["".join(letters) for letters in itertools.product(*choices)]


def _compound(part: str) -> bool:
    """Two words joined ("familje|hem", "nyhets|brev", "ita|uusimaa")."""
    for cut in range(_MIN_PART, len(part) - _MIN_PART + 1):
        head, tail = part[:cut], part[cut:]
        heads = [head, head[:-1]] if head.endswith("s") and len(head) > _MIN_PART else [head]
        if box_word(tail) and any(box_word(h) for h in heads):
            return True
    return False


def _word_part(part: str, forms: bool) -> bool:
    """A dictionary word; with ``forms`` also with marks put back or as a compound."""
    if box_word(part):
        return True
    if not forms or names_a_person(part):
        return False
    return any(box_word(s) or _compound(s) for s in _spellings(part))


def _person_part(part: str) -> bool:
    """A first name that is no word, or a word Voikko knows only as a person's name."""
    if is_first_name(part, word_like=False):
        return True
    return finnish_morphology.read_word(part).kind is WordKind.PERSON


def template_address(local: str) -> bool:
    """A template of staff addresses: "etunimi.sukunimi", "fornamn.efternamn"."""
    parts = local_parts(local.lower())
    return len(parts) > 1 and all(p in NAME_PLACEHOLDERS for p in parts)


def role_mailbox(
    address: str,
    contacts: OwnContacts,
    templates: bool = True,
    own_domains: bool = True,
    forms: bool = True,
) -> bool:
    """Whether a plainly written address (``local@domain``) is no person's: a template
    (with ``templates``), every part a word with marks put back or a compound at any
    domain but a free-mail provider's (with ``forms``), or a local part without a dot and
    without a person's name at one of the organisation's own domains (with
    ``own_domains``)."""
    split = split_mailbox(address)
    if split is None:
        return False
    local, domain = split
    if templates and template_address(local):
        return True
    parts = local_parts(local)
    if not parts or any(not p.isalpha() for p in parts):
        return False
    if own_domains and contacts.own_domain(domain) and "." not in local:
        return not any(_person_part(p) for p in parts)
    if free_mail_domain(domain):
        return False
    return forms and all(_word_part(p, forms) for p in parts)


__all__ = ["role_mailbox", "template_address"]
