"""Cheap word matching for Finnish, Swedish and English: is this sentence about that measure?

Words are compared by their first four letters (whole word when shorter), which survives
Finnish case endings and consonant gradation ("avoin" / "avoimen", "data" / "datan") and
Swedish inflection without a stemmer per language. Function words are dropped first.
"""

from __future__ import annotations

import math
import re

from rag.store.text_analysis import STOP_WORDS

_LETTERS = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f]\d{3})*(?:[.,]\d+)?")
PREFIX = 4


def word_keys(text: str) -> set[str]:
    """The comparable keys of the content words of a text."""
    keys = set()
    for word in _LETTERS.findall(text.lower()):
        if word in STOP_WORDS or len(word) < 3:
            continue
        keys.add(word[:PREFIX] if len(word) > PREFIX else word)
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
    keys = word_keys(title)
    if not keys:
        return False
    found = len(keys & word_keys(sentence))
    return found >= max(min(2, len(keys)), math.ceil(share * len(keys)))


def is_table(sentence: str) -> bool:
    """A Markdown table flattened into one 'sentence': numbers without their row context."""
    return sentence.count("|") >= 3


def keyword_hits(keywords: tuple[str, ...], sentence: str) -> int:
    """How many of the theme's keywords (one or more words each) the sentence holds."""
    keys = word_keys(sentence)
    hits = 0
    for keyword in keywords:
        wanted = word_keys(keyword)
        if wanted and wanted <= keys:
            hits += 1
    return hits
