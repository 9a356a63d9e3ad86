"""Names that are also words or frequent Swedish/English words, found by a person's evidence
beside them (eleventh round): the context of names (on), names after a family or role noun,
a person's slots and titles joined to the name (on since the twenty-first round). Every
string is written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.role_names import person_noun
from tests.rag.core.name_rules import ROUND21_OFF

# Both read a name beside a role noun: each is measured with the other off (and with the
# switches the twenty-first round turned on off, person slots and titles among them, and the
# forty-third round's salutation_names, which reads "Hej Kim!" too).
WITHOUT_CONTEXT = NameRules(
    **ROUND21_OFF,
    introduced_names=False,
    context_word_names=False,
    role_noun_names=False,
    salutation_names=False,
    closing_names=False,
    person_verbs=False,  # (on since the sixty-ninth round: it reads "Onni kertoi" too)
)
BEFORE_ROUND21 = NameRules(**ROUND21_OFF)
ROLE_NOUNS = NameRules(role_noun_names=True, context_word_names=False)
SLOTS = NameRules(person_slots=True, context_word_names=False, role_noun_names=False)
TITLES = NameRules(titles_in_names=True)


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


# -- the context of names (context_names.py), on by default


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Igår ringde Tom om nycklarna.", "Tom"),
        ("Hej Kim! Mötet flyttas till torsdag.", "Kim"),
        ("Vår son Maja? Nej, vår dotter Maja börjar i skolan.", "Maja"),
        ("Kysyin asiaa, ja sitten Onni kertoi koko jutun.", "Onni"),
    ],
)
def test_a_first_name_that_is_a_word_in_a_persons_context(text: str, name: str) -> None:
    assert name in _names(text)
    assert name not in _names(text, WITHOUT_CONTEXT)


@pytest.mark.parametrize(
    "text",
    [
        "Lapsi leikkii pihalla koko päivän.",  # a role noun before a word that is no name
        "Eleven bör ta med egen matsäck.",
        "Teacher training starts in May.",
        "Satu kertoo prinsessasta ja lohikäärmeestä.",  # a word opening a sentence
        "Tack Borgå och Lovisa för samarbetet!",  # thanks to places
        "Kiitos Paris ja Lontoo.",
        "Hej alla! Mötet börjar klockan nio.",  # a function word after a greeting
        "Skicka ett meddelande i Wilma till läraren.",  # a system's name
        "Tuuli kääntyi yöllä pohjoiseen.",
    ],
)
def test_words_beside_person_words_stay(text: str) -> None:
    assert _names(text) == []


# -- names after a family or role noun (role_names.py), off


@pytest.mark.usefixtures("without_other_lists")
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Min son Tor är sjuk i dag.", "Tor"),
        ("Min dotter Siri är sjuk i dag.", "Siri"),  # a voice assistant's name elsewhere
        ("Sjukskötaren Nora ringer tillbaka.", "Nora"),
        ("Eleven Vilgot saknas på listan.", "Vilgot"),
        ("Our daughter Grace's glasses were left at school.", "Grace"),
        ("Pappa till Kim hämtar i dag.", "Kim"),
        ("Erityisopettaja Satu soittaa huomenna.", "Satu"),
    ],
)
def test_a_name_after_a_family_or_role_noun(text: str, name: str) -> None:
    assert name in _names(text, ROLE_NOUNS)
    assert name not in _names(text, WITHOUT_CONTEXT)


@pytest.mark.parametrize(
    "text",
    [
        "Lapsi leikkii pihalla koko päivän.",
        "Eleven bör ta med egen matsäck.",
        "Teacher training starts in May.",
        "Lähetä viesti opettajalle Wilman kautta.",  # the noun's case and the name's differ
        "The library is open Mon–Fri.",  # "open" is no form of "ope"
        "President Anna Lindh visited.",  # an English word ending like a noun of the list
        "Koululaisille Hermanniin uusi kerho.",  # a place in the illative
    ],
)
def test_role_nouns_before_words_and_places_stay(text: str) -> None:
    assert _names(text, ROLE_NOUNS) == _names(text, WITHOUT_CONTEXT)


def test_person_nouns_in_their_forms() -> None:
    assert person_noun("barnskötaren") == ("barnskötare", "")
    assert person_noun("dottern") == ("dotter", "")
    assert person_noun("opettajallemme")[0] == "opettaja"  # type: ignore[index]
    assert person_noun("opettajalle") == ("opettaja", "lle")
    for word in ("open", "president", "leikkii", "training", "bör"):
        assert person_noun(word) is None, word


# -- a person's slots (person_slots.py), off


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hi Tom, the meeting moved to Friday.", "Tom"),
        ("Vastaa tähän: Hej Kim! Tack för bilderna.", "Kim"),
        ("Hello Maria, it's Raj, call me later.", "Raj"),
        ("This is Chloé from the library.", "Chloé"),
        ("See you then.\nCheers, Tom", "Tom"),
        ("Vår Tuuli (6 år) vill börja simskola.", "Tuuli"),
    ],
)
def test_a_name_in_a_persons_slot(text: str, name: str) -> None:
    assert name in _names(text, SLOTS)
    assert name not in _names(text, WITHOUT_CONTEXT)


@pytest.mark.parametrize(
    "text",
    [
        "Hej alla! Välkomna.",
        "Hi all, see you soon.",
        "It's May, the park opens.",
        "It's OK, thanks.",
        "Dear Sir, thank you.",
        "Projekti (3 v) alkaa syksyllä.",
    ],
)
def test_slots_without_a_name_stay(text: str) -> None:
    assert _names(text, SLOTS) == []


# -- titles joined to the name, off


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please ask Mrs. Lindqvist about the keys.", "Mrs. Lindqvist"),
        ("Soitin rouva Ahola eilen.", "rouva Ahola"),
        ("Farmor Gunnel fyller 90 i morgon.", "Farmor Gunnel"),
    ],
)
def test_the_title_joins_the_name(text: str, name: str) -> None:
    assert name in _names(text, TITLES)
    assert name not in _names(text, BEFORE_ROUND21)


def test_a_capitalised_word_that_is_no_title_stays_out() -> None:
    text = "Kokous: Anna Virtanen kertoi."
    assert _names(text, TITLES) == _names(text)
