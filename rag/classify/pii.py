"""Masking personal data in citizen text before it leaves the machine (LLM calls, exports).

Residents write their e-mail, phone number, home address and sometimes their personal
identity code into proposals. None of that helps to classify a proposal, so it is replaced
by a placeholder before the text is sent to an external model. Patterns are deliberately
broad: masking a harmless number costs nothing, leaking a henkilötunnus is a data breach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_UPPER = "A-ZÅÄÖÜ"
_NAME = rf"[{_UPPER}][a-zåäöüéè'-]+"

# Order matters: e-mail before phone (digits in addresses), IBAN and identity codes before
# phone numbers (they are digit runs too).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("EMAIL", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    (
        "IBAN",
        re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b"),
    ),
    # Finnish henkilötunnus: DDMMYY, century sign (+ - A-F U-Y), 3 digits, check character.
    ("HETU", re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b")),
    # Swedish personnummer / samordningsnummer: (YY)YYMMDD-XXXX.
    ("HETU", re.compile(r"\b(?:19|20)?\d{6}[-+]\d{4}\b")),
    (
        "PHONE",
        re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s-]?\(?\d{1,4}\)?|0\d{1,4})(?:[\s-]?\d{2,4}){2,4}\b"),
    ),
    # Street + number: Finnish, Swedish and English street words, e.g. "Mannerheimintie 12 A 5",
    # "Storgatan 3", "Main Street 14", and "14 Main Street".
    (
        "ADDRESS",
        re.compile(
            rf"\b[{_UPPER}][\w-]*(?:tie|katu|kuja|polku|väylä|kaari|rinne|raitti|tori|aukio|"
            rf"ranta|gatan|vägen|väg|gränd|stigen|torget|backen)\s+\d+\s?[A-Za-z]?"
            rf"(?:\s?[A-Za-z]?\s?\d+)?\b"
            rf"|\b\d+[A-Za-z]?\s+(?:{_NAME}\s+)?(?:[{_UPPER}][a-z]+)\s+"
            rf"(?:Street|Road|Avenue|Lane|Drive|Way|Close|Square)\b"
            rf"|\b(?:{_NAME}\s+)?[{_UPPER}][a-z]+\s+(?:Street|Road|Avenue|Lane|Drive)\s+\d+[A-Za-z]?\b"
        ),
    ),
)

# Names after a greeting/sign-off or an introduction: "Terveisin Matti Meikäläinen",
# "Hälsningar, Anna Andersson", "Best regards\nJohn Smith", "Nimeni on ...", "My name is ...".
_NAME_CONTEXT = re.compile(
    r"(?P<lead>\b(?:ystävällisin\s+terveisin|terveisin|t\.|parhain\s+terveisin|"
    r"med\s+vänliga\s+hälsningar|vänliga\s+hälsningar|hälsningar|mvh|hälsar|"
    r"best\s+regards|kind\s+regards|regards|sincerely|yours|thanks|kiitos|tack|"
    r"nimeni\s+on|minä\s+olen|jag\s+heter|mitt\s+namn\s+är|my\s+name\s+is|i\s+am)"
    r"[\s,:.\-–]*)"
    rf"(?P<name>{_NAME}(?:[ \t]+{_NAME}){{0,2}})",
    re.IGNORECASE,
)


@dataclass
class MaskedText:
    """The masked text and how many items of each kind were replaced."""

    text: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def masked(self) -> int:
        return sum(self.counts.values())


def _names(text: str, counts: dict[str, int]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        # The case-insensitive lead must not make lower-case words count as names.
        if not name[0].isupper():
            return match.group(0)
        counts["NAME"] = counts.get("NAME", 0) + 1
        return match.group("lead") + "[NAME]"

    return _NAME_CONTEXT.sub(replace, text)


def mask_pii(text: str) -> MaskedText:
    """Replace e-mails, IBANs, identity codes, phone numbers, street addresses and names
    after greetings/signatures with ``[EMAIL]``, ``[IBAN]``, ``[HETU]``, ``[PHONE]``,
    ``[ADDRESS]`` and ``[NAME]``."""
    counts: dict[str, int] = {}
    for kind, pattern in _PATTERNS:
        text, n = pattern.subn(f"[{kind}]", text)
        if n:
            counts[kind] = counts.get(kind, 0) + n
    return MaskedText(_names(text, counts), counts)
