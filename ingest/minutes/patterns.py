"""Regexes and vocabularies for Finnish and Swedish meeting agendas and minutes.

Kept apart from the parser (`ingest.minutes.parser`), together with the classifiers of single lines,
so that supporting a new layout or word is a change here. The layouts seen in practice:

* Dynasty web items: a body line, then ``Pöytäkirja 04.12.2023/Pykälä 303`` /
  ``Protokoll 04.03.2024/Paragraf 88`` / ``Esityslista 25.11.2025/Asianro 7``, the title, a
  ``Kaupunginhallitus 04.03.2024 § 88`` line and a record number such as ``930/12.04.01.00/2022``.
* CloudNC items: ``Kaupunginhallitus, kokous 7.12.2020``, ``§ 412 <title>``, ``ROIDno-2020-2147``.
* Helsinki decision pages: ``HEL 2019-009964``, ``Ärende 2. / 20 §``, title, body, ``Päätös``.
* Handling tables (Tweb pages, older PDFs): rows of ``<body> <§> <date>``, the last row being
  the meeting the document belongs to.
* PDF minutes: many ``§ 12`` / ``12 §`` sections, each with its own headings.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# --- dates --------------------------------------------------------------------------------

DATE = r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?!\d)"
DATE_RE = re.compile(DATE)
_DATE_PARTS_RE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


def iso_date(value: str | None) -> str | None:
    """'4.3.2024' / '04.03.2024' -> '2024-03-04'; None when it is not a plausible date."""
    if not value:
        return None
    m = _DATE_PARTS_RE.search(value)
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# --- decision-making bodies ---------------------------------------------------------------

# Word endings of Finnish and Swedish body names: Kaupunginhallitus, Kaupunkikehityslautakunta,
# Henkilöstöjaosto, Stadsstyrelsen, Stadsfullmäktige, Bildningsnämnden, Koncernsektionen, ...
_BODY_ENDINGS = (
    "hallitus|valtuusto|lautakunta|valiokunta|jaosto|toimikunta|johtokunta|neuvosto|"
    "styrelsen|styrelse|fullmäktige|nämnden|nämnd|sektionen|sektion|direktionen|direktion|"
    "utskottet|utskott"
)
# English names on Helsinki's decision pages: "Helsinki City Council", "City Board".
_BODY_ENDINGS_EN = "council|board|committee|subcommittee|division"
_LETTER = r"(?:[^\W\d_]|-)"
# One capitalised word that is a body name (no word boundary at the end on purpose: table cells
# can be glued to the next column, as in "Kaupunginhallitus14128.03.2022").
BODY_WORD = rf"[A-ZÅÄÖ]{_LETTER}*?(?:{_BODY_ENDINGS})"
BODY_WORD_RE = re.compile(rf"(?<![\w-])(?:{BODY_WORD})(?![^\W\d_])")
# A body name, also of the form "Sosiaali- ja terveyslautakunta" / "Kultur- och fritidsnämnden".
BODY_NAME = rf"(?:[A-ZÅÄÖ]{_LETTER}*-\s+(?:ja|och)\s+{_LETTER}*?(?:{_BODY_ENDINGS})|{BODY_WORD})"
_BODY_LAST_WORD_RE = re.compile(rf"{_LETTER}*(?:{_BODY_ENDINGS})|{_BODY_ENDINGS_EN}", re.IGNORECASE)


# Words that make a line a phrase about a body ("Val av ordförande i stadsfullmäktige"), not
# its name. "ja"/"och" are allowed after a hyphen: "Kultur- och fritidsnämnden".
_PHRASE_WORDS = {
    "i", "av", "om", "för", "till", "på", "med", "vid", "från", "efter", "under",
    "ja", "och", "sekä", "tai", "eller", "of", "the", "in", "for", "to", "on",
}  # fmt: skip


def is_body_line(line: str) -> bool:
    """A short line naming a body: 'Kaupunginhallitus', 'Helsingfors stadsstyrelse'."""
    words = line.split()
    if not words or len(words) > 5 or len(line) > 80 or not line[0].isupper():
        return False
    if any(ch.isdigit() for ch in line) or line.endswith((".", ":", "?", "!")):
        return False
    for k, word in enumerate(words):
        if word.casefold() in _PHRASE_WORDS and not (k and words[k - 1].endswith("-")):
            return False
    return bool(_BODY_LAST_WORD_RE.fullmatch(words[-1]))


# --- item headers -------------------------------------------------------------------------

AGENDA_WORDS = ("esityslista", "föredragningslista", "kokouskutsu", "kallelse")
MINUTES_WORDS = ("pöytäkirja", "protokoll", "protokollet", "pöytäkirjaote", "protokollsutdrag")

# Dynasty: "Pöytäkirja 04.12.2023/Pykälä 303", "Esityslista 25.11.2025/Asianro 7",
# "Föredragningslista 19.05.2025/Ärendenr. 4". The title may be glued to the number.
DYNASTY_HEADER_RE = re.compile(
    r"^(?P<doctype>Esityslista|Pöytäkirja|Protokoll|Föredragningslista|Kokouskutsu|Kallelse)"
    rf"\s+(?P<date>{DATE})\s*/\s*"
    r"(?P<kind>Pykälä|Paragraf|§|Asianro|Asia|Ärendenr|Ärendenummer|Ärende)\.?\s*"
    r"(?P<num>\d{1,4})(?P<rest>.*)$"
)
SECTION_KINDS = ("pykälä", "paragraf", "§")

# CloudNC page header: "Kaupunginhallitus, kokous 7.12.2020" / "Stadsstyrelsen, sammanträde ...".
MEETING_HEADER_RE = re.compile(
    rf"^(?P<body>[A-ZÅÄÖ][^,\n]{{2,80}}?),\s*(?:kokous|sammanträde|möte)\s+(?P<date>{DATE})\s*$"
)
# "§ 412 Title", "§ 198", "141 § Title" (Helsinki PDFs put the sign after the number).
SECTION_LINE_RE = re.compile(
    r"^(?:§\s*(?P<num1>\d{1,4})(?![\d.,:/-])|(?P<num2>\d{1,4})\s*§(?![\w§]))\s*(?P<rest>.*)$"
)
# Helsinki decision pages: "Ärende 2. / 20 §", "Asia 7. / 424 §", "Case 15. / 85 §".
CASE_LINE_RE = re.compile(r"^(?:Ärende|Asia|Case)\s+\d{1,3}\.\s*/\s*(?P<num>\d{1,4})\s*§\s*$")
# A handling line inside an item: "Kaupunginhallitus 04.03.2024 § 88", "Henjao 28.11.2023 § 52",
# "Kunnanhallitus 29.4.2019", "STF 18.03.2024 § 10". The name is 1-4 words.
HANDLING_LINE_RE = re.compile(
    r"^(?P<body>[A-ZÅÄÖ][\w\-:.]*(?:\s+[\w\-:.]+){0,3}?)\s+"
    rf"(?P<date>{DATE})(?:\s*§\s*(?P<num>\d{{1,4}}))?\s*$"
)
# The same in the order of Dynasty PDF page headers: "Kaupunginhallitus   § 88   04.03.2024".
HANDLING_LINE_ALT_RE = re.compile(
    r"^(?P<body>[A-ZÅÄÖ][\w\-:.]*(?:\s+[\w\-:.]+){0,3}?)\s+§\s*(?P<num>\d{1,4})\s+"
    rf"(?P<date>{DATE})\s*$"
)
# An abbreviated handling line without a date: "Kh § 161", "Kv § 90".
ABBR_HANDLING_RE = re.compile(r"^(?P<body>[A-ZÅÄÖ][\w\-:.]{0,15})\s*§\s*(?P<num>\d{1,4})\s*$")
# Rows of a handling table: "Kaupunginhallitus 268 12.09.2016",
# "Kaupunginhallitus | 161 | 30.04.2018 | 8 |", glued "Kaupunginvaltuusto7811.04.202215".
HISTORY_ROW_RE = re.compile(
    rf"(?P<body>{BODY_NAME})\s*\|?\s*(?P<num>\d{{1,4}})"
    r"(?:[\s|]+(?P<date1>\d{1,2}\.\d{1,2}\.\d{4})|(?P<date2>\d{2}\.\d{2}\.\d{4}))"
)
# Header of a flattened minutes PDF: "Pöytäkirja 10/2016 3 (10) 141 <title>" (the §-number
# follows the page count).
PROTOCOL_HEADER_RE = re.compile(
    r"\b(?:Pöytäkirja|Protokoll|PÖYTÄKIRJA|PROTOKOLL)\s+\d{1,3}\s*/\s*(?:\d{4})?\s*"
    r"(?:\d{1,3}\s*)?\(\d{1,3}\)\s+(?P<num>\d{1,4})\s+(?=[A-ZÅÄÖ])"
)
# Document-level type words near the top of a document (capitalised: a heading, not prose).
DOC_TYPE_RE = re.compile(
    r"(?<![\w-])(Pöytäkirja|PÖYTÄKIRJA|Protokoll|PROTOKOLL|Esityslista|ESITYSLISTA|"
    r"Föredragningslista|FÖREDRAGNINGSLISTA|Kokouskutsu|KOKOUSKUTSU|Kallelse|KALLELSE|"
    r"Sammanträdesprotokoll|SAMMANTRÄDESPROTOKOLL|Kokouspöytäkirja|KOKOUSPÖYTÄKIRJA)(?![\w-])"
)
CHECKED_MINUTES_RE = re.compile(r"^(?:Pöytäkirja on tarkastettu|Protokollet är justerat)")
PUBLISHED_AGENDA_RE = re.compile(r"^(?:Esityslista on julkaistu|Föredragningslistan är publicerad)")

# Navigation lines of web pages, never a title.
NAV_LINE_RE = re.compile(
    r"(Edellinen asia|Seuraava asia|Föregående ärende|Följande ärende|Nästa ärende|"
    r"Muutoksenhakuohje|Besvärsanvisning|Kokousasia PDF|PDF-muodossa|Sammanträdesärende|"
    r"Ärendet har nyare|Asiassa on uudempia|More recent handlings|Tulosta|Skriv ut)"
)
SEPARATOR_RE = re.compile(r"^[_\-=]{5,}\s*$")

# --- record (diary) numbers ---------------------------------------------------------------

RECORD_RES = (
    re.compile(r"\bHEL\s+\d{4}-\d{6}\b"),  # Helsinki
    re.compile(r"\b[A-ZÅÄÖ]{2,}Dno-\d{4}-\d+\b"),  # CloudNC: ROIDno-2020-2147
    re.compile(r"(?<![\d/.])\d{1,6}/\d{2}(?:\.\d{2}){0,4}/\d{4}(?![\d/])"),  # Dynasty
)
# Line-level only: Turku "13710-2021 (00 01 02, 06 00 00)".
SHORT_RECORD_LINE_RE = re.compile(r"^(?P<rec>\d{1,6}-\d{4})(?:\s*\(.*\))?\s*$")
RECORD_LABEL_RE = re.compile(
    r"\b(?:Dnro|Dnr|Dno|Diaarinumero|Diarienummer|Asianumero|Ärendenummer)\.?:?\s+"
    r"(?P<rec>[\w-]*\d[\w./-]*\d)"
)

# --- headings of item parts ---------------------------------------------------------------

# Labels that introduce the preparer, best first: (regex, explicit, needs a colon when text
# follows on the line). Explicit labels name the preparer; the generic "Lisätiedot" / "Mer
# information" name a contact person and are also common in news, so they are only a fallback
# and do not count as a sign of minutes.
PREPARER_LABELS: tuple[tuple[str, bool, bool], ...] = (
    (r"Valmistelu-?\s*(?:ja\s+)?lisätiedot", True, False),
    (r"Valmistelijat\s+ja\s+lisätiedot", True, False),
    (r"Beredning\s+och\s+tilläggsuppgifter", True, False),
    (r"Beredning\s+och\s+ytterligare\s+(?:uppgifter|information)", True, False),
    (r"Valmistelijat?", True, False),
    (r"Beredare", True, False),
    (r"Valmistelu", True, True),
    (r"Beredning", True, True),
    (r"Mer\s+information", False, False),
    (r"Ytterligare\s+(?:information|uppgifter)", False, False),
    (r"Tilläggsuppgifter", False, False),
    (r"Lisätiedot", False, False),
    (r"Lisätietoja", False, False),
)

# "Kaupunginhallituksen päätös", "Kh:n ehdotus", "Stadsdirektörens förslag".
_GENITIVE = r"(?:[A-ZÅÄÖ][\w\-]*(?:n|s)\s+)?"
# (regex, part kind); a heading is matched at the start of a line, ignoring case. "presenter"
# becomes a proposal or preparation part depending on what follows it.
HEADINGS: tuple[tuple[str, str], ...] = (
    (rf"{_GENITIVE}(?:päätösehdotus|beslutsförslag)", "proposal"),
    (r"Ehdotus\s+ja\s+päätös|Förslag\s+och\s+beslut", "proposal"),
    (rf"{_GENITIVE}(?:ehdotus|förslag)", "proposal"),
    (r"Esitys", "proposal"),
    (r"Esittelijä|Esittelijät|Föredragande", "presenter"),
    (rf"{_GENITIVE}(?:päätös|beslut)", "decision"),
    (
        r"Perustelut|Selostus|Asian\s+tausta|Asian\s+valmistelu|Esittelijän\s+perustelut|"
        r"Aikaisempi\s+käsittely|Tidigare\s+behandling|Motivering|Motiveringar|"
        r"Föredragandens\s+motiveringar|Beskrivning|Sammandrag|Tiivistelmä|"
        # Helsinki pages fold the presenter's reasoning under a "Close" toggle.
        r"Sulje|Stäng|Close",
        "preparation",
    ),
    (
        r"Liitteet(?:\s+ja\s+oheismateriaali)?|Liite|Bilagor|Bilaga|Oheismateriaali|"
        r"Bilagematerial|Attachments",
        "attachment",
    ),
    (
        r"Käsittely|Kokouskäsittely|Behandling|Mötesbehandling|Muutoksenhaku|"
        r"Muutoksenhakuohjeet?|Sökande\s+av\s+ändring|Besvärsanvisning|Tiedoksi|Delges|"
        r"För\s+kännedom|Täytäntöönpano|Verkställighet|Päätöshistoria|Beslutshistorik|"
        r"Esteellisyys|Jäv|Otteet|Utdrag",
        "other",
    ),
)
_HEADING_RES = [
    (re.compile(rf"^(?:{rx})(?:\s*:\s*(?P<after>.*)|\s+(?P<rest>.*))?$", re.IGNORECASE), kind)
    for rx, kind in HEADINGS
]
# Words that head an item part when a PDF was flattened into one line ("... Beslut Behandling
# 5 omröstningen beslutade ..."): only the decision and proposal words, followed by a capital.
INLINE_HEADING_RE = re.compile(
    r"(?<![\w-])(?P<label>Päätösehdotus|Beslutsförslag|Päätös|Beslut)(?=:?\s+[A-ZÅÄÖ0-9])"
)
DECISION_WORDS = ("Päätös", "Beslut")
# A presenter's title alone on a line heads the proposal in Dynasty items:
# "Kaupunginjohtaja" / "Stadsdirektören" followed by "Kaupunginhallitus päättää ...".
PRESENTER_LINE_RE = re.compile(
    r"^[A-ZÅÄÖ][\w\-]*(?:johtaja|päällikkö|direktören|direktör|chefen|ordföranden)$"
)

# --- preparer cleaning --------------------------------------------------------------------

EMAIL_RE = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+|[\w.\-]+\(at\)[\w.\-]+")
PHONE_RE = re.compile(r"^(?:puh|p|tfn|tel|gsm|mob)\b\.?|^\+?[\d\s\-()]{6,}$", re.IGNORECASE)
_INLINE_PHONE_RE = re.compile(r"\s+(?:puh|p|tfn|tel|gsm)\.?\s*\+?\d.*$", re.IGNORECASE)
TRAILING_DATE_COLON_RE = re.compile(rf"^(?P<who>.+?)\s+{DATE}\s*:\s*$")


# --- classifiers of single (cleaned) lines ------------------------------------------------


class Handling(NamedTuple):
    """A handling line: the body (maybe abbreviated), the ISO date and the § number."""

    body: str
    date: str | None
    section: str | None


def heading(line: str) -> tuple[str, int] | None:
    """(part kind, offset of the part's text in the line) when the line heads an item part."""
    if not line or not line[0].isupper() or len(line) > 300:
        return None
    for rx, kind in _HEADING_RES:
        m = rx.match(line)
        if not m:
            continue
        rest = m.group("rest")
        if rest:
            # "Päätös on ehdotuksen mukainen." / "Förslag om återremiss" are sentences, while
            # "Päätösehdotus Hyvinvointialuejohtaja N.N." or "Päätös Ehdotus hyväksyttiin."
            # (a PDF margin label beside the text) head a part.
            if not (rest[0].isupper() or (kind == "attachment" and rest[0].isdigit())):
                continue
            return kind, m.start("rest")
        if m.group("after") is not None:
            return kind, m.start("after")
        return kind, len(line)
    return None


_PREPARER_RES = [
    (re.compile(rf"^(?:{rx})\s*(?:\([^)]*\))?\s*(?P<colon>:)?\s*(?P<rest>.*)$"), explicit, colon)
    for rx, explicit, colon in PREPARER_LABELS
]
INLINE_PREPARER_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(rx for rx, explicit, _ in PREPARER_LABELS if explicit)
    + r")\s*(?:\([^)]*\))?\s*:"
)


