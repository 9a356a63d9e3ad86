"""The broad first-name register (name_register.py), the word guard (word_frequency.py) and
the fourth-round name mechanisms and identifier guards.

The strings are written for these tests, not taken from the labelled set; each mechanism is
also switched off (NameRules) to show the string depends on it.
"""

from __future__ import annotations

import sys

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy import name_register as register_module
from rag.core.privacy.first_names import (
    is_confident_first_name,
    is_first_name,
    is_inflected_first_name,
    is_local_first_name,
    is_word_like,
)
from rag.core.privacy.name_register import NameDataError, name_register, parse
from tests.rag.core.name_rules import NO_MORPHOLOGY


def _names(text: str, rules: NameRules | None = None) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == "NAME"]


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in find_pii(text)]


def test_the_register_loads_from_the_installed_package() -> None:
    names = name_register()
    assert len(names) > 40_000
    assert names["pär"].sweden > 0 and names["tyyne"].finland > 0
    assert names["mehmet"].anywhere > names["mehmet"].finland == 0
    assert "abdel-aziz" in names and "abdelaziz" in names  # "Abdel+Aziz" in the file


def _line(gender: str, name: str, marker: str = " ", columns: dict[int, str] | None = None) -> str:
    countries = [" "] * 55
    for offset, value in (columns or {}).items():
        countries[offset] = value
    return f"{gender:<3}{name:<26}{marker}{''.join(countries)}$"


def test_parse_reads_the_fixed_columns_and_skips_comments_pairs_and_resorted_lines() -> None:
    text = "\r\n".join(
        [
            "# a comment",
            "=  Abe Abraham" + " " * 80,
            _line("M", "Pär", "-", {18: "5"}),
            _line("M", "Pär", "+", {18: "5"}),
            _line("F", "Kai", columns={19: "5"}),
            _line("M", "Kai", columns={0: "6", 19: "2"}),
            _line("M", "Jun+Wei", columns={49: "3"}),
        ]
    )
    names = parse(text)
    assert set(names) == {"pär", "kai", "jun-wei", "junwei"}
    assert (names["kai"].finland, names["kai"].english, names["kai"].anywhere) == (5, 6, 6)
    assert names["pär"].sweden == 5 and names["jun-wei"].anywhere == 3


def test_bad_name_data_is_a_clear_error_naming_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NameDataError, match=r"nam_dict\.txt, line 1: shorter"):
        parse("M  Pär   5\n", "nam_dict.txt")
    with pytest.raises(NameDataError, match="no names"):
        parse("# only a comment\n", "nam_dict.txt")
    monkeypatch.setattr(register_module, "_PACKAGE", "no_such_name_package")
    with pytest.raises(NameDataError, match=r"nam_dict\.txt.*make install"):
        register_module._read_text()


@pytest.mark.usefixtures("without_other_lists")
def test_register_names_that_are_frequent_words_are_word_like() -> None:
    for word in ("Sun", "Alla", "Koko", "Eli"):  # English "sun", Swedish "alla", Finnish
        assert is_first_name(word) and is_word_like(word), word
    for name in ("Kicki", "Femi", "Oddvar", "Dragan"):
        assert is_first_name(name, word_like=False), name
    # popular as a name, so often written: not a word ("Fredrik", "Marit")
    assert not is_word_like("Fredrik") and not is_word_like("Marit")
    # a register name at the start of a sentence must be no word at all
    assert is_confident_first_name("Oddvar") and not is_confident_first_name("Mehmet")


@pytest.mark.usefixtures("without_other_lists")
def test_an_inflected_register_name_must_not_itself_be_a_frequent_word() -> None:
    assert is_inflected_first_name("Femille") and is_inflected_first_name("Oddvars")
    assert is_local_first_name("Sirkulle") and is_local_first_name("Gun-Maj")
    assert not is_local_first_name("Femille") and not is_local_first_name("Redi")
    for word in ("Teille", "Asukas"):  # "to you"; "resident", not Tei or Asuka
        assert not is_inflected_first_name(word), word


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asiaa hoitaa Dragan Petrović.", "Dragan Petrović"),
        ("Hakemuksen teki Kicki Ekholm.", "Kicki Ekholm"),
        ("Soitin eilen Sirkulle asiasta.", "Sirkulle"),  # a Finnish case of a register name
        ("Vi lånade Kickis cykel.", "Kickis"),  # the Swedish genitive
        ("Kysy Femi Adeyemiltä.", "Femi Adeyemiltä"),  # a name from elsewhere, with a surname
        ("Yhteyshenkilö Şükrü Yıldız", "Şükrü Yıldız"),  # Turkish letters
    ],
)
def test_names_of_the_register_are_names(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Hej Alla!",
        "Ros till biblioteket.",
        "Kiitos, Tekninen lautakunta",
        "Hyvä Asukas",
        "Kaupunki voisi vuokrata Redistä tilan.",  # a name from elsewhere alone: a shop
        "Kylttejä lisää Talin alueelle.",  # ... or a district
        "Lapset tulevat, Samalla korjataan penkit.",  # a register name that is a word
        "The Kaisaniemi fountain could sing.",
        "Pihaa jatketaan päiväkoti Tanelin aitaan asti.",  # a name after an institution
        "Istutuksia esimerkiksi Cafe Ursulan eteen.",  # ... or a business
        "Kota Lauttasaareen",  # a register name before an illative is a title
    ],
)
def test_words_that_are_rare_names_and_adjectives_before_a_body_stay(text: str) -> None:
    assert _names(text) == []


