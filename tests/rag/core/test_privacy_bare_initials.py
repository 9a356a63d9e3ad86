"""Initials without full stops are a person's only in a slot a person fills: a signature, a
speaker's label, a presence list, after an official's title (bare_initials.py, the
twenty-sixth round). Acronyms, units, weekdays and degrees stay readable. The examples are
written for these tests."""

from __future__ import annotations

import pytest

from rag.core.privacy import NameRules, find_pii

# (the fiftieth round's mixed presence lists off: these are the twenty-sixth round's slots; the
# hundred-and-third round's initials of a name in the same text off too, and the
# hundred-and-thirteenth's initials that are English words, a variant of the later slots)
_ON = NameRules(
    initials_of_names=False,
    bare_initials=True,
    mixed_presence_lists=False,
    initials_as_subjects=False,
    initials_opening_clauses=False,
    signed_initials=False,
    coordinated_initials=False,
    dashed_end_initials=False,
    initials_not_english_words=False,
)
# (a note signed "/TK" is the twenty-seventh round's dash signature too: off here)
_OFF = NameRules(
    initials_of_names=False,
    bare_initials=False,
    dash_signatures=False,
    mixed_presence_lists=False,
    initials_as_subjects=False,
    initials_opening_clauses=False,
    signed_initials=False,
    coordinated_initials=False,
    dashed_end_initials=False,
    initials_not_english_words=False,
)
_MIXED = NameRules(mixed_presence_lists=True)


def _masked(text: str, rules: NameRules = _ON) -> list[str]:
    return [text[s.start : s.end] for s in find_pii(text, rules)]


def _found_only_with(
    text: str, initials: list[str], on: NameRules, off: NameRules, switch: str
) -> None:
    """Every one of ``initials`` is masked with ``on``, none with ``off``, and ``switch`` is
    on by default."""
    masked = _masked(text, on)
    assert all(i in masked for i in initials)
    assert not any(i in _masked(text, off) for i in initials)
    assert getattr(NameRules(), switch)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Lasku korjattu ja lähetetty uudelleen 3.2.\n/TK", ["TK"]),
        ("Kuvat liitteenä. RS", ["RS"]),
        ("Terv. AK", ["AK"]),
        ("PL: onko kaava valmis?\nSV: ei vielä", ["PL", "SV"]),
        ("Närvarande: BN, EL och KN (ordf.)", ["BN", "EL", "KN"]),
        ("Ärendet bereddes av förvaltningsdirektör ES.", ["ES"]),
        ("Klienten sov. Antecknat av OH", ["OH"]),
    ],
)
def test_initials_in_a_persons_slot(text: str, initials: list[str]) -> None:
    assert _masked(text) == initials
    assert _masked(text, _OFF) == []


@pytest.mark.parametrize(
    "text",
    [
        "Asia siirtyy KV:n käsiteltäväksi. Lisätiedot EU",  # a body, signature-like
        "Läsnä: KH ja Anna-Liisa Berg",  # not every item is initials: no list of initials
        "Esittelijä, tilintarkastaja KHT",  # a qualification
        "Kokous pidetään KE klo 10. Luokka III",  # a weekday, a numeral
        "Raportti valmistui klo 10 AM",  # a time
        "Vi ses på mötet. IT",  # an acronym signing off
        "HL-kortti on voimassa, kysy lisää IT-tuesta",  # a compound
    ],
)
def test_acronyms_and_units_stay_readable(text: str) -> None:
    assert _masked(text) == _masked(text, _OFF)


def test_one_speakers_label_is_no_chat() -> None:
    assert _masked("RT: möte flyttat till torsdag", _ON) == []


# The fiftieth round (``mixed_presence_lists``, on by default): a presence list that also
# names people in full or by a role, and a title written as a label.


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Läsnä: LH ja Anna-Liisa Berg", ["LH"]),
        ("Närvarande: BN (ordf.), Eva Lind, KN-M och EL", ["BN", "EL"]),
        ("Katselmus: paikalla MK, RS sekä rakennustarkastaja Holm.", ["MK", "RS"]),
        ("Föredragande: LH", ["LH"]),
    ],
)
def test_initials_in_a_presence_list_of_people_or_after_a_title_label(
    text: str, initials: list[str]
) -> None:
    _found_only_with(text, initials, _MIXED, _ON, "mixed_presence_lists")


