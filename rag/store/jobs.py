"""Background jobs (``jobs``): what was asked, by whom, how far it got and what it produced.

The state lives in SQLite so a job outlives the process that started it: after a restart the
runner (``rag/jobs.py``) queues every job that was still queued or running, and the job's
handler carries on from its own checkpoints.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from rag.store.db import RegistryError, Store, iso_utc, now_iso, to_json, utc_now
from rag.store.rows import from_row

JOB_STATUSES = ("queued", "running", "done", "failed")
UNFINISHED = ("queued", "running")


@dataclass(frozen=True)
class JobRecord:
    job_id: str
    kind: str  # e.g. "classify", "draft"
    actor: str  # key id or "cli"
    status: str  # one of JOB_STATUSES
    params: dict[str, Any] = field(default_factory=dict)
    done: int = 0
    total: int | None = None
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    created_at: str = ""
    updated_at: str = ""
    worker: str | None = None  # the worker process running it (queue mode)
    heartbeat_at: str | None = None
    attempts: int = 0  # how often a worker started it (a takeover counts)

    @property
    def finished(self) -> bool:
        return self.status not in UNFINISHED


class JobStore(Store):
    """Job methods of the registry (held by :class:`rag.store.registry.Registry`)."""

    def create_job(self, kind: str, actor: str, params: dict[str, Any] | None = None) -> JobRecord:
        """A new queued job; ``params`` must be JSON-like (it is what a resumed run reads)."""
        if not kind or not actor:
            raise RegistryError("a job needs a kind and an actor")
        job_id = secrets.token_hex(8)
        at = now_iso()
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO jobs (job_id, kind, actor, status, params_json, created_at,"
                " updated_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)",
                (job_id, kind, actor, to_json(params or {}), at, at),
            )
        job = self.get_job(job_id)
        assert job is not None  # just inserted in this transaction's connection
        return job

    def get_job(self, job_id: str) -> JobRecord | None:
        rows = self._read("SELECT * FROM jobs WHERE job_id = ?", (job_id,))
        return from_row(JobRecord, rows[0]) if rows else None

    def list_jobs(
        self, kind: str | None = None, actor: str | None = None, limit: int = 50
    ) -> list[JobRecord]:
        """Jobs, newest first, optionally of one kind and/or one actor."""
        clauses, params = [], []
        for column, value in (("kind", kind), ("actor", actor)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._read(
            f"SELECT * FROM jobs{where} ORDER BY created_at DESC, job_id LIMIT ?",
            [*params, max(0, limit)],
        )
        return [from_row(JobRecord, r) for r in rows]

    def unfinished_jobs(self) -> list[JobRecord]:
        """Queued or running jobs, oldest first: the ones to resume after a restart."""
        rows = self._read(
            "SELECT * FROM jobs WHERE status IN ('queued', 'running') ORDER BY created_at, job_id"
        )
        return [from_row(JobRecord, r) for r in rows]

    def jobs_finished_before(self, before: str, kinds: Sequence[str]) -> list[JobRecord]:
        """Jobs of ``kinds`` that ended (done or failed) before ``before`` (UTC ISO), oldest
        first: their files are past the raw-text retention period. A finished job is never
        written again, so its ``updated_at`` is when it ended."""
        if not kinds:
            return []
        marks = ", ".join("?" * len(kinds))
        rows = self._read(
            "SELECT * FROM jobs WHERE status NOT IN ('queued', 'running') AND updated_at < ?"
            f" AND kind IN ({marks}) ORDER BY updated_at, job_id",
            [before, *kinds],
        )
        return [from_row(JobRecord, r) for r in rows]

    def _update_job(self, job_id: str, **values: Any) -> JobRecord:
        values["updated_at"] = now_iso()
        assignments = ", ".join(f"{name} = ?" for name in values)
        with self.transaction() as conn:
            cur = conn.execute(
                f"UPDATE jobs SET {assignments} WHERE job_id = ?", [*values.values(), job_id]
            )
            if cur.rowcount == 0:
                raise RegistryError(f"no job with id '{job_id}'")
        job = self.get_job(job_id)
        assert job is not None
        return job

    def start_job(self, job_id: str) -> JobRecord:
        return self._update_job(job_id, status="running", error=None)

    def requeue_job(self, job_id: str) -> JobRecord:
        """Back to queued (the process stopped while it ran); progress is kept."""
        return self._update_job(job_id, status="queued")

    def update_job_progress(self, job_id: str, done: int, total: int | None = None) -> JobRecord:
        if total is None:
            return self._update_job(job_id, done=max(0, done))
        return self._update_job(job_id, done=max(0, done), total=max(0, total))

    def finish_job(self, job_id: str, result: dict[str, Any] | None = None) -> JobRecord:
        return self._update_job(job_id, status="done", result_json=to_json(result or {}))

    def fail_job(self, job_id: str, error: str) -> JobRecord:
        return self._update_job(job_id, status="failed", error=error or "failed")

    # -- the queue: worker processes claim jobs from the database ---------------------------
    def claim_job(
        self, worker: str, kinds: Sequence[str], stale_after_s: float
    ) -> JobRecord | None:
        """Take the oldest queued job of ``kinds``, or a running one whose worker went silent.

        PostgreSQL skips rows another worker is claiming (``FOR UPDATE SKIP LOCKED``); SQLite
        has one writer at a time, so the claim inside ``BEGIN IMMEDIATE`` is already exclusive.
        """
        if not kinds:
            return None
        now = utc_now()
        cutoff = iso_utc(now - timedelta(seconds=stale_after_s))
        marks = ", ".join("?" * len(kinds))
        lock = "" if self.db.is_sqlite else " FOR UPDATE SKIP LOCKED"
        with self.transaction() as conn:
            row = conn.execute(
                f"SELECT job_id FROM jobs WHERE kind IN ({marks}) AND (status = 'queued' OR"
                " (status = 'running' AND heartbeat_at IS NOT NULL AND heartbeat_at < ?))"
                f" ORDER BY created_at, job_id LIMIT 1{lock}",
                [*kinds, cutoff],
            ).fetchone()
            if row is None:
                return None
            at = iso_utc(now)
            conn.execute(
                "UPDATE jobs SET status = 'running', worker = ?, heartbeat_at = ?,"
                " attempts = attempts + 1, error = NULL, updated_at = ? WHERE job_id = ?",
                (worker, at, at, row[0]),
            )
        return self.get_job(row[0])

    def heartbeat(self, job_id: str, worker: str) -> bool:
        """Say the worker still runs the job; False if the job is no longer its own."""
        with self.transaction() as conn:
            cur = conn.execute(
                "UPDATE jobs SET heartbeat_at = ? WHERE job_id = ? AND worker = ?"
                " AND status = 'running'",
                (now_iso(), job_id, worker),
            )
            return cur.rowcount > 0
