"""Language detection (Finnish / Swedish / English) and language-code normalisation."""

from __future__ import annotations

import threading

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from rag.core.languages import LANGUAGES

SUPPORTED_LANGUAGES: tuple[str, ...] = LANGUAGES

# Fewer letters than this is too little evidence: one short word ("ok", "Hei") is often valid in
# several languages, so the caller's default is the better guess.
_MIN_LETTERS = 8
# lingua's detection over the first few thousand characters is as good as over the whole text
# and keeps long documents cheap.
_MAX_CHARS = 3000
# Reject close calls (lingua returns None) instead of guessing between two languages.
_MIN_RELATIVE_DISTANCE = 0.1

_CODES = {Language.FINNISH: "fi", Language.SWEDISH: "sv", Language.ENGLISH: "en"}
_ALIASES = {
    "fi": "fi",
    "fin": "fi",
    "finnish": "fi",
    "suomi": "fi",
    "sv": "sv",
    "swe": "sv",
    "swedish": "sv",
    "svenska": "sv",
    "ruotsi": "sv",
    "en": "en",
    "eng": "en",
    "english": "en",
    "englanti": "en",
}

_detector: LanguageDetector | None = None
_lock = threading.Lock()


def _get_detector() -> LanguageDetector:
    """Build the detector once; building loads language models and is the slow part."""
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:  # another thread may have built it while we waited
                _detector = (
                    LanguageDetectorBuilder.from_languages(*_CODES)
                    .with_minimum_relative_distance(_MIN_RELATIVE_DISTANCE)
                    .build()
                )
    return _detector


def detect_language(text: str, default: str = "fi") -> str:
    """Return "fi", "sv" or "en" for the text; `default` when it is too short or ambiguous."""
    sample = text[:_MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < _MIN_LETTERS:
        return default
    language = _get_detector().detect_language_of(sample)
    return _CODES.get(language, default) if language is not None else default


def normalise_language_code(value: object) -> str | None:
    """Map a stated language ("fi", "fi-FI", "Swedish", "svenska") to fi/sv/en, else None."""
    if value is None:
        return None
    code = str(value).strip().lower().replace("_", "-")
    if not code:
        return None
    return _ALIASES.get(code) or _ALIASES.get(code.split("-")[0])
