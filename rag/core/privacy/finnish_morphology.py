"""What Finnish morphology says about a word, from Voikko (the ``libvoikko`` wrapper and the
Debian dictionary ``voikko-fi``): is it a person's name, in any case form ("Mäen" → Mäki,
"Ihalaiseen" → Ihalainen), a place, a common word, or unknown.

The masker needs only that reduced reading, not Voikko's full analyses. Voikko handles are
not thread-safe, so one handle is shared behind a lock; it is opened on first use. Without
libvoikko or its Finnish dictionary every word reads as unknown, one warning (Finnish and
English) is logged, and the name mechanisms that use this module find nothing more than
before.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

_log = logging.getLogger(__name__)

# Voikko's word classes ("CLASS") for people, and for places and other proper names (a
# firm, a brand, a pet: "nimi").
_PERSON_CLASSES = {"etunimi", "sukunimi"}
_OTHER_PROPER_CLASSES = {"paikannimi", "nimi"}
# Classes that are no word standing alone in text: an abbreviation, a prefix ("ali-").
_NOT_STANDALONE_CLASSES = {"lyhenne", "etuliite"}
_UNAVAILABLE_WARNING = (
    "Suomen morfologia (Voikko) ei ole käytössä: {error}. Nimien tunnistus toimii ilman sitä, "
    "mutta ei tunne sukunimiä eikä nimien taivutusmuotoja sanakirjan avulla. Asenna: "
    "apt-get install voikko-fi libvoikko1 && pip install libvoikko. / "
    "Finnish morphology (Voikko) is not available: {error}. Names are still found without it, "
    "but surnames and the case forms of names are not looked up in its dictionary. Install: "
    "apt-get install voikko-fi libvoikko1 && pip install libvoikko."
)


class WordKind(Enum):
    """What a word is, as far as the masker cares."""

    PERSON = "person"  # only a first name or surname ("Virtasen", "Holmström")
    PERSON_OR_WORD = "person_or_word"  # a name and also a word or place ("Lahja", "Mäen")
    PLACE = "place"  # a place or another proper name, no person ("Porvoon", "Yle")
    WORD = "word"  # only common words ("Kannatan", "asukas")
    UNKNOWN = "unknown"  # not in the dictionary, or Voikko is not available


@dataclass(frozen=True)
class WordReading:
    """A word's kind, its base forms, and those of its person readings ("Mäen" → Mäki)."""

    kind: WordKind
    base_forms: tuple[str, ...] = ()  # of every reading, lower-cased ("kollegaani" → kollega)
    person_base_forms: tuple[str, ...] = ()
    person_cases: tuple[str, ...] = ()  # Voikko's case names: "omanto", "sisatulento" ...
    first_name: bool = False
    surname: bool = False
    common_word: bool = False  # a reading as a common word: noun, verb, adjective ... ("eli")

    @property
    def person(self) -> bool:
        """Whether any reading is a person's name."""
        return self.kind in (WordKind.PERSON, WordKind.PERSON_OR_WORD)


_UNKNOWN = WordReading(WordKind.UNKNOWN)


class _Analyser:
    """One Voikko handle behind a lock, opened on first use; ``None`` once it failed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._handle: Any = None
        self._failed = False

    def analyse(self, word: str) -> list[dict[str, str]] | None:
        with self._lock:
            if self._handle is None and not self._failed:
                self._handle = self._open()
                self._failed = self._handle is None
            if self._handle is None:
                return None
            analyses: list[dict[str, str]] = self._handle.analyze(word)
            return analyses

    @staticmethod
    def _open() -> Any:
        try:
            import libvoikko
        except ImportError as error:
            _log.warning(_UNAVAILABLE_WARNING.format(error=error))
            return None
        try:
            # OSError: the shared library libvoikko1 is missing; VoikkoException: the
            # Finnish dictionary (voikko-fi) is.
            return libvoikko.Voikko("fi")
        except (OSError, libvoikko.VoikkoException) as error:
            _log.warning(_UNAVAILABLE_WARNING.format(error=error))
            return None

    def reset(self) -> None:
        """Forget the handle (tests simulate a missing Voikko with this)."""
        with self._lock:
            if self._handle is not None:
                self._handle.terminate()
            self._handle = None
            self._failed = False


_ANALYSER = _Analyser()


def available() -> bool:
    """Whether Voikko and its Finnish dictionary could be opened."""
    return _ANALYSER.analyse("kissa") is not None


def _names_a_person(analysis: dict[str, str]) -> bool:
    """A first name or surname reading; of a compound only a double name ("Finne-Elonen"),
    not a common word that ends in a name ("info-Lehtinen", "iso-Antti")."""
    base = analysis.get("BASEFORM", "")
    return analysis.get("CLASS") in _PERSON_CLASSES and all(
        part[:1].isupper() for part in base.split("-")
    )


@lru_cache(maxsize=65536)
def read_word(word: str) -> WordReading:
    """The masker's reading of one token (case matters: Voikko tells "Mäen" from "mäen")."""
    if not word or not word.replace("-", "").isalpha():
        return _UNKNOWN
    analyses = _ANALYSER.analyse(word)
    if not analyses:
        return _UNKNOWN
    classes = [a.get("CLASS", "") for a in analyses]
    bases = tuple(dict.fromkeys(a.get("BASEFORM", word).lower() for a in analyses))
    people = [a for a in analyses if _names_a_person(a)]
    common = any(
        c not in _PERSON_CLASSES | _OTHER_PROPER_CLASSES | _NOT_STANDALONE_CLASSES for c in classes
    )
    if not people:
        if any(c in _OTHER_PROPER_CLASSES for c in classes):
            return WordReading(WordKind.PLACE, bases, common_word=common)
        return WordReading(WordKind.WORD, bases, common_word=common)
    only_people = all(a.get("CLASS") in _PERSON_CLASSES for a in analyses)
    return WordReading(
        WordKind.PERSON if only_people else WordKind.PERSON_OR_WORD,
        bases,
        tuple(dict.fromkeys(a.get("BASEFORM", word) for a in people)),
        tuple(dict.fromkeys(a.get("SIJAMUOTO", "") for a in people)),
        first_name=any(a.get("CLASS") == "etunimi" for a in people),
        surname=any(a.get("CLASS") == "sukunimi" for a in people),
        common_word=common,
    )


def reset() -> None:
    """Close the handle and drop every cached reading (tests)."""
    _ANALYSER.reset()
    read_word.cache_clear()
