"""SQLite plumbing shared by the registry stores: connections, transactions, migrations.

Kept apart from the tables: each store (documents, keys, audit, conversations, jobs, proposals,
drafts, versions) is a small :class:`Store` over one shared :class:`Database`, and the
:class:`~rag.store.registry.Registry` holds one of each.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

# A migration is a sequence of SQL statements; migration N (1-based) lives at index N-1.
Migration = Sequence[str]
Row = sqlite3.Row

# Seconds a writer waits for another process (e.g. a CLI ingest next to the API) to commit.
BUSY_TIMEOUT_S = 30.0


class RegistryError(Exception):
    """A registry operation cannot be done; the message says why in plain words."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_utc(moment: datetime) -> str:
    """UTC ISO-8601 with fixed width, so stored timestamps compare correctly as text.

    A naive datetime is taken to be UTC already.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def now_iso() -> str:
    return iso_utc(utc_now())


def to_json(value: Any) -> str:
    # default=str: a Path or datetime in audit details should be recorded, not crash the request.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class Database:
    """One SQLite file used from many threads.

    Each thread gets its own connection (sqlite3 connections must not be shared while in
    use); WAL lets readers proceed while one writer commits, and ``BEGIN IMMEDIATE`` makes
    concurrent writers queue on the busy timeout instead of failing with "database is locked".
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if str(path) == ":memory:":
            # Every thread would get its own empty in-memory database.
            raise RegistryError("the registry needs a file path, not ':memory:'")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._closed = False

    def _conn(self) -> sqlite3.Connection:
        """The calling thread's connection, opened on first use."""
        if self._closed:
            raise RegistryError(f"registry {self.path} is closed")
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves (see transaction()).
            # check_same_thread=False only so close() may close it from another thread.
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, far fewer fsyncs
            self._local.conn = conn
            with self._all_lock:
                self._all.append(conn)
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; nested calls join the outer one (all or nothing)."""
        conn = self._conn()
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self._conn().execute(sql, params).fetchall()

    def _migrate(self, migrations: Sequence[Migration]) -> int:
        """Bring the schema to ``len(migrations)``; returns the resulting version."""
        with self.transaction() as conn:
            # Inside BEGIN IMMEDIATE, so two processes opening a new file cannot both migrate.
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            current = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] or 0
            if current > len(migrations):
                raise RegistryError(
                    f"{self.path} has schema version {current}, newer than this tiekartta "
                    f"understands ({len(migrations)}); upgrade tiekartta"
                )
            for version in range(current + 1, len(migrations) + 1):
                for statement in migrations[version - 1]:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                    (version, now_iso()),
                )
        return len(migrations)

    @property
    def schema_version(self) -> int:
        row = self._read("SELECT MAX(version) FROM schema_version")[0]
        return int(row[0] or 0)

    def close(self) -> None:
        """Close every thread's connection; the object is unusable afterwards."""
        self._closed = True
        with self._all_lock:
            for conn in self._all:
                conn.close()
            self._all.clear()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Store:
    """One group of tables over the shared database (what the registry holds as attributes)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction; nested calls, also from another store, join the outer one."""
        return self.db.transaction()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self.db._read(sql, params)
