"""The plural first person of a notice or an office's signed reply is the organisation, not a
resident (organisation_voice.py, the twenty-fourth round): its bare address and landline stay
readable. A singular first person, a home word, a name or a flat still make them someone's.
The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.organisation_voice import plural_first_person, speaks_for_an_organisation

_ON = NameRules(organisation_voice=True)
_OFF = NameRules(organisation_voice=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a notice's label, the office's "we"
        (
            "Tiedote: Kaukolämpökatko Pappilanmäentie 7 ympäristössä 3.3. klo 8–12. "
            "Pahoittelemme häiriötä. Lisätietoja 02 274 7001.",
            "02 274 7001",
        ),
        (
            "Meddelande: Trappan vid Skolgatan 14 målas 5–7.5. Vi ber om överseende.",
            "Skolgatan 14",
        ),
        # a signature line that names an office
        (
            "We have moved the recycling point to Peltolantie 3 for the summer. Thank you "
            "for your patience.\nWaste management office, City of Porvoo",
            "Peltolantie 3",
        ),
    ],
)
def test_an_organisations_we_names_no_one(text: str, kept: str) -> None:
    assert kept not in _masked(text)
    assert kept in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # no notice and no office's signature: a family's "we" is a home
        ("Vi bor på Skolgatan 14 och vi har inte fått något besked.", "Skolgatan 14"),
        # a notice, but the home's own words
        ("Tiedote: asumme nyt Pappilanmäentie 7:ssä, soittakaa meille.", "Pappilanmäentie 7"),
        # a notice that names a person
        (
            "Tiedote: Pahoittelemme, Eero Salmi hoitaa asiaa numerossa 02 274 7002.",
            "02 274 7002",
        ),
        # a singular first person beside the office's signature
        ("Jag bor på Skolgatan 14. Vi ses.\nBorgå stad, tekniska centralen", "Skolgatan 14"),
    ],
)
def test_a_person_stays_someone(text: str, masked: str) -> None:
    assert any(masked in found for found in _masked(text))


def test_what_counts_as_the_organisations_voice() -> None:
    assert plural_first_person("Pahoittelemme") and plural_first_person("vi")
    assert not plural_first_person("asumme") and not plural_first_person("jag")
    assert speaks_for_an_organisation("Kungörelse: ...")
    assert speaks_for_an_organisation("Vi stänger.\nBorgå stad, kundtjänsten")
    assert not speaks_for_an_organisation("Vi stänger.\nHälsningar Anna")
    assert not speaks_for_an_organisation("Vi stänger, Borgå stad")  # one line: no signature
