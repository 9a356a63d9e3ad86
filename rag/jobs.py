"""Run long work (a file of proposals to classify, a roadmap draft) in the background.

One worker thread per process takes queued jobs in order (the embedded default); with
``in_process=False`` jobs are only stored and ``tiekartta worker`` processes claim them from the
database (``rag/job_worker.py``). Job state is in the registry
(``rag/store/jobs.py``), so a job survives a restart: :meth:`JobRunner.resume_unfinished`
queues again whatever was queued or running when the process stopped, and each handler resumes
from its own checkpoints (e.g. rows already classified are stored and skipped). Run jobs in
one process per data directory (the API server); the CLI runs its work in the foreground.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.store.jobs import JobRecord
from rag.store.registry import Registry, RegistryError

log = logging.getLogger("tiekartta.jobs")

# Progress is written at most this often (seconds): a fast loop must not turn into a write
# storm on SQLite, and a poller only needs a recent figure.
PROGRESS_INTERVAL_S = 0.5


class JobError(Exception):
    """A job cannot go on; the message is shown to the user and the job ends as failed."""


class JobStopped(Exception):
    """Raised inside a handler (by :meth:`JobContext.progress`) when the runner shuts down."""


@dataclass
class JobContext:
    """What a handler gets: its job, the registry, a folder of its own and a progress call."""

    job: JobRecord
    registry: Registry
    workdir: Path
    _stop: threading.Event = field(default_factory=threading.Event, repr=False)
    _last_write: float = field(default=0.0, repr=False)

    def progress(self, done: int, total: int | None = None, force: bool = False) -> None:
        """Record how far the job is; raises :class:`JobStopped` if the runner is stopping."""
        if self._stop.is_set():
            raise JobStopped(self.job.job_id)
        now = time.monotonic()
        finished = total is not None and done >= total
        if force or finished or now - self._last_write >= PROGRESS_INTERVAL_S:
            self._last_write = now
            self.registry.jobs.update_job_progress(self.job.job_id, done, total)

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()


JobHandler = Callable[[JobContext], dict[str, Any]]
# Called with a job once it is stored as done or failed (e.g. to mask its files).
FinishHook = Callable[[JobRecord], object]


class JobRunner:
    """A FIFO queue of jobs and the one thread that works through it."""

    def __init__(self, registry: Registry, jobs_dir: Path, in_process: bool = True) -> None:
        self.registry = registry
        self.jobs_dir = Path(jobs_dir)
        # False: jobs are only stored; `tiekartta worker` processes take them from the database.
        self.in_process = in_process
        self._handlers: dict[str, JobHandler] = {}
        self._finish_hooks: list[FinishHook] = []
        # Jobs stored as ended whose finish hooks still run: wait() holds until they are done,
        # so a caller never sees a job's files before e.g. the masking hook has rewritten them.
        self._finishing: set[str] = set()
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- setup ------------------------------------------------------------------------------
    def register(self, kind: str, handler: JobHandler) -> None:
        self._handlers[kind] = handler

    def when_finished(self, hook: FinishHook) -> None:
        """Call ``hook`` with every job this runner stores as done or failed."""
        self._finish_hooks.append(hook)

    def finished(self, job: JobRecord) -> None:
        """Run the finish hooks; a failing hook is logged and never fails the job."""
        for hook in self._finish_hooks:
            try:
                hook(job)
            except Exception:  # noqa: BLE001 - the job's own outcome is already stored
                log.exception("after job %s (%s) ended", job.job_id, job.kind)

    def _end(self, job_id: str, store: Callable[[], JobRecord]) -> None:
        """Store how a job ended with ``store``, then run the finish hooks; wait() sees the
        job as ended only after both."""
        with self._lock:
            self._finishing.add(job_id)
        try:
            self.finished(store())
        finally:
            with self._lock:
                self._finishing.discard(job_id)

    @property
    def kinds(self) -> list[str]:
        return sorted(self._handlers)

    def get(self, job_id: str) -> JobRecord | None:
        return self.registry.jobs.get_job(job_id)

    def workdir(self, job_id: str) -> Path:
        """The job's own folder for inputs and results (created on demand)."""
        path = self.jobs_dir / job_id
        path.mkdir(parents=True, exist_ok=True)
        return path

    # -- use --------------------------------------------------------------------------------
    def submit(self, kind: str, actor: str, params: dict[str, Any] | None = None) -> JobRecord:
        """Store a queued job and hand it to the worker; returns at once."""
        if kind not in self._handlers:
            raise RegistryError(f"unknown job kind '{kind}': use one of {', '.join(self.kinds)}")
        job = self.registry.jobs.create_job(kind, actor, params)
        self.workdir(job.job_id)
        if self.in_process:
            self._enqueue(job.job_id)
        return job

    def resume_unfinished(self) -> list[str]:
        """Queue every job a previous process left queued or running; returns their ids."""
        resumed: list[str] = []
        if not self.in_process:
            return resumed  # the workers take over what a stopped worker left
        for job in self.registry.jobs.unfinished_jobs():
            if job.kind not in self._handlers:
                log.warning("job %s of unknown kind '%s' left as it is", job.job_id, job.kind)
                continue
            if job.status == "running":
                self.registry.jobs.requeue_job(job.job_id)
            self._enqueue(job.job_id)
            resumed.append(job.job_id)
        return resumed

    def wait(self, job_id: str, timeout: float | None = None, poll: float = 0.05) -> JobRecord:
        """Block until the job is done or failed (or ``timeout`` seconds pass)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            job = self.registry.jobs.get_job(job_id)
            if job is None:
                raise RegistryError(f"no job with id '{job_id}'")
            with self._lock:
                hooks_running = job_id in self._finishing
            if (job.finished and not hooks_running) or (
                deadline is not None and time.monotonic() >= deadline
            ):
                return job
            time.sleep(poll)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop after the current handler notices (at its next progress call)."""
        self._stop.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(timeout)

    # -- worker -----------------------------------------------------------------------------
    def _enqueue(self, job_id: str) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._stop.clear()
                self._thread = threading.Thread(
                    target=self._work, name="tiekartta-jobs", daemon=True
                )
                self._thread.start()
        self._queue.put(job_id)

    def _work(self) -> None:
        while not self._stop.is_set():
            job_id = self._queue.get()
            if job_id is None:
                break
            self._run(job_id)

    def _run(self, job_id: str) -> None:
        job = self.registry.jobs.get_job(job_id)
        if job is None or job.finished:
            return  # removed, or queued twice and already run
        self.execute(self.registry.jobs.start_job(job_id), self._stop)

    def execute(
        self, job: JobRecord, stop: threading.Event, owned: Callable[[], bool] = lambda: True
    ) -> None:
        """Run a started job's handler and store how it ended.

        ``owned()`` says whether this process still holds the job: a queue worker that lost
        it (its heartbeat went stale and another worker took over) stores nothing at the end.
        """
        handler = self._handlers[job.kind]
        context = JobContext(job, self.registry, self.workdir(job.job_id), stop)
        try:
            result = handler(context)
        except JobStopped:
            # Shutting down: leave it queued so the next start (or another worker) resumes it.
            if owned():
                self.registry.jobs.requeue_job(job.job_id)
            return
        except JobError as exc:
            if owned():
                message = str(exc)
                self._end(job.job_id, lambda: self.registry.jobs.fail_job(job.job_id, message))
            return
        except Exception as exc:  # noqa: BLE001 - a broken job must not kill the worker
            log.exception("job %s (%s) failed", job.job_id, job.kind)
            if owned():
                error = f"{type(exc).__name__}: {exc}"
                self._end(job.job_id, lambda: self.registry.jobs.fail_job(job.job_id, error))
            return
        if owned():
            self._end(job.job_id, lambda: self.registry.jobs.finish_job(job.job_id, result))
