"""Persisted BM25 index over chunks, kept in step with Chroma (a `ChunkIndex`).

Files under `path`:
- `corpus.sqlite3`: every chunk's analysed tokens and document id; the source of truth, updated
  incrementally. SQLite transactions make each write atomic and crash-safe.
- `bm25/<build>/`: a bm25s index of that corpus plus `ids.json` (row -> chunk id), published by
  an `os.replace` of `bm25/current.json`, which names the build and the corpus generation it
  reflects. bm25s indexes are static, so a change only bumps the generation and the next
  search (or `refresh()`) rebuilds; a new process loads the saved build instead.

A missing or damaged build is rebuilt from the corpus silently. A missing or corrupt corpus, or
one made by an older analyzer, sets `needs_rebuild`: the caller then rebuilds from Chroma with
`rebuild(vector_store.all_chunks())`.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from rag.core.documents import Chunk
from rag.store.text_analysis import (
    ANALYZER_VERSION,
    QueryWord,
    Vocabulary,
    analyze_document,
    analyze_query,
    char_ngrams,
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, tokens TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks (doc_id);
INSERT OR IGNORE INTO meta VALUES ('generation', 0);
"""
logger = logging.getLogger(__name__)
_GRAM = "#"  # prefix of character n-gram terms; no word or identifier token starts with it


@dataclass(frozen=True)
class LexicalOptions:
    """Scoring choices; the defaults are the variant measured best by bench/lexical_only.py."""

    expansion_weight: float = 0.5  # compound / consonant-gradation matches count half; 0 = off
    ngram: int = 0  # also index character n-grams of stems (0 = off)
    ngram_weight: float = 2.0  # weight of a query word's mean n-gram score

    @property
    def signature(self) -> str:
        return f"a{ANALYZER_VERSION}-n{self.ngram}"  # what a saved build depends on


@dataclass(frozen=True)
class WordCoverage:
    """How one query word is held by some chunks (for the 'not found' decision)."""

    word: str
    idf: float
    covered: float  # 1.0 exact stem, expansion_weight via a compound part, 0.0 absent
    known: bool  # the index has the word at all (else its IDF is the maximum)


