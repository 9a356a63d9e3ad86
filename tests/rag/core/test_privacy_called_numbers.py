"""A landline the writer called or is told to call is a service's number (called_numbers.py,
the twenty-fourth round), even beside the writer's own "I"; a number one calls back, a home
line, a mobile or a number in a text that names someone stays masked. The examples are
written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.called_numbers import calling_verb

_ON = NameRules(called_numbers=True)
_OFF = NameRules(called_numbers=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("mä soitin eilen numeroon 02 274 7010 mut kukaan ei vastannut", "02 274 7010"),
        ("Jag ringde 02 274 7011 i morse men fick ingen tid.", "02 274 7011"),
        ("I called 09 816 7012 twice and my question is still open.", "09 816 7012"),
        ("Jos minulla on kysyttävää, voin soittaa (02) 274 7013?", "(02) 274 7013"),
    ],
)
def test_a_called_landline_stays_readable(text: str, kept: str) -> None:
    assert kept not in _masked(text)
    assert kept in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a person's object between the verb and the number
        ("Soita minulle 02 274 7020 illalla.", "02 274 7020"),
        ("Ring mig på 02 274 7021.", "02 274 7021"),
        # a home word in the clause
        ("Kotiin voi soittaa: (02) 274 7022.", "(02) 274 7022"),
        # a person named in the text: the number to call back is hers
        ("Rouva Lehmus soitti. Soittakaa takaisin 02 274 7023.", "02 274 7023"),
        # a mobile one calls may be a person's
        ("Myydään pyörä, soita 040 520 7024.", "040 520 7024"),
        # no calling verb
        ("Numeroni on 02 274 7025.", "02 274 7025"),
    ],
)
def test_a_persons_number_stays_masked(text: str, phone: str) -> None:
    assert phone in _masked(text)


def test_the_city_that_masks_bare_landlines_masks_called_ones() -> None:
    rules = NameRules(called_numbers=True, unowned_landlines=False, unowned_phones=False)
    assert _masked("Jag ringde 02 274 7011 i morse.", rules) == ["02 274 7011"]


def test_calling_verbs() -> None:
    assert all(calling_verb(w) for w in ("soittakaa", "Soitin", "ringt", "dialled"))
    assert not any(calling_verb(w) for w in ("soitto", "puhelin", "phone", "ringar"))
