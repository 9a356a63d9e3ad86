"""Measure retrieval quality for several chunk sizes on the shared QA set.

    .venv/bin/python -m bench.chunk_size [--sizes 600,1000,1500] [--data ../shared/data]

Each size gets its own temporary data directory: the corpus is ingested with that size and
`eval retrieval` metrics are printed side by side. Used to choose TIEKARTTA_CHUNK_MAX_CHARS.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from api.container import Tiekartta
from bench.common import arguments
from rag.core.documents import ALL_ACCESS
from rag.core.results import SearchFilters
from rag.core.settings import Settings
from rag.evaluate.retrieval import evaluate_retrieval, load_qa

METRICS = (
    "recall@1",
    "recall@5",
    "mrr",
    "answer_contains",
    "unanswerable_refusal",
    "false_refusal",
    "search_ms_median",
)


def run(size: int, data: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"tiekartta-chunk-{size}-") as tmp:
        settings = Settings(
            _env_file=None,
            data_dir=Path(tmp),
            chunk_max_chars=size,  # type: ignore[call-arg]
            chunk_overlap_chars=max(100, size // 7),
        )
        service = Tiekartta(settings)
        report = service.documents.ingest([data / "corpus"])
        filters = SearchFilters(access_levels=ALL_ACCESS)
        scores = evaluate_retrieval(
            load_qa(data / "qa-dev.jsonl"),
            service.retriever.search,
            lambda q, lang: service.answerer.ask(q, filters, [], lang),
            filters,
        )
        result = {k: v for k, v in scores.as_dict().items() if k in METRICS}
        result["chunks"] = report.chunks
        return result


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--sizes", default="600,1000,1500")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    rows = {int(s): run(int(s), args.data) for s in args.sizes.split(",")}
    print(json.dumps(rows, indent=2))
    header = ["chunk_max_chars", "chunks", *METRICS]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for size, row in rows.items():
        print(
            "| "
            + " | ".join([str(size), str(row["chunks"])] + [str(row[m]) for m in METRICS])
            + " |"
        )


if __name__ == "__main__":
    main()
