"""The one word a salutation addresses is a name when no dictionary knows it as a word
("Bästa Fatuma,", "Tjenare Jocke!"); a word ("Hyvä Asukas", "Dear Customer") or a town
("Hej Borgå!") stays readable (salutation_names.py, ``salutation_names``, the forty-third
round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.salutation_names import salutation_names

_ON = NameRules(salutation_names=True)
_OFF = NameRules(salutation_names=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.usefixtures("without_other_lists")
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bästa Fatuma,\nvälkommen till arbetsplatsen på måndag!", "Fatuma"),
        # (a pet form nicknames.txt does not hold: "Jocke" is found by the list itself)
        ("Tjenare Lollo! Kan du ta mitt pass på lördag?", "Lollo"),
        ("Moikka Tepi!\nNähdäänkö huomenna salilla?", "Tepi"),
        ("Tack Nora! Du räddade dagen.", "Nora"),
    ],
)
def test_the_word_a_salutation_addresses_is_a_name(text: str, name: str) -> None:
    assert name in _masked(text)
    assert name not in _masked(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Hyvä Asukas,\nkiitos palautteestasi.",
        "Hei Kaikki! Tervetuloa kevätjuhlaan.",
        "Dear Customer,\nyour order has been sent.",
        "Hej Borgå! Bra jobbat med skidspåren.",
        "Kiitos Porvoo! Upea kesäkausi.",
        # more than one word, or no comma, exclamation mark, colon or line end after it
        "Hei Jocke ja muut, treenit alkaa kuudelta.",
    ],
)
def test_a_word_a_town_or_a_longer_slot_stays_readable(text: str) -> None:
    assert salutation_names(text) == []


def test_only_at_a_lines_start() -> None:
    assert salutation_names("Sanoin hänelle hei Jocke! ja lähdin.") == []
    assert salutation_names("Viesti:\nHei Jocke!\nTule ajoissa.") != []


# The fifty-first round's ``lower_case_salutations`` (on since the eighty-eighth round, when the
# parts written after it passed its rule; docs/personal-data.md): a listed first name in lower
# case after a salutation.
_LOWER = NameRules(lower_case_salutations=True)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("hej maja! kan du ta över min tur i kassan?", "maja"),
        ("moi ville, tuutko huomenna?", "ville"),
    ],
)
def test_a_lower_case_first_name_after_a_salutation(text: str, name: str) -> None:
    assert name in _masked(text, _LOWER)
    assert name in _masked(text)  # on by default


def test_the_salutation_is_the_evidence() -> None:
    # "maja" is a Swedish word too: without the switch no rule reads it as a name
    text = "hej maja! kan du ta över min tur i kassan?"
    assert "maja" not in _masked(text, NameRules(lower_case_salutations=False))


@pytest.mark.parametrize(
    "text",
    [
        "hej alla, glöm inte mötet",  # a function word
        "Hei hei, huomenna on pyjamapäivä",  # a second salutation
        "hei kaikki! kokous alkaa klo 10",  # no first name
        "moi taas",  # no comma or mark after it
        "hei porvoo!",  # a place
    ],
)
def test_lower_case_salutations_leave_words_that_name_no_one(text: str) -> None:
    assert _masked(text, _LOWER) == _masked(text, NameRules(lower_case_salutations=False))
