"""Phone numbers whose clause names an organisation or a service as their holder
(organisation_phones.py) stay readable; a person's number stays masked, also beside an
office: a named person, a staff member described by a role, a family, the writer's own
line. The examples are written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

# On by default since the twelfth round; the tests name the switch both ways.
_ON = NameRules(organisation_phones=True)
# (with the twenty-fourth round's called landlines off too: "Olen soittanut ... 020 …")
_OFF = NameRules(organisation_phones=False, called_numbers=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a youth centre's mobile, its holder right before the label
        ("Nuorisotalon puhelin 040 555 1200 on auki iltaisin.", "040 555 1200"),
        # a service before the number (a mobile: the switchboard rule keeps only landlines)
        ("Asiakaspalvelu palvelee numerossa 040 876 5432 arkisin.", "040 876 5432"),
        ("Kotihoidon päivystys: 044 321 7788 (ympäri vuorokauden).", "044 321 7788"),
        # the holder in brackets after the number
        ("Frågor om isen: 050 443 2211 (idrottsplatsens jour).", "050 443 2211"),
        # a bracket that holds its company is a clause of its own
        (
            "Olen soittanut isännöitsijälle (Kotikulma Isännöinti Oy, 020 765 4433) kahdesti.",
            "020 765 4433",
        ),
        ("Library opening hours change in May. Lending desk 045 112 9988.", "045 112 9988"),
    ],
)
def test_an_organisations_number_stays_readable(text: str, kept: str) -> None:
    assert kept not in _masked(text)
    assert kept in _masked(text, _OFF)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a person's name in the clause
        ("Nuorisotalon ohjaaja Jere Aalto, puh. 040 555 1201.", "040 555 1201"),
        # a name on the line above (a signature)
        ("Ystävällisin terveisin\nAnna Kurki\nPäiväkoti Tähkä, puh. 040 555 1202", "040 555 1202"),
        # a staff member described by a role, no name: still a person's phone
        ("Päiväkodin johtaja, puh. 040 555 1203", "040 555 1203"),
        ("Kerhon vetäjä p. 040 555 1204", "040 555 1204"),
        ("Skolans kurator nås på 040 555 1205.", "040 555 1205"),
        # a person spoken of beside an institution
        ("Hän on sairaalassa, soita hänelle 040 555 1212.", "040 555 1212"),
        ("Han ligger på sjukhuset, ring honom på 040 555 1213.", "040 555 1213"),
        # the writer's own line or a family's
        ("Soita minulle kirjastosta 040 555 1206.", "040 555 1206"),
        ("Perheen puhelin 040 555 1207, koulu tietää.", "040 555 1207"),
        # an office named only as the subject of a question, the number is the asker's
        ("saako uimahallin kortin maksaa kahdessa erässä? soittakaa 044 555 1208", "044 555 1208"),
        # a small firm's or an association's mobile is its owner's or chair's phone
        ("Kuljetus Heikkilä Tmi, puh. 040 555 1210", "040 555 1210"),
        ("Kyläyhdistys ry, tfn 050 555 1211", "050 555 1211"),
        # a bare "info" label belongs to anyone: a resident's sale
        ("Myydään lastenrattaat 40 €. Info 040 555 1209", "040 555 1209"),
    ],
)
def test_a_persons_number_stays_masked(text: str, phone: str) -> None:
    assert phone in _masked(text)


def test_on_by_default() -> None:
    # on since the twelfth round's scoring (docs/personal-data.md, twelfth round)
    assert NameRules().organisation_phones
