"""Mask personal data in citizen text before it is exported or leaves the machine.

Masks Finnish personal identity codes (henkilötunnus, with any century sign), e-mail addresses
and phone numbers (Finnish mobile/landline and international forms). Names cannot be found
reliably by a pattern and are not masked here: a reviewer still reads every export.
"""

from __future__ import annotations

import re

_HETU = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# +358 40 123 4567, 040-123 4567, 09 1234 567, (019) 520 211; at least 7 digits in all.
_PHONE = re.compile(
    r"(?<![\w/.])(?:\+\d{1,3}[\s-]?)?\(?0?\d{1,3}\)?(?:[\s-]?\d{2,4}){2,4}(?![\w/.])"
)

MASKS = {"hetu": "[henkilötunnus]", "email": "[sähköposti]", "phone": "[puhelinnumero]"}


def _mask_phone(match: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    # Years, sums and dates also form digit groups: only 7–13 digits starting like a number.
    if 7 <= len(digits) <= 13 and (match.group(0).startswith(("+", "0", "(0"))):
        return MASKS["phone"]
    return match.group(0)


def mask_personal_data(text: str) -> str:
    """The text with identity codes, e-mail addresses and phone numbers replaced by tags."""
    text = _HETU.sub(MASKS["hetu"], text)
    text = _EMAIL.sub(MASKS["email"], text)
    return _PHONE.sub(_mask_phone, text)
