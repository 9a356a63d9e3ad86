"""`tiekartta db copy`: every row of every table moves, ids go on, a filled target is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli.main import app
from rag.core.documents import MinutesItem
from rag.draft.review import DraftReview
from rag.store.copy import copy_database
from rag.store.db import Database
from rag.store.lexical import LexicalIndex
from rag.store.registry import DocumentRecord, Registry, RegistryError
from rag.store.tables import metadata
from tests.contracts.lexical_search import CHUNKS, top_docs
from tests.rag.store.test_drafts_store import PUBLIC_DOC, make_content
from tests.rag.store.test_proposal_store import LABELS, item

runner = CliRunner()


def _fill(target: Path | str) -> dict[str, int]:
    """A registry with rows in the tables of every store; returns its row counts."""
    with Registry(target) as reg:
        reg.documents.upsert_document(DocumentRecord(PUBLIC_DOC, "kh.pdf", "h", title="KH"))
        reg.documents.replace_items(PUBLIC_DOC, [MinutesItem(section="25"), MinutesItem()])
        reg.keys.create_key("editor")
        for n in range(5):
            reg.audit.log_event("cli", "ask", {"n": n})
        conv = reg.conversations.create_conversation("k1")
        turn = reg.conversations.add_turn(conv, "assistant", "Vastaus")
        reg.feedback.add_feedback(conv, turn.turn_id, "k1", -1)
        reg.jobs.create_job("classify", "cli")
        reg.proposals.store_classifications([item("p1", "Pyöräteitä")], "a.csv", "j")
        reg.proposals.add_decision("p1", ["b"], "b", "k1", LABELS)
        draft = reg.drafts.create_draft(make_content(), "editor-1")
        DraftReview(reg.drafts).add_comment(draft.draft_id, "summary", "Hyvä.", "k1", "fi")
        LexicalIndex(reg.db).add(CHUNKS)  # the lexical corpus and its generation
        return _counts(reg.db)


def _counts(db: Database) -> dict[str, int]:
    return {
        t.name: int(db._read(f"SELECT COUNT(*) FROM {t.name}")[0][0])
        for t in metadata.sorted_tables
    }


def _check_copy(source: Path, target: str) -> None:
    expected = _fill(source)
    with Database(source) as left, Database(target) as right:
        counts = copy_database(left, right)
    assert {c.table: c.target for c in counts} == expected
    assert sum(expected.values()) > 15
    with Registry(target) as reg:
        assert _counts(reg.db) == expected
        assert reg.documents.get_document(PUBLIC_DOC).title == "KH"  # type: ignore[union-attr]
        last = max(e.event_id for e in reg.audit.list_events())
        assert reg.audit.log_event("cli", "after copy").event_id == last + 1
        assert reg.drafts.create_draft(make_content(), "editor-1").draft_id == 2
        copied = LexicalIndex(reg.db)
        assert not copied.needs_rebuild and top_docs(copied, "118/07.01.02/2024") == ["kh"]
    with Database(source) as left, Database(target) as right:
        with pytest.raises(RegistryError, match="already holds rows"):
            copy_database(left, right)
        again = copy_database(left, right, replace=True)
    assert {c.table: c.target for c in again} == expected


def test_copy_sqlite_to_sqlite(tmp_path: Path) -> None:
    _check_copy(tmp_path / "a.sqlite3", str(tmp_path / "b.sqlite3"))


@pytest.mark.postgres
def test_copy_sqlite_to_postgres(tmp_path: Path, postgres_url: str) -> None:
    _check_copy(tmp_path / "a.sqlite3", postgres_url)


@pytest.mark.postgres
def test_cli_db_upgrade_and_copy(tmp_path: Path, postgres_url: str) -> None:
    data = tmp_path / "data"
    expected = _fill(data / "registry.sqlite3")
    env = {"TIEKARTTA_DATA_DIR": str(data), "TIEKARTTA_UI_LANGUAGE": "en"}
    upgraded = runner.invoke(app, ["db", "upgrade"], env=env)
    assert upgraded.exit_code == 0, upgraded.output
    assert "is up to date" in upgraded.output
    copied = runner.invoke(app, ["db", "copy", "--to", postgres_url], env=env)
    assert copied.exit_code == 0, copied.output
    assert f"Copied {sum(expected.values())} rows" in copied.output
    refused = runner.invoke(app, ["db", "copy", "--to", postgres_url], env=env)
    assert refused.exit_code == 1
    assert "already holds rows" in " ".join(refused.output.split())
    # The installation now runs on PostgreSQL with the same rows.
    env["TIEKARTTA_DATABASE_URL"] = postgres_url
    listed = runner.invoke(app, ["keys", "list", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    assert '"role": "editor"' in listed.output


def test_cli_copy_to_a_bad_url_is_one_line(tmp_path: Path) -> None:
    env = {"TIEKARTTA_DATA_DIR": str(tmp_path / "data"), "TIEKARTTA_UI_LANGUAGE": "en"}
    result = runner.invoke(
        app, ["db", "copy", "--to", "postgresql://nobody@127.0.0.1:1/x"], env=env
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output
