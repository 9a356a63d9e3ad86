"""An account or an address whose holder its clause names as an organisation:
"Socialbyrån, Biskopsgatan 15", "föreningens konto FI…", "Oy:n tilille FI…", a letterhead.

organisation_contacts.py keeps an office's address only when no person is named anywhere in
the string, and an account only without a word of money paid to a person ("avustus",
"bidrag", "vuokra"). A reminder names its client in one sentence and the office in the next,
a signature names the official above the office's lines, and a grant or a rent is paid to an
association's or a landlord company's account; so offices' addresses and organisations'
accounts stayed masked. Here the evidence is the holder itself, in the clause:

- the organisation stands right before the address or the account, only punctuation and
  address or account labels between ("A-kliniken, Västra Kyrkogatan 2", "(Kirjasto, Papinkatu
  20)", "föreningens konto FI…", "Asunnot Oy:n tilille FI…", "Kirjaston osoite on …"),
  within its last four words ("Päiväkoti Metsätähti, Ilolantie 40", "Vårdö rf betalas till
  kontot FI…"), or in brackets right after it ("Lundagatan 8 (Servicepunkten)");
- a line that holds only the address or the account (after its label) belongs to the line
  above it when that line names an organisation: the lines of a letterhead or of a
  signature's office ("Porvoon kaupunki / Borgå stad\nLäntinen Aleksanterinkatu 1");
- a paragraph that gives an organisation's business id (Y-tunnus, FO-nummer, business ID)
  and names no person is that organisation's letterhead or invoice.

The organisation is an institution noun of Finnish, Swedish or English (general knowledge:
school, day-care centre, library, office, clinic, health centre, warehouse, parish ...), a
public body ("kaupunki", "stad", "kommun", "City of"), a company or association mark (Oy, Ab,
Ky, ry, rf) or an association's word ("föreningens", "yhdistyksen").

Privacy wins: nothing is kept with a person's name in the clause (the paragraph, for a
letterhead), a person's role (asukas, vuokralainen, hakija, hyresgäst, tenant ...) or an
officer's (puheenjohtaja, ordförande, kassör, secretary ...), a home or
possessive word (asun, kotiosoite, tilini, mitt konto, bor, my home ...), money paid back to
a person (a refund, a compensation, a wage), or a flat in the address ("Kotikatu 3 B 12").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.core.privacy.identifiers import BUSINESS_ID
from rag.core.privacy.names import company_marks
from rag.core.privacy.organisation_contacts import (
    BODY_STEMS,
    CLAUSE_WORD,
    OFFICE_STEMS,
    OFFICER_ROLES,
    PERSON_ROLES,
    has_a_flat,
    sentence_bounds,
)
from rag.core.privacy.organisations import BRACKET_AFTER
from rag.core.privacy.spans import PiiSpan, overlaps

# Institutions beyond organisation_contacts' offices: agencies, clinics, service points,
# centres, depots, works, campuses, halls and venues, shops and banks, companies and
# associations in Finnish, Swedish and English (stems: compounds and case forms count).
_INSTITUTION_STEMS = (
    *OFFICE_STEMS, "byrå", "byrån", "klinik", "hoitola", "piste", "keskus", "keskukse",
    "central", "center", "centre", "centrum", "tjänster", "palvelut", "varasto", "lager",
    "warehouse", "depot", "tehdas", "tehta", "fabrik", "factory", "campus", "kampus", "desk",
    "office", "paloasema", "rautatieasema", "linja-autoasema", "huoltoasema", "station",
    "halli", "areena", "arena", "stadion", "teatteri", "teater",
    "theatre", "galleria", "galleri", "gallery", "opisto", "institut", "oppilaitos", "lukio",
    "gymnasium", "yliopisto", "universit", "högskola", "hotelli", "hotel", "ravintola",
    "restaurang", "restaurant", "kahvila", "kauppakeskus", "myymälä", "butik", "shop", "store",
    "yhtiö", "bolag", "company", "firma", "yritys", "yrityks", "företag",
    "osuuskun", "andelslag", "seura", "club", "klubb", "kerho", "liitto", "förbund",
    "association", "säätiö", "foundation", "parish", "diocese", "hiippakun", "stift",
    "church", "kappeli", "kapell", "arkisto", "arkiv", "archive", "satama", "hamn",
    "lentoasema", "flygplats", "airport", "agency", "virasto", "verket", "myndighet",
    "department", "authority", "ministeri", "hallinto", "förvaltning", "council",
)  # fmt: skip
# (Not "kauppa" nor "asema" alone: "asuntokauppa", "kauppakirja" sell a home, "asemakaava"
# plans a site.)
# (A bank named beside an account keeps it, it does not hold it: "FI… (Osuuspankki)"; and
# the name rules' wider list of organisation words also names houses and parks, which a
# person may own: "talo", "huset".)
# Labels and small words that may stand between the holder and its address or account.
_LABELS = frozenset({
    "osoite", "osoitteessa", "osoitteeseen", "osoitteesta", "käyntiosoite", "postiosoite",
    "adress", "adressen", "besöksadress", "address", "iban", "tili", "tilille", "tiliin",
    "tililtä", "tilinumero", "tilinro", "tilinumeroon", "konto", "kontot", "kontonummer",
    "kontonr", "bankkonto", "account", "pankkiyhteys", "bankförbindelse", "till", "to", "at",
    "i", "på", "in", "on", "är", "is", "nro", "nr", "numero", "nummer",
})  # fmt: skip
# Home and possessive words: the writer's or a person's own address or account.
HOME_WORDS = frozenset({
    "asun", "asumme", "asuin", "asuu", "asuvat", "koti", "kotona", "kotoa", "kotiin",
    "kotini", "kotimme", "kotiosoite", "kotiosoitteeni", "osoitteeni", "osoitteemme",
    "tilini", "tililleni", "tilinumeroni", "tiliini", "minun", "meidän", "oma", "oman",
    "omalle", "omaan", "bor", "bodde", "bostad", "bostaden", "hem", "hemma", "hemadress",
    "privat", "mitt", "min", "mina", "vårt", "vår", "my", "our", "home", "live", "lives",
    "lived", "private", "yksityinen", "talo", "talon", "taloni", "talomme", "talossa",
    "taloon", "hus", "huset", "house",
})  # fmt: skip
# ... and the houses and cottages people own ("Omakotitalon laajennus", "sommarstugan").
_HOME_STEMS = ("omakoti", "egnahem", "kesämök", "mökki", "stuga", "sommarstug", "villa")
# Money paid back or out to a person (a grant or a rent goes to whoever the clause names).
_PAID_TO_A_PERSON = (
    "palaut", "hyvit", "korvau", "återbetal", "ersättning", "refund", "reimburs", "palkk",
    "lön", "salary", "wage",
)  # fmt: skip
_BUSINESS_ID_LABEL = re.compile(
    r"(?i)(?:y-?tunnus|y-?tun\.?|fo-?nummer|fo-?nr|org\.?\s?nr|organisationsnummer|"
    r"business\s+id|vat)\W{0,3}$"
)
# How many words before a span may name its holder ("Päiväkoti Metsätähti, Ilolantie 40").
_BEFORE_WORDS = 4


def institution_word(word: str) -> bool:
    """An institution noun, a public body, a company or association mark ("Socialbyrån",
    "kaupungin", "Oy:n", "föreningens")."""
    lowered = word.lower()
    mark = lowered.split(":")[0].rstrip(".")
    return (
        (mark in company_marks and mark != "ek")
        or lowered.startswith(BODY_STEMS)
        or any(stem in lowered for stem in _INSTITUTION_STEMS)
    )


def _paragraph(text: str, start: int) -> tuple[int, int]:
    """The paragraph (lines between blank lines) that holds ``start``."""
    begin = text.rfind("\n\n", 0, start)
    finish = text.find("\n\n", start)
    return (0 if begin < 0 else begin + 2), (len(text) if finish < 0 else finish)


def personal_words(words: Sequence[str], account: bool) -> bool:
    """A person's role, a home or possessive word, or (for an account) money paid back to
    a person among ``words``."""
    for word in words:
        lowered = word.lower()
        if lowered in HOME_WORDS or lowered.startswith(_HOME_STEMS):
            return True
        if PERSON_ROLES.match(lowered) or OFFICER_ROLES.match(lowered):
            return True
        if account and lowered.startswith(_PAID_TO_A_PERSON):
            return True
    return False


def words_before(words: list[str], labels: frozenset[str]) -> list[str]:
    """The last few words before a span, its labels (lower-cased in ``labels``) aside."""
    while words and words[-1].lower() in labels:
        words = words[:-1]
    return words[-_BEFORE_WORDS:]


def _holder_before(words: list[str]) -> bool:
    """An organisation among the last words before the span, labels aside."""
    return any(institution_word(w) for w in words_before(words, _LABELS))


def _holder_after(text: str, end: int) -> bool:
    bracket = BRACKET_AFTER.match(text, end)
    return bracket is not None and any(
        institution_word(w) for w in CLAUSE_WORD.findall(bracket.group(1))
    )


def _line_above(text: str, begin: int, span: PiiSpan, names: Sequence[PiiSpan]) -> bool:
    """The span is all its line holds (after a label) and the line above names an
    organisation and no person: a letterhead or the office lines of a signature."""
    if begin == 0 or text[begin - 1] != "\n":
        return False
    before = [w for w in CLAUSE_WORD.findall(text, begin, span.start) if w.lower() not in _LABELS]
    if before:
        return False
    above = text.rfind("\n", 0, begin - 1) + 1
    if above == begin - 1 or overlaps(names, above, begin - 1):
        return False
    return any(institution_word(w) for w in CLAUSE_WORD.findall(text, above, begin - 1))


def _letterhead(text: str, span: PiiSpan, names: Sequence[PiiSpan]) -> bool:
    """The span's paragraph gives a business id after its label and names no person."""
    begin, end = _paragraph(text, span.start)
    if overlaps(names, begin, end):
        return False
    return any(
        _BUSINESS_ID_LABEL.search(text, max(begin, found.start() - 20), found.start())
        for found in BUSINESS_ID.finditer(text, begin, end)
    )


