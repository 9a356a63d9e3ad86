"""A name signed after a slash or a dash at a message's end (dash_signatures.py, the
twenty-seventh round): a known first name, a nickname no dictionary knows, a first name and
a surname's letter or a surname. Words of the language, units, bilingual names and codes
stay readable. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_ON = NameRules(dash_signatures=True)
# (the older signature, first-name and lower-case rules, the closing names of the
# forty-fifth round, the lower-case initials of the fifty-third and the names in capitals ending
# a message of the ninety-third read some of these too: off)
_OFF = NameRules(
    dash_signatures=False,
    closing_names=False,
    signature=False,
    lone_first_names=False,
    lower_case_signatures=False,
    bare_initials=False,
    lower_case_initials=False,
    shouted_end_names=False,
)


def _names(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hinner du titta på offerten före fredag? /Kalle", "Kalle"),
        ("Ovi jäi auki taas. -Jyrkke", "Jyrkke"),  # a nickname no dictionary knows
        ("kuka korjaa tän? -tiina m", "tiina m"),
        ("Nyckeln ligger i receptionen. //Agneta", "Agneta"),
        # (a pet form nicknames.txt does not hold: "jonde" is found by the list itself)
        ("onko sali vapaa torstaina / jofi sarkkinen", "jofi sarkkinen"),
        ("KOKOUS ALKAA NYT. /PIRJO", "PIRJO"),
    ],
)
def test_a_signed_name_is_found(text: str, name: str) -> None:
    assert name in _names(text)
    assert name not in _names(text, _OFF)


@pytest.mark.parametrize(
    "text",
    [
        "Tervetuloa uudelleen! Kaupunginkirjasto / Stadsbiblioteket",  # a bilingual name
        "Kiitos vastauksesta - kiitos",  # a word of the language
        "Fakturan är betald. /Ekonomienheten",  # a unit
        "Tilinumero FI21 1234 5600 0007 85 / BIC NDEAFIHH",  # a code
        "Ajat muuttuvat 1.3. alkaen - Porvoo",  # a place
    ],
)
def test_no_name_is_signed(text: str) -> None:
    assert _names(text) == []
