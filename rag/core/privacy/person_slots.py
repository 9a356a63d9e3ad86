"""A first name in a slot only a person fills, where the name may be one that is also a
frequent word (Tom, Kim, Sara, Grace, Onni), which the rules elsewhere leave alone:

- after a greeting that opens a line, a quote or a sentence, the name closed by a comma,
  "!", a colon or the line's end ("Hej Kim!", "Hi Tom, the keys ...", "vastaus: Hei Satu,");
- after an introduction that opens a sentence ("This is Chloé from Lyon", "it's Raj, I'll
  ...", "här är Nora.", "täällä Onni,");
- after a sign-off word the older leads do not hold, at the end of a line ("Cheers, Tom",
  "Terkuin Satu", "Best, Yasmin and Omar");
- before an age or a school class in brackets ("Onni (7 v)", "Vilgot (8 år)", "Emil (2. lk)").

The slots come from how letters, messages and notes are written in Finnish, Swedish and
English, not from the labelled strings. Like name_forms.py the module reads only the text;
names.py applies its guards and keeps what it finds as a person's evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.common_words import unknown_everywhere
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.name_forms import WORD, Candidate
from rag.core.privacy.word_lookalikes import is_function_word

_GREETINGS = (
    r"hei|hej|moi|moikka|moro|morjens|heippa|terve|tervehdys|hejsan|tjena|tja|hallå|hi|hey|"
    r"hello|dear|hyvä|bästa|kära"
)
_INTRODUCTIONS = (
    r"this\s+is|it's|it’s|it\s+is|here\s+is|här\s+är|det\s+är|tässä\s+on|täällä\s+on|"
    r"tässä|täällä|i'm|i’m"
)
_SIGN_OFFS = (
    r"cheers|best|best\s+wishes|all\s+the\s+best|love|greetings|hugs|terkuin|terkuisin|"
    r"terkut|halauksin|kram|kramar|hälsn|mvh"
)
# What opens a slot: the text's or a line's start, a quote, a bracket, a colon or the end
# of a sentence before it.
_OPENING = r"(?:^|(?<=[\"'“”«(:.!?]))[ \t]*"
_PAIR = rf"(?P<name>{WORD})(?:[ \t]+(?:and|och|ja|&)[ \t]+(?P<other>{WORD}))?"
_GREETING = re.compile(
    rf"{_OPENING}(?i:{_GREETINGS})[ \t]+{_PAIR}(?=[ \t]*(?:[!,:]|$))", re.MULTILINE
)
# (after a greeting and its comma too: "Hi Eva, it's Raj")
_INTRODUCTION = re.compile(
    rf"(?:^|(?<=[\"'“”«(:.!?,]))[ \t]*(?i:{_INTRODUCTIONS})[ \t]+(?P<name>{WORD})"
    r"(?=[ \t]*(?:[!,.:;?)]|$)|[ \t]+(?:from|at|here|här|från|på|täältä|from)\b)",
    re.MULTILINE,
)
_SIGN_OFF = re.compile(
    rf"(?:^|(?<=[\"'“”«(.!?]))[ \t]*(?i:{_SIGN_OFFS})[ \t]*[,!.:]?\s+{_PAIR}[ \t]*[.!\"'”]*[ \t]*$",
    re.MULTILINE,
)
_AGE_OR_CLASS = re.compile(
    rf"(?<![\w'-])(?P<name>{WORD})[ \t]*\([ \t]*\d{{1,3}}\.?[ \t]*-?"
    r"(?:v|vuotta|vuotias|vee|år|års|åring|y|yrs|years?|yo|lk|luokka|luokalla|klass|kl|grade)"
    r"\.?(?![\w])"
)
# Words a greeting or an introduction takes that name no one, beside the function words
# ("Hej alla", "Hi all"): terms of endearment and answers ("Hi honey", "Hei kulta", "It's
# OK").
_NOT_NAMES = frozenset({
    "ok", "okay", "honey", "baby", "darling", "sweetie", "dear", "kulta", "rakas", "älskling",
    "hei", "hej", "hi", "moi", "terve", "hello", "hey", "tjena",
})  # fmt: skip


def _a_name(word: str, *, unknown: bool = False) -> bool:
    """A first name of the lists or the register, frequent words too ("Tom", "Kim"), that is
    no function word; with ``unknown`` also a word no dictionary knows ("Vilgot")."""
    lowered = word.lower()
    if lowered in _NOT_NAMES or is_function_word(word):
        return False
    return is_first_name(word) or (unknown and unknown_everywhere(word))


def _pair(match: re.Match[str], *, unknown: bool = False) -> Iterator[Candidate]:
    """The name (and the other one joined to it) of a slot's match, without a closing quote
    that the name's pattern takes in ("Omar'")."""
    for group in ("name", "other"):
        if group not in match.re.groupindex or match.group(group) is None:
            continue
        word = match.group(group).rstrip("'")
        if _a_name(word, unknown=unknown):
            yield Candidate(match.start(group), match.start(group) + len(word), (word,))


def names_in_person_slots(text: str) -> Iterator[Candidate]:
    """The first names of the four slots above."""
    for match in _GREETING.finditer(text):
        yield from _pair(match)
    for match in _SIGN_OFF.finditer(text):
        yield from _pair(match)
    for match in _INTRODUCTION.finditer(text):
        yield from _pair(match)
    if "(" in text:
        for match in _AGE_OR_CLASS.finditer(text):
            yield from _pair(match, unknown=True)
