"""A first name that is also a word ("Onni" luck, "Helmi" pearl, "Grace", "Hope"), alone, when
the verb beside it is one only a person does: speaking, asking, calling, writing, promising
("Onni soitti eilen", "Helmi kysyi, voiko ...", "Grace said", "– Hyvä idea, sanoi Satu",
"Ringde Dag?"). Without such a verb the word is the word ("Lumi tuli aikaisin", "Tuuli
kääntyi"), so verbs of motion and being are left out: snow and wind come and go too.

The verbs are written from the three languages' grammar, not from the labelled strings: the
third person singular of verbs of communication, in the past and the present (Finnish,
Swedish, English). A verb right after the name makes it the subject ("Onni soitti"); one right
before it, followed by the end of the clause or by "that", is the reporting clause of a quote
or the inverted order of Swedish ("sanoi Satu.", "sa Helmi,", "said Grace.", "Sedan svarade
Viola att ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.first_names import (
    is_first_name,
    is_hand_listed,
    is_local_first_name,
    is_other_origin_name,
)
from rag.core.privacy.name_forms import Candidate

# Finnish: soittaa, kysyä, sanoa, kertoa, vastata, ilmoittaa, luvata, pyytää, kirjoittaa,
# todeta, ehdottaa, muistuttaa, huomauttaa, viestiä, tekstata, mainita, selittää, valittaa,
# kiittää, toivoa (past; the present where no thing does it: "Satu kertoo" is also "the
# fairy tale tells", "Arvo vastaa" "the value matches").
_FINNISH = (
    "soitti", "kysyi", "sanoi", "kertoi", "vastasi", "ilmoitti", "lupasi", "pyysi",
    "kirjoitti", "totesi", "ehdotti", "muistutti", "huomautti", "viestitti", "tekstasi",
    "mainitsi", "selitti", "valitti", "kiitti", "toivoi", "lähetti", "soittaa", "kysyy",
    "sanoo", "kirjoittaa", "lupaa", "pyytää", "ehdottaa", "kiittää",
)  # fmt: skip
_SWEDISH = (
    "sa", "sade", "ringde", "frågade", "skrev", "berättade", "svarade", "lovade",
    "meddelade", "bad", "mejlade", "messade", "tyckte", "föreslog", "påminde", "tackade",
    "säger", "frågar", "ringer", "skriver", "berättar", "svarar", "lovar", "tycker",
)  # fmt: skip
_ENGLISH = (
    "said", "says", "asked", "asks", "called", "calls", "phoned", "wrote", "writes",
    "replied", "replies", "told", "tells", "emailed", "texted", "mentioned", "explained",
    "promised", "suggested", "thanked", "thinks", "thought",
)  # fmt: skip
PERSON_VERBS = frozenset(_FINNISH + _SWEDISH + _ENGLISH)

_NAME = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
# The verbs are looked for first (a rare word), then the name beside them: a pattern that
# opens with a capitalised word would be tried at every capital of the text.
_VERBS = re.compile(
    rf"(?<![\w'-])(?:{'|'.join(sorted(PERSON_VERBS, key=len, reverse=True))})(?![\w'-])"
)
# The name before its verb ("Onni soitti"), or after a verb at the end of a clause ("sanoi
# Satu.", "sa Helmi,"); Swedish puts the subject after the verb when a word opens the
# sentence ("Sedan svarade Viola att ..."), so a "that" clause may follow too.
_NAME_BEFORE = re.compile(rf"(?<![\w'-])(?P<name>{_NAME})[ \t]+\Z")
_NAME_AFTER = re.compile(
    rf"[ \t]+(?P<name>{_NAME})(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+(?:att|että|that)\b)"
)


def names_with_person_verbs(text: str) -> Iterator[Candidate]:
    """A first name that is also a word, alone, as the subject of a verb only a person
    does: "Onni soitti", "sanoi Satu.", "Grace said"."""
    for verb in _VERBS.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, verb.start() - 40), verb.start())
        after = _NAME_AFTER.match(text, verb.end())
        for match in (before, after):
            if match is not None and _a_first_name(match.group("name")):
                yield Candidate(match.start("name"), match.end("name"), (match.group("name"),))


def _a_first_name(word: str) -> bool:
    """A first name of the hand lists (word-like ones too, "Grace", "Sana"), or one of
    the register given in Finland or Sweden: a register name from elsewhere that is a
    word is mostly the word ("Can", "Long")."""
    return is_other_origin_name(word) or (
        is_first_name(word) and (is_hand_listed(word) or is_local_first_name(word))
    )
