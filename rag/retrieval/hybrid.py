"""Hybrid retrieval: dense (Chroma) and lexical (BM25) candidates fused by reciprocal rank.

After fusion the list is cleaned for a person to read: near-identical chunks (the same decision
text in an agenda, the minutes and a news item) are collapsed into the best-cited one, and one
long document may hold at most `per_document` places in the result.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.core.documents import Chunk
from rag.core.language import detect_language
from rag.core.results import SearchFilters, SearchHit
from rag.retrieval.question_time import TimeSpan, in_any, mentions_time, question_spans
from rag.store.protocols import LexicalSearch, VectorIndex
from rag.store.versions import VersionLink

_WORD = re.compile(r"\w+", re.UNICODE)
_SECTION = re.compile(r"§\s*(\d+)|\b(\d+)\s*§")
_RECORD = re.compile(r"\b\d+/\d+(?:\.\d+)*/\d{4}\b")
_FULL_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_CURRENT = re.compile(
    r"\b(nyky\w*|tällä hetkellä|tämänhetki\w*|viimeisi\w*|uusin\w*|ajankohtai\w*|"
    r"nuvarande|för närvarande|senaste|aktuell\w*|current\w*|latest|now)\b",
    re.IGNORECASE,
)


@dataclass
class FusionWeights:
    """Weights of the fused score; the defaults were measured with bench/retrieval_weights.py."""

    dense: float = 1.0
    lexical: float = 1.5  # BM25 finds the exact names, numbers and § the dense model blurs
    rrf_k: float = 60.0
    date_match: float = 0.01  # the question names the chunk's date
    exact_item: float = 0.02  # the question names the chunk's § or record number
    recency: float = 0.004  # 'current state' questions: newest chunk gets this much more
    time_match: float = 0.02  # the chunk's date lies in the day/month/year the question names
    # "soft": time_match only; "hard": dated chunks outside the named time are dropped too
    # (undated ones kept); "off": ignore named years/months. bench/retrieval_variants.py on the
    # dev set: soft 0.01 r@1 0.912 / ans 0.706, soft 0.03 0.941 / 0.706, hard 0.02 0.941 / 0.735
    # "event" (default): nothing dropped, chunks dated in the named day/month or whose text
    # names it rank higher: a later report states the asked month's figures, an earlier
    # agenda announces a later decision (bench/trust_protocol.py: held-out event-time
    # questions r@1 0.6 -> 0.9).
    time_mode: str = "event"
    # Share of time_match when only a year is named: 0, so a named year filters but does not
    # lift (haystack: r@1 0.882 -> 0.912 and MRR 0.910 -> 0.925 against 1.0; dev unchanged).
    year_share: float = 0.0
    # The dense model scores same-language chunks higher whatever they say: ask each language
    # for its own candidates and rank them by how far they stand above their language's median.
    language_balance: bool = False
    # A chunk in another language than the question cannot share its words: its missing BM25
    # rank is taken from its dense rank instead of counting as no lexical evidence.
    cross_language_lexical: bool = True
    cross_language_share: float = 1.0  # how much of the lexical weight that imputed rank gets
    # Other-language chunks ranked among their own language's dense candidates (asked
    # separately), where the question's own language does not crowd the top: "lexical" uses
    # that rank for the imputed lexical rank (or the real one when better); "both" for the
    # dense rank too; "off" ranks them in the mixed list (measured in bench/trust_protocol.py).
    own_language_rank: str = "off"
    # > 0: the other-language chunk ranked best among its own language's candidates is
    # guaranteed this place (or a better one) in the fused list, so that a question whose
    # answer exists only in another language finds it in the top five without reordering the
    # places above it.
    # (bench/trust_protocol.py: cross-lingual r@5 0.70 -> 0.80 on the 20 dev questions, same-
    # language figures and the judge's decisions unchanged; places 2 and 3 changed the top
    # three the judge reads, place 5 lost an answer.)
    other_language_slot: int = 4
    mention_match: float = 0.02  # "event" time mode: the chunk's text names the asked month/day


VersionLookup = Callable[[list[str]], dict[str, list[VersionLink]]]


@dataclass
class _Candidate:
    chunk: Chunk
    vector: np.ndarray | None = None
    dense: float | None = None
    lexical: float | None = None
    dense_rank: int | None = None
    lexical_rank: int | None = None
    language_rank: int | None = None  # rank among the dense candidates of its own language
    score: float = 0.0
    duplicates: list[str] = field(default_factory=list)
    _shingles: set[tuple[str, ...]] | None = None

    @property
    def shingles(self) -> set[tuple[str, ...]]:
        if self._shingles is None:
            self._shingles = shingles(self.chunk.text)
        return self._shingles


def shingles(text: str, n: int = 3) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[i : i + n]) for i in range(max(len(words) - n + 1, 1))}


def near_duplicate(
    sa: set[tuple[str, ...]], sb: set[tuple[str, ...]], threshold: float = 0.8
) -> bool:
    """Jaccard similarity of word 3-gram sets; catches reprinted decision texts."""
    if not sa or not sb:
        return False
    small, large = sorted((len(sa), len(sb)))
    if small < threshold * large:  # Jaccard <= small/large: no need to intersect
        return False
    return len(sa & sb) / len(sa | sb) >= threshold


def _citability(chunk: Chunk) -> int:
    """How precisely a chunk can be cited: § item with body and date beats a news page."""
    return (2 if chunk.section else 0) + (1 if chunk.body else 0) + (1 if chunk.date else 0)


def question_dates(question: str) -> set[str]:
    """ISO dates written in the question as d.m.yyyy."""
    found = set()
    for day, month, year in _FULL_DATE.findall(question):
        try:
            found.add(date(int(year), int(month), int(day)).isoformat())
        except ValueError:
            continue
    return found


class HybridRetriever:
    """Dense + BM25 with reciprocal-rank fusion, filters on both paths, tidy results."""

    def __init__(
        self,
        vectors: VectorIndex,
        embeddings: Embeddings,
        lexical: LexicalSearch,
        weights: FusionWeights | None = None,
        candidates: int = 40,
        per_document: int = 2,
        versions: VersionLookup | None = None,
        languages: tuple[str, ...] = ("fi", "sv", "en"),
    ) -> None:
        self.vectors = vectors
        self.embeddings = embeddings
        self.lexical = lexical
        self.weights = weights or FusionWeights()
        self.candidates = candidates
        self.per_document = per_document
        self.versions = versions
        self.languages = languages

    def _dense(self, query_vector: np.ndarray, filters: SearchFilters) -> list[SearchHit]:
        """Dense candidates, best first (per-language balanced when the weights ask for it)."""
        vector = query_vector.tolist()
        if not self.weights.language_balance or filters.language:
            return self.vectors.query(vector, self.candidates, filters)
        balanced: list[tuple[float, SearchHit]] = []
        for language in self.languages:
            hits = self.vectors.query(vector, self.candidates, replace(filters, language=language))
            if not hits:
                continue
            level = float(np.median([h.score for h in hits]))
            balanced.extend((h.score - level, h) for h in hits)
        balanced.sort(key=lambda pair: pair[0], reverse=True)
        return [hit for _, hit in balanced]

    def search(
        self, query: str, k: int = 8, filters: SearchFilters | None = None
    ) -> list[SearchHit]:
        filters = filters or SearchFilters()
        query_vector = np.asarray(self.embeddings.embed_query(query), dtype=np.float32)
        pool: dict[str, _Candidate] = {}
        for rank, hit in enumerate(self._dense(query_vector, filters), start=1):
            pool[hit.chunk.chunk_id] = _Candidate(hit.chunk, dense=hit.score, dense_rank=rank)
        if self.weights.own_language_rank != "off" or self.weights.other_language_slot:
            self._own_language_ranks(query, query_vector, filters, pool)
        lexical_hits = self.lexical.search(query, self.candidates * 3)
        missing = [cid for cid, _ in lexical_hits if cid not in pool]
        stored = {c.chunk_id: (c, v) for c, v in self.vectors.get_with_vectors(missing)}
        rank = 0
        for chunk_id, score in lexical_hits:
            candidate = pool.get(chunk_id)
            if candidate is None:
                if chunk_id not in stored or not filters.matches(stored[chunk_id][0]):
                    continue  # filtered out, or not (yet) in Chroma
                chunk, vector = stored[chunk_id]
                vector_array = np.asarray(vector, dtype=np.float32)
                candidate = _Candidate(
                    chunk, vector=vector_array, dense=float(vector_array @ query_vector)
                )
                pool[chunk_id] = candidate
            rank += 1
            candidate.lexical, candidate.lexical_rank = score, rank
            if rank >= self.candidates:
                break
        spans = question_spans(query) if self.weights.time_mode != "off" else []
        candidates = list(pool.values())
        if spans and self.weights.time_mode == "hard":
            candidates = _within(candidates, spans)
        ranked = self._fuse(query, candidates, spans)
        if self.weights.other_language_slot:
            ranked = _reserve_slot(ranked, detect_language(query), self.weights.other_language_slot)
        links = self.versions([c.chunk.doc_id for c in ranked]) if self.versions else {}
        kept = self._tidy(ranked, k, links)
        hits = [
            SearchHit(c.chunk, c.score, dense=c.dense, lexical=c.lexical, duplicates=c.duplicates)
            for c in kept
        ]
        if links:
            self._attach_versions(hits, kept, links, pool, query_vector, filters)
        return hits

    def _own_language_ranks(
        self,
        query: str,
        query_vector: np.ndarray,
        filters: SearchFilters,
        pool: dict[str, _Candidate],
    ) -> None:
        """Rank every other language's chunks among themselves; new ones join the pool."""
        asked = detect_language(query)
        vector = query_vector.tolist()
        for language in self.languages:
            if language == asked or (filters.language and filters.language != language):
                continue
            hits = self.vectors.query(vector, self.candidates, replace(filters, language=language))
            for rank, hit in enumerate(hits, start=1):
                candidate = pool.setdefault(
                    hit.chunk.chunk_id, _Candidate(hit.chunk, dense=hit.score)
                )
                candidate.language_rank = rank

    def _attach_versions(
        self,
        hits: list[SearchHit],
        kept: list[_Candidate],
        links: dict[str, list[VersionLink]],
        pool: dict[str, _Candidate],
        query_vector: np.ndarray,
        filters: SearchFilters,
    ) -> None:
        """Each hit lists the best chunk of every linked version the filters allow."""
        best: dict[str, SearchHit] = {}
        for c in sorted(pool.values(), key=lambda c: c.score, reverse=True):
            if c.chunk.doc_id not in best:
                best[c.chunk.doc_id] = SearchHit(c.chunk, c.score, dense=c.dense)
        wanted = {
            link.other_id
            for candidate in kept
            for link in links.get(candidate.chunk.doc_id, [])
            if link.other_id not in best
        }
        # Linked versions that were no candidate: their chunk closest to the question, all
        # fetched in one request.
        for chunk, vector in self.vectors.documents_with_vectors(sorted(wanted)):
            if not filters.matches(chunk):
                continue
            similarity = float(np.asarray(vector, dtype=np.float32) @ query_vector)
            if chunk.doc_id not in best or similarity > best[chunk.doc_id].score:
                best[chunk.doc_id] = SearchHit(chunk, similarity, dense=similarity)
        for hit, candidate in zip(hits, kept, strict=True):
            for link in links.get(candidate.chunk.doc_id, []):
                if link.other_id in best:
                    hit.versions.append(best[link.other_id])

    def _fuse(
        self, query: str, candidates: list[_Candidate], spans: list[TimeSpan] | None = None
    ) -> list[_Candidate]:
        w = self.weights
        dates = question_dates(query)
        sections = {a or b for a, b in _SECTION.findall(query)}
        records = set(_RECORD.findall(query))
        wants_current = bool(_CURRENT.search(query))
        dated = sorted({c.chunk.date for c in candidates if c.chunk.date})
        language = detect_language(query) if w.cross_language_lexical else None
        precise_spans = [s for s in spans or [] if s.precision != "year"]
        for c in candidates:
            score = 0.0
            dense_rank, lexical_rank = c.dense_rank, c.lexical_rank
            if language and c.chunk.language != language:
                own = c.language_rank if w.own_language_rank != "off" else None
                if w.own_language_rank == "both":
                    dense_rank = _better(dense_rank, own)
                imputed = own if own is not None else c.dense_rank
                if imputed is not None and (lexical_rank is None or own is not None):
                    share = w.cross_language_share
                    # the lexical side: the real rank, or the imputed one when that is better
                    real = w.lexical / (w.rrf_k + lexical_rank) if lexical_rank else 0.0
                    score += max(real, share * w.lexical / (w.rrf_k + imputed))
                    lexical_rank = None  # counted
            if dense_rank is not None:
                score += w.dense / (w.rrf_k + dense_rank)
            if lexical_rank is not None:
                score += w.lexical / (w.rrf_k + lexical_rank)
            if dates and (
                c.chunk.date in dates
                or any(f"{int(d[8:])}.{int(d[5:7])}.{d[:4]}" in c.chunk.text for d in dates)
            ):
                score += w.date_match
            matched = [s for s in spans or [] if s.contains(c.chunk.date)]
            if matched:
                # A named year points less precisely than a named day or month.
                precise = any(s.precision != "year" for s in matched)
                score += w.time_match if precise else w.time_match * w.year_share
            if w.time_mode == "event" and mentions_time(c.chunk.text, precise_spans):
                score += w.mention_match
            if (c.chunk.section and c.chunk.section in sections) or (
                c.chunk.record_number and c.chunk.record_number in records
            ):
                score += w.exact_item
            if wants_current and c.chunk.date and len(dated) > 1:
                score += w.recency * dated.index(c.chunk.date) / (len(dated) - 1)
            c.score = score
        return sorted(candidates, key=lambda c: c.score, reverse=True)

    def _tidy(
        self,
        ranked: list[_Candidate],
        k: int,
        links: dict[str, list[VersionLink]] | None = None,
    ) -> list[_Candidate]:
        """Collapse near-duplicates into the best-cited copy and language versions into the
        first-ranked version; cap places per document."""
        kept: list[_Candidate] = []
        per_doc: dict[str, int] = {}
        shown_versions: set[str] = set()  # documents shown as another hit's version
        for candidate in ranked:
            doc_id = candidate.chunk.doc_id
            if doc_id in shown_versions:
                continue
            twin = next(
                (
                    other
                    for other in kept
                    if other.chunk.doc_id != candidate.chunk.doc_id
                    and near_duplicate(other.shingles, candidate.shingles)
                ),
                None,
            )
            if twin is not None:
                if _citability(candidate.chunk) > _citability(twin.chunk) and (
                    per_doc.get(doc_id, 0) < self.per_document
                ):
                    # The lower-ranked copy is the better citation: it takes the place, and the
                    # place now counts for its document instead of the twin's.
                    candidate.score, candidate.duplicates = twin.score, twin.duplicates
                    candidate.duplicates.append(twin.chunk.chunk_id)
                    kept[kept.index(twin)] = candidate
                    per_doc[twin.chunk.doc_id] -= 1
                    per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
                    shown_versions.update(v.other_id for v in (links or {}).get(doc_id, []))
                else:
                    twin.duplicates.append(candidate.chunk.chunk_id)
                continue
            if per_doc.get(doc_id, 0) >= self.per_document:
                continue
            per_doc[doc_id] = per_doc.get(doc_id, 0) + 1
            shown_versions.update(v.other_id for v in (links or {}).get(doc_id, []))
            kept.append(candidate)
            if len(kept) >= k:
                break
        return kept


def _reserve_slot(ranked: list[_Candidate], language: str, slot: int) -> list[_Candidate]:
    """Move the best other-language chunk (by its rank in its own language) up to `slot`."""
    others = [
        (c.language_rank, -(c.dense or 0.0), i)
        for i, c in enumerate(ranked)
        if c.chunk.language != language and c.language_rank is not None
    ]
    if not others:
        return ranked
    index = min(others)[2]
    if index < slot:
        return ranked
    moved = ranked[index]
    moved.score = ranked[slot - 1].score  # ties with the place it takes; order kept below
    return [*ranked[: slot - 1], moved, *ranked[slot - 1 : index], *ranked[index + 1 :]]


def _better(rank: int | None, other: int | None) -> int | None:
    """The better (smaller) of two ranks, either of which may be missing."""
    return min((r for r in (rank, other) if r is not None), default=None)


def _within(candidates: list[_Candidate], spans: list[TimeSpan]) -> list[_Candidate]:
    """Hard time filter: drop dated chunks outside the named time (undated ones stay)."""
    kept = [c for c in candidates if not c.chunk.date or in_any(spans, c.chunk.date)]
    return kept or candidates
