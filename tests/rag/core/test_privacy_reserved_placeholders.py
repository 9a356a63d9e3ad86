"""Placeholders written in full (reserved_placeholders.py): RFC 2606/6761 example domains,
an IBAN of one repeated digit and the conventional placeholder surnames stay readable when
the switch is on; real-looking people stay masked. The examples are written for these
tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.reserved_placeholders import (
    placeholder_person,
    repeated_account,
    reserved_mailbox,
)

_ON = NameRules(reserved_placeholders=True)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    "address",
    ["nimi@example.com", "fornamn@sub.example.org", "user@host.test", "a@b.invalid", "x@example"],
)
def test_reserved_domains(address: str) -> None:
    assert reserved_mailbox(address)


@pytest.mark.parametrize(
    "address", ["nimi@examples.com", "liisa@myexample.com", "eeva.k@gmail.com", "x@testi.fi"]
)
def test_other_domains_are_mailboxes(address: str) -> None:
    assert not reserved_mailbox(address)


def test_accounts() -> None:
    assert repeated_account("FI00 0000 0000 0000 00")
    assert repeated_account("FI99 9999 9999 9999 99")
    assert not repeated_account("FI21 1234 5600 0007 85")


@pytest.mark.parametrize(
    ("value", "placeholder"),
    [
        ("Maija Meikäläinen", True),
        ("Matti Meikäläiselle", True),
        ("Erika Mustermann", True),
        ("John Doe", True),
        # a real family's surname alone, or with another given name
        ("Doe", False),
        ("Liisa Doe", False),
        # Swedish has no placeholder surname: a real name
        ("Anders Andersson", False),
        ("Sven Svensson", False),
    ],
)
def test_placeholder_people(value: str, placeholder: bool) -> None:
    assert placeholder_person(value) is placeholder


def test_in_text() -> None:
    text = "Esimerkki: Maija Meikäläinen, nimi@example.com, tili FI00 0000 0000 0000 00."
    assert _masked(text) == []
    real = "Terveisin Anders Andersson, anders.a@telia.com, FI21 1234 5600 0007 85"
    assert _masked(real) == _masked(real, NameRules())
    assert len(_masked(real)) == 3


def test_on_by_default() -> None:
    # on since the forty-seventh round (docs/personal-data.md)
    assert NameRules().reserved_placeholders


# The fifty-sixth round (``placeholder_records``): the contact data in a sentence that names
# only a placeholder person is the example's.
_RECORDS = NameRules(placeholder_records=True)
_NO_RECORDS = NameRules(placeholder_records=False)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Malli: Maija Meikäläinen, Esimerkkitie 2, 020202A234B, puh. 040 765 4321.",
         "040 765 4321"),
        ("Täyttöohje: henkilötunnus 020202A234B ja nimi Maija Meikäläinen.", "020202A234B"),
        ("Example: John Doe, phone 050 111 2233, john.doe.sample@gmail.com.",
         "050 111 2233"),
    ],
)  # fmt: skip
def test_the_data_of_a_placeholder_record_is_no_ones(text: str, value: str) -> None:
    assert value not in " ".join(_masked(text, _RECORDS))
    assert value in _masked(text, _NO_RECORDS)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a real person in the same sentence
        ("Maija Meikäläinen ja Liisa Virtanen, puh. 040 765 4321.", "040 765 4321"),
        # the writer's own number in the next sentence
        ("Malli: Maija Meikäläinen. Oma numeroni on 040 765 4321.", "040 765 4321"),
    ],
)
def test_data_beside_a_person_or_in_another_sentence_stays_masked(text: str, value: str) -> None:
    assert value in _masked(text, _RECORDS)
