"""The lexical corpus in the registry database: each chunk's analysed tokens and a generation.

Every process that searches reads the same rows (SQLite file or PostgreSQL), so nothing of the
lexical index needs a shared data directory; a process builds its own bm25s index from the rows
and keeps it as a cache keyed by the state's stamp (``lexical.py``).

Each write is one transaction that first bumps the single ``lexical_state`` row. On PostgreSQL
that upsert holds the row's lock until commit, so concurrent writers queue behind it; on SQLite
the transaction is ``BEGIN IMMEDIATE`` (one writer at a time). No write is lost either way.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rag.store.db import Connection, Store
from rag.store.text_analysis import ANALYZER_VERSION

logger = logging.getLogger(__name__)

_UPSERT = (
    "INSERT INTO lexical_chunks (chunk_id, doc_id, tokens, analyzer) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (chunk_id) DO UPDATE SET doc_id = excluded.doc_id, tokens = excluded.tokens, "
    "analyzer = excluded.analyzer"
)
_BUMP = (
    "INSERT INTO lexical_state (id, generation, stamp) VALUES (1, 1, ?) "
    "ON CONFLICT (id) DO UPDATE SET generation = lexical_state.generation + 1, "
    "stamp = excluded.stamp"
)


@dataclass(frozen=True)
class CorpusState:
    """What a cached build is checked against: ``stamp`` changes with every write."""

    generation: int
    stamp: str


EMPTY = CorpusState(0, "")  # before the first write


@dataclass(frozen=True)
class CorpusRow:
    chunk_id: str
    doc_id: str
    tokens: str  # analysed tokens joined by spaces (tokens never contain one)


class LexicalCorpus(Store):
    """The rows of ``lexical_chunks`` and ``lexical_state`` on the registry's database."""

    # -- reads ----------------------------------------------------------------------------------
    def state(self) -> CorpusState:
        """One indexed single-row read, made before every search."""
        rows = self._read("SELECT generation, stamp FROM lexical_state WHERE id = 1")
        return CorpusState(int(rows[0][0]), str(rows[0][1])) if rows else EMPTY

    def rows_for_build(self) -> list[tuple[str, str]]:
        """(chunk id, tokens) of every chunk, in a fixed order (ties in scores stay stable)."""
        with self.db.connection() as conn:
            result = conn.sa.exec_driver_sql(
                "SELECT chunk_id, tokens FROM lexical_chunks ORDER BY chunk_id"
            )
            return [(str(r[0]), str(r[1])) for r in result]

    def tokens_of(self, chunk_ids: Sequence[str]) -> set[str]:
        """Every token of the given chunks."""
        marks = ",".join("?" * len(chunk_ids))
        sql = f"SELECT tokens FROM lexical_chunks WHERE chunk_id IN ({marks})"
        return {t for (text,) in self._read(sql, list(chunk_ids)) for t in text.split()}

    def count(self) -> int:
        return int(self._read("SELECT COUNT(*) FROM lexical_chunks")[0][0])

    def doc_chunk_ids(self, doc_id: str) -> list[str]:
        sql = "SELECT chunk_id FROM lexical_chunks WHERE doc_id = ? ORDER BY chunk_id"
        return [r[0] for r in self._read(sql, (doc_id,))]

    def outdated(self) -> bool:
        """Some rows were analysed by another analyzer version: rebuild from the vectors."""
        sql = "SELECT 1 FROM lexical_chunks WHERE analyzer <> ? LIMIT 1"
        return bool(self._read(sql, (ANALYZER_VERSION,)))

    # -- writes (each one transaction that bumps the state first) -------------------------------
    def put(self, rows: Sequence[CorpusRow], replace_all: bool = False) -> None:
        """Insert or replace ``rows``; with ``replace_all`` they become the whole corpus."""
        with self.transaction() as conn:
            _bump(conn)
            if replace_all:
                conn.execute("DELETE FROM lexical_chunks")
            conn.executemany(
                _UPSERT, [(r.chunk_id, r.doc_id, r.tokens, ANALYZER_VERSION) for r in rows]
            )

    def delete_document(self, doc_id: str) -> None:
        # A document that was never indexed (every new one at ingest) leaves the stamp, and so
        # every process's cached build, as it is.
        if not self._read("SELECT 1 FROM lexical_chunks WHERE doc_id = ? LIMIT 1", (doc_id,)):
            return
        with self.transaction() as conn:
            _bump(conn)
            conn.execute("DELETE FROM lexical_chunks WHERE doc_id = ?", (doc_id,))

    # -- the corpus file of earlier versions ----------------------------------------------------
    def adopt_file(self, path: Path) -> int:
        """Move the rows of a ``corpus.sqlite3`` from before the corpus was in the database.

        Done only into an empty corpus and only when the file's analyzer is the current one
        (else the caller rebuilds from the vectors, as for any outdated corpus). The file is
        then renamed ``*.adopted`` (kept, not deleted), so it is read once. Returns the number of
        rows moved; an unreadable file is renamed ``*.unreadable`` and 0 returned.
        """
        if not path.is_file():
            return 0
        try:
            raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
            try:
                meta = dict(raw.execute("SELECT key, value FROM meta").fetchall())
                rows = raw.execute("SELECT chunk_id, doc_id, tokens FROM chunks").fetchall()
            finally:
                raw.close()
        except sqlite3.Error as exc:
            logger.warning("old lexical corpus %s is unreadable (%s); set aside", path, exc)
            _set_aside(path, "unreadable")
            return 0
        moved = 0
        if str(meta.get("analyzer")) == ANALYZER_VERSION and self.count() == 0:
            self.put([CorpusRow(*r) for r in rows])
            moved = len(rows)
        _set_aside(path, "adopted")
        return moved


def _bump(conn: Connection) -> None:
    conn.execute(_BUMP, (uuid.uuid4().hex,))


def _set_aside(path: Path, why: str) -> None:
    try:
        os.replace(path, path.with_name(f"{path.name}.{why}-{time.time():.0f}"))
    except FileNotFoundError:  # another process on the same data directory was first
        return
    for suffix in ("-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
