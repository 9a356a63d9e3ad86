"""Lists of proper nouns of one to three words: "Aaltonen, Backman ja Eklund", "(Berg, Koivisto,
Öhman)", "Läsnä: Satu Rinne, Teemu Oksanen". Minutes list the people who voted, attended or
were elected so, under labels worded in many ways; names.py reads a list as a list of
people when most of its items are names it found by other evidence (the switch
``list_neighbours``), whatever the label says.

``initials_lists`` finds lists of initials ("TK, JH, MS, RL") for ``initials_list_neighbours``
in the same way.

This module only finds the lists and their items; it judges no word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.addresses import NAME_WORD

# An item: one to three capitalised words ("Nina Katariina Miettinen"), then perhaps a short
# note in brackets ("(kok)", "(pj)", "(vihr)").
_ITEM = re.compile(
    rf"(?P<item>{NAME_WORD}(?:[ \t]{NAME_WORD}){{0,2}})(?:[ \t]*\([^()\n]{{1,20}}\))?"
)
# Between items: a comma or semicolon, or a conjunction.
_SEPARATOR = re.compile(r"[ \t]*[,;][ \t]*|[ \t]+(?:ja|sekä|och|samt|and|&)[ \t]+")


# What ends an item that stands alone: a separator, a bracket, a mark ending a clause or the
# line. A lower-case word after it makes it the start of a longer phrase ("Kevätkummun
# perhekeskus").
_ITEM_END = re.compile(r"[ \t]*(?:[,;.:!?()]|\n|\Z|(?:ja|sekä|och|samt|and|&)[ \t])")


# An item of a list of initials: two or three capitals ("TK", "KÖ", "JPN"), a note in brackets
# perhaps ("AS (sekr.)").
_INITIALS_ITEM = re.compile(r"(?P<item>[A-ZÅÄÖ]{2,3})(?![\w'’-])(?:[ \t]*\([^()\n]{1,20}\))?")


def initials_lists(text: str) -> Iterator[list[tuple[int, int]]]:
    """Each list of three or more initials ("TK, JH, MS, RL", "JN, ML och PS"), as the spans
    of its items."""
    return _lists(text, _INITIALS_ITEM)


def ends_an_item(text: str, end: int) -> bool:
    """Whether the item ending at ``end`` ends there, not a longer phrase."""
    return _ITEM_END.match(text, end) is not None


def item_lists(text: str) -> Iterator[list[tuple[int, int]]]:
    """Each list of three or more items in the text, as the spans of its items."""
    return _lists(text, _ITEM)


def _lists(text: str, item: re.Pattern[str]) -> Iterator[list[tuple[int, int]]]:
    """Each run of three or more ``item`` matches joined by separators that stands alone."""
    position = 0
    while True:
        first = item.search(text, position)
        if first is None:
            return
        items = [first.span("item")]
        end = first.end()
        while (gap := _SEPARATOR.match(text, end)) is not None:
            following = item.match(text, gap.end())
            if following is None:
                break
            items.append(following.span("item"))
            end = following.end()
        if len(items) >= 3 and _stands_alone(text, items[0][0], items[-1][1]):
            yield items
        position = max(end, first.end())


def _stands_alone(text: str, start: int, end: int) -> bool:
    """The list is not part of longer words: no letter, digit, hyphen or apostrophe right
    before its first item or right after its last."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        return False
    return end == len(text) or not (text[end].isalnum() or text[end] in "-'’")


# The seventy-ninth round: a list right after a vote's words ("Jaa-ääniä annettiin 6 (Hämäläinen,
# Koskinen, Ojala)", "sai 5 ääntä (Saarinen, Lehto, Virta)", "JA röstade Lind, Berg och Ek",
# "votes: Smith, Jones and Brown"). Minutes list the members who voted so, by surname; only the
# counting words of a vote count, not a polling station's ("äänestyspaikat: Kerkkoo, Pellinge").
def _cue(words: str, prefix: str = "") -> re.Pattern[str]:
    """One of ``words`` as a whole word (after ``prefix``), then the rest of its line up to
    where the search ends, as ``between``."""
    return re.compile(rf"(?i)(?<![^\W\d_]){prefix}(?:{words})(?![^\W\d_])(?P<between>[^\n]*)\Z")


# (a "Jaa-" or "NEJ-" before the counting word: "Jaa-ääniä", "NEJ-röster")
_VOTE = _cue(
    "ääni|ääntä|ääniä|äänin|äänesti|äänestivät|röst|röster|rösterna|röstade|votes|voted",
    prefix=r"(?:[^\W\d_]+-)?",
)
_VOTE_REACH = 40  # the vote's words stand close before the list, on its line
_CLAUSE_END = re.compile(r"[.!?;][ \t]")


# The eightieth round: the members who supported a motion in a vote ("Mäkelän ehdotusta
# kannattivat Heinonen, Lindström ja Suominen", "förslaget understöddes av Lind, Berg och Ek").
_SUPPORT = _cue("kannatti|kannattivat|understödde|understöddes")


def follows_a_vote(text: str, start: int, *, supporters: bool = False) -> bool:
    """Whether the list starting at ``start`` stands after a vote's words (with
    ``supporters``, a motion's supporters' words too), on the same line and in the same
    sentence."""
    cues = (_VOTE, _SUPPORT) if supporters else (_VOTE,)
    for cue in cues:
        vote = cue.search(text, max(0, start - _VOTE_REACH), start)
        if vote is not None and _CLAUSE_END.search(vote.group("between")) is None:
            return True
    return False