@dataclass(frozen=True)
class _Built:
    """An immutable built index; searches use it without holding the lock."""

    model: bm25s.BM25
    ids: list[str]
    vocabulary: Vocabulary

    def column(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """Rows containing `term` and their precomputed BM25 term scores."""
        tid = self.model.vocab_dict.get(term)
        s = self.model.scores
        if tid is None or tid + 1 >= len(s["indptr"]):  # bm25s's empty token has no column
            return None
        start, end = s["indptr"][tid], s["indptr"][tid + 1]
        return s["indices"][start:end], s["data"][start:end]

    def idf(self, term: str) -> float:
        """Lucene BM25 IDF of an index term; a term never seen gets the highest IDF."""
        col = self.column(term)
        df = 0 if col is None else len(col[0])
        return math.log(1 + (len(self.ids) - df + 0.5) / (df + 0.5))


def index_text(chunk: Chunk) -> str:
    """What is indexed: the passage with its title and heading, as it is embedded, plus the
    item's body, § and record number, so that every chunk of a § item answers to them."""
    heading = chunk.item_title or chunk.heading
    lead = chunk.title if not heading or heading == chunk.title else f"{chunk.title}\n{heading}"
    item = " ".join(
        p
        for p in (chunk.body, f"§ {chunk.section}" if chunk.section else None, chunk.record_number)
        if p
    )
    return f"{lead}\n{item}\n{chunk.text}" if item else f"{lead}\n{chunk.text}"


class LexicalIndex:
    """BM25 search over chunks with Finnish/Swedish/English analysis; thread-safe.

    At start-up: `if index.needs_rebuild: index.rebuild(vectors.all_chunks())` (a new, empty
    directory needs it too, since Chroma may already hold chunks).
    """

    def __init__(self, path: Path, options: LexicalOptions | None = None) -> None:
        self.path = Path(path)
        self.options = options or LexicalOptions()
        self._db_path = self.path / "corpus.sqlite3"
        self._build_dir = self.path / "bm25"
        self._build_dir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._built: _Built | None = None
        self._built_generation = -1
        self.needs_rebuild = False
        self._db = self._open()

    # -- the corpus ---------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        """Open the corpus; a missing, corrupt or outdated one is started afresh and flagged."""
        existed = self._db_path.exists()
        try:
            db = self._connect()
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
        except sqlite3.DatabaseError:
            # Keep the broken file for inspection, and drop its journal, which SQLite would
            # otherwise replay into the new file.
            os.replace(self._db_path, self._db_path.with_name(f"corpus.corrupt-{time.time():.0f}"))
            for suffix in ("-journal", "-wal", "-shm"):
                Path(f"{self._db_path}{suffix}").unlink(missing_ok=True)
            existed, db = False, self._connect()
        row = db.execute("SELECT value FROM meta WHERE key = 'analyzer'").fetchone()
        self.needs_rebuild = not existed or row is None or row[0] != ANALYZER_VERSION
        return db

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._db_path, timeout=30, check_same_thread=False)
        with db:
            db.executescript(_SCHEMA)
        return db

    def _generation(self) -> int:
        """Bumped by every change, also by other processes sharing the files."""
        return int(
            self._db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
        )

    def _write(self, chunks: list[Chunk], replace_all: bool) -> None:
        # Analysis, the slow part, runs before taking the lock. Tokens never contain spaces, so
        # a space-joined string is a compact and fast encoding.
        rows = [
            (c.chunk_id, c.doc_id, " ".join(analyze_document(index_text(c), c.language)))
            for c in chunks
        ]
        with self._lock, self._db:  # one transaction: all of it is written or none
            if replace_all:
                self._db.execute("DELETE FROM chunks")
                self._db.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('analyzer', ?)", [ANALYZER_VERSION]
                )
            self._db.executemany("INSERT OR REPLACE INTO chunks VALUES (?, ?, ?)", rows)
            self._db.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")

    def add(self, chunks: list[Chunk]) -> None:
        """Index chunks; a chunk id already present is replaced."""
        if chunks:
            self._write(chunks, replace_all=False)

    def delete_document(self, doc_id: str) -> None:
        """Remove every chunk of a document."""
        with self._lock, self._db:
            if self._db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,)).rowcount:
                self._db.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")

    def clear(self) -> None:
        """Remove everything."""
        self._write([], replace_all=True)

    def rebuild(self, chunks: list[Chunk]) -> None:
        """Replace everything with `chunks` (e.g. `ChromaVectorStore.all_chunks()`) in one
        transaction, so a crash leaves the old corpus or the new one, never a mix."""
        self._write(chunks, replace_all=True)
        self.needs_rebuild = False

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0])

    def doc_chunk_ids(self, doc_id: str) -> list[str]:
        with self._lock:
            sql = "SELECT chunk_id FROM chunks WHERE doc_id = ? ORDER BY rowid"
            return [r[0] for r in self._db.execute(sql, (doc_id,))]

    # -- the built bm25s index ----------------------------------------------------------------
    def refresh(self) -> None:
        """Build the bm25s index now (e.g. after an ingest run), so no search waits for it."""
        self._snapshot()

    def _snapshot(self) -> _Built | None:
        """The built index of the current corpus: in memory, loaded from disk, or rebuilt."""
        with self._lock:
            generation = self._generation()
            if self._built_generation != generation:
                self._built = self._load(generation) or self._build(generation)
                self._built_generation = generation
            return self._built

    def _load(self, generation: int) -> _Built | None:
        try:
            pointer = json.loads((self._build_dir / "current.json").read_text("utf-8"))
            if pointer["generation"] != generation or pointer["options"] != self.options.signature:
                return None
            folder = self._build_dir / pointer["dir"]
            model = bm25s.BM25.load(folder, show_progress=False)
            ids = json.loads((folder / "ids.json").read_text("utf-8"))
            if len(ids) != model.scores["num_docs"]:
                return None
            return _Built(model, ids, Vocabulary(model.vocab_dict))
        except Exception:  # missing or damaged in any way: rebuilt from the corpus
            return None

    def _build(self, generation: int) -> _Built | None:
        rows = self._db.execute("SELECT chunk_id, tokens FROM chunks ORDER BY rowid").fetchall()
        # Token ids are made here, not by bm25s: measured twice as fast at 50k chunks.
        vocab: dict[str, int] = {}
        corpus: list[list[int]] = []
        for _, text in rows:
            tokens = text.split()
            if n := self.options.ngram:
                tokens += [_GRAM + g for t in tokens if t.isalpha() for g in char_ngrams(t, n)]
            corpus.append([vocab.setdefault(t, len(vocab)) for t in tokens])
        if not vocab:
            return None  # no chunks, or only empty ones: nothing can match
        model = bm25s.BM25(csc_backend="scipy")
        model.index((corpus, vocab), show_progress=False)
        ids = [r[0] for r in rows]
        try:
            self._save(model, ids, generation)
        except OSError as exc:  # e.g. a full disk: search on; the next process rebuilds
            logger.warning("cannot save the BM25 index under %s: %s", self._build_dir, exc)
        return _Built(model, ids, Vocabulary(model.vocab_dict))

    def _save(self, model: bm25s.BM25, ids: list[str], generation: int) -> None:
        """Write the build to a new directory, then publish it by replacing the pointer file."""
        name = f"g{generation}-{uuid.uuid4().hex[:8]}"
        tmp = self._build_dir / f"tmp-{name}"
        model.save(tmp, show_progress=False)
        (tmp / "ids.json").write_text(json.dumps(ids, ensure_ascii=False), "utf-8")
        os.replace(tmp, self._build_dir / name)
        pointer = self._build_dir / f"tmp-{name}.json"
        with open(pointer, "w", encoding="utf-8") as f:
            json.dump({"dir": name, "generation": generation, "options": self.options.signature}, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(pointer, self._build_dir / "current.json")
        for old in self._build_dir.iterdir():  # older builds and leftovers of crashed saves
            crashed = old.name.startswith("tmp-") and time.time() - old.stat().st_mtime > 600
            if old.is_dir() and old.name != name and (old.name.startswith("g") or crashed):
                shutil.rmtree(old, ignore_errors=True)

    # -- search -------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        k: int,
        allowed: Callable[[str], bool] | None = None,
        languages: list[str] | None = None,
    ) -> list[tuple[str, float]]:
        """The best `k` chunk ids with their BM25 scores, best first.

        `allowed(chunk_id)` filters (e.g. by access level); `languages` are those the query
        words are stemmed in (default fi, sv and en: a query may be in any of them).
        """
        words = analyze_query(query, languages)
        built = self._snapshot()
        if built is None or not words or k <= 0:
            return []
        scores = self._scores(built, words)
        rows = np.flatnonzero(scores > 0)
        hits: list[tuple[str, float]] = []
        for row in rows[np.argsort(-scores[rows], kind="stable")]:
            if allowed is None or allowed(built.ids[row]):
                hits.append((built.ids[row], float(scores[row])))
                if len(hits) == k:
                    break
        return hits

    def _scores(self, built: _Built, words: list[QueryWord]) -> np.ndarray:
        """Sum over the query words of each word's best score over its stems and expansions.

        The best stem, not the sum: a word whose Finnish, Swedish and English stems all occur
        in the index must not count three times.
        """
        size, opts = len(built.ids), self.options
        total = np.zeros(size, dtype=np.float32)
        for word in words:
            best = np.zeros(size, dtype=np.float32)
            for variant in word.variants:
                score = np.zeros(size, dtype=np.float32)
                if (col := built.column(variant)) is not None:
                    score[col[0]] = col[1]
                if opts.expansion_weight and not word.exact:
                    for term in built.vocabulary.expansions(variant):
                        if (col := built.column(term)) is not None:
                            np.maximum.at(score, col[0], opts.expansion_weight * col[1])
                if opts.ngram and not word.exact:
                    grams = char_ngrams(variant, opts.ngram)
                    for gram in grams:
                        if (col := built.column(_GRAM + gram)) is not None:
                            score[col[0]] += opts.ngram_weight * col[1] / len(grams)
                np.maximum(best, score, out=best)
            total += best
        return total

    # -- evidence for a 'not found' decision --------------------------------------------------
    def idf(self, term: str) -> float:
        """BM25 IDF of an index term (a stem or identifier); 0.0 for an empty index."""
        built = self._snapshot()
        return 0.0 if built is None else built.idf(term)

    def query_coverage(
        self, query: str, chunk_ids: list[str], languages: list[str] | None = None
    ) -> float:
        """Share (0..1) of the query's IDF mass whose words occur in the given chunks.

        A word matched only through a compound/gradation expansion counts `expansion_weight`.
        A word the index has never seen carries the highest IDF, so a question about something
        the documents never mention gets a low coverage whatever was retrieved.
        """
        words = self.word_coverage(query, chunk_ids, languages)
        mass = sum(w.idf for w in words)
        covered = sum(w.idf * w.covered for w in words)
        return covered / mass if mass else 0.0

    def word_coverage(
        self, query: str, chunk_ids: list[str], languages: list[str] | None = None
    ) -> list[WordCoverage]:
        """Each query word with its IDF and how far the given chunks hold it (1, 0.5 or 0)."""
        words = analyze_query(query, languages)
        built = self._snapshot()
        if built is None or not words:
            return []
        present: set[str] = set()
        if chunk_ids:
            with self._lock:
                marks = ",".join("?" * len(chunk_ids))
                sql = f"SELECT tokens FROM chunks WHERE chunk_id IN ({marks})"
                present = {t for (text,) in self._db.execute(sql, chunk_ids) for t in text.split()}
        out = []
        for word in words:
            exact = set(word.variants)
            expanded = set().union(*(built.vocabulary.expansions(v) for v in word.variants))
            # A word weighs the IDF of its commonest known form: its stems in the other
            # languages are usually unseen and would inflate it.
            known = [t for t in exact if t in built.model.vocab_dict] or expanded
            weight = min((built.idf(t) for t in known), default=built.idf(""))
            if exact & present:
                covered = 1.0
            elif expanded & present:
                covered = self.options.expansion_weight
            else:
                covered = 0.0
            out.append(WordCoverage(word.surface, weight, covered, bool(known)))
        return out
