"""Institutions given a name that looks like a person's: "Daghemmet Kotten", "päiväkoti
Satumetsä", "Villa Elsa", "Kahvila Aino", "Lakitoimisto Vuorinen".

Day-care centres, schools, clubs, youth centres, care homes, cafés and villas are named like
people, and firms after their founder; the labelling policy counts such names as no
person's. The evidence is the form: the institution's noun in its base form (Finnish
nominative, a Swedish or English noun with or without its article ending, or a Finnish
compound ending in it: "hammashoitola", "lakitoimisto") and right after it one capitalised
name, which carries the case ending for both ("päiväkoti Satumetsässä"). An inflected noun
before a name ("päiväkodissa Anna oli ...") or two names after the noun ("koulu Matti
Virtanen") are a sentence about a person, not a name, and stay as they are. The nouns are
general knowledge, not read from labelled text. A family's home ("omakotitalo", "perhekoti")
is no institution. famous_names.names_no_resident applies it, so a person's evidence beside
the name or a lead ("Terveisin Villa Elsa"?) still keeps it masked.
"""

from __future__ import annotations

import re

from rag.core.privacy.addresses import LOWER, UPPER

# Finnish heads (a compound's too: "lähikoulu", "hammashoitola", "lakitoimisto").
_FINNISH = (
    "päiväkoti", "koulu", "lukio", "kerho", "nuorisotalo", "palvelutalo", "kulttuuritalo",
    "seurakuntatalo", "palvelukoti", "hoivakoti", "ryhmäkoti", "vanhainkoti", "lastenkoti",
    "hoitola", "neuvola", "terveysasema", "kirjasto", "kahvila", "ravintola", "kioski",
    "huvila", "toimisto", "liike", "kuoro", "orkesteri", "teatteri",
)  # fmt: skip
# Swedish and English nouns with their article endings (the whole word as written).
_OTHER = (
    "daghem", "daghemmet", "förskola", "förskolan", "skola", "skolan", "klubb", "klubben",
    "ungdomsgård", "ungdomsgården", "servicehus", "servicehuset", "servicehem",
    "servicehemmet", "vårdhem", "vårdhemmet", "kafé", "kaféet", "café", "caféet", "cafe",
    "restaurang", "restaurangen", "villa", "villan", "bibliotek", "biblioteket", "kör",
    "kören", "byrå", "byrån", "daycare", "day care", "kindergarten", "preschool", "school",
    "club", "choir", "restaurant",
)  # fmt: skip
_HOMES = ("omakoti", "perhe", "koti")  # a family's home, not an institution ("perhekoti")

INSTITUTION_NAMES = re.compile(
    rf"(?i:(?<![\w-])(?!{'|'.join(_HOMES)}(?:koti|talo)?(?![{LOWER}]))"
    rf"(?:[{LOWER}-]*(?:{'|'.join(_FINNISH)})|{'|'.join(_OTHER)}))"
    rf"[ \t]+[\"”“']?(?P<name>[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?)"
    rf"(?![ \t]+[{UPPER}]|[{LOWER}-])"
)


def an_institution_whole(value: str) -> bool:
    """The whole span is an institution's noun and its one name ("Daghemmet Kotten"): the
    name rules took the noun into the mask after a label ("Dagvården:", "Önskad enhet:"),
    but a noun in its base form is no part of a person's name."""
    return INSTITUTION_NAMES.fullmatch(value.strip()) is not None


__all__ = ["INSTITUTION_NAMES", "an_institution_whole"]
