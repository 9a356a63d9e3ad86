"""Organisations, not people: the names of companies and the phone numbers of organisations.

A company named after its owner ("Vuorinen Rakennus Oy", "Mattssons Åkeri Ab", "Lindqvist &
Söner") holds a surname, but it names a business: the name rules must not mask it. A
switchboard, a customer service or a national service number ("Kaupungin vaihde 019 520 211",
"0800 147 111") reaches an organisation, not a person: it stays readable.

Privacy comes first where the two meet: a number stays masked when a person's name or a
first-person word ("soita minulle", "ring mig") stands before it in its clause, and a mobile
number is never taken for an organisation's by its context alone (mobiles are mostly
personal subscriptions, and an on-call mobile is carried by a person).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.core.privacy.addresses import NAME_WORD
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.names import company_marks, names_an_organisation
from rag.core.privacy.spans import PiiSpan, overlaps

# --- Phone numbers of organisations -------------------------------------------------------

# Prefixes that no private subscriber has, in the Finnish and the Swedish numbering plans
# (Traficom, PTS), written as dialled at home: Finnish freephone 0800, national service
# numbers 0100, national corporate numbers 020x, public administration 029x, premium 0600;
# Swedish freephone 020, national and shared-cost numbers 077x (0771 ...), premium 0900.
# Left out on purpose where the plans collide: Finnish premium 0700–0709 is a Swedish mobile
# range, Finnish 030x/075x and 060x (but 0600) are Swedish area codes or personal numbers,
# Swedish 0939/0944 read as Helsinki numbers (09 + 39..., 09 + 44...). (Short numbers such
# as 112 and 116 111 are never masked: a phone number has seven digits or more.)
SERVICE_PREFIXES = ("0800", "0100", "020", "029", "0600", "077", "0900")
# Mobile ranges: Finnish 04x and 050, Swedish 070, 072, 073, 076, 079.
MOBILE_PREFIXES = ("04", "050", "070", "072", "073", "076", "079")
_COUNTRY_CODES = ("358", "46")

# What introduces an organisation's number: a switchboard, customer service, advice, an
# office's on-call service, a service number (the start of a word, any case form, also
# inside a compound: "puhelinvaihde", "asiakaspalvelun", "kundtjänstens", "häiriöpalvelu").
_SERVICE_STEMS = (
    "vaihde", "vaihtee", "palvelu", "neuvon", "päivystys", "päivystyks", "toimisto",
    "kirjaamo", "kanslia", "infopiste", "vastaanot", "växel", "tjänst", "kundservice",
    "servicenummer", "rådgivning", "upplysning", "kansli", "registratur", "reception",
    "expedition", "kontor", "mottagning", "jouren", "switchboard", "helpline", "hotline",
    "helpdesk", "office", "enquir", "inquir", "tiedustel", "förfrågning",
)  # fmt: skip
# ... unless the word names a person by a role ("palveluohjaaja", "toimistosihteeri",
# "rådgivare", "växeltelefonist"): agent endings.
_AGENT_ENDINGS = ("ja", "jä", "sihteeri", "are", "ör", "ist", "ant", "ent", "er")
# Words that make a number personal: the writer's own, a home or private line.
_PERSONAL_WORDS = frozenset({
    "minulle", "minua", "minuun", "minun", "minulta", "minut", "mulle", "mua", "mun", "minä",
    "mä", "olen", "olin", "oon", "soitan", "soitin", "vastaan", "tavoitat",
    "meille", "meitä", "meidän", "meihin", "oma", "oman", "omaan", "omasta", "kotiin",
    "mig", "mej", "min", "mitt", "mina", "jag", "oss", "vår", "hem", "privat", "me", "my",
    "mine", "home", "private",
})  # fmt: skip
_PERSONAL_STEMS = ("koti", "yksityi", "hemnummer", "hemtelefon", "privatnummer")
# The words between a label and the number ("palvelee numerossa", "puh.", "tfn", "vardagar").
_MAX_WORDS_BETWEEN = 4
# A sentence ends before a capital or a line break ("puh. 019 ..." goes on), or at ";".
CLAUSE_END = re.compile(r"[.!?](?=[ \t]+[^\W\d_]*[A-ZÅÄÖ]|\s*$)|[;\n]")
_WORD = re.compile(r"[^\W\d_][\w'-]*:?\w*")
# A bracket right after a span, its inside as group 1 ("040 … (hamnvakt)"); shared by the
# modules that read a holder there.
BRACKET_AFTER = re.compile(r"[ \t]*\(([^()\n]{1,60})\)")
_PHONE_LABEL = re.compile(
    r"(?i)(?:puh|puhelin|p|tel|tfn|telefon|phone|nro|numero|nummer|numerossa|numeroon)\.?:?"
)


def national_digits(number: str) -> str:
    """The digits of a phone number as dialled at home: "+358 (0)20 634 0000" -> "0206340000"."""
    compact = re.sub(r"\(0\)", "", number)
    digits = re.sub(r"\D", "", compact)
    for prefix in ("+", "00"):
        if compact.startswith(prefix):
            rest = digits[len(prefix) - 1 :] if prefix == "+" else digits[2:]
            for code in _COUNTRY_CODES:
                if rest.startswith(code):
                    return "0" + rest[len(code) :]
            return ""
    return digits


def is_service_number(number: str) -> bool:
    """A national service, corporate, freephone or premium number (the prefixes above)."""
    return national_digits(number).startswith(SERVICE_PREFIXES)


def _is_mobile(number: str) -> bool:
    return national_digits(number).startswith(MOBILE_PREFIXES)


# ... nor a service one got something from or speaks of ("kiitos palvelusta", "sain
# vaihteelta"): the elative and the ablative.
_FROM_ENDINGS = ("sta", "stä", "lta", "ltä")


def service_word(word: str) -> bool:
    lowered = word.lower().rstrip(":")
    return any(stem in lowered for stem in _SERVICE_STEMS) and not lowered.endswith(
        _AGENT_ENDINGS + _FROM_ENDINGS
    )


def _personal_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in _PERSONAL_WORDS or lowered.startswith(_PERSONAL_STEMS)


def clause_before(text: str, start: int) -> int:
    """Where the clause that holds ``start`` begins (a sentence end or a line break), at
    most 200 characters before it (a longer clause is read from there: see
    organisation_contacts.SENTENCE_REACH)."""
    begin = max(0, start - 200)
    # (read a little past ``start``, so a sentence end's capital after it is seen)
    for end in CLAUSE_END.finditer(text, begin, min(len(text), start + 100)):
        if end.start() >= start:
            break
        begin = end.end()
    return begin


def organisation_word(word: str) -> bool:
    """A company mark ("Oy:n") or a word that names an office or a body ("kaupunki")."""
    return _is_company_mark(word) or names_an_organisation(word)


def _organisation_before(words: list[str], anywhere: bool = False) -> bool:
    """Whether the clause before the number has a service label among its last words
    ("vaihde palvelee numerossa") or ends with an organisation's name, its phone labels
    aside ("Porvoon kaupunki, puh.", "Energia Oy:n"); with ``anywhere``, an organisation's
    name anywhere in it ("Virtanen Ky, Teollisuustie 14, puh. ...")."""
    if any(service_word(w) for w in words[-_MAX_WORDS_BETWEEN - 1 :]):
        return True
    if anywhere and any(organisation_word(w) for w in words):
        return True
    named = list(words)
    while named and _PHONE_LABEL.fullmatch(named[-1]):
        named.pop()
    return bool(named) and organisation_word(named[-1])


def organisation_number(
    text: str,
    phone: PiiSpan,
    names: Sequence[PiiSpan],
    prefixes: bool = True,
    context: bool = True,
    clause: bool = False,
) -> bool:
    """Whether a phone number found in ``text`` is an organisation's: a service prefix
    (with ``prefixes``), or (with ``context``, not a mobile) a service label or an
    organisation's name before it in its clause, or a label in brackets right after it
    ("019 520 211 (Porvoon kaupungin puhelinvaihde)"); with ``clause``, an organisation's
    name anywhere in the clause before or in brackets after ("(Skatteförvaltningen)").
    Never when a person's name (``names``) or a first-person word is in the clause before."""
    begin = clause_before(text, phone.start)
    if overlaps(names, begin, phone.start):
        return False
    words = _WORD.findall(text, begin, phone.start)
    if any(_personal_word(w) for w in words):
        return False
    number = text[phone.start : phone.end]
    if prefixes and is_service_number(number):
        return True
    if not context or _is_mobile(number):
        return False
    after = BRACKET_AFTER.match(text, phone.end)
    bracketed = _WORD.findall(after.group(1)) if after is not None else []
    if any(service_word(w) or (clause and organisation_word(w)) for w in bracketed):
        return True
    return _organisation_before(words, clause)


