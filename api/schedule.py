"""A sync on a schedule inside the API process: every N minutes a sync job is queued.

The job runs on the process's job worker like one started with ``POST /sync``; a new one is
not queued while the last is still queued or running, so a slow site never piles jobs up.
"""

from __future__ import annotations

import logging
import threading

from ingest.sources.sync import SYNC_JOB
from rag.jobs import JobRunner

log = logging.getLogger("tiekartta.schedule")
SCHEDULE_ACTOR = "schedule"


class SyncSchedule:
    """Queues a sync job every ``interval_s`` seconds until stopped."""

    def __init__(self, runner: JobRunner, interval_s: float) -> None:
        self.runner = runner
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._loop, name="tiekartta-sync-schedule", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def tick(self) -> str | None:
        """Queue a sync unless one is waiting or running; returns the new job's id."""
        busy = [j for j in self.runner.registry.jobs.unfinished_jobs() if j.kind == SYNC_JOB]
        if busy:
            return None
        return self.runner.submit(SYNC_JOB, SCHEDULE_ACTOR, {"sources": []}).job_id

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                self.tick()
            except Exception:  # noqa: BLE001 - a failed tick must not end the schedule
                log.exception("could not queue the scheduled sync")
