"""Personal data at rest: raw text older than the retention period is masked (start-up and
`tiekartta db mask-personal-data`), readers see proposal texts masked, editors the raw text,
and with retention 0 the audit log is written masked. Real SQLite, the real masker."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from api.cli.main import app as cli
from api.container import Tiekartta
from api.services import privacy
from rag.core.privacy import mask_pii
from rag.core.privacy.at_rest import mask_detail, mask_text
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


def test_the_pass_masks_aged_reasons_notes_and_feedback_comments(tmp_path: Path) -> None:
    # The fields the registry masks on writing with retention 0 age like every other one.
    service = Tiekartta(make_settings(tmp_path))
    assert service.settings.raw_text_retention_days == 30
    registry = service.registry
    conv = registry.conversations.create_conversation("k1")
    answer = registry.conversations.add_turn(conv, "assistant", "Ei henkilötietoja.")
    reasoned = [replace(proposal(pid, "Lisää penkkejä."), reason=RAW) for pid in ("old", "new")]
    registry.proposals.store_classifications(reasoned, "x.csv")
    for pid in ("old", "new"):
        registry.proposals.add_decision(pid, ["a"], "a", "k1", LABELS, note=RAW)
        registry.feedback.add_feedback(conv, answer.turn_id, "k1", -1, RAW)
    # The first proposal, decision and comment were written 31 days ago.
    aged = iso_utc(datetime.now(UTC) - timedelta(days=31))
    with registry.transaction() as conn:
        conn.execute("UPDATE proposals SET classified_at = ? WHERE proposal_id = 'old'", (aged,))
        conn.execute("UPDATE proposal_decisions SET at = ? WHERE proposal_id = 'old'", (aged,))
        conn.execute("UPDATE answer_feedback SET at = ? WHERE feedback_id = 1", (aged,))

    def stored() -> dict[str, list[str]]:
        old, new = (registry.proposals.get_proposal(pid) for pid in ("old", "new"))
        assert old and new and old.decision and new.decision
        return {
            "reasons": [old.reason, new.reason],
            "notes": [old.decision.note, new.decision.note],
            "comments": [f.comment for f in reversed(registry.feedback.list_feedback())],
        }

    assert stored() == {"reasons": [RAW, RAW], "notes": [RAW, RAW], "comments": [RAW, RAW]}
    first = service.privacy.mask_stored()
    assert (first.proposals, first.feedback_comments) == (2, 1)  # proposal + decision, comment
    after = stored()
    assert after == {
        "reasons": [MASKED, RAW],
        "notes": [MASKED, RAW],
        "comments": [MASKED, RAW],
    }
    # A second pass touches nothing, also when it rereads every old row.
    for everything in (False, True):
        again = service.privacy.mask_stored(everything=everything)
        assert again == privacy.MaskReport(30, 0, 0, 0, 0)
        assert stored() == after
    recorded = service.audit.events(action=privacy.MASKING_ACTION, limit=3)
    assert [e.detail["feedback_comments"] for e in recorded] == [0, 0, 1]


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


def test_retention_zero_writes_the_audit_log_and_proposals_masked(tmp_path: Path) -> None:
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
    # ... proposals are written masked, and the masking step takes everything stored raw
    # before retention became 0.
    service.registry.proposals.store_classifications([proposal("p0")], "x.csv")
    assert service.registry.proposals.get_proposal("p0").text == MASKED  # type: ignore[union-attr]
    with Registry(service.settings.registry_path) as earlier:
        earlier.proposals.store_classifications([proposal("p1")], "x.csv")
    assert service.registry.proposals.get_proposal("p1").text == RAW  # type: ignore[union-attr]
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
    assert "0 palautteen kommenttia" in said
    second = CliRunner().invoke(cli, ["db", "mask-personal-data", "--json"], env=env)
    assert second.exit_code == 0, second.output
    assert json.loads(second.output) == {
        "retention_days": 30,
        "audit_events": 0,
        "conversation_turns": 0,
        "proposals": 0,
        "feedback_comments": 0,
        "job_files": 0,
        "job_file_errors": [],
        "abandoned_uploads": 0,
    }


# One of each kind the masker knows; none of these pieces may reach a database row.
PERSONAL = {
    "name": "Matti Virtanen",
    "henkilötunnus": "131052-308T",
    "phone": "040 123 4567",
    "e-mail": "matti.virtanen@example.fi",
    "IBAN": "FI21 1234 5600 0007 85",
}
RAW_ALL = (
    f"Terveisin {PERSONAL['name']}, hetu {PERSONAL['henkilötunnus']}, puh. {PERSONAL['phone']},"
    f" {PERSONAL['e-mail']}, tili {PERSONAL['IBAN']}"
)
TEXT_TABLES = (
    "audit_events",
    "conversation_turns",
    "proposals",
    "proposal_decisions",
    "answer_feedback",
)


def stored_values(database: Path) -> dict[str, list[str]]:
    """Every text value of every row of the tables that hold people's words, read directly."""
    with closing(sqlite3.connect(database)) as conn:
        return {
            table: [v for row in conn.execute(f"SELECT * FROM {table}") for v in row if v]
            for table in TEXT_TABLES
        }


