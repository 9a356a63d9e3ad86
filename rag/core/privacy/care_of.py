"""A "c/o" line of an address: "c/o Niemi, Kirkkotie 5 B 12", "c/o Marja Salo, Hamngatan 3".

Someone who lives or gets mail at another person's home writes that person's name after "c/o"
(care of) before the street. The name says whose home the address is, so the whole stretch,
"c/o" and the name with the street and number, is one address to mask: the name alone masked
would leave "c/o [NAME], [ADDRESS]" and the reader would still see how the mail goes.

Only a "c/o" right before an address the rules found is read: "c/o" before an organisation's
office address is left to the organisation rules, which run before (organisation_contacts.py).
"""

from __future__ import annotations

import re

from rag.core.privacy.addresses import NAME_WORD
from rag.core.privacy.spans import PiiSpan, overlaps

# "c/o" (any case), then one to three capitalised words and maybe a comma, right before the
# address: the pattern is matched against the text before each address span.
_CARE_OF_BEFORE = re.compile(
    rf"(?<![\w/])(?i:c/o)[ \t]+{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}[ \t]*,?[ \t]*\Z"
)
# how far before an address the "c/o" may start
_REACH = 80


def with_care_of(text: str, spans: list[PiiSpan], companies: list[PiiSpan]) -> list[PiiSpan]:
    """``spans`` with each address that follows a "c/o" and a name started at the "c/o"
    ("c/o Niemi, Lundinkatu 10 A 2"); not after a company's name ("c/o Vuorinen Rakennus
    Oy, ..."): a firm's address says nothing of a person."""
    widened = []
    for span in spans:
        if span.kind == "ADDRESS":
            before = _CARE_OF_BEFORE.search(text, max(0, span.start - _REACH), span.start)
            if before is not None and not overlaps(companies, before.start(), before.end()):
                span = PiiSpan(before.start(), span.end, span.kind)
        widened.append(span)
    return widened


def outside_addresses(names: list[PiiSpan], spans: list[PiiSpan]) -> list[PiiSpan]:
    """The names of ``names`` that no address of ``spans`` covers."""
    addresses = [s for s in spans if s.kind == "ADDRESS"]
    return [n for n in names if not any(a.start <= n.start and n.end <= a.end for a in addresses)]
