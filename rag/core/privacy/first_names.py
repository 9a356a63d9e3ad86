"""Known first names (first_names.txt) and the Finnish case forms they take.

A known first name is evidence that a capitalised word next to it is a surname ("Outi
Laaksonen"), and that a single word after a greeting is a person ("Hei Tiina!") rather than a
noun ("Hyvä Asukas"). Finnish inflects names ("Liisan", "Mattille", "Pekalta"), so a word also
counts when it is a known name plus a case ending, with the consonant gradation undone
("Matin" → Matti, "Pekan" → Pekka).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("first_names.txt")
_WORD_LIKE_SECTION = "[word-like]"

# Case endings that names take: genitive -n, the local cases, translative, the Swedish
# genitive -s, after a vowel ("Liisan", "Mattille"); "-in", "-ille" ... after a consonant
# ("Henrikin", "Henrikille"). The partitive and essive are left out: "Mikä", "Kenttä",
# "Ainoa" are words far more often than "Mika", "Kent" or "Aino" in the partitive; so is the
# inessive ("in"): "Hermannissa", "Joukossa" are places and words, a person is "-lla".
_VOWEL_ENDINGS = ("n", "ksi", "lle", "lla", "llä", "lta", "ltä", "sta", "stä")
_CONSONANT_ENDINGS = ("in", "ille", "illa", "illä", "ilta", "iltä", "ista", "istä", "iksi")
_GRADATING = "kpt"
_CLITICS = ("kin", "kaan", "kään")
_VOWELS = "aeiouyäö"
_BACK_VOWELS = set("aou")


@cache
def _load() -> tuple[frozenset[str], frozenset[str]]:
    plain: set[str] = set()
    word_like: set[str] = set()
    target = plain
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line == _WORD_LIKE_SECTION:
            target = word_like
        elif line:
            target.add(line.lower())
    return frozenset(plain), frozenset(word_like)


def _known(word: str, *, word_like: bool) -> bool:
    plain, like = _load()
    return word in plain or (word_like and word in like)


def is_first_name(word: str, *, word_like: bool = True) -> bool:
    """Whether ``word`` (any case) is a known first name in its base form; a hyphenated word
    counts when every part is one ("Anna-Liisa", "Ulla-Maj"). ``word_like=False`` leaves out
    the names that are also ordinary words (Toivo, Satu, Bo)."""
    parts = word.lower().split("-")
    if len(parts) > 1:
        return all(_known(part, word_like=True) for part in parts)
    return _known(parts[0], word_like=word_like)


def is_word_like(word: str) -> bool:
    """Whether ``word`` is a first name that is also an ordinary word (Toivo "hope")."""
    return word.lower() in _load()[1]


def is_inflected_first_name(word: str) -> bool:
    """Whether ``word`` is a known first name with a case ending ("Liisan", "Mattille",
    "Pekalta", "Henrikin"); names that are also ordinary words do not count here
    ("Toivon" is "I hope", "Uskon" "I believe")."""
    return any(is_first_name(stem, word_like=False) for stem in base_forms(word))


@cache
def is_word_like_name_in_a_case(word: str) -> bool:
    """Whether ``word`` is a name that is also a word (Anna, Toivo, Satu) in a local case or
    the translative ("Annalle", "Toivolta", "Satuksi"). Not the genitive: "Toivon" is "I
    hope". The caller needs more evidence still (a capital inside a sentence): "satulle" is
    "to the fairy tale"."""
    lowered = word.lower()
    for endings, after_vowel in ((_VOWEL_ENDINGS, True), (_CONSONANT_ENDINGS, False)):
        for ending in endings:
            stem = lowered[: -len(ending)]
            if ending in ("n", "in") or not lowered.endswith(ending) or len(stem) < 2:
                continue
            if (stem[-1] in _VOWELS) != after_vowel or not _harmonic(stem, ending):
                continue
            if any(is_word_like(form) for form in (stem, *_strong_grades(stem))):
                return True
    return False


@cache
def base_forms(word: str) -> tuple[str, ...]:
    """The base forms ``word`` (lower-cased) may have under one case ending, with the
    consonant gradation undone ("Pekalta" → pekka) and the vowel harmony kept ("Mikä" is not
    a form of Mika); the word itself is not among them. Surnames take the same endings
    ("Lindqvistin", "Nurmiselle" → nurminen)."""
    lowered = word.lower()
    for clitic in _CLITICS:  # "Liisakin", "Matillekaan": the clitic first, then the case
        if lowered.endswith(clitic) and len(lowered) - len(clitic) >= 3:
            bare = lowered[: -len(clitic)]
            return (bare, *base_forms(bare))
    forms: list[str] = []
    if lowered.endswith("s") and len(lowered) > 3:
        forms.append(lowered[:-1])  # the Swedish genitive: "Eriks", "Annas"
    for endings, after_vowel in ((_VOWEL_ENDINGS, True), (_CONSONANT_ENDINGS, False)):
        for ending in endings:
            stem = lowered[: -len(ending)]
            if not lowered.endswith(ending) or len(stem) < 2:
                continue
            if (stem[-1] in _VOWELS) != after_vowel or not _harmonic(stem, ending):
                continue
            forms += [stem, *_strong_grades(stem)]
            if len(stem) > 2 and stem[-3] in _VOWELS and stem.endswith("se"):
                forms.append(stem[:-2] + "nen")  # "Nurmisen" → nurminen
    return tuple(forms)


def _harmonic(stem: str, ending: str) -> bool:
    """Finnish vowel harmony: a stem with a back vowel (a, o, u) takes -lla, -ssa ...; one
    without takes -llä, -ssä."""
    back = not _BACK_VOWELS.isdisjoint(stem)
    if "ä" in ending:
        return not back
    if "a" in ending:
        return back
    return True


def _strong_grades(stem: str) -> list[str]:
    """The stem with its last k/p/t doubled: the weak grade of "Matti" is "Mati-"."""
    for index in range(len(stem) - 1, 0, -1):
        if stem[index] in _GRADATING:
            if stem[index - 1] == stem[index]:
                return []
            return [stem[: index + 1] + stem[index:]]
    return []
