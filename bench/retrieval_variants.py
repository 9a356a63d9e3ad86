"""Measure retrieval variants (named times, recency, version links) on the shared QA set.

    PYTHONPATH=$PWD OMP_WAIT_POLICY=passive /work/venv/bin/python -m bench.retrieval_variants \\
        --data-dir D [--qa ../shared/data/qa-dev.jsonl] [--variants soft,hard,off,...]

One service, one index; each variant swaps the hybrid retriever's settings and runs every
question through search and the extractive answer (`rag.evaluate.retrieval`), each question
embedded once. Variants:
- `default` the shipped settings (hard time filter, time-match bonus 0.02, recency, versions);
- `soft`    a chunk dated in the day/month/year the question names scores more, nothing dropped;
- `hard`    dated chunks outside the named time are dropped too (undated ones kept);
- `soft:W`, `hard:W`  the same with the time-match bonus W instead of the default;
- `off`     named times ignored;
- `year:S`  the default with a named year earning S times the bonus of a named day or month;
- `no-recency`  the 'current state' recency preference off;
- `no-versions` fi/sv version links not used (each version is a separate result).
Prints one line per variant and the questions whose rank or answer changed against `default`.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from api.container import Tiekartta
from bench.common import arguments, bench_app
from bench.retrieval_weights import CachedQueries
from rag.core.documents import ALL_ACCESS
from rag.core.results import SearchFilters
from rag.evaluate.retrieval import RetrievalScores, evaluate_retrieval, load_qa
from rag.retrieval.hybrid import FusionWeights, HybridRetriever

VARIANTS = ("default", "soft", "soft:0.01", "hard:0.01", "off", "no-recency", "no-versions")


def retriever_for(service: Tiekartta, variant: str, embeddings: CachedQueries) -> HybridRetriever:
    weights = FusionWeights()
    name, _, value = variant.partition(":")  # "soft:0.02" = soft with time_match 0.02
    if value:
        weights = replace(weights, time_match=float(value))
    if name.startswith("year"):  # "year:0.5" = a named year earns half the bonus
        weights = replace(weights, time_match=FusionWeights().time_match, year_share=float(value))
    if name in ("soft", "hard", "off"):
        weights = replace(weights, time_mode=name)
    if variant == "no-recency":
        weights = replace(weights, recency=0.0)
    versions = None if variant == "no-versions" else service.registry.versions.versions_of
    return HybridRetriever(service.vectors, embeddings, service.lexical, weights, versions=versions)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--qa", type=Path, default=Path("../shared/data/qa-dev.jsonl"))
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json-out", type=Path, default=None)
    args = parser.parse_args()
    service = bench_app(args.data_dir)
    service.pipeline.update_versions()  # a store from before version linking gets its links
    items = load_qa(args.qa)
    embeddings = CachedQueries(service.embeddings)
    answerer = service.answerer
    answerer.embeddings = embeddings
    filters = SearchFilters(access_levels=ALL_ACCESS)
    results: dict[str, RetrievalScores] = {}
    for variant in args.variants.split(","):
        retriever = retriever_for(service, variant, embeddings)
        answerer.retriever = retriever
        scores = evaluate_retrieval(
            items,
            retriever.search,
            lambda q, lang: answerer.ask(q, filters, language=lang),
            filters,
        )
        results[variant] = scores
        summary = scores.as_dict()
        print(
            f"{variant:<12} r@1 {summary['recall@1']:.3f} r@5 {summary['recall@5']:.3f} "
            f"MRR {summary['mrr']:.3f} ans {summary['answer_contains']:.3f} "
            f"refusal {summary['unanswerable_refusal']:.3f} FR {summary['false_refusal']:.3f}",
            flush=True,
        )
    base = results.get("default")
    if base:
        for variant, scores in results.items():
            for a, b in zip(base.results, scores.results, strict=True):
                if (a.rank, a.contains, a.found) != (b.rank, b.contains, b.found):
                    print(
                        f"  {variant}: {a.id} rank {a.rank}->{b.rank} contains "
                        f"{a.contains}->{b.contains} found {a.found}->{b.found}"
                    )
    if args.json_out:
        args.json_out.write_text(
            json.dumps(
                {v: s.as_dict(with_results=True) for v, s in results.items()},
                ensure_ascii=False,
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
