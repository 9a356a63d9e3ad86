"""Personal data at rest: raw text older than the retention period is masked (start-up and
`tiekartta db mask-personal-data`), readers see proposal texts masked, editors the raw text,
and with retention 0 the audit log is written masked. Real SQLite, the real masker."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from api.cli.main import app as cli
from api.container import Tiekartta
from rag.core.privacy import mask_pii
from rag.store.db import iso_utc
from rag.store.proposals import ProposalResult
from rag.store.registry import Registry
from tests.api.helpers import api_for
from tests.conftest import make_settings

RAW = "Terveisin Matti Virtanen, puh. 040 123 4567, matti.virtanen@example.fi"
MASKED = mask_pii(RAW).text
LABELS = ("a", "b", "c", "none")


def proposal(pid: str, text: str = RAW) -> ProposalResult:
    return ProposalResult(pid, f"hash-{pid}", text, "fi", ["a"], "a", 0.9, "", False, "offline")


def fill(registry: Registry) -> str:
    """One old and one new row in each table that holds raw text; returns the conversation."""
    registry.audit.log_event("k1", "ask", {"question": RAW})
    registry.audit.log_event("k1", "ask", {"question": RAW})
    conv = registry.conversations.create_conversation("k1")
    registry.conversations.add_turn(conv, "user", RAW)
    registry.conversations.add_turn(conv, "user", RAW)
    registry.proposals.store_classifications([proposal("old"), proposal("new")], "x.csv")
    # The first row of each table is made 40 days old (the default keeps raw text 30 days).
    old = iso_utc(datetime.now(UTC) - timedelta(days=40))
    with registry.transaction() as conn:
        conn.execute("UPDATE audit_events SET at = ? WHERE event_id = 1", (old,))
        conn.execute(
            "UPDATE conversation_turns SET at = ? WHERE turn_id ="
            " (SELECT MIN(turn_id) FROM conversation_turns)",
            (old,),
        )
        conn.execute("UPDATE proposals SET classified_at = ? WHERE proposal_id = 'old'", (old,))
    return conv


def test_masked_text_differs_from_the_raw_text() -> None:
    assert "[PHONE]" in MASKED and "[EMAIL]" in MASKED and "040" not in MASKED


def test_start_up_masks_old_rows_and_keeps_new_ones(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    conv = fill(service.registry)
    api = api_for(service, roles=("reader", "editor"))
    with api.client:  # the lifespan runs the masking step
        registry = service.registry
        questions = [e.detail["question"] for e in registry.audit.list_events(action="ask")]
        assert questions == [RAW, MASKED]  # newest first
        assert [t.text for t in registry.conversations.get_turns(conv)] == [MASKED, RAW]
        assert registry.proposals.get_proposal("old").text == MASKED  # type: ignore[union-attr]
        assert registry.proposals.get_proposal("new").text == RAW  # type: ignore[union-attr]
        # Running again changes nothing.
        again = service.privacy.mask_stored()
        assert (again.audit_events, again.conversation_turns, again.proposals) == (0, 0, 0)


def test_reader_sees_masked_proposal_text_editor_sees_raw(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    service.registry.proposals.store_classifications([proposal("p1")], "x.csv")
    api = api_for(service, roles=("reader", "editor", "admin"))
    assert api.get("/proposals/p1", "reader").json()["text"] == MASKED
    assert [p["text"] for p in api.get("/proposals", "reader").json()] == [MASKED]
    assert api.get("/proposals/p1", "editor").json()["text"] == RAW
    assert [p["text"] for p in api.get("/proposals", "admin").json()] == [RAW]
    # Masking for readers is on the way out only: the stored text is still raw.
    assert service.registry.proposals.get_proposal("p1").text == RAW  # type: ignore[union-attr]


def test_retention_zero_writes_the_audit_log_masked(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path, raw_text_retention_days=0))
    # Only people's words are masked: ids and citations (digits that look like a phone
    # number) stay, so the log still says what was touched.
    detail = {"question": RAW, "found": True, "sources": [{"chunk_id": "0401234567", "note": RAW}]}
    service.audit.record("k1", "ask", detail)
    assert service.registry.audit.list_events()[0].detail == {
        "question": MASKED,
        "found": True,
        "sources": [{"chunk_id": "0401234567", "note": MASKED}],
    }
    # ... and the masking step takes everything already stored.
    service.registry.proposals.store_classifications([proposal("p1")], "x.csv")
    report = service.privacy.mask_stored(now=datetime.now(UTC) + timedelta(seconds=1))
    assert report.proposals == 1
    assert service.registry.proposals.get_proposal("p1").text == MASKED  # type: ignore[union-attr]


def test_default_retention_keeps_audit_questions_raw(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    assert service.settings.raw_text_retention_days == 30
    service.audit.record("k1", "ask", {"question": RAW})
    assert service.registry.audit.list_events()[0].detail == {"question": RAW}


def test_retention_setting_is_validated(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="raw_text_retention_days"):
        make_settings(tmp_path, raw_text_retention_days=-1)
    env = {"TIEKARTTA_DATA_DIR": str(tmp_path), "TIEKARTTA_RAW_TEXT_RETENTION_DAYS": "soon"}
    result = CliRunner().invoke(cli, ["db", "mask-personal-data"], env=env)
    assert result.exit_code == 2
    assert "TIEKARTTA_RAW_TEXT_RETENTION_DAYS" in result.output
    assert "Traceback" not in result.output


def test_cli_reports_counts_and_is_idempotent(tmp_path: Path) -> None:
    with Registry(tmp_path / "registry.sqlite3") as registry:
        fill(registry)
    env = {"TIEKARTTA_DATA_DIR": str(tmp_path), "TIEKARTTA_UI_LANGUAGE": "fi"}
    first = CliRunner().invoke(cli, ["db", "mask-personal-data"], env=env)
    assert first.exit_code == 0, first.output
    said = " ".join(first.output.split())  # the console wraps long lines
    assert "1 lokitapahtumaa, 1 keskustelun viestiä, 1 aloitetta" in said
    second = CliRunner().invoke(cli, ["db", "mask-personal-data", "--json"], env=env)
    assert second.exit_code == 0, second.output
    assert json.loads(second.output) == {
        "retention_days": 30,
        "audit_events": 0,
        "conversation_turns": 0,
        "proposals": 0,
    }
