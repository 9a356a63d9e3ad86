"""Street addresses: a street name with a house number (and staircase / flat)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from rag.core.privacy.common_words import is_common_anywhere
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.spans import PatternRule, PiiSpan, SpanIndex, overlaps

# Letters of names in Latin script as residents write them ("Søren", "Zoë", "José", "Šarūnas").
UPPER = "A-ZÅÄÖÜÉÈØÆÇÑÁÍÓÚŠŽČŞĞİŁŚŻŹĆ"
LOWER = "a-zåäöüéèøæçñáíóúâêîôûëïõšžčćłńśūėęąßışğżźřěňý"
# A name word: "Matti", "Sanna-Mari", "O'Brien"; case-sensitive, the caller's flags aside.
NAME_WORD = rf"[{UPPER}][{LOWER}']+(?:-[{UPPER}]?[{LOWER}']+)*"

# Street names often start with a word of their own: "Vanha Helsingintie", "Västra Kyrkogatan".
_STREET_PREFIX = (
    "Vanha|Uusi|Itäinen|Läntinen|Pohjoinen|Eteläinen|Iso|Pikku|Ala|Ylä|"
    "Gamla|Nya|Östra|Västra|Norra|Södra|Stora|Lilla|Övre|Nedre"
)
STREET_WORDS = (
    "tie", "katu", "kuja", "polku", "väylä", "kaari", "rinne", "raitti", "tori", "aukio", "ranta",
    "portti", "kulma", "kaarre", "puistikko", "tanhua", "gatan", "vägen", "väg", "gränd",
    "stigen", "torget", "backen", "allén", "esplanaden", "kajen", "stranden", "platsen",
)  # fmt: skip
_STREETS = "|".join(STREET_WORDS)

# At most a space or a tab between a house number and its staircase or flat: an address line
# ends at the line's end, and the postal code on the next line is no flat ("Sköldvägen 3\n06100
# Borgå", the eighty-second round).
_GAP = r"[ \t]?"

# Street + number (+ staircase / flat): "Mannerheimintie 12 A 5", "Piispankatu 4 as. 7",
# "Storgatan 3 B 12", "Main Street 14", and "14 Main Street".
ADDRESS_RULE = PatternRule(
    "ADDRESS",
    re.compile(
        rf"\b(?:(?:{_STREET_PREFIX})\s+)?[{UPPER}][\w'’-]*(?:{_STREETS})\s+\d+(?:{_GAP}[-–]{_GAP}\d+)?"
        # (a staircase is one letter: "4 on 1 March" holds the word "on", not "o" and "n")
        rf"(?:{_GAP}[A-Za-z](?![A-Za-z]))?"
        rf"(?:{_GAP}(?:as\.?|bst\.?|lgh\.?|[A-Za-z])?{_GAP}\d+(?:[ \t][A-Z](?![\w-]))?)?\b"
        rf"|\b\d+[A-Za-z]?\s+(?:{NAME_WORD}\s+)?(?:[{UPPER}][a-z]+)\s+"
        rf"(?:Street|Road|Avenue|Lane|Drive|Way|Close|Square)\b"
        rf"|\b(?:{NAME_WORD}\s+)?[{UPPER}][a-z]+\s+(?:Street|Road|Avenue|Lane|Drive)\s+\d+[A-Za-z]?\b"
    ),
    # (a number beside a space, which every match holds: a text without one skips the scan)
    hint=re.compile(r"\s\d|\d[A-Za-z]?\s"),
)

# Numbered roads, whose number is no house ("valtatie 7", "kantatie 55", "riksväg 7").
ROADS = (
    "valtatie", "kantatie", "seututie", "maantie", "yhdystie", "moottoritie", "moottoriväylä",
    "kehätie", "riksväg", "riksvägen", "stamväg", "stamvägen", "regionalväg", "landsväg",
    "motorväg", "motorvägen", "länsväg",
)  # fmt: skip

# After an address label the street word may be anything ("Kotiosoite Hevosenkenkä 2 E 51",
# "adress: Blåbärsstigen 4"); the label stays, the street and number are masked. Without a
# label a staircase letter and flat number ("Hevosenkenkä 2 E 51") are evidence enough.
_LABEL = r"(?<!\w)(?i:\w*(?:osoite|osoitteessa|osoitteeseen|adress|adressen)|bor\s+på|asun)(?!\w)"
_NUMBER = rf"\d+(?:{_GAP}[A-Za-z]\b)?(?:{_GAP}(?:as\.?|bst\.?|lgh\.?)?{_GAP}\d+)?"
LABELLED_ADDRESS_RULE = PatternRule(
    "ADDRESS",
    re.compile(rf"{_LABEL}[\s:,]+(?P<pii>(?:(?:{_STREET_PREFIX})\s+)?{NAME_WORD}\s+{_NUMBER})\b"),
    # (the label's words alone, with the label's flags: "\w*" before them is slow to fail)
    hint=re.compile(r"(?i:osoite|osoitteessa|osoitteeseen|adress|adressen|bor\s+på|asun)"),
)
# (A house number has three digits at most: "Talousarvio 2015 I 4" is a document.) The street's
# own first word as in the rules above: "Östra Allén 4 A 7".
FLAT_ADDRESS_RULE = PatternRule(
    "ADDRESS",
    re.compile(rf"\b(?:(?:{_STREET_PREFIX})\s+)?{NAME_WORD}\s+\d{{1,3}}{_GAP}[A-Z]{_GAP}\d+\b"),
    hint=re.compile(r"\d\s?[A-Z]\s?\d"),
)

# The street word written apart: a Swedish genitive before it ("Borgbackens väg 3"), a
# Finnish one ("Aleksis Kiven katu 5"), a foreign street word or its abbreviation after
# the name ("Narva mnt 27-14": Estonian maantee, tänav, puiestee; German Straße; Danish
# and Norwegian vej, vei, gate) or a Polish "ul." before it.
_SEPARATE_STREET = (
    r"väg|vägen|gata|gatan|gränd|stig|backe|allé|torg|plan|"
    r"katu|tie|kuja|polku|"
    r"mnt|maantee|tn|tänav|pst|puiestee|Str\.|Straße|Strasse|gade|vej|vei|gate"
)
SEPARATE_STREET_RULE = PatternRule(
    "ADDRESS",
    re.compile(
        rf"\b{NAME_WORD}(?<=[sn])\s+(?:{_SEPARATE_STREET})\s+{_NUMBER}(?:[-–/]\d+)?\b"
        rf"|\b{NAME_WORD}\s+(?:mnt|tn|pst|Str\.|Straße|Strasse|gade|vej|vei)\s+"
        rf"{_NUMBER}(?:[-–/]\d+)?\b"
        rf"|\bul\.\s?{NAME_WORD}\s+{_NUMBER}(?:[-–/]\d+)?\b"
    ),
    # (run only on a text with such a word alone: a scan of every capital is slow)
    needs=tuple(
        f"{word.replace(chr(92), '').lower()}{space}"
        for word in _SEPARATE_STREET.split("|")
        for space in (" ", "\t")
        if not word.startswith("ul")
    )
    + ("ul.",),
)

# A street word abbreviated with a full stop (thirteenth round, the switch
# ``abbreviated_streets``): Finnish k. (katu), t. (tie), kj. (kuja), Swedish g. (gatan), v.
# (vägen), gr. (gränd) after a stem of four letters or more ("Runebergink. 18 A 4",
# "Mannerheimint. 5", "Linnankosk.k. 12", "Kyrkog. 3"); a short word before the stop is an
# abbreviation of something else ("Yht. 5", "Sept. 5"), and a number followed by a stop, a
# slash or a colon and a digit is a date, a record or a time ("Pöytäk. 12/2024"), one
# before "§" a section ("Pöytäk. 5 §").
# (a staircase in capitals or written close, "6 B", "6b": "Strandv. 6 i maj" is Swedish "in")
_ABBREVIATED_NUMBER = (
    rf"\d{{1,3}}(?:[a-z]|{_GAP}[A-Z])?\b(?:{_GAP}(?:as\.?|bst\.?|lgh\.?)?{_GAP}\d+)?"
)
# What stands after a number that is no house number, for the rules' lookaheads: a stop, a
# slash, a colon or a comma and a digit (a date, a record, a time: "Pöytäk. 12/2024") or "§"
# (a section); ... or a sum or a share ("3 €"); ... or a count or a measure ("2 km",
# "Rantatiellä 2 kertaa": a partitive ends in -a/-ä, not in the essive's -na, "11 tiistaina"
# is a day).
_RECORD_AFTER = r"[./:,]\d|\s?§"
_SUM_AFTER = rf"{_RECORD_AFTER}|\s?[%€]"
_COUNT_AFTER = rf"{_SUM_AFTER}|\s+(?:km|m|h|min|kpl)\b|\s+[{LOWER}]{{3,}}(?<!n)[aä]\b"
ABBREVIATED_STREET_RULE = PatternRule(
    "ADDRESS",
    re.compile(
        rf"\b(?:(?:{_STREET_PREFIX})\s+)?[{UPPER}][{LOWER}]{{3,}}\.?"
        rf"(?:k|t|kj|g|v|gr)\.\s?{_ABBREVIATED_NUMBER}\b(?!{_RECORD_AFTER})"
    ),
    hint=re.compile(r"\w\.\s?\d"),
)

# A street named by a place or a family before a lower-case street word (the ninetieth
# round): "Tolkkisten rantatie 7", "Kulloby skogsväg 12", "Söderby strandväg 17 B". Not a
# numbered road, and not a count or a measure after the number ("Kirkon kävelytie 2 km",
# "Uuden pyörätie 3 kertaa"); the house number as an abbreviated street's: three digits at
# most (a year is no house), a staircase in capitals or written close ("17 B", "17b":
# "skogsväg 12 i maj" is Swedish "in"). The qualifier is no common word: "Asun koivukuja 3"
# is a lower-case street after a verb, which the rules of letter_case.py read.
QUALIFIED_STREET_RULE = PatternRule(
    "ADDRESS",
    re.compile(
        rf"\b{NAME_WORD}[ \t]+(?!(?:{'|'.join(ROADS)})\b)[{LOWER}]{{2,}}(?:{_STREETS})"
        rf"[ \t]+{_ABBREVIATED_NUMBER}\b(?!{_COUNT_AFTER})"
    ),
    accept=lambda match: not is_common_anywhere(match.split(maxsplit=1)[0]),
    hint=re.compile(rf"[{LOWER}](?:{_STREETS})[ \t]+\d"),
)

# Swedish street words beyond STREET_WORDS, common in Finland's Swedish street names (the
# ninetieth round): "Lärkgången 2", "Skogsbrynet 9", "Åbrinken 4", "Tallslingan 3". Kept apart
# from STREET_WORDS, which the name rules read as places; their nouns alone are also words
# ("Ingången", "Ringen"), so the house number is an abbreviated street's (no year).
_MORE_STREETS = "gången|brinken|brynet|slingan|bågen|kroken|ringen"
MORE_STREET_RULE = PatternRule(
    "ADDRESS",
    re.compile(
        rf"\b(?:(?:{_STREET_PREFIX})\s+)?[{UPPER}][\w'’-]*(?:{_MORE_STREETS})[ \t]+"
        rf"{_ABBREVIATED_NUMBER}\b(?!{_SUM_AFTER})"
    ),
    hint=re.compile(rf"(?:{_MORE_STREETS})[ \t]+\d"),
)

# A street with no street word, shown by the postal code and town right after it (the
# hundred-and-first round, the switch ``postal_addresses``): "Pappilanmäki 3, 06500 Porvoo",
# "Tjuvöstrand 41, 06150 Borgå", "Backsvängen 2 D\n06150 Borgå". One or two capitalised
# words, a house number of three digits at most (a staircase and a flat perhaps), then a comma
# or a line break, five digits and a capitalised town.
POSTAL_ADDRESS_RULE = PatternRule(
    "ADDRESS",
    re.compile(
        rf"\b(?P<pii>[{UPPER}][{LOWER}'’-]{{2,}}(?:[ \t][{UPPER}][{LOWER}'’-]{{2,}})?[ \t]+"
        rf"{_ABBREVIATED_NUMBER})\b(?=,?[ \t]*\n?[ \t]*\d{{5}}[ \t]+[{UPPER}][{LOWER}])"
    ),
    hint=re.compile(r"\d{5}[ \t]+[A-ZÅÄÖ]"),
)

# A street named in a Finnish local case with its number (twenty-third round, the switch
# ``inflected_streets``): "asun Niittytiellä 6", "Lukiokadulla 11 B 4", "Vanhalla
# Helsingintiellä 5". The street words' stems as the cases build them (katu → kadu-, rinne →
# rintee-) and the street prefixes in the same case.
_INFLECTED_STREET_STEMS = (
    "tie", "kadu", "kuja", "polu", "väylä", "kaare", "rintee", "raiti", "tori", "aukio", "ranna",
    "porti", "kulma", "kaartee", "puistiko", "tanhua",
)  # fmt: skip
_INFLECTED_PREFIX = (
    "Vanhalla|Vanhalta|Vanhalle|Uudella|Uudelta|Uudelle|Isolla|Isolta|Isolle|Pikku|"
    "Itäisellä|Läntisellä|Pohjoisella|Eteläisellä"
)
INFLECTED_STREET_RULE = PatternRule(
    "ADDRESS",
    re.compile(
        rf"\b(?:(?:{_INFLECTED_PREFIX})\s+)?[{UPPER}][{LOWER}-]*"
        rf"(?:{'|'.join(_INFLECTED_STREET_STEMS)})(?:ll[aä]|lt[aä]|lle)"
        # not a count or a measure after the number: "Rantatiellä 2 kertaa", "5 km", "3 €"
        rf"\s+{_ABBREVIATED_NUMBER}\b(?!{_COUNT_AFTER})"
    ),
    hint=re.compile(r"l(?:l[aäe]|t[aä])\s+\d"),
)


def with_inflected_streets(
    text: str, spans: list[PiiSpan], kept: Sequence[PiiSpan]
) -> list[PiiSpan]:
    """``spans`` with the streets in a local case and their numbers; one that holds an
    address found before (the flat rule reads "Helsingintiellä 5 A 2" without "Vanhalla")
    replaces it, one that touches anything else or a span that must stay is dropped.
    (``spans`` do not overlap each other: the spans a match touches are found by bisection.)"""
    if not INFLECTED_STREET_RULE.applies_to(text, text.lower()):
        return list(spans)
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    blocked = SpanIndex(kept)
    replaced: set[int] = set()
    added = []
    for match in INFLECTED_STREET_RULE.pattern.finditer(text):
        start, end = match.span()
        touched = []
        at = bisect.bisect_left(starts, end) - 1
        while at >= 0 and ordered[at].end > start:
            touched.append(at)
            at -= 1
        if blocked.overlaps(start, end) or any(
            ordered[i].kind != "ADDRESS" or ordered[i].start < start or ordered[i].end > end
            for i in touched
        ):
            continue
        replaced.update(touched)
        added.append(PiiSpan(start, end, "ADDRESS"))
    result = [s for i, s in enumerate(ordered) if i not in replaced] + added
    return sorted(result, key=lambda s: s.start)


# A house number alone after the street was named: "bor i nr 39", "asun talossa nro 4",
# "I live at no. 12" (a word of living or a preposition before it: "päätös nr 39" stays).
_HOUSE_NUMBER = re.compile(
    r"(?i:\b(?:i|på|bor|asun|asumme|talossa|talo|huset|hus|at|in)\s+)"
    r"(?P<pii>(?i:nr|nro|no|n:o|numero|nummer)\.?\s?\d{1,3}(?:\s?[A-Za-z](?!\w))?(?:\s?\d+)?)\b"
)
# A word before a street named after a person ("Väinö Tannersväg 4", "Aleksis Kiven katu").
_WORD_BEFORE = re.compile(rf"({NAME_WORD})[ \t]+\Z")  # on the street's line


def address_context_spans(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The address spans widened by the first name of the person a street is named after,
    and a house number alone ("nr 39") in a text that names a street."""
    widened = []
    for span in spans:
        before = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
        if span.kind == "ADDRESS" and before and is_first_name(before.group(1)):
            span = PiiSpan(before.start(1), span.end, "ADDRESS")
        widened.append(span)
    if any(s.kind == "ADDRESS" for s in widened):
        for match in _HOUSE_NUMBER.finditer(text):
            start, end = match.span("pii")
            if not overlaps(widened, start, end):
                widened.append(PiiSpan(start, end, "ADDRESS"))
    return sorted(widened, key=lambda s: s.start)


