"""Organisations' contact data, not people's: functional mailboxes, offices' and works'
addresses, and the accounts organisations are paid to.

A registry's or a service's mailbox ("kirjaamo@porvoo.fi", "registratur@borga.fi"), the
address of a city hall or a library ("kaupungintalolla, Raatihuoneenkatu 6"), a range of
street numbers ("Harjukatu 2–18": a range is never one home) or a list of addresses of one
works ("Rantakatu 5 ja Rantakatu 7"), and the account of a city or an association that
residents pay to identify an organisation, not a person (GDPR: a functional mailbox or an
organisation's office is no natural person's data). They stay readable.

Privacy comes first where the two meet: a person's name found anywhere in the string, or a
first-person word ("asun", "osoitteeni", "mitt konto", "bor på") keeps an address or an
account masked; a flat number keeps an address masked; an e-mail with a first name, a
digit, a word that is not a dictionary word, or at a free-mail provider stays masked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import rag.core.privacy.finnish_morphology as finnish_morphology
from rag.core.privacy.common_words import is_common_anywhere
from rag.core.privacy.finnish_morphology import WordKind
from rag.core.privacy.first_names import is_first_name, is_word_like
from rag.core.privacy.organisations import CLAUSE_END, organisation_word
from rag.core.privacy.spans import PiiSpan, overlaps

# --- Functional mailboxes -------------------------------------------------------------------

# Consumer and free-mail providers and the Finnish and Swedish operators' home-user domains
# (general knowledge): a mailbox there is a person's, whatever its local part says.
FREE_MAIL_DOMAINS = frozenset({
    "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "icloud",
    "me", "mac", "aol", "gmx", "protonmail", "proton", "pm", "tutanota", "tuta", "zoho",
    "yandex", "mail", "email", "inbox", "fastmail", "hushmail", "luukku", "suomi24",
    "kolumbus", "elisanet", "saunalahti", "welho", "inet", "netti", "kotiposti", "iki",
    "nic", "telia", "bredband", "bredband2", "spray", "passagen", "comhem", "tele2", "bahnhof",
    "jippii", "sci", "dnainternet", "anvia", "kotinet", "webmail", "koti", "posti", "post",
    "ukr", "libero", "web", "t-online", "orange", "wanadoo", "free", "eircom", "seznam",
})  # fmt: skip
# A template of a person's address ("etunimi.sukunimi@porvoo.fi"): a person's box.
NAME_PLACEHOLDERS = frozenset({
    "etunimi", "sukunimi", "förnamn", "fornamn", "efternamn", "firstname", "lastname",
    "first", "last", "name", "nimi", "namn",
})  # fmt: skip
_LOCAL_PARTS = re.compile(r"[._-]+")


def names_a_person(part: str) -> bool:
    """A first name or a surname as written: "tapio", "toivo", "rinne"; not a word's
    inflected form that is also a rare name ("maksut": the plural of "maksu")."""
    if is_first_name(part, word_like=False):
        return True
    reading = finnish_morphology.read_word(part)
    if reading.person and part in {b.lower() for b in reading.person_base_forms}:
        return True
    inflected_word = reading.kind is WordKind.WORD and part not in reading.base_forms
    return is_word_like(part) and not inflected_word


def box_word(part: str) -> bool:
    """A dictionary word of some language or an organisation's word ("registratur"), no
    person's name and no name placeholder."""
    if len(part) < 2 or not part.isalpha() or part in NAME_PLACEHOLDERS:
        return False
    if names_a_person(part):
        return False
    return organisation_named(part) or is_common_anywhere(part)


def free_mail_domain(domain: str) -> bool:
    """Whether a mail domain is a free-mail or consumer provider's ("gmail.com", "x.inet.fi")."""
    return any(label in FREE_MAIL_DOMAINS for label in domain.lower().split(".")[:-1])


def split_mailbox(address: str) -> tuple[str, str] | None:
    """The local part and the domain of a plainly written e-mail address (one "@", no
    space), in lower case; None for anything else."""
    if address.count("@") != 1 or " " in address:
        return None
    local, domain = address.lower().split("@")
    return local, domain


