"""A surname Voikko knows only as a person's name is no office by its ending: "Eskola" ends
in Swedish "skola" but names a person (names.py ``_not_a_person``, the thirty-sixth round).
Words that are offices or schools by their ending stay so. The examples are written for
these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import find_pii


def _masked(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Raili Eskola asuu nykyään palvelutalossa.", "Raili Eskola"),
        ("Sihteerinä toimi Tanja Eskola.", "Tanja Eskola"),
        ("Ansökan lämnades in av Väinö Eskola i går.", "Väinö Eskola"),
    ],
)
def test_a_surname_ending_like_an_office_is_a_name(text: str, name: str) -> None:
    assert name in _masked(text)


@pytest.mark.parametrize(
    "text",
    [
        "Föräldramöte i Kvarnbackens skola på torsdag kl. 18.",
        "Hanna Gymnasieskola har ny rektor.",
    ],
)
def test_an_office_or_a_school_by_its_ending_is_no_surname(text: str) -> None:
    assert not any("skola" in masked.lower() for masked in _masked(text))