# A flat written out after the house number (thirteenth round, the switch ``flat_words``):
# Finnish asunto, huoneisto, as.; Swedish bostad, bost., lägenhet, lgh; English and
# Portuguese apt., apartment, flat, apto ("Strandgatan 9 bost. 4", "Kotitie 5, asunto 3",
# "Main Road 4, apt. 12"), with "nro"/"nr"/"no." before its number if written.
_FLAT_AFTER = re.compile(
    r"(?:,\s?|\s)(?i:asunto|huoneisto|as\.|bostad|bost\.|lägenhet|lgh\.?|apt\.?|apto\.?|"
    r"apartment|flat)\s?(?i:nro\.?\s?|nr\.?\s?|no\.?\s?)?\d{1,4}[A-Za-z]?\b(?![.,:/]\d)"
)


# A Finnish case ending written after a colon on the house or flat number (twenty-first round,
# the switch ``address_case_endings``): "Asun Koivukuja 7:ssä", "Myllykatu 5:stä". The ending
# is no personal data; taken into the span, the masked text reads "[ADDRESS]" as one word.
_CASE_ENDING_AFTER = re.compile(rf"(?<=\w):[{LOWER}]{{1,4}}(?![\w'’-])")


def with_case_endings(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The address spans that end in a number or a staircase letter widened by a case
    ending after a colon ("7:ssä", "3 B:hen")."""
    return _widened_addresses(
        text, spans, _CASE_ENDING_AFTER, lambda span, _: text[span.end - 1].isalnum()
    )


def with_flat_words(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The address spans widened by a flat written out right after them."""
    taken = SpanIndex(spans)
    return _widened_addresses(
        text, spans, _FLAT_AFTER, lambda span, flat: not taken.overlaps(span.end, flat.end())
    )


def _widened_addresses(
    text: str,
    spans: list[PiiSpan],
    after: re.Pattern[str],
    may_widen: Callable[[PiiSpan, re.Match[str]], bool],
) -> list[PiiSpan]:
    """``spans`` with each address widened to the end of what ``after`` matches right after
    it, where ``may_widen`` accepts that match."""
    widened = []
    for span in spans:
        match = after.match(text, span.end) if span.kind == "ADDRESS" else None
        if match is not None and may_widen(span, match):
            span = PiiSpan(span.start, match.end(), span.kind)
        widened.append(span)
    return widened


# A house number that runs on into a full stop or a comma and a digit (the twenty-fourth
# round, the switch ``dated_numbers``): a date or a decimal, no house ("Vattenavbrott på
# Mannerheimgatan 15.5 kl. 9–13", "katko Kauppakatu 12.8.2025"). The street alone is no
# one's address.
_RUNS_ON = re.compile(r"[.,]\d")


def without_dated_numbers(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """``spans`` without the addresses whose number goes on as a date or a decimal."""
    return [
        s
        for s in spans
        if s.kind != "ADDRESS" or not (text[s.end - 1].isdigit() and _RUNS_ON.match(text, s.end))
    ]
