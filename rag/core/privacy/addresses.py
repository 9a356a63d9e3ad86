"""Street addresses: a street name with a house number (and staircase / flat)."""

from __future__ import annotations

import re

from rag.core.privacy.spans import PatternRule

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

# Street + number (+ staircase / flat): "Mannerheimintie 12 A 5", "Piispankatu 4 as. 7",
# "Storgatan 3 B 12", "Main Street 14", and "14 Main Street".
ADDRESS_RULE = PatternRule(
    "ADDRESS",
    re.compile(
        rf"\b(?:(?:{_STREET_PREFIX})\s+)?[{UPPER}][\w-]*(?:{_STREETS})\s+\d+(?:\s?[-–]\s?\d+)?\s?[A-Za-z]?"
        rf"(?:\s?(?:as\.?|bst\.?|lgh\.?|[A-Za-z])?\s?\d+(?:\s[A-Z](?![\w-]))?)?\b"
        rf"|\b\d+[A-Za-z]?\s+(?:{NAME_WORD}\s+)?(?:[{UPPER}][a-z]+)\s+"
        rf"(?:Street|Road|Avenue|Lane|Drive|Way|Close|Square)\b"
        rf"|\b(?:{NAME_WORD}\s+)?[{UPPER}][a-z]+\s+(?:Street|Road|Avenue|Lane|Drive)\s+\d+[A-Za-z]?\b"
    ),
)

# After an address label the street word may be anything ("Kotiosoite Hevosenkenkä 2 E 51",
# "adress: Blåbärsstigen 4"); the label stays, the street and number are masked. Without a
# label a staircase letter and flat number ("Hevosenkenkä 2 E 51") are evidence enough.
_LABEL = r"(?<!\w)(?i:\w*(?:osoite|osoitteessa|osoitteeseen|adress|adressen)|bor\s+på|asun)(?!\w)"
_NUMBER = r"\d+(?:\s?[A-Za-z]\b)?(?:\s?(?:as\.?|bst\.?|lgh\.?)?\s?\d+)?"
LABELLED_ADDRESS_RULE = PatternRule(
    "ADDRESS",
    re.compile(rf"{_LABEL}[\s:,]+(?P<pii>(?:(?:{_STREET_PREFIX})\s+)?{NAME_WORD}\s+{_NUMBER})\b"),
)
# (A house number has three digits at most: "Talousarvio 2015 I 4" is a document.)
FLAT_ADDRESS_RULE = PatternRule(
    "ADDRESS", re.compile(rf"\b{NAME_WORD}\s+\d{{1,3}}\s?[A-Z]\s?\d+\b")
)
