"""The lexical search contract for each database: a SQLite file and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contracts.lexical_search import LexicalSearchContract


class TestSQLite(LexicalSearchContract):
    @pytest.fixture
    def target(self, tmp_path: Path) -> str:
        return str(tmp_path / "registry.sqlite3")


@pytest.mark.postgres
class TestPostgreSQL(LexicalSearchContract):
    @pytest.fixture
    def target(self, postgres_url: str) -> str:
        return postgres_url