@pytest.mark.parametrize(
    "text",
    [
        "Läsnä: EU-komissio, HR ja talousyksikkö",  # a body, a unit: no list of people
        "Present: IT and Finance",  # acronyms of units
        "Läsnä: KV:n puheenjohtaja ja Anna Berg",  # an acronym in a case form
    ],
)
def test_a_mixed_list_of_bodies_stays_readable(text: str) -> None:
    assert _masked(text, _MIXED) == _masked(text, NameRules(mixed_presence_lists=False))


# The fifty-second round (``initials_as_subjects``, on by default): two-letter initials that
# open a sentence as its subject.
# (initials joined to initials are the seventy-ninth round's too: off here)
_SUBJECTS = NameRules(initials_as_subjects=True, coordinated_initials=False)
_NO_SUBJECTS = NameRules(initials_as_subjects=False, coordinated_initials=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("MK hoitaa huomisen aamun avaukset.", ["MK"]),
        ("Tilat tarkistettu. TK ja MH tekee huomenna kotikäynnit.", ["TK", "MH"]),
        ("JK said the tender documents are ready.", ["JK"]),
        ("BN och KJ har redan godkänt fakturorna.", ["BN", "KJ"]),
    ],
)
def test_initials_opening_a_sentence_as_its_subject(text: str, initials: list[str]) -> None:
    _found_only_with(text, initials, _SUBJECTS, _NO_SUBJECTS, "initials_as_subjects")


@pytest.mark.parametrize(
    "text",
    [
        "HKL rakensi aidan väärään paikkaan.",  # three letters: an organisation's acronym
        "KV hyväksyi talousarvion.",  # an abbreviation of the general list
        "EI seurakäyttöä!",  # a common word in capitals
        "PL 23, 06101 Borgå",  # no lower-case word after it
        "Asian esitteli MK huolellisesti.",  # not at a sentence's start (a title's slot aside)
    ],
)
def test_other_capitals_at_a_sentence_start_stay_readable(text: str) -> None:
    assert _masked(text, _SUBJECTS) == _masked(text, _NO_SUBJECTS)


# The seventy-first round (``initials_opening_clauses``, on by default): the same subject
# opening a clause after a colon, a semicolon or a comma.
_CLAUSES = NameRules(initials_opening_clauses=True, coordinated_initials=False)
_NO_CLAUSES = NameRules(initials_opening_clauses=False, coordinated_initials=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Päätettiin: JR laatii muistion.", ["JR"]),
        ("Viikon vuorot sovittu, JN avaa maanantaina.", ["JN"]),
        (
            "Uppföljning: HN och BK tar kontakt med skolan; JV skriver protokollet.",
            ["HN", "BK", "JV"],
        ),
        ("Call at two: TW said the permit is ready.", ["TW"]),
    ],
)
def test_initials_opening_a_clause_as_its_subject(text: str, initials: list[str]) -> None:
    _found_only_with(text, initials, _CLAUSES, _NO_CLAUSES, "initials_opening_clauses")


@pytest.mark.parametrize(
    "text",
    [
        "Liitteet: PDF tai CV postitse.",  # abbreviations of the general list
        "Equipment: speakers, DJ controller and lights.",  # a media acronym
        "Aukiolo: MA suljettu, TI avoinna.",  # weekdays
        "Kokous: KV kokoontuu 12.6.",  # the council
        "Tilaus: AB toimittaa laitteet.",  # a company mark
    ],
)
def test_other_capitals_opening_a_clause_stay_readable(text: str) -> None:
    assert _masked(text, _CLAUSES) == _masked(text, _NO_CLAUSES)