# --- Company names ----------------------------------------------------------------------

# Words that name a trade in the names of small Finnish and Swedish firms (general
# knowledge of how such firms are named: "Virtasen Sähkö", "Holms Måleri", "Nyström El &
# VVS"); a compound ending so counts too ("Maanrakennus", "Fastighetsservice").
BUSINESS_WORDS = (
    # Finnish
    "rakennus", "rakennuttaja", "kuljetus", "sähkö", "putki", "lvi", "maalaus", "remontti",
    "kiinteistöhuolto", "huolto", "siivous", "puutarha", "kattotyö", "urakointi",
    "kone", "korjaamo", "taksi", "kauppa", "leipomo", "konsultointi", "tilitoimisto",
    "logistiikka", "metalli", "puutyö", "lukko", "catering", "asennus", "saneeraus",
    "kaivuu", "rakennuspalvelu", "kuljetusliike", "tekniikka", "konepaja", "palvelut",
    # Swedish
    "bygg", "åkeri", "el", "vvs", "rör", "måleri", "snickeri", "trädgård", "städ",
    "städning", "transport", "konsult", "service", "fastighetsservice", "maskin", "plåt",
    "entreprenad", "schakt", "redovisning", "revision", "handel", "bageri", "verkstad",
    "installation", "elektriska", "byggnads",
    # English
    "consulting", "services", "group", "trading", "solutions", "logistics",
)  # fmt: skip
# "& Söner", "& Co": the partners of a firm.
_PARTNERS = r"(?:Söner|Son|Döttrar|Co\.?|Kumppanit|Kumpp\.|Partners|Partner)"


