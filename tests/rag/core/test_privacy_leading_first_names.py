"""A known first name right before a name found is that person's first name ("Namn: Tom
Eriksson"); a capitalised word that is no first name, or a register name that is a word
without a label's colon ("Hei Tuomas"), stays readable (leading_first_names.py,
``leading_first_names``, the thirty-ninth round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.leading_first_names import with_leading_first_names
from rag.core.privacy.spans import PiiSpan

_ON = NameRules(leading_first_names=True)
_OFF = NameRules(leading_first_names=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.usefixtures("without_other_lists")
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Namn: Tom Eriksson\nPersonnummer: saknas", "Tom Eriksson"),
        ("Ansökan om bidrag\nSökande: Nora Lindström\nBelopp: 300 €", "Nora Lindström"),
    ],
)
def test_a_first_name_before_a_name_found_joins_it(text: str, name: str) -> None:
    assert name in _masked(text)
    assert name not in _masked(text, _OFF)


def test_only_a_known_first_name_widens_a_name() -> None:
    text = "Hyvä Virtanen"
    name = PiiSpan(5, 13, "NAME")
    assert with_leading_first_names(text, [name]) == [name]
    # a first name that is no word, or one of the hand list, anywhere
    text = "Ernst Virtanen"
    assert with_leading_first_names(text, [PiiSpan(6, 14, "NAME")]) == [PiiSpan(0, 14, "NAME")]
    # a register name that is also a word ("Tom", "Hei") only after a label's colon
    text = "Namn: Tom Eriksson"
    assert with_leading_first_names(text, [PiiSpan(10, 18, "NAME")]) == [PiiSpan(6, 18, "NAME")]
    for text in ("Tom Eriksson", "Hei Eriksson"):
        name = PiiSpan(4, 12, "NAME")
        assert with_leading_first_names(text, [name]) == [name]
    # not over another kind's span
    text = "Ernst Virtanen"
    spans = [PiiSpan(0, 5, "PHONE"), PiiSpan(6, 14, "NAME")]
    assert with_leading_first_names(text, spans) == spans
