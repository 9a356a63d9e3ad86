"""A sign-off or an introduction before a first name in capitals is a person's evidence
(letter_case.py, ``shouted_after_lead``, the sixty-sixth round), also when the surname is a
word ("LAAKSO", a valley) or counts as one; without such a lead the capitals stay as the
other rules read them. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import ROUND84_OFF

_OFF = NameRules(shouted_after_lead=False, **ROUND84_OFF)


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("KATUVALO ON RIKKI TAAS. TERV. PEKKA LAAKSO", "PEKKA LAAKSO"),
        ("LUMIA EI OLE AURATTU!!! TERVEISIN SIRPA MÄKINEN", "SIRPA MÄKINEN"),
        ("SOPHÄMTNINGEN UTEBLEV IGEN. HÄLSNINGAR ERIK BERG", "ERIK BERG"),
    ],
)
def test_a_name_in_capitals_after_a_sign_off(text: str, name: str) -> None:
    assert name in _names(text)  # on by default
    assert name not in _names(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        "KATUVALO ON RIKKI TAAS. PEKKA LAAKSO",  # no lead: a surname that is a word
        "OLEN TYYTYVÄINEN. TERV. ASUKAS",  # a lead, but no first name after it
        "TERVEISIN PORVOON KAUPUNKI",  # a lead before the sender's body
    ],
)
def test_capitals_without_a_first_name_after_a_lead_stay(text: str) -> None:
    # the eighty-fourth round reads "PEKKA LAAKSO" by its own words (test_privacy_shouted_words)
    assert _names(text, NameRules(**ROUND84_OFF)) == []
