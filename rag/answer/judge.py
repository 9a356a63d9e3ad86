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
from rag.store.lexical import LexicalIndex


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
    """Best answer sentence's score plus how much of the question's rare words its chunk holds.

    A question about something the documents never mention keeps its rarest words uncovered;
    the sentence score keeps cross-lingual questions answerable. The coverage is measured on
    the chunk the best sentence is quoted from: when that chunk is in another language than
    the question, words cannot match at all and the coverage counts as `neutral` (measuring it
    on other same-language chunks refused a Swedish question answered by a Finnish page).
    Threshold: bench/trust_protocol.py, the highest cut with false refusals <= 5 % over
    qa-dev + qa-dev-trust (group k-fold figures in README, "Answers staff can trust").
    """

    lexical: LexicalIndex
    threshold: float = 1.05
    coverage_weight: float = 0.5
    neutral: float = 0.5
    # "quoted": the chunk of the best sentence; "top3": the same-language chunks among the top
    # three (the rule before issue 10, 1.12; kept so bench/trust_protocol.py can compare).
    coverage_of: str = "quoted"

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
