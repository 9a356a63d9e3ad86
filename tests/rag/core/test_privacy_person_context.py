"""The tagger as a confirmer (rag/core/privacy/person_context.py): a tagged name is kept only
where a person stands (kinship or role noun, a verb of speaking, a greeting or sign-off, a
person's label, a list beside another name, a signature), and the tagger reads only the lines
with a name-like word the rules left (``candidate_lines``). Strings invented for the test."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rag.core.privacy import PiiSpan
from rag.core.privacy.name_tagger import (
    MODEL,
    SETTINGS,
    NameTagger,
    candidate_blocks,
    read_settings,
)
from rag.core.privacy.person_context import confirmed, in_person_context
from rag.core.privacy.tagger_features import tokenize


def _in_context(text: str, name: str, others: tuple[str, ...] = ()) -> bool:
    start = text.index(name)
    spans = [(text.index(o), text.index(o) + len(o)) for o in others]
    return in_person_context(text, start, start + len(name), spans)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Eilen serkkuni Ilmari Vartiainen kävi kylässä.", "Ilmari Vartiainen"),  # kin before
        ("Ilmarin tytär aloittaa koulun.", "Ilmarin"),  # kin after, genitive
        ("Min granne Sixten bor i huset.", "Sixten"),
        ("Asiaa kommentoi Terhi Lonka eilen.", "Terhi Lonka"),  # a speech verb, Voikko's base
        ("Hedvig Kraft sade att bron stängs.", "Hedvig Kraft"),
        ("Yesterday Tomas Ek said no.", "Tomas Ek"),
        ("Moi Veera, kiitos viestistä!", "Veera"),  # a greeting at the start of a line
        ("Yhteyshenkilö: Ruut Airola", "Ruut Airola"),  # a person's label
        ("Puheenjohtaja Kerttu Aalto avasi kokouksen.", "Kerttu Aalto"),  # a role, capitalised
        ("Kiitos avusta.\nTerveisin\nIiris Haapa", "Iiris Haapa"),  # a signature
    ],
)
def test_a_person_context_confirms(text: str, name: str) -> None:
    assert _in_context(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kävimme Tapanilassa ja Viikissä.", "Viikissä"),  # places after a verb of going
        ("Toiseksi Kaislarannan puisto kaipaa penkkejä.", "Toiseksi Kaislarannan"),
        ("Uusi Summer Jam järjestetään heinäkuussa.", "Summer Jam"),
        ("Meri oli tyyni koko päivän.", "Meri"),
        # a long line after a sign-off is no signature
        ("Terveisin\nLisäksi Rauha kaipaa huomiota koko kaupungissa ensi vuonna.", "Rauha"),
    ],
)
def test_no_person_context_no_confirmation(text: str, name: str) -> None:
    assert not _in_context(text, name)


def test_a_signature_is_read_from_the_two_lines_with_words_before_it() -> None:
    # blank lines between the sign-off and the name are skipped, as they always were
    assert _in_context("Kiitos.\n\nTerveisin\n\n\nIiris Haapa", "Iiris Haapa")
    assert _in_context("Terveisin\nPalvelualue\nIiris Haapa", "Iiris Haapa")
    # three lines with words after the sign-off: no longer its signature
    assert not _in_context("Terveisin\nPalvelualue\nTeknologia\nIiris Haapa", "Iiris Haapa")


def test_a_label_far_before_the_name_on_a_long_line_is_not_read() -> None:
    # the line is read in a window before the name; a label right before it still counts
    filler = "ja muuta " * 40
    assert _in_context(f"{filler}Yhteyshenkilö: Ruut Airola", "Ruut Airola")
    assert not _in_context(f"Yhteyshenkilö: Ruut Airola {filler}Kerttu Aalto", "Kerttu Aalto")


def test_a_list_beside_a_name_confirms_and_the_list_grows() -> None:
    text = "Mukana olivat Halme Ritva, Sarlin Oskar ja Keto Elna."
    assert _in_context(text, "Sarlin Oskar", ("Halme Ritva",))
    assert not _in_context(text, "Sarlin Oskar")  # alone, "olivat" says nothing
    sarlin = (text.index("Sarlin Oskar"), text.index("Sarlin Oskar") + 12)
    keto = (text.index("Keto Elna"), text.index("Keto Elna") + 9)
    halme = (text.index("Halme Ritva"), text.index("Halme Ritva") + 11)
    # "Keto Elna" is beside "Sarlin Oskar", which is confirmed beside the rules' "Halme Ritva"
    assert confirmed(text, [keto, sarlin], [halme]) == [sarlin, keto]
    assert confirmed(text, [keto, sarlin], []) == []


def test_widening_a_rule_name_is_confirmed_but_not_across_a_comma() -> None:
    text = "Esimerkiksi Korpela Siiri voitti, ja Siiri, Kuusimäki sai palkinnon."
    first = text.index("Siiri")
    assert in_person_context(text, text.index("Korpela"), first + 5, [(first, first + 5)])
    second = text.index("Siiri", first + 1)
    widened = (second, text.index("Kuusimäki") + len("Kuusimäki"))
    assert not in_person_context(text, *widened, [(second, second + 5)])


def test_candidate_blocks_skip_lines_without_a_name_like_word_outside_the_rules() -> None:
    text = "Kokous alkoi ajallaan.\nPaikalla oli Ilmari Vartiainen.\nAsiat käsiteltiin."
    tokens = tokenize(text)
    lines = {
        text[tokens[i][0] : tokens[i][1]] for b in candidate_blocks(text, tokens, []) for i in b
    }
    assert "Ilmari" in lines and "Kokous" not in lines and "Asiat" not in lines
    ilmari = text.index("Ilmari Vartiainen")
    taken = [PiiSpan(ilmari, ilmari + len("Ilmari Vartiainen"), "NAME")]
    assert candidate_blocks(text, tokens, taken) == []  # the rules already have it


def test_candidate_lines_change_nothing_where_every_line_is_a_candidate() -> None:
    whole = NameTagger(MODEL, replace(read_settings(SETTINGS), candidate_lines=False))
    lines = NameTagger(MODEL, replace(read_settings(SETTINGS), candidate_lines=True))
    text = "Läsnä: Halme Ritva\nSarlin Oskar, Keto Elna"
    assert lines.probabilities(text, []) == pytest.approx(whole.probabilities(text, []))
    skipped = "Kokous alkoi ajallaan.\nPaikalla: Halme Ritva"
    chances = lines.probabilities(skipped, [])
    assert chances[:4] == [0.0] * 4  # the first line is not tagged at all
    assert max(chances) > 0


def test_the_confirmer_keeps_only_what_the_tagger_finds_in_a_person_context() -> None:
    # a low threshold makes the model tag freely; the confirmer keeps a subset
    settings = replace(read_settings(SETTINGS), threshold=0.05, candidate_lines=False)
    plain = NameTagger(MODEL, replace(settings, confirm=False))
    confirming = NameTagger(MODEL, replace(settings, confirm=True))
    text = "Kokouksessa Ilmari Vartiainen kertoi, että Ritva Halme ja Oskar Sarlin tulevat."
    tagged = plain.find(text, [])
    kept = confirming.find(text, [])
    assert kept == confirmed(text, tagged, [])
    assert "Ilmari Vartiainen" in [text[a:b] for a, b in kept]  # before "kertoi"
    # a first name opening a title, tagged or not, is never confirmed
    title = "Rauha ja Ilo kaupungissa on hankkeen nimi."
    assert confirmed(title, [(0, 5)], []) == []
