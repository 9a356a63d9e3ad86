"""In a text that gives a venue's opening or service hours, a building's noun and the plural
first person are the venue's ("Öppet hus ... Adress: ...", "Our service point at ... is open
Mon–Thu"), so the venue's bare address or landline stays readable; without hours, or beside a
resident's own words, it stays masked (unowned_addresses.py, ``venue_words``, the
forty-second round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_ON = NameRules(venue_words=True)
_OFF = NameRules(venue_words=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Öppet hus lördag kl. 10–13 på Åkervägen 12. Välkomna!", "Åkervägen 12"),
        ("Tervetuloa Sibeliuksen kotiin! Avoinna ti–su klo 11–16, Harjutie 3.", "Harjutie 3"),
        ("Vårt kafé på Åkervägen 12 har öppet mån–fre.", "Åkervägen 12"),
        ("Our service point at Sahakatu 7 is open Mon–Fri 9–15.", "Sahakatu 7"),
    ],
)  # fmt: skip
def test_a_venues_words_do_not_make_its_address_someones(text: str, address: str) -> None:
    assert address not in " ".join(_masked(text))
    assert address in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # no hours: "our house" is a home
        ("Our house at Sahakatu 7 was flooded last night.", "Sahakatu 7"),
        # hours, but a resident's own words ("asun", "my") are no venue's
        ("Asun Harjutie 3:ssa ja kirjasto on avoinna ma–pe, mutta sinne on pitkä matka.",
         "Harjutie 3"),
        ("The library is open Mon–Fri, but my home at Sahakatu 7 is far from it.",
         "Sahakatu 7"),
    ],
)  # fmt: skip
def test_a_home_without_hours_or_beside_a_residents_words_stays_masked(
    text: str, address: str
) -> None:
    assert any(address in masked for masked in _masked(text))


def test_a_venues_landline_stays_readable() -> None:
    text = "Vårt kafé har öppet mån–fre, tfn 06 785 1645."
    assert _masked(text) == []
    assert _masked(text, _OFF) != []
