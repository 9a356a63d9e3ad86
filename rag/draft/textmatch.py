"""Cheap word matching for Finnish, Swedish and English: is this sentence about that measure?

Words are compared by their first letters (four for theme keywords, five for measure names;
the whole word when shorter), which survives most Finnish case endings and consonant gradation
("avoin" / "avoimen" at four letters) and Swedish inflection without a stemmer per language.
Function words are dropped first.
"""

from __future__ import annotations

import math
import re

from rag.store.text_analysis import STOP_WORDS

_LETTERS = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
PREFIX = 4


def word_keys(text: str, prefix: int = PREFIX) -> set[str]:
    """The comparable keys of the content words of a text."""
    keys = set()
    for word in _LETTERS.findall(text.lower()):
        if word in STOP_WORDS or len(word) < 3:
            continue
        keys.add(word[:prefix] if len(word) > prefix else word)
    return keys


def numbers(text: str) -> set[str]:
    """Numbers as written, normalised: '4 300' and '4300' are the same; '60,5' = '60.5'."""
    return {
        re.sub(r"[ \u00a0\u202f]", "", n).replace(",", ".").rstrip(".")
        for n in _NUMBER.findall(text)
    }


def coverage(needle: set[str], haystack: set[str]) -> float:
    """Share of the needle's keys found in the haystack (0 when the needle is empty)."""
    return len(needle & haystack) / len(needle) if needle else 0.0


def mentions(title: str, sentence: str, share: float = 0.75) -> bool:
    """True when the sentence holds most of the title's content words (at least two of them
    when the title has two or more), i.e. it speaks about the measure by name."""
    # Five letters here: a measure's name must be matched more strictly than a theme keyword
    # ("vedenkulutus" is not "veden ... kulutusta" of another measure).
    keys = word_keys(title, 5)
    if not keys:
        return False
    found = len(keys & word_keys(sentence, 5))
    return found >= max(min(2, len(keys)), math.ceil(share * len(keys)))


def is_table(sentence: str) -> bool:
    """A Markdown table flattened into one 'sentence': numbers without their row context."""
    return sentence.count("|") >= 3


def _words(text: str) -> list[str]:
    return [w for w in _LETTERS.findall(text.lower()) if len(w) >= 3 and w not in STOP_WORDS]


def keyword_hits(keywords: tuple[str, ...], sentence: str) -> int:
    """How many of the theme's keywords (one or more words each) the sentence holds.

    A keyword word matches a sentence word that starts with the keyword minus its last two
    letters (at least four kept): "palvelu" finds "palvelun", "avoin" finds "avoimen", but a
    long compound such as "asiakaspalvelu" is not found by "asiat".
    """
    words = _words(sentence)
    hits = 0
    for keyword in keywords:
        stems = [w[: max(4, len(w) - 2)] for w in _words(keyword)]
        if stems and all(any(word.startswith(stem) for word in words) for stem in stems):
            hits += 1
    return hits
