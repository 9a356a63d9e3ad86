"""Initials without full stops are a person's only in a slot a person fills: a signature, a
speaker's label, a presence list, after an official's title (bare_initials.py, the
twenty-sixth round). Acronyms, units, weekdays and degrees stay readable. The examples are
written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

_ON = NameRules(bare_initials=True)
# (a note signed "/TK" is the twenty-seventh round's dash signature too: off here)
_OFF = NameRules(bare_initials=False, dash_signatures=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Lasku korjattu ja lähetetty uudelleen 3.2.\n/TK", ["TK"]),
        ("Kuvat liitteenä. RS", ["RS"]),
        ("Terv. AK", ["AK"]),
        ("PL: onko kaava valmis?\nSV: ei vielä", ["PL", "SV"]),
        ("Närvarande: BN, EL och KN (ordf.)", ["BN", "EL", "KN"]),
        ("Ärendet bereddes av förvaltningsdirektör ES.", ["ES"]),
        ("Klienten sov. Antecknat av OH", ["OH"]),
    ],
)
def test_initials_in_a_persons_slot(text: str, initials: list[str]) -> None:
    assert _masked(text) == initials
    assert _masked(text, _OFF) == []


@pytest.mark.parametrize(
    "text",
    [
        "Asia siirtyy KV:n käsiteltäväksi. Lisätiedot EU",  # a body, signature-like
        "Läsnä: KH ja Anna-Liisa Berg",  # not every item is initials: no list of initials
        "Esittelijä, tilintarkastaja KHT",  # a qualification
        "Kokous pidetään KE klo 10. Luokka III",  # a weekday, a numeral
        "Raportti valmistui klo 10 AM",  # a time
        "Vi ses på mötet. IT",  # an acronym signing off
        "HL-kortti on voimassa, kysy lisää IT-tuesta",  # a compound
    ],
)
def test_acronyms_and_units_stay_readable(text: str) -> None:
    assert _masked(text) == _masked(text, _OFF)


def test_one_speakers_label_is_no_chat() -> None:
    assert _masked("RT: möte flyttat till torsdag", _ON) == []
