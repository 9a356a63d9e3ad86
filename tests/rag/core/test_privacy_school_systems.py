"""The school system Wilma is no person inside its slot ("Boka tid i Wilma", "Wilmassa",
"via Wilma"); a girl called Wilma stays a name elsewhere (name_lookalikes.py,
``school_systems``, the thirty-fourth round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_ON = NameRules(school_systems=True)
_OFF = NameRules(school_systems=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    "text",
    [
        # a phone in the same notice made the system a person before this round
        "Anmäl frånvaro i Wilma senast kl. 9. Skolans expedition, tfn 019 520 7788.",
        "Boka tid i Wilma senast fredag. Ring 040 785 1410 om du inte har koder.",
        "Send the form via Wilma or call the office, 019 520 7788.",
        # a login's noun and "till"/"to" before it (the sixty-first round)
        "Jag har glömt mitt lösenord till Wilma, ring mig 040 123 4567.",
        "I forgot my login for Wilma. My number is 040 123 4567.",
    ],
)
def test_the_system_in_its_slot_is_no_person(text: str) -> None:
    assert not [m for m in _masked(text) if m.startswith("Wilma")]
    assert [m for m in _masked(text, _OFF) if m.startswith("Wilma")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Min dotter Wilma är sjuk i dag, ring mig på 040 123 4567.", "Wilma"),
        ("Kiitos Wilmalle avusta! t. Sanna, 040 123 4567", "Wilmalle"),
        ("Skicka bilderna till Wilma och Theo, tfn 040 123 4567.", "Wilma"),
        ("Jag gav lösenordet till Wilma i går, ring 040 123 4567.", "Wilma"),
        ("I sent an invitation to Wilma and Theo, call 040 123 4567.", "Wilma"),
    ],
)
def test_a_girl_called_wilma_stays_masked(text: str, name: str) -> None:
    assert name in _masked(text)
