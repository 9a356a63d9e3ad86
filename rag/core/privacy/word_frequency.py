"""How common a word is in Finnish, Swedish and English running text, from the ``wordfreq``
package (code Apache-2.0; its word lists CC-BY-SA 4.0, built from Wikipedia, subtitles,
news, books and web text).

A first name that is also a frequent word (Onni "luck", Usko "faith", Per, Will, Bo) needs
more evidence before the masker calls it a person. The lists are lower-cased, so a name that
is often written counts too: the names the hand list (first_names.txt) holds are judged by
that list, this measure only judges the names of the broad register (name_register.py).
"""

from __future__ import annotations

import math
from functools import cache

LANGUAGES = ("fi", "sv", "en")


class WordDataError(RuntimeError):
    """The word lists cannot be read."""


@cache
def _frequencies(language: str) -> dict[str, float]:
    # The "small" lists hold every word down to about 1 per million words (Zipf 3), enough
    # for the thresholds used here, and load in about 20 ms each.
    try:
        import wordfreq

        frequencies: dict[str, float] = wordfreq.get_frequency_dict(language, wordlist="small")
    except (ImportError, OSError, LookupError) as error:
        raise WordDataError(
            f"the wordfreq word list for {language!r} cannot be read ({error}); "
            "install the project's dependencies (make install)"
        ) from error
    return frequencies


@cache
def zipf_in(word: str, language: str) -> float:
    """The Zipf frequency of ``word`` (lower-cased) in one language; 0 when not listed."""
    frequency = _frequencies(language).get(word.lower(), 0.0)
    return math.log10(frequency * 1e9) if frequency > 0 else 0.0


@cache
def zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` (lower-cased) in Finnish, Swedish and English:
    log10 of its count per billion words; 0 when it is in no list (rarer than Zipf 3)."""
    return max(zipf_in(word, language) for language in LANGUAGES)
