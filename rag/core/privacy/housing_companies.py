"""Housing and real-estate companies named after their address: "Asunto Oy Porvoon Välikatu 3".

Finnish and Swedish housing companies (asunto-osakeyhtiö, bostadsaktiebolag) and real-estate
companies (kiinteistöosakeyhtiö, fastighetsaktiebolag) are most often named after the street
address of their building. The address inside such a name names the company, and the same
address elsewhere in the text (without a flat) names its building, which the minutes of a
planning or building board discuss: no one's home. A flat stays a home ("As Oy Välikatu 3,
asunto B 12" keeps "B 12"'s address masked).
"""

from __future__ import annotations

import re

from rag.core.privacy.organisation_contacts import has_a_flat
from rag.core.privacy.spans import PiiSpan

# The company forms written before the name (in full and abbreviated, fi and sv).
_HOUSING_COMPANY = re.compile(
    r"\b(?:Asunto[ \t-]?(?:Oy|osakeyhtiö)|As\.?[ \t]?Oy|Kiinteistö[ \t-]?(?:Oy|osakeyhtiö)"
    r"|Kiint\.?[ \t]?Oy|KOy|Koy|Bostads[ \t-]?(?:Ab|aktiebolag(?:et)?)|Bost\.?[ \t]?Ab"
    r"|Fastighets[ \t-]?(?:Ab|aktiebolag(?:et)?)|Fab)\b[ \t]*",
)
# Up to three words of the name before the address ("Porvoon", "Kungsgatan").
_NAME_WORDS = re.compile(r"(?:[\w'-]+[ \t]+){0,3}")


def _named_addresses(text: str, addresses: list[PiiSpan]) -> set[str]:
    """The addresses that stand inside a housing company's name."""
    named = set()
    for company in _HOUSING_COMPANY.finditer(text):
        words = _NAME_WORDS.match(text, company.end())
        reach = words.end() if words is not None else company.end()
        for address in addresses:
            if company.end() <= address.start <= reach:
                named.add(text[address.start : address.end].strip())
    return named


def keep_housing_company_addresses(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """``spans`` without the addresses that name a housing company or its building."""
    addresses = [s for s in spans if s.kind == "ADDRESS"]
    if not addresses or ("oy" not in text.lower() and "ab" not in text.lower()):
        return spans
    named = _named_addresses(text, addresses)
    return [
        s
        for s in spans
        if s.kind != "ADDRESS"
        or has_a_flat(text[s.start : s.end])
        or text[s.start : s.end].strip() not in named
    ]


__all__ = ["keep_housing_company_addresses"]