def preparer_label(line: str) -> tuple[int, bool, str] | None:
    """(rank, explicit, text after the label) when the line starts with a preparer label."""
    if not line or not line[0].isupper():
        return None
    for rank, (rx, explicit, needs_colon) in enumerate(_PREPARER_RES):
        m = rx.match(line)
        if not m:
            continue
        rest = m.group("rest").strip()
        # Without a colon, "Valmistelu on aloitettu ..." is a sentence, not a label.
        if rest and not m.group("colon") and (needs_colon or len(rest) > 200):
            continue
        return rank, explicit, rest
    return None


def record_line(line: str) -> str | None:
    """The record number when the whole line is one (codes in brackets may follow)."""
    for rx in RECORD_RES:
        m = rx.match(line)
        tail = line[m.end() :].strip() if m else ""
        if m and (not tail or tail.startswith("(")):
            return m.group(0)
    if m := SHORT_RECORD_LINE_RE.match(line):
        return m.group("rec")
    if (m := RECORD_LABEL_RE.match(line)) and len(line) < 60:
        return m.group("rec")
    return None


def handling_line(line: str) -> Handling | None:
    """'Kaupunginhallitus 04.03.2024 § 88', 'Kunnanhallitus 29.4.2019' or 'Kh § 161'."""
    m = HANDLING_LINE_RE.match(line) or HANDLING_LINE_ALT_RE.match(line)
    if m and (m.group("num") or is_body_line(m.group("body"))):
        return Handling(m.group("body"), iso_date(m.group("date")), m.group("num"))
    m = ABBR_HANDLING_RE.match(line)
    if m:
        return Handling(m.group("body"), None, m.group("num"))
    return None


