"""Jobs as a queue: two `tiekartta worker` processes share one database; the one running a
classify job is SIGKILLed half-way, the other takes the job over once its heartbeat is stale and
finishes it from the checkpoints, every row exactly once. On SQLite and on PostgreSQL."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from api.container import Tiekartta
from rag.classify.jobs import CLASSIFY_JOB, classify_params
from rag.store.registry import Registry
from tests.conftest import make_settings
from tests.e2e.test_classify_resume import KILL_AFTER, N_ROWS, _cli, _env, _proposal_csv

# Long enough that a worker slowed by a loaded machine is not taken for dead.
STALE_S = 10.0


def _worker(data_dir: Path, database: str) -> subprocess.Popen[bytes]:
    env = _env(
        TIEKARTTA_JOB_WORKERS="queue",
        TIEKARTTA_JOB_HEARTBEAT_SECONDS="1",
        TIEKARTTA_JOB_STALE_SECONDS=str(STALE_S),
        TIEKARTTA_DATABASE_URL=database,
    )
    return subprocess.Popen(
        _cli(data_dir, "worker"), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _wait(registry: Registry, job_id: str, ready, workers, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        for proc in workers:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        job = registry.jobs.get_job(job_id)
        assert job is not None
        if ready(job):
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return str(request.getfixturevalue("postgres_url"))
    return ""  # the SQLite file in the data directory


def test_a_killed_workers_job_is_taken_over_and_finished_once(
    tmp_path: Path, database: str
) -> None:
    source, data_dir = tmp_path / "ehdotukset.csv", tmp_path / "data"
    _proposal_csv(source)
    settings = make_settings(data_dir, database_url=database or None, job_workers="queue")
    service = Tiekartta(settings)
    registry = service.registry
    params = classify_params(source, ["ehdotus"], ["nro"], mode="offline")
    job = service.jobs.submit(CLASSIFY_JOB, "cli", params)
    assert registry.jobs.get_job(job.job_id).status == "queued"  # type: ignore[union-attr]

    workers = {}
    try:
        for _ in range(2):
            proc = _worker(data_dir, database)
            workers[proc.pid] = proc
        _wait(
            registry,
            job.job_id,
            lambda j: len(registry.proposals.job_proposals(j.job_id)) >= KILL_AFTER,
            workers.values(),
            "the first rows",
        )
        owner = registry.jobs.get_job(job.job_id)
        assert owner is not None and owner.worker is not None
        victim = workers.pop(int(owner.worker.split(":")[1]))
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
        before = {
            pid: p.classified_at for pid, p in registry.proposals.job_proposals(job.job_id).items()
        }
        assert KILL_AFTER <= len(before) < N_ROWS

        _wait(registry, job.job_id, lambda j: j.finished, workers.values(), "the takeover")
        [survivor] = workers.values()
        done = registry.jobs.get_job(job.job_id)
        assert done is not None and done.status == "done", done and done.error
        # At least the takeover; a worker too slow to beat may lose the job and take it back.
        assert done.attempts >= 2 and done.worker is not None
        assert int(done.worker.split(":")[1]) == survivor.pid
        assert done.result["resumed"] >= len(before)
        assert done.result["resumed"] + done.result["classified"] == N_ROWS
        after = registry.proposals.job_proposals(job.job_id)
        assert len(after) == N_ROWS
        for proposal_id, classified_at in before.items():
            assert after[proposal_id].classified_at == classified_at, f"{proposal_id} redone"
        survivor.send_signal(signal.SIGTERM)
        assert survivor.wait(timeout=60) == 0
    finally:
        for proc in workers.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
        registry.close()