# The seventy-second round (``signed_initials``, on by default): initials signing a note that
# goes on after them.
_SIGNED = NameRules(signed_initials=True)
_UNSIGNED = NameRules(signed_initials=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Liitteet lisätty kansioon. t. JR / tilapalvelut", ["JR"]),
        ("Tack för i dag!\nHälsn. BN\nByaföreningen i Kerkkoo\n040 123 4567", ["BN"]),
        ("Muistio jaettu.\n-SV\n\nLähetetty: maanantai", ["SV"]),
    ],
)
def test_initials_signing_a_note_that_goes_on(text: str, initials: list[str]) -> None:
    _found_only_with(text, initials, _SIGNED, _UNSIGNED, "signed_initials")


@pytest.mark.parametrize(
    "text",
    [
        "Seurojen pj:t DPK, DK ja HKK kannattavat hanketta.",  # "t" ends an abbreviation
        "”Kaupunki kasvaa.”\n- HS, 27.8.",  # a newspaper quoted after a dash
        "Terv. EU-hankkeen tiimi",  # an abbreviation of the general list, in a compound
        "Hinta / KPL 12 €",  # a unit after a slash, then a number
    ],
)
def test_other_capitals_after_a_sign_off_or_a_slash_stay_readable(text: str) -> None:
    assert _masked(text, _SIGNED) == _masked(text, _UNSIGNED)


# The seventy-ninth round (``coordinated_initials``, on by default): two-letter initials joined
# to other initials by a comma, "&" or a conjunction, wherever they stand.
_JOINED = NameRules(coordinated_initials=True)
_NOT_JOINED = NameRules(coordinated_initials=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Voisitko kertoa asiasta myös RT:lle? Kutsu lähti HV ja KN.", ["HV", "KN"]),
        ("Arbetsgruppen (PB, JK & AE) träffas på torsdag.", ["PB", "JK", "AE"]),
        ("The draft was read by JW and RD on Monday.", ["JW", "RD"]),
        ("Tarkastajiksi valittiin HJ sekä OV.", ["HJ", "OV"]),
    ],
)
def test_initials_joined_to_initials(text: str, initials: list[str]) -> None:
    _found_only_with(text, initials, _JOINED, _NOT_JOINED, "coordinated_initials")


@pytest.mark.parametrize(
    "text",
    [
        "Rahoitus: EU ja YK myöntävät tuen.",  # abbreviations of the general list
        "Kielet FI/SV/EN valittavissa.",  # a slash joins alternatives
        "EI, EI VIELÄKÄÄN, SANOI HÄN.",  # words in capitals
        "Tilattu: 3 kpl MA, TI ja KE.",  # weekdays
        "HUS ja THL ohjeistavat.",  # three letters: an organisation's acronym as a rule
    ],
)
def test_other_capitals_joined_stay_readable(text: str) -> None:
    assert _masked(text, _JOINED) == _masked(text, _NOT_JOINED)


# The eighty-first round (``dashed_end_initials``, on by default): initials ending the text
# right after a hyphen that follows a space (after a slash or an en dash the earlier rounds'
# signatures read them already).
_DASHED = NameRules(dashed_end_initials=True)
_NOT_DASHED = NameRules(dashed_end_initials=False)


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("Laskut tarkistettu, kaikki kunnossa. -PV", ["PV"]),
        ("Nycklarna finns i lådan. -EH", ["EH"]),
        ("Kiitos avusta eilen! -RT.", ["RT"]),
    ],
)
def test_initials_signing_the_end_after_a_dash(text: str, initials: list[str]) -> None:
    _found_only_with(text, initials, _DASHED, _NOT_DASHED, "dashed_end_initials")


@pytest.mark.parametrize(
    "text",
    [
        "Koneet huoltoon perjantaina. -IT",  # an abbreviation of the general list
        "Tiedotteen laati viestintä-HR",  # a compound, no space before the dash
        "Laskut tarkistettu. -PV ja muut jatkavat.",  # not the text's end
    ],
)
def test_other_capitals_after_a_dash_stay_readable(text: str) -> None:
    assert _masked(text, _DASHED) == _masked(text, _NOT_DASHED)
