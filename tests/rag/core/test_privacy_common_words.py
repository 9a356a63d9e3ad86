"""Ordinary words from dictionaries that keep names apart (common_words.py: Voikko, the Debian
word lists wswedish, wamerican, wbritish) and their use in the masker: a first name that is
frequent in text only as a name ("Joseph", "Luis") is no word, so it needs no surname-shaped
next word; names that are words ("Per", "Bo", "Dag", "Eli") keep their guard.

The strings are written for these tests, not taken from the labelled set. Outside CI a
missing dictionary skips the tests that need it; .ci/run installs them. The fallback (a word
list missing) is simulated and runs everywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from rag.core.privacy import NameRules, common_words, find_pii, finnish_morphology, first_names
from rag.core.privacy.common_words import is_common_word, unknown_everywhere
from rag.core.privacy.first_names import is_word_like, is_word_like_in_dictionaries
from tests.conftest import require_tool


def _all_dictionaries() -> bool:
    return finnish_morphology.available() and all(
        any(path.exists() for path, _ in paths) for paths in common_words.WORD_LISTS.values()
    )


@pytest.fixture
def dictionaries() -> None:
    require_tool(
        _all_dictionaries(), "Voikko and the word lists (Debian voikko-fi wswedish wamerican)"
    )


@pytest.fixture
def without_word_lists(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The Swedish and English word lists are missing: each path points nowhere."""
    missing = {
        language: tuple((tmp_path / path.name, encoding) for path, encoding in paths)
        for language, paths in common_words.WORD_LISTS.items()
    }
    monkeypatch.setattr(common_words, "WORD_LISTS", missing)
    common_words.reset()
    first_names.configure()  # drops the cached answers
    yield
    monkeypatch.undo()
    common_words.reset()
    first_names.configure()


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.usefixtures("dictionaries")
def test_the_dictionaries_tell_words_from_names() -> None:
    # lower-case entries are words; "Joseph" is only capitalised in the English list
    assert is_common_word("per", "sv") and is_common_word("per", "en")
    assert is_common_word("bo", "sv") and is_common_word("dag", "sv")
    assert not is_common_word("joseph", "en") and not is_common_word("joseph", "sv")
    # Voikko: "eli" is a conjunction, "joseph" and "luis" only names or unknown
    assert is_common_word("eli", "fi") and is_common_word("Satu", "fi")
    assert not is_common_word("joseph", "fi") and not is_common_word("luis", "fi")
    assert unknown_everywhere("Okafor") and unknown_everywhere("Chinedu")
    assert not unknown_everywhere("Porvoo") and not unknown_everywhere("Abraham")


@pytest.mark.usefixtures("dictionaries", "without_other_lists")
def test_a_name_frequent_only_as_a_name_is_no_word() -> None:
    for name in ("Joseph", "Luis", "David"):
        assert not is_word_like_in_dictionaries(name), name
    for name in ("Per", "Bo", "Dag", "Eli", "Will", "Usko"):
        assert is_word_like_in_dictionaries(name), name
    # alone, a name written often is still judged by frequency: it may be a place
    assert is_word_like("Paris") and not is_word_like_in_dictionaries("Paris")
    assert _names("Kiitos Paris ja Lontoo.") == []
    assert _names("Igår ringde Joseph Mensah om böter.") == ["Joseph Mensah"]
    assert _names("Eilen soitti Joseph Smith.") == ["Joseph Smith"]
    assert _names("Yesterday Luis Ortega called the office.") == ["Luis Ortega"]
    # by frequency alone (the dictionaries off) the register's "Joseph" is a word and the
    # pair is lost (the list of names of other origins, which holds it, left out)
    first_names.configure(dictionaries=False, other_origin=False)
    try:
        assert is_word_like_in_dictionaries("Joseph")
        # (without the context of a verb of calling, which confirms a first name alone)
        without_context = NameRules(context_word_names=False)
        assert _names("Eilen soitti Joseph Smith.", without_context) == []
    finally:
        first_names.configure(dictionaries=True, other_origin=True)


@pytest.mark.usefixtures("dictionaries")
def test_words_that_are_names_too_stay_words() -> None:
    for text in (
        "Per capita kostnaderna steg i fjol.",
        "Bo i Borgå är trevligt för barnfamiljer.",
        "Dag för dag blir parken bättre.",
        "Eli Porvoo tarvitsee lisää pyöräteitä.",
        "Will Porvoo build the new bridge?",
    ):
        assert _names(text) == [], text


@pytest.mark.usefixtures("dictionaries")
def test_a_well_known_name_before_a_genitive_and_a_noun_is_a_thing_named_after_a_person() -> None:
    assert _names("Albert Ankers ateljé visas för besökare.") == []
    assert _names("Vi träffade Albert Anker i går.") == ["Albert Anker"]


@pytest.mark.usefixtures("dictionaries")
@pytest.mark.parametrize(
    "text",
    [
        "Welcome to Holm House!",  # a museum: a surname and the English "House"
        "The exhibition moves to Holm House in May.",
        "Holm House är stängt på måndagar.",
    ],
)
def test_a_house_named_after_a_person_is_a_place(text: str) -> None:
    # the fifty-ninth round: "House" is never part of a person's name (docs/personal-data.md)
    assert _names(text) == []
    assert _names(text.replace("Holm House", "Erik Holm")) == ["Erik Holm"]


@pytest.mark.usefixtures("dictionaries")
def test_a_person_by_a_house_is_still_a_person() -> None:
    # the word alone makes no office: a resident's house and a name beside it stay masked
    text = "Our house at Sahakatu 7 was flooded last night. Erik Holm"
    assert [text[s.start : s.end] for s in find_pii(text)] == ["Sahakatu 7", "Erik Holm"]


@pytest.mark.usefixtures("without_other_lists")
@pytest.mark.usefixtures("dictionaries")
def test_two_words_no_dictionary_knows_are_a_name_with_the_switch_on() -> None:
    on = NameRules(unknown_pairs=True)
    text = "Kokoukseen saapui myös Chinedu Okafor naapurista."
    assert _names(text, on) == ["Chinedu Okafor"]
    assert _names(text, NameRules(unknown_pairs=False)) == []
    # a place the Swedish list knows, a word Voikko knows: no pair
    assert _names("Vi cyklade till Abisko Fjällstation i somras.", on) == []


@pytest.mark.usefixtures("without_word_lists")
def test_missing_word_lists_fall_back_to_the_frequency_with_one_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger=common_words.__name__):
        assert is_common_word("per", "sv") is None
        assert is_common_word("joseph", "en") is None
        assert is_common_word("per", "en") is None
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 2  # one per language, not one per word
    assert all("puuttuu" in w and "is missing" in w for w in warnings)
    # frequency alone, as before: "Will" stays a word, no pair of unknown words is told
    assert is_word_like_in_dictionaries("Will")
    assert not unknown_everywhere("Okafor")
    assert _names("Will Porvoo build the new bridge?") == []
