"""A known first name alone between two names found is the same person's middle name
("Nguyen Van Minh"); a place or a word between two names stays readable (middle_names.py,
``middle_names``, the thirty-eighth round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.middle_names import with_middle_names
from rag.core.privacy.spans import PiiSpan

_ON = NameRules(middle_names=True)
_OFF = NameRules(middle_names=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nguyen Van Minh soitti eilen ja pyysi soittoa takaisin.", "Nguyen Van Minh"),
        ("Työryhmään kuuluvat Nguyen Van Minh ja Lauri Mäntylä.", "Nguyen Van Minh"),
    ],
)
def test_a_middle_name_between_two_names_joins_them(text: str, name: str) -> None:
    assert name in _masked(text)
    assert name not in _masked(text, _OFF)


def test_only_a_first_name_between_names_found_joins_them() -> None:
    text = "Virtanen Porvoo Berg"
    first, last = PiiSpan(0, 8, "NAME"), PiiSpan(16, 20, "NAME")
    assert with_middle_names(text, [first, last]) == [first, last]
    text = "Nguyen Van Minh"
    assert with_middle_names(text, [PiiSpan(0, 6, "NAME"), PiiSpan(11, 15, "NAME")]) == [
        PiiSpan(0, 15, "NAME")
    ]
    # a phone number is no name: nothing is joined across it
    text = "Nguyen Van 0401234567"
    spans = [PiiSpan(0, 6, "NAME"), PiiSpan(11, 21, "PHONE")]
    assert with_middle_names(text, spans) == spans
