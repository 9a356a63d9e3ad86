"""First names standing alone (twelfth round): a word of a name found in the same text
mentioned again (echo_names, off by default) and a first name alone closing the text
(closing_names, on since the forty-fifth round). Every string is written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.closing_names import closing_names
from rag.core.privacy.echo_names import echoed_names
from rag.core.privacy.spans import PiiSpan
from tests.rag.core.name_rules import ROUND21_OFF

ECHOES = NameRules(echo_names=True)
CLOSING = NameRules(closing_names=True)
# The defaults without the switches the twenty-first round turned on (person_states among
# them) and without closing_names: what each switch of this module adds to the mechanisms of
# its time.
BEFORE_ROUND21 = NameRules(**ROUND21_OFF, closing_names=False)


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


def test_echoes_are_off_and_closing_names_on_by_default() -> None:
    defaults = NameRules()
    assert not defaults.echo_names
    assert defaults.closing_names  # since the forty-fifth round (docs/personal-data.md)


# -- a name mentioned again (echo_names.py)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the first name alone before the full name, and after it
        ("Meidän Toivo oli taas kipeä. Terveisin Reija Pulkkinen, Toivo Pulkkisen äiti", "Toivo"),
        ("Tuuli Saarela kävi toimistolla. Myöhemmin Tuuli jäi odottamaan.", "Tuuli"),
        # a case form of the found name's word
        ("Soita Lumi Kosolalle. Lumille käy parhaiten aamu.", "Lumille"),
        # a Swedish genitive, an English possessive
        ("Styrelsen valde Sten Forsman. Stens adress kommer senare.", "Stens"),
        ("Yesterday Grace Otieno called. Grace's appointment moves to Friday.", "Grace's"),
        ("Yesterday Grace Otieno called. Grace’s appointment moves to Friday.", "Grace’s"),
    ],
)
def test_a_found_names_word_mentioned_again(text: str, name: str) -> None:
    assert name in _names(text, ECHOES)
    assert name not in _names(text, BEFORE_ROUND21)


@pytest.mark.parametrize(
    "text",
    [
        # no name found: nothing to repeat
        "Toivo on vahva. Toivo kantaa pitkälle.",
        # the same word names a place there
        "Lovisa Strand flyttade till Lovisa i fjol.",
        # a function word of Swedish or English
        "May Lindroos var där. May we come too?",
    ],
)
def test_echoes_leave_words_that_name_no_one_here(text: str) -> None:
    assert _names(text, ECHOES) == _names(text)


def test_echoed_names_reads_only_name_spans() -> None:
    text = "Anna Berg, Annankatu 4. Anna soitti."
    # an address is no name: its words are not repeated as a person's
    assert echoed_names(text, [PiiSpan(11, 22, "ADDRESS")]) == []
    assert echoed_names(text, [PiiSpan(0, 9, "NAME")]) == [(24, 28)]


# -- a first name alone closing the text (closing_names.py)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Katuvalo on ollut rikki viikon, korjatkaa pian. Onni", "Onni"),
        ("Ring mig gärna om nyckeln. Sten", "Sten"),
        ("The bin was not emptied again. Thanks, Tom", "Tom"),
        ("Vi kommer båda på mötet. Ilta", "Ilta"),
        ("See you at the library! Cheers, Grace and Toivo", "Toivo"),
    ],
)
def test_a_first_name_closing_the_text(text: str, name: str) -> None:
    assert name in _names(text, CLOSING)
    assert name not in _names(text, BEFORE_ROUND21)


@pytest.mark.parametrize(
    "text",
    [
        # a function word, a month, a place, a system's name closing the text
        "Synpunkter från invånarna? Inga.",
        "Kokous siirtyy. Toukokuu",
        "Tervetuloa kesäteatteriin. Porvoo",
        "Viesti lähetetään huoltajille. Wilma",
        # a first name that is not the text's end, or not alone there
        "Onni soittaa huomenna lisää, ja asia hoidetaan.",
        "Tapahtuman järjestää Toivo ry.",
    ],
)
def test_closing_words_that_name_no_one(text: str) -> None:
    assert _names(text, CLOSING) == _names(text)


def test_closing_names_gives_both_names_of_a_pair() -> None:
    text = "Kiitos avusta! Terkuin Onni ja Aino"
    assert [text[start:end] for start, end in closing_names(text)] == ["Onni", "Aino"]
    assert closing_names("Kiitos avusta!") == []


@pytest.mark.parametrize(
    "text",
    [
        "Kiitos Paris ja Lontoo.",  # a first name joined to a place: a pair of places
        "Hälsningar, Sten och Kristinestad",
        "Thanks, Berlin and Grace",
    ],
)
def test_a_closing_pair_is_read_only_when_both_are_first_names(text: str) -> None:
    assert closing_names(text) == []


# -- a verb or state only a person takes (person_states.py)

STATES = NameRules(person_states=True)


def test_person_states_is_on_by_default() -> None:
    # on since the twenty-first round (docs/personal-data.md)
    assert NameRules().person_states


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Onni oli eilen kipeä, joten hän jäi kotiin.", "Onni"),
        ("Tom kommer inte i morgon.", "Tom"),
        ("Sten har glömt nyckeln hos grannen.", "Sten"),
        ("Kotona Toivo söi hyvin ja nukkui koko yön.", "Toivo"),
        ("On Monday Grace was sick.", "Grace"),
    ],
)
def test_a_first_name_before_a_persons_verb_or_state(text: str, name: str) -> None:
    assert name in _names(text, STATES)
    assert name not in _names(text, BEFORE_ROUND21)


@pytest.mark.parametrize(
    "text",
    [
        "Lumi oli eilen märkä ja raskas.",  # snow: no person's state
        "Tuuli oli kova koko päivän.",
        "Jos haluaa halvalla, kannattaa odottaa.",  # a conjunction opening the sentence
        "Moni haluaa uuden pyöräkatoksen.",  # a pronoun
        "Vi åt lunch på Café Ilta.",  # the verb before, not after the name
        "Porvoo on sairas kaupunki ilman puistoja.",  # a place
    ],
)
def test_person_states_leave_words_that_name_no_one(text: str) -> None:
    assert _names(text, STATES) == _names(text)
