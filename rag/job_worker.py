"""A worker process's loop: claim a job from the database, run it, keep its heartbeat fresh.

Any number of workers, on any machine that reaches the database and the data directory, take
jobs from one queue (``JobStore.claim_job``). While a job runs, a thread renews its heartbeat;
a worker that dies (SIGKILL, power loss) leaves a heartbeat that goes stale, and the next
worker to look takes the job over and resumes it from the job's own checkpoints (classify stores
each batch of rows under the job id). A worker that finds its job taken over (it was too slow
to beat) stops the handler at its next progress call and stores nothing, so a job never has
two owners that both finish it.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading

from rag.jobs import JobRunner
from rag.store.jobs import JobRecord

log = logging.getLogger("tiekartta.worker")


def new_worker_id() -> str:
    """Unique per process and readable in the jobs table: host, pid and a random tail."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class QueueWorker:
    """Takes jobs of the runner's registered kinds from the database, one at a time."""

    def __init__(
        self,
        runner: JobRunner,
        worker_id: str | None = None,
        heartbeat_s: float = 2.0,
        stale_after_s: float = 30.0,
        poll_s: float = 1.0,
    ) -> None:
        if stale_after_s <= heartbeat_s:
            raise ValueError("the stale limit must be longer than the heartbeat interval")
        self.runner = runner
        self.worker_id = worker_id or new_worker_id()
        self.heartbeat_s = heartbeat_s
        self.stale_after_s = stale_after_s
        self.poll_s = poll_s

    @property
    def where(self) -> str:
        """The database the worker takes jobs from (without a password), for messages."""
        return self.runner.registry.db.where

    def run_once(self, stop: threading.Event) -> JobRecord | None:
        """Claim and run one job; returns it, or None when the queue had nothing to give."""
        jobs = self.runner.registry.jobs
        job = jobs.claim_job(self.worker_id, self.runner.kinds, self.stale_after_s)
        if job is None:
            return None
        if job.attempts > 1:
            log.info("job %s taken over (attempt %d)", job.job_id, job.attempts)
        job_stop = threading.Event()
        lost = threading.Event()
        done = threading.Event()

        def beat() -> None:
            while not done.wait(self.heartbeat_s):
                if stop.is_set():
                    job_stop.set()
                if not jobs.heartbeat(job.job_id, self.worker_id):
                    lost.set()
                    job_stop.set()
                    return

        beater = threading.Thread(target=beat, name=f"heartbeat-{job.job_id}", daemon=True)
        beater.start()
        try:
            self.runner.execute(job, job_stop, owned=lambda: not lost.is_set())
        finally:
            done.set()
            beater.join()
        return jobs.get_job(job.job_id)

    def run(self, stop: threading.Event) -> None:
        """Work until ``stop`` is set (a running job is handed back to the queue then)."""
        while not stop.is_set():
            if self.run_once(stop) is None:
                stop.wait(self.poll_s)