def test_retention_zero_never_writes_raw_text(tmp_path: Path) -> None:
    assert all(piece not in mask_pii(RAW_ALL).text for piece in PERSONAL.values())
    service = Tiekartta(make_settings(tmp_path, raw_text_retention_days=0))
    api = api_for(service, roles=("reader", "editor"))
    # Not entered: the start-up masking pass never runs, so only writing can mask.
    first = api.post("/ask", "reader", {"question": f"Kuka on {RAW_ALL}?"})
    assert first.status_code == 200, first.text
    conversation = first.json()["conversation_id"]
    follow_up = {"question": f"Entä {RAW_ALL}?", "conversation_id": conversation}
    assert api.post("/ask", "reader", follow_up).status_code == 200
    proposals = {"proposals": [{"id": "p1", "text": f"Ehdotan katuvaloja. {RAW_ALL}"}]}
    assert api.post("/proposals/classify", "editor", proposals).status_code == 200
    decision = {"labels": ["none"], "note": f"Soitin: {RAW_ALL}"}
    assert api.post("/proposals/p1/decision", "editor", decision).status_code == 201
    turn = service.registry.conversations.get_turns(conversation)[-1]
    service.questions.feedback(
        conversation, turn.turn_id, api.key_ids["reader"], -1, f"Vastaa: {RAW_ALL}"
    )

    stored = stored_values(service.settings.registry_path)
    assert all(stored.values()), stored  # every table got its rows
    for table, values in stored.items():
        for kind, piece in PERSONAL.items():
            assert not any(piece in str(v) for v in values), f"raw {kind} in {table}"
    # The masked forms are what was written, and the editor now reads them too.
    assert "[HETU]" in api.get("/proposals/p1", "editor").json()["text"]
    assert all(
        "[EMAIL]" in t.text
        for t in service.registry.conversations.get_turns(conversation)
        if t.role == "user"
    )


def test_retention_above_zero_keeps_raw_text_when_written(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path, raw_text_retention_days=1))
    api = api_for(service, roles=("reader", "editor"))
    assert api.post("/ask", "reader", {"question": f"Kuka on {RAW_ALL}?"}).status_code == 200
    proposals = {"proposals": [{"id": "p1", "text": RAW_ALL}]}
    assert api.post("/proposals/classify", "editor", proposals).status_code == 200
    stored = stored_values(service.settings.registry_path)
    for table in ("audit_events", "conversation_turns", "proposals"):
        assert any(PERSONAL["e-mail"] in str(v) for v in stored[table]), table


def test_a_masking_run_reads_only_rows_that_aged_since_the_last_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = Tiekartta(make_settings(tmp_path))
    conv = fill(service.registry)
    first = service.privacy.mask_stored()
    assert (first.audit_events, first.conversation_turns, first.proposals) == (1, 1, 1)
    assert service.privacy.last_cutoff() is not None

    seen: list[str] = []  # every text a run passes through the masker (= every row it reads)
    monkeypatch.setattr(privacy, "mask_text", lambda text: seen.append(text) or mask_text(text))
    monkeypatch.setattr(privacy, "mask_detail", lambda d: seen.append(str(d)) or mask_detail(d))
    second = service.privacy.mask_stored()
    assert (second.audit_events, second.conversation_turns, second.proposals) == (0, 0, 0)
    assert seen == []  # the old rows were not read again

    # 31 days on, the rows that were new have aged past the limit: the next run masks them,
    # and reads none of the rows the first run already did.
    later = datetime.now(UTC) + timedelta(days=31)
    third = service.privacy.mask_stored(now=later)
    assert (third.audit_events, third.conversation_turns, third.proposals) == (1, 1, 1)
    assert [t.text for t in service.registry.conversations.get_turns(conv)] == [MASKED, MASKED]
    assert service.registry.proposals.get_proposal("new").text == MASKED  # type: ignore[union-attr]
    assert seen and MASKED not in seen and RAW in seen
    # --all (everything=True) rereads every row, and finds nothing left to change.
    seen.clear()
    full = service.privacy.mask_stored(now=later, everything=True)
    assert (full.audit_events, full.conversation_turns, full.proposals) == (0, 0, 0)
    assert MASKED in seen


def test_a_longer_retention_does_not_move_the_cutoff_back(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, raw_text_retention_days=1)
    Tiekartta(settings).privacy.mask_stored()
    service = Tiekartta(make_settings(tmp_path, raw_text_retention_days=30))
    cutoff = service.privacy.last_cutoff()
    assert service.privacy.mask_stored() == privacy.MaskReport(30, 0, 0, 0, 0)
    assert service.privacy.last_cutoff() == cutoff
    service.privacy.mask_stored(everything=True)  # a full run reads all, keeps the cutoff
    assert service.privacy.last_cutoff() == cutoff
