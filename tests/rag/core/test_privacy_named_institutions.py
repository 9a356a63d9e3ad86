"""Institutions named like people (named_institutions.py, through famous_names): the name
after an institution's noun stays readable; a person after an inflected noun, two names
after a noun, a family's home and a signature stay masked. The examples are written for
these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.named_institutions import INSTITUTION_NAMES

_ON = NameRules(named_institutions=True)
_OFF = NameRules(named_institutions=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Daghemmet Ronja stänger kl. 17 under julveckan.", "Ronja"),
        ("Päiväkoti Elsa on kiinni heinäkuussa.", "Elsa"),
        ("Ensi viikolla päiväkoti Iineksessä on valokuvaus.", "Iineksessä"),
        ("Kahvila Aino avaa ovensa lauantaina kymmeneltä.", "Aino"),
        ("Villa Elsa on auki kesäsunnuntaisin.", "Elsa"),
    ],
)
def test_an_institutions_name_stays_readable(text: str, name: str) -> None:
    assert not any(name in m for m in _masked(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an inflected noun: a sentence about a person
        ("Päiväkodissa Aino oli tänään iloinen.", "Aino"),
        # two names after the noun
        ("Koulu Matti Virtanen kertoi asiasta.", "Matti Virtanen"),
        # a person's evidence beside the name
        ("Daghemmet Sanna, Sanna.Berg@gmail.com", "Sanna"),
        # a signature
        ("Terveisin\nKahvila Sanna", "Sanna"),
    ],
)
def test_a_person_stays_masked(text: str, name: str) -> None:
    assert any(name in m for m in _masked(text))


def test_the_pattern_takes_one_name_after_a_noun_in_its_base_form() -> None:
    text = "lakitoimisto Vuorinen; koti Anna; perhepäiväkoti Aino; omakotitalo Liisa"
    found = [m.group("name") for m in INSTITUTION_NAMES.finditer(text)]
    # a family's home and a family day care (in a carer's home) are no institution
    assert found == ["Vuorinen"]


def test_switched_off_masks_as_before() -> None:
    assert NameRules().named_institutions
    assert any("Ronja" in m for m in _masked("Daghemmet Ronja stänger kl. 17.", _OFF))


def test_a_mask_that_took_the_noun_in_is_dropped_with_institution_spans() -> None:
    text = "Muistutus: Hammashoitola Kuusikko, aika to 5.6. klo 9."
    spans = NameRules()  # on since the thirteenth round
    assert _masked(text, NameRules(institution_spans=False)) == ["Hammashoitola Kuusikko"]
    assert _masked(text, spans) == []
    assert spans.institution_spans
    # a patient and a phone beside it keep it masked
    patient = text + " Potilas Eino 040 555 1234"
    assert "Hammashoitola Kuusikko" in _masked(patient, spans)
