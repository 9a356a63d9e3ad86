"""How well BM25 alone ranks documents on the shared QA set, for several analysis variants.

    /work/venv/bin/python -m bench.lexical_only [--data ../shared/data] [--scale 50000]

The corpus is chunked as the pipeline does (1000 characters, 150 overlap, no § structure),
indexed by `LexicalIndex`, and every answerable question of qa-dev.jsonl is searched. Metrics
are over distinct documents in rank order: recall@1, recall@5 (any gold document in the top
5) and MRR. `--scale N` also times a rebuild, a reload and queries at N synthetic chunks.
"""

from __future__ import annotations

import itertools
import json
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import arguments
from ingest.chunker import chunk_document
from ingest.loaders import load_file
from rag.core.documents import Chunk
from rag.store.lexical import LexicalIndex, LexicalOptions


@dataclass(frozen=True)
class Variant:
    name: str
    options: LexicalOptions
    own_language_only: bool = False  # stem the query in its own language only


VARIANTS = (
    Variant("stems, query stemmed in its language", LexicalOptions(0.0), own_language_only=True),
    Variant("stems, query stemmed fi+sv+en", LexicalOptions(0.0)),
    Variant("stems fi+sv+en + compound/gradation", LexicalOptions(0.5)),
    Variant("stems fi+sv+en + char 5-grams", LexicalOptions(0.0, ngram=5)),
    Variant("stems fi+sv+en + compound + 5-grams", LexicalOptions(0.5, ngram=5)),
)


def load_chunks(corpus: Path) -> list[Chunk]:
    chunks: list[Chunk] = []
    for path in sorted(corpus.glob("*.md")):
        for doc in load_file(path):
            chunks.extend(chunk_document(doc, [], 1000, 150))
    return chunks


def ranked_docs(
    index: LexicalIndex, chunk_doc: dict[str, str], question: str, languages: list[str] | None
) -> list[str]:
    """Distinct documents in the rank order of their best chunk."""
    docs: list[str] = []
    for chunk_id, _ in index.search(question, 100, languages=languages):
        if chunk_doc[chunk_id] not in docs:
            docs.append(chunk_doc[chunk_id])
    return docs


def evaluate(variant: Variant, chunks: list[Chunk], questions: list[dict]) -> dict[str, float]:
    chunk_doc = {c.chunk_id: c.doc_id for c in chunks}
    with tempfile.TemporaryDirectory() as tmp:
        index = LexicalIndex.open(Path(tmp) / "registry.sqlite3", Path(tmp), variant.options)
        index.rebuild(chunks)
        index.refresh()
        recall1 = recall5 = mrr = 0.0
        times = []
        for q in questions:
            languages = [q["language"]] if variant.own_language_only else None
            start = time.perf_counter()
            docs = ranked_docs(index, chunk_doc, q["question"], languages)
            times.append(time.perf_counter() - start)
            gold = set(q["gold_docs"])
            recall1 += bool(docs[:1] and docs[0] in gold)
            recall5 += bool(gold & set(docs[:5]))
            mrr += next((1 / rank for rank, d in enumerate(docs, 1) if d in gold), 0.0)
    n = len(questions)
    return {
        "recall@1": round(recall1 / n, 3),
        "recall@5": round(recall5 / n, 3),
        "mrr": round(mrr / n, 3),
        "query_ms_median": round(1000 * statistics.median(times), 2),
    }


def synthetic(chunks: list[Chunk], size: int, seed: int = 7) -> list[Chunk]:
    """`size` chunks of ~1000 characters: real sentences mixed with Zipf-distributed invented
    words, so the vocabulary grows with the corpus as real text does."""
    rng = random.Random(seed)
    sentences = [s for c in chunks for s in c.text.split(". ") if len(s) > 20]
    letters = "aeiouyäölkmnprstvhjdg"
    invented = ["".join(rng.choices(letters, k=rng.randint(6, 14))) for _ in range(200_000)]
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(invented))))
    result = []
    for i in range(size):
        text = ". ".join(rng.choices(sentences, k=6))[:850]
        text += " " + " ".join(rng.choices(invented, cum_weights=cumulative, k=20))
        lang = "sv" if i % 5 == 0 else "fi"
        result.append(Chunk(f"s{i // 10}:{i % 10}", f"s{i // 10}", i % 10, text, lang, "Otsikko"))
    return result


def timings(chunks: list[Chunk], size: int, options: LexicalOptions) -> dict[str, float]:
    corpus = synthetic(chunks, size)
    queries = [
        "digitiekartan toimenpiteet",
        "Vilka åtgärder finns i färdplanen?",
        "kaupunginhallitus 118/07.01.02/2024 § 25",
        "Kuinka suuren avustuksen Porvoo sai valtiovarainministeriöltä?",
    ]
    result: dict[str, float] = {"chunks": size}
    with tempfile.TemporaryDirectory() as tmp:
        index = LexicalIndex.open(Path(tmp) / "registry.sqlite3", Path(tmp), options)
        start = time.perf_counter()
        index.rebuild(corpus)
        result["analyse_and_store_s"] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        index.search(queries[0], 10)  # first search builds and saves the bm25s index
        result["bm25_build_and_save_s"] = round(time.perf_counter() - start, 2)
        times = []
        for _ in range(5):
            for q in queries:
                start = time.perf_counter()
                index.search(q, 10, allowed=lambda cid: not cid.startswith("s1"))
                times.append(time.perf_counter() - start)
        result["query_ms_median"] = round(1000 * statistics.median(times), 1)
        result["query_ms_max"] = round(1000 * max(times), 1)
        start = time.perf_counter()
        reopened = LexicalIndex.open(Path(tmp) / "registry.sqlite3", Path(tmp), options)
        result["reopen_s"] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        reopened.search(queries[0], 10)  # loads the saved build
        result["reopened_first_search_s"] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        index.add([corpus[0]])
        index.search(queries[0], 10)  # one changed chunk: full rebuild of the bm25s index
        result["add_one_chunk_then_search_s"] = round(time.perf_counter() - start, 2)
        size_mb = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file()) / 1e6
        result["disk_mb"] = round(size_mb, 1)
    return result


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--scale", type=int, default=0, help="also time N synthetic chunks")
    args = parser.parse_args()
    chunks = load_chunks(args.data / "corpus")
    with open(args.data / "qa-dev.jsonl", encoding="utf-8") as f:
        questions = [q for q in map(json.loads, f) if q["gold_docs"]]
    print(f"{len(chunks)} chunks, {len(questions)} answerable questions")
    print("| variant | recall@1 | recall@5 | MRR | query ms |")
    print("| --- | --- | --- | --- | --- |")
    for variant in VARIANTS:
        m = evaluate(variant, chunks, questions)
        print(
            f"| {variant.name} | {m['recall@1']} | {m['recall@5']} | {m['mrr']} "
            f"| {m['query_ms_median']} |"
        )
    if args.scale:
        for variant in (VARIANTS[2], VARIANTS[4]):
            print(variant.name, json.dumps(timings(chunks, args.scale, variant.options)))


if __name__ == "__main__":
    main()
