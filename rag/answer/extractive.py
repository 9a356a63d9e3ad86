"""The offline answer: the sentences of the retrieved chunks that best answer the question."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from rag.answer.answer_type import answer_kind, holds_kind
from rag.core.results import SearchHit
from rag.core.sentences import QUOTABLE_MIN_CHARS, quotable_sentences
from rag.embeddings.cache import EmbeddingCache

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass
class ScoredSentence:
    text: str
    hit_index: int  # which retrieved chunk the sentence comes from
    score: float
    position: int = 0  # the sentence's place in its chunk (adjacent quotes join without "…")


def joined_quote(sentences: list[ScoredSentence]) -> str:
    """Sentences of one chunk in text order; a gap between them is marked with "…"."""
    ordered = sorted(sentences, key=lambda s: s.position)
    text = ""
    for previous, sentence in zip([None, *ordered], ordered, strict=False):
        if previous is None:
            text = sentence.text
        elif sentence.position == previous.position + 1:
            text += " " + sentence.text
        else:
            text += " … " + sentence.text
    return text


def _tokens(text: str) -> set[str]:
    # Prefixes of 5 letters stand in for stems so inflected Finnish forms still meet.
    return {t.lower()[:5] for t in _TOKEN.findall(text) if len(t) > 2 or t.isdigit()}


def rank_sentences(
    question: str,
    question_vector: list[float],
    hits: list[SearchHit],
    sentence_vectors: EmbeddingCache,
    max_hits: int = 5,
) -> list[ScoredSentence]:
    """Score every sentence of the top chunks by meaning, shared words and the asked fact kind.

    Sentence vectors come from the store ingest filled (``sentence_vectors``), so answering
    embeds only the question; a sentence the store lacks (older data) is embedded once.

    The weights were chosen with the dev questions (answer_contains), see README.
    """
    candidates: list[tuple[str, int, int]] = []
    for index, hit in enumerate(hits[:max_hits]):
        for position, sentence in quotable_sentences(hit.chunk.text):
            if len(sentence) >= QUOTABLE_MIN_CHARS:
                candidates.append((sentence, index, position))
    if not candidates:
        return []
    vectors = sentence_vectors.passages([c[0] for c in candidates])
    query = np.asarray(question_vector, dtype=np.float32)
    similarity = vectors @ query
    q_tokens = _tokens(question)
    kind = answer_kind(question)
    scored = []
    for (sentence, index, position), sim in zip(candidates, similarity, strict=True):
        overlap = len(q_tokens & _tokens(sentence)) / max(len(q_tokens), 1)
        # Sentences from higher-ranked chunks get a small bonus: the chunk ranking saw context.
        rank_bonus = 0.02 * (max_hits - index)
        # A sentence holding the asked kind of fact (a number for "kuinka monta") answers;
        # one that only repeats the question's words does not.
        kind_bonus = 0.08 if holds_kind(sentence, kind) else 0.0
        score = float(sim) + 0.15 * overlap + rank_bonus + kind_bonus
        scored.append(ScoredSentence(sentence, index, score, position))
    scored.sort(key=lambda s: s.score, reverse=True)
    return scored


def select_sentences(
    ranked: list[ScoredSentence], max_sentences: int = 3, margin: float = 0.1
) -> list[ScoredSentence]:
    """The best sentence plus close runners-up, at most one extra per chunk, best first."""
    if not ranked:
        return []
    best = ranked[0].score
    chosen: list[ScoredSentence] = []
    per_hit: dict[int, int] = {}
    for sentence in ranked:
        if len(chosen) >= max_sentences or sentence.score < best - margin:
            break
        if per_hit.get(sentence.hit_index, 0) >= 2:
            continue
        chosen.append(sentence)
        per_hit[sentence.hit_index] = per_hit.get(sentence.hit_index, 0) + 1
    return _with_lists(chosen, ranked)


LIST_MAX_ITEMS = 8  # an introduced list is quoted whole, up to this many lines


def _with_lists(chosen: list[ScoredSentence], ranked: list[ScoredSentence]) -> list[ScoredSentence]:
    """A chosen sentence that introduces a list (ends with ':') brings the list along."""
    by_place = {(s.hit_index, s.position): s for s in ranked}
    out: list[ScoredSentence] = []
    for sentence in chosen:
        if sentence in out:
            continue
        out.append(sentence)
        if not sentence.text.rstrip().endswith(":"):
            continue
        for step in range(1, LIST_MAX_ITEMS + 1):
            item = by_place.get((sentence.hit_index, sentence.position + step))
            if item is None:
                break
            if item not in out:
                out.append(item)
    return out
