"""Names written in capitals inside any text: "HOIDETTAVA: KOIVISTO, ANJA", "/ANTECKNAT AV
TIMO", 'nimilappu "OLIVER K."', "Soitti ANTTI JA MAIJA RÄSÄNEN".

``shouted_text`` (letter_case.py) reads words in capitals only beside another one, after a
label's colon or as a street, and keeps a name there only with a first name that stands
with rare words; a name after a comma, a preposition in capitals or a quotation mark is
missed. Here the evidence is the first name itself: a word in capitals that is a known
first name and no common word of Finnish, Swedish or English in any dictionary ("ANJA",
"TIMO"; not "ANNA", give, or "TOR") is a name wherever it stands, and a word beside it
joins it when it reads as a surname (Voikko knows it as a name, no dictionary knows it, or
it has a surname's own ending: "KOIVISTO, ANJA", "MAIJA RÄSÄNEN"), as an initial does
("OLIVER K."). A heading in capitals is made of common words and stays ("ANNA PALAUTETTA",
"ELLA-HANKE"): a hyphenated word counts only when every part is a first name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.core.privacy.addresses import UPPER
from rag.core.privacy.letter_case import a_surname_beside_a_first_name, name_only

# A word in capitals (hyphenated parts too: "ANNA-LIISA"), not inside an address or a path.
_CAPITALS = re.compile(rf"(?<![\w'’@./-])[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})?(?![\w'’@-])")
# What may stand between a surname and a first name in capitals: a space, or a list's comma
# when the surname comes first ("KOIVISTO, ANJA").
_SPACE = re.compile(r"[ \t]+")
_SURNAME_FIRST = re.compile(r",?[ \t]+")
_INITIAL_AFTER = re.compile(rf"[ \t]+[{UPPER}]\.")


def names_in_capitals(
    text: str, surname_ending: Callable[[str], bool], not_a_person: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Names in capitals whose first name is no word ("ANJA", "KOIVISTO, ANJA", "OLIVER
    K."); ``surname_ending`` tells a surname's own ending, ``not_a_person`` a place, an
    office or a month (names.py)."""
    if not any(c.isupper() for c in text):
        return []
    words = [m for m in _CAPITALS.finditer(text) if len(m.group()) >= 3]

    def a_surname(other: re.Match[str]) -> bool:
        return a_surname_beside_a_first_name(other.group().lower(), surname_ending, not_a_person)

    spans = []
    for index, word in enumerate(words):
        lowered = word.group().lower()
        if not name_only(lowered) or not_a_person(word.group().capitalize()):
            continue
        start, end = word.span()
        before = words[index - 1] if index else None
        after = words[index + 1] if index + 1 < len(words) else None
        if before is not None and _SURNAME_FIRST.fullmatch(text, before.end(), start):
            if a_surname(before):
                start = before.start()  # "KOIVISTO, ANJA", "LAAKSO MIRJA"
        if after is not None and _SPACE.fullmatch(text, end, after.start()) and a_surname(after):
            end = after.end()  # "MAIJA RÄSÄNEN"
        elif (initial := _INITIAL_AFTER.match(text, end)) is not None:
            end = initial.end()  # "OLIVER K."
        spans.append((start, end))
    return spans
