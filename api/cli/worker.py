"""`tiekartta worker`: a process that takes background jobs from the database until stopped."""

from __future__ import annotations

import signal
import threading
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import Ctx
from rag.core.messages import message
from rag.job_worker import QueueWorker

console = Console()


def worker(
    once: Annotated[
        bool, typer.Option("--once", help="Run at most one job, then exit (for scripts)")
    ] = False,
) -> None:
    """Claim jobs (classify, draft, sync) from the database and run them; Ctrl-C or SIGTERM
    hands a running job back to the queue."""
    ctx = Ctx.load()
    settings = ctx.settings
    queue_worker = QueueWorker(
        ctx.service.jobs,
        heartbeat_s=settings.job_heartbeat_seconds,
        stale_after_s=settings.job_stale_seconds,
    )
    stop = threading.Event()

    def request_stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    console.print(
        message(
            "worker_started",
            ctx.lang,
            worker=queue_worker.worker_id,
            where=queue_worker.where,
        ),
        markup=False,
    )
    if once:
        queue_worker.run_once(stop)
    else:
        queue_worker.run(stop)
