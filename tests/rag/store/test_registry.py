"""The SQLite registry against a real database file."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rag.core.documents import ACCESS_LEVELS, MinutesItem, MinutesItemPart
from rag.store.registry import (
    ROLES,
    DocumentRecord,
    Registry,
    RegistryError,
    role_at_least,
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "registry.sqlite3"


@pytest.fixture
def reg(db_path: Path):
    registry = Registry(db_path)
    yield registry
    registry.close()


def _doc(doc_id: str = "kh-2024-03-11", access: str = "public", **kw) -> DocumentRecord:
    return DocumentRecord(
        doc_id=doc_id,
        source_path=f"corpus/{doc_id}.pdf",
        content_hash=kw.pop("content_hash", "h1"),
        title=kw.pop("title", "Kaupunginhallituksen pöytäkirja"),
        date="2024-03-11",
        language="fi",
        kind="minutes",
        body="Kaupunginhallitus",
        organisation="Kaupunki",
        access=access,
        format="pdf",
        chunk_count=12,
        extra={"pages": 14, "note": "ääkköset"},
        **kw,
    )


def _items() -> list[MinutesItem]:
    return [
        MinutesItem(
            body="Kaupunginhallitus",
            date="2024-03-11",
            section="25",
            record_number="118/07.01.02/2024",
            title="Digiohjelman toimeenpano",
            preparer="Maija Meikäläinen",
            doc_type="minutes",
            start=100,
            end=900,
            parts=[
                MinutesItemPart("proposal", "Esitys: hyväksytään.", 400),
                MinutesItemPart("decision", "Hyväksyttiin.", 700),
            ],
            pages=[3, 4],
        ),
        MinutesItem(section="26", title="Muut asiat", doc_type="minutes", pages=[5]),
    ]


# --- documents and items ---------------------------------------------------------------


def test_document_crud(reg: Registry) -> None:
    assert reg.documents.get_document("nope") is None
    stored = reg.documents.upsert_document(_doc())
    assert stored.ingested_at and stored.ingested_at.endswith("+00:00")
    got = reg.documents.get_document("kh-2024-03-11")
    assert got == stored
    assert got.extra == {"pages": 14, "note": "ääkköset"}
    assert reg.documents.document_hash("kh-2024-03-11") == "h1"
    assert reg.documents.document_hash("nope") is None

    reg.documents.upsert_document(_doc(content_hash="h2", title="Uusi otsikko"))
    assert reg.documents.get_document("kh-2024-03-11").title == "Uusi otsikko"
    assert reg.documents.document_hash("kh-2024-03-11") == "h2"
    assert len(reg.documents.list_documents()) == 1

    assert reg.documents.delete_document("kh-2024-03-11") is True
    assert reg.documents.delete_document("kh-2024-03-11") is False
    assert reg.documents.get_document("kh-2024-03-11") is None


def test_list_documents_by_access(reg: Registry) -> None:
    for i, level in enumerate(ACCESS_LEVELS):
        reg.documents.upsert_document(_doc(f"d{i}", access=level))
    assert [d.doc_id for d in reg.documents.list_documents()] == ["d0", "d1", "d2"]
    assert [d.access for d in reg.documents.list_documents({"public"})] == ["public"]
    assert {d.access for d in reg.documents.list_documents({"public", "internal"})} == {
        "public",
        "internal",
    }
    assert reg.documents.list_documents(set()) == []


def test_unknown_access_level_is_refused(reg: Registry) -> None:
    with pytest.raises(RegistryError, match="unknown access level 'secret'.*public"):
        reg.documents.upsert_document(_doc(access="secret"))


def test_items_roundtrip_replace_and_cascade(reg: Registry) -> None:
    reg.documents.upsert_document(_doc())
    reg.documents.replace_items("kh-2024-03-11", _items())
    stored = reg.documents.items_for("kh-2024-03-11")
    assert [s.position for s in stored] == [0, 1]
    assert [s.to_minutes_item() for s in stored] == _items()
    first = stored[0]
    assert (first.doc_id, first.meeting_date, first.section, first.pages) == (
        "kh-2024-03-11",
        "2024-03-11",
        "25",
        [3, 4],
    )
    assert first.to_minutes_item().decision_text == "Hyväksyttiin."
    # Flat fields, so the API can serialise an item with dataclasses.asdict.
    assert asdict(first)["record_number"] == "118/07.01.02/2024"

    # Updating the document must not drop its items (no INSERT OR REPLACE).
    reg.documents.upsert_document(_doc(content_hash="h2"))
    assert len(reg.documents.items_for("kh-2024-03-11")) == 2

    reg.documents.replace_items("kh-2024-03-11", _items()[1:])
    assert [s.section for s in reg.documents.items_for("kh-2024-03-11")] == ["26"]

    reg.documents.delete_document("kh-2024-03-11")
    assert reg.documents.items_for("kh-2024-03-11") == []
    raw = sqlite3.connect(reg.path)
    assert raw.execute("SELECT COUNT(*) FROM minutes_items").fetchone()[0] == 0
    raw.close()


def test_items_need_a_document(reg: Registry) -> None:
    with pytest.raises(RegistryError, match="unknown document 'ghost'"):
        reg.documents.replace_items("ghost", _items())


# --- ingest state ------------------------------------------------------------------------


def test_ingest_cycle(reg: Registry) -> None:
    reg.documents.begin_ingest("kh-2024-03-11", "h1")
    assert reg.documents.pending_documents() == ["kh-2024-03-11"]
    assert reg.documents.document_hash("kh-2024-03-11") is None
    reg.documents.upsert_document(_doc())
    assert reg.documents.document_hash("kh-2024-03-11") is None  # still pending: never "unchanged"
    reg.documents.finish_ingest("kh-2024-03-11")
    assert reg.documents.pending_documents() == []
    assert reg.documents.document_hash("kh-2024-03-11") == "h1"
    with pytest.raises(RegistryError, match="no pending ingest"):
        reg.documents.finish_ingest("kh-2024-03-11")


def test_crash_leaves_document_pending_across_reopen(db_path: Path) -> None:
    reg = Registry(db_path)
    reg.documents.upsert_document(_doc(content_hash="old"))
    reg.documents.begin_ingest("kh-2024-03-11", "new")  # re-ingest of a changed file...
    reg.documents.begin_ingest("first-time", "x")  # ...and a first ingest without a row yet
    reg.close()  # crash: neither finished

    reopened = Registry(db_path)
    try:
        assert sorted(reopened.documents.pending_documents()) == ["first-time", "kh-2024-03-11"]
        # The old row still holds the old hash, but must not count as unchanged.
        assert reopened.documents.get_document("kh-2024-03-11").content_hash == "old"
        assert reopened.documents.document_hash("kh-2024-03-11") is None
        assert reopened.documents.is_pending("first-time")

        # Repair: re-ingest and finish; abandon the one whose source is gone.
        reopened.documents.begin_ingest("kh-2024-03-11", "new")
        reopened.documents.upsert_document(_doc(content_hash="new"))
        reopened.documents.finish_ingest("kh-2024-03-11")
        assert reopened.documents.abandon_ingest("first-time") is True
        assert reopened.documents.pending_documents() == []
        assert reopened.documents.document_hash("kh-2024-03-11") == "new"
    finally:
        reopened.close()


def test_removal_and_repair_flow(reg: Registry) -> None:
    reg.documents.upsert_document(_doc())
    reg.documents.begin_ingest("kh-2024-03-11", "removing")
    reg.documents.delete_document("kh-2024-03-11")
    # Deleting the row keeps the marker: the chunks may not be gone yet.
    assert reg.documents.pending_documents() == ["kh-2024-03-11"]
    reg.documents.finish_ingest("kh-2024-03-11")  # no row left: a finished removal
    assert reg.documents.pending_documents() == [] and not reg.documents.is_pending("kh-2024-03-11")
    assert reg.documents.document_hash("kh-2024-03-11") is None


def test_finish_over_stale_row_is_refused(reg: Registry) -> None:
    reg.documents.upsert_document(_doc(content_hash="old"))
    reg.documents.begin_ingest("kh-2024-03-11", "new")
    with pytest.raises(RegistryError, match="upsert_document with hash new"):
        reg.documents.finish_ingest("kh-2024-03-11")
    assert reg.documents.pending_documents() == ["kh-2024-03-11"]


# --- keys --------------------------------------------------------------------------------


def test_role_order() -> None:
    assert ROLES == ("reader", "editor", "approver", "admin")
    assert role_at_least("approver", "editor") and not role_at_least("editor", "approver")
    assert role_at_least("admin", "editor") and role_at_least("editor", "editor")
    assert not role_at_least("reader", "editor")
    with pytest.raises(RegistryError, match="unknown role 'boss'.*reader, editor, approver, admin"):
        role_at_least("boss", "reader")


def test_create_and_verify_keys(reg: Registry) -> None:
    reader = reg.keys.create_key("reader", "Asiakaspalvelu")
    admin = reg.keys.create_key("admin")
    assert reader.secret.startswith("tk_") and reader.secret != admin.secret
    assert reader.secret not in repr(reader)

    key = reg.keys.verify_key(reader.secret)
    assert key == reader.key
    assert (key.role, key.label, key.clearance) == ("reader", "Asiakaspalvelu", {"public"})
    assert key.can_read("public") and not key.can_read("internal")
    assert not key.has_role("editor")
    assert reg.keys.verify_key(admin.secret).clearance == frozenset(ACCESS_LEVELS)
    assert reg.keys.verify_key(admin.secret).has_role("editor")

    # Wrong secrets: altered random part, unknown id, foreign format, empty.
    assert (
        reg.keys.verify_key(reader.secret[:-1] + ("A" if reader.secret[-1] != "A" else "B")) is None
    )
    assert reg.keys.verify_key("tk_000000000000_" + "x" * 43) is None
    assert reg.keys.verify_key("Bearer nonsense") is None
    assert reg.keys.verify_key("") is None

    assert [k.key_id for k in reg.keys.list_keys()] == [reader.key.key_id, admin.key.key_id]


def test_key_clearance_and_validation(reg: Registry) -> None:
    editor = reg.keys.create_key("editor", clearance={"public", "internal"})
    assert reg.keys.verify_key(editor.secret).clearance == {"public", "internal"}
    with pytest.raises(
        RegistryError, match="unknown role 'owner'.*reader, editor, approver, admin"
    ):
        reg.keys.create_key("owner")
    with pytest.raises(RegistryError, match="unknown access level"):
        reg.keys.create_key("reader", clearance={"topsecret"})
    with pytest.raises(RegistryError, match="at least one"):
        reg.keys.create_key("reader", clearance=set())


def test_revoked_key_fails(reg: Registry) -> None:
    created = reg.keys.create_key("editor")
    assert reg.keys.revoke_key(created.key.key_id) is True
    assert reg.keys.verify_key(created.secret) is None
    (listed,) = reg.keys.list_keys()
    assert listed.revoked and listed.revoked_at
    assert reg.keys.revoke_key(created.key.key_id) is True  # idempotent, first time kept
    assert reg.keys.get_key(created.key.key_id).revoked_at == listed.revoked_at
    assert reg.keys.list_keys(include_revoked=False) == []
    assert reg.keys.revoke_key("zzz") is False  # unknown id


def test_secret_never_stored_in_clear(db_path: Path) -> None:
    reg = Registry(db_path)
    secrets = [reg.keys.create_key(role).secret for role in ROLES]
    reg.close()  # checkpoint the WAL so everything is in the main file
    random_parts = [s.split("_", 2)[2] for s in secrets]
    files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    blob = b"".join(p.read_bytes() for p in files)
    raw = sqlite3.connect(db_path)
    rows = [str(tuple(r)) for r in raw.execute("SELECT * FROM api_keys")]
    raw.close()
    for secret, part in zip(secrets, random_parts, strict=True):
        assert secret.encode() not in blob and part.encode() not in blob
        assert not any(part in row for row in rows)


# --- audit log ---------------------------------------------------------------------------


def test_audit_log_and_filters(reg: Registry) -> None:
    start = datetime.now(UTC) - timedelta(seconds=1)
    ev = reg.audit.log_event("k1", "ask", {"question": "Mitä päätettiin?", "sources": ["d1#3"]})
    assert ev.detail["sources"] == ["d1#3"] and ev.at.endswith("+00:00")
    reg.audit.log_event("cli", "ingest", {"path": Path("corpus/a.pdf")})  # non-JSON value -> text
    reg.audit.log_event("k1", "ask", {"question": "Entä sitten?"})

    events = reg.audit.list_events()
    assert [e.action for e in events] == ["ask", "ingest", "ask"]  # newest first
    assert events[1].detail == {"path": "corpus/a.pdf"}
    assert len(reg.audit.list_events(actor="k1")) == 2
    assert [e.actor for e in reg.audit.list_events(action="ingest")] == ["cli"]
    assert len(reg.audit.list_events(actor="k1", action="ask", limit=1)) == 1
    assert len(reg.audit.list_events(since=start)) == 3
    assert reg.audit.list_events(since=datetime.now(UTC) + timedelta(minutes=1)) == []


def test_audit_retention_purge(reg: Registry) -> None:
    reg.audit.log_event("k1", "ask", {"question": "vanha"})
    reg.audit.log_event("k1", "ask", {"question": "uusi"})
    # Age the first event by 400 days directly in the table.
    raw = sqlite3.connect(reg.path)
    old = (datetime.now(UTC) - timedelta(days=400)).isoformat(timespec="microseconds")
    raw.execute("UPDATE audit_events SET at = ? WHERE detail_json LIKE '%vanha%'", (old,))
    raw.commit()
    raw.close()

    assert reg.audit.purge_events(older_than_days=365) == 1
    assert [e.detail["question"] for e in reg.audit.list_events()] == ["uusi"]
    assert reg.audit.purge_events(365) == 0
    future = datetime.now(UTC) + timedelta(days=2)
    assert reg.audit.purge_events(1, now=future) == 1
    with pytest.raises(RegistryError):
        reg.audit.purge_events(-1)


# --- conversations -----------------------------------------------------------------------


def test_conversations(reg: Registry) -> None:
    conv = reg.conversations.create_conversation("k1")
    assert reg.conversations.get_conversation(conv).actor == "k1"
    reg.conversations.add_turn(conv, "user", "Mitä päätettiin § 25:ssä?", {})
    reg.conversations.add_turn(conv, "assistant", "Hyväksyttiin.", {"sources": ["kh#25"]})
    for i in range(12):
        reg.conversations.add_turn(conv, "user", f"jatko {i}")
    turns = reg.conversations.get_turns(conv, limit=10)
    assert len(turns) == 10 and turns[-1].text == "jatko 11" and turns[0].text == "jatko 2"
    first_two = reg.conversations.get_turns(conv, limit=100)[:2]
    assert [t.role for t in first_two] == ["user", "assistant"]
    assert first_two[1].meta == {"sources": ["kh#25"]}

    with pytest.raises(RegistryError, match="unknown conversation id 'nope'"):
        reg.conversations.add_turn("nope", "user", "hei")
    with pytest.raises(RegistryError, match="unknown conversation id"):
        reg.conversations.get_turns("nope")
    with pytest.raises(RegistryError, match="unknown turn role 'system'"):
        reg.conversations.add_turn(conv, "system", "x")

    assert reg.conversations.purge_conversations(30) == 0
    assert (
        reg.conversations.purge_conversations(30, now=datetime.now(UTC) + timedelta(days=31)) == 1
    )
    assert reg.conversations.get_conversation(conv) is None


# --- threads, schema ---------------------------------------------------------------------


def test_concurrent_writers_from_threads(reg: Registry) -> None:
    per_thread, n_threads = 50, 4
    errors: list[BaseException] = []
    barrier = threading.Barrier(n_threads)

    def work(t: int) -> None:
        try:
            barrier.wait()
            for i in range(per_thread):
                reg.audit.log_event(f"k{t}", "ask", {"i": i})
                reg.documents.upsert_document(_doc(f"t{t}-{i % 5}"))
                reg.documents.get_document(f"t{t}-0")
        except BaseException as exc:  # surfaced below; a thread cannot fail the test itself
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(n_threads)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert len(reg.audit.list_events(limit=10_000)) == per_thread * n_threads
    for t in range(n_threads):
        assert len(reg.audit.list_events(actor=f"k{t}", limit=10_000)) == per_thread
    assert len(reg.documents.list_documents()) == 5 * n_threads


def test_foreign_keys_enabled(reg: Registry) -> None:
    assert reg.db._read("PRAGMA foreign_keys")[0][0] == 1


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(RegistryError, match="cannot open registry"):
        Registry(bad)
