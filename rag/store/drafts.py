"""The draft store: drafts and their versions (each edit one version with its diff).

Every change is one transaction; the draft service (api/services/drafts.py) writes its audit
event inside the same transaction, so the audit log never shows an action that did not happen
(or misses one that did). The rules (which status allows what,
which role an action needs) are in ``draft_records.py``; comments and status changes in
``draft_review.py``.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
import sqlite3

from rag.core.documents import ACCESS_LEVELS
from rag.core.drafts import DraftContent
from rag.store.db import Store, now_iso
from rag.store.draft_records import (
    DRAFT_STATUSES,
    EDITABLE_STATUSES,
    MAX_SECTION_CHARS,
    DraftError,
    DraftRecord,
    DraftVersion,
    content_from_json,
    content_to_json,
    find_section,
)
from rag.store.rows import from_row

_MARKER = re.compile(r"\[(\d+)\]")


def _default_title(content: DraftContent) -> str:
    programme = content.programme_id or "roadmap"
    return f"{programme} follow-up {content.period_start}..{content.period_end}"


def section_diff(old: str, new: str, label: str, old_version: int) -> str:
    """A unified diff of one section's text between two versions."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"v{old_version}/{label}",
        tofile=f"v{old_version + 1}/{label}",
    )
    # A last line without a newline would glue onto the next diff line; end every line.
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


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
        draft = self.require_draft(draft_id)
        wanted = draft.current_version if version is None else version
        rows = self._read(
            "SELECT content_json FROM draft_versions WHERE draft_id = ? AND version = ?",
            (draft_id, wanted),
        )
        if not rows:
            raise DraftError(
                "draft_version_not_found",
                draft_id=str(draft_id),
                version=str(wanted),
                current=str(draft.current_version),
            )
        return content_from_json(rows[0]["content_json"])

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
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?, ?, ?)",
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
            draft_id = int(cur.lastrowid or 0)
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

    def edit_section(
        self,
        draft_id: int,
        section_key: str,
        language: str,
        text: str,
        actor: str,
        base_version: int | None = None,
    ) -> DraftVersion:
        """Replace one section's text; the result is a new version with the diff kept.

        ``base_version`` is the version the editor started from: when someone else saved in
        between, the edit is refused instead of silently overwriting their change.
        """
        if not text.strip():
            raise DraftError("draft_empty_text", section=section_key, lang=language)
        if len(text) > MAX_SECTION_CHARS:
            raise DraftError("draft_text_too_long", limit=str(MAX_SECTION_CHARS))
        at = now_iso()
        with self.transaction() as conn:
            draft = self._locked(conn, draft_id)
            if draft.status not in EDITABLE_STATUSES:
                code = "draft_frozen" if draft.status == "approved" else "draft_not_editable"
                raise DraftError(code, draft_id=str(draft_id), state=draft.status)
            if base_version is not None and base_version != draft.current_version:
                raise DraftError(
                    "draft_stale_version",
                    draft_id=str(draft_id),
                    base=str(base_version),
                    current=str(draft.current_version),
                )
            content = self.get_draft_content(draft_id)
            section = find_section(content, section_key, language)
            if text == section.text:
                raise DraftError(
                    "draft_text_unchanged",
                    section=section_key,
                    lang=language,
                    version=str(draft.current_version),
                )
            known = {c.number for c in section.citations}
            unknown = sorted({int(n) for n in _MARKER.findall(text)} - known)
            if unknown:
                raise DraftError(
                    "draft_unknown_citation",
                    section=section_key,
                    lang=language,
                    numbers=", ".join(f"[{n}]" for n in unknown),
                    known=", ".join(f"[{n}]" for n in sorted(known)) or "-",
                )
            diff = section_diff(
                section.text, text, f"{section_key}.{language}", draft.current_version
            )
            new_content = dataclasses.replace(
                content,
                sections=[
                    dataclasses.replace(s, text=text) if s is section else s
                    for s in content.sections
                ],
            )
            version = draft.current_version + 1
            conn.execute(
                "INSERT INTO draft_versions (draft_id, version, actor, at, kind, section_key,"
                " language, diff, content_json) VALUES (?, ?, ?, ?, 'edit', ?, ?, ?, ?)",
                (
                    draft_id,
                    version,
                    actor,
                    at,
                    section_key,
                    language,
                    diff,
                    content_to_json(new_content),
                ),
            )
            # Editing a rejected draft reopens it: it is a draft again until resubmitted.
            if draft.status == "rejected":
                self._record_status(conn, draft, "draft", actor, at, "edited after rejection")
            conn.execute(
                "UPDATE drafts SET current_version = ?, updated_at = ?, status = 'draft'"
                " WHERE draft_id = ?",
                (version, at, draft_id),
            )
        return DraftVersion(draft_id, version, actor, at, "edit", section_key, language, diff)

    # -- helpers ---------------------------------------------------------------------------
    def _locked(self, conn: sqlite3.Connection, draft_id: int) -> DraftRecord:
        """The draft as seen inside the caller's write transaction (BEGIN IMMEDIATE holds the
        write lock, so no one can change it before the transaction ends)."""
        row = conn.execute("SELECT * FROM drafts WHERE draft_id = ?", (draft_id,)).fetchone()
        if row is None:
            raise DraftError("draft_not_found", draft_id=str(draft_id))
        return from_row(DraftRecord, row)

    def _record_status(
        self,
        conn: sqlite3.Connection,
        draft: DraftRecord,
        to_status: str,
        actor: str,
        at: str,
        reason: str,
    ) -> None:
        conn.execute(
            "INSERT INTO draft_status_changes (draft_id, version, from_status, to_status, actor,"
            " at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (draft.draft_id, draft.current_version, draft.status, to_status, actor, at, reason),
        )
        conn.execute(
            "UPDATE drafts SET status = ?, updated_at = ? WHERE draft_id = ?",
            (to_status, at, draft.draft_id),
        )

    @staticmethod
    def _cited_access(conn: sqlite3.Connection, content: DraftContent) -> list[str]:
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
