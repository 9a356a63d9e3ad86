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
_NAME = rf"[{_UPPER}][a-zåäöüéè'-]+"


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


# Order matters: e-mail before phone (digits in addresses), IBAN and identity codes before
# phone numbers (they are digit runs too).
_RULES: tuple[_Rule, ...] = (
    _Rule("EMAIL", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    _Rule(
        "IBAN",
        re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b"),
    ),
    # Finnish henkilötunnus: DDMMYY, century sign (+ - A-F U-Y), 3 digits, check character.
    _Rule("HETU", re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b")),
    # Swedish personnummer / samordningsnummer: (YY)YYMMDD-XXXX.
    _Rule("HETU", re.compile(r"\b(?:19|20)?\d{6}[-+]\d{4}\b")),
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
    # Street + number: Finnish, Swedish and English street words, e.g. "Mannerheimintie 12 A 5",
    # "Storgatan 3", "Main Street 14", and "14 Main Street".
    _Rule(
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


def _names(text: str, counts: dict[str, int], placeholder: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        # The case-insensitive lead must not make lower-case words count as names.
        if not name[0].isupper():
            return match.group(0)
        counts["NAME"] = counts.get("NAME", 0) + 1
        return match.group("lead") + placeholder

    return _NAME_CONTEXT.sub(replace, text)


def mask_pii(text: str, tags: Mapping[str, str] = TAGS) -> MaskedText:
    """Replace e-mails, IBANs, identity codes, phone numbers, street addresses and names
    after greetings/signatures with the placeholders in ``tags`` (``[EMAIL]``, ``[IBAN]``,
    ``[HETU]``, ``[PHONE]``, ``[ADDRESS]`` and ``[NAME]`` by default)."""
    counts: dict[str, int] = {}
    for rule in _RULES:
        placeholder = tags[rule.kind]
        n = 0

        def replace(
            match: re.Match[str], rule: _Rule = rule, placeholder: str = placeholder
        ) -> str:
            nonlocal n
            if rule.accept is not None and not rule.accept(match.group(0)):
                return match.group(0)
            n += 1
            return placeholder

        text = rule.pattern.sub(replace, text)
        if n:
            counts[rule.kind] = counts.get(rule.kind, 0) + n
    return MaskedText(_names(text, counts, tags["NAME"]), counts)


def mask_personal_data(text: str) -> str:
    """The text with personal data replaced by Finnish tags (``[puhelinnumero]`` ...)."""
    return mask_pii(text, FINNISH_TAGS).text
