"""A first name joined by a hyphen to a family or role noun (role_names.py,
``hyphenated_person_nouns``, the eighty-fifth round): the noun is the person's evidence, so
names that are also words count ("Toivo-ukille"); the name alone is masked and the noun stays
readable. A register name that Voikko knows only as a common word stays ("Hanke-työntekijä":
a project's worker). Every string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_OFF = NameRules(hyphenated_person_nouns=False)


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Terveisiä Toivo-ukille Koivukotiin, nähdään sunnuntaina!", "Toivo"),
        ("Meidän Elsa-tytär aloittaa eskarin syksyllä.", "Elsa"),
        ("Iso kiitos Merja-ohjaajalle retkestä!", "Merja"),
        ("Vi hälsar till Greta-mormor på hennes 90-årsdag.", "Greta"),
    ],
)
def test_a_first_name_joined_to_a_person_noun(text: str, name: str) -> None:
    assert _names(text) == [name]  # on by default: the noun after the hyphen stays readable
    assert name not in _names(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Hanke-työntekijä aloittaa maaliskuussa.",  # a register name that is only a word here
        "Ella-hanke jatkuu ensi vuonna.",  # no person noun after the hyphen
        "Kalevala-päivän juhla on koululla.",
        "Runeberg-tårtor säljs i kaféet.",
    ],
)
def test_other_hyphenated_words_stay(text: str) -> None:
    assert _names(text) == []
