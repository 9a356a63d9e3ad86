"""Phone numbers in a text that names no one (unowned_phones.py, seventeenth round; the
landline switch on since the nineteenth): an office's number stays readable with a switch on,
a person's number stays masked, and a mobile stays masked under the landline switch. Every
string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.own_contacts import OwnContacts
from rag.core.privacy.unowned_phones import is_landline

EVERY = NameRules(unowned_phones=True)
LANDLINES = NameRules(unowned_landlines=True)


def _phones(text: str, rules: NameRules) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "PHONE"]


@pytest.mark.parametrize(
    ("number", "landline"),
    [
        ("06 785 1600", True),
        ("(019) 520 2211", True),
        ("+358 19 520 2300", True),
        ("0800 147 111", True),
        ("+46 8 123 456", True),
        ("040 123 4567", False),
        ("050-123 4567", False),
        ("+358 40 123 4567", False),
        ("+46 70 123 45 67", False),
        ("0046 70 123 45 67", False),
        ("+372 5123 4567", False),  # another country's: its mobiles are not told apart
        ("+44 20 7946 0000", False),
    ],
)
def test_landlines_and_mobiles(number: str, landline: bool) -> None:
    assert is_landline(number) is landline


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ring 06 785 1600 för tidsbokning.", "06 785 1600"),
        ("Avoinna ma–pe 8–16, puh. 02 445 6100.", "02 445 6100"),
    ],
)
def test_an_office_number_in_a_text_naming_no_one(text: str, number: str) -> None:
    assert number in _phones(text, NameRules(unowned_landlines=False))
    assert number not in _phones(text, EVERY)
    assert number not in _phones(text, LANDLINES)


def test_a_mobile_stays_masked_under_the_landline_switch() -> None:
    text = "Ilmoittautumiset 040 488 2170 viimeistään perjantaina."
    assert "040 488 2170" in _phones(text, LANDLINES)
    assert "040 488 2170" not in _phones(text, EVERY)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Soita minulle 06 785 1645 illalla.", "06 785 1645"),  # the writer's own
        ("Terveisin Leena Vainio, 02 445 6100", "02 445 6100"),  # a person named
        ("Vuokralainen: 02 445 6100", "02 445 6100"),  # a person's role
        ("Tel. 06 785 1645, bost. Strandgatan 9 B 4", "06 785 1645"),  # a home's flat
        ("Ring mig på 06 785 1645.", "06 785 1645"),
    ],
)
def test_a_number_with_someone_in_the_text_stays_masked(text: str, number: str) -> None:
    assert number in _phones(text, EVERY)
    assert number in _phones(text, LANDLINES)


# The forty-fifth round's ``served_mobiles`` (off: it lost three items on the studied parts,
# each a mobile whose owner's name the masker missed; docs/personal-data.md): under the
# landline switch, a mobile too when the text shows a service that answers it.
SERVED = NameRules(unowned_landlines=True, served_mobiles=True)


@pytest.mark.parametrize(
    "text",
    [
        "Nuorisotalo on avoinna ti–pe klo 14–20, puh. 040 488 2170.",  # a service's hours
        "Lasten lukupiiri kokoontuu kirjastossa torstaisin. Ilmoittautumiset 040 488 2170.",
    ],
)
def test_served_mobiles_keeps_a_services_mobile(text: str) -> None:
    assert "040 488 2170" in _phones(text, LANDLINES)
    assert "040 488 2170" not in _phones(text, SERVED)


@pytest.mark.parametrize(
    "text",
    [
        "Soitin kirjastoon, vastatkaa minulle 040 488 2170.",  # the writer's own
        "Ilmoittautumiset 040 488 2170 viimeistään perjantaina.",  # no service shown
    ],
)
def test_served_mobiles_leaves_a_mobile_without_a_service_or_with_someone(text: str) -> None:
    assert "040 488 2170" in _phones(text, SERVED)


def test_served_mobiles_is_off_by_default() -> None:
    assert not NameRules().served_mobiles


# The forty-eighth round's ``service_block_mobiles`` (on): the same for a mobile in the block
# the city's services share with its staff (own_contacts.py; Porvoo's "040 489").
BLOCK = NameRules(unowned_landlines=True, served_mobiles=False, service_block_mobiles=True)
NO_BLOCK = NameRules(unowned_landlines=True, served_mobiles=False, service_block_mobiles=False)


@pytest.mark.parametrize(
    "text",
    [
        "Nuorisotila on avoinna ti–pe klo 14–20. Ohjaajat tavoittaa numerosta 040 489 9900.",
        "Kvarnbackens skolas kansli har öppet mån–fre kl. 8–15, tfn 040 489 6110.",
        "The tourist office is open daily 10–16. Group guiding: +358 40 489 9801.",
    ],
)
def test_a_services_mobile_in_the_citys_block_stays_readable(text: str) -> None:
    number = next(n for n in _phones(text, NO_BLOCK))
    assert number not in _phones(text, BLOCK)
    assert NameRules().service_block_mobiles


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # another block: a person's mobile whose name the masker may miss
        ("Uimahallin kausikortista kysyy virtasen perhe, soittakaa 044 9876 201.", "044 9876 201"),
        # the city's block, but a person named, or no service shown
        ("Nuorisotila avoinna ti–pe. Ohjaaja Sanna Lind, 040 489 9900.", "040 489 9900"),
        ("Soita 040 489 9900 illalla.", "040 489 9900"),
        # the city's block, a service, and the writer's own word
        ("Kirjastossa kävin, soittakaa minulle 040 489 9900.", "040 489 9900"),
    ],
)
def test_other_mobiles_stay_masked(text: str, number: str) -> None:
    assert number in _phones(text, BLOCK)


def test_another_city_sets_its_own_block() -> None:
    text = "Nuorisotila on avoinna ti–pe klo 14–20, puh. 044 722 1100."
    other = OwnContacts(service_mobile_blocks=("044722",))
    assert "044 722 1100" in _phones(text, BLOCK)
    assert [s for s in find_pii(text, BLOCK, other) if s.kind == "PHONE"] == []
    assert OwnContacts(service_mobile_blocks=()).in_service_mobile_block("040 489 9900") is False


# The ninety-first round: a service's line shows itself by its on-call or advice words or the
# hours it answers, without an office's word ("vesihuollon päivystys", "vardagar 9–12").
@pytest.mark.parametrize(
    "text",
    [
        "Katutyöt alkavat maanantaina. Lisätietoja vesihuollon päivystys 040 489 3300.",
        "Frågor besvaras av servicehandledningen, tfn 040 489 2000 (vardagar 9–12).",
        "Kadunpesu alkaa 22.4. Tiedustelut 040 489 0000 arkisin klo 8–16.",
        "Stormskador på gator? Jouren svarar dygnet runt på 040 489 7100.",
        "Water main repairs on Linnankoskenkatu: the on-call line 040 489 0123 answers 24/7.",
    ],
)
def test_a_service_line_in_the_citys_block_stays_readable(text: str) -> None:
    assert _phones(text, BLOCK) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # the line's words, but the writer's own word or a person's role beside them
        ("Olen päivystäjä tällä viikolla, soita 040 489 3300.", "040 489 3300"),
        ("Hemvårdens jour ringde mig, jag nås på 040 489 7100 vardagar 9–12.", "040 489 7100"),
        # the line's words, but a mobile outside the services' block
        ("Lisätietoja vesihuollon päivystys 040 130 1450.", "040 130 1450"),
        # hours with no line or service: a person's number whose name was missed
        ("Soittakaa 040 489 3300 vaikka klo 9–12.", "040 489 3300"),
    ],
)
def test_a_line_word_does_not_keep_someones_mobile(text: str, number: str) -> None:
    assert number in _phones(text, BLOCK)
