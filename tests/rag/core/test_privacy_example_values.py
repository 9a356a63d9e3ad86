"""A phone, identity code, account or e-mail that a form or an instruction gives as an example
is no one's (example_values.py, the twenty-fifth round); a writer's own value with a cue
further back stays masked. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import BARE_OFF

# The bare-contact removers off: these strings name no one and would keep a bare landline.
_ON = NameRules(example_values=True, **BARE_OFF)
_OFF = NameRules(example_values=False, **BARE_OFF)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("Matkapuhelin (muodossa 045 678 9012)", "045 678 9012"),
        ("Mobilnummer (t.ex. 045 678 9012)", "045 678 9012"),
        ("Syötä henkilötunnus, esim. 150390-912X, ilman välilyöntejä.", "150390-912X"),
        ("Kontonummer i formen FI12 3456 7800 0000 19", "FI12 3456 7800 0000 19"),
        ("Sähköposti: matti.esimerkki@posti.fi (esimerkki)", "matti.esimerkki@posti.fi"),
        ("Enter your phone number in the format: +358 45 678 9012.", "+358 45 678 9012"),
    ],
)
def test_an_example_is_no_ones(text: str, example: str) -> None:
    assert example not in _masked(text)
    assert example in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the cue further back: the writer's own number
        ("Minut tavoittaa esim. iltaisin numerosta 045 678 9013.", "045 678 9013"),
        ("esim. minun numeroni 045 678 9014", "045 678 9014"),
        # a cue word inside another word is no cue
        ("Lex. 045 678 9015 on numeroni.", "045 678 9015"),
        # no cue
        ("Puhelin 045 678 9016", "045 678 9016"),
    ],
)
def test_a_value_without_a_cue_right_before_stays_masked(text: str, value: str) -> None:
    assert value in _masked(text)
