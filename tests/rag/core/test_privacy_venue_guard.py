"""The venue guard (names.py ``_names_a_venue``): the word before a name makes it a business's
or an institution's name ("päiväkoti Tanelin", "Cafe Ursulan"), but not when that word is a
family or role noun whose end spells a place's word ("rehtori": -tori), the
hundred-and-eighteenth round. An institution's genitive still hides the name after it: it may
name a person ("kirjaston Sanna") or a service ("kirjastoauton Helmi"), and the round's
candidate that told them apart by the genitive alone masked a service on the real texts. The
examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import find_pii


def _names(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a role noun ending in a street or square word ("tori", "tie") is a person's noun
        ("Huomenna on vanhempainilta. t. rehtori Merja", "Merja"),
        ("Asiasta voi kysyä kuraattori Merjalta.", "Merjalta"),
        ("Kysy koordinaattori Annelilta, hän tietää.", "Annelilta"),
        ("My auntie Grace came to the meeting.", "Grace"),
    ],
)
def test_a_name_after_whose_person_word_is_masked(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        # a venue's word in the base form before its name
        "Pihaa jatketaan päiväkoti Tanelin aitaan asti.",
        "Istutuksia esimerkiksi Cafe Ursulan eteen.",
        "Lounas tarjoillaan Ravintola Sillan terassilla.",
        # a service named after a person, after its institution's genitive
        "Kirjastoauton Helmin reitti muuttuu syksyllä.",
        # a town's genitive before a club or a housing company
        "Liikuntalautakunta myönsi Porvoon Tarmolle avustusta (§ 12).",
        "Taloyhtiö As Oy Porvoon Vilhelmiina korjaa katon ensi kesänä.",
        "Matchen Borgås Akilles mot Kotkan Työväen Palloilijat spelas 3.5.",
    ],
)
def test_a_venue_or_a_club_after_its_word_stays(text: str) -> None:
    assert _names(text) == []
