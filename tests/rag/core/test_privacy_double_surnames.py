"""A double surname whose second part begins like a place noun ("-Mäkinen": mäki, "-Lehtonen":
lehto) is a person's name, not a place named after one (names.py, ``_is_named_place``, the
eighty-sixth round's mend): the noun of "Sibelius-puisto" is written small, a second surname
with a capital. Every string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import find_pii


def _names(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asiaa hoitaa Riikka Nyström-Lehto, soita hänelle.", "Riikka Nyström-Lehto"),
        ("Hakemuksen jätti Päivi Aalto-Mäkinen 3.4.", "Päivi Aalto-Mäkinen"),
        ("Kontaktperson är Ingrid Holm-Lehtonen på skolan.", "Ingrid Holm-Lehtonen"),
        ("Terveisin Sanna Kivelä-Rantanen", "Sanna Kivelä-Rantanen"),
    ],
)
def test_a_double_surname_with_a_place_like_second_part(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sibelius-puistossa on konsertti lauantaina.",
        "Kävimme Ackte-huvilassa kesällä.",
        "Runeberg-mäellä on näköalapaikka.",
    ],
)
def test_a_place_named_after_a_person_stays(text: str) -> None:
    assert _names(text) == []
