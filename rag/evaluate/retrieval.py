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
) -> RetrievalScores:
    """Run every question through search (ranking) and ask (answer, refusal)."""
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
        results.append(
            QuestionResult(
                item.id, item.type, ranked, answer.found, answer.answer, contains, rank, search_ms
            )
        )
        if progress:
            progress(number, len(items))
    return score(items, results)


def score(items: list[QAItem], results: list[QuestionResult]) -> RetrievalScores:
    answerable = [(i, r) for i, r in zip(items, results, strict=True) if i.answerable]
    unanswerable = [(i, r) for i, r in zip(items, results, strict=True) if not i.answerable]

    def share(values: list[bool]) -> float:
        return round(sum(values) / len(values), 4) if values else 0.0

    times = [r.search_ms for r in results]
    return RetrievalScores(
        n=len(items),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        recall_at_1=share([r.rank is not None and r.rank <= 1 for _, r in answerable]),
        recall_at_5=share([r.rank is not None and r.rank <= 5 for _, r in answerable]),
        recall_at_10=share([r.rank is not None for _, r in answerable]),
        mrr=round(statistics.fmean([1 / r.rank if r.rank else 0.0 for _, r in answerable]), 4)
        if answerable
        else 0.0,
        answer_contains=share([bool(r.contains) for _, r in answerable]),
        unanswerable_refusal=share([not r.found for _, r in unanswerable]),
        false_refusal=share([not r.found for _, r in answerable]),
        search_ms_median=round(statistics.median(times), 1),
        search_ms_p95=round(_percentile(times, 0.95), 1),
        results=results,
    )
