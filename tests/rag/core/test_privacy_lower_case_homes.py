"""A lower-case street before a house number with a staircase and a flat is a home address
("asun koivukuja 7 b 12"); before a bare number it stays as written, as the older
``lower_case_streets`` (off) would not (letter_case.py, ``lower_case_homes``, the
thirty-seventh round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

# (the forty-first round's lower_case_texts reads a street in a lower-case text before any
# number: off in both, so this switch is measured alone)
_ON = NameRules(lower_case_homes=True, lower_case_texts=False)
_OFF = NameRules(lower_case_homes=False, lower_case_texts=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("moi, asun pihlajakuja 4 b 11 ja roskis on taas täynnä", "pihlajakuja 4 b 11"),
        ("min adress är ängsvägen 8 a 2, skicka dit", "ängsvägen 8 a 2"),
        ("uusi osoite: rauhankatu 3 as 7", "rauhankatu 3 as 7"),
        ("bor på västra kyrkogatan 9 a 4 sedan maj", "västra kyrkogatan 9 a 4"),
    ],
)
def test_a_lower_case_street_with_a_flat_is_masked(text: str, address: str) -> None:
    assert address in _masked(text)
    assert address not in _masked(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        # a property without a flat: a building, not a home (the older switch's real text, a
        # proposal that uses capitals; in a text with none, lower_case_texts reads it as the
        # capitalised "Tukholmankatu 11 ja 13" is read)
        "Ehdotan penkkejä tukholmankatu 11 ja 13 väliin.",
        "rauhankatu 3 on suljettu remontin takia",
        # a numbered road is no street
        "valtatie 7 a 2 kertaa viikossa",
    ],
)
def test_a_lower_case_street_without_a_flat_stays_as_written(text: str) -> None:
    assert not _masked(text)
