"""Identifiers typed oddly (rag/core/privacy/typed_identifiers.py): each mechanism finds its
form with its switch on and not with it off, and look-alikes (dates, times, record numbers,
sums, postal codes, business ids, references, service numbers) stay unmasked with every switch
on. Every string here was written for this test; the identity codes and IBANs were computed to
pass (or, where said, to fail) their own checks."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rag.core.privacy import NameRules, find_pii
from rag.core.privacy.identifiers import hetu_check_ok, iban_check_ok
from tests.rag.core.name_rules import BARE_OFF

SWITCHES = (
    "digit_lookalikes",
    "phone_groupings",
    "dashed_identity_codes",
    "iban_groupings",
    "unusual_separators",
    "email_obfuscations",
)
ALL_ON = NameRules(**BARE_OFF, **dict.fromkeys(SWITCHES, True))
# an IBAN with no-break spaces, and one with narrow no-break spaces (Swedish typography)
NBSP_IBAN = "\u00a0".join(("FI46", "4710", "1200", "3852", "14"))
THIN_IBAN = "\u202f".join(("SE61", "8000", "0012", "3456", "7890", "1234"))


def _found(text: str, rules: NameRules = ALL_ON) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.kind) for s in find_pii(text, rules)]


@pytest.mark.parametrize(
    ("text", "value", "kind", "switch"),
    [
        # letters typed for digits
        ("soittakaa numeroon 050 4l2 9087 kiitos", "050 4l2 9087", "PHONE", "digit_lookalikes"),
        ("tfn O70-318 22 51 efter fem", "O70-318 22 51", "PHONE", "digit_lookalikes"),
        ("puh. 04O 1I9 3372", "04O 1I9 3372", "PHONE", "digit_lookalikes"),
        ("hetu 24O587-913D hakemukseen", "24O587-913D", "HETU", "digit_lookalikes"),
        # mobile numbers grouped oddly, dots, a spaced slash
        ("soita 046-0812-339 illalla", "046-0812-339", "PHONE", "phone_groupings"),
        ("Puh: 041 23 45 67 8 (työ)", "041 23 45 67 8", "PHONE", "phone_groupings"),
        ("numero 0 5 0 7 7 1 2 0 4 4", "0 5 0 7 7 1 2 0 4 4", "PHONE", "phone_groupings"),
        ("puh 045.812.33.90", "045.812.33.90", "PHONE", "phone_groupings"),
        ("tel +358.44.512.7730", "+358.44.512.7730", "PHONE", "phone_groupings"),
        ("puhelin 044 / 712 3390", "044 / 712 3390", "PHONE", "phone_groupings"),
        # identity codes with a typographic or spaced dash, with their checks
        ("Henkilötunnus 240587–913D", "240587–913D", "HETU", "dashed_identity_codes"),
        ("hetu 300765 — 021e", "300765 — 021e", "HETU", "dashed_identity_codes"),
        ("personnummer 760412 - 3781 bifogas", "760412 - 3781", "HETU", "dashed_identity_codes"),
        ("pnr 19580101–1239", "19580101–1239", "HETU", "dashed_identity_codes"),
        # IBANs in any grouping, with their check digits
        ("tilille FI 46 4710 1200 3852 14", "FI 46 4710 1200 3852 14", "IBAN", "iban_groupings"),
        ("tili fi4647 1012 0038 5214.", "fi4647 1012 0038 5214", "IBAN", "iban_groupings"),
        ("konto SE61-8000-0012-3456-7890-1234", "SE61-8000-0012-3456-7890-1234", "IBAN",
         "iban_groupings"),
        ("tili FI03 790 022 004 455 66 kiitos", "FI03 790 022 004 455 66", "IBAN",
         "iban_groupings"),
        # no-break and thin spaces, typographic dashes
        (f"tili {NBSP_IBAN}", NBSP_IBAN, "IBAN", "unusual_separators"),
        ("puh 040\u2011318 7261", "040\u2011318 7261", "PHONE", "unusual_separators"),
        ("tfn 070\u2012512 44 28", "070\u2012512 44 28", "PHONE", "unusual_separators"),
        (f"konto {THIN_IBAN}", THIN_IBAN, "IBAN", "unusual_separators"),
        # '@' and '.' spelled in more ways
        ("mejla mig: vilja.s<at>telia.com", "vilja.s<at>telia.com", "EMAIL", "email_obfuscations"),
        ("posti: tomi_k -at- elisa.fi", "tomi_k -at- elisa.fi", "EMAIL", "email_obfuscations"),
        ("osoite o.lind(ät-merkki)kolumbus.fi", "o.lind(ät-merkki)kolumbus.fi", "EMAIL",
         "email_obfuscations"),
        ("skriv till rasmus.e[at]abo[.]fi", "rasmus.e[at]abo[.]fi", "EMAIL", "email_obfuscations"),
        ("sähköposti jenna.p@luukku . com", "jenna.p@luukku . com", "EMAIL", "email_obfuscations"),
        ("sähköposti jenna.p@luukku,com", "jenna.p@luukku,com", "EMAIL", "email_obfuscations"),
    ],
)  # fmt: skip
def test_each_mechanism_finds_its_form_only_when_switched_on(
    text: str, value: str, kind: str, switch: str
) -> None:
    assert (value, kind) in _found(text)
    assert (value, kind) in _found(text, NameRules(**BARE_OFF, **{switch: True}))
    assert (value, kind) not in _found(text, replace(ALL_ON, **{switch: False}))


def test_a_whole_odd_number_replaces_the_shorter_match_inside_it() -> None:
    text = "Puh: 041 23 45 67 8 (työ)"
    assert _found(text, NameRules(**BARE_OFF)) == [("041 23 45 67", "PHONE")]
    assert _found(text) == [("041 23 45 67 8", "PHONE")]


@pytest.mark.parametrize(
    "text",
    [
        # dates, times, ranges, record and diary numbers
        "Kokous 14.2.2026 klo 09.30–11.15, Dnro 311/02.05.00/2026.",
        "Lautakunta 3.9.2025 § 118, asia 2207/10.03.00/2025.",
        "Vuosina 2019–2023 ja 2024 – 2026 sekä 4.–6.8.2026.",
        "Aukioloajat 0800–1600 ja 0900-1500.",
        "ärende 044-0917-345 och fakturanr 0401-123-456.",
        "tilausnumero 0502-2026-0113 ja #20260214-0031",
        # sums, postal codes, counts, versions and addresses of machines
        "Summa 1 480 000 € ja 36 500 euroa, 0,40 €/kpl; postinumero 06150 Porvoo.",
        "Asukkaita 050 000 ja kävijöitä 0 4 0 1 2 3 kpl.",
        "Versio 0.14.2, osoite 10.0.12.7 ja luku 04.05.06.",
        "Pituus 040 – 060 cm ja 050–070 cm.",
        # letters beside digits that are no number: words, years, room numbers
        "Hello, hollo 10lla, Oili ja IIl.",
        "huone 4O4 tai vuosi 2O26?",
        # references, business ids, service numbers
        "Viitenumero 48213 77405 ja RF47 3388 1290 0452.",
        "Y-tunnus 2745198-3 ja palvelunumero 0800 132 110.",
        # IBAN-shaped runs that fail the check digits or have another length
        "tili FI 47 4710 1200 3852 14 (väärin kirjoitettu)",
        "tili FI46 4710 1200 3852 1 kesken",
        "lähetysnumero JJFI 6455 0071 2290 4418",
        # identity-code shapes with a wrong check character / Luhn digit
        "koodi 240587–913E ja 760412 - 3782",
        # sentences, web addresses and broken addresses that are no e-mail
        "Lisätietoja www.porvoo.fi . Se päivittyy.",
        "Kirjoita minulle osoitteeseen anna@koti. Se toimii.",
    ],
)
def test_look_alikes_stay_unmasked_with_every_switch_on(text: str) -> None:
    assert _found(text) == _found(text, NameRules(**BARE_OFF))
    assert not [kind for _, kind in _found(text) if kind != "NAME"]


def test_a_business_id_with_a_typographic_dash_is_kept_with_unusual_separators() -> None:
    text = "Laskuttajan tunnus 0274319\u20135, eräpäivä 14.3."
    assert ("0274319", "PHONE") in _found(text, NameRules(**BARE_OFF))
    assert not _found(text, NameRules(**BARE_OFF, unusual_separators=True))


def test_the_checks_follow_the_standards() -> None:
    assert hetu_check_ok("240587913", "D") and hetu_check_ok("240587913", "d")
    assert not hetu_check_ok("240587913", "E")
    assert iban_check_ok("FI4647101200385214") and iban_check_ok("SE6180000012345678901234")
    assert not iban_check_ok("FI4747101200385214")
    assert not iban_check_ok("FI00000000000000")  # a form's placeholder
    assert not iban_check_ok("FI46 4710")  # not one run of letters and digits


def test_only_odd_iban_groupings_are_read_by_default() -> None:
    # on since the forty-sixth round (docs/personal-data.md); the others stay off
    defaults = NameRules()
    assert defaults.iban_groupings
    assert not any(getattr(defaults, s) for s in SWITCHES if s != "iban_groupings")
    assert _found("tilille FI 46 4710 1200 3852 14", defaults) == [
        ("FI 46 4710 1200 3852 14", "IBAN")
    ]
