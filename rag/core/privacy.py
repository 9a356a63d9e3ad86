"""Masking personal data in citizen text before it leaves the machine (LLM calls, exports, drafts).

Residents write their e-mail, phone number, bank account, home address and sometimes their
personal identity code into proposals. None of that helps to classify a proposal or to write a
roadmap draft, so it is replaced by a placeholder before the text is sent to an external model
or put into a document. Patterns are deliberately broad: masking a harmless number costs
nothing, leaking a henkilötunnus is a data breach. Dates, sums and record numbers
("22.1.2024 § 25", "42 000 euroa", "1289/00.00.01.00/2025") are kept.

One set of patterns serves every caller; only the placeholder words differ: the classifier's
LLM prompt gets ``[EMAIL]``-style tags, the Finnish-first draft gets ``[sähköposti]``-style tags.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

_UPPER = "A-ZÅÄÖÜ"
_LOWER = "a-zåäöüéè"
# A name word: "Matti", "Sanna-Mari", "O'Brien"; case-sensitive, the caller's flags aside.
_NAME = rf"[{_UPPER}][{_LOWER}']+(?:-[{_UPPER}]?[{_LOWER}']+)*"
# Countries whose IBANs residents of a Finnish/Swedish city are likely to write (ISO 13616);
# naming them keeps look-alikes such as RF creditor references out.
_IBAN_COUNTRIES = (
    "AT|BE|BG|CH|CY|CZ|DE|DK|EE|ES|FI|FO|FR|GB|GL|GR|HR|HU|IE|IS|IT|LI|LT|LU|LV|MT|NL|NO|PL|PT|"
    "RO|SE|SI|SK|AX"
)
_MAIL_TLDS = "fi|se|ax|ee|no|dk|de|eu|com|net|org|info|nu|io"
# Street names often start with a word of their own: "Vanha Helsingintie", "Västra Kyrkogatan".
_STREET_PREFIX = (
    "Vanha|Uusi|Itäinen|Läntinen|Pohjoinen|Eteläinen|Iso|Pikku|Ala|Ylä|"
    "Gamla|Nya|Östra|Västra|Norra|Södra|Stora|Lilla|Övre|Nedre"
)
_STREET_WORDS = (
    "tie|katu|kuja|polku|väylä|kaari|rinne|raitti|tori|aukio|ranta|portti|kulma|kaarre|"
    "puistikko|tanhua|gatan|vägen|väg|gränd|stigen|torget|backen|allén|esplanaden|kajen|"
    "stranden|platsen"
)


# A Finnish business id (Y-tunnus, "1234567-8") names a company, not a person: never masked.
_BUSINESS_ID = re.compile(r"(?<![\d-])\d{7}-\d(?![\d-])")


def _is_phone_number(found: str) -> bool:
    # Years, sums and dates also form digit groups: only 7–13 digits starting like a number.
    digits = re.sub(r"\D", "", found)
    return 7 <= len(digits) <= 13 and found.startswith(("+", "0", "(0"))


@dataclass(frozen=True)
class _Rule:
    kind: str
    pattern: re.Pattern[str]
    # When set, a match is masked only if this returns True (filters out dates, sums ...).
    accept: Callable[[str], bool] | None = None


# Order matters: a match that overlaps an earlier rule's match is dropped, so e-mails come
# before phones (digits in addresses), IBANs and identity codes before phone numbers.
_RULES: tuple[_Rule, ...] = (
    _Rule("EMAIL", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # Spelled-out '@' that people use against spam: "anna(at)example.fi", "liisa [at] x.com".
    _Rule(
        "EMAIL",
        re.compile(r"[\w.+-]+\s?[(\[]\s?(?:at|ät|a)\s?[)\]]\s?[\w-]+(?:\.[\w-]+)+", re.I),
    ),
    # ... and with a bare " at " when the domain ends like a mail domain: "anna at example.fi".
    _Rule(
        "EMAIL",
        re.compile(rf"[\w.+-]+\s(?:at|ät)\s[\w-]+(?:\.[\w-]+)*\.(?:{_MAIL_TLDS})\b", re.I),
    ),
    _Rule(
        "IBAN",
        re.compile(
            rf"\b(?:{_IBAN_COUNTRIES})\d{{2}}"
            r"(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b",
            re.I,
        ),
    ),
    # Finnish henkilötunnus: DDMMYY, century sign (+ - A-F U-Y), 3 digits, check character;
    # written in lower case too.
    _Rule("HETU", re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b", re.I)),
    # Swedish personnummer / samordningsnummer: (YY)YYMMDD-XXXX, or all twelve digits together
    # when they start with a real date (month 01-12, day 01-31 or 61-91).
    _Rule("HETU", re.compile(r"\b(?:19|20)?\d{6}[-+]\d{4}\b")),
    _Rule(
        "HETU",
        re.compile(
            r"\b(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])\d{4}\b"
        ),
    ),
    _Rule(
        "PHONE",
        re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s-]?\(?\d{1,4}\)?|0\d{1,4})(?:[\s-]?\d{2,4}){2,4}\b"),
    ),
    # The forms the first phone pattern misses, e.g. "(019) 520 211"; the digit count and the
    # leading 0/+ keep dates, sums and record numbers out.
    _Rule(
        "PHONE",
        re.compile(
            r"(?<![\w/.])(?:\+\d{1,3}[\s-]?)?\(?0?\d{1,3}\)?(?:[\s-]?\d{2,4}){2,4}(?![\w/.])"
        ),
        _is_phone_number,
    ),
    # Street + number (+ staircase / flat): "Mannerheimintie 12 A 5", "Piispankatu 4 as. 7",
    # "Storgatan 3 B 12", "Main Street 14", and "14 Main Street".
    _Rule(
        "ADDRESS",
        re.compile(
            rf"\b(?:(?:{_STREET_PREFIX})\s+)?[{_UPPER}][\w-]*(?:{_STREET_WORDS})\s+\d+(?:\s?[-–]\s?\d+)?\s?[A-Za-z]?"
            rf"(?:\s?(?:as\.?|bst\.?|lgh\.?|[A-Za-z])?\s?\d+)?\b"
            rf"|\b\d+[A-Za-z]?\s+(?:{_NAME}\s+)?(?:[{_UPPER}][a-z]+)\s+"
            rf"(?:Street|Road|Avenue|Lane|Drive|Way|Close|Square)\b"
            rf"|\b(?:{_NAME}\s+)?[{_UPPER}][a-z]+\s+(?:Street|Road|Avenue|Lane|Drive)\s+\d+[A-Za-z]?\b"
        ),
    ),
)

# Names after a greeting/sign-off, thanks, an introduction or a contact label: "Terveisin
# Matti Meikäläinen", "Hälsningar, Anna Andersson", "Best regards\nJohn Smith", "Nimeni on
# ...", "Yhteyshenkilö: ...", "Hei Matti," at the start of a line, and a signature after a
# "-- " line; "Matti ja Liisa Virtanen" is one match. Only the lead ignores case.
_NAME_CONTEXT = re.compile(
    r"(?P<lead>(?i:\b(?P<thanks>kiitos|tack|thanks|thank\s+you)"
    r"|\b(?:ystävällisin\s+terveisin|parhain\s+terveisin|terveisin|terv\.?|t\.|"
    r"ystävällisesti|kunnioittaen|hyvää\s+jatkoa|vänligen|allekirjoitus|underskrift|"
    r"ehdottaja|ehdotuksen\s+(?:teki|jätti|laati)|förslagsställare|förslaget\s+lämnades\s+av|"
    r"med\s+vänlig(?:a)?\s+hälsning(?:ar)?|vänliga\s+hälsningar|hälsningar|hälsning|mvh|hälsar|"
    r"best\s+regards|kind\s+regards|regards|sincerely|yours|"
    r"nimeni\s+on|minä\s+olen|olen|jag\s+heter|jag\s+är|mitt\s+namn\s+är|my\s+name\s+is|i\s+am|"
    r"yhteyshenkilö|kontaktperson|contact\s+person|lähettäjä|avsändare|ilmoittaja|hakija|"
    r"sökande|nimi|namn|name)|^[ \t]*(?:hei|hej|moi|hyvä|bästa|dear|hello|hi)|^--[ \t]*$)(?!\w)"
    r"[\s,:.\-–]*)"
    rf"(?P<name>{_NAME}(?:[ \t]+{_NAME}){{0,2}}"
    rf"(?:[ \t]+(?:ja|och|and|&)[ \t]+{_NAME}(?:[ \t]+{_NAME}){{0,2}})?)",
    re.MULTILINE,
)
# Finnish case endings (elative, allative, adessive, inessive, ablative, translative): a
# capitalised word with one after "Kiitos" is what is thanked for ("Kiitos Vastauksesta",
# "Kiitos Kaupungille"), not a person. Checked after thanks only: names such as Ville or
# Camilla end the same way.
# After "Tack Hanna", "Thanks Anna": the word that says what for, so Hanna is the thanked one.
_THANKED_FOR = {"för", "for", "siitä", "kun", "som", "that", "och", "ja", "and"}
_CASE_ENDINGS = ("sta", "stä", "lle", "lla", "llä", "ssa", "ssä", "lta", "ltä", "ksi")
# The last part of a compound that names an office, not a person ("Kaupunkikehitys").
_ORGANISATION_WORDS = (
    "kaupunki", "stad", "kunta", "kommun", "kehitys", "palvelut", "palvelu", "keskus",
    "toimisto", "viestintä", "kirjaamo", "registratur", "tiimi", "team", "ryhmä", "lautakunta",
    "nämnd", "förvaltning", "toimiala", "yksikkö", "enhet", "kansli", "kanslia", "hallitus",
    "valtuusto", "styrelse", "styrelsen", "fullmäktige", "yhdistys", "förening", "föreningen",
    "seura", "klubb", "klubben", "kerho", "koulu", "skola", "skolan", "päiväkoti", "daghem",
    "yrittäjät", "företagare", "ry", "rf", "oy", "ab", "oyj",
)  # fmt: skip
# Places a resident greets or thanks ("Kiitos Porvoo!", "Hej Borgå!"): the city, its
# neighbours and the largest towns, in Finnish and Swedish.
_PLACES = {
    "porvoo", "borgå", "suomi", "finland", "helsinki", "helsingfors", "espoo", "esbo",
    "vantaa", "vanda", "sipoo", "sibbo", "askola", "pornainen", "borgnäs", "loviisa", "lovisa",
    "myrskylä", "mörskom", "pukkila", "kerava", "kervo", "tuusula", "tusby", "järvenpää",
    "turku", "åbo", "tampere", "tammerfors", "oulu", "uleåborg", "lahti", "lahtis", "kotka",
    "vaasa", "vasa", "pellinki", "pellinge", "kulloo", "kullo", "hinthaara", "hindhår",
    "tolkkinen", "tolkis", "ilola", "illby", "sverige", "ruotsi", "uusimaa", "nyland",
}  # fmt: skip


def _is_name(match: re.Match[str], following: str) -> bool:
    """Whether the capitalised words after a greeting look like a person's name."""
    words = [w.lower() for w in match.group("name").split() if w[0].isupper()]
    if any(w.endswith(_ORGANISATION_WORDS) for w in words):
        return False
    if words and all(w in _PLACES for w in words):
        return False
    if match.group("thanks") and any(w.endswith(_CASE_ENDINGS) for w in words):
        return False
    # One capitalised word that runs on into lower-case words ("Porvoon kaupunki", "Samaa
    # mieltä") starts a phrase, not a signature.
    next_word = re.match(r"[ \t]+(\w+)", following)
    if match.group("thanks") and next_word is not None and next_word.group(1) in _THANKED_FOR:
        return True
    return not (len(words) == 1 and next_word is not None and next_word.group(1)[0].islower())


