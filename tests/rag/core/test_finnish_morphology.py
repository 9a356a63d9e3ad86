"""Finnish morphology from Voikko (rag/core/privacy/finnish_morphology.py) and the two name
mechanisms that use it (morphology_names, morphology_word_names in names.py).

The strings are written for these tests, not taken from the labelled set. Outside CI a
missing Voikko skips the tests that need it; in CI they fail, since .ci/run installs it. The
fallback (no libvoikko, no Finnish dictionary) is simulated and runs everywhere.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy import finnish_morphology as morphology
from rag.core.privacy.finnish_morphology import WordKind, read_word
from tests.conftest import require_tool


@pytest.fixture
def voikko() -> None:
    require_tool(morphology.available(), "Voikko (Debian voikko-fi libvoikko1, PyPI libvoikko)")


@pytest.fixture
def without_voikko(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """libvoikko cannot be imported (None in sys.modules makes the import fail)."""
    morphology.reset()
    monkeypatch.setitem(sys.modules, "libvoikko", None)
    yield
    monkeypatch.undo()
    morphology.reset()


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


@pytest.mark.usefixtures("voikko")
def test_readings_tell_people_words_places_and_unknown_words() -> None:
    surname = read_word("Virtaselle")
    assert surname.kind is WordKind.PERSON and surname.surname and not surname.first_name
    assert surname.person_base_forms == ("Virtanen",)
    # "Mäki" is a surname and "hill": its genitive needs context
    hill = read_word("Mäeltä")
    assert hill.kind is WordKind.PERSON_OR_WORD and hill.person_base_forms == ("Mäki",)
    assert read_word("Lahja").kind is WordKind.PERSON_OR_WORD and read_word("Lahja").first_name
    assert read_word("Porvoossa").kind is WordKind.PLACE
    assert read_word("Kannatan").kind is WordKind.WORD
    assert read_word("Xqvörtz").kind is WordKind.UNKNOWN
    assert read_word("").kind is WordKind.UNKNOWN and read_word("050").kind is WordKind.UNKNOWN
    assert "kollega" in read_word("kollegalleni").base_forms
    # a double name is a person; a common word that ends in a name is not
    assert read_word("Anna-Liisan").kind is WordKind.PERSON
    assert read_word("Info-lehtisiä").kind is WordKind.WORD


@pytest.mark.usefixtures("voikko")
def test_readings_are_the_same_from_many_threads() -> None:
    words = ["Virtaselle", "Mäeltä", "Porvoossa", "asukas", "Holmströmille", "Lahjalle"] * 30
    read_word.cache_clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(read_word, words))
    read_word.cache_clear()
    assert threaded == [read_word(w) for w in words]


@pytest.mark.usefixtures("voikko")
def test_a_word_known_only_as_a_person_is_a_name_alone() -> None:
    off = NameRules(morphology_names=False)
    for text, name in (
        ("Kokouksessa Wahlroos kannatti esitystä.", "Wahlroos"),
        ("Soitin eilen Åbergille asiasta.", "Åbergille"),
        ("Vi ringde till Forsman i går.", "Forsman"),
    ):
        assert _names(text) == [name], text
        assert _names(text, off) == [], text
    # Voikko knows "Annalle" only as the name (the verb "antaa" has no such form): a name even
    # at a sentence start, where the first-name lists need more evidence
    assert _names("Annalle kuuluu hyvää.") == ["Annalle"]
    assert _names("Annalle kuuluu hyvää.", off) == []


@pytest.mark.usefixtures("voikko")
def test_morphology_names_leave_places_words_and_named_places_alone() -> None:
    for text in (
        "Matkustimme Porvoosta Loviisaan.",
        "Tapaaminen on Ojalan puistossa.",  # named after the person: a place
        "Porvoo City Hall on auki.",  # a frequent English word Voikko knows as a surname
        "Mäen rinteellä on lunta.",  # "hill" as well as a surname, no name beside it
        "Ehdotamme Koskelaan puistoa.",  # a surname in a local case: where one goes
        "Maunulan asukkaat toivovat puistoa.",  # a surname in -la: also a district
        "Lahja saapui postissa.",  # "gift" as well as a first name
    ):
        assert _names(text) == [], text


@pytest.mark.usefixtures("voikko")
def test_a_name_that_is_also_a_word_needs_a_kin_or_role_noun_or_a_name_beside_it() -> None:
    # (the context of names and the role nouns, on by default, read the same nouns: off too)
    # (person_verbs, on since the sixty-ninth round, reads "Lahja soitti" too: off here)
    off = NameRules(
        morphology_word_names=False,
        context_word_names=False,
        role_noun_names=False,
        person_verbs=False,
    )
    assert _names("Tytär Lahja soitti eilen.") == ["Lahja"]
    assert _names("Tytär Lahja soitti eilen.", off) == []
    assert _names("Naapurini Satu lupasi auttaa.") == ["Satu"]
    assert _names("Naapurini Satu lupasi auttaa.", off) == []
    # beside a name found: "Mäen" before the genitive of a first name
    assert _names("Kävin Mäen Anjan luona.") == ["Mäen", "Anjan"]
    assert _names("Kävin Mäen Anjan luona.", off) == ["Anjan"]


def test_without_libvoikko_every_word_is_unknown_and_names_are_found_as_before(
    without_voikko: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger=morphology.__name__):
        assert read_word("Virtaselle").kind is WordKind.UNKNOWN
        assert not morphology.available()
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1  # once, not once per word
    assert "ei ole käytössä" in warnings[0] and "is not available" in warnings[0]
    # the other mechanisms go on: a known first name, a surname's own ending
    assert _names("Soitin eilen Jarmolle ja Lindqvistille.") == ["Jarmolle", "Lindqvistille"]
    assert _names("Kokouksessa Wahlroos kannatti esitystä.") == []


def test_a_missing_finnish_dictionary_is_the_same_fallback(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        import libvoikko
    except ImportError:
        require_tool(False, "the libvoikko wrapper (PyPI libvoikko)")

    def no_dictionary(language: str) -> None:
        raise libvoikko.VoikkoException("Specified dictionary variant was not found")

    morphology.reset()
    monkeypatch.setattr(libvoikko, "Voikko", no_dictionary)
    try:
        with caplog.at_level(logging.WARNING, logger=morphology.__name__):
            assert read_word("Holmström").kind is WordKind.UNKNOWN
        assert "dictionary variant was not found" in caplog.text
        assert _names("Kävin Mäen Anjan luona.") == ["Anjan"]
        # the kinship rule still reads the first-name lists, which know "Lahja"
        assert _names("Tytär Lahja soitti eilen.") == ["Lahja"]
    finally:
        monkeypatch.undo()
        morphology.reset()
