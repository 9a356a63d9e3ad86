"""A first name and a frequent surname in capitals are a person's name (letter_case.py,
``shouted_surnames``, the twenty-ninth round); a surname that is also a word, or capitals
without a first name, stay as they are. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import ROUND84_OFF

_ON = NameRules(shouted_surnames=True)
_OFF = NameRules(shouted_surnames=False, **ROUND84_OFF)


def _names(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MUISTUTUS\nPEKKA HEIKKINEN\nKOULUKATU 3 A 2", "PEKKA HEIKKINEN"),
        ("Ordförande KIRSI KORHONEN\nSekreterare", "KIRSI KORHONEN"),
        ("TAPANI HEIKKILÄ SOITTAA HUOMENNA", "TAPANI HEIKKILÄ"),
    ],
)
def test_a_first_name_and_a_frequent_surname_in_capitals(text: str, name: str) -> None:
    assert name in _names(text)
    assert name not in _names(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        "NIEMINEN JA KORHONEN HOITAVAT",  # no first name
        "PORVOON KAUPUNKI TIEDOTTAA",  # no name at all
    ],
)
def test_capitals_without_that_evidence_stay(text: str) -> None:
    assert _names(text) == _names(text, _OFF)
