"""Measure the fusion weights of the hybrid retriever on the shared QA set.

    .venv/bin/tiekartta --data-dir .tiekartta-eval ingest ../shared/data/corpus
    .venv/bin/python -m bench.retrieval_weights --data-dir .tiekartta-eval

Prints document recall@1, recall@5 and MRR for a grid of dense/lexical weights and RRF k,
each question's query vector computed once. Used to set `rag.retrieval.hybrid.FusionWeights`.
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path

from langchain_core.embeddings import Embeddings

from bench.common import arguments, bench_app
from rag.core.documents import ALL_ACCESS
from rag.core.results import SearchFilters
from rag.evaluate.retrieval import distinct_docs, load_qa
from rag.retrieval.hybrid import FusionWeights, HybridRetriever


class CachedQueries(Embeddings):
    """Wraps an embedder so that each question is embedded once across the grid."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self._query = lru_cache(maxsize=None)(inner.embed_query)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._query(text)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, default=Path(".tiekartta-eval"))
    parser.add_argument("--qa", type=Path, default=Path("../shared/data/qa-dev.jsonl"))
    args = parser.parse_args()
    service = bench_app(args.data_dir)
    items = [i for i in load_qa(args.qa) if i.answerable]
    embeddings = CachedQueries(service.embeddings)
    filters = SearchFilters(access_levels=ALL_ACCESS)
    rows = []
    for dense, lexical, rrf_k in itertools.product(
        (1.0,), (0.0, 0.5, 0.75, 1.0, 1.5, 2.0), (10.0, 30.0, 60.0)
    ):
        retriever = HybridRetriever(
            service.vectors,
            embeddings,
            service.lexical,
            FusionWeights(dense=dense, lexical=lexical, rrf_k=rrf_k),
        )
        ranks = []
        for item in items:
            docs = distinct_docs(retriever.search(item.question, 40, filters))[:10]
            ranks.append(next((n for n, d in enumerate(docs, 1) if d in item.gold_docs), None))
        r1 = sum(r == 1 for r in ranks) / len(ranks)
        r5 = sum(r is not None and r <= 5 for r in ranks) / len(ranks)
        mrr = sum(1 / r for r in ranks if r) / len(ranks)
        rows.append((dense, lexical, rrf_k, round(r1, 4), round(r5, 4), round(mrr, 4)))
        print(
            f"dense={dense} lexical={lexical} rrf_k={rrf_k}: r@1={r1:.4f} r@5={r5:.4f} "
            f"mrr={mrr:.4f}",
            flush=True,
        )
    best = max(rows, key=lambda r: (r[5], r[3]))
    print(
        f"best by MRR: dense={best[0]} lexical={best[1]} rrf_k={best[2]} -> "
        f"r@1={best[3]} r@5={best[4]} mrr={best[5]}"
    )


if __name__ == "__main__":
    main()