def _is_company_mark(word: str) -> bool:
    mark = word.split(":")[0].rstrip(".")
    return mark.lower() in company_marks and mark.lower() != "ek"


_MARK = r"(?:Oyj|Oy|OY|Abp|AB|Ab|Ky|KY|Tmi|Ay|Kb|Hb|Ltd|Inc|GmbH|LLC|ry|rf|Srk)"
_MARK_WORD = rf"{_MARK}(?::[a-zåäö]+)?(?![\w-])"
# One to three capitalised words (or short capitals: "VVS", "LVI"), "&" between them allowed,
# perhaps a company mark after them.
_COMPANY = re.compile(
    rf"(?!{_MARK_WORD})(?P<owner>{NAME_WORD})"
    rf"(?P<rest>(?:[ \t]+(?:&[ \t]+)?(?!{_MARK_WORD})(?:[A-ZÅÄÖ]{{2,4}}|{NAME_WORD}|Co\.?)"
    rf"(?![\w-])){{0,2}})"
    rf"(?P<mark>[ \t]+{_MARK_WORD})?"
)
_OWNER_START = re.compile(rf"(?<![\w-]){NAME_WORD}")
_NAME_BEFORE = re.compile(rf"({NAME_WORD})[ \t]+\Z")


_COMPOUND_ENDINGS = tuple(w for w in BUSINESS_WORDS if len(w) > 4)


def _is_business_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in BUSINESS_WORDS or (len(lowered) > 6 and lowered.endswith(_COMPOUND_ENDINGS))


def _is_company(owner: str, rest: list[str], marked: bool) -> bool:
    partners = bool(rest) and rest[0] == "&"
    words = [w for w in rest if w != "&"]
    if partners and words and re.fullmatch(_PARTNERS, words[0]):
        words = words[1:]  # "Lindqvist & Söner"
        if not words:
            return True
    traded = bool(words) and all(_is_business_word(w) or w.isupper() for w in words)
    if not (marked or traded):
        return False  # most capitalised words: the cheap test first
    if is_first_name(owner, word_like=False) and words and not traded:
        return False  # "Liisa Virtanen Oy": a person's name stays masked
    if marked:
        return True  # "Virtanen Oy", "Porvoon Energia Oy:n", "Rakennus Heikkilä Oy"
    if not traded:
        return False
    # a known first name needs its genitive before a trade word: "Pekkas Bygg", "Pekan
    # Sähkö", not "Mohamed El ..."
    return not is_first_name(owner) or owner.endswith(("s", "n"))


def company_names(text: str) -> list[PiiSpan]:
    """The names of companies: capitalised words before a company mark ("Rakennus Heikkilä
    Oy", "Porvoon Energia Oy:n"), a name before trade words ("Sundqvist Bygg", "Mattssons
    Åkeri Ab", "Virtasen Sähkö") or "& Söner"/"& Co". A known first name and a surname
    together stay a person's ("Matti Virtanen Rakennus Oy" keeps "Matti Virtanen" masked)."""
    spans: list[PiiSpan] = []
    for start in _OWNER_START.finditer(text):
        match = _COMPANY.match(text, start.start())
        if match is None:
            continue
        rest = match.group("rest").split()
        if not _is_company(match.group("owner"), rest, match.group("mark") is not None):
            continue
        before = _NAME_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if before is not None and is_first_name(before.group(1), word_like=False):
            continue  # "Ilkka Vuorinen Rakennus": the person before the firm stays masked
        spans.append(PiiSpan(match.start(), match.end(), ""))
    return spans
