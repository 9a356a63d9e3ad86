"""An IBAN in a text that names no one, holds no person's word, pays no one and shows a payee
(an organisation named anywhere, or an invoice's words) is the payee's, not a person's
(unowned_accounts.py, ``unowned_accounts``, the forty-fourth round). Each other case keeps it
masked. The examples are written for these tests; the accounts are made up (valid checks)."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_ON = NameRules(unowned_accounts=True)
_OFF = NameRules(unowned_accounts=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "account"),
    [
        # the organisation a sentence away
        ("Kaupungin kurssimaksujen tili vaihtuu. Uusi tili on FI49 5000 9420 0287 30.",
         "FI49 5000 9420 0287 30"),
        # an invoice's words, no organisation named
        ("Lasku 2026-118, eräpäivä 14.3.2026. Maksu tilille FI49 5000 9420 0287 30.",
         "FI49 5000 9420 0287 30"),
        ("Avgiften betalas till konto FI49 5000 9420 0287 30 senast 31.1.",
         "FI49 5000 9420 0287 30"),
        ("Invoice 4471: the amount is due on 30 April. Account FI49 5000 9420 0287 30.",
         "FI49 5000 9420 0287 30"),
    ],
)  # fmt: skip
def test_a_payees_account_in_a_text_naming_no_one_stays_readable(text: str, account: str) -> None:
    assert account not in " ".join(_masked(text))
    assert account in _masked(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        # a person named
        "Lasku 2026-118, eräpäivä 14.3.2026. Maksaja Tuula Hirvonen, tili FI49 5000 9420 0287 30.",
        # a first-person word
        "Faktura 2026-118 är betald. Mitt konto är FI49 5000 9420 0287 30, senast 31.1.",
        # money paid to a person: a refund, a grant
        "Kaupunki palauttaa maksun viimeistään 31.1. tilille FI49 5000 9420 0287 30.",
        "Apurahat maksetaan viimeistään 15.6. tilille FI49 5000 9420 0287 30.",
        "The grant is paid when the invoice is due, to FI49 5000 9420 0287 30.",
        # no payee shown: a bare account says nothing either way
        "IBAN: FI49 5000 9420 0287 30",
        "betala till FI49 5000 9420 0287 30 så får ni biljetterna",
    ],
)  # fmt: skip
def test_an_account_with_an_owner_or_no_payee_stays_masked(text: str) -> None:
    assert "FI49 5000 9420 0287 30" in _masked(text)


def test_on_by_default() -> None:
    assert NameRules().unowned_accounts