def local_parts(local: str) -> list[str]:
    """The parts of a mailbox's local part between dots, hyphens and underscores."""
    return [p for p in _LOCAL_PARTS.split(local) if p]


def functional_mailbox(address: str) -> bool:
    """Whether a plainly written e-mail address (``local@domain``) is an organisation's
    functional box: every part of the local part a dictionary word of Finnish, Swedish or
    English (no first name, no digit), at a domain that is no free-mail provider's."""
    split = split_mailbox(address)
    if split is None or free_mail_domain(split[1]):
        return False
    parts = local_parts(split[0])
    return bool(parts) and all(box_word(p) for p in parts)


# --- Where a clause begins and ends ---------------------------------------------------------

# A word of a clause, "Oy:n" and "FO-nummer" whole.
CLAUSE_WORD = re.compile(r"[^\W\d_][\w'-]*(?::\w+)?")


# A sentence is read at most this far on each side of a span: a "sentence" of thousands of
# numbers or addresses with no full stop before a capital would otherwise be read whole for
# each of them, in time that grows with the square of its length.
SENTENCE_REACH = 400


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (within its line: a line break ends a clause too) that
    holds ``text[start:end]``, at most ``SENTENCE_REACH`` characters on each side."""
    begin = max(0, start - SENTENCE_REACH)
    finish = min(len(text), end + SENTENCE_REACH)
    # (read a little past the window, so a sentence end's capital after it is seen)
    for mark in CLAUSE_END.finditer(text, begin, min(len(text), finish + 100)):
        if mark.start() >= finish:
            break
        if mark.end() <= start:
            begin = mark.end()
        elif mark.start() >= end:
            finish = mark.start()
            break
    return begin, finish


# --- Personal evidence ----------------------------------------------------------------------

# First-person and home words that make an address or an account the writer's (or a home's).
PERSONAL_WORDS = frozenset({
    "asun", "asumme", "asuin", "asunto", "asuntoni", "kotini", "kotiosoite", "kotiosoitteeni",
    "osoitteeni", "osoitteemme", "minun", "minulle", "minä", "mä", "mun", "meidän", "oma", "oman",
    "omalle", "tilini", "tililleni", "tilinumeroni", "tiliini", "tililtäni", "tililläni", "jag",
    "mig", "min", "mitt", "mina", "bor", "bostad", "bostaden", "hem", "hemma", "hemadress",
    "privat", "my", "mine", "home", "live", "lives", "private", "vuokralainen", "hyresgäst",
    "hyresgästen", "asukas", "asukkaan", "invånare",
})  # fmt: skip
# Money paid out to a person: a refund, compensation, a wage, a rent.
_PAID_TO_A_PERSON = (
    "palaut", "hyvit", "korvau", "korvaus", "återbetal", "ersättning", "refund", "reimburs",
    "deposit", "vuokra", "hyra", "hyran", "palkk", "palkkio", "lön", "salary", "utbetal",
    "tilitän", "avustus", "bidrag", "stipend", "apura", "grant",
)  # fmt: skip


def paid_to_a_person(word: str) -> bool:
    """Whether ``word`` speaks of money paid out to a person ("palautus", "hyran", "refund")."""
    return word.lower().startswith(_PAID_TO_A_PERSON)


# A person as the holder: a resident's, tenant's, client's, applicant's or neighbour's role.
PERSON_ROLES = re.compile(
    r"(?i)^(?:asuka[st]\w*|asukk\w*|vuokralai\w*|hakija\w*|asiak(?:as|kaa\w*|kai\w*)|"
    r"potila\w*|oppila\w*|huoltaja\w*|omistaja\w*|hyresgäst\w*|sökande\w*|kund(?:en|er|ens)?|"
    r"klient\w*|patient\w*|elev\w*|vårdnadshavare\w*|ägare\w*|boende\w*|invånare\w*|"
    r"tenant\w*|resident\w*|applicant\w*|customer\w*|client\w*|owner\w*|pupil\w*|"
    # a neighbour lives at the address named beside them ("grannen på Ågatan 5"); the case
    # forms only, not the compounds of places ("naapurikunta", "grannkommun")
    r"naapuri(?:n|a|lle|lta|lla|sta|ssa|t|ni|mme|si|nsa|ltani|lleni)?|naapure\w*|"
    r"grann(?:e|en|ens|ar|arna|arnas)|neighbou?rs?)$"
)
# An organisation's officer or member: "yhdistyksen puheenjohtajan osoite" is a person's home.
OFFICER_ROLES = re.compile(
    r"(?i)^(?:(?:vara)?puheenjohtaj\w*|sihteeri\w*|rahastonhoitaj\w*|yhteyshenkilö\w*|"
    r"edustaj\w*|jäsen(?:en|elle|et|ten|iä)?|ordförande\w*|sekreterare\w*|kassör\w*|"
    r"kontaktperson\w*|representant\w*|medlem(?:men|mar|marna)?|chair\w*|secretary|"
    r"treasurer\w*|members?)$"
)


def _personal_context(
    text: str, begin: int, end: int, names: Sequence[PiiSpan], local: bool = False
) -> bool:
    """A person's name anywhere in the string (with ``local``, in the sentence), or a
    first-person or home word or an officer's role in the sentence ("yhdistyksen
    puheenjohtajan osoite": an officer's home)."""
    if overlaps(names, begin, end) if local else names:
        return True
    words = [w.lower() for w in CLAUSE_WORD.findall(text, begin, end)]
    return any(w in PERSONAL_WORDS or OFFICER_ROLES.match(w) for w in words)


