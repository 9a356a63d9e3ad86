"""Names of no resident known from general knowledge (famous_names.py): well-known people,
rulers, fictional characters, brands named after a person, rooms and vehicles given a
person's name; and the residents beside or behind such names that must stay masked.
famous_people and rulers are on by default since the eleventh round's scoring
(docs/personal-data.md, eleventh round), fictional_characters since the thirteenth round,
person_brands since the sixty-fifth, named_rooms since the twelfth; each test names the
switch it measures. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.famous_names import FamousKinds, names_no_resident
from rag.core.privacy.spans import PiiSpan


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


def _on(switch: str) -> NameRules:
    return NameRules(**{switch: True})


def _off(switch: str) -> NameRules:
    return NameRules(**{switch: False})


@pytest.mark.parametrize(
    ("text", "switch"),
    [
        # initials without spaces, middle names, case endings, a compound, a genitive
        ("Föreläsningen om J.L. Runeberg hålls i biblioteket.", "famous_people"),
        ("Kukat tuodaan Johan Ludvig Runebergin hautamuistomerkille.", "famous_people"),
        ("Kirjasto järjestää Sofi Oksanen -illan lokakuussa.", "famous_people"),
        ("Konsertin kapellimestarina on Esa-Pekka Salonen.", "famous_people"),
        ("Ohjelmassa Mozart ja Grieg.", "famous_people"),
        ("Lukupiirissä luetaan Väinö Linna ja Kalle Päätalo.", "famous_people"),
        ("Kirjasto esittelee Johannes Linnankosken tuotantoa.", "famous_people"),
        ("The lecture covers A. I. Virtanen and his fodder method.", "famous_people"),
        # the humanist, and the exchange programme named after him (the sixtieth round)
        ("I am a student doing my Erasmus year in Porvoo.", "famous_people"),
        ("Subject: Erasmus visit", "famous_people"),
        # regnal numerals, epithets and titles
        ("Under Gustav III:s tid byggdes fästningen om.", "rulers"),
        ("Kaarle XII:n sotaretket kuuluvat oppikirjaan.", "rulers"),
        ("Näyttely kertoo keisari Nikolai II:n vierailusta.", "rulers"),
        ("Koululaiset tutkivat Pietari Suuren aikaa.", "rulers"),
        # fictional characters in three languages
        ("Päiväkodin seinään maalataan Aku Ankka ja Mikki Hiiri.", "fictional_characters"),
        ("Barnen ritar Kalle Anka och Mumintrollet.", "fictional_characters"),
        ("Vi läser om Emil i Lönneberga.", "fictional_characters"),
        ("Kesäteatteri esittää Peppi Pitkätossua.", "fictional_characters"),
        # a statue named like a person (the seventy-third round)
        ("Vappuaattona lakitetaan Havis Amanda kello 18.", "fictional_characters"),
        ("Vi träffas vid Havis Amanda efter konserten.", "fictional_characters"),
        # a brand named after a person
        ("Kahvit tulevat tänäkin vuonna Pauligilta.", "person_brands"),
        # rooms and vehicles given a person's name
        ("Harjoitukset: neuvotteluhuone Väinö klo 9.", "named_rooms"),
        ("Mötet hålls i mötesrum Ingrid på tredje våningen.", "named_rooms"),
        ("Kirjastoauto Veikko pysähtyy koululla tiistaisin.", "named_rooms"),
        ("Vi väntar på bokbussen Eva vid skolan.", "named_rooms"),
    ],
)
def test_a_famous_name_is_not_masked_with_its_switch(text: str, switch: str) -> None:
    assert _names(text, _off(switch)) != []  # the switch off: masked as a name
    assert _names(text, _on(switch)) == []


@pytest.mark.parametrize(
    ("text", "switch", "kept"),
    [
        # a greeting, sign-off or label leads to the name: a person
        ("Terveisin Tove Jansson", "famous_people", ["Tove Jansson"]),
        # a resident's role or contact detail beside it
        ("Soitin asiakas Sofi Oksanen, puh. 040 123 4567.", "famous_people", ["Sofi Oksanen"]),
        ("Palautteen jätti Eino Leino, eino.leino@example.com.", "famous_people", ["Eino Leino"]),
        # alone on its line, as a signature
        ("Hyvä ehdotus.\nAlvar Aalto", "famous_people", ["Alvar Aalto"]),
        # a famous surname after another first name is somebody else
        ("Ohjelmassa Anna Mozart ja Kalle Grieg.", "famous_people", ["Anna Mozart", "Kalle Grieg"]),
        # a common surname needs the famous given names, not an initial or another name
        ("Paikalla olivat A. Virtanen ja Liisa Halonen.", "famous_people",
         ["A. Virtanen", "Liisa Halonen"]),
        # a character's one name that residents bear too needs the full form
        ("Peppi soitti eilen ja kysyi vuoroaan.", "fictional_characters", ["Peppi"]),
        ("Hälsningar från Kalle Andersson", "fictional_characters", ["Kalle Andersson"]),
        # a ruler's given name without a numeral or title is anybody's
        ("Gustav Lindqvist tuli kokoukseen.", "rulers", ["Gustav Lindqvist"]),
        # a person in a room: two names, or the room in a case form
        ("Salissa Matti Virtanen kertoi hankkeesta.", "named_rooms", ["Matti Virtanen"]),
    ],
)  # fmt: skip
def test_a_resident_stays_masked(text: str, switch: str, kept: list[str]) -> None:
    assert _names(text, _on(switch)) == kept


def test_brands_named_after_a_person_are_kept_by_default() -> None:
    text = "Juhlan tarjoilut: Fazerin leivokset ja Hartwallin limsat."
    assert _names(text) == []
    # a first name and a contact beside the same surname: a person
    assert _names("Soitin Ville Hartwallille, puh. 040 123 4567.") == ["Ville Hartwallille"]


def test_every_kind_off_drops_nothing() -> None:
    text = "Orkestern spelar verk av Mozart."
    span = PiiSpan(text.index("Mozart"), text.index("Mozart") + 6, "NAME")
    assert not names_no_resident(text, span, [], FamousKinds())
    assert names_no_resident(text, span, [], FamousKinds(people=True))
