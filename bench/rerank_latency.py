"""Added latency of LLM reranking, measured against the fake OpenAI-compatible server.

    PYTHONPATH=$PWD OMP_WAIT_POLICY=passive /work/venv/bin/python -m bench.rerank_latency \\
        --data-dir D [--qa ../shared/data/qa-dev.jsonl] [--candidates 12] [--repeats 3]

Every question is searched with the hybrid retriever alone and with `RerankingRetriever` on
top (alternating which goes first); the fake server answers at once with the candidates in
reverse order. The difference is what tiekartta adds around a model: building the prompt,
the HTTP round trip, structured-output parsing and reordering. A real model's own time
(prompt processing of ~12 x 700 characters and a short JSON answer) comes on top and cannot
be measured here; neither can the quality of its order.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from bench.common import arguments, bench_app
from rag.core.documents import ALL_ACCESS
from rag.core.results import SearchFilters
from rag.core.settings import Settings
from rag.evaluate.retrieval import load_qa
from rag.llm import make_chat_model
from rag.retrieval.rerank import LLMReranker, RerankingRetriever
from tests.fakes.openai_server import FakeOpenAIServer, last_user_message


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--qa", type=Path, default=Path("../shared/data/qa-dev.jsonl"))
    parser.add_argument("--candidates", type=int, default=12)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    service = bench_app(args.data_dir)
    questions = [item.question for item in load_qa(args.qa)]
    filters = SearchFilters(access_levels=ALL_ACCESS)
    with FakeOpenAIServer() as server:

        def reverse(request: dict[str, Any]) -> dict[str, Any]:
            shown = last_user_message(request).count("\n[")
            return {"order": list(range(shown + 1, 0, -1))}

        server.responder = reverse
        settings = Settings(  # type: ignore[call-arg]
            _env_file=None,
            data_dir=args.data_dir,
            llm_base_url=server.base_url,
            llm_model="fake-chat",
        )
        chat = make_chat_model(settings)
        assert chat is not None
        plain = service.retriever
        reranking = RerankingRetriever(
            plain, LLMReranker(chat, settings.prompts_dir), args.candidates
        )
        for question in questions[:2]:  # warm-up: model, HNSW, HTTP connection
            plain.search(question, 8, filters)
            reranking.search(question, 8, filters)
        times: dict[str, list[float]] = {"hybrid": [], "hybrid + LLM rerank": []}
        searchers = {"hybrid": plain, "hybrid + LLM rerank": reranking}
        turn = 0
        for _ in range(args.repeats):
            for question in questions:
                names = list(searchers) if turn % 2 == 0 else list(searchers)[::-1]
                turn += 1
                for name in names:
                    started = time.perf_counter()
                    searchers[name].search(question, 8, filters)
                    times[name].append((time.perf_counter() - started) * 1000)
    for name, values in times.items():
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"{name:<20} median {statistics.median(values):6.1f} ms  p95 {p95:6.1f} ms")
    added = [b - a for a, b in zip(times["hybrid"], times["hybrid + LLM rerank"], strict=True)]
    # per question, in the same turn: the neighbours' load hits both alike
    median = statistics.median(added)
    print(f"added by reranking  median {median:6.1f} ms (fake server: no model time)")


if __name__ == "__main__":
    main()
