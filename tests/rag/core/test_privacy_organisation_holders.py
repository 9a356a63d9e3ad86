"""Accounts and addresses whose clause names an organisation as their holder
(organisation_holders.py) stay readable; a resident's account or home stays masked, also
beside an organisation. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.organisation_holders import institution_word, organisation_holder
from rag.core.privacy.spans import PiiSpan

# Off by default (the eleventh round's pooled rule): these tests switch it on.
_ON = NameRules(organisation_holders=True)
_OFF = NameRules(organisation_holders=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # the office right before its address, a person named in another sentence
        (
            "Hei Tuulikki! Tapaaminen on torstaina klo 9 Perheneuvolassa, Kuusitie 12. "
            "Terveisin Ritva Saarela",
            "Kuusitie 12",
        ),
        # in brackets, after a first-person sentence start (no home word)
        ("Jag besökte (Hälsocentralen, Stationsvägen 3) och väntade länge.", "Stationsvägen 3"),
        # an association's account for a grant
        (
            "Kulttuurilautakunta myönsi 900 €. Avustus maksetaan yhdistyksen tilille "
            "FI49 5000 9420 0287 30.",
            "FI49 5000 9420 0287 30",
        ),
        ("Stipendiet betalas till Seglarföreningen rf, konto FI49 5000 9420 0287 30.", "FI49"),
        # a landlord company's account for a rent
        ("Vuokra maksetaan Kotikodit Oy:n tilille FI49 5000 9420 0287 30.", "FI49"),
        # a letterhead: the office's line above the address, an official named higher up
        (
            "Ystävällisin terveisin\nOlli Mäkelä\nsuunnittelija\nKaupunkisuunnittelu\n"
            "Kuusitie 12, 06100 Porvoo",
            "Kuusitie 12",
        ),
        # a paragraph with a business id and no person
        (
            "Vesilaitos Aqua\nKuusitie 12, 06100 Porvoo\nY-tunnus 1234567-1\n"
            "IBAN FI49 5000 9420 0287 30",
            "FI49 5000 9420 0287 30",
        ),
    ],
)
def test_an_organisations_account_or_address_stays_readable(text: str, kept: str) -> None:
    assert not any(kept in m or m in kept for m in _masked(text))
    assert any(m in kept or kept in m for m in _masked(text, _OFF))


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        # a person named in the clause: privacy wins
        ("Avustus maksetaan tilille FI49 5000 9420 0287 30 (saaja: Kuoro ry, Pia Lund).", "FI49"),
        # a refund to a resident beside the city's name
        ("Kaupunki palauttaa liikamaksun tilille FI49 5000 9420 0287 30.", "FI49"),
        # a home: a resident's role, a home word, a detached house, a flat
        ("Asukas, Kuusitie 12, valittaa kaupungin kirjastolle melusta.", "Kuusitie 12"),
        ("Koulun vieressä asun, osoite Kuusitie 12.", "Kuusitie 12"),
        ("Päiväkoti Pihlaja, Kuusitie 12 B 4.", "Kuusitie 12 B 4"),
        # the bank keeps an account, it does not hold it
        ("Uusi tilini on FI49 5000 9420 0287 30 (Osuuspankki).", "FI49"),
        ("Oikea numero on FI49 5000 9420 0287 30 (Säästöpankki).", "FI49"),
        # a resident's letter: their name on the line above their address
        ("Kirje kaupungille\nMarkus Heinonen\nKuusitie 12\n06100 Porvoo", "Kuusitie 12"),
        # a business id in a paragraph that names a person
        ("Toiminimi Jari Pesonen, Y-tunnus 1234567-1, tili FI49 5000 9420 0287 30.", "FI49"),
        # no organisation at all: a rent to an unnamed landlord
        ("Vuokra 700 € maksetaan tilille FI49 5000 9420 0287 30.", "FI49"),
    ],
)
def test_a_persons_account_or_home_stays_masked(text: str, personal: str) -> None:
    assert any(personal in m for m in _masked(text))


def test_institution_words() -> None:
    assert institution_word("Socialbyrån") and institution_word("Oy:n")
    assert institution_word("föreningens") and institution_word("kaupungin")
    assert not institution_word("talon") and not institution_word("Osuuspankki")


def test_a_detached_house_or_cottage_is_a_home_beside_an_organisation() -> None:
    for text in (
        "Kiinteistövälitys Oy:n myymä omakotitalo, Kuusitie 1450.",
        "Kiinteistövälitys Oy:n kohde, Kuusitie 1450, sommarstugan.",
    ):
        start = text.index("Kuusitie")
        span = PiiSpan(start, start + len("Kuusitie 1450"), "ADDRESS")
        assert not organisation_holder(text, span, [])
    text = "Kiinteistövälitys Oy, Kuusitie 1450."
    start = text.index("Kuusitie")
    assert organisation_holder(text, PiiSpan(start, start + 13, "ADDRESS"), [])


def test_an_officers_address_beside_the_associations_name_is_the_officers() -> None:
    # (organisation_contacts.office_addresses, an older switch, keeps these two: not here)
    for text, address in (
        ("Yhdistyksen puheenjohtajan osoite: Kuusitie 12.", "Kuusitie 12"),
        ("Föreningens kassör, Granvägen 7, sköter bidraget.", "Granvägen 7"),
    ):
        start = text.index(address)
        span = PiiSpan(start, start + len(address), "ADDRESS")
        assert not organisation_holder(text, span, [])
