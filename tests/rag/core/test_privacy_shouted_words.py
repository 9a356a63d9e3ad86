"""Names in a line in capitals read by their own words (letter_case.py, the eighty-fourth
round): the common words the title-cased copy joins to a name's front are cut off before the
name is judged (``shouted_runs_trimmed``: "HEI OLEN ESKO PARTANEN"), and a first name that is no
word counts with one word Voikko reads as a person's name though it is a word too
(``shouted_word_surnames``: "PAAVO JÄRVINEN"). Every string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


def _masked(text: str, name: str, rules: NameRules | None = None) -> bool:
    """Every letter of ``name`` lies in a mask (one span or several)."""
    start = text.index(name)
    spans = find_pii(text, rules)
    return all(
        any(s.start <= i < s.end for s in spans)
        for i in range(start, start + len(name))
        if text[i].isalnum()
    )


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("HEI OLEN ARTTURI PARTANEN JA ASUN KERKKOLASSA", "ARTTURI PARTANEN"),
        ("HEI TÄÄLLÄ TAPIO RÄSÄNEN, MEIDÄN KATU ON JÄÄSSÄ", "TAPIO RÄSÄNEN"),
        ("HEJ JAG HETER GÖRAN LINDELL OCH BOR I KVARNBACKEN", "GÖRAN LINDELL"),
        ("VASTAANOTTAJAT: SIRKKA HEIKKINEN JA ERKKI PURANEN", "ERKKI PURANEN"),
    ],
)
def test_a_lead_joined_to_a_name_in_capitals_is_cut_off(text: str, name: str) -> None:
    assert _masked(text, name)  # on by default
    # (a small conjunction, the ninety-fourth round, splits "... HEIKKINEN JA ERKKI" too: off)
    off = NameRules(shouted_runs_trimmed=False, shouted_conjunctions=False, introduced_names=False)
    assert not _masked(text, name, off)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ILMOITTAJA ON PAAVO JÄRVINEN, SOITTAKAA", "PAAVO JÄRVINEN"),
        ("PUHEENJOHTAJA ESKO MÄKINEN AVASI KOKOUKSEN", "ESKO MÄKINEN"),
        ("KORTET TILLHÖR JOHANNES VIRTA", "JOHANNES VIRTA"),
    ],
)
def test_a_first_name_and_a_surname_that_is_a_word_in_capitals(text: str, name: str) -> None:
    assert name in _names(text)  # on by default
    assert name not in _names(text, NameRules(shouted_word_surnames=False))


def test_a_surname_in_front_is_not_cut_off() -> None:
    # "Toivonen" is a word and a surname: a surname-first name stays whole
    assert "TOIVONEN SEPPO" in _names("OSALLISTUJAT: TOIVONEN SEPPO, AHO TIINA")


@pytest.mark.parametrize(
    "text",
    [
        "OLEN TYYTYVÄINEN PALVELUUN",  # no name at all
        "ANNA PALAUTETTA KAUPUNGILLE",  # a first name that is a word
        "PORVOON KAUPUNKI TIEDOTTAA: KIRKKOKATU SULJETAAN",
        "TOIVO ON VIIMEINEN JOKA SAMMUU",  # a first name that is a word, then common words
    ],
)
def test_capitals_without_a_person_stay(text: str) -> None:
    assert _names(text) == []
