"""Documents, their minutes items and crash-safe ingest state (``documents``, ``minutes_items``,
``ingest_state``): the registry's record of what was ingested (the chunks live in Chroma)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from rag.core.documents import ACCESS_LEVELS, MinutesItem, MinutesItemPart, web_url
from rag.store.db import RegistryError, Row, Store, now_iso, to_json
from rag.store.rows import from_row

_DOC_COLUMNS = (
    "doc_id, source_path, content_hash, title, date, language, kind, body, organisation,"
    " url, access, format, chunk_count, ingested_at, extra_json"
)


@dataclass
class DocumentRecord:
    """One ingested document as the registry knows it (the chunks live in Chroma)."""

    doc_id: str
    source_path: str
    content_hash: str
    title: str = ""
    date: str | None = None  # ISO date
    language: str | None = None
    kind: str | None = None
    body: str | None = None  # decision-making body, e.g. "Kaupunginhallitus"
    organisation: str | None = None
    url: str | None = None
    access: str = "public"
    format: str = ""
    chunk_count: int = 0
    ingested_at: str | None = None  # set to now by upsert_document when empty
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.url = web_url(self.url)  # a record stored before URLs were checked, too


@dataclass
class ItemRecord:
    """A stored minutes item: its document, 0-based position and the parsed fields."""

    doc_id: str
    position: int
    body: str | None = None
    meeting_date: str | None = None  # ISO date (MinutesItem.date)
    section: str | None = None
    record_number: str | None = None
    title: str | None = None
    preparer: str | None = None
    doc_type: str | None = None
    pages: list[int] = field(default_factory=list)
    start: int = 0  # character offsets in the document text
    end: int = 0
    parts: list[MinutesItemPart] = field(default_factory=list)

    def to_minutes_item(self) -> MinutesItem:
        """The item as the minutes parser produced it."""
        return MinutesItem(
            body=self.body,
            date=self.meeting_date,
            section=self.section,
            record_number=self.record_number,
            title=self.title,
            preparer=self.preparer,
            doc_type=self.doc_type,
            start=self.start,
            end=self.end,
            parts=list(self.parts),
            pages=list(self.pages),
        )


def _item(row: Row) -> ItemRecord:
    item = from_row(ItemRecord, row, start="start_offset", end="end_offset")
    item.parts = [MinutesItemPart(**p) for p in item.parts]  # type: ignore[arg-type]
    return item


class DocumentStore(Store):
    """Documents, their minutes items and crash-safe ingest state."""

    def upsert_document(self, rec: DocumentRecord) -> DocumentRecord:
        """Insert or update a document; returns it with ``ingested_at`` filled in."""
        if rec.access not in ACCESS_LEVELS:
            raise RegistryError(
                f"document {rec.doc_id}: unknown access level '{rec.access}': "
                f"use {', '.join(ACCESS_LEVELS)}"
            )
        stored = DocumentRecord(**{**asdict(rec), "ingested_at": rec.ingested_at or now_iso()})
        values = asdict(stored)
        values["extra_json"] = to_json(values.pop("extra"))
        names = [c.strip() for c in _DOC_COLUMNS.split(",")]
        updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "doc_id")
        with self.transaction() as conn:
            # ON CONFLICT ... DO UPDATE, not INSERT OR REPLACE: REPLACE deletes the old row
            # first, which would cascade away the document's minutes items.
            conn.execute(
                f"INSERT INTO documents ({_DOC_COLUMNS}) VALUES ({', '.join('?' * len(names))})"
                f" ON CONFLICT (doc_id) DO UPDATE SET {updates}",
                [values[n] for n in names],
            )
        return stored

    def get_document(self, doc_id: str) -> DocumentRecord | None:
        rows = self._read(f"SELECT {_DOC_COLUMNS} FROM documents WHERE doc_id = ?", (doc_id,))
        return from_row(DocumentRecord, rows[0]) if rows else None

    def list_documents(self, access_levels: set[str] | None = None) -> list[DocumentRecord]:
        """Documents ordered by id; only the given access levels when ``access_levels`` is set."""
        sql = f"SELECT {_DOC_COLUMNS} FROM documents"
        params: list[str] = []
        if access_levels is not None:
            if not access_levels:
                return []
            params = sorted(access_levels)
            sql += f" WHERE access IN ({', '.join('?' * len(params))})"
        return [from_row(DocumentRecord, r) for r in self._read(sql + " ORDER BY doc_id", params)]

    def delete_document(self, doc_id: str) -> bool:
        """Delete a document and its items; True if it existed.

        A *pending* ingest marker is kept on purpose: it still tells the pipeline that the
        chunk store may hold half-written chunks for this id (clear it with abandon_ingest).
        """
        with self.transaction() as conn:
            cur = conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            conn.execute(
                "DELETE FROM ingest_state WHERE doc_id = ? AND status = 'complete'", (doc_id,)
            )
            return cur.rowcount > 0

    def document_hash(self, doc_id: str) -> str | None:
        """The stored content hash, or None if unknown *or pending* (so it is re-ingested)."""
        rows = self._read(
            "SELECT d.content_hash FROM documents d"
            " LEFT JOIN ingest_state s ON s.doc_id = d.doc_id"
            " WHERE d.doc_id = ? AND (s.status IS NULL OR s.status <> 'pending')",
            (doc_id,),
        )
        return rows[0][0] if rows else None

    def replace_items(self, doc_id: str, items: list[MinutesItem]) -> None:
        """Replace all minutes items of a document with ``items`` (in document order)."""
        with self.transaction() as conn:
            known = conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,))
            if known.fetchone() is None:
                raise RegistryError(f"unknown document '{doc_id}': upsert it before its items")
            conn.execute("DELETE FROM minutes_items WHERE doc_id = ?", (doc_id,))
            conn.executemany(
                "INSERT INTO minutes_items (doc_id, position, body, meeting_date, section,"
                " record_number, title, preparer, doc_type, start_offset, end_offset,"
                " pages_json, parts_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        doc_id,
                        position,
                        it.body,
                        it.date,
                        it.section,
                        it.record_number,
                        it.title,
                        it.preparer,
                        it.doc_type,
                        it.start,
                        it.end,
                        json.dumps(list(it.pages)),
                        to_json([asdict(p) for p in it.parts]),
                    )
                    for position, it in enumerate(items)
                ],
            )

    def items_for(self, doc_id: str) -> list[ItemRecord]:
        """The document's minutes items in document order (empty if none or unknown)."""
        rows = self._read(
            "SELECT * FROM minutes_items WHERE doc_id = ? ORDER BY position", (doc_id,)
        )
        return [_item(r) for r in rows]

    # Ingest protocol: begin_ingest -> write chunks -> upsert_document (+ replace_items)
    # -> finish_ingest. Removal and repair: begin_ingest -> delete chunks -> delete_document
    # -> finish_ingest. A crash anywhere in between leaves the id in pending_documents().

    def begin_ingest(self, doc_id: str, content_hash: str) -> None:
        """Mark ``doc_id`` pending before any of its chunks are written."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO ingest_state (doc_id, content_hash, status, started_at, finished_at)"
                " VALUES (?, ?, 'pending', ?, NULL) ON CONFLICT (doc_id) DO UPDATE SET"
                " content_hash = excluded.content_hash, status = 'pending',"
                " started_at = excluded.started_at, finished_at = NULL",
                (doc_id, content_hash, now_iso()),
            )

    def finish_ingest(self, doc_id: str) -> None:
        """Mark a pending ingest complete.

        The document row must hold the begun hash, or be absent (a removal or repair, after
        which the marker is dropped).
        """
        with self.transaction() as conn:
            state = conn.execute(
                "SELECT content_hash FROM ingest_state WHERE doc_id = ? AND status = 'pending'",
                (doc_id,),
            ).fetchone()
            if state is None:
                raise RegistryError(f"no pending ingest for '{doc_id}': call begin_ingest first")
            doc = conn.execute(
                "SELECT content_hash FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
            if doc is None:
                conn.execute("DELETE FROM ingest_state WHERE doc_id = ?", (doc_id,))
                return
            # Finishing over the old row would make stale metadata look current.
            if doc["content_hash"] != state["content_hash"]:
                raise RegistryError(
                    f"cannot finish ingest of '{doc_id}': upsert_document with hash "
                    f"{state['content_hash']} first"
                )
            conn.execute(
                "UPDATE ingest_state SET status = 'complete', finished_at = ? WHERE doc_id = ?",
                (now_iso(), doc_id),
            )

    def abandon_ingest(self, doc_id: str) -> bool:
        """Forget a pending marker (e.g. the source is gone and its chunks were removed)."""
        with self.transaction() as conn:
            cur = conn.execute(
                "DELETE FROM ingest_state WHERE doc_id = ? AND status = 'pending'", (doc_id,)
            )
            return cur.rowcount > 0

    def is_pending(self, doc_id: str) -> bool:
        return bool(
            self._read(
                "SELECT 1 FROM ingest_state WHERE doc_id = ? AND status = 'pending'", (doc_id,)
            )
        )

    def pending_documents(self) -> list[str]:
        """Ids whose ingest began but never finished (a crash), oldest first."""
        rows = self._read(
            "SELECT doc_id FROM ingest_state WHERE status = 'pending' ORDER BY started_at, doc_id"
        )
        return [r[0] for r in rows]
