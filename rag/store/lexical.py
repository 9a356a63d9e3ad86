"""BM25 search over chunks, kept in step with Chroma (a `ChunkIndex`); shared by processes.

The corpus (each chunk's analysed tokens) and its generation live in the registry database
(`lexical_corpus.py`: the SQLite file or PostgreSQL), so every process sees each change. bm25s
indexes are static: a process builds one from the corpus and keeps it as a local cache, in
memory and, when given a `cache_dir`, on disk:

- `<cache_dir>/bm25/<build>/`: a bm25s index plus `ids.json` (row -> chunk id), published by an
  `os.replace` of `bm25/current.json`, which names the build and the corpus stamp it reflects.

Every search first reads the corpus state (one indexed single-row read); when its stamp is not
the one of the build in memory, the saved build is loaded if it matches, else the index is
rebuilt from the corpus. A missing or damaged build is rebuilt silently. A corpus made by an
older analyzer sets `needs_rebuild`: the caller then rebuilds from Chroma with
`rebuild(vector_store.all_chunks())`.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import bm25s
import numpy as np

from rag.core.documents import Chunk
from rag.store.db import Database
from rag.store.lexical_corpus import EMPTY, CorpusRow, CorpusState, LexicalCorpus
from rag.store.schema_upgrade import upgrade_schema
from rag.store.text_analysis import (
    ANALYZER_VERSION,
    QueryWord,
    Vocabulary,
    analyze_document,
    analyze_query,
    char_ngrams,
)

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

    At start-up: `if index.needs_rebuild: index.rebuild(vectors.all_chunks())`, and also when
    the corpus count differs from Chroma's (a new database may lag behind an existing Chroma).
    """

    def __init__(
        self, db: Database, cache_dir: Path | None = None, options: LexicalOptions | None = None
    ) -> None:
        """`db` must be at the head schema revision (the registry's database is)."""
        self.corpus = LexicalCorpus(db)
        self.options = options or LexicalOptions()
        self._build_dir = None if cache_dir is None else Path(cache_dir) / "bm25"
        if self._build_dir is not None:
            self._build_dir.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._built: _Built | None = None
        self._built_stamp: str | None = None
        self.needs_rebuild = self.corpus.outdated()

    @classmethod
    def open(
        cls,
        target: Path | str,
        cache_dir: Path | None = None,
        options: LexicalOptions | None = None,
    ) -> LexicalIndex:
        """An index on a database of its own (a SQLite path or a URL), created or migrated."""
        db = Database(target)
        upgrade_schema(db)
        return cls(db, cache_dir, options)

    def adopt_file_corpus(self, path: Path) -> int:
        """Move the rows of a `corpus.sqlite3` written before the corpus was in the database
        (see `LexicalCorpus.adopt_file`); returns how many rows moved."""
        moved = self.corpus.adopt_file(path)
        self.needs_rebuild = self.corpus.outdated()
        return moved

    # -- the corpus ---------------------------------------------------------------------------
    def _write(self, chunks: list[Chunk], replace_all: bool) -> None:
        # Analysis, the slow part, runs before the transaction.
        rows = [
            CorpusRow(c.chunk_id, c.doc_id, " ".join(analyze_document(index_text(c), c.language)))
            for c in chunks
        ]
        self.corpus.put(rows, replace_all)

    def add(self, chunks: list[Chunk]) -> None:
        """Index chunks; a chunk id already present is replaced."""
        if chunks:
            self._write(chunks, replace_all=False)

    def delete_document(self, doc_id: str) -> None:
        """Remove every chunk of a document."""
        self.corpus.delete_document(doc_id)

    def clear(self) -> None:
        """Remove everything."""
        self._write([], replace_all=True)

    def rebuild(self, chunks: list[Chunk]) -> None:
        """Replace everything with `chunks` (e.g. `ChromaVectorStore.all_chunks()`) in one
        transaction, so a crash leaves the old corpus or the new one, never a mix."""
        self._write(chunks, replace_all=True)
        self.needs_rebuild = False

    def count(self) -> int:
        return self.corpus.count()

    def doc_chunk_ids(self, doc_id: str) -> list[str]:
        return self.corpus.doc_chunk_ids(doc_id)

    def state(self) -> CorpusState:
        """The corpus generation and stamp (changed by every write of any process)."""
        return self.corpus.state()

    # -- the built bm25s index ----------------------------------------------------------------
    def refresh(self) -> None:
        """Build the bm25s index now (e.g. after an ingest run), so no search waits for it."""
        self._snapshot()

    def _snapshot(self) -> _Built | None:
        """The built index of the current corpus: in memory, loaded from disk, or rebuilt."""
        state = self.corpus.state()  # outside the lock: searches do not queue on the database
        with self._lock:
            if self._built_stamp != state.stamp:
                # Read again: another thread may have built a newer state while this one waited.
                state = self.corpus.state()
            if self._built_stamp != state.stamp:
                self._built = None if state == EMPTY else self._load(state) or self._build(state)
                self._built_stamp = state.stamp
            return self._built

    def _load(self, state: CorpusState) -> _Built | None:
        if self._build_dir is None:
            return None
        try:
            pointer = json.loads((self._build_dir / "current.json").read_text("utf-8"))
            if pointer["stamp"] != state.stamp or pointer["options"] != self.options.signature:
                return None
            folder = self._build_dir / pointer["dir"]
            model = bm25s.BM25.load(folder, show_progress=False)
            ids = json.loads((folder / "ids.json").read_text("utf-8"))
            if len(ids) != model.scores["num_docs"]:
                return None
            return _Built(model, ids, Vocabulary(model.vocab_dict))
        except Exception:  # missing or damaged in any way: rebuilt from the corpus
            return None

    def _build(self, state: CorpusState) -> _Built | None:
        # Read after `state`: a write in between makes the rows newer than the stamp they are
        # labelled with, and the next search sees another stamp and builds again (never the
        # other way round, which would keep a stale build).
        rows = self.corpus.rows_for_build()
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
            self._save(model, ids, state)
        except OSError as exc:  # e.g. a full disk: search on; the next process rebuilds
            logger.warning("cannot save the BM25 index under %s: %s", self._build_dir, exc)
        return _Built(model, ids, Vocabulary(model.vocab_dict))

    def _save(self, model: bm25s.BM25, ids: list[str], state: CorpusState) -> None:
        """Write the build to a new directory, then publish it by replacing the pointer file."""
        if self._build_dir is None:
            return
        name = f"g{state.generation}-{uuid.uuid4().hex[:8]}"
        tmp = self._build_dir / f"tmp-{name}"
        model.save(tmp, show_progress=False)
        (tmp / "ids.json").write_text(json.dumps(ids, ensure_ascii=False), "utf-8")
        os.replace(tmp, self._build_dir / name)
        pointer = self._build_dir / f"tmp-{name}.json"
        with open(pointer, "w", encoding="utf-8") as f:
            pointer_data = {"dir": name, "stamp": state.stamp, "options": self.options.signature}
            json.dump(pointer_data, f)
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
            present = self.corpus.tokens_of(chunk_ids)
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
