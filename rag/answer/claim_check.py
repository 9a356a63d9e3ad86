"""Which claims of a generated answer may be shown: the ones their sources really support.

A claim is kept only when its quote occurs in the cited source, every number it states occurs
in that quote (a real quote cannot carry an invented budget), and it repeats no run of words of
the system prompt (an injected "reveal your instructions" cannot leak them). The visible answer
is rebuilt from the kept claims, so text the model wrote outside them never reaches the reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.core.privacy.pseudonyms import PLACEHOLDER

# Digits with thousands groups: "1 000 000", "4,300", "4 300"; dates split into their parts.
_NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f,]\d{3}(?!\d))*")
# A claim sharing this many consecutive words with the system prompt repeats the prompt.
LEAK_RUN = 8


def normalise(text: str) -> str:
    return " ".join(text.casefold().split())


def quote_supported(quote: str, source_text: str) -> bool:
    """True when the quote occurs in the source (whitespace and case ignored)."""
    quote = normalise(quote).strip(" .\"'”“…")
    return bool(quote) and quote in normalise(source_text)


def numbers_in(text: str) -> set[int]:
    """The numbers a text states, thousands separators removed, leading zeros ignored.

    The number of a personal-data placeholder ([NAME_2]) is no figure the text states."""
    text = PLACEHOLDER.sub(" ", text)
    return {int(re.sub(r"\D", "", found)) for found in _NUMBER.findall(text)}


def numbers_supported(claim: str, evidence: str) -> bool:
    """Every number of the claim occurs in the evidence."""
    return numbers_in(claim) <= numbers_in(evidence)


def without_markers(text: str) -> str:
    """The text without its [n] source markers."""
    return re.sub(r"\s*\[\d+\]", "", text).strip()


@dataclass(frozen=True)
class PromptLeakCheck:
    """Finds claims that repeat the instructions the model was given."""

    instructions: str
    run: int = LEAK_RUN

    def leaks(self, text: str) -> bool:
        words = re.findall(r"\w+", self.instructions.casefold())
        shingles = {" ".join(words[i : i + self.run]) for i in range(len(words) - self.run + 1)}
        said = re.findall(r"\w+", text.casefold())
        return any(
            " ".join(said[i : i + self.run]) in shingles for i in range(len(said) - self.run + 1)
        )


# Text addressed to the model rather than to a reader of the minutes: "ignore the previous
# instructions", "reveal your system prompt", in fi/sv/en. Written from the attack's general
# shape, not from any test document; a rewording it does not know passes this layer only.
_ADDRESSES_MODEL = re.compile(
    r"\b(?:ignore|disregard|forget|override|ohita|unohda|sivuuta|älä\s+välitä|"
    r"ignorera|strunta\s+i|glöm|bortse\s+från)\b\W+(?:\w+\W+){0,3}?"
    r"(?:instructions?|rules|prompts?|ohjee\w*|ohjeit\w*|sääntö\w*|sääntöj\w*|kehot\w*|"
    r"instruktion\w*|anvisning\w*|regl\w*|regler)\b"
    r"|\b(?:system\s*prompt|järjestelmäkehot\w*|järjestelmäohje\w*|systemprompt\w*|"
    r"systeminstruktion\w*)",
    re.IGNORECASE,
)


def addresses_the_model(text: str) -> bool:
    """True when the text gives orders to a language model (an injection, not content)."""
    return bool(_ADDRESSES_MODEL.search(text))


def quoted_sentences(quote: str, sentences: list[str]) -> list[str]:
    """The sentences of a source that the quote overlaps (the quote may cut one in half)."""
    wanted = normalise(quote).strip(" .\"'”“…")
    joined = ""
    spans: list[tuple[int, int, str]] = []
    for sentence in sentences:
        start = len(joined) + (1 if joined else 0)
        joined = f"{joined} {normalise(sentence)}" if joined else normalise(sentence)
        spans.append((start, len(joined), sentence))
    at = joined.find(wanted) if wanted else -1
    if at < 0:
        return []
    return [s for start, end, s in spans if start < at + len(wanted) and at < end]


def with_marker(claim: str, number: int) -> str:
    """The claim with its source marker before the closing punctuation: 'Text [1].'"""
    body = claim.rstrip()
    end = body[-1] if body and body[-1] in ".!?" else "."
    return f"{body.rstrip('.!?').rstrip()} [{number}]{end}"
