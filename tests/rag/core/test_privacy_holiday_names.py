"""Holidays whose names hold a first name or a capitalised pair are no one (holiday_names.py,
``holiday_names``, the forty-ninth round): "Kristi himmelsfärdsdag", "Marian ilmestyspäivä",
"Ascension Day". The same words name a person outside a holiday's name. The examples are
written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.holiday_names import holiday_spans

_ON = NameRules(holiday_names=True)
_OFF = NameRules(holiday_names=False)


def _names(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Simhallen är stängd på Kristi himmelsfärdsdag 29.5.", "Kristi"),
        ("Uimahalli on suljettu Marian ilmestyspäivänä.", "Marian"),
        ("The recycling centre is closed on Ascension Day, 29 May.", "Ascension Day"),
        ("Bins are emptied a day later after Easter Monday.", "Easter Monday"),
        # a person's evidence near the holiday changes nothing: "kundtjänst", a mail address
        ("Stängt på Kristi himmelsfärdsdag. Frågor: kundtjänsten, info@borga.fi", "Kristi"),
    ],
)
def test_a_holidays_word_is_no_one(text: str, word: str) -> None:
    assert word in _names(text, _OFF)
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kristi Lindholm ringde om bygglovet.", "Kristi Lindholm"),
        ("Marian kanssa sovittiin tapaaminen maanantaiksi.", "Marian"),
        # a name beside the holiday, not inside it
        ("Kristi himmelsfärdsdag jobbar Kristi Lindholm i kassan.", "Kristi Lindholm"),
    ],
)
def test_the_same_word_outside_a_holiday_is_a_name(text: str, name: str) -> None:
    assert name in _names(text)


def test_the_holidays_are_whole_phrases() -> None:
    text = "Kristi himmelsfärdsdagen och annandag påsk, Easter Monday and Boxing Day"
    found = [text[a:b] for a, b in holiday_spans(text)]
    assert found == ["Kristi himmelsfärdsdagen", "annandag påsk", "Easter Monday", "Boxing Day"]
    assert holiday_spans("Kristian Mayday") == []


def test_on_by_default() -> None:
    assert NameRules().holiday_names
