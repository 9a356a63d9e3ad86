"""Known first names (first_names.txt, and the broad register of name_register.py) and the
Finnish case forms they take.

A known first name is evidence that a capitalised word next to it is a surname ("Outi
Laaksonen"), and that a single word after a greeting is a person ("Hei Tiina!") rather than a
noun ("Hyvä Asukas"). Finnish inflects names ("Liisan", "Mattille", "Pekalta"), so a word also
counts when it is a known name plus a case ending, with the consonant gradation undone
("Matin" → Matti, "Pekan" → Pekka).

Two sources: the hand list (about 650 common Finnish, Swedish and English names, its
[word-like] section marking those that are also words, and the plain section of
resident_names.txt, about 1,900 names common among residents of other origins) decides for
the names it holds; any
other name of the register (about 50,000 names, many countries) is known too, and is word-like
when its lower-case form is a common word of a dictionary in Finnish, Swedish or English
(common_words.py: Voikko, the Debian word lists) and frequent in that language
(word_frequency.py, Zipf at least ``word_threshold()``). Frequency alone would count names:
wordfreq finds "joseph" and "luis" often in Finnish text, as names.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import cache
from pathlib import Path

from rag.core.privacy.common_words import is_common_word, names_only_a_place
from rag.core.privacy.name_register import name_register
from rag.core.privacy.nicknames import nicknames as pet_forms
from rag.core.privacy.population_names import population_first_names
from rag.core.privacy.word_frequency import LANGUAGES, zipf, zipf_in

_DATA = Path(__file__).with_name("first_names.txt")
# Names common among residents of other origins (Russian, Arabic, Somali, Vietnamese ...),
# in the same format; its header says how it was written. A setting, so the bench can
# measure it (``configure(other_origin=False)``).
_OTHER_ORIGIN_DATA = Path(__file__).with_name("resident_names.txt")
_WORD_LIKE_SECTION = "[word-like]"
# A register name at least this frequent as a word (Zipf: log10 per billion words) is
# word-like; chosen by leaving one labelled part out (bench/pii_masking.py --thresholds) and
# by reading the masks it adds on real text (docs/personal-data.md, "Fourth round").
DEFAULT_WORD_THRESHOLD = 4.0
_settings = {
    "word_threshold": DEFAULT_WORD_THRESHOLD,
    "register": True,
    "dictionaries": True,
    "other_origin": True,
    # the pet forms of nicknames.py ("Jukkis", "Benke"); off from the tenth round (it helped
    # one labelled part besides those that suggested it), on since the sixty-third: on the
    # 122 studied parts +70 items, 68 outside the suggester heldout5, for one look-alike
    # (docs/personal-data.md)
    "nicknames": True,
    # the registers' most common first names (population_names.py, the seventieth round)
    "population": True,
}

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
    plain, word_like = read_name_list(_DATA)
    if _settings["other_origin"]:
        # Only the names that are no words: the hand list's word-like names are trusted
        # more than the register's ("Hei Toivo!"), which "Hej alla!" must not be; the
        # other list's word-like names stay as the register judges them.
        plain |= _other_origin_lists()[0] - word_like
    if _settings["population"]:
        plain, word_like = _merged(plain, word_like, *population_first_names())
    if _settings["nicknames"]:
        plain, word_like = _merged(plain, word_like, *pet_forms(_settings["word_threshold"]))
    return plain, word_like


def _merged(
    plain: frozenset[str],
    word_like: frozenset[str],
    more_plain: frozenset[str],
    more_word_like: frozenset[str],
) -> tuple[frozenset[str], frozenset[str]]:
    """The lists with another list's names added: its plain names but those the lists hold as
    word-like, and its word-like names but those the register holds, which are left to the
    register's judgement ("Sirkku")."""
    plain |= more_plain - word_like
    word_like |= {name for name in more_word_like - plain if name not in name_register()}
    return plain, word_like


@cache
def _other_origin_lists() -> tuple[frozenset[str], frozenset[str]]:
    """resident_names.txt's two sections, read once (the file does not change; the
    settings decide only how they are used)."""
    return read_name_list(_OTHER_ORIGIN_DATA)


@cache
def _other_origin() -> frozenset[str]:
    plain, word_like = _other_origin_lists()
    return plain | word_like if _settings["other_origin"] else frozenset()


