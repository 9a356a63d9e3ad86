"""`tiekartta eval retrieval`: recall@k, MRR, answer containment and refusals over a QA file."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.core.results import Answer, SearchFilters, SearchHit

REQUIRED_FIELDS = ("id", "question", "gold_docs")


class EvalDataError(ValueError):
    """The QA file is not in the expected format (message names line and field)."""


@dataclass
class QAItem:
    id: str
    question: str
    language: str | None
    gold_docs: list[str]
    must_contain: list[str]
    type: str

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable" and bool(self.gold_docs)


@dataclass
class QuestionResult:
    id: str
    type: str
    ranked_docs: list[str]
    found: bool
    answer: str
    contains: bool | None
    rank: int | None  # 1-based rank of the first gold document, None if not in the top 10
    search_ms: float
    # question language -> gold documents' language(s), e.g. "sv->fi"; "fi->-" when unanswerable
    pair: str = "-"
    context_used: bool = False


@dataclass
class GroupScores:
    """The figures of one slice of the questions (a question type or a language pair)."""

    n: int
    recall_at_1: float | None
    recall_at_5: float | None
    mrr: float | None
    answer_contains: float | None
    unanswerable_refusal: float | None
    false_refusal: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "recall@1": self.recall_at_1,
            "recall@5": self.recall_at_5,
            "mrr": self.mrr,
            "answer_contains": self.answer_contains,
            "unanswerable_refusal": self.unanswerable_refusal,
            "false_refusal": self.false_refusal,
        }


@dataclass
class RetrievalScores:
    n: int
    answerable: int
    unanswerable: int
    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    mrr: float
    answer_contains: float
    unanswerable_refusal: float
    false_refusal: float
    search_ms_median: float
    search_ms_p95: float
    results: list[QuestionResult] = field(default_factory=list)
    by_type: dict[str, GroupScores] = field(default_factory=dict)
    by_language_pair: dict[str, GroupScores] = field(default_factory=dict)

    def as_dict(self, with_results: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "n": self.n,
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
            "recall@1": self.recall_at_1,
            "recall@5": self.recall_at_5,
            "recall@10": self.recall_at_10,
            "mrr": self.mrr,
            "answer_contains": self.answer_contains,
            "unanswerable_refusal": self.unanswerable_refusal,
            "false_refusal": self.false_refusal,
            "search_ms_median": self.search_ms_median,
            "search_ms_p95": self.search_ms_p95,
            "by_type": {k: v.as_dict() for k, v in self.by_type.items()},
            "by_language_pair": {k: v.as_dict() for k, v in self.by_language_pair.items()},
        }
        if with_results:
            out["results"] = [r.__dict__ for r in self.results]
        return out


def load_qa(path: Path) -> list[QAItem]:
    """Read a QA JSONL file; a bad line is an error naming the line and the field."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalDataError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        for name in REQUIRED_FIELDS:
            if name not in raw:
                raise EvalDataError(f"{path}:{number}: field '{name}' is missing")
        if not isinstance(raw["gold_docs"], list):
            raise EvalDataError(f"{path}:{number}: field 'gold_docs' must be a list")
        items.append(
            QAItem(
                id=str(raw["id"]),
                question=str(raw["question"]),
                language=raw.get("language"),
                gold_docs=[str(d) for d in raw["gold_docs"]],
                must_contain=[str(s) for s in raw.get("must_contain") or []],
                type=str(raw.get("type") or ("unanswerable" if not raw["gold_docs"] else "fact")),
            )
        )
    if not items:
        raise EvalDataError(f"{path}: no questions found")
    return items


