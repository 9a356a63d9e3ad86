"""Deciding 'found' or 'not found' from the evidence retrieved for a question.

A judge looks at what retrieval and the extractive ranking saw and says whether the documents
support an answer. The thresholds are calibrated on ../shared/data/qa-dev.jsonl
(bench/calibrate_refusal.py) so that answerable questions are almost never refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from rag.answer.extractive import ScoredSentence
from rag.core.results import SearchHit
from rag.store.protocols import LexicalSearch


class Judge(Protocol):
    def found(
        self, query: str, hits: list[SearchHit], ranked: list[ScoredSentence], language: str
    ) -> bool: ...


@dataclass
class DenseScoreJudge:
    """Dense-only baseline: the best chunk's cosine similarity against a threshold.

    0.81 is the highest value under which no answerable dev question was refused with the
    bundled e5 model (the lowest answerable top score there was 0.813).
    """

    threshold: float = 0.81

    def found(
        self, query: str, hits: list[SearchHit], ranked: list[ScoredSentence], language: str
    ) -> bool:
        return bool(hits) and max((h.dense or h.score) for h in hits[:3]) >= self.threshold


@dataclass
class EvidenceJudge:
    """Best answer sentence's score plus how much of the question's rare words the top chunks hold.

    A question about something the documents never mention keeps its rarest words uncovered;
    the sentence score keeps cross-lingual questions answerable. When no chunk looked at is in
    the question's language, words cannot match at all, and the coverage counts as `neutral`.
    """

    lexical: LexicalSearch
    threshold: float = 1.12
    coverage_weight: float = 0.5
    neutral: float = 0.5
    # "top3" (default): the same-language chunks among the top three. "quoted": only the chunk
    # the best sentence comes from; bench/trust_protocol.py measured it on held-out folds at
    # 0.059 refusals / 0.050 false refusals against 0.013 / 0.053 (README), within noise, and
    # it answered "Who won the football world cup in 1966?" from the sample corpus.
    coverage_of: str = "top3"

    def support(
        self, query: str, hits: list[SearchHit], ranked: list[ScoredSentence], language: str
    ) -> float:
        if not hits or not ranked:
            return 0.0
        if self.coverage_of == "top3":
            chunks = [h.chunk for h in hits[:3]]
        else:
            chunks = [hits[ranked[0].hit_index].chunk]
        same = [c.chunk_id for c in chunks if c.language == language]
        coverage = self.lexical.query_coverage(query, same) if same else self.neutral
        return ranked[0].score + self.coverage_weight * coverage

    def found(
        self, query: str, hits: list[SearchHit], ranked: list[ScoredSentence], language: str
    ) -> bool:
        return self.support(query, hits, ranked, language) >= self.threshold
