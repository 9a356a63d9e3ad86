"""Organisations' contact data stays readable; a person's data next to it stays masked."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.organisation_contacts import functional_mailbox
from tests.rag.core.name_rules import BARE_OFF


def _masked(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end].strip() for s in find_pii(text, rules or NameRules(**BARE_OFF))]


@pytest.mark.parametrize(
    "address",
    ["palaute@loviisa.fi", "tekninen.lautakunta@sipoo.fi", "bokning@kulturhuset.se", "info@vvs.fi"],
)
def test_a_mailbox_named_by_words_at_an_organisation_is_functional(address: str) -> None:
    assert functional_mailbox(address)


@pytest.mark.parametrize(
    "address",
    [
        "tapio.rinne@loviisa.fi",  # a first name
        "toivo@sipoo.fi",  # a first name that is also a word
        "palaute@gmail.com",  # a free-mail provider: a person's box
        "palaute2@loviisa.fi",  # a digit
        "etunimi.sukunimi@sipoo.fi",  # the template of a person's address
        "m.lindqvist@sipoo.fi",
    ],
)
def test_a_persons_mailbox_is_not_functional(address: str) -> None:
    assert not functional_mailbox(address)


def test_functional_mailbox_kept_and_persons_mailbox_masked_in_one_text() -> None:
    text = "Lähetä hakemus osoitteeseen palaute@loviisa.fi, kopio minulle: sanna.kallio@loviisa.fi"
    assert _masked(text) == ["sanna.kallio@loviisa.fi"]


def test_the_switch_masks_functional_mailboxes_again() -> None:
    text = "Frågor: bokning@kulturhuset.se"
    # (role_mailboxes.py reads the same box as words too: both switches off)
    off = NameRules(**BARE_OFF, functional_mailboxes=False, mailbox_word_forms=False)
    assert _masked(text, off) == ["bokning@kulturhuset.se"]
    assert _masked(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Kadunvalot uusitaan välillä Kalevankatu 3–21 syyskuussa.",
        "Asfaltering av Skolgatan 4 och Skolgatan 6 börjar i maj.",
        "Näyttely on esillä pääkirjastossa, Papinkatu 20, koko kesän.",
        "Anmälan tas emot på stadshuset, Torggatan 8, vardagar.",
        "Lindholm Bygg Ab, Verkstadsgatan 9, 10600 Ekenäs.",
    ],
)
def test_ranges_lists_and_offices_addresses_are_kept(text: str) -> None:
    assert _masked(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Asun kirjaston vieressä, Papinkatu 22.", "Papinkatu 22"),
        ("Kirjaston lähellä, Papinkatu 22 B 14, vuotaa katto.", "Papinkatu 22 B 14"),
        ("Jag bor på Torggatan 10 nära stadshuset.", "Torggatan 10"),
        ("Min adress är Skolgatan 3 och Skolgatan 5 är grannens.", "Skolgatan 3"),
        ("Kaupungintalolle: Maija Laine, Kalevankatu 7.", "Kalevankatu 7"),
    ],
)
def test_a_persons_address_beside_an_office_word_stays_masked(text: str, address: str) -> None:
    assert address in _masked(text)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Uusi koti: Pärnu mnt 41-6, Tallinn.", "Pärnu mnt 41-6"),  # a house and its flat
        ("Ny adress: Narva mnt 15-3.", "Narva mnt 15-3"),
    ],
)
def test_a_falling_pair_of_numbers_is_a_flat_not_a_range(text: str, address: str) -> None:
    assert address in _masked(text)


def test_the_switches_mask_ranges_and_offices_again() -> None:
    rules = NameRules(**BARE_OFF, address_ranges=False, office_addresses=False)
    assert _masked("Kadunvalot uusitaan välillä Kalevankatu 3–21.", rules) == ["Kalevankatu 3–21"]


@pytest.mark.parametrize(
    "text",
    [
        "Jäsenmaksu maksetaan Loviisan Latu ry:n tilille FI37 1590 3000 0007 76, viite 1232.",
        "Betala till Sibbo kommun, konto FI21 1234 5600 0007 85, referens 1009.",
        # an invoice's payee, named by its payment reference alone (payment_references)
        "Laskun voi maksaa tilille fi37 1590 3000 0007 76, viitteeksi 1232.",
        "Eräpäivä 28.2.2026. Maksathan tilille FI37 1590 3000 0007 76 viitteellä 55 12340.",
        "Avgiften betalas till konto FI21 1234 5600 0007 85 senast 31.3, referensnummer 7012.",
        "Please pay 120,00 € to FI21 1234 5600 0007 85 using the reference RF18 5390 0754.",
    ],
)
def test_an_organisations_account_to_pay_to_is_kept(text: str) -> None:
    assert not [m for m in _masked(text) if m.upper().startswith("FI")]


def test_without_the_switch_a_reference_alone_names_no_payee() -> None:
    text = "Laskun voi maksaa tilille FI37 1590 3000 0007 76, viitteeksi 1232."
    assert _masked(text, NameRules(**BARE_OFF, payment_references=False)) == [
        "FI37 1590 3000 0007 76"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tilinumeroni FI37 1590 3000 0007 76, viite 1232.",
        "Maksoin laskun tililtäni FI37 1590 3000 0007 76 viitteellä 1232.",  # the payer's own
        "Jag betalade från mitt konto FI21 1234 5600 0007 85 med referens 7012.",
        "Kaupunki palauttaa maksun tilille FI37 1590 3000 0007 76.",  # a refund
        "Palautus tilille FI37 1590 3000 0007 76, viite 1232.",  # a refund, with a reference
        "Maksa Eva Holmille tilille FI37 1590 3000 0007 76, viite 1232.",  # paid to a person
        "Betala till Sibbo kommun, Eva Holm, FI21 1234 5600 0007 85.",  # a name beside it
        "Yhdistyksen oma tili FI21 1234 5600 0007 85, mitt konto.",
    ],
)
def test_a_persons_account_stays_masked(text: str) -> None:
    assert any(m.upper().startswith("FI") for m in _masked(text))


def test_a_name_in_another_sentence_leaves_the_payees_account_readable() -> None:
    # (account_sentence_evidence: only a name in the account's sentence keeps it masked)
    text = "Betala till Sibbo kommun FI21 1234 5600 0007 85. Kontaktperson Eva Holm."
    assert _masked(text) == ["Eva Holm"]
    off = NameRules(**BARE_OFF, account_sentence_evidence=False, organisation_holders=False)
    assert _masked(text, off) == ["FI21 1234 5600 0007 85", "Eva Holm"]


def test_a_firms_number_after_its_name_and_address_is_kept_but_a_persons_is_not() -> None:
    firm = "Lindholm Bygg Ab, Verkstadsgatan 9, 10600 Ekenäs, tfn 019 241 100."
    assert _masked(firm) == []
    person = "Lindholm Bygg Ab, kontaktperson Eva Holm, tfn 019 241 100."
    assert "019 241 100" in _masked(person)
    mobile = "Lindholm Bygg Ab, tfn 040 241 1100."
    assert _masked(mobile) == ["040 241 1100"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Kerhon rahastonhoitajan osoite on Pihlajatie 9, 06150 Porvoo.", "Pihlajatie 9"),
        ("Föreningens sekreterare: Björkvägen 14, Borgå.", "Björkvägen 14"),
        ("Send it to the club's treasurer at Mill Road 3.", "Mill Road 3"),
    ],
)
def test_an_officers_address_stays_masked_beside_the_organisation(text: str, address: str) -> None:
    # an association's officer is a person: the office rule alone must not keep the address
    assert address in _masked(text, NameRules(**BARE_OFF, organisation_holders=False))
    assert address in _masked(text)


def test_the_organisations_own_address_is_still_kept() -> None:
    assert _masked("Föreningens kansli: Björkvägen 14, Borgå.") == []