#: Placeholders for text sent to an LLM (language-neutral tags).
TAGS: Mapping[str, str] = {
    kind: f"[{kind}]" for kind in ("EMAIL", "IBAN", "HETU", "PHONE", "ADDRESS", "NAME")
}

#: Placeholders for text shown in a Finnish-first document (the roadmap draft).
FINNISH_TAGS: Mapping[str, str] = {
    "EMAIL": "[sähköposti]",
    "IBAN": "[tilinumero]",
    "HETU": "[henkilötunnus]",
    "PHONE": "[puhelinnumero]",
    "ADDRESS": "[osoite]",
    "NAME": "[nimi]",
}


@dataclass
class MaskedText:
    """The masked text and how many items of each kind were replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def masked(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class PiiSpan:
    """One piece of personal data found in a text: [start, end) and its kind (EMAIL, ...)."""

    start: int
    end: int
    kind: str


def _overlaps(spans: list[PiiSpan], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def find_pii(text: str) -> list[PiiSpan]:
    """Every piece of personal data in the text, in order, without overlaps.

    Rules run in priority order; a match overlapping an earlier one is dropped. Names are
    looked for last, so a greeting followed by an e-mail address is not read as a name.
    """
    kept = [PiiSpan(m.start(), m.end(), "") for m in _BUSINESS_ID.finditer(text)]
    spans: list[PiiSpan] = []
    for rule in _RULES:
        for match in rule.pattern.finditer(text):
            if rule.accept is not None and not rule.accept(match.group(0)):
                continue
            if not _overlaps(spans + kept, match.start(), match.end()):
                spans.append(PiiSpan(match.start(), match.end(), rule.kind))
    for match in _NAME_CONTEXT.finditer(text):
        start, end = match.span("name")
        if _is_name(match, text[end:]) and not _overlaps(spans, start, end):
            spans.append(PiiSpan(start, end, "NAME"))
    return sorted(spans, key=lambda s: s.start)


def mask_pii(text: str, tags: Mapping[str, str] = TAGS) -> MaskedText:
    """Replace e-mails, IBANs, identity codes, phone numbers, street addresses and names
    after greetings/signatures with the placeholders in ``tags`` (``[EMAIL]``, ``[IBAN]``,
    ``[HETU]``, ``[PHONE]``, ``[ADDRESS]`` and ``[NAME]`` by default)."""
    counts: dict[str, int] = {}
    parts: list[str] = []
    position = 0
    for span in find_pii(text):
        parts += [text[position : span.start], tags[span.kind]]
        counts[span.kind] = counts.get(span.kind, 0) + 1
        position = span.end
    parts.append(text[position:])
    return MaskedText("".join(parts), counts)


def mask_personal_data(text: str) -> str:
    """The text with personal data replaced by Finnish tags (``[puhelinnumero]`` ...)."""
    return mask_pii(text, FINNISH_TAGS).text