def doc_type_word(word: str) -> str | None:
    """'Esityslista' -> 'agenda', 'Protokoll' -> 'minutes'."""
    w = word.casefold()
    if w in AGENDA_WORDS:
        return "agenda"
    if w in MINUTES_WORDS or "protokoll" in w or "pöytäkirja" in w:
        return "minutes"
    return None


def squash(text: str) -> str:
    """Whitespace (no-break spaces too) collapsed to single spaces."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def clean_person(value: str) -> str | None:
    """The first person of a preparer line as title + name, without e-mail or phone.

    'rahoitusjohtaja N.N., toinen N.N., etunimi.sukunimi@porvoo.fi' -> 'rahoitusjohtaja N.N.'
    'N.N., kansliapäällikkö, n.n@tuusula.fi' -> 'N.N., kansliapäällikkö'
    """
    value = EMAIL_RE.sub("", value.replace("\xa0", " "))
    value = re.sub(r"\([^)]*\)", "", value)
    value = _INLINE_PHONE_RE.sub("", value)
    segments = [seg.strip(" .:;-•\t") for seg in re.split(r"[,;]", value)]
    segments = [seg for seg in segments if seg and not PHONE_RE.match(seg)]
    if not segments:
        return None
    first = squash(segments[0])
    if len(first) > 100 or not any(c.isalpha() for c in first):
        return None
    words = first.split()
    # Dynasty writes "title Firstname Lastname"; CloudNC writes "Firstname Lastname, title".
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and len(segments) > 1:
        title = squash(segments[1])
        if any(w[:1].islower() for w in title.split()) and len(title) <= 80:
            return f"{first}, {title}"
    return first
