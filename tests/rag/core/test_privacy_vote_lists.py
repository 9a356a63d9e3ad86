"""The seventy-ninth round's vote lists (``vote_lists``, names.py and name_lists.py): every
item of a list right after a vote's counting words is a member who voted, found by other
evidence or not; a polling station's list, a list in the next sentence and places stay
readable. Every string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.name_lists import follows_a_vote, item_lists

VOTES = NameRules(vote_lists=True)
NO_VOTES = NameRules(vote_lists=False)


def _found(text: str, rules: NameRules) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "added"),
    [
        (
            "Äänestyksessä Jaa-ääniä annettiin 5 (Ruuth, Kangasniemi, Hovi, Laitila, Sarlin).",
            ["Kangasniemi", "Hovi", "Laitila", "Sarlin"],
        ),
        ("Esitys sai 4 ääntä (Peura, Salmi, Helin, Tuuli).", ["Peura", "Salmi"]),
        ("Omröstning: NEJ röstade Kask, Sten och Ström.", ["Kask", "Sten", "Ström"]),
        ("Votes against: Fox, Bird and Lake.", ["Fox", "Bird", "Lake"]),
    ],
)
def test_the_items_of_a_vote_list_are_names(text: str, added: list[str]) -> None:
    with_votes, without = _found(text, VOTES), _found(text, NO_VOTES)
    assert all(name in with_votes for name in added)
    assert not any(name in without for name in added)
    assert NameRules().vote_lists


@pytest.mark.parametrize(
    "text",
    [
        "Äänestyspaikat: Kerkkoo, Pellinge ja Kullo.",  # a polling station's list, no count
        "Esitys sai 4 ääntä. Retket: Salmi, Peura ja Tuuli.",  # the next sentence
        "Ääniä annettiin 12 (Porvoo, Loviisa, Sipoo).",  # towns
        "Röster räknades i maj, juni och juli.",  # months in lower case, no list of names
    ],
)
def test_other_lists_near_a_vote_stay_readable(text: str) -> None:
    assert _found(text, VOTES) == _found(text, NO_VOTES)


def test_the_vote_stands_on_the_list_line() -> None:
    text = "Äänestettiin.\nTyöryhmä: Salmi, Peura ja Tuuli"
    (items,) = list(item_lists(text))
    assert not follows_a_vote(text, items[0][0])
