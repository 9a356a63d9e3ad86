"""The placeholders of forms and templates (form_placeholders.py) stay readable; a person's
data in a filled-in form, and numbers that only look made up, stay masked. The examples are
written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.form_placeholders import (
    counting_digits,
    placeholder_address,
    placeholder_name,
    repeated_digits,
    template_text,
)

# Off by default (the eleventh round's pooled rule): these tests switch it on.
_ON = NameRules(form_placeholders=True)
_OFF = NameRules(form_placeholders=False)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("Lomake: Nimi: Etunimi Sukunimi, allekirjoitus.", "Etunimi Sukunimi"),
        ("Blankett. Namn: Förnamn Efternamn, personbeteckning.", "Förnamn Efternamn"),
        ("Registrera dig: Gatuadress 4 B 2, postnummer och ort.", "Gatuadress 4 B 2"),
        ("Ilmoittautuminen: Katuosoite 3 A 5, postinumero, kunta.", "Katuosoite 3 A 5"),
        ("Hakemuksen kentät: puhelin 045 000 0000 ja sähköposti.", "045 000 0000"),
        ("Fältet telefon: +358 50 999 9999 (ändra före utskick).", "+358 50 999 9999"),
    ],
)
def test_a_placeholder_stays_readable_and_is_masked_with_the_switch_off(
    text: str, placeholder: str
) -> None:
    assert not any(placeholder in m or m in placeholder for m in _masked(text))
    assert any(m in placeholder for m in _masked(text, _OFF))


def test_in_a_template_a_counting_number_and_the_senders_account_stay_readable() -> None:
    text = (
        "Viestipohja: Hei [vastaanottajan nimi], soita 044 123 4567 "
        "tai maksa FI49 5000 9420 0287 30."
    )
    assert _masked(text) == []
    assert len(_masked(text, _OFF)) == 2


@pytest.mark.parametrize(
    ("text", "personal"),
    [
        # a resident's own number that counts up, outside a template
        ("Soittakaa minulle numeroon 044 123 4567 iltaisin.", "044 123 4567"),
        # a filled-in template names its person: the data in it are theirs
        ("Viestipohja: Hei Kaarina Lehtola, tilisi FI49 5000 9420 0287 30 on kirjattu.", "FI49"),
        # a number ending in zeros but not all zeros after the area code (an office's line)
        ("Asiakaspalvelu vastaa numerossa 040 765 0000 arkisin.", "040 765 0000"),
        # the population register's example identity code is written as a person's too
        ("Hakijan henkilötunnus on 131052-308T.", "131052-308T"),
        # a real street and a real name beside the field words
        ("Nimi: Oskari Lehtola, osoite: Kuusitie 4 A 3.", "Kuusitie 4 A 3"),
        # "for example" is no template: a resident's account stays masked
        ("Voitte esimerkiksi palauttaa rahat tilille FI49 5000 9420 0287 30.", "FI49"),
    ],
)
def test_personal_data_beside_form_words_stays_masked(text: str, personal: str) -> None:
    # (organisation_phones off: it keeps the customer service's number by its holder)
    assert any(personal in m for m in _masked(text, NameRules(organisation_phones=False)))


def test_the_forms_one_by_one() -> None:
    assert placeholder_name("Etunimi Sukunimi") and placeholder_name("First Last")
    assert not placeholder_name("Etunimi Virtanen")
    assert placeholder_address("Street 1") and not placeholder_address("Kotikuja 1")
    assert repeated_digits("040 000 0000") and not repeated_digits("040 100 0000")
    assert counting_digits("0401234567") and counting_digits("050 765 4321")
    assert not counting_digits("040 123 4568")
    assert template_text("Mallipohja: maksu") and template_text("Hei [asiakkaan nimi]")
    assert not template_text("Katso esimerkiksi [1] ja pohjavesialue")
