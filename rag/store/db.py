"""Database plumbing shared by the registry stores: connections, transactions, rows.

Kept apart from the tables: each store (documents, keys, audit, conversations, jobs, proposals,
drafts, versions) is a small :class:`Store` over one shared :class:`Database`, and the
:class:`~rag.store.registry.Registry` holds one of each.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self, overload

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult

# A migration is a sequence of SQL statements; migration N (1-based) lives at index N-1.
Migration = Sequence[str]

# Seconds a writer waits for another process (e.g. a CLI ingest next to the API) to commit.
BUSY_TIMEOUT_S = 30.0
# Any constant all processes agree on: the PostgreSQL advisory lock of Database.exclusive().
_PG_LOCK_KEY = 0x7469656B


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


class Row(Sequence[Any]):
    """A result row read by position (``row[0]``) or by column name (``row["title"]``)."""

    __slots__ = ("_index", "_values")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        # PostgreSQL returns bytea as memoryview; SQLite returns bytes: one type for callers.
        self._values = tuple(bytes(v) if isinstance(v, memoryview) else v for v in values)
        self._index = index

    @overload
    def __getitem__(self, key: int | str) -> Any: ...
    @overload
    def __getitem__(self, key: slice) -> tuple[Any, ...]: ...
    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


class Cursor:
    """What ``Connection.execute`` returns: rows, and how many rows a change touched."""

    def __init__(self, result: CursorResult[Any]) -> None:
        self.rowcount = max(result.rowcount, 0)
        self._rows: list[Row] = []
        if result.returns_rows:
            index = {name: i for i, name in enumerate(result.keys())}
            self._rows = [Row(tuple(r), index) for r in result.fetchall()]

    def fetchone(self) -> Row | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Row]:
        return self._rows

    def scalar(self) -> Any:
        """The first column of the first row (e.g. the id an ``INSERT ... RETURNING`` made)."""
        if not self._rows:
            raise RegistryError("the statement returned no row")
        return self._rows[0][0]

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)


def _to_driver(sql: str, postgres: bool) -> str:
    """The stores write ``?`` placeholders (SQLite's); psycopg wants ``%s`` and ``%%``."""
    if not postgres:
        return sql
    parts = sql.split("'")  # even parts are outside string literals
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("%", "%%").replace("?", "%s")
    return "'".join(parts)


def _params(values: Sequence[Any]) -> tuple[Any, ...]:
    # Booleans are stored as 0/1 integers on both databases (PostgreSQL refuses bool there).
    return tuple(int(v) if isinstance(v, bool) else v for v in values)


class Connection:
    """One database connection inside a transaction, with the sqlite3-style calls the stores use."""

    def __init__(self, connection: sa.Connection) -> None:
        self.sa = connection
        self._postgres = connection.dialect.name == "postgresql"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        result = self.sa.exec_driver_sql(_to_driver(sql, self._postgres), _params(params))
        return Cursor(result)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Cursor:
        batch = [_params(r) for r in rows]
        if not batch:
            return Cursor(self.sa.exec_driver_sql("SELECT 1 WHERE 1 = 0"))
        return Cursor(self.sa.exec_driver_sql(_to_driver(sql, self._postgres), batch))


def database_url(target: Path | str) -> str:
    """A SQLAlchemy URL: a path means a SQLite file; ``postgresql://`` uses psycopg 3."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).absolute()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL, far fewer fsyncs
    cursor.close()


class Database:
    """One SQLite file or PostgreSQL database used from many threads (SQLAlchemy Core).

    Connections come from SQLAlchemy's pool, in autocommit mode: a read takes one for the
    statement, a write transaction holds one and issues ``BEGIN`` itself. On SQLite that is
    ``BEGIN IMMEDIATE`` (with WAL), so concurrent writers queue on the busy timeout instead of
    failing with "database is locked"; on PostgreSQL rows are locked as usual.
    """

    def __init__(self, target: Path | str) -> None:
        if str(target) in (":memory:", "sqlite://", "sqlite:///:memory:"):
            # Every pooled connection would get its own empty in-memory database.
            raise RegistryError("the registry needs a file path or a database URL, not ':memory:'")
        self.url = database_url(target)
        parsed = sa.make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path: Path | None = Path(parsed.database or "") if self.is_sqlite else None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        options: dict[str, Any] = {}
        if self.is_sqlite:
            options["connect_args"] = {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
        else:
            # A server may drop idle connections; the API's thread pool asks for many at once.
            options.update(pool_pre_ping=True, pool_size=10, max_overflow=30)
        self.engine = sa.create_engine(self.url, isolation_level="AUTOCOMMIT", **options)
        if self.is_sqlite:
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._local = threading.local()
        self._closed = False

    @property
    def where(self) -> str:
        """The database for messages: the file path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return sa.make_url(self.url).render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def _check_open(self) -> None:
        if self._closed:
            raise RegistryError(f"registry {self.where} is closed")

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction; nested calls join the outer one (all or nothing)."""
        with self._pooled() as (conn, joined):
            if joined:
                yield conn
                return
            conn.sa.exec_driver_sql("BEGIN IMMEDIATE" if self.is_sqlite else "BEGIN")
            self._local.tx = conn
            try:
                yield conn
            except BaseException:
                self._local.tx = None
                conn.sa.exec_driver_sql("ROLLBACK")
                raise
            self._local.tx = None
            try:
                conn.sa.exec_driver_sql("COMMIT")
            except BaseException:
                conn.sa.exec_driver_sql("ROLLBACK")
                raise

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        """The open transaction's connection on this thread, or a pooled one in autocommit."""
        with self._pooled() as (conn, _joined):
            yield conn

    @contextmanager
    def _pooled(self) -> Iterator[tuple[Connection, bool]]:
        """This thread's open transaction (joined=True), else a connection from the pool."""
        current: Connection | None = getattr(self._local, "tx", None)
        if current is not None:
            yield current, True
            return
        self._check_open()
        with self.engine.connect() as raw:
            yield Connection(raw), False

    @contextmanager
    def exclusive(self) -> Iterator[sa.Connection]:
        """A SQLAlchemy connection in one transaction that no other such one overlaps.

        For whole-database work (migrations, copies): SQLite's write lock is taken at once by
        ``BEGIN IMMEDIATE``; on PostgreSQL a transaction-scoped advisory lock does the same.
        """
        self._check_open()
        with self.engine.connect() as connection:
            if self.is_sqlite:
                connection.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    yield connection
                except BaseException:
                    connection.exec_driver_sql("ROLLBACK")
                    raise
                connection.exec_driver_sql("COMMIT")
                return
            connection = connection.execution_options(isolation_level="READ COMMITTED")
            with connection.begin():
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
                yield connection

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self.connection() as conn:
            return conn.execute(sql, params).fetchall()

    def _migrate(self, migrations: Sequence[Migration]) -> int:
        """Bring a numbered-SQL schema to ``len(migrations)``; returns the resulting version.

        The sync state still uses this; the registry did until it moved to Alembic, and an
        install created then is first brought to its last numbered version this way.
        """
        with self.transaction() as conn:
            # Inside BEGIN IMMEDIATE, so two processes opening a new file cannot both migrate.
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = int((row[0] if row else 0) or 0)
            if current > len(migrations):
                raise RegistryError(
                    f"{self.where} has schema version {current}, newer than this tiekartta "
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
        """Close every pooled connection; the object is unusable afterwards."""
        self._closed = True
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def time_window(column: str, before: str, since: str | None) -> tuple[str, list[str]]:
    """A WHERE condition and its parameters for ``since <= column < before`` (UTC ISO text;
    no lower bound without ``since``)."""
    if since is None:
        return f"{column} < ?", [before]
    return f"{column} >= ? AND {column} < ?", [since, before]


class Store:
    """One group of tables over the shared database (what the registry holds as attributes)."""

    def __init__(self, db: Database, write_mask: Callable[[str], str] | None = None) -> None:
        self.db = db
        # Raw text kept 0 days: people's free text is masked before it is ever written.
        self._write_mask = write_mask

    def _text_to_store(self, text: str) -> str:
        """A person's free text as this store may write it (masked when the registry says so)."""
        return self._write_mask(text) if self._write_mask is not None else text

    def _mask_aged_text(
        self,
        table: str,
        key: str,
        columns: Sequence[str],
        time_column: str,
        before: str,
        mask: Callable[[str], str],
        since: str | None,
    ) -> int:
        """Pass the free-text ``columns`` of ``table`` rows whose ``time_column`` lies in
        ``[since, before)`` through ``mask`` (the aging pass: the same fields ``_text_to_store``
        masks on writing); returns how many rows changed (0 when run again)."""
        window, params = time_window(time_column, before, since)
        rows = self._read(f"SELECT {key}, {', '.join(columns)} FROM {table} WHERE {window}", params)
        changed = []
        for row in rows:
            masked = [mask(row[column]) for column in columns]
            if masked != [row[column] for column in columns]:
                changed.append((*masked, row[key]))
        if changed:
            assignments = ", ".join(f"{column} = ?" for column in columns)
            with self.transaction() as conn:
                conn.executemany(f"UPDATE {table} SET {assignments} WHERE {key} = ?", changed)
        return len(changed)

    def transaction(self) -> AbstractContextManager[Connection]:
        """A write transaction; nested calls, also from another store, join the outer one."""
        return self.db.transaction()

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self.db._read(sql, params)
