"""Pet forms of Finnish and Swedish first names (nicknames.txt): "Jukkis", "Masa", "Kaitsu",
"Benke", "Lasse", "Micke". People write them in chat, notes and signatures in place of the
name ("kysy kaitsulta", "/Benke"). The name register holds few of them, so first_names.py adds
this list to its hand list when its ``nicknames`` setting is on.

A pet form that is also a common word in Finnish, Swedish or English ("pelle" a clown,
"nisse" a gnome, "make" in English) or frequent as a word goes to the word-like names: it
counts before a surname or after a greeting, never alone in lower case.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rag.core.privacy.common_words import is_common_anywhere
from rag.core.privacy.word_frequency import zipf

_DATA = Path(__file__).with_name("nicknames.txt")


@cache
def nicknames(threshold: float) -> tuple[frozenset[str], frozenset[str]]:
    """The pet forms that are no words, and those that are (Zipf ``threshold`` or a
    dictionary's common word)."""
    plain: set[str] = set()
    word_like: set[str] = set()
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        form = line.split("#", 1)[0].strip().lower()
        if not form:
            continue
        is_word = zipf(form) >= threshold or is_common_anywhere(form)
        (word_like if is_word else plain).add(form)
    return frozenset(plain), frozenset(word_like)
