"""What it costs a process to see a lexical-index change made by another, against corpus size.

    PYTHONPATH=. nice -n 10 python -m bench.lexical_refresh [--data ../shared/data] \
        [--sizes 1000,5000,20000,50000] [--backends sqlite,postgresql] [--postgres-url URL]

Two `LexicalIndex` instances stand for two processes: each has its own connection pool and its
own cache directory, both use one database (a SQLite file, or PostgreSQL: a throwaway cluster
is started with Debian's `postgresql` unless `--postgres-url` is given). The corpus is
synthetic chunks of ~1000 characters made from the sentences of the shared corpus
(`bench.lexical_only.synthetic`). Per backend and size:

- check: the generation read every search makes (median and p95 over 300 reads, no change);
- write: one document of 5 chunks added by the writer (analysis + one transaction; median of 3);
- see: the reader's next search after that write (check, read of the corpus, bm25s build,
  save to its cache directory; median of 3);
- load: a new reader on the same cache directory, first search (loads the saved build);
- search: a search with no change (median over 40, the check included).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.common import arguments
from bench.lexical_only import load_chunks, synthetic
from rag.core.documents import Chunk
from rag.store.lexical import LexicalIndex
from tests.postgres_server import create_database, throwaway_cluster

QUERY = "Kuinka suuren avustuksen kaupunginhallitus myönsi digitiekartan toimenpiteisiin?"


def _ms(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(1000 * (time.perf_counter() - start))
    return times


def _document(n: int, source: list[Chunk]) -> list[Chunk]:
    doc = f"new-{n}"
    return [Chunk(f"{doc}:{i}", doc, i, c.text, c.language, "Uusi") for i, c in enumerate(source)]


def measure(target: str, work: Path, corpus: list[Chunk]) -> dict[str, float]:
    writer = LexicalIndex.open(target, work / "writer")
    reader = LexicalIndex.open(target, work / "reader")
    try:
        start = time.perf_counter()
        writer.rebuild(corpus)
        loaded_s = time.perf_counter() - start
        reader.refresh()
        checks = sorted(_ms(reader.state, 300))
        searches = _ms(lambda: reader.search(QUERY, 10), 40)
        writes, sees = [], []
        for n in range(3):
            document = _document(n, corpus[n * 5 : n * 5 + 5])
            writes += _ms(lambda d=document: writer.add(d), 1)  # type: ignore[misc]
            sees += _ms(lambda: reader.search(QUERY, 10), 1)
        fresh = LexicalIndex.open(target, work / "reader")
        loads = []
        try:
            # The reader saved a build of the current state: a new process only loads it.
            fresh._build = lambda state: sys.exit("the saved build was not used")  # type: ignore[method-assign]
            loads = _ms(lambda: fresh.search(QUERY, 10), 1)
        finally:
            fresh.corpus.db.close()
        return {
            "chunks": len(corpus),
            "rebuild_all_s": round(loaded_s, 1),
            "check_ms_p50": round(statistics.median(checks), 3),
            "check_ms_p95": round(checks[int(0.95 * len(checks))], 3),
            "search_ms_p50": round(statistics.median(searches), 1),
            "write_doc_ms_p50": round(statistics.median(writes), 1),
            "see_change_ms_p50": round(statistics.median(sees), 0),
            "load_saved_ms": round(loads[0], 0),
        }
    finally:
        writer.corpus.db.close()
        reader.corpus.db.close()


@contextmanager
def _databases(backend: str, postgres_url: str | None) -> Iterator[Callable[[Path], str]]:
    """Yields a function that makes a new empty database for one measurement."""
    if backend == "sqlite":
        yield lambda work: str(work / "registry.sqlite3")
        return
    if postgres_url:
        yield lambda _work: create_database(postgres_url)
        return
    with throwaway_cluster() as url:
        yield lambda _work: create_database(url)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sizes", default="1000,5000,20000,50000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--postgres-url", help="a server's maintenance database (else one is started)"
    )
    args = parser.parse_args()
    source = load_chunks(args.data / "corpus")
    sizes = [int(s) for s in args.sizes.split(",")]
    corpora = {size: synthetic(source, size) for size in sizes}
    print(
        "| backend | chunks | rebuild all (s) | check p50 / p95 (ms) | search p50 (ms) |"
        " write 1 doc (ms) | see it elsewhere (ms) | load saved build (ms) | load avg |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for backend in args.backends.split(","):
        with _databases(backend, args.postgres_url) as new_database:
            for size in sizes:
                with tempfile.TemporaryDirectory() as tmp:
                    r = measure(new_database(Path(tmp)), Path(tmp), corpora[size])
                load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
                print(
                    f"| {backend} | {size} | {r['rebuild_all_s']} | {r['check_ms_p50']} / "
                    f"{r['check_ms_p95']} | {r['search_ms_p50']} | {r['write_doc_ms_p50']} | "
                    f"{r['see_change_ms_p50']:.0f} | {r['load_saved_ms']:.0f} | {load} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
