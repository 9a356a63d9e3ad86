"""The unlabelled OmaStadi proposals as a pool for semi-supervised classifier experiments.

    PYTHONPATH=. nice -n 10 OMP_WAIT_POLICY=passive python bench/classify_pool.py \
        --data ../shared/data --cache-dir /tmp/tiekartta-labels

Reads `omastadi/proposals.csv` (one proposal per round + id, the first row of a repeated id),
writes each as the labelled set writes its OmaStadi items (title, newline, description, cut
near 800 characters at a sentence end), leaves out every proposal that is in the dev set
(matched by the `#round=R&id=N` fragment of its `source_url`) and embeds the rest once into
the content-hash cache in ``--cache-dir`` (``classify_cache.sqlite``), so the other bench
scripts read the vectors from there instead of embedding 4,400 texts again (~20 min on 2
cores).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

from rag.classify.embedding_cache import EmbeddingCache
from rag.core.settings import Settings
from rag.embeddings import make_embeddings

MAX_CHARS = 800
_FRAGMENT = re.compile(r"round=(\d+)&id=(\d+)")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def cut(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` up to ``limit`` characters, ending at the last sentence end (or word) before."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and ends[-1] > limit // 2:
        return head[: ends[-1]]
    return head.rsplit(" ", 1)[0]


def dev_keys(gold: Path) -> set[tuple[str, str]]:
    """(round, id) of every OmaStadi proposal in a labelled JSONL file."""
    keys = set()
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            match = _FRAGMENT.search(json.loads(line).get("source_url", ""))
            if match and "mapping_citizen_voices" in json.loads(line)["source_url"]:
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/tiekartta-labels"))
    args = parser.parse_args(argv)
    texts = pool_texts(args.data)
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