# The stems of public bodies and associations in their case forms ("kaupungin", "kunnan",
# "Stadens", "yhdistyksen"), which the name rules' organisation words leave to base forms.
BODY_STEMS = (
    "kaupun", "kunna", "kunta", "stad", "kommun", "valtio", "staten", "yhdisty", "förening",
    "seura", "säätiö", "stiftelse", "hyvinvointialue", "välfärdsområde", "seurakun",
    "församling", "city", "municipal",
)  # fmt: skip


def organisation_named(word: str) -> bool:
    """Whether ``word`` names an organisation: a public body's stem ("kaupungin", "Stadens")
    or a company's or association's mark ("Oy", "ry", "Ab")."""
    return word.lower().startswith(BODY_STEMS) or organisation_word(word.rstrip(".,"))


# --- Offices' and works' addresses ----------------------------------------------------------

# Offices and service points residents visit, in Finnish, Swedish and English (general
# knowledge; compounds and case forms count: "kaupungintalolla", "pääkirjastossa").
OFFICE_STEMS = (
    "kirjasto", "bibliotek", "library", "virasto", "kaupungintalo", "raatihuone", "stadshus",
    "rådhus", "town hall", "city hall", "toimipiste", "palvelupiste", "asiointipiste",
    "servicepunkt", "servicekontor", "asiakaspalvelu", "kundtjänst", "terveysasema",
    "terveyskeskus", "hälsostation", "hälsocentral", "sairaala", "sjukhus", "päiväkoti",
    "daghem", "koulu", "skola", "valtuustosal", "fullmäktigesal", "museo", "museum",
    "kirkko", "kyrka", "seurakunta", "församling", "oikeus", "domstol", "tingsrätt",
    "poliisi", "polis", "toimisto", "kontor", "kansli", "kirjaamo", "registrator",
    "matkailu", "turist", "tourist", "uimahalli", "simhall", "nuorisotalo", "ungdomsgård",
    "kulttuuritalo", "kulturhus", "kulttuurikeskus", "neuvola", "rådgivning", "vastaanotto",
    "mottagning", "apteekki", "apotek", "info",
)  # fmt: skip
# Words before an address within which an office must stand ("Porvoon terveysasemalla,
# Vanha Helsingintie 6"; "kaupungintalolla, Raatihuoneenkatu 6").
_OFFICE_WINDOW = 6
_OFFICE_WINDOW_AFTER = 4
# A flat after the house number ("12 B 7", "4 as. 7", "3 lgh 1102"): a home.
_FLAT = re.compile(r"\d+\s?[A-Za-z]?\s?(?:as\.?|bst\.?|lgh\.?|[A-Za-z])\s?\d+\s*$")
_RANGE = re.compile(r"(\d+)\s?[-–]\s?(\d+)\s*$")


