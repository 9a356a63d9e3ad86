"""A lower-case street before any house number is an address in a text written in lower case
throughout ("... adressen är gammelbackavägen 41, tack / ritva holm"); in a text that uses
capitals it needs a staircase and a flat, as before ("asun koivukuja 7 b 12")
(letter_case.py, ``lower_case_texts``, the forty-first round). The examples are written for
these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.letter_case import written_in_lower_case

_ON = NameRules(lower_case_texts=True)
_OFF = NameRules(lower_case_texts=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("moi, asun rantakatu 12 ja roskis on taas täynnä. t. heikki", "rantakatu 12"),
        ("hej, min brevlåda på kvarnvägen 5 har välts omkull av plogen /birgitta", "kvarnvägen 5"),
        ("osoite: myllytie 3 C\nasia: puu kaatumassa", "myllytie 3 C"),
    ],
)
def test_a_lower_case_street_in_a_lower_case_text_is_an_address(text: str, address: str) -> None:
    assert written_in_lower_case(text)
    assert address in _masked(text)
    assert address not in " ".join(_masked(text, _OFF))


def test_a_text_with_capitals_still_needs_a_staircase_and_a_flat() -> None:
    text = "Ehdotan, että penkit siirretään rantakatu 12 kohdalle Porvoon keskustassa."
    assert not written_in_lower_case(text)
    assert "rantakatu 12" not in " ".join(_masked(text))
    home = "Asun rantakatu 12 b 4 ja roskis on täynnä."
    assert "rantakatu 12 b 4" in _masked(home)


def test_a_numbered_road_and_a_bare_street_word_are_no_address() -> None:
    for text in ("valtatie 7 on suljettu klo 9 asti", "tie 5 on kuoppainen"):
        assert _masked(text) == []


def test_a_capital_alone_or_an_acronym_is_no_capitalised_word() -> None:
    assert written_in_lower_case("osoite kuninkaanportintie 5 C, EU-tuki haettu")
    assert not written_in_lower_case("hei Porvoo")
