"""Check every sentence of generated text against the passages it cites.

A sentence without a [n] citation, or citing a number that is not in the evidence, is
"unsupported". A sentence whose cited passages do not carry it is "weak_support": every number
in the sentence must occur in a cited passage (or its title/date), and the sentence must share
enough content words with the passages — or, across languages, be close in meaning by the
bundled embeddings. Flagged sentences stay in the text, marked with ⚠ for the reviewer; nothing
is dropped and nothing flagged is kept silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.core.drafts import DraftCitation, DraftFlag
from rag.core.messages import message
from rag.draft.textmatch import coverage, numbers, word_keys

_MARKERS = re.compile(r"\[(\d+)\]")
# "Text. [1]" -> "Text [1]." so the citation stays with its sentence when splitting.
_TRAILING = re.compile(r"([.!?])((?:\s*\[\d+\])+)")
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")


@dataclass
class SentenceCheck:
    sentence: str
    cited: list[int]
    verdict: str  # "supported", "unsupported", "weak_support"
    reason: str = ""
    overlap: float = 0.0
    similarity: float | None = None


@dataclass
class SupportResult:
    text: str  # the text with flagged sentences marked
    checks: list[SentenceCheck] = field(default_factory=list)
    flags: list[DraftFlag] = field(default_factory=list)


def split_claims(text: str) -> list[list[str]]:
    """Lines of sentences, the citations moved before the closing full stop."""
    return [
        _SPLIT.split(_TRAILING.sub(r"\2\1", line)) if line.strip() else [""]
        for line in text.splitlines()
    ]


class SupportChecker:
    """Checks sentences against their cited passages (configuration here, data in `check`)."""

    def __init__(
        self,
        embeddings: Embeddings | None = None,
        min_overlap: float = 0.34,
        min_similarity: float = 0.85,
    ) -> None:
        self.embeddings = embeddings
        self.min_overlap = min_overlap
        self.min_similarity = min_similarity

    def _similarity(self, sentence: str, passages: list[str]) -> float | None:
        if self.embeddings is None or not passages:
            return None
        vectors = np.asarray(self.embeddings.embed_documents([sentence, *passages]), np.float32)
        norms = np.linalg.norm(vectors, axis=1)
        norms[norms == 0] = 1.0
        vectors = vectors / norms[:, None]
        return float(np.max(vectors[1:] @ vectors[0]))

    def check_sentence(self, sentence: str, citations: dict[int, DraftCitation]) -> SentenceCheck:
        cited = [int(n) for n in _MARKERS.findall(sentence)]
        clean = _MARKERS.sub("", sentence).strip()
        if not cited:
            return SentenceCheck(clean, cited, "unsupported", "no citation")
        missing = [n for n in cited if n not in citations]
        if missing:
            return SentenceCheck(clean, cited, "unsupported", f"unknown [{missing[0]}]")
        sources = [citations[n] for n in cited]
        passages = [c.quote for c in sources]
        context = " ".join([*passages, *(f"{c.title} {c.date or ''}" for c in sources)])
        absent = sorted(numbers(clean) - numbers(context))
        overlap = coverage(word_keys(clean), word_keys(" ".join(passages)))
        if absent:
            return SentenceCheck(
                clean, cited, "weak_support", "numbers:" + ", ".join(absent), overlap
            )
        if overlap >= self.min_overlap:
            return SentenceCheck(clean, cited, "supported", "", overlap)
        similarity = self._similarity(clean, passages)
        if similarity is not None and similarity >= self.min_similarity:
            return SentenceCheck(clean, cited, "supported", "", overlap, similarity)
        return SentenceCheck(clean, cited, "weak_support", "overlap", overlap, similarity)

    def check(self, text: str, citations: list[DraftCitation], language: str) -> SupportResult:
        """Check every sentence; mark and flag the ones the passages do not carry."""
        by_number = {c.number: c for c in citations}
        result = SupportResult(text="")
        marker = message("draft_unsupported_marker", language)
        lines = []
        for line in split_claims(text):
            out = []
            for sentence in line:
                if not _MARKERS.sub("", sentence).strip(" -*#>") or sentence.lstrip().startswith(
                    "#"
                ):
                    out.append(sentence)  # empty line, list bullet alone or a heading
                    continue
                check = self.check_sentence(sentence, by_number)
                result.checks.append(check)
                if check.verdict == "supported":
                    out.append(sentence)
                    continue
                out.append(f"**{marker}:** {sentence}")
                result.flags.append(self._flag(check, language))
            lines.append(" ".join(out))
        result.text = "\n".join(lines)
        return result

    @staticmethod
    def _flag(check: SentenceCheck, language: str) -> DraftFlag:
        if check.verdict == "unsupported":
            if check.reason.startswith("unknown"):
                number = check.reason.split("[")[1].rstrip("]")
                text = message(
                    "draft_flag_bad_citation", language, number=number, sentence=check.sentence
                )
            else:
                text = message("draft_flag_unsupported", language, sentence=check.sentence)
            return DraftFlag("unsupported", text, sentence=check.sentence)
        if check.reason.startswith("numbers:"):
            reason = message("draft_weak_numbers", language, numbers=check.reason[8:])
        else:
            reason = message("draft_weak_overlap", language)
        text = message("draft_flag_weak_support", language, reason=reason, sentence=check.sentence)
        return DraftFlag("weak_support", text, sentence=check.sentence)
