"""A first name alone that a personal pronoun after it points back to (pronoun_names.py, the
hundred-and-nineteenth round). The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

OFF = NameRules(pronoun_names=False)


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


def test_pronoun_names_is_on_by_default() -> None:
    assert NameRules().pronoun_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the pronoun in the name's sentence ...
        ("Jag vill tacka Robin för hans tålamod med gruppen.", "Robin"),
        ("Please tell Kim that she can pick up the keys on Friday.", "Kim"),
        ("Palaveriin tulee myös Aina, koska hän hoitaa budjetin.", "Aina"),
        # ... or in the next one
        ("Saga tar hand om nycklarna i dag. Hon kommer tillbaka på måndag.", "Saga"),
        ("Huomenna Onni tuo avaimet. Hän tulee kahdeksalta.", "Onni"),
    ],
)
def test_a_first_name_a_pronoun_points_back_to(text: str, name: str) -> None:
    assert name in _names(text)
    assert name not in _names(text, OFF)


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun two sentences on: too far to point back
        "Tack Robin. Mötet börjar kl. 9. Hon tar med kaffe.",
        # a month, and a place of two capitalised words
        "The pupil will be away from 3 to 7 March, as he travels with his family.",
        "My brother moved to Novi Sad last year and he likes it there.",
        # a Finnish sentence's first word that is a common word (and a rare given name)
        "Moni nuori jää ilman kesätyötä, ja hän joutuu odottamaan.",
        "Kun asukas soittaa, hänelle vastataan arkisin.",
        # no pronoun of a person: "se" is a thing's
        "Onni on pienistä asioista kiinni, se on selvä.",
    ],
)
def test_no_person_without_a_pronoun_that_points_back(text: str) -> None:
    assert _names(text) == _names(text, OFF)


def test_a_name_found_in_between_takes_the_pronoun() -> None:
    # "hon" follows "Eva Lindholm", who stands nearer; "Saga" (a word too) gets no evidence
    text = "Läs en Saga för barnen, sa Eva Lindholm, och hon log."
    assert _names(text) == _names(text, OFF)
