"""The record-store contract for each database: a SQLite file and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contracts.record_stores import RecordStoreContract


class TestSQLite(RecordStoreContract):
    @pytest.fixture
    def target(self, tmp_path: Path) -> str:
        return str(tmp_path / "registry.sqlite3")


@pytest.mark.postgres
class TestPostgreSQL(RecordStoreContract):
    @pytest.fixture
    def target(self, postgres_url: str) -> str:
        return postgres_url
