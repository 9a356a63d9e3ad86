"""Holidays whose names hold a person's name or a capitalised word: "Kristi
himmelsfärdsdag", "Marian ilmestyspäivä", "Ascension Day", "Easter Monday" (forty-ninth
round, ``holiday_names``).

A notice of opening hours or waste collection names the holiday it moves ("Biblioteket är
stängt på Kristi himmelsfärdsdag 29.5.", "closed on Ascension Day"); the name rules read its
first word as a first name ("Kristi", "Marian") or the capitalised pair as a full name. The
holidays are the public and church holidays and named days of the Finnish calendar in
Finnish, Swedish and English (general knowledge, not the labelled strings), written as one
pattern each; only those with more than one word are listed, since a one-word holiday
("helatorstai", "Staffansdagen") is a common word the dictionaries know.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.core.privacy.spans import PiiSpan

_HOLIDAYS = (
    # Swedish
    r"kristi\s+himmelsfärds\w*",
    r"kristi\s+förklarings\w*",
    r"marie\s+bebådelse\w*",
    r"sankt\s+hans\w*",
    r"s:t\s+hans\w*",
    r"alla\s+helgons\s+dag\w*",
    r"alla\s+hjärtans\s+dag\w*",
    r"johannes\s+döparens\s+dag\w*",
    r"annandag\s+(?:påsk|jul|pingst)\w*",
    # Finnish
    r"marian\s+ilmestys\w*",
    r"kristuksen\s+(?:taivaaseenastumisen|kirkastumisen)\s*\w*",
    r"pyhän\s+(?:tapanin|stefanoksen|mikaelin)\s*\w*",
    r"toinen\s+(?:pääsiäis|joulu|helluntai)\w*",
    # English
    r"ascension\s+day",
    r"easter\s+(?:sunday|monday|eve|day)",
    r"good\s+friday",
    r"maundy\s+thursday",
    r"palm\s+sunday",
    r"shrove\s+tuesday",
    r"whit\s*(?:sunday|monday)",
    r"boxing\s+day",
    r"st\.?\s+stephen'?s\s+day",
    r"st\.?\s+john'?s\s+day",
    r"all\s+saints'?\s+day",
    r"christmas\s+(?:eve|day)",
    r"new\s+year'?s\s+(?:eve|day)",
    r"midsummer\s+(?:eve|day)",
    r"independence\s+day",
    r"may\s+day",
    r"valentine'?s\s+day",
    r"mother'?s\s+day",
    r"father'?s\s+day",
    r"lady\s+day",
    r"kalevala\s+day",
    r"runeberg'?s?\s+day",
)
_HOLIDAY = re.compile(r"(?i)(?<![\w-])(?:" + "|".join(_HOLIDAYS) + r")(?![\w-])")


# (each found name asks about the same text: read it once, not once per name)
@lru_cache(maxsize=4)
def _holidays_in(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(match.span() for match in _HOLIDAY.finditer(text))


def holiday_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a holiday of more than one word."""
    return list(_holidays_in(text))


def names_a_holiday(text: str, span: PiiSpan) -> bool:
    """Whether a found name lies inside a holiday's name ("Kristi" in "Kristi
    himmelsfärdsdag", "Ascension Day")."""
    return any(start <= span.start and span.end <= end for start, end in _holidays_in(text))
