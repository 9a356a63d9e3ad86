"""Another organisation's mailbox named after a place or a service stays readable; a staff
member's "first.last", "f.last" or "last.first" stays masked (role_mailboxes.py,
``place_mailboxes``, the thirty-first round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.role_mailboxes import place_mailbox

_ON = NameRules(place_mailboxes=True)
_OFF = NameRules(place_mailboxes=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    "address",
    [
        "turku.hao@oikeus.fi",  # a town and a court's abbreviation
        "vaasa.kirjaamo@vaasa.fi",  # a town and a word
        "oulu.fd@oikeus.fi",  # a town and a court's Swedish abbreviation
        "kirjaamo.ita-suomi@poliisi.fi",  # a word, then a region ("ita" a rare first name)
        "vaka.laskutus@kerava.fi",  # a word that is also a rare first name, then a word
    ],
)
def test_a_box_named_after_a_place_or_a_service_stays_readable(address: str) -> None:
    text = f"Valitus toimitetaan sähköpostitse osoitteeseen {address} 30 päivän kuluessa."
    assert address not in _masked(text)
    assert address in _masked(text, _OFF)


@pytest.mark.parametrize(
    "address",
    [
        "t.lindqvist@kerava.fi",  # an initial
        "ravi.patel@konsultti.fi",  # a first name that is a word, then a surname
        "salo.jenni@kerava.fi",  # surname first: a town's name, then a first name
        "satu.makela@kerava.fi",  # a word-like first name, a surname without its marks
        "turku.virtanen@kerava.fi",  # a place, then a surname
        "helsinki.hao@gmail.com",  # a free-mail provider: anyone's
    ],
)
def test_a_persons_box_stays_masked(address: str) -> None:
    text = f"Lisätietoja antaa {address} arkisin."
    assert address in _masked(text)


def test_one_part_is_never_read_as_a_place_box() -> None:
    # "turku@..." may be anyone's nickname: a single part keeps the older tests only
    assert not place_mailbox(["turku"])
    assert place_mailbox(["turku", "kirjaamo"])


def test_a_local_part_longer_than_mail_systems_accept_is_no_roles() -> None:
    # RFC 5321 allows 64 characters; beyond that no spelling or compound is tried
    long_local = ".".join(["turku", "hao"] * 7)  # 69 characters
    assert f"{long_local}@oikeus.fi" in _masked(f"Posti: {long_local}@oikeus.fi")
    short_local = ".".join(["turku", "hao"] * 3)
    assert not _masked(f"Posti: {short_local}@oikeus.fi")
