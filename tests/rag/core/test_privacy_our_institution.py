"""An office writing about itself in the plural first person ("Our office is at ...", "Vår
förening ...", "toimistomme") speaks for an organisation: its address or landline in a text
that names no one stays readable (organisation_voice.py, ``our_institution``, the
thirty-second round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.organisation_voice import owns_an_institution

_ON = NameRules(our_institution=True)
_OFF = NameRules(our_institution=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Our office is at Koulupolku 3.", "Koulupolku 3"),
        ("Our office has moved. You find us at Koulupolku 3.", "Koulupolku 3"),
        ("Vår förening har flyttat. Ni hittar oss på Idrottsvägen 7.", "Idrottsvägen 7"),
        ("Toimistomme on muuttanut. Löydät meidät osoitteesta Torikatu 9.", "Torikatu 9"),
        ("Meidän yhdistys on muuttanut, uusi paikka on Torikatu 9.", "Torikatu 9"),
        ("Our office has a new number. Call us on 019 555 1234.", "019 555 1234"),
    ],
)
def test_an_office_speaking_of_itself_keeps_its_contact_data(text: str, kept: str) -> None:
    assert kept not in _masked(text)
    assert kept in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Our home is at Koulupolku 3, next to the library.", "Koulupolku 3"),
        ("Our family moved to Koulupolku 3 last year.", "Koulupolku 3"),
        # the office is ours, but "I" and "my" are a person
        ("I work at our office; my address is Koulupolku 3.", "Koulupolku 3"),
        ("Vårt hus på Idrottsvägen 7 har fuktskador.", "Idrottsvägen 7"),
    ],
)
def test_a_resident_speaking_of_a_home_keeps_it_masked(text: str, address: str) -> None:
    assert address in _masked(text)


def test_the_possessive_reaches_one_word_at_most() -> None:
    assert owns_an_institution("our new office")
    assert not owns_an_institution("our very new shiny office")
    assert owns_an_institution("Toimistomme on kiinni.")
    assert not owns_an_institution("Kotimme on kiinni.")
