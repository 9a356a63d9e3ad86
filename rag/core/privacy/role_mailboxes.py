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
- Other organisations' boxes named after a place or a service (thirty-first round,
  ``place_mailboxes``): "helsinki.hao@oikeus.fi", "helsinki.kirjaamo@hel.fi",
  "vaka.maksut@porvoo.fi". A staff box starts with a first name or an initial; one that
  starts with a word or a place and holds no surname cannot be read as a person's.

A part that is a first name (not also a word) or a surname stays a person's everywhere.
"""

from __future__ import annotations

import itertools

import rag.core.privacy.finnish_morphology as finnish_morphology
from rag.core.privacy.common_words import is_common_anywhere
from rag.core.privacy.finnish_morphology import WordKind
from rag.core.privacy.first_names import is_first_name, is_hand_listed
from rag.core.privacy.name_lookalikes import is_place_word
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
# The longest local part mail systems accept (RFC 5321); a longer one is read as no role's,
# which also bounds the spellings and compounds a hostile text makes the tests below try.
_MAX_LOCAL = 64


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


def _a_persons_name(part: str) -> bool:
    """In some spelling a first name of the hand list or a word Voikko reads as a person's
    name (a surname: "salo", "makela" as "mäkelä")."""
    return any(
        is_hand_listed(s) or finnish_morphology.read_word(s).person for s in _spellings(part)
    )


def _word_or_place(part: str) -> bool:
    """In some spelling a common word of Finnish, Swedish or English or a place."""
    return any(is_common_anywhere(s) or is_place_word(s.capitalize()) for s in _spellings(part))


def place_mailbox(parts: list[str]) -> bool:
    """Whether a local part's parts cannot be a person's "first.last", "f.last" or
    "last.first": two parts or more, none an initial, the first a word or a place named
    after no one, no later part named after a person; and when the first part is also a
    first name of the register ("vaka", "ravi"), every later part a word or a place
    ("vaka.maksut", not "ravi.patel")."""
    if len(parts) < 2 or any(len(p) < 2 for p in parts):
        return False
    first, later = parts[0], parts[1:]
    if not _word_or_place(first) or _a_persons_name(first):
        return False
    if any(_a_persons_name(p) for p in later):
        return False
    if any(is_first_name(s) for s in _spellings(first)):
        return all(_word_or_place(p) for p in later)
    return True


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
    places: bool = True,
) -> bool:
    """Whether a plainly written address (``local@domain``) is no person's: a template
    (with ``templates``), every part a word with marks put back or a compound at any
    domain but a free-mail provider's (with ``forms``), a local part without a dot and
    without a person's name at one of the organisation's own domains (with
    ``own_domains``), or one that cannot be a person's "first.last" at any domain but a
    free-mail provider's (with ``places``)."""
    split = split_mailbox(address)
    if split is None:
        return False
    local, domain = split
    if len(local) > _MAX_LOCAL:
        return False
    if templates and template_address(local):
        return True
    parts = local_parts(local)
    if not parts or any(not p.isalpha() for p in parts):
        return False
    if own_domains and contacts.own_domain(domain) and "." not in local:
        return not any(_person_part(p) for p in parts)
    if free_mail_domain(domain):
        return False
    if places and place_mailbox(parts):
        return True
    return forms and all(_word_part(p, forms) for p in parts)


__all__ = ["place_mailbox", "role_mailbox", "template_address"]