def _number_range(address: str) -> bool:
    """Whether an address ends in a range of house numbers ("Harjukatu 2–18"); a falling
    pair is a house and its flat ("Pärnu mnt 41-6"), which is one home."""
    found = _RANGE.search(address)
    return found is not None and int(found.group(2)) > int(found.group(1))


def has_a_flat(address: str) -> bool:
    """Whether an address ends with a flat ("Papinkatu 22 B 14"): a home, not a range."""
    return _FLAT.search(address) is not None and not _number_range(address)


# What joins the addresses of one list: "Rantakatu 5 ja Rantakatu 7", "9, 11 och 13".
_JOINER = re.compile(r"\s*(?:,|ja|sekä|och|samt|and|&)\s*", re.I)


def office_word(word: str) -> bool:
    """Whether ``word`` names an office residents visit ("kirjastossa", "Bostadsbyrån") or an
    organisation (``organisation_named``)."""
    lowered = word.lower()
    return any(stem in lowered for stem in OFFICE_STEMS) or organisation_named(word)


def _office_beside(text: str, begin: int, end: int, address: PiiSpan) -> bool:
    """An office in the words before the address, or in the few right after it ("Jokikatu
    43 on kaupungin matkailuneuvonta")."""
    before = CLAUSE_WORD.findall(text, begin, address.start)[-_OFFICE_WINDOW:]
    after = CLAUSE_WORD.findall(text, address.end, end)[:_OFFICE_WINDOW_AFTER]
    return any(office_word(w) for w in before + after)


def _beside(addresses: Iterable[PiiSpan]) -> dict[int, list[PiiSpan]]:
    """Each address's neighbours in the text, the one before and the one after it: only
    these can be joined to it by a comma or a conjunction alone (reading every other address
    for each one took time in the square of their number)."""
    ordered = sorted(addresses, key=lambda s: s.start)
    return {
        id(span): ordered[max(0, index - 1) : index] + ordered[index + 1 : index + 2]
        for index, span in enumerate(ordered)
    }


def _listed(address: PiiSpan, addresses: Sequence[PiiSpan], text: str) -> bool:
    """Whether another address stands right before or after this one, joined by a comma or a
    conjunction only."""
    for other in addresses:
        if other is address:
            continue
        gap = text[other.end : address.start] if other.end <= address.start else ""
        gap = gap or (text[address.end : other.start] if address.end <= other.start else "")
        if gap and _JOINER.fullmatch(gap):
            return True
    return False


def organisation_address(
    text: str,
    address: PiiSpan,
    addresses: Sequence[PiiSpan],
    names: Sequence[PiiSpan],
    ranges: bool = True,
    offices: bool = True,
    local: bool = False,
) -> bool:
    """Whether a street address found in ``text`` is no home: (with ``ranges``) a range of
    numbers ("Harjukatu 2–18") or one of a list of addresses ("Rantakatu 5 ja Rantakatu 7");
    (with ``offices``) an office or a company named in the words before it ("kirjastossa,
    Papinkatu 20", "Virtanen Oy, Teollisuustie 14"); ``addresses`` are the addresses beside
    it in the text (``_beside``). Never with a flat number, a person's
    name in the string (with ``local``: in its sentence), or a first-person or home word in
    its sentence."""
    found = text[address.start : address.end].strip()
    if has_a_flat(found):
        return False
    begin, end = sentence_bounds(text, address.start, address.end)
    if _personal_context(text, begin, end, names, local):
        return False
    if ranges and (_number_range(found) or _listed(address, addresses, text)):
        return True
    return offices and _office_beside(text, begin, end, address)


# --- Organisations' accounts ----------------------------------------------------------------


