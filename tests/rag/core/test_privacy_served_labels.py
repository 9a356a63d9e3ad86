"""An address after an address label is the form-filler's, unless the text names no one and
shows a service: an office's or organisation's word or its hours ("Pysäköintitalo ...
Osoite: ...", "Biblioteket ... Adress: ..."), where it is the service's (unowned_addresses.py,
``served_labels``, the fifty-fifth round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_ON = NameRules(served_labels=True)
_OFF = NameRules(served_labels=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Pysäköintitalo Torikulma: 1,50 €/h. Osoite: Jokikatu 14.", "Jokikatu 14"),
        ("Biblioteket i Näse har läxhjälp varje onsdag. Adress: Ängsvägen 6.", "Ängsvägen 6"),
        ("Uimahalli on suljettu huoltotöiden ajan. Osoite: Sahakatu 7.", "Sahakatu 7"),
    ],
)  # fmt: skip
def test_a_services_labelled_address_stays_readable(text: str, address: str) -> None:
    assert address not in " ".join(_masked(text))
    assert address in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a form line: no service shown
        ("Muuttoilmoitus. Osoite: Jokikatu 14.", "Jokikatu 14"),
        # a service, but a person's words
        ("Hakija muuttaa, kirjasto tietää. Osoite: Jokikatu 14.", "Jokikatu 14"),
        ("Biblioteket skickar boken hem till mig. Adress: Ängsvägen 6.", "Ängsvägen 6"),
    ],
)  # fmt: skip
def test_a_form_fillers_address_stays_masked(text: str, address: str) -> None:
    assert any(address in masked for masked in _masked(text))