def distinct_docs(hits: list[SearchHit]) -> list[str]:
    """Documents in rank order; a hit's linked language versions are shown with it."""
    seen: list[str] = []
    for hit in hits:
        for doc_id in [hit.chunk.doc_id, *(v.chunk.doc_id for v in hit.versions)]:
            if doc_id not in seen:
                seen.append(doc_id)
    return seen


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def evaluate_retrieval(
    items: list[QAItem],
    search: Callable[[str, int, SearchFilters], list[SearchHit]],
    ask: Callable[[str, str | None], Answer],
    filters: SearchFilters,
    progress: Callable[[int, int], None] | None = None,
    doc_language: Callable[[str], str | None] | None = None,
) -> RetrievalScores:
    """Run every question through search (ranking) and ask (answer, refusal).

    `doc_language` (document id -> language) lets the figures be split by language pair.
    """
    results = []
    for number, item in enumerate(items, start=1):
        started = time.perf_counter()
        hits = search(item.question, 40, filters)
        search_ms = (time.perf_counter() - started) * 1000
        ranked = distinct_docs(hits)[:10]
        answer = ask(item.question, item.language)
        rank = next((i for i, d in enumerate(ranked, start=1) if d in item.gold_docs), None)
        contains = None
        if item.answerable:
            text = answer.answer.casefold()
            contains = answer.found and all(s.casefold() in text for s in item.must_contain)
        gold_languages = sorted(
            {(doc_language(d) if doc_language else None) or "?" for d in item.gold_docs}
        )
        pair = f"{item.language or answer.language}->{'/'.join(gold_languages) or '-'}"
        results.append(
            QuestionResult(
                item.id,
                item.type,
                ranked,
                answer.found,
                answer.answer,
                contains,
                rank,
                search_ms,
                pair,
                answer.context_used,
            )
        )
        if progress:
            progress(number, len(items))
    return score(items, results)


def _share(values: list[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def _mrr(ranks: list[int | None]) -> float:
    return round(statistics.fmean([1 / r if r else 0.0 for r in ranks]), 4) if ranks else 0.0


def _group(pairs: list[tuple[QAItem, QuestionResult]]) -> GroupScores:
    answerable = [r for i, r in pairs if i.answerable]
    unanswerable = [r for i, r in pairs if not i.answerable]
    has_a, has_u = bool(answerable), bool(unanswerable)
    return GroupScores(
        n=len(pairs),
        recall_at_1=_share([r.rank == 1 for r in answerable]) if has_a else None,
        recall_at_5=_share([r.rank is not None and r.rank <= 5 for r in answerable])
        if has_a
        else None,
        mrr=_mrr([r.rank for r in answerable]) if has_a else None,
        answer_contains=_share([bool(r.contains) for r in answerable]) if has_a else None,
        unanswerable_refusal=_share([not r.found for r in unanswerable]) if has_u else None,
        false_refusal=_share([not r.found for r in answerable]) if has_a else None,
    )


def _slices(
    pairs: list[tuple[QAItem, QuestionResult]], key: Callable[[QAItem, QuestionResult], str]
) -> dict[str, GroupScores]:
    names = sorted({key(i, r) for i, r in pairs})
    return {name: _group([(i, r) for i, r in pairs if key(i, r) == name]) for name in names}


def score(items: list[QAItem], results: list[QuestionResult]) -> RetrievalScores:
    pairs = list(zip(items, results, strict=True))
    answerable = [(i, r) for i, r in pairs if i.answerable]
    unanswerable = [(i, r) for i, r in pairs if not i.answerable]
    times = [r.search_ms for r in results]
    return RetrievalScores(
        n=len(items),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        recall_at_1=_share([r.rank is not None and r.rank <= 1 for _, r in answerable]),
        recall_at_5=_share([r.rank is not None and r.rank <= 5 for _, r in answerable]),
        recall_at_10=_share([r.rank is not None for _, r in answerable]),
        mrr=_mrr([r.rank for _, r in answerable]),
        answer_contains=_share([bool(r.contains) for _, r in answerable]),
        unanswerable_refusal=_share([not r.found for _, r in unanswerable]),
        false_refusal=_share([not r.found for _, r in answerable]),
        search_ms_median=round(statistics.median(times), 1),
        search_ms_p95=round(_percentile(times, 0.95), 1),
        results=results,
        by_type=_slices(pairs, lambda i, r: i.type),
        by_language_pair=_slices(pairs, lambda i, r: r.pair),
    )
