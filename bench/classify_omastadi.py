"""Classify Helsinki's OmaStadi participatory-budgeting proposals as a resumable job.

    OMP_WAIT_POLICY=passive .venv/bin/python -m bench.classify_omastadi \
        [--data ../shared/data] [--limit 200] [--work DIR] [--json-out FILE]

The file goes through the same path as a user's Excel export: the batch reader
(`rag/classify/batch_io.py`, text = title + texts, id = round + id) and the job handler the
CLI runs (`service.proposals.run_here`: checkpoints in SQLite, so an interrupted benchmark resumes
when it is started again with the same --work directory). Reports:

* the theme distribution (primary label, and every label of multi-label results),
* proposals per second for the whole job (reading, classifying, storing, writing the file),
* peak memory of the process (``resource.getrusage``),
* the time the embedding model alone needs for the same texts (embedded directly, with no
  cache, in the same batch size) and the overhead ratio = job time / embedding time - 1,
* a second run of the same file as a new job, counting the texts the model embeds: texts
  already embedded (same content hash) must not be embedded again.

Texts embedded are counted at the embedding backend itself (every backend's ``_encode``), so
the count does not depend on how the classifier caches.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from api.container import Tiekartta
from bench.common import arguments, bench_settings
from rag.classify.batch_io import read_proposals
from rag.classify.jobs import classify_params
from rag.embeddings.base import EmbeddingsBackend

TEXT_COLUMNS = ["title", "texts"]
ID_COLUMNS = ["round", "id"]


class EncodeCounter:
    """Counts the texts every embeddings backend class encodes (passages and queries)."""

    def __init__(self) -> None:
        self.texts = 0
        self.seconds = 0.0  # time spent inside the model (all backends)

    def install(self) -> None:
        # Import every backend module first so that each backend class is wrapped.
        import rag.embeddings.e5_bundled
        import rag.embeddings.openai_compat
        import rag.embeddings.sentence_transformers  # noqa: F401

        pending = list(EmbeddingsBackend.__subclasses__())
        while pending:
            cls = pending.pop()
            pending.extend(cls.__subclasses__())
            original = cls.__dict__.get("_encode")
            if original is not None:
                cls._encode = self._counted(original)  # type: ignore[attr-defined]

    def _counted(self, original: Any) -> Any:
        def counted(backend: Any, texts: list[str], *, is_query: bool) -> np.ndarray:
            self.texts += len(texts)
            started = time.perf_counter()
            try:
                return original(backend, texts, is_query=is_query)
            finally:
                self.seconds += time.perf_counter() - started

        return counted


def peak_memory_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def slice_file(source: Path, limit: int | None, work: Path) -> Path:
    """The first ``limit`` data rows as a CSV of the same form (the whole file when None)."""
    if limit is None:
        return source
    target = work / f"proposals-first-{limit}.csv"
    if not target.exists():  # kept: a resumed run must see the same bytes
        with source.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        with target.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows[: limit + 1])
    return target


def run_job(service: Tiekartta, path: Path, out: Path, counter: EncodeCounter) -> dict[str, Any]:
    params = classify_params(path, TEXT_COLUMNS, ID_COLUMNS, None, None, "offline", out_path=out)
    embedded_before, model_before = counter.texts, counter.seconds
    started = time.perf_counter()
    job, result, resumed = service.proposals.run_here(params)
    seconds = time.perf_counter() - started
    return {
        "job_id": job.job_id,
        "resumed_interrupted_job": resumed,
        "seconds": round(seconds, 2),
        "rows": result["rows"],
        "proposals": result["proposals"],
        "classified_now": result["classified"],
        "already_stored": result["resumed"],
        "repeated_rows": result["repeated_rows"],
        "rejected_rows": result["rejected_rows"],
        "needs_review": result["needs_review"],
        "proposals_per_second": round(result["classified"] / seconds, 2) if seconds else None,
        "texts_embedded": counter.texts - embedded_before,
        "seconds_inside_model": round(counter.seconds - model_before, 2),
        "primary_labels": result["primary_labels"],
    }


def label_distribution(service: Tiekartta, job_id: str) -> dict[str, Any]:
    stored = service.registry.proposals.job_proposals(job_id).values()
    primary = Counter(p.primary for p in stored)
    every = Counter(label for p in stored for label in p.labels)
    multi = sum(len(p.labels) > 1 for p in stored)
    total = max(1, len(stored))
    return {
        "primary": {k: f"{v} ({100 * v / total:.1f} %)" for k, v in sorted(primary.items())},
        "any_label": dict(sorted(every.items())),
        "multi_label": multi,
    }


def embedding_only(
    service: Tiekartta, path: Path, counter: EncodeCounter, text_columns: list[str] = TEXT_COLUMNS
) -> dict[str, Any]:
    """The model alone on the same unique texts, uncached, in the backend's batch size."""
    table = read_proposals(path, text_columns, ID_COLUMNS, service.settings.classify_max_chars)
    # Distinct texts, as the job sends them to the model (ids repeating a text cost nothing).
    texts = list(dict.fromkeys(row.text for row in table.rows))
    backend: Any = service.embeddings
    before = counter.texts
    started = time.perf_counter()
    backend.embed_documents_array(texts)
    seconds = time.perf_counter() - started
    return {
        "texts": len(texts),
        "embedded": counter.texts - before,
        "batch_size": backend.batch_size,
        "seconds": round(seconds, 2),
        "words": sum(len(t.split()) for t in texts),
        "words_per_second": round(sum(len(t.split()) for t in texts) / seconds, 1),
    }


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows")
    parser.add_argument("--work", type=Path, default=None, help="data dir (resumable)")
    parser.add_argument("--json-out", type=Path, default=None)
    parser.add_argument(
        "--only-embedding-pass",
        action="store_true",
        help="just the model-alone pass (e.g. after a run with --skip-embedding-pass)",
    )
    parser.add_argument(
        "--skip-embedding-pass",
        action="store_true",
        help="no separate embedding-only pass (the in-job model time is still reported)",
    )
    args = parser.parse_args()

    source = args.data / "omastadi" / "proposals.csv"
    if not source.is_file():
        sys.exit(f"not found: {source}")
    work = args.work or Path(tempfile.mkdtemp(prefix="tiekartta-omastadi-"))
    work.mkdir(parents=True, exist_ok=True)
    path = slice_file(source, args.limit, work)
    settings = bench_settings(work / "data")
    service = Tiekartta(settings)
    counter = EncodeCounter()
    counter.install()

    # The machine is shared: the load says how much of the 2 cores this run really had.
    report: dict[str, Any] = {
        "file": str(path),
        "work": str(work),
        "load_at_start": os.getloadavg(),
    }

    def emit() -> None:
        if args.json_out:  # written after every stage: a long run leaves partial figures
            args.json_out.write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")

    if args.only_embedding_pass:
        report["embedding_only"] = embedding_only(service, path, counter)
        report["load_at_end"] = os.getloadavg()
        emit()
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    first = run_job(service, path, work / "classified-1.csv", counter)
    report["first_run"] = first
    report["peak_memory_mib"] = round(peak_memory_mib(), 1)
    report["label_distribution"] = label_distribution(service, first["job_id"])
    if first["seconds_inside_model"]:
        # Everything but the model's own compute, relative to it (same texts, same run).
        report["overhead_vs_model_time_in_job"] = round(
            first["seconds"] / first["seconds_inside_model"] - 1, 3
        )
    emit()
    report["second_run_same_file"] = run_job(service, path, work / "classified-2.csv", counter)
    emit()
    if not args.skip_embedding_pass:
        alone = embedding_only(service, path, counter)
        report["embedding_only"] = alone
        if not first["resumed_interrupted_job"]:
            report["overhead_vs_embedding_only"] = round(first["seconds"] / alone["seconds"] - 1, 3)
        emit()
    report["load_at_end"] = os.getloadavg()
    emit()
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
