"""Whether a lower-case string is an ordinary word of Finnish, Swedish or English, from
dictionaries that keep proper names apart: Voikko's word classes for Finnish
(finnish_morphology.py), and the Debian word lists ``wswedish`` (/usr/share/dict/swedish)
and ``wamerican`` / ``wbritish`` (/usr/share/dict/american-english, british-english) for
Swedish and English, whose lower-case entries are common words and capitalised ones proper
names.

wordfreq (word_frequency.py) counts every written "Joseph" or "Luis" as the word "joseph",
so a name that is common abroad looks like a frequent word. The masker asks this module
first: only in a language whose dictionary holds the lower-case form as a common word does
the frequency count ("per" in Swedish and English, "bo" and "dag" in Swedish, "eli" in
Finnish; not "joseph" or "luis" anywhere).

A language whose dictionary is missing answers ``None`` ("cannot tell"), one warning (Finnish
and English) is logged, and the caller falls back to the frequency alone, as before.
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import rag.core.privacy.finnish_morphology as finnish_morphology
from rag.core.privacy.finnish_morphology import WordKind
from rag.core.privacy.word_frequency import LANGUAGES

_log = logging.getLogger(__name__)

_DICT = Path("/usr/share/dict")
# The Debian word lists per language, with their encodings: any one present is enough.
WORD_LISTS: dict[str, tuple[tuple[Path, str], ...]] = {
    "sv": ((_DICT / "swedish", "latin-1"),),
    "en": ((_DICT / "american-english", "utf-8"), (_DICT / "british-english", "utf-8")),
}
_PACKAGES = {"sv": "wswedish", "en": "wamerican wbritish"}
_MISSING_WARNING = (
    "Sanalista {language} puuttuu ({paths}): nimen sanamaisuus arvioidaan pelkästä "
    "sanojen yleisyydestä. Asenna: apt-get install {package}. / "
    "The {language} word list is missing ({paths}): whether a name is also a word is judged "
    "by word frequency alone. Install: apt-get install {package}."
)


@cache
def _lower_case_entries(language: str) -> frozenset[str] | None:
    """The lower-case entries of the language's word lists, or ``None`` when none of them
    can be read."""
    entries = _entries(language)
    return None if entries is None else frozenset(w for w in entries if w[:1].islower())


@cache
def _entries(language: str) -> frozenset[str] | None:
    """Every entry of the language's word lists, proper names too, or ``None`` (and one
    warning) when none of them can be read."""
    words: set[str] = set()
    found = False
    for path, encoding in WORD_LISTS[language]:
        try:
            text = path.read_text(encoding=encoding)
        except OSError:
            continue
        found = True
        words.update(text.splitlines())
    if not found:
        paths = ", ".join(str(path) for path, _ in WORD_LISTS[language])
        _log.warning(
            _MISSING_WARNING.format(language=language, paths=paths, package=_PACKAGES[language])
        )
        return None
    return frozenset(words)


def is_common_word(word: str, language: str) -> bool | None:
    """Whether ``word`` (lower-cased here) is a common word, not only a name, in ``language``
    ("fi", "sv" or "en"); ``None`` when that language's dictionary is not available."""
    lowered = word.lower()
    if language == "fi":
        if not finnish_morphology.available():
            return None  # finnish_morphology has logged its own warning
        return finnish_morphology.read_word(lowered).common_word
    # "Joseph" and "Joseph's" are proper names; "per", "bo", "dag" are words.
    entries = _lower_case_entries(language)
    return None if entries is None else lowered in entries


def is_common_anywhere(word: str) -> bool:
    """Whether ``word`` is a common word of Finnish, Swedish or English (``is_common_word``
    in any of them; a missing dictionary says no)."""
    return any(is_common_word(word, language) for language in LANGUAGES)


def names_only_a_place(word: str) -> bool:
    """Whether Voikko knows the capitalised ``word`` only as a place or another proper name,
    no person ("Yle", "Jordan", "Virginia"): frequent in text, and no less so as a word
    for the masker."""
    return finnish_morphology.read_word(word.capitalize()).kind is WordKind.PLACE


def unknown_everywhere(word: str) -> bool:
    """Whether no dictionary knows ``word`` in any reading, as a word or a name, as written
    or lower-cased: not Voikko, not the Swedish or English word list ("Okafor",
    "Adeyemi"); each part of a hyphenated word. ``False`` when a dictionary is missing: then
    nothing can be told."""
    if not finnish_morphology.available():
        return False
    lists = [_entries(language) for language in WORD_LISTS]
    if any(entries is None for entries in lists):
        return False
    for part in word.split("-"):
        forms = {part, part.lower()}
        if any(finnish_morphology.read_word(form).kind is not WordKind.UNKNOWN for form in forms):
            return False
        if any(form in entries for form in forms for entries in lists if entries is not None):
            return False
    return True


def reset() -> None:
    """Forget the loaded word lists (tests simulate a missing list with this)."""
    _lower_case_entries.cache_clear()
    _entries.cache_clear()
