"""The general mechanisms of the masker's fifth round: what a phone number is by the public
numbering plans (digit counts, never glued to a code, never a record's number), IBAN lengths
by country, and the guards for dates, companies and headlines.

The strings are written for these tests (not taken from the labelled set).
"""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from tests.rag.core.name_rules import BARE_OFF


def _found(text: str, kind: str) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, NameRules(**BARE_OFF)) if s.kind == kind]


@pytest.mark.parametrize(
    "phone",
    ["040 765 4321", "0457 765 4321", "050 765 432", "09 876 5432", "019 612 345", "070-765 43 21"],
)
def test_numbers_of_a_plan_length_are_phones(phone: str) -> None:
    assert _found(f"Soita numeroon {phone} kiitos.", "PHONE") == [phone]


@pytest.mark.parametrize(
    "number",
    [
        "0009 321 77",  # "00" opens an international number: too short for one
        "0719 3344",  # 07 numbers have ten digits
        "0442 12 3",  # a Finnish mobile number has nine digits or more
    ],
)
def test_numbers_outside_the_plan_lengths_are_kept(number: str) -> None:
    assert _found(f"Koodi {number} merkitty.", "PHONE") == []


def test_a_number_glued_to_a_code_is_no_phone() -> None:
    assert _found("Osa KV-0441 22 33 vaihdettu.", "PHONE") == []


@pytest.mark.parametrize(
    "label", ["Tilausnumero", "asiakasnro:", "Kundnummer", "ordernr", "sarjanumero", "Invoice #"]
)
def test_a_number_after_a_record_label_is_that_record(label: str) -> None:
    assert _found(f"{label} 040 771 2231 on kirjattu.", "PHONE") == []


def test_a_phone_label_after_a_record_number_still_finds_the_phone() -> None:
    text = "Asiakasnumero 0440 218 97, puhelin 040 771 2231."
    assert _found(text, "PHONE") == ["040 771 2231"]


def test_iban_lengths_by_country() -> None:
    assert _found("Tili FI21 1234 5600 0007 85 käytössä.", "IBAN") == ["FI21 1234 5600 0007 85"]
    # a Swedish VAT number and a tracking code are IBAN-shaped but of the wrong length
    assert find_pii("momsnr SE559988776601 ok", NameRules(**BARE_OFF)) == []
    assert find_pii("Lähetys KLFI 7781 0093 2214 5567 matkalla.", NameRules(**BARE_OFF)) == []


def _names(text: str) -> list[str]:
    return _found(text, "NAME")


@pytest.mark.parametrize("text", ["Eräpäivä 3 Jan 2027.", "Möte den 12 maj 2026 kl. 18."])
def test_a_month_beside_a_day_or_year_is_a_date(text: str) -> None:
    assert _names(text) == []


def test_the_same_word_as_a_first_name_is_still_a_name() -> None:
    assert _names("Puhuin eilen Jan Lindroosin kanssa.") == ["Jan Lindroosin"]


def test_a_company_mark_after_a_name_makes_it_a_company() -> None:
    assert _names("Urakan voitti Sanna Ay.") == []
    assert _names("Talkoissa oli mukana Jesper Ek.") == ["Jesper Ek"]


def test_a_title_case_headline_of_common_words_is_no_name() -> None:
    assert _names("Kevään Konsertti – Tervetuloa Kaikki Mukaan") == []
    assert _names("Vinterns Stora Marknad – Biljetter Säljs Nu") == []


def test_a_name_of_frequent_words_in_a_title_case_line_is_still_a_name() -> None:
    assert _names("Terveisin Toivo Kivi") == ["Toivo Kivi"]


def test_surnames_alone_in_a_vote_or_attendance_list_are_people() -> None:
    text = "Äänestys: Jaa: Lehtola, Mörn, Vartia. Ei: Haavisto ja Öhman. Poissa: Porvoo."
    assert _names(text) == ["Lehtola", "Mörn", "Vartia", "Haavisto", "Öhman"]
    text = "Närvarande: Sjögren Maja, ordförande; Lind Eero (§ 4)."
    assert _names(text) == ["Sjögren Maja", "Lind Eero"]
    assert _names("Motionen undertecknades av ledamöterna Falk, Rask och Vesterlund.") == [
        "Falk",
        "Rask",
        "Vesterlund",
    ]


def test_a_proposer_label_holds_one_person() -> None:
    assert _names("Ehdottaja: Ilmari Saarnio, Kannelmäki") == ["Ilmari Saarnio"]


def test_lists_switched_off_leave_the_surnames() -> None:
    rules = NameRules(**BARE_OFF, person_lists=False)
    assert [s for s in find_pii("Jaa: Lehtola, Mörn, Vartia.", rules) if s.kind == "NAME"] == []


def test_a_word_after_a_title_is_a_name() -> None:
    # the title joins the mask since the twenty-first round (titles_in_names)
    assert _names("I met Mrs. Kettunen yesterday.") == ["Mrs. Kettunen"]
    assert _names("Samtal med fru Grahn om bygget.") == ["fru Grahn"]


@pytest.mark.parametrize(
    "mail",
    [
        "leena.h punkt 5 snabel-a posti punkt fi",
        "tuomas kissanhäntä verkko piste fi",
        "kaisu.m@ kotiverkko.fi",
    ],
)
def test_spelled_out_and_slipped_e_mails(mail: str) -> None:
    assert _found(f"Viestit: {mail}, kiitos.", "EMAIL") == [mail]


def test_a_phone_in_brackets_at_the_end_of_a_sentence() -> None:
    assert _found("Numero on (017) 266 1180.", "PHONE") == ["(017) 266 1180"]


def test_an_address_with_staircase_flat_and_flat_letter() -> None:
    assert _found("Asun osoitteessa Vaahterakuja 9 C 14 B, Porvoo.", "ADDRESS") == [
        "Vaahterakuja 9 C 14 B"
    ]
    assert _found("Han bor på Strandvägen 5 A 2 i Borgå.", "ADDRESS") == ["Strandvägen 5 A 2"]


def test_a_name_in_capitals_after_a_form_label() -> None:
    assert _names("NIMI: RASK ILONA OSOITE: -") == ["RASK ILONA"]
    assert _names("Mottagare: BORGÅ STAD") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tulkkina toimi Oluwaseun Babatunde.", "Oluwaseun Babatunde"),
        ("Maksaja: Amaru Quispe, viite 1232.", "Amaru Quispe"),
        ("Handledare är planerare Ximena Quiroga vid sektorn.", "Ximena Quiroga"),
    ],
)
def test_rare_words_after_a_role_or_label_are_a_name(text: str, name: str) -> None:
    assert _names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Palaute: Kirjaston Lehtilukusali on ahdas.",
        "Aihe: Leikkipuisto Hamarissa",
        "Kulut: Venekyydit Pellingeen, eväät.",
        "Tarvitaan opastajia Kevätkummun Kirkonkylän suunnalle.",
        "Lisätään vartija Tove Janssonin puistoon.",
    ],
)
def test_a_label_before_a_phrase_or_a_place_is_no_name(text: str) -> None:
    assert _names(text) == []
