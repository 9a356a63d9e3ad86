"""The unlabelled OmaStadi proposals as a pool for semi-supervised classifier experiments.

    PYTHONPATH=. nice -n 10 OMP_WAIT_POLICY=passive python -m bench.classify_pool \
        --data ../shared/data --cache-dir /tmp/tiekartta-labels [--limit N] [--write-jsonl F]

Reads `omastadi/proposals.csv` (one proposal per round + id, the first row of a repeated id),
writes each as the labelled set writes its OmaStadi items (title, newline, description, cut
near 800 characters at a sentence end), leaves out every proposal that is in the dev set
(matched by the `#round=R&id=N` fragment of its `source_url`) and embeds the rest once into
the content-hash cache in ``--cache-dir`` (``classify_cache.sqlite``), so the other bench
scripts read the vectors from there instead of embedding 4,400 texts again (~20 min on 2
cores).
"""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from pathlib import Path

from bench.common import arguments
from rag.classify.pool import cut
from rag.core.settings import Settings
from rag.embeddings import make_embeddings
from rag.embeddings.cache import EmbeddingCache

_FRAGMENT = re.compile(r"round=(\d+)&id=(\d+)")


def dev_keys(gold: Path) -> set[tuple[str, str]]:
    """(round, id) of every OmaStadi proposal in a labelled JSONL file."""
    keys = set()
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            url = json.loads(line).get("source_url", "")
            match = _FRAGMENT.search(url)
            if match and "mapping_citizen_voices" in url:
                keys.add((match.group(1), match.group(2)))
    return keys


def omastadi_pool(data: Path, exclude: set[tuple[str, str]]) -> list[str]:
    """Texts of the distinct OmaStadi proposals not in ``exclude``, in file order."""
    seen: set[tuple[str, str]] = set()
    texts: list[str] = []
    with (data / "omastadi" / "proposals.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = (row["round"], row["id"])
            if key in seen:
                continue
            seen.add(key)
            text = f"{row['title'].strip()}\n{row['texts'].strip()}".strip()
            if key not in exclude and text:
                texts.append(cut(text))
    return texts


def pool_texts(data: Path) -> list[str]:
    """The pool used by the bench scripts: OmaStadi minus the dev set's OmaStadi items."""
    return omastadi_pool(data, dev_keys(data / "proposals-dev.jsonl"))


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/tiekartta-labels"))
    parser.add_argument("--limit", type=int, default=None, help="the first N texts only")
    parser.add_argument(
        "--write-jsonl",
        type=Path,
        default=None,
        help="also write the texts here (for TIEKARTTA_CLASSIFY_POOL_FILE)",
    )
    args = parser.parse_args(argv)
    texts = pool_texts(args.data)[: args.limit]
    if args.write_jsonl:
        args.write_jsonl.write_text(
            "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts),
            encoding="utf-8",
        )
    cache = EmbeddingCache.in_data_dir(make_embeddings(Settings()), args.cache_dir)
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"\r{done}/{total} {time.perf_counter() - started:.0f} s", end="", file=sys.stderr)

    cache.passages(texts, progress=progress)
    print(
        f"\n{len(texts)} pool texts; embedded {cache.stats.misses}, cached {cache.stats.hits}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
