"""Calibrate the 'not found' threshold of the evidence judge on a QA set.

    .venv/bin/python bench/calibrate_refusal.py --data-dir .tiekartta-eval

For every question it computes the judge's support (best answer sentence score plus weighted
lexical coverage), then prints, for each candidate threshold, the share of unanswerable
questions refused and of answerable questions wrongly refused, and the highest-refusal
threshold whose false refusals stay within the limit.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ingest.language import detect_language
from rag.evaluate.retrieval import load_qa
from rag.evidence import EvidenceJudge
from rag.models import SearchFilters
from rag.service import ALL_ACCESS, Tiekartta
from rag.settings import Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data-dir", type=Path, default=Path(".tiekartta-eval"))
    parser.add_argument("--qa", type=Path, default=Path("../shared/data/qa-dev.jsonl"))
    parser.add_argument("--max-false-refusal", type=float, default=0.05)
    parser.add_argument("--coverage-weight", type=float, default=0.5)
    args = parser.parse_args()
    service = Tiekartta(Settings(_env_file=None, data_dir=args.data_dir))  # type: ignore[call-arg]
    judge = EvidenceJudge(service.lexical, coverage_weight=args.coverage_weight)
    filters = SearchFilters(access_levels=ALL_ACCESS)
    points: list[tuple[float, bool]] = []
    for item in load_qa(args.qa):
        language = item.language or detect_language(item.question)
        hits, ranked, _ = service.answerer.retrieve(item.question, filters, language)
        support = judge.support(item.question, hits, ranked, language)
        points.append((support, item.answerable))
        print(
            f"{support:.3f} {'answerable  ' if item.answerable else 'unanswerable'} "
            f"{item.question[:70]}"
        )
    answerable = [s for s, a in points if a]
    unanswerable = [s for s, a in points if not a]
    best = None
    for threshold in sorted({round(s, 3) for s, _ in points}):
        false_refusal = sum(s < threshold for s in answerable) / len(answerable)
        refusal = sum(s < threshold for s in unanswerable) / max(len(unanswerable), 1)
        if false_refusal <= args.max_false_refusal:
            best = (threshold, refusal, false_refusal)
    if best:
        print(
            f"threshold {best[0]:.3f}: unanswerable_refusal {best[1]:.3f}, "
            f"false_refusal {best[2]:.3f}"
        )


if __name__ == "__main__":
    main()
