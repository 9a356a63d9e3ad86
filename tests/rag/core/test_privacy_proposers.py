"""The eightieth round: a member's motion named by its maker (``proposers``, proposers.py) and
a motion's supporters listed in a vote (``supporter_lists``, name_lists.py). A body's or an
official's proposal stays readable. Every string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

PROPOSERS = NameRules(proposers=True)
NO_PROPOSERS = NameRules(proposers=False)
SUPPORTERS = NameRules(supporter_lists=True)
NO_SUPPORTERS = NameRules(supporter_lists=False)


def _found(text: str, rules: NameRules) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        ("Äänestyksessä Rautalan ehdotusta kannatti kolme jäsentä.", "Rautalan"),
        ("Hyväksyttiin Kallaksen vastaehdotus yksimielisesti.", "Kallaksen"),
        ("Efter diskussionen föll Gyllings förslag.", "Gyllings"),
        ("Sundbergs motförslag fick fyra röster.", "Sundbergs"),
    ],
)
def test_the_maker_of_a_motion_is_a_name(text: str, maker: str) -> None:
    assert maker in _found(text, PROPOSERS)
    assert maker not in _found(text, NO_PROPOSERS)
    assert NameRules().proposers


@pytest.mark.parametrize(
    "text",
    [
        "Esittelijän ehdotus hyväksyttiin.",  # an official
        "Kaupunginhallituksen ehdotus lähetetään valtuustolle.",  # a body
        "Föredragandens förslag godkändes.",  # a definite noun's genitive
        "Stadsstyrelsens förslag bordlades.",
        "Kiitos ehdotuksesta!",  # no genitive
        "Porvoon ehdotus oli kunnianhimoinen.",  # a town
    ],
)
def test_an_office_or_a_body_proposing_stays_readable(text: str) -> None:
    assert _found(text, PROPOSERS) == _found(text, NO_PROPOSERS)


@pytest.mark.parametrize(
    ("text", "added"),
    [
        (
            "Puheenjohtajan ehdotusta kannattivat Kask, Sten ja Vuori.",
            ["Kask", "Sten", "Vuori"],
        ),
        ("Förslaget understöddes av Sand, Lax och Ström.", ["Sand", "Lax", "Ström"]),
    ],
)
def test_the_supporters_of_a_motion_are_names(text: str, added: list[str]) -> None:
    with_supporters = _found(text, SUPPORTERS)
    without = _found(text, NO_SUPPORTERS)
    assert all(name in with_supporters for name in added)
    assert not any(name in without for name in added)
    assert NameRules().supporter_lists


def test_a_supporting_crowd_is_no_list_of_names() -> None:
    text = "Yleisö kannatti ajatusta. Paikalla: Porvoo, Loviisa ja Sipoo."
    assert _found(text, SUPPORTERS) == _found(text, NO_SUPPORTERS)
