"""Copy every row of the registry from one database to another (``tiekartta db copy``).

Used to move an embedded SQLite install to PostgreSQL (or back, or to a backup file). Both
sides are first brought to the current schema, rows move table by table in foreign-key order
inside one transaction on the target, and each table's count is compared afterwards. A target
that already holds rows is refused unless ``replace`` is given, so a typo in a URL cannot merge
two installations.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from rag.store.db import Database, RegistryError
from rag.store.schema_upgrade import upgrade_schema
from rag.store.tables import metadata

BATCH_ROWS = 2000


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int


def _count(connection: sa.Connection, table: sa.Table) -> int:
    return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar() or 0)


def _reset_sequences(connection: sa.Connection) -> None:
    """After explicit ids went in, PostgreSQL's SERIAL counters must continue after them."""
    for table in metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is True:
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'),"
                    f" COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
                )


def copy_database(source: Database, target: Database, replace: bool = False) -> list[TableCount]:
    """Copy all rows; returns per table the source and target counts (always equal on return)."""
    upgrade_schema(source)
    upgrade_schema(target)
    tables = metadata.sorted_tables  # parents before children
    with target.exclusive() as out:
        filled = [t.name for t in tables if _count(out, t)]
        if filled and not replace:
            raise RegistryError(
                f"{target.where} already holds rows (in {', '.join(filled)}); "
                "copy into an empty database or pass --replace"
            )
        for table in reversed(tables):
            out.execute(table.delete())
        with source.engine.connect() as into:
            for table in tables:
                rows = into.execute(sa.select(table)).mappings()
                while batch := rows.fetchmany(BATCH_ROWS):
                    out.execute(table.insert(), [dict(r) for r in batch])
        if target.dialect == "postgresql":
            _reset_sequences(out)
    counts = []
    with source.engine.connect() as left, target.engine.connect() as right:
        for table in tables:
            counts.append(TableCount(table.name, _count(left, table), _count(right, table)))
    wrong = [c for c in counts if c.source != c.target]
    if wrong:
        raise RegistryError(
            "copy incomplete: "
            + ", ".join(f"{c.table} {c.target} of {c.source} rows" for c in wrong)
        )
    return counts
