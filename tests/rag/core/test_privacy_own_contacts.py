"""The organisation's own contact data (own_contacts.py, role_mailboxes.py) and web addresses
(web_addresses.py): kept readable, while a person's line or box beside them stays masked."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from rag.core.privacy import NameRules, OwnContacts, find_pii
from rag.core.privacy.own_contacts import parse_mail_domains, parse_phone_blocks
from rag.core.privacy.role_mailboxes import role_mailbox
from rag.core.settings import Settings
from tests.rag.core.name_rules import BARE_OFF

PORVOO = OwnContacts()
# Another city's own data, as it would set it in its settings.
OTHER_CITY = OwnContacts(
    phone_blocks=parse_phone_blocks("017 182, +358 17 182"),
    mail_domains=parse_mail_domains("kuopio.fi"),
)


def _masked(text: str, rules: NameRules | None = None, contacts: OwnContacts = PORVOO) -> list[str]:
    return [
        text[s.start : s.end].strip()
        for s in find_pii(text, rules or NameRules(**BARE_OFF), contacts)
    ]


def _phones(text: str, rules: NameRules | None = None, contacts: OwnContacts = PORVOO) -> list[str]:
    spans = find_pii(text, rules or NameRules(**BARE_OFF), contacts)
    return [text[s.start : s.end] for s in spans if s.kind == "PHONE"]


# --- numbers in the organisation's block ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kadunvalojen viat ilmoitetaan numeroon 019 520 4871 arkisin.",
        "Leirin ilmoittautumiset: 019 520 3390 (ti ja to).",
        "The sports hall can be booked on +358 19 520 6612.",
        "Bokningar görs på 019-520 6612 före fredag.",
        "Kirjoita tai soita: 019 5206 612.",
    ],
)
def test_a_number_in_the_block_stays_readable(text: str) -> None:
    assert _phones(text) == []
    # (organisation_phones off too: it keeps "Bokningar görs på …" by its service word)
    assert (
        _phones(text, NameRules(**BARE_OFF, own_phone_blocks=False, organisation_phones=False))
        != []
    )


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # a person's name next to it: a named official's direct line
        ("Rakennuslupa-asiat: Heikki Lampinen, puh. 019 520 4417", "019 520 4417"),
        ("Ärendet sköts av Ingrid Wikman (019 520 3322).", "019 520 3322"),
        ("Numero 019 520 3322 (Ingrid Wikman) vastaa aamuisin.", "019 520 3322"),
        ("Terveisin\nHeikki Lampinen\npuh. 019 520 4417", "019 520 4417"),
        # the writer's own line
        ("Tavoitat minut suoraan numerosta 019 520 4417.", "019 520 4417"),
        ("Ring mig på mitt direktnummer 019 520 3322.", "019 520 3322"),
        ("You can call me on +358 19 520 3322 after lunch.", "+358 19 520 3322"),
    ],
)
def test_a_persons_line_in_the_block_stays_masked(text: str, phone: str) -> None:
    assert _phones(text) == [phone]


# The ninety-second round: a signature's name two or three lines above the number, over its
# title, office or e-mail lines, or before "suora numero".
@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Terveisin\nSinikka Rautio\nhallintosihteeri\np. 019 520 2218", "019 520 2218"),
        (
            "Med vänlig hälsning\nLouise Strand\nnämndsekreterare\nlouise.strand@borga.fi\n"
            "tfn 019 520 2241",
            "019 520 2241",
        ),
        ("/Pia Rosenlund\nekonomiassistent\nBorgå stad\n019 520 3381", "019 520 3381"),
        ("Maija Halme\nmaankäyttöinsinööri\nsuora numero 019 520 2388", "019 520 2388"),
    ],
)
def test_a_signatures_number_under_its_title_lines_is_the_officials(text: str, phone: str) -> None:
    assert _phones(text) == [phone]


@pytest.mark.parametrize(
    "text",
    [
        # no name in the signature: the office's number
        "Ystävällisin terveisin\nAsiakaspalvelu\nPorvoon kaupunki\np. 019 520 2000",
        # a name in the letter's body, not in the signature above the number
        "Hej Johanna Lind,\nbeslutet om plats har skickats till Alva.\nMed vänlig hälsning\n"
        "Småbarnspedagogikens servicehandledning\ntfn 019 520 5030",
        # the name five lines above: no longer the signature's number
        "Sinikka Rautio\nhallintosihteeri\nKaupunkikehitys\nPorvoon kaupunki\nKaupungintalo\n"
        "p. 019 520 2218",
    ],
)
def test_an_offices_number_under_a_signature_stays_readable(text: str) -> None:
    assert _phones(text) == []


def test_a_home_care_service_is_no_home() -> None:
    # "kotihoito" (home care) is a service: its number stays readable
    assert _phones("Kotihoidon ilta-apu vastaa numerosta 019 520 4490.") == []


def test_the_direct_line_choice_keeps_a_named_officials_line() -> None:
    text = "Rakennuslupa-asiat: Heikki Lampinen, puh. 019 520 4417"
    organisation = OwnContacts(direct_lines="organisation")
    assert _phones(text, contacts=organisation) == []
    # ... but never the line the writer calls their own
    assert _phones("Soita minulle 019 520 4417.", contacts=organisation) == ["019 520 4417"]


@pytest.mark.parametrize(
    "text",
    [
        # the sixty-second round: the whole city's number is nobody's line, beside a name
        # or in a resident's "I called ..." (docs/personal-data.md)
        "Terveisin Marja Kinnunen, asiakaspalvelu, p. 019 520 211",
        "Jag har ringt 019 520 211 tre gånger utan svar! Ring mig: 040 123 4567, Anna",
        "Yhteyshenkilö Heikki Lampinen, puh. (019) 520 211",
    ],
)
def test_the_switchboard_is_nobodys_line(text: str) -> None:
    assert not [p for p in _phones(text) if p.replace(" ", "").endswith("520211")]
    # a direct line beside the same name stays masked, and with no switchboard set the
    # switchboard is read as any other number in the block
    assert _phones("Terveisin Marja Kinnunen, p. 019 520 2117") == ["019 520 2117"]
    no_switchboard = OwnContacts(switchboards=())
    assert [p for p in _phones(text, contacts=no_switchboard) if p.endswith("211")]


def test_numbers_outside_the_block_are_unchanged() -> None:
    # a neighbouring block, a mobile, and another city's block under Porvoo's settings
    assert _phones("Soita 019 521 4871 tai 040 520 4871.") == ["019 521 4871", "040 520 4871"]
    assert _phones("Vesihuolto 017 182 1234.") == ["017 182 1234"]


def test_another_city_sets_its_own_block() -> None:
    text = "Vesihuollon vikailmoitukset 017 182 1234, muut 019 520 4871."
    # (organisation_phones off: it keeps both as the water utility's fault lines)
    alone = NameRules(**BARE_OFF, organisation_phones=False)
    assert _phones(text, alone, contacts=OTHER_CITY) == ["019 520 4871"]
    assert _phones("Call +358 17 182 1234.", contacts=OTHER_CITY) == []


def test_the_settings_reach_the_own_contacts() -> None:
    settings = Settings(
        organisation_phone_blocks="017 182",
        organisation_mail_domains="@kuopio.fi, kuopio.net",
        organisation_direct_lines="organisation",
        organisation_service_mobile_blocks="044 718, +358 50 411",
        organisation_switchboards="017 182 111, +358 17 182 000",
    )
    contacts = OwnContacts.from_settings(settings)
    assert contacts.switchboards == ("017182111", "017182000")
    assert contacts.is_switchboard("(017) 182 111") and not contacts.is_switchboard("017 182 1112")
    assert contacts.phone_blocks == ("017182",)
    assert contacts.service_mobile_blocks == ("044718", "050411")
    assert contacts.in_service_mobile_block("+358 44 718 2200")
    assert contacts.mail_domains == ("kuopio.fi", "kuopio.net")
    assert contacts.direct_lines == "organisation"
    assert contacts.own_domain("opisto.kuopio.fi") and not contacts.own_domain("xkuopio.fi")
    defaults = OwnContacts.from_settings(Settings())
    assert defaults == PORVOO
    none = OwnContacts.from_settings(
        Settings(organisation_phone_blocks="", organisation_mail_domains="")
    )
    assert _phones("Soita 019 520 4871.", contacts=none) == ["019 520 4871"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("organisation_phone_blocks", "kaupungin vaihde"),
        ("organisation_mail_domains", "porvoo"),
        ("organisation_direct_lines", "sometimes"),
        ("organisation_service_mobile_blocks", "palveluiden kännykät"),
        ("organisation_switchboards", "kaupungin vaihde"),
    ],
)
def test_a_bad_setting_is_refused_naming_the_field(field: str, value: str) -> None:
    with pytest.raises(ValidationError, match=field):
        Settings(**{field: value})


@pytest.mark.parametrize("block", ["12 34", "+44 20 7946", "0"])
def test_a_block_that_is_no_phone_number_start_is_refused(block: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"'{block}'")):
        parse_phone_blocks(block)


def test_a_switchboard_must_be_a_whole_number() -> None:
    # a block's start is no switchboard: the settings name the field and the item
    with pytest.raises(ValueError, match="organisation switchboard '019 520' is not a whole"):
        OwnContacts.from_settings(Settings(organisation_switchboards="019 520"))


# --- mailboxes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "etunimi.sukunimi@kuopio.fi",  # templates of staff addresses, any domain
        "fornamn.efternamn@vasa.fi",
        "firstname.lastname@example.org",
        "ymparisto@sipoo.fi",  # ä written a: "ympäristö"
        "paivahoito@lohja.fi",  # "päivähoito"
        "kirjasto-neuvonta@loviisa.fi",  # hyphenated words
        "hyresbostader@kommun.se",  # "hyresbostäder": a compound with a linking s
        "bygglov@kommun.se",  # a compound
    ],
)
def test_a_role_or_template_mailbox_is_kept(address: str) -> None:
    assert role_mailbox(address, PORVOO)
    assert _masked(f"Frågor: {address}") == []


@pytest.mark.parametrize(
    "address",
    [
        "perhetyo-tiimi@porvoo.fi",  # own domain: no name, a hyphen
        "alla-ledare@borga.fi",
        "vuokrataloasiat@porvoo.fi",
    ],
)
def test_a_role_box_at_an_own_domain_is_kept(address: str) -> None:
    assert role_mailbox(address, PORVOO)
    assert not role_mailbox(address, OTHER_CITY, forms=False, places=False)


@pytest.mark.parametrize(
    "address",
    [
        "heikki.lampinen@porvoo.fi",  # firstname.lastname at the own domain
        "heikki@porvoo.fi",  # a first name alone
        "lampinen@porvoo.fi",  # a surname alone
        "h.lampinen@borga.fi",
        "ymparisto@gmail.com",  # a free-mail provider
        "paivahoito2@lohja.fi",  # a digit
        "jonna@firma.fi",  # a first name: no marks put back
        "etunimi.virtanen@porvoo.fi",  # half a template is a person's
    ],
)
def test_a_persons_mailbox_stays_masked(address: str) -> None:
    assert not role_mailbox(address, PORVOO)
    assert _masked(f"Kopio: {address}") == [address]


def test_each_mailbox_switch_alone() -> None:
    assert _masked(
        "Kopio: etunimi.sukunimi@kuopio.fi",
        NameRules(**BARE_OFF, template_mailboxes=False, place_mailboxes=False),
    )
    assert _masked(
        "Kopio: alla-ledare@borga.fi",
        NameRules(**BARE_OFF, own_domain_mailboxes=False, place_mailboxes=False),
    )
    off = NameRules(**BARE_OFF, mailbox_word_forms=False)
    assert _masked("Kopio: ymparisto@sipoo.fi", off) == ["ymparisto@sipoo.fi"]


# --- web addresses ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Registration opens on 3 May 2026 at www.kuopio.fi/kesa and closes in June.",
        "Submit at kuopio.fi/ideat before Friday.",
        "The minutes are available in Finnish at kuopio.fi.",
        "Lomake: https://www.example.fi/lomake/0401234567",
        "Ohjeet sivulla sipoo.fi/palvelut/019-520-211.",
    ],
)
def test_a_web_address_is_never_masked(text: str) -> None:
    assert _masked(text) == []


def test_the_web_address_switch() -> None:
    assert _masked("Submit at kuopio.fi/ideat", NameRules(**BARE_OFF, web_addresses=False)) != []


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Kirjoita: maija.k at gmail.com", "maija.k at gmail.com"),
        ("Osoite liisa at gmail.com", "liisa at gmail.com"),
        ("Lähetä: anna at kolumbus.fi", "anna at kolumbus.fi"),
        ("Write to Virtanen at kuopio.fi", "Virtanen at kuopio.fi"),
        ("Write to Smith at gmail.com", "Smith at gmail.com"),
        ("Linkki: https://example.fi/?to=anna.k@gmail.com", "anna.k@gmail.com"),
    ],
)
def test_an_email_beside_or_inside_a_web_address_stays_masked(text: str, secret: str) -> None:
    assert secret in _masked(text)


# --- housing companies and e-invoice addresses ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rakennuslautakunta: Kivikatu 7, parvekkeiden lasitus (Asunto Oy Kivikatu 7).",
        "Asunto Oy Loviisan Mannerheiminkatu 21 hakee lupaa hissille.",
        "Kohde: Kivikatu 7. Hakija Asunto Oy Kivikatu 7.",
    ],
)
def test_a_housing_company_named_after_its_address_is_kept(text: str) -> None:
    assert _masked(text) == []
    assert (
        _masked(text, NameRules(**BARE_OFF, housing_companies=False, organisation_holders=False))
        != []
    )


@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("As Oy Kivikatu 7, myydään asunto Kivikatu 7 B 12.", "Kivikatu 7 B 12"),
        ("Bostads Ab Strandgatan 14; jag bor på Åsvägen 3.", "Åsvägen 3"),
    ],
)
def test_a_flat_or_another_address_beside_a_housing_company_stays_masked(
    text: str, home: str
) -> None:
    assert home in _masked(text)


def test_an_e_invoice_address_is_kept_and_a_phone_beside_it_is_not() -> None:
    # 0037 + a business id with a valid check digit (1765124-8), in a text on e-invoicing
    text = "Verkkolaskut: välittäjä Maventa (003717651248), kysymykset 00372 5123 4567."
    assert _masked(text) == ["00372 5123 4567"]
    off = NameRules(**BARE_OFF, e_invoice_addresses=False)
    assert _masked(text, off) == ["003717651248", "00372 5123 4567"]
    # a wrong check digit, or no word of e-invoicing: a number as any other
    assert _masked("Välittäjä Maventa (003717651249).") == ["003717651249"]
    assert _masked("Soita 003717651248.") == ["003717651248"]
