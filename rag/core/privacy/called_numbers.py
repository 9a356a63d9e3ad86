"""A landline the writer called, or is told to call: a service's number, not the writer's.

unowned_phones.py keeps a landline only in a text with no person's word at all, so a
resident's question keeps the office's number it quotes masked: "jag har ringt 019 520 2600
men det var stängt", "soitin eilen numeroon 019 …", "voit soittaa suoraan 019 …". A number
one calls is the callee's; in a text from or to a resident that is an office far more often
than a person, and a landline is no person's mobile (the twenty-fourth round).

The evidence: a calling verb in the number's clause before it (Finnish soit-, Swedish ring-,
English call/rang/dial), at most a few words before the number, with nothing between them
that makes the number someone's ("soita minulle", "ring mig", "call us", "naapurille", "hans
hem", a home or private line's word), no home word anywhere in the clause ("Kotiin voi
soittaa: puh. (019) …"), in a text that holds no other personal data left
masked: a name, an address kept masked, an e-mail ("Rouva Kukkonen soitti ... Asuu Kalliotie
5. Soittakaa takaisin 019 …" is her number). Person's words elsewhere do not count: "jag" is
the caller. Mobiles stay masked: a mobile one calls is often a person's ("soita 040 …" in a
sale).
"""

from __future__ import annotations

from rag.core.privacy.organisation_contacts import CLAUSE_WORD, sentence_bounds
from rag.core.privacy.organisation_holders import HOME_WORDS
from rag.core.privacy.own_contacts import own_line_word
from rag.core.privacy.spans import PiiSpan
from rag.core.privacy.unowned_addresses import someone_in
from rag.core.privacy.unowned_phones import is_landline

# Calling verbs, each form of the three languages (general knowledge); "soitto" and "phone"
# also name a line ("puhelin/phone 019 …"), which says nothing of who holds it: not here.
_SWEDISH_AND_ENGLISH = frozenset({
    "ring", "ringa", "ringer", "ringde", "ringt", "ringdes", "call", "calls", "called",
    "calling", "rang", "dial", "dialled", "dialed", "phoned",
})  # fmt: skip
_FINNISH_STEM = "soit"  # soitin, soita, soittakaa, soittamalla, soitettiin ...
_FINNISH_NOT_VERBS = ("soitto", "soitin-")  # the noun "call"; an instrument's compound
# The verb stands at most this many words before the number ("soitin eilen klo 10 numeroon").
_MAX_WORDS_BETWEEN = 6


def calling_verb(word: str) -> bool:
    lowered = word.lower()
    if lowered in _SWEDISH_AND_ENGLISH:
        return True
    return lowered.startswith(_FINNISH_STEM) and not lowered.startswith(_FINNISH_NOT_VERBS)


def keep_called_numbers(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """``spans`` without the landlines a calling verb leads to, nothing personal between,
    in a text that holds no other personal data left masked."""
    called = [s for s in spans if s.kind == "PHONE" and _called(text, s)]
    if not called or any(s.kind and s not in called for s in spans):
        return spans
    return [s for s in spans if s not in called]


def _called(text: str, phone: PiiSpan) -> bool:
    if not is_landline(text[phone.start : phone.end]):
        return False
    begin, _ = sentence_bounds(text, phone.start, phone.end)
    words = list(CLAUSE_WORD.finditer(text, begin, phone.start))
    if any(word.group().lower() in HOME_WORDS for word in words):
        return False  # "Kotiin voi soittaa: puh. (019) …": the home's line
    for position in range(len(words) - 1, max(-1, len(words) - 2 - _MAX_WORDS_BETWEEN), -1):
        if calling_verb(words[position].group()):
            between = text[words[position].end() : phone.start]
            return not someone_in(between, [], also=own_line_word)
    return False
