"""What the offline classifier costs on top of the embedding model, on real proposals.

    PYTHONPATH=. OMP_WAIT_POLICY=passive python -m bench.classify_overhead \
        --csv ../shared/data/omastadi/proposals.csv [--n 200] [--offset 1000]

Times (1) the embedding model alone on the texts, (2) classifying them with an empty
embedding cache (embedding included) and (3) classifying them again, every vector cached:
(3) is everything the classifier adds besides the model. The data directory is a fresh
temporary one, so earlier runs do not help.
"""

from __future__ import annotations

import csv
import tempfile
import time
from pathlib import Path

from bench.common import arguments
from rag.classify.factory import make_classifier
from rag.core.programme import load_programme
from rag.core.settings import Settings
from rag.embeddings import make_embeddings


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--offset", type=int, default=1000)
    args = parser.parse_args(argv)
    with args.csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[args.offset : args.offset + args.n]
    texts = [f"{row.get('title', '')}\n{row.get('texts', '')}".strip() for row in rows]
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(_env_file=None, data_dir=Path(data_dir))  # type: ignore[call-arg]
        classifier = make_classifier(settings, load_programme(settings.programme_file))
        model = make_embeddings(settings)
        start = time.perf_counter()
        model.embed_documents_array(texts)
        embed_only = time.perf_counter() - start
        start = time.perf_counter()
        classifier.classify(texts)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        classifier.classify(texts)
        warm = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} proposals, {words} words")
    print(f"embedding model alone:          {embed_only:6.1f} s ({words / embed_only:.0f} words/s)")
    print(f"classify, empty cache:          {cold:6.1f} s")
    print(
        f"classify, all vectors cached:   {warm:6.1f} s "
        f"({100 * warm / embed_only:.1f} % of the model)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
