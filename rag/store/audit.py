"""The audit log (``audit_events``): who asked or changed what, kept for a retention period."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from rag.store.db import (
    RegistryError,
    Store,
    iso_utc,
    now_iso,
    time_window,
    to_json,
    utc_now,
)
from rag.store.rows import from_row

CLI_ACTOR = "cli"  # actor of events caused from the command line rather than an API key


@dataclass(frozen=True)
class AuditEvent:
    event_id: int
    at: str  # UTC ISO-8601
    actor: str  # key id or "cli"
    action: str  # e.g. "ask", "ingest", "key.create"
    detail: dict[str, Any] = field(default_factory=dict)


class AuditLog(Store):
    """Audit methods of the registry (held by :class:`rag.store.registry.Registry`)."""

    def log_event(
        self, actor: str, action: str, detail: dict[str, Any] | None = None
    ) -> AuditEvent:
        """Record one event; ``detail`` must be JSON-like (other values are stored as text)."""
        if not actor or not action:
            raise RegistryError("an audit event needs an actor and an action")
        at = now_iso()
        detail = dict(detail or {})
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO audit_events (at, actor, action, detail_json) VALUES (?, ?, ?, ?)"
                " RETURNING event_id",
                (at, actor, action, to_json(detail)),
            )
            event_id = int(cur.scalar())
        return AuditEvent(event_id, at, actor, action, json.loads(to_json(detail)))

    def list_events(
        self,
        since: datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int = 100,
    ) -> list[AuditEvent]:
        """Matching events, newest first; ``since`` is inclusive (naive means UTC)."""
        clauses: list[str] = []
        params: list[Any] = []
        if since is not None:
            clauses.append("at >= ?")
            params.append(iso_utc(since))
        if actor is not None:
            clauses.append("actor = ?")
            params.append(actor)
        if action is not None:
            clauses.append("action = ?")
            params.append(action)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        params.append(max(0, limit))
        rows = self._read(
            f"SELECT * FROM audit_events{where} ORDER BY event_id DESC LIMIT ?", params
        )
        return [from_row(AuditEvent, r) for r in rows]

    def purge_events(self, older_than_days: int, now: datetime | None = None) -> int:
        """Delete events older than the retention period; returns how many were deleted.

        Called with ``Settings.audit_retention_days``; ``now`` is for tests.
        """
        if older_than_days < 0:
            raise RegistryError(f"retention must be 0 days or more, not {older_than_days}")
        cutoff = iso_utc((now or utc_now()) - timedelta(days=older_than_days))
        with self.transaction() as conn:
            cur = conn.execute("DELETE FROM audit_events WHERE at < ?", (cutoff,))
            return cur.rowcount

    def mask_events(
        self,
        before: str,
        mask_detail: Callable[[dict[str, Any]], dict[str, Any]],
        since: str | None = None,
    ) -> int:
        """Replace the details of events older than ``before`` (UTC ISO; and not older than
        ``since``) by ``mask_detail(detail)``; returns how many events changed (0 on a second
        run)."""
        changed: list[tuple[str, int]] = []
        window, params = time_window("at", before, since)
        for row in self._read(
            f"SELECT event_id, detail_json FROM audit_events WHERE {window}", params
        ):
            detail = json.loads(row["detail_json"])
            masked = mask_detail(detail)
            if masked != detail:
                changed.append((to_json(masked), int(row["event_id"])))
        if changed:
            with self.transaction() as conn:
                conn.executemany(
                    "UPDATE audit_events SET detail_json = ? WHERE event_id = ?", changed
                )
        return len(changed)
