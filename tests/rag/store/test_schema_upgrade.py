"""Schema versions: a new database gets the head revision, an install made by the code before
Alembic (numbered SQL migrations) upgrades in place with every row kept, and the migrations
end exactly at the table definitions in rag/store/tables.py."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from rag.core.documents import MinutesItem
from rag.store.registry import Registry, RegistryError
from rag.store.schema import MIGRATIONS
from rag.store.schema_upgrade import head_revision
from rag.store.tables import metadata


def _legacy_install(path: Path, upto: int = len(MIGRATIONS)) -> None:
    """A registry file exactly as the numbered-migration code wrote it."""
    raw = sqlite3.connect(path)
    raw.execute(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    for version, statements in enumerate(MIGRATIONS[:upto], start=1):
        for statement in statements:
            raw.execute(statement)
        raw.execute(
            "INSERT INTO schema_version VALUES (?, '2025-01-01T00:00:00.000000+00:00')", (version,)
        )
    raw.commit()
    raw.close()


def _schema_diff(url: str) -> list[object]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return list(compare_metadata(MigrationContext.configure(conn), metadata))
    finally:
        engine.dispose()


def _shape(path: Path) -> dict[str, object]:
    """Tables, columns, indexes and foreign keys as SQLite stores them, for comparison.

    Normalised where SQLite itself treats two spellings alike: FLOAT and REAL are one type
    affinity, and a primary-key column counts as NOT NULL (the stores never write NULL ids).
    """
    engine = sa.create_engine(f"sqlite:///{path}")
    inspector = sa.inspect(engine)
    shape: dict[str, object] = {}
    for table in sorted(inspector.get_table_names()):
        keys = set(inspector.get_pk_constraint(table)["constrained_columns"])
        columns = [
            (
                c["name"],
                str(c["type"]).replace("FLOAT", "REAL"),
                c["nullable"] and c["name"] not in keys,
                str(c["default"]).strip("()") if c["default"] is not None else None,
            )
            for c in inspector.get_columns(table)
        ]
        indexes = sorted(
            (i["name"], tuple(i["column_names"]), bool(i["unique"]))
            for i in inspector.get_indexes(table)
        )
        # Not ON DELETE: SQLAlchemy does not read it from the old "REFERENCES t (c)" spelling;
        # the cascade itself is checked by behaviour in the upgrade test.
        foreign = sorted(
            (tuple(f["constrained_columns"]), f["referred_table"])
            for f in inspector.get_foreign_keys(table)
        )
        # By text: the old CHECK constraints have no names.
        checks = sorted(
            " ".join(c["sqltext"].split()) for c in inspector.get_check_constraints(table)
        )
        shape[table] = (columns, sorted(keys), indexes, foreign, checks)
    engine.dispose()
    return shape


def test_new_database_is_at_head_and_equals_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "registry.sqlite3"
    with Registry(path) as reg:
        assert reg.schema_revision == head_revision()
    with Registry(path) as again:  # reopening applies nothing twice
        assert again.schema_revision == head_revision()
    assert _schema_diff(f"sqlite:///{path}") == []
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_install_from_numbered_migrations_upgrades_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "registry.sqlite3"
    _legacy_install(path)
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO documents (doc_id, source_path, content_hash, title, ingested_at)"
        " VALUES ('kh-1', 'kh.pdf', 'h1', 'Kaupunginhallitus', '2025-01-02T00:00:00+00:00')"
    )
    raw.execute(
        "INSERT INTO audit_events (at, actor, action, detail_json)"
        " VALUES ('2025-01-02T00:00:00.000000+00:00', 'cli', 'ingest', '{\"files\": 1}')"
    )
    raw.execute(
        "INSERT INTO jobs (job_id, kind, actor, status, created_at, updated_at)"
        " VALUES ('j1', 'classify', 'cli', 'done', '2025-01-02', '2025-01-02')"
    )
    raw.commit()
    raw.close()

    with Registry(path) as reg:
        assert reg.schema_revision == head_revision()
        doc = reg.documents.get_document("kh-1")
        assert doc is not None and doc.title == "Kaupunginhallitus"
        [event] = reg.audit.list_events()
        assert (event.action, event.detail) == ("ingest", {"files": 1})
        job = reg.jobs.get_job("j1")
        assert job is not None and job.status == "done"
        # Ids go on after the old ones (AUTOINCREMENT kept).
        assert reg.audit.log_event("cli", "ask").event_id == event.event_id + 1
        # The old foreign keys still cascade.
        reg.documents.replace_items("kh-1", [MinutesItem(section="25")])
        assert reg.documents.delete_document("kh-1")
        assert reg.db._read("SELECT COUNT(*) FROM minutes_items")[0][0] == 0
    fresh = tmp_path / "fresh.sqlite3"
    Registry(fresh).close()
    assert _shape(path) == _shape(fresh)  # schema_version is gone too


def test_install_halfway_through_numbered_migrations_is_finished(tmp_path: Path) -> None:
    path = tmp_path / "registry.sqlite3"
    _legacy_install(path, upto=2)
    with Registry(path) as reg:
        assert reg.proposals.count_proposals() == 0  # a table of numbered migration 5
    fresh = tmp_path / "fresh.sqlite3"
    Registry(fresh).close()
    assert _shape(path) == _shape(fresh)


def test_newer_numbered_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "registry.sqlite3"
    _legacy_install(path)
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO schema_version VALUES (999, '2030-01-01T00:00:00.000000+00:00')")
    raw.commit()
    raw.close()
    with pytest.raises(RegistryError, match="schema version 999"):
        Registry(path)


def test_unknown_newer_revision_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "registry.sqlite3"
    Registry(path).close()
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = 'from-the-future'")
    raw.commit()
    raw.close()
    with pytest.raises(RegistryError, match="from-the-future.*upgrade tiekartta"):
        Registry(path)
