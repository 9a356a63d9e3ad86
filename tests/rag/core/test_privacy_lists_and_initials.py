"""The twenty-first round's mechanisms, each alone: the other items of a list of names
(``list_neighbours``, names.py and name_lists.py), two or three initials with full stops
(``dotted_initials``, name_short_forms.py) and an address's case ending after a colon
(``address_case_endings``, addresses.py). Each finds its form with its switch on and not
with it off, and leaves its look-alikes alone. Every string here was written for this test."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.name_lists import initials_lists, item_lists
from tests.rag.core.name_rules import BARE_OFF


def _found(text: str, rules: NameRules, kind: str = "NAME") -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules) if s.kind == kind]


LISTS = NameRules(list_neighbours=True)
NO_LISTS = NameRules(list_neighbours=False)


def test_list_items_are_read_with_their_notes_and_conjunctions() -> None:
    text = "Läsnä: Aino Laaksonen (pj), Berg, Kivimäki ja Okafor sekä Tanja Ruiz."
    # "Läsnä" before the colon is a list of one item, not yielded
    assert [[text[s:e] for s, e in items] for items in item_lists(text)] == [
        ["Aino Laaksonen", "Berg", "Kivimäki", "Okafor", "Tanja Ruiz"]
    ]


def test_a_list_is_not_cut_out_of_longer_words() -> None:
    # a list ending in a digit ("Aalto, Berg, Ek2") is no list of words
    assert list(item_lists("koodit Aalto, Berg, Ek2")) == []
    assert list(item_lists("Aalto, Berg")) == []  # two items: nothing to add


@pytest.mark.parametrize(
    ("text", "added"),
    [
        # three of five found by their build: the other two are people too
        ("Jaa-äänet (Virtanen, Lindqvist, Holmström, Berg, Koivu).", ["Berg", "Koivu"]),
        ("Valittiin Anna Lindroos, Erik Holmström, Koivu ja Aalto.", ["Koivu", "Aalto"]),
        ("Kiitos Holmströmille, Lindqvistille ja Kivelle.", ["Kivelle"]),
    ],
)
def test_the_other_items_of_a_list_of_names_are_names(text: str, added: list[str]) -> None:
    with_lists = _found(text, LISTS)
    for name in added:
        assert name in with_lists
        assert name not in _found(text, NO_LISTS)


@pytest.mark.parametrize(
    "text",
    [
        # one name among places: too few names found
        "Reitti kulkee Porvoo, Loviisa, Lahti ja Kotka. Kuljettaja Pekka Virtanen.",
        # a place, a body and a month among names stay readable
        "Kutsutut: Aino Laaksonen, Erik Holm, Porvoo, Kaupunginhallitus ja Maaliskuu.",
        # the last item opens a longer phrase: a place before its noun
        "vetäjinä Aino Laaksonen, Erik Holm ja Kevätkummun perhekeskus keskiviikkoisin",
        # genitives before one noun: things named after people ("... ja Mäntymäen.": added)
        "Lapset tulevat Holmströmin, Lindqvistin ja Mäntymäen päiväkodeista.",
    ],
)
def test_places_and_phrases_in_a_list_stay_readable(text: str) -> None:
    added = set(_found(text, LISTS)) - set(_found(text, NO_LISTS))
    assert added == set()


INITIALS = NameRules(dotted_initials=True)
NO_INITIALS = NameRules(dotted_initials=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Lapsi: K.V. (synt. 2017), sijoitus jatkuu.", ["K.V."]),
        ("Justerare blev H.L. och J.P.K., utkastet skickas i morgon.", ["H.L.", "J.P.K."]),
    ],
)
def test_dotted_initials_standing_alone_are_a_name(text: str, initials: list[str]) -> None:
    for item in initials:
        assert item in _found(text, INITIALS)
        assert item not in _found(text, NO_INITIALS)


@pytest.mark.parametrize(
    "text",
    [
        "P.S. Muistakaa kokous torstaina.",
        "Kokoukseen osallistuu N.N. sivistystoimesta.",
        "Postal address P.O. Box 12, FI-06101 Porvoo.",
        "Yhteistyö E.U.:n kanssa jatkuu.",
        "Ota mukaan esim. kynä, s.e. paperi ja n. 5 €.",  # lower-case abbreviations
    ],
)
def test_written_abbreviations_are_no_initials(text: str) -> None:
    assert _found(text, INITIALS) == []


ENDINGS = NameRules(**BARE_OFF, address_case_endings=True)
NO_ENDINGS = NameRules(**BARE_OFF, address_case_endings=False)


@pytest.mark.parametrize(
    ("text", "address", "without"),
    [
        ("Asun Kuusikuja 9:ssä ja melu jatkuu.", "Kuusikuja 9:ssä", "Kuusikuja 9"),
        ("Muutin Ruiskumestarintie 4 B 7:stä pois.", "Ruiskumestarintie 4 B 7:stä", None),
    ],
)
def test_a_case_ending_joins_the_address(text: str, address: str, without: str | None) -> None:
    assert address in _found(text, ENDINGS, "ADDRESS")
    assert address not in _found(text, NO_ENDINGS, "ADDRESS")
    if without is not None:
        assert without in _found(text, NO_ENDINGS, "ADDRESS")


def test_only_addresses_take_the_ending() -> None:
    text = "Asun Kuusikuja 9:ssä, soita 040 123 4567:ään."
    assert _found(text, ENDINGS, "PHONE") == _found(text, NO_ENDINGS, "PHONE") == ["040 123 4567"]


# The ninety-ninth round (``initials_list_neighbours``): the other items of a list of initials
# of which at least half were found are people too, also where they spell an abbreviation.
INITIALS_LISTS = NameRules(initials_list_neighbours=True)
NO_INITIALS_LISTS = NameRules(initials_list_neighbours=False)


def test_lists_of_initials_are_read_with_their_notes_and_conjunctions() -> None:
    text = "Närvarande: BL, MH, KÖ och AS (sekr.). Nästa möte 3.4."
    assert [[text[s:e] for s, e in items] for items in initials_lists(text)] == [
        ["BL", "MH", "KÖ", "AS"]
    ]
    # two items, or capitals inside a longer word, make no list
    assert list(initials_lists("Läsnä: TK ja JH.")) == []
    assert list(initials_lists("koodi X-AB, CD, EF")) == []


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Palaveri 2.5. Läsnä: TK, JH, PS, RL. Muistio jaetaan Teamsissa.", "PS"),
        ("Paikalla: PA, SN, JE ja MK. Kokous alkoi klo 17.", "SN"),
        ("Närvarande: BL, MH, KÖ och AS (sekr.)", "AS"),
    ],
)
def test_the_rest_of_a_list_of_initials(text: str, initials: str) -> None:
    assert NameRules().initials_list_neighbours
    assert initials in _found(text, INITIALS_LISTS)
    assert initials not in _found(text, NO_INITIALS_LISTS)


def test_a_list_of_abbreviations_stays_readable() -> None:
    # no item found as initials: units, bodies and programmes, not people
    text = "Tuetut ohjelmat: EU, ELY ja ESR rahoittavat hanketta."
    assert _found(text, INITIALS_LISTS) == []


# The hundredth round (``mentioned_names``): a known first name right after "@" is a person's
# mention, a word-like name too; a group mention, a handle or an e-mail address is not.
MENTIONS = NameRules(mentioned_names=True)
NO_MENTIONS = NameRules(mentioned_names=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("@Linnea kan du ta nycklarna till föreningslokalen?", "Linnea"),
        ("Kiitos @Satu, hoidan loput huomenna.", "Satu"),
    ],
)
def test_a_first_name_mentioned_with_an_at_sign(text: str, name: str) -> None:
    assert NameRules().mentioned_names
    assert name in _found(text, MENTIONS)
    assert name not in _found(text, NO_MENTIONS)


@pytest.mark.parametrize(
    "text",
    [
        "@alla: mötet flyttas till torsdag kl. 14.",  # everyone in the chat
        "Seuraa meitä: @porvoonkaupunki ja @borgastad",  # the town's handles
    ],
)
def test_a_group_mention_or_a_handle_is_no_name(text: str) -> None:
    assert _found(text, MENTIONS) == []


def test_an_e_mail_address_stays_one_address() -> None:
    text = "Vastaukset osoitteeseen satu@linnea.fi kiitos"
    assert _found(text, MENTIONS) == []
    assert _found(text, MENTIONS, "EMAIL") == ["satu@linnea.fi"]


# The hundred-and-second round (``list_item_roles``): a capitalised role word opening an item of
# a list in minutes is no part of the name after it.
ROLES = NameRules(list_item_roles=True)
NO_ROLES = NameRules(list_item_roles=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("§ 7 Jäv: Ledamoten Sven-Olof Grann anmälde jäv och deltog inte.", "Sven-Olof Grann"),
        ("Present: Chair Maarit Ek, Vice-chair Pauli Saarnio, Anna Roos", "Maarit Ek"),
    ],
)
def test_a_role_word_opening_a_list_item_is_no_part_of_the_name(text: str, name: str) -> None:
    assert NameRules().list_item_roles
    assert name in _found(text, ROLES)
    assert name not in _found(text, NO_ROLES)


def test_a_list_item_surname_first_keeps_both_words() -> None:
    # no role word: the item is the two words, surname first, as before
    text = "Läsnä: Heikkilä Tuula, Korhonen Aki, Berg Sanna"
    assert _found(text, ROLES) == _found(text, NO_ROLES)
    assert "Heikkilä Tuula" in _found(text, ROLES)


# The hundred-and-third round (``initials_of_names``): a found name's initials elsewhere in the
# same text are that person's.
INITIALS_OF_NAMES = NameRules(initials_of_names=True)
NO_INITIALS_OF_NAMES = NameRules(initials_of_names=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Työryhmä: Leena Kauppinen (LK) ja Petteri Aalto. LK kutsuu koolle.", ["LK", "LK"]),
        ("Mötet leddes av Johanna Björk (JB). JB:s förslag godkändes.", ["JB", "JB"]),
        ("Vastuut:\nMM = Mikko Mattila\nRV = Riikka Vainio", ["MM", "RV"]),
        ("Present: Anna-Liisa Torkkeli, Ben Ek. Action: ALT to send the slides.", ["ALT"]),
    ],
)
def test_the_initials_of_a_name_in_the_same_text(text: str, initials: list[str]) -> None:
    assert NameRules().initials_of_names
    found = _found(text, INITIALS_OF_NAMES)
    assert [word for word in found if word.isupper()] == initials
    without = _found(text, NO_INITIALS_OF_NAMES)
    assert len([word for word in without if word.isupper()]) < len(initials)


def test_a_listed_abbreviation_counts_only_where_the_text_defines_or_signs_with_it() -> None:
    # "PK" and "NB" are abbreviations too: in brackets beside the name, or signing the text,
    # they are the person's; elsewhere they stay readable
    defined = "Kirjanpidon hoitaa Petra Korhonen (PK). Tilit tarkastaa PK:n sijainen."
    assert _found(defined, INITIALS_OF_NAMES).count("PK") == 1
    signed = "Från: Nora Berg\nÄmne: Snöplogning\n\nFörmedlar vidare. /NB"
    assert "NB" in _found(signed, INITIALS_OF_NAMES)
    assert "NB" not in _found(signed, NO_INITIALS_OF_NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "Terveisin\nJari Mäkelä\nJM Rakennus Oy\n040 123 4567",  # the initials name a firm
        "Ursula Kallio kommentoi UK:n vaaleja.",  # a listed abbreviation, not defined
        "Läsnä oli myös HS:n toimittaja.",  # no name of two words in the text
    ],
)
def test_initials_that_name_no_one_stay_readable(text: str) -> None:
    found = _found(text, INITIALS_OF_NAMES)
    assert not any(word.isupper() for word in found)


# The hundred-and-fourth round (``introduced_names``): a first name right after the writer
# introduces themselves, with no comma after the greeting, in lower case, in capitals, or
# followed by where the writer is from in a Finnish local case.
INTRODUCED = NameRules(introduced_names=True)
# (trailing_surnames, the hundred-and-sixteenth round, joins the surname after a first name
# another rule found: off, so each switch below is measured alone)
NOT_INTRODUCED = NameRules(introduced_names=False, trailing_surnames=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hei, tässä Aila kirjastosta. Varaamasi levy on noudettavissa.", "Aila"),
        ("hej det är Sten från vattenverket, jag kommer kl 13", "Sten"),
        ("hi this is Jake from the rowing club, the boat shed is locked", "Jake"),
        ("moi, oon Tuuli 5B:ltä, mun reppu jäi saliin", "Tuuli"),
        ("HEI. MINÄ OLEN PERTTI AALTO JA ASUN TÄSSÄ KADULLA.", "PERTTI AALTO"),
    ],
)
def test_a_name_after_an_introduction(text: str, name: str) -> None:
    assert name in _found(text, INTRODUCED)
    assert name in _found(text, NameRules())  # on by default
    assert name not in _found(text, NOT_INTRODUCED)


@pytest.mark.parametrize(
    "text",
    [
        "Tässä kuussa ei ole kokousta.",  # "this month"
        "Det är maj snart, och parken öppnar.",  # a month
        "hey it's ok, we found the keys",
        "Olen Porvoossa huomenna klo 9.",  # no first name
        "Täällä Sipoossa tie on jo aurattu.",
    ],
)
def test_an_introduction_without_a_first_name_masks_nothing(text: str) -> None:
    assert _found(text, INTRODUCED) == []


# The hundred-and-fifth round (``labelled_names``): a name that a naming word presents inside
# a sentence, in lower case, in capitals or quoted; not a place's or a pet's name.
LABELLED = NameRules(labelled_names=True)
NOT_LABELLED = NameRules(labelled_names=False, trailing_surnames=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hittade en mössa med namnet EMIL K. på lappen vid simhallen.", "EMIL K."),
        ("lapsen nimi aino maria virtanen, syntynyt 3.5.2016", "aino maria virtanen"),
        ("Valitus koskee työntekijää nimeltä 'Helmi', joka ei vastannut.", "Helmi"),
        ("Min granne heter Aina Berg och bor en trappa upp.", "Aina Berg"),
    ],
)
def test_a_name_after_a_naming_word(text: str, name: str) -> None:
    assert name in _found(text, LABELLED)
    assert name not in _found(text, NOT_LABELLED)


@pytest.mark.parametrize(
    "text",
    [
        "Nämnden föreslår att parken får namnet Albert Edelfelts park.",  # a place
        "Kadonnut kissa, harmaa naaras, nimeltään Mirri. Soita jos näet!",  # a pet
        "Vår hund heter Vilja och är snäll.",
        "Kirjoita nimi ja osoite lomakkeeseen.",  # a conjunction, no name
        "Hankkeen nimi on Kestävä Porvoo.",  # no first name
    ],
)
def test_a_naming_word_before_no_person_masks_nothing(text: str) -> None:
    assert _found(text, LABELLED) == []


# The hundred-and-sixth round (``number_holders``): a first name right before a phone or
# identity number found, or in brackets right after it, is the number's holder.
HOLDERS = NameRules(number_holders=True)
NO_HOLDERS = NameRules(number_holders=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tränare: Elias 040 553 1208 och Saga 050 771 6432. Träning på tisdag.", "Saga"),
        ("en kukaan vastaa. soittakaa RUT 045 772 0193", "RUT"),
        ("Tavoitatte meidät numerosta 040 773 1092 (Sini) tai sähköpostilla.", "Sini"),
        ("asiakkuus tarkistettava: ville j. mäkelä, 111190-177W", "ville j. mäkelä"),
    ],
)
def test_the_holder_of_a_number(text: str, name: str) -> None:
    assert name in _found(text, HOLDERS)
    assert name not in _found(text, NO_HOLDERS)


@pytest.mark.parametrize(
    "text",
    [
        "Vaihde 019 520 211, kirjaamo 019 520 2300.",  # no first name beside the numbers
        "Soita tai tekstaa 040 150 2233 arkisin.",  # a lower-case word, no name
        "Neuvonta p. 019 505 420",  # an abbreviation
    ],
)
def test_a_number_without_a_holder_gives_no_name(text: str) -> None:
    assert not [kind for kind in _found(text, HOLDERS, "NAME")]


# The hundred-and-seventh round (``initial_register_surnames``): an initial and one of the
# population registers' surnames that is a word or a place too.
INITIAL_SURNAMES = NameRules(initial_register_surnames=True)
NO_INITIAL_SURNAMES = NameRules(initial_register_surnames=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hyväksyjä: K. Laine", "K. Laine"),
        ("Ärendet bereddes av handläggare S. Ek.", "S. Ek"),
        ("Palautteet koonnut P. Virta, kiitos kaikille.", "P. Virta"),
    ],
)
def test_an_initial_and_a_register_surname(text: str, name: str) -> None:
    assert NameRules().initial_register_surnames
    assert name in _found(text, INITIAL_SURNAMES)
    assert name not in _found(text, NO_INITIAL_SURNAMES)


def test_an_initial_before_a_town_stays_readable() -> None:
    # "Lahti" is one of the registers' surnames and a town of the hand list: after a letter
    # that lists options it stays the town
    text = "Vaihtoehdot: A. Lahti, B. Kotka."
    assert _found(text, INITIAL_SURNAMES) == []


# The hundred-and-eighth round (``hyphenated_initials``): two given names shortened to
# hyphenated initials, then a surname or its initial.
HYPHENATED = NameRules(hyphenated_initials=True)
NO_HYPHENATED = NameRules(hyphenated_initials=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pöytäkirjan vakuudeksi: K.-M. Laakso, puheenjohtaja", "K.-M. Laakso"),
        ("Kopia: B-O Strand, ekonomienheten", "B-O Strand"),
        ("Päätöksen teki hallintojohtaja A-L K.", "A-L K."),
    ],
)
def test_hyphenated_initials_and_a_surname(text: str, name: str) -> None:
    assert NameRules().hyphenated_initials
    assert name in _found(text, HYPHENATED)
    assert name not in _found(text, NO_HYPHENATED)


@pytest.mark.parametrize(
    "text",
    [
        "Tilaus lähti K-P Autotalo Oy:lle.",  # a firm's mark follows
        "Reitti A-B Porvoo kulkee rannan kautta.",  # a town
    ],
)
def test_hyphenated_capitals_before_a_firm_or_a_place_stay_readable(text: str) -> None:
    assert _found(text, HYPHENATED) == []


# The hundred-and-ninth round (``lower_case_double_names``): a double first name written in
# lower case, with its surname when one follows.
DOUBLE = NameRules(lower_case_double_names=True)
NO_DOUBLE = NameRules(lower_case_double_names=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Onko kukaan nähnyt eija-riitta kahvion jälkeen?", "eija-riitta"),
        ("Hej, kan nån hämta ulla-britt vid stationen kl 16?", "ulla-britt"),
        ("Palautus tilille, saaja tiina-maria lehto, kiitos.", "tiina-maria lehto"),
        ("Vi ses, hälsningar från GUN-BRITT och tuula-maija SANDELL", "tuula-maija SANDELL"),
    ],
)
def test_a_lower_case_double_first_name(text: str, name: str) -> None:
    assert NameRules().lower_case_double_names
    assert name in _found(text, DOUBLE)
    assert name not in _found(text, NO_DOUBLE)


@pytest.mark.parametrize(
    "text",
    [
        "Kesäteatterin ensi-ilta on lauantaina.",  # a Finnish compound of common words
        "Perjantaina on peli-ilta nuorisotalolla.",
        "Hon hade solglasögon av märket ray-ban.",  # an English compound of common words
        "Pictures in fairy-tale settings were taken.",
        "Kirjoita osoitteeseen anna-kaisa.virta@example.org",  # the address is masked whole
    ],
)
def test_hyphenated_words_that_are_no_double_name_stay_readable(text: str) -> None:
    names = _found(text, DOUBLE)
    assert not any("-" in name for name in names)


# The hundred-and-tenth round (``hyphenated_initials_alone``): hyphenated initials without a
# surname, with a surname's initial and full stops anywhere, or signing the text at its end.
HYPHENATED_ALONE = NameRules(hyphenated_initials_alone=True)
NO_HYPHENATED_ALONE = NameRules(hyphenated_initials_alone=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Pöytäkirjan tarkastajat: T.V. ja A-K.M.", "A-K.M."),
        ("Närvarande: S.B., K.-G.H. och sekreteraren.", "K.-G.H."),
        ("Kiitos tiedosta, palaan asiaan ensi viikolla.\nTerv. J-P", "J-P"),
        ("Nyckeln ligger i brevlådan. /A-C", "A-C"),
        ("Tack för hjälpen! Mvh B-Å", "B-Å"),
    ],
)
def test_hyphenated_initials_alone(text: str, initials: str) -> None:
    assert NameRules().hyphenated_initials_alone
    assert initials in _found(text, HYPHENATED_ALONE)
    assert initials not in _found(text, NO_HYPHENATED_ALONE)


@pytest.mark.parametrize(
    "text",
    [
        "Vastaa kysymyksiin kohdat A-C.",  # a range of items: no sign-off before it
        "Tehtävät jaetaan ryhmiin A-D ja E-H.",
        "Sarja päättyi tulokseen 2-1 ja ottelu siirtyi kohtaan B-C eilen.",
        "Ohjelma: versio A-B.C jatkuu.",  # no full stop after the last letter
    ],
)
def test_hyphenated_capitals_without_a_signature_slot_stay_readable(text: str) -> None:
    assert _found(text, HYPHENATED_ALONE) == []


# The hundred-and-eleventh round (``surname_comma_first_items``): a surname, a comma and first
# names as a list item or a form's value.
COMMA_ITEMS = NameRules(surname_comma_first_items=True)
NO_COMMA_ITEMS = NameRules(surname_comma_first_items=False)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ilmoittautuneet:\n1. Johansson, Gun\n2. Berg, Hans-Erik", ["Johansson", "Gun"]),
        ("Ilmoittautuneet:\n1. Johansson, Gun\n2. Berg, Hans-Erik", ["Berg", "Hans-Erik"]),
        ("Vuokralainen: Strand, Eeva\nAsunto: B 4", ["Strand", "Eeva"]),
    ],
)
def test_a_surname_comma_and_first_names_as_an_item(text: str, names: list[str]) -> None:
    assert NameRules().surname_comma_first_items
    found = _found(text, COMMA_ITEMS)
    assert all(name in found for name in names)
    without = _found(text, NO_COMMA_ITEMS)
    assert not all(name in without for name in names)


def test_a_name_in_capitals_keeps_its_two_spans() -> None:
    # the title-cased copy of a form in capitals finds the surname and the first names apart
    text = "NIMI: KOSKINEN, MIRJA ANNELI\nOSOITE: KOTIKATU 3"
    assert {"KOSKINEN", "MIRJA ANNELI"} <= set(_found(text, COMMA_ITEMS))


@pytest.mark.parametrize(
    "text",
    [
        "Tack, Göran! Jag skickar ritningarna.",  # thanks before the name: the name alone
        "Kiitos, Anna\nPalaan asiaan.",
        "Kohteet:\n1. Porvoo, Kerttu\n2. Loviisa, Eino",  # a town before the comma
    ],
)
def test_no_surname_before_the_comma(text: str) -> None:
    found = _found(text, COMMA_ITEMS)
    assert not any("," in name for name in found)
    assert not any(word in found for word in ("Tack", "Kiitos", "Porvoo", "Loviisa"))


# The hundred-and-twelfth round (``lower_case_surnames_after_nouns``): a surname in lower
# case after a title, a family or role noun, or "familjen".
LOWER_SURNAMES = NameRules(lower_case_surnames_after_nouns=True)
NO_LOWER_SURNAMES = NameRules(lower_case_surnames_after_nouns=False)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("eilen kävi herra nyström kysymässä avaimia", "nyström"),
        ("har ni pratat med familjen holmberg om bastun?", "holmberg"),
        ("rehtori hakkarainen lupasi vastata huomenna", "hakkarainen"),
        ("Could you call mrs. lindroos back today?", "lindroos"),
    ],
)
def test_a_lower_case_surname_after_a_title_or_person_noun(text: str, surname: str) -> None:
    assert NameRules().lower_case_surnames_after_nouns
    assert any(surname in name for name in _found(text, LOWER_SURNAMES))
    assert not any(surname in name for name in _found(text, NO_LOWER_SURNAMES))


@pytest.mark.parametrize(
    "text",
    [
        "min make more or less agreed",  # "make" is a husband, "more" an English word
        "opettaja niemi rannalla",  # a word after a role noun: a cape, not a surname
        "äiti tuu hakee mut koulusta",
    ],
)
def test_a_word_after_a_person_noun_stays_readable(text: str) -> None:
    assert _found(text, LOWER_SURNAMES) == _found(text, NO_LOWER_SURNAMES)


# The hundred-and-thirteenth round (``initials_not_english_words``): initials that are English
# words only ("MS", "PL", "AH") are initials as a sentence's subject or beside other initials.
NOT_ENGLISH = NameRules(initials_not_english_words=True)
ENGLISH_AS_WORDS = NameRules(initials_not_english_words=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("TV ja MS tarkistavat laskut maanantaina.", "MS"),
        ("Protokollet skrivs av EH. PL bokar salen till nästa gång.", "PL"),
        ("Paikalla olivat AH, JV ja KS.", "AH"),
    ],
)
def test_initials_that_are_english_words_only(text: str, initials: str) -> None:
    assert NameRules().initials_not_english_words
    assert initials in _found(text, NOT_ENGLISH)
    assert initials not in _found(text, ENGLISH_AS_WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "EI JA EI, sanoi lautakunta.",  # a Finnish word in capitals
        "AV OCH TILL stängt i sommar.",  # Swedish words in capitals
    ],
)
def test_finnish_and_swedish_words_in_capitals_stay_words(text: str) -> None:
    assert _found(text, NOT_ENGLISH) == []


# The hundred-and-fourteenth round (``family_names``, off: it found one item on the parts it
# was not built on, and its round's rule asks for three): a family's surname after the word
# for a family.
FAMILY = NameRules(family_names=True)


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        ("Tack för hjälpen med flytten! Hälsningar familjen Kivi", "Kivi"),
        ("Kiitos talkoista! Terveisin perhe Laine", "Laine"),
        ("Vi har bokat ett möte med familjen R. på fredag.", "R."),
    ],
)
def test_a_family_named_by_its_surname(text: str, surname: str) -> None:
    assert not NameRules().family_names
    assert surname in _found(text, FAMILY)
    assert surname not in _found(text, NameRules())


def test_a_place_after_the_word_for_a_family_stays_readable() -> None:
    assert _found("Familjen Borgå Stad bjuder på kaffe.", FAMILY) == []


# The hundred-and-sixteenth round (``trailing_surnames``, on): the surname or initial right
# after a first name found, written as the first name is.
NO_TRAILING = NameRules(trailing_surnames=False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("HEI, MUN POIKA TEEMU RÄSÄNEN ON KADOTTANU BUSSIKORTIN.", "TEEMU RÄSÄNEN"),
        ("hei, poikani on eemeli nieminen 7a luokalla.", "eemeli nieminen"),
        ("Hyvä aloite, toivottavasti se etenee! -Eija K, Hamari", "Eija K"),
        ("Hämtas idag av mormor, inte av mig. //Camilla N", "Camilla N"),
        ("Hakija Ali Reza Mohammadi pyytää siirtoa toiseen kouluun.", "Ali Reza Mohammadi"),
    ],
)
def test_the_surname_after_a_first_name_found_joins_it(text: str, name: str) -> None:
    assert NameRules().trailing_surnames
    assert any(name in found for found in _found(text, NameRules()))
    assert not any(name in found for found in _found(text, NO_TRAILING))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Mikko soitti eilen.", "soitti"),  # a verb after "Mikko"
        ("jari meni kauppaan", "meni"),  # ... written small after a small first name
        ("HEI TEPPO LAHTI ON KAUPUNKI", "LAHTI"),  # a town
        ("Hälsningar Maja i skolan", "i"),  # a Swedish word of one letter, no initial
    ],
)
def test_a_word_after_a_first_name_that_is_no_surname_stays_readable(text: str, kept: str) -> None:
    found = _found(text, NameRules())
    assert found  # the first name itself is found
    assert all(kept not in name.split() for name in found)


# The hundred-and-seventeenth round (``register_surname_lists``, off: two items on the parts
# it was not built on, and its round's rule asks for three): a list of registers' surnames.
SURNAME_LISTS = NameRules(register_surname_lists=True)


def test_a_list_of_register_surnames() -> None:
    text = "Kokoukseen tulevat Nieminen, Sirola, Hakala ja rehtori."
    assert not NameRules().register_surname_lists
    assert _found(text, SURNAME_LISTS) == ["Nieminen", "Sirola", "Hakala"]
    assert _found(text, NameRules()) == []


def test_a_list_of_places_or_firms_stays_readable() -> None:
    assert _found("Kohteet: Kallio, Töölö ja Pasila.", SURNAME_LISTS) == []
    assert _found("Tarjoukset: Ramirent, Cramo, Hakala ja Sirola Oy", SURNAME_LISTS) == []
