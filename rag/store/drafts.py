"""The draft store: drafts and their versions (each edit one version with its diff).

Every change is one transaction; the draft service (api/services/drafts.py) writes its audit
event inside the same transaction, so the audit log never shows an action that did not happen
(or misses one that did). This module only stores: the workflow rules (which status allows
what, which role an action needs, who may approve) are in ``rag/draft/review.py``, which calls
these methods inside its transaction; comments and status changes are in ``draft_review.py``.
"""

from __future__ import annotations

import dataclasses
import json

from rag.core.documents import ACCESS_LEVELS
from rag.core.drafts import DraftContent
from rag.store.db import Connection, Row, Store, now_iso
from rag.store.draft_records import (
    DRAFT_STATUSES,
    DraftError,
    DraftRecord,
    DraftVersion,
    content_from_json,
    content_to_json,
)
from rag.store.rows import from_row


def _default_title(content: DraftContent) -> str:
    programme = content.programme_id or "roadmap"
    return f"{programme} follow-up {content.period_start}..{content.period_end}"


class DraftStore(Store):
    """Draft methods of the registry (held by :class:`rag.store.registry.Registry`)."""

    # -- reading ---------------------------------------------------------------------------
    def get_draft(self, draft_id: int) -> DraftRecord | None:
        rows = self._read("SELECT * FROM drafts WHERE draft_id = ?", (draft_id,))
        return from_row(DraftRecord, rows[0]) if rows else None

    def draft_for_job(self, job_id: str) -> DraftRecord | None:
        """The draft a background job stored, if it got that far."""
        rows = self._read("SELECT * FROM drafts WHERE job_id = ?", (job_id,))
        return from_row(DraftRecord, rows[0]) if rows else None

    def require_draft(self, draft_id: int) -> DraftRecord:
        draft = self.get_draft(draft_id)
        if draft is None:
            raise DraftError("draft_not_found", draft_id=str(draft_id))
        return draft

    def list_drafts(
        self,
        status: str | None = None,
        clearance: frozenset[str] | set[str] | None = None,
        limit: int = 100,
    ) -> list[DraftRecord]:
        """Drafts, newest first; only those a key with ``clearance`` may read when it is given."""
        if status is not None and status not in DRAFT_STATUSES:
            raise DraftError("draft_bad_status", state=status, statuses=", ".join(DRAFT_STATUSES))
        sql, params = "SELECT * FROM drafts", []
        if status is not None:
            sql, params = sql + " WHERE status = ?", [status]
        drafts = [
            from_row(DraftRecord, r) for r in self._read(sql + " ORDER BY draft_id DESC", params)
        ]
        if clearance is not None:
            drafts = [d for d in drafts if d.visible_to(clearance)]
        return drafts[: max(0, limit)]

    def get_draft_content(self, draft_id: int, version: int | None = None) -> DraftContent:
        """The draft's text at ``version`` (default: the current one)."""
        return content_from_json(self._version_row(draft_id, version)["content_json"])

    def version_actor(self, draft_id: int, version: int) -> str:
        """Who made ``version`` (its editor; for version 1 whoever stored the generated draft)."""
        return str(self._version_row(draft_id, version)["actor"])

    def _version_row(self, draft_id: int, version: int | None) -> Row:
        draft = self.require_draft(draft_id)
        wanted = draft.current_version if version is None else version
        rows = self._read(
            "SELECT actor, content_json FROM draft_versions WHERE draft_id = ? AND version = ?",
            (draft_id, wanted),
        )
        if not rows:
            raise DraftError(
                "draft_version_not_found",
                draft_id=str(draft_id),
                version=str(wanted),
                current=str(draft.current_version),
            )
        return rows[0]

    def list_versions(self, draft_id: int) -> list[DraftVersion]:
        self.require_draft(draft_id)
        rows = self._read(
            "SELECT draft_id, version, actor, at, kind, section_key, language, diff"
            " FROM draft_versions WHERE draft_id = ? ORDER BY version",
            (draft_id,),
        )
        return [from_row(DraftVersion, r) for r in rows]

    # -- writing ---------------------------------------------------------------------------
    def create_draft(
        self,
        content: DraftContent,
        actor: str,
        title: str | None = None,
        job_id: str | None = None,
    ) -> DraftRecord:
        """Store a generated draft as version 1 with status ``draft``.

        ``job_id`` names the background job that made it (one draft per job, see
        :meth:`draft_for_job`).
        """
        if not content.sections:
            raise DraftError("draft_no_sections")
        at = now_iso()
        with self.transaction() as conn:
            access = self._cited_access(conn, content)
            cur = conn.execute(
                "INSERT INTO drafts (title, period_start, period_end, themes_json,"
                " languages_json, programme_id, generator, access_json, status,"
                " current_version, created_by, created_at, updated_at, job_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?, ?, ?) RETURNING draft_id",
                (
                    (title or "").strip() or _default_title(content),
                    content.period_start,
                    content.period_end,
                    json.dumps(list(content.themes)),
                    json.dumps(list(content.languages)),
                    content.programme_id,
                    content.generator,
                    json.dumps(access),
                    actor,
                    at,
                    at,
                    job_id,
                ),
            )
            draft_id = int(cur.scalar())
            conn.execute(
                "INSERT INTO draft_versions (draft_id, version, actor, at, kind, content_json)"
                " VALUES (?, 1, ?, ?, 'created', ?)",
                (draft_id, actor, at, content_to_json(content)),
            )
        return self.require_draft(draft_id)

    def copy_draft(
        self,
        draft_id: int,
        actor: str,
        version: int | None = None,
        title: str | None = None,
    ) -> DraftRecord:
        """A new draft (status draft, version 1) from a version of an existing one.

        The way to change an approved draft: the approved version stays frozen and the copy
        (by default of the approved version, else of the current one) goes through review
        again. The copy's meta names where it came from.
        """
        with self.transaction():
            source = self.require_draft(draft_id)
            wanted = version or source.approved_version or source.current_version
            content = self.get_draft_content(draft_id, wanted)
            based_on = {"draft_id": draft_id, "version": wanted}
            copied = dataclasses.replace(content, meta={**content.meta, "based_on": based_on})
            new = self.create_draft(copied, actor, title=title or source.title)
        return new

    def add_version(
        self,
        draft: DraftRecord,
        content: DraftContent,
        actor: str,
        section_key: str,
        language: str,
        diff: str,
    ) -> DraftVersion:
        """Store ``content`` as the version after ``draft.current_version`` (one section's edit)."""
        at = now_iso()
        version = draft.current_version + 1
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO draft_versions (draft_id, version, actor, at, kind, section_key,"
                " language, diff, content_json) VALUES (?, ?, ?, ?, 'edit', ?, ?, ?, ?)",
                (
                    draft.draft_id,
                    version,
                    actor,
                    at,
                    section_key,
                    language,
                    diff,
                    content_to_json(content),
                ),
            )
            conn.execute(
                "UPDATE drafts SET current_version = ?, updated_at = ? WHERE draft_id = ?",
                (version, at, draft.draft_id),
            )
        return DraftVersion(draft.draft_id, version, actor, at, "edit", section_key, language, diff)

    def lock_draft(self, draft_id: int) -> DraftRecord:
        """The draft, read inside a write transaction: call it inside the caller's
        ``transaction()``, whose BEGIN IMMEDIATE keeps anyone else from changing the draft
        before that transaction ends."""
        with self.transaction() as conn:
            return self._locked(conn, draft_id)

    # -- helpers ---------------------------------------------------------------------------
    def _locked(self, conn: Connection, draft_id: int) -> DraftRecord:
        """The draft as seen inside the caller's write transaction (BEGIN IMMEDIATE holds the
        write lock, so no one can change it before the transaction ends)."""
        row = conn.execute("SELECT * FROM drafts WHERE draft_id = ?", (draft_id,)).fetchone()
        if row is None:
            raise DraftError("draft_not_found", draft_id=str(draft_id))
        return from_row(DraftRecord, row)

    @staticmethod
    def _cited_access(conn: Connection, content: DraftContent) -> list[str]:
        """The access levels of the documents the draft cites, in ACCESS_LEVELS order.

        A cited document that is no longer registered counts as restricted: its level cannot
        be known, and showing its quotes to too many people is the worse mistake.
        """
        doc_ids = sorted({c.doc_id for s in content.sections for c in s.citations})
        levels: set[str] = set()
        for start in range(0, len(doc_ids), 500):  # stay under SQLite's parameter limit
            batch = doc_ids[start : start + 500]
            marks = ", ".join("?" * len(batch))
            rows = conn.execute(
                f"SELECT doc_id, access FROM documents WHERE doc_id IN ({marks})", batch
            ).fetchall()
            levels.update(r["access"] for r in rows)
            if len(rows) < len(batch):
                levels.add(ACCESS_LEVELS[-1])
        return [level for level in ACCESS_LEVELS if level in levels]