def organisation_account(
    text: str,
    iban: PiiSpan,
    names: Sequence[PiiSpan],
    local: bool = False,
    references: bool = False,
) -> bool:
    """Whether an IBAN is an organisation's account that residents pay to: an organisation
    (a company mark, "ry", "rf", "kaupungin", "Stadens") named in its sentence, with no
    person's name anywhere in the string, no first-person word and no payment to a person
    (a refund, a compensation, a wage, a rent) in the sentence. With ``references``, a
    payment reference in the sentence ("viite", "referens", an RF creditor reference) stands
    for the organisation: an invoice's payee, where no organisation is named ("Maksa
    viimeistään 12.2. tilille FI40 …, viite 1234 56789")."""
    begin, end = sentence_bounds(text, iban.start, iban.end)
    if _personal_context(text, begin, end, names, local):
        return False
    words = CLAUSE_WORD.findall(text, begin, iban.start) + CLAUSE_WORD.findall(text, iban.end, end)
    if any(paid_to_a_person(w) for w in words):
        return False
    if references and (
        any(w.lower().startswith(_REFERENCE_STEMS) for w in words)
        or _CREDITOR_REFERENCE.search(text, begin, end)
    ):
        return True
    return any(organisation_named(w) for w in words)


# A payment reference: viite, viitenumero, viitteellä; referens, referensnummer; reference.
_REFERENCE_STEMS = ("viite", "viitte", "referens", "reference")
# The international creditor reference (ISO 11649): "RF" and two check digits.
_CREDITOR_REFERENCE = re.compile(r"\bRF\d{2}[ ]?[0-9A-Z]")


def label_pattern(labels: str) -> re.Pattern[str]:
    """A label (the alternatives ``labels``, a regular expression) that ends right before
    what follows it: a colon after a few words at most may stand between ("Besöksadress från
    1.9.: ...", "Ny adress från 1.3.: ...")."""
    return re.compile(rf"(?i)(?<![\w-])(?:{labels})(?![\w-])(?:[^\n:]{{0,20}}:)?[ \t]*\Z")


def after_label(label: re.Pattern[str], text: str, start: int, reach: int | None = None) -> bool:
    """Whether ``label`` (from ``label_pattern``) ends right before ``start`` on its line,
    looked for in the ``reach`` characters before it (the whole line without one)."""
    window_start = text.rfind("\n", 0, start) + 1
    if reach is not None:
        window_start = max(window_start, start - reach)
    return label.search(text, window_start, start) is not None


# A visiting address's label ("Käyntiosoite:", "Besöksadress", "Visiting address"): only an
# office receives visitors at an address.
_VISITING_LABEL = label_pattern(
    "(?:käynti|vierailu)osoite(?:emme)?|besöksadress(?:en)?|visiting address"
)


def visiting_address(text: str, address: PiiSpan) -> bool:
    """Whether an address (no flat) stands right after a visiting address's label."""
    if has_a_flat(text[address.start : address.end].strip()):
        return False
    return after_label(_VISITING_LABEL, text, address.start, reach=60)


def keep_organisation_contacts(
    text: str,
    spans: list[PiiSpan],
    names: Sequence[PiiSpan],
    mailboxes: bool = True,
    ranges: bool = True,
    offices: bool = True,
    accounts: bool = True,
    local: bool = False,
    references: bool = False,
    visiting: bool = False,
) -> list[PiiSpan]:
    """``spans`` without the organisations' mailboxes, addresses and accounts (each kind
    behind its switch); ``names`` are the persons' names found in ``text``; with ``local``
    only a name in an account's sentence keeps it masked (an address keeps the whole
    string's names: a home is often named a sentence away from its resident)."""
    beside = _beside(s for s in spans if s.kind == "ADDRESS")
    kept: list[PiiSpan] = []
    for span in spans:
        if span.kind == "EMAIL" and mailboxes:
            if functional_mailbox(text[span.start : span.end]):
                continue
        elif span.kind == "ADDRESS" and (ranges or offices or visiting):
            if visiting and visiting_address(text, span):
                continue
            if organisation_address(text, span, beside[id(span)], names, ranges, offices):
                continue
        elif span.kind == "IBAN" and accounts:
            if organisation_account(text, span, names, local, references):
                continue
        kept.append(span)
    return kept


__all__ = [
    "BODY_STEMS",
    "after_label",
    "label_pattern",
    "FREE_MAIL_DOMAINS",
    "free_mail_domain",
    "OFFICE_STEMS",
    "functional_mailbox",
    "has_a_flat",
    "keep_organisation_contacts",
    "local_parts",
    "organisation_account",
    "office_word",
    "organisation_address",
    "organisation_named",
    "paid_to_a_person",
    "sentence_bounds",
    "split_mailbox",
    "visiting_address",
]
