"""Alembic environment: always handed an open connection by ``rag.store.schema_upgrade``."""

from __future__ import annotations

from alembic import context

from rag.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things in place: let Alembic copy-and-move tables.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
