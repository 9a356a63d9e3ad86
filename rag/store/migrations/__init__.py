"""Alembic migrations of the registry (run by ``rag.store.schema_upgrade``, not by hand)."""