@pytest.mark.usefixtures("without_other_lists")
def test_any_register_name_in_a_person_case_inside_a_sentence() -> None:
    text = "Soitin eilen Mehmetille ja kysyin Ayeshalta."
    assert _names(text) == ["Mehmetille", "Ayeshalta"]
    assert _names(text, NameRules(person_cases=False, context_word_names=False)) == []
    # the start of a sentence, another case, a web address: not enough
    for other in ("Mehmetille soitettiin.", "Kävin Redistä.", "Lue lisää Kimalle.fi -sivulta."):
        assert _names(other) == [], other


def test_a_surname_first_list_item() -> None:
    text = "Osallistujat: Heikkinen Raili, Koskinen Aarne"
    assert _names(text) == ["Heikkinen Raili", "Koskinen Aarne"]
    # (the list items of name_short_forms.py read the same pairs: off too)
    off = NameRules(surname_first=False, surname_first_items=False, **NO_MORPHOLOGY)
    assert _names(text, off)[0] == "Raili"


def test_a_patronymic_between_first_name_and_surname() -> None:
    text = "Talon rakensi Aarne Erkinpoika Sorsa 1850-luvulla."
    assert _names(text) == ["Aarne Erkinpoika Sorsa"]
    # (the role nouns read "-poika" as "son" and take the surname after it: off too)
    off = NameRules(patronymics=False, role_noun_names=False, **NO_MORPHOLOGY)
    assert _names(text, off) == ["Aarne Erkinpoika"]


def test_a_lower_case_surname_after_a_chat_name() -> None:
    text = "moi, täällä raili heikkinen, kysyisin yhtä asiaa"
    assert _names(text) == ["raili heikkinen"]
    # (lower_case_full_names and trailing_surnames read the same pair: off too, so the switch
    # is measured alone)
    off = NameRules(
        chat_surnames=False,
        lower_case_full_names=False,
        introduced_names=False,
        trailing_surnames=False,
    )
    assert _names(text, off) == ["raili"]


# The ninety-sixth round (``chat_surnames_read``): the word after a chat name joins it also
# when it reads as a surname though it is a common word too ("nurmi" lawn, "virta" stream).
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("asiakas: moi mun nimi on ville nurmi ja mun auto hinattiin pois", "ville nurmi"),
        ("hei täs sanna virta, en pääse huomenna uimakouluun", "sanna virta"),
    ],
)
def test_a_lower_case_surname_that_is_also_a_word_after_a_chat_name(text: str, name: str) -> None:
    assert NameRules().chat_surnames_read
    assert _names(text) == [name]
    first = name.split()[0]
    off = NameRules(
        chat_surnames_read=False,
        introduced_names=False,
        labelled_names=False,
        trailing_surnames=False,
    )
    assert _names(text, off) == [first]


@pytest.mark.parametrize(
    "text",
    [
        "moi täs sanna kysyisin vaan et onko uimahalli auki",  # a verb after the name
        "hei oon ville porvoosta ja kysyisin",  # a place in a case form
    ],
)
def test_a_word_after_a_chat_name_that_is_no_surname_stays_out(text: str) -> None:
    assert _names(text) == [text.split()[2]]


def test_a_place_word_as_the_surname_of_a_listed_person() -> None:
    text = "Paikalla: Raili Kotka, Aarne Ranta."
    assert _names(text) == ["Raili Kotka", "Aarne Ranta"]
    off = _names(
        text, NameRules(word_surnames=False, place_word_surnames=False, register_pairs=False)
    )
    assert "Raili" in off and "Raili Kotka" not in off and "Aarne Ranta" not in off
    # a place in a case form, or a place word mid-sentence, stays a place
    assert _names("Raili Kotkasta toi kakun.") == ["Raili"]


def test_identity_codes_need_a_real_date() -> None:
    assert _found("personnummer 850614-2382") == [("850614-2382", "HETU")]
    assert _found("personnummer 221045-0394") == [("221045-0394", "HETU")]  # DDMMYY
    assert _found("Tunnus 131052-308T") == [("131052-308T", "HETU")]
    assert _found("Organisationsnummer 556214-7313") == []  # month 62
    assert _found("Tunnus 321399-123A") == []  # day 32, month 13


def test_payment_references_are_never_phones() -> None:
    assert _found("Maksa viitteellä RF18 5390 0754 7034") == []
    assert _found("Viitenumero 12345 67890 12") == []
    assert _found("Referens: 0401 2345 67") == []
    assert _found("Puhelin 040 123 4567") == [("040 123 4567", "PHONE")]


def test_missing_word_lists_are_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from rag.core.privacy import word_frequency

    monkeypatch.setitem(sys.modules, "wordfreq", None)  # an import of it now fails
    word_frequency._frequencies.cache_clear()
    try:
        with pytest.raises(word_frequency.WordDataError, match="wordfreq.*make install"):
            word_frequency._frequencies("fi")
    finally:
        word_frequency._frequencies.cache_clear()
