"""A person's initials in a text that names the person in full (the hundred-and-third round):
"Arbetsgruppen: Hanna Sjöberg (HS), Rasmus Lind (RL). HS sammankallar", "Protokollet fördes
av Cecilia Grönholm (CG). CG:s anteckningar", "Present: Anna-Kaisa Tuominen ... Action: AKT
to update", "TL = Tuija Laakso".

Minutes, notes and staff mail name a person once and then shorten the name to its initials;
bare_initials.py reads initials only in the slots a person fills (a signature, a speaker's
label, a presence list, after a title), so "HS sammankallar" inside a sentence stayed
readable although the text itself says whose initials they are. The evidence here is the
found name: two or three capitals that are exactly the first letters of its words (a
hyphenated given name counts each part: "Anna-Kaisa Tuominen" is AKT, and AT too). An
abbreviation of bare_initials' general list ("EU", "NB", "AM") is left unless it stands in
brackets or after "=" right beside the name, where the text defines it, or signs the text
("... /NB", "T. AM"); initials before a title-case word name a firm ("JM Design").
"""

from __future__ import annotations

import re

from rag.core.privacy.bare_initials import is_listed_abbreviation, signature_initials
from rag.core.privacy.name_forms import WORD
from rag.core.privacy.spans import PiiSpan, SpanIndex

# two or three capitals standing as a word; a case ending after a colon may follow ("CG:s",
# "EH:lle"), a hyphen or a full stop joined to a word may not ("HS-liitto", "H.S.")
_INITIALS = re.compile(r"(?<![\w.'’@-])([A-ZÅÄÖ]{2,3})(?![\w'’@-]|\.\w)")
_WORD = re.compile(WORD)
# "Hanna Sjöberg (HS)", "TL = Tuija Laakso", "Tuija Laakso = TL": the text defines them
_DEFINED_AFTER = re.compile(r"[ \t]*(?:\(|=[ \t]*)")
_DEFINED_BEFORE = re.compile(r"[ \t]*=[ \t]*")
# "JM Design", "HS Rakennus": initials before a title-case word name a firm
_FIRM_WORD_AFTER = re.compile(r"[ \t]+[A-ZÅÄÖ][a-zåäöéü]+")


def _initials(name: str) -> set[str]:
    """The initials a name of two or more words is written as: each word's first letter,
    with or without the second part of a hyphenated word ("Anna-Kaisa Tuominen": AKT, AT)."""
    words = _WORD.findall(name)
    if len(words) < 2:
        return set()
    whole = "".join(word[0] for word in words)
    parts = "".join(part[0] for word in words for part in word.split("-") if part)
    return {variant.upper() for variant in (whole, parts) if 2 <= len(variant) <= 3}


def _defined_beside(text: str, start: int, end: int, names: list[PiiSpan]) -> bool:
    """Whether the initials stand in brackets or after "=" right beside a found name."""
    for name in names:
        if 0 <= start - name.end <= 4 and _DEFINED_AFTER.fullmatch(text, name.end, start):
            return True
        if 0 <= name.start - end <= 4 and _DEFINED_BEFORE.fullmatch(text, end, name.start):
            return True
    return False


def initials_of_found_names(text: str, spans: list[PiiSpan]) -> list[tuple[int, int]]:
    """The initials outside ``spans`` that are those of a name found in ``spans``."""
    names = [span for span in spans if span.kind == "NAME"]
    known: set[str] = set()
    for name in names:
        known |= _initials(text[name.start : name.end])
    if not known:
        return []
    taken = SpanIndex(spans)
    signature = signature_initials(text)
    found = []
    for match in _INITIALS.finditer(text):
        start, end = match.span(1)
        initials = match.group(1)
        if initials not in known or taken.overlaps(start, end):
            continue
        if _FIRM_WORD_AFTER.match(text, end):
            continue
        if (
            is_listed_abbreviation(initials)
            and (start, end) not in signature
            and not _defined_beside(text, start, end, names)
        ):
            continue
        found.append((start, end))
    return found