def organisation_holder(text: str, span: PiiSpan, names: Sequence[PiiSpan]) -> bool:
    """Whether an IBAN or a street address without a flat is an organisation's by its
    clause: the organisation right before it (or in brackets after it), on the line above a
    line that holds only it, or the business id of its paragraph; never with a person's
    name, role, home or possessive word (or for an account, a refund or a wage) in the
    clause."""
    if span.kind == "ADDRESS" and has_a_flat(text[span.start : span.end].strip()):
        return False
    begin, end = sentence_bounds(text, span.start, span.end)
    if overlaps(names, begin, end):
        return False
    if personal_words(CLAUSE_WORD.findall(text, begin, end), span.kind == "IBAN"):
        return False
    return (
        _holder_before(CLAUSE_WORD.findall(text, begin, span.start))
        or _holder_after(text, span.end)
        or _line_above(text, begin, span, names)
        or _letterhead(text, span, names)
    )


def keep_organisation_holders(
    text: str, spans: Sequence[PiiSpan], names: Sequence[PiiSpan]
) -> list[PiiSpan]:
    """``spans`` without the accounts and addresses whose clause names an organisation as
    their holder; ``names`` are the persons' names found in ``text``."""
    return [
        s
        for s in spans
        if s.kind not in ("IBAN", "ADDRESS") or not organisation_holder(text, s, names)
    ]


__all__ = [
    "HOME_WORDS",
    "institution_word",
    "keep_organisation_holders",
    "organisation_holder",
    "personal_words",
    "words_before",
]
