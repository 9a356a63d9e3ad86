"""A name signed after a slash or a dash at the very end of a message (the twenty-seventh
round): "... /Benke", "//Carola", "-Sami K", "-sanna k", "/ kaisa nieminen", "/BJÖRN".

Residents and staff sign short messages that way, often with a nickname no list holds
("Benke", "Sebbe", "jocke") or a first name and a surname's letter in lower case. The slot is
the evidence: what stands alone after a slash or a dash at the text's end is who wrote it. So
one or two words of letters there are a name when
- one word: a known first name in any case, or a word no dictionary knows (a nickname);
- two words: such a first word, then a letter with or without a full stop ("sanna k",
  "Sami K.") or a word that is no common word of the dictionaries (a surname);
and never when a word is a common word and no known first name ("kiitos", "tack", "Make"),
or names a unit or an office ("Personalenheten", "Kiinteistöpalvelut", "IT-tuki"); nor when
a capitalised word stands right before the slash with no sentence ended (a bilingual name,
"Uimahalli / Simhallen": the city writes its names in both languages so); and a word in
capitals only where the text shouts ("/BJÖRN" after a line in capitals, not "… / BIC
NDEAFIHH").
Like name_forms.py this module only reads the text; names.py applies its guards (places,
bodies, companies).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rag.core.privacy.addresses import LOWER, UPPER
from rag.core.privacy.common_words import is_common_anywhere, unknown_everywhere
from rag.core.privacy.first_names import is_first_name
from rag.core.privacy.name_forms import Candidate

_LETTERS = rf"[{UPPER}{LOWER}]"
# A slash or a dash after a space, a sentence's end or the line's start; then one or two
# words (the second may be one letter and a full stop); then the text's end.
_SIGNED_END = re.compile(
    rf"(?:(?<=[\s.!?])|^)(?:/{{1,2}}|[-–—])[ \t]*"
    rf"(?P<name>{_LETTERS}{{2,15}}(?:[ \t]+{_LETTERS}{{1,20}}\.?)?)[ \t.!]*\Z",
    re.MULTILINE,
)
# Units and offices sign with their name ("/ Personalenheten", "- Kiinteistöpalvelut",
# "— IT-tuki"): the endings of such nouns in the three languages (general knowledge).
_UNIT_ENDINGS = (
    "enhet", "enheten", "byrå", "byrån", "kontor", "kontoret", "central", "centralen",
    "tjänst", "tjänsten", "tjänster", "tjänsterna", "avdelning", "avdelningen", "sektion",
    "sektionen", "verket", "nämnd", "nämnden", "förvaltning", "förvaltningen", "staden",
    "palvelu", "palvelut", "keskus", "toimisto", "yksikkö", "osasto", "lautakunta", "virasto",
    "tiimi", "kaupunki", "tuki", "services", "office", "team", "department", "unit", "desk",
    "support",
)  # fmt: skip


def dash_signatures(text: str) -> Iterator[Candidate]:
    """The name a message is signed with after a slash or a dash at its end."""
    match = _SIGNED_END.search(text)
    if match is None:
        return
    if _after_a_name_or_code(text, match.start()):
        return
    words = match.group("name").split()
    if any(len(w) > 1 and w.isupper() for w in words) and not _shouted(text[: match.start()]):
        return  # "… / BIC NDEAFIHH": a code in capitals, where the text does not shout
    if not _first_word(words[0]) or (len(words) == 2 and not _second_word(words[1])):
        return
    yield Candidate(match.start("name"), match.end("name"), tuple(words))


def _after_a_name_or_code(text: str, slash: int) -> bool:
    """Whether a word with a capital stands right before the slash or dash on its line, no
    sentence ended: a bilingual name ("Uimahalli / Simhallen"), a company after its
    employee ("Tuomo / LumiTech"), a code ("SE15… / BIC ...")."""
    before = text[text.rfind("\n", 0, slash) + 1 : slash].rstrip()
    if not before or before[-1] in ".!?:)":
        return False
    return any(c.isupper() for c in before.split()[-1])


def _shouted(text: str) -> bool:
    """Whether most letters of ``text`` are capitals ("TRÄNINGEN BÖRJAR NU. /BJÖRN")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) * 2 > len(letters)


def _names_a_unit(word: str) -> bool:
    return word.lower().endswith(_UNIT_ENDINGS)


def _first_word(word: str) -> bool:
    if _names_a_unit(word):
        return False
    return is_first_name(word) or (unknown_everywhere(word) and not is_common_anywhere(word))


def _second_word(word: str) -> bool:
    letter = word.rstrip(".")
    if len(letter) == 1:
        return True
    return not _names_a_unit(word) and not is_common_anywhere(word)
