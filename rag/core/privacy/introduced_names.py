"""A first name right after the writer introduces themselves ("Hei, tässä Mirja kirjastosta",
"hej det är Stig från vattenverket", "Hi, det här är Sam, the new intern", "moi, oon Vilja
4C:ltä", "hej jag heter kim nyström och ...").

person_slots.py reads an introduction only when punctuation opens it and closes the name
("täällä Onni,"), and only a capitalised name; chat and phone messages open with a greeting
and no comma ("hej det är ..."), write the name in lower case or in capitals, and go on with
where the writer is from in a Finnish local case ("kirjastosta", "nuorisotalolta"), which the
place guards elsewhere read as a place named after a person ("Mirjan kirjasto"). Here the
introduction is the evidence; the name must still be a first name of the lists or registers
(a word-like one too: "Kim", "Stig", "maja"), and it must end where a name ends:
- after a strong introduction ("jag heter", "mitt namn är", "my name is", "nimeni on", "mun
  nimi on"), wherever it stands;
- after a weak one ("tässä", "täällä", "det är", "it's", "this is", "olen", "oon", "I'm"),
  only when the name is followed by the end of its line, punctuation, "and"/"ja"/"och"/"eli",
  a "from" word ("från", "from", "at", "here"), or a word in the elative or ablative
  ("kirjastosta", "4C:ltä"): "tässä kuussa", "det är Mars", "olen Pori-fani" name no one.
A surname joins the first name when it has the first name's letter case: a capitalised word
after a capitalised name, a register surname after a lower-case one ("ida ek"), any word
after a name in capitals. Like name_forms.py the module only reads the text; names.py applies
its guards and counts an introduction as a lead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.name_forms import Candidate
from rag.core.privacy.population_names import population_surnames

_GREETINGS = (
    r"hei|hej|moi|moikka|moro|morjens|heippa|terve|tsau|hejsan|tjena|tja|hallå|hi|hey|hello"
)
_STRONG = (
    r"jag\s+heter|mitt\s+namn\s+är|my\s+name\s+is|nimeni\s+on|minun\s+nimeni\s+on|"
    r"minun\s+nimi\s+on|mun\s+nimi\s+on|mä\s+oon\s+nimeltä|olen\s+nimeltäni"
)
_WEAK = (
    r"this\s+is|it's|it’s|it\s+is|here\s+is|det\s+här\s+är|det\s+här\s+e|det\s+är|det\s+e|"
    r"här\s+är|tässä\s+on|täällä\s+on|tässä|täällä|i'm|i’m|i\s+am|jag\s+är|minä\s+olen|"
    r"mä\s+oon|mä\s+olen|olen|oon"
)
_NAME_WORD = r"[^\W\d_]+(?:-[^\W\d_]+)?"
# The introduction opens the text, a line or a sentence, perhaps after a greeting with or
# without its comma ("hej det är", "Hi, this is", "Moikka! Mä oon").
_INTRODUCTION = re.compile(
    rf"(?:^|(?<=[\"'“”«(:.!?,;]))[ \t]*(?:(?i:{_GREETINGS})[ \t]*[,!.]?[ \t]+)?"
    rf"(?:(?P<strong>(?i:{_STRONG}))|(?i:{_WEAK}))[ \t]+"
    rf"(?P<first>{_NAME_WORD})(?:[ \t]+(?P<last>{_NAME_WORD}))?",
    re.MULTILINE,
)
# Where a name ends after a weak introduction: the line's end, punctuation, a conjunction, a
# "from" word, or a word in the elative or ablative ("kirjastosta", "4C:ltä").
_NAME_ENDS = re.compile(
    r"[ \t]*(?:$|[,.!?:;()\-–—]|"
    r"(?i:and|ja|och|o|eli|from|at|here|här|från|på|täältä|sieltä)(?![\w])|"
    r"[\w:]*(?:sta|stä|lta|ltä)(?![\w]))",
    re.MULTILINE,
)
# Words an introduction takes that name no one ("it's OK", "det är bra"), beside months.
_NOT_NAMES = frozenset({
    "ok", "okay", "hei", "hej", "hi", "moi", "terve", "hello", "hey", "tjena", "me", "jag",
    "minä", "mä", "just", "här", "täällä", "tässä",
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december", "january", "february", "march", "may", "june", "july",
    "august", "october",
})  # fmt: skip


def _same_case(first: str, last: str) -> bool:
    """Whether ``last`` is written as a surname beside ``first``: both capitalised, both in
    capitals, or a register surname in lower case after a lower-case name."""
    if first.isupper() and len(first) > 1:
        return last.isupper()
    if first[:1].isupper():
        return last[:1].isupper() and not last.isupper()
    return last.islower() and last in population_surnames()


def names_after_introductions(text: str) -> Iterator[Candidate]:
    """The first name (with its surname) that an introduction presents."""
    for match in _INTRODUCTION.finditer(text):
        first = match.group("first")
        if first.lower() in _NOT_NAMES or not is_first_name(first):
            continue
        last = match.group("last")
        end = match.end("first")
        words = [first]
        if last is not None and _same_case(first, last) and last.lower() not in _NOT_NAMES:
            end = match.end("last")
            words.append(last)
        if match.group("strong") is None and not _NAME_ENDS.match(text, end):
            continue
        yield Candidate(match.start("first"), end, tuple(words))
