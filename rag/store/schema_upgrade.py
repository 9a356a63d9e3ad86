"""Bring a registry database to the current schema (Alembic), also one made by older code.

Before Alembic the registry kept numbered SQL migrations (``schema.py``) and their count in a
``schema_version`` table. Such a file is first brought to the last numbered version, then
marked as Alembic's first revision (the two schemas are equal), and the old table is dropped.
Every step runs under ``Database.exclusive()``, so two processes opening a new database never
both migrate it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from rag.store import migrations
from rag.store.db import Database, RegistryError
from rag.store.schema import MIGRATIONS

# The revision whose schema equals the last numbered SQL migration.
FIRST_REVISION = "0001"


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str:
    """The newest revision this code knows."""
    head = _scripts().get_current_head()
    assert head is not None
    return head


def current_revision(connection: sa.Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def _adopt_numbered_schema(connection: sa.Connection, where: str) -> None:
    """A database from before Alembic: finish its numbered migrations, then stamp it."""
    tables = set(sa.inspect(connection).get_table_names())
    if "schema_version" not in tables or "alembic_version" in tables:
        return
    done = connection.exec_driver_sql("SELECT MAX(version) FROM schema_version").scalar() or 0
    if done > len(MIGRATIONS):
        raise RegistryError(
            f"{where} has schema version {done}, newer than this tiekartta understands "
            f"({len(MIGRATIONS)}); upgrade tiekartta"
        )
    for statements in MIGRATIONS[done:]:
        for statement in statements:
            connection.exec_driver_sql(statement)
    command.stamp(_config(connection), FIRST_REVISION)
    connection.exec_driver_sql("DROP TABLE schema_version")


def upgrade_schema(db: Database) -> str:
    """Migrate ``db`` to the head revision if it is behind; returns the revision it is at."""
    head = head_revision()
    with db.exclusive() as connection:
        _adopt_numbered_schema(connection, db.where)
        current = current_revision(connection)
        if current != head:
            known = {s.revision for s in _scripts().walk_revisions()}
            if current is not None and current not in known:
                raise RegistryError(
                    f"{db.where} has schema revision {current}, newer than this tiekartta "
                    f"understands ({head}); upgrade tiekartta"
                )
            # Alembic's SQLite DDL is not transactional, so it joins the open transaction.
            command.upgrade(_config(connection), "head")
    return head


@cache
def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    return ScriptDirectory.from_config(config)