def is_other_origin_name(word: str) -> bool:
    """Whether ``word`` (a base form, any case) is in the list of names of other origins,
    word-like ones ("Sana", "Grace") too."""
    return all(part in _other_origin() for part in word.lower().split("-"))


def read_name_list(path: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The lower-case names of one list file: those before its ``[word-like]`` line and
    those after it."""
    plain: set[str] = set()
    word_like: set[str] = set()
    target = plain
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line == _WORD_LIKE_SECTION:
            target = word_like
        elif line:
            target.add(line.lower())
    return frozenset(plain), frozenset(word_like)


def word_threshold() -> float:
    return _settings["word_threshold"]


def configure(
    *,
    word_threshold: float | None = None,
    register: bool | None = None,
    dictionaries: bool | None = None,
    other_origin: bool | None = None,
    nicknames: bool | None = None,
    population: bool | None = None,
) -> None:
    """Changes the word threshold, switches the register off, judges word-likeness by
    frequency alone (``dictionaries=False``), or leaves out the names of other origins
    (``other_origin=False``; the bench measures each); every cached answer that depends on
    them is dropped."""
    if word_threshold is not None:
        _settings["word_threshold"] = word_threshold
    if register is not None:
        _settings["register"] = register
    if dictionaries is not None:
        _settings["dictionaries"] = dictionaries
    if other_origin is not None:
        _settings["other_origin"] = other_origin
    if nicknames is not None:
        _settings["nicknames"] = nicknames
    if population is not None:
        _settings["population"] = population
    for clear in _CACHE_CLEARS:
        clear()


@cache
def _known(word: str, *, word_like: bool) -> bool:
    plain, like = _load()
    if word in plain:
        return True
    if word in like:
        return word_like
    if not _settings["register"] or word not in name_register():
        return False
    return word_like or _word_use(word) < _settings["word_threshold"]


# One step of the register's frequency scale doubles a name's share of the population, so
# log10(2) more of its written uses are the name: taken off before judging it a word.
_ZIPF_PER_STEP = math.log10(2)


def _word_use(name: str, *, dictionaries: bool = False) -> float:
    """How frequent a register name is as a word: its Zipf frequency in Finnish, Swedish and
    English, less what its popularity as a name in Finland, Sweden and the English-speaking
    countries explains ("Fredrik" is written often because many are called so; "Usko" is
    rare as a name and frequent as a word). With ``dictionaries`` only the languages whose
    dictionary holds the name as a common word count (a missing dictionary counts):
    "Joseph" is frequent in Finnish text as a name, and no Finnish word; all count for a
    name Voikko knows only as a place or a firm ("Yle")."""
    frequency = name_register()[name]
    popularity = {"fi": frequency.finland, "sv": frequency.sweden, "en": frequency.english}
    by_frequency = not dictionaries or names_only_a_place(name)
    return max(
        (
            zipf_in(name, language) - _ZIPF_PER_STEP * popularity[language]
            for language in LANGUAGES
            if by_frequency or is_common_word(name, language) is not False
        ),
        default=0.0,
    )


@cache
def is_word_like_in_dictionaries(word: str) -> bool:
    """Whether a word-like first name (``is_word_like``) is a word by the dictionaries too:
    a common word of Voikko or the Swedish or English word list, and frequent in that
    language ("Per", "Bo", "Eli"); not a name frequent in text only as a name ("Joseph",
    "Luis"). Before a capitalised word such a name starts a person's name; alone it is
    still judged by frequency: a name written often may be a place ("Kiitos Paris")."""
    lowered = word.lower()
    if not is_word_like(lowered):
        return False
    plain, like = _load()
    if lowered in like or not _settings["dictionaries"]:
        return True
    return _word_use(lowered, dictionaries=True) >= _settings["word_threshold"]


def is_first_name(word: str, *, word_like: bool = True) -> bool:
    """Whether ``word`` (any case) is a known first name in its base form; a hyphenated word
    counts when every part is one ("Anna-Liisa", "Ulla-Maj"). ``word_like=False`` leaves out
    the names that are also ordinary words (Toivo, Satu, Bo)."""
    parts = word.lower().split("-")
    if len(parts) > 1:
        # "Elo-ja Valojuhlien": a part of two letters must be in the hand list
        return all(
            _known(part, word_like=True) and (len(part) > 2 or is_hand_listed(part))
            for part in parts
        )
    return _known(parts[0], word_like=word_like)


def is_word_like(word: str) -> bool:
    """Whether ``word`` is a first name that is also an ordinary word (Toivo "hope")."""
    lowered = word.lower()
    return _known(lowered, word_like=True) and not _known(lowered, word_like=False)


def is_often_written(word: str) -> bool:
    """Whether ``word`` is a register name (not of the hand list) that is frequent in
    writing, as a name or a word: the names of the well-known ("Walter", "Albert", "John"),
    whose genitive before a noun names a thing after a person ("Albert Edelfelts ateljé")."""
    lowered = word.lower()
    plain, like = _load()
    return (
        bool(_settings["register"])
        and lowered not in plain
        and lowered not in like
        and lowered in name_register()
        and zipf(lowered) >= _settings["word_threshold"]
    )


def is_inflected_first_name(word: str) -> bool:
    """Whether ``word`` is a known first name with a case ending ("Liisan", "Mattille",
    "Pekalta", "Henrikin"); names that are also ordinary words do not count here
    ("Toivon" is "I hope", "Uskon" "I believe"), nor a register name whose inflected form is
    itself a frequent word ("Teille" is "to you", not Tei; "Asukas" is no genitive of
    Asuka)."""
    plain = _load()[0]
    frequent = None
    for stem in base_forms(word):
        if stem in plain or (stem.count("-") and is_first_name(stem, word_like=False)):
            return True
        if len(stem) >= 3 and is_first_name(stem, word_like=False):
            if frequent is None:
                frequent = zipf(word) >= _settings["word_threshold"]
            if not frequent:
                return True
    return False


def is_local_first_name(word: str) -> bool:
    """Whether ``word`` (a base form or a case form) may stand alone as a name: in the hand
    list, or a register name given in Finland or Sweden that is not a frequent word even
    counting its uses as a name. The register's names from elsewhere also name places and
    shops ("Tali", "Redi"), and a name that is often written may be a word ("Taito" skill,
    "Sampo")."""
    return any(
        all(_is_local(part) for part in form.split("-"))
        for form in (word.lower(), *base_forms(word))
    )


def _is_local(name: str) -> bool:
    plain, like = _load()
    if name in plain or name in like:
        return True
    frequency = name_register().get(name) if _settings["register"] else None
    return (
        frequency is not None
        and bool(frequency.finland or frequency.sweden)
        and zipf(name) < _settings["word_threshold"]
    )


def is_hand_listed(word: str) -> bool:
    """Whether ``word`` (a base form) is in the hand list, plain or word-like."""
    plain, like = _load()
    return all(part in plain or part in like for part in word.lower().split("-"))


def is_confident_first_name(word: str) -> bool:
    """A first name in its base form that is no word at all: a plain name of the hand list,
    or a register name in none of the word lists (Zipf < 3). Enough on its own where a
    capital says nothing: at the start of a sentence, in lower-case chat."""
    parts = word.lower().split("-")
    if not all(_known(part, word_like=False) for part in parts):
        return False
    plain = _load()[0]
    return all(part in plain or zipf(part) == 0 for part in parts)


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
            # the hand list's word-like names only: a register name that is a word ("Sama",
            # "Mie") in a case form is that word ("Samalla", "Mieltä")
            if any(form in _load()[1] for form in (stem, *_strong_grades(stem))):
                return True
    return False


@cache
def base_forms(word: str) -> tuple[str, ...]:
    """The base forms ``word`` (lower-cased) may have under one case ending, with the
    consonant gradation undone ("Pekalta" → pekka) and the vowel harmony kept ("Mikä" is not
    a form of Mika); the word itself is not among them. Surnames take the same endings
    ("Lindqvistin", "Nurmiselle" → nurminen)."""
    lowered = word.lower()
    forms: list[str] = []
    for clitic in _CLITICS:  # "Liisakin", "Matillekaan": the clitic first, then the case
        if lowered.endswith(clitic) and len(lowered) - len(clitic) >= 3:
            bare = lowered[: -len(clitic)]
            forms += [bare, *base_forms(bare)]  # "Fredrikin" is a genitive too: go on
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


_CACHE_CLEARS: list[Callable[[], None]] = [
    _load.cache_clear,
    _other_origin.cache_clear,
    _known.cache_clear,
    is_word_like_in_dictionaries.cache_clear,
    is_word_like_name_in_a_case.cache_clear,
]


def on_configure(clear: Callable[[], None]) -> None:
    """Registers a cache of another module that ``configure`` must drop too."""
    _CACHE_CLEARS.append(clear)
