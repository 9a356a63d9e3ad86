"""A label's value in lower case, surname first: "Nimi: laaksonen pirkko", "Varaaja:
lindholm erik, puh 040 …".

Lists, registers and forms put the surname first ("Mäkinen Matti"); a resident filling a form
on a phone writes it without capitals. ``lower_case_full_names`` (letter_case.py) reads only
the order first name, surname, and only in a text that opens its sentences in lower case.
Here the value of a label (right after its colon) is two lower-case words and nothing more
in lower case after them: a word that reads as a surname (Voikko knows it as a name, no
dictionary knows it, or it has a surname's own ending), then a known first name that is no
common word of Finnish, Swedish or English ("pirkko", "erik"; not "anna", "tor", or
"matti", which is also checkmate). A first
name in the first place makes it the other order, left to letter_case.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rag.core.privacy.addresses import LOWER
from rag.core.privacy.letter_case import a_surname_beside_a_first_name, name_only

_WORD = rf"[{LOWER}]{{2,}}(?:-[{LOWER}]{{2,}})?"
# (The colon is looked for first: a scan from every lower-case word is slow.)
_VALUE_AFTER_COLON = re.compile(
    rf":[ \t]*(?P<surname>{_WORD})[ \t]+(?P<first>{_WORD})(?![\w@'’.-])(?![ \t]+[{LOWER}])"
)


def surname_first_values(
    text: str, surname_ending: Callable[[str], bool], not_a_person: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """ "Nimi: laaksonen pirkko": a lower-case surname and first name as a label's value;
    ``surname_ending`` tells a surname's own ending, ``not_a_person`` a place, an office or
    a month (names.py)."""
    spans = []
    for match in _VALUE_AFTER_COLON.finditer(text):
        surname, first = match.group("surname", "first")
        if (
            name_only(first)
            and not not_a_person(first.capitalize())
            and a_surname_beside_a_first_name(surname, surname_ending, not_a_person)
        ):
            spans.append((match.start("surname"), match.end("first")))
    return spans
