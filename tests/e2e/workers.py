"""Helpers for tests that run `tiekartta worker` processes: start them, watch a job in the
database, SIGKILL the worker that owns a job half-way and check that another one finishes it
with every row exactly once."""

from __future__ import annotations

import csv
import signal
import subprocess
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from rag.store.jobs import JobRecord
from rag.store.registry import Registry
from tests.e2e.test_classify_resume import _cli, _env

# Long enough that a worker slowed by a loaded machine is not taken for dead.
STALE_S = 10.0
OMASTADI_TEXT_COLUMN = "title"  # short texts keep the job within a CI run's time
OMASTADI_ID_COLUMNS = "round,id"


def worker_env(**extra: str) -> dict[str, str]:
    """The environment of an API or worker process using the database queue."""
    return _env(
        TIEKARTTA_JOB_WORKERS="queue",
        TIEKARTTA_JOB_HEARTBEAT_SECONDS="1",
        TIEKARTTA_JOB_STALE_SECONDS=str(STALE_S),
        **extra,
    )


def start_worker(data_dir: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        _cli(data_dir, "worker"), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def omastadi_csv(shared_data: Path, path: Path, rows: int) -> None:
    """The first `rows` distinct real OmaStadi proposals (the published file repeats some
    round+id records), as a file a user would upload."""
    records: dict[tuple[str, str], dict[str, str]] = {}
    with (shared_data / "omastadi" / "proposals.csv").open(encoding="utf-8", newline="") as src:
        for record in csv.DictReader(src):
            records.setdefault((record["round"], record["id"]), record)
            if len(records) == rows:
                break
    assert len(records) == rows
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=["round", "id", "title", "texts"])
        writer.writeheader()
        for record in records.values():
            writer.writerow({k: record[k] for k in ("round", "id", "title", "texts")})


def wait_for_job(
    registry: Registry,
    job_id: str,
    ready: Callable[[JobRecord], bool],
    processes: Iterable[subprocess.Popen[bytes]],
    what: str,
    timeout: float = 600,
) -> None:
    """Return once `ready(job)`; fail if one of `processes` exits or the time runs out."""
    deadline = time.monotonic() + timeout
    watched = list(processes)
    while time.monotonic() < deadline:
        for proc in watched:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        job = registry.jobs.get_job(job_id)
        assert job is not None
        if ready(job):
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def kill_owner_and_check_takeover(
    registry: Registry,
    job_id: str,
    workers: dict[int, subprocess.Popen[bytes]],
    kill_after: int,
    rows: int,
    others: Iterable[subprocess.Popen[bytes]] = (),
) -> subprocess.Popen[bytes]:
    """SIGKILL the worker running the job once it stored `kill_after` rows; check that another
    worker takes it over and finishes it, each of the `rows` rows stored once and the rows
    stored before the kill not classified again. Returns the surviving worker (removed the
    victim from `workers`); `others` are processes that must stay up meanwhile."""
    others = list(others)
    wait_for_job(
        registry,
        job_id,
        lambda j: len(registry.proposals.job_proposals(j.job_id)) >= kill_after,
        [*workers.values(), *others],
        "the first rows",
    )
    owner = registry.jobs.get_job(job_id)
    assert owner is not None and owner.worker is not None
    victim = workers.pop(int(owner.worker.split(":")[1]))
    victim.send_signal(signal.SIGKILL)
    assert victim.wait(timeout=30) == -signal.SIGKILL
    before = {pid: p.classified_at for pid, p in registry.proposals.job_proposals(job_id).items()}
    assert kill_after <= len(before) < rows

    wait_for_job(
        registry, job_id, lambda j: j.finished, [*workers.values(), *others], "the takeover"
    )
    [survivor] = workers.values()
    done = registry.jobs.get_job(job_id)
    assert done is not None and done.status == "done", done and done.error
    # At least the takeover; a worker too slow to beat may lose the job and take it back.
    assert done.attempts >= 2 and done.worker is not None
    assert int(done.worker.split(":")[1]) == survivor.pid
    assert done.result["resumed"] >= len(before)
    assert done.result["resumed"] + done.result["classified"] == rows
    after = registry.proposals.job_proposals(job_id)
    assert len(after) == rows
    for proposal_id, classified_at in before.items():
        assert after[proposal_id].classified_at == classified_at, f"{proposal_id} redone"
    return survivor
