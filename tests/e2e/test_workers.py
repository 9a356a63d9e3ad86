"""Jobs as a queue: two `tiekartta worker` processes share one database; the one running a
classify job is SIGKILLed half-way, the other takes the job over once its heartbeat is stale and
finishes it from the checkpoints, every row exactly once. On SQLite and on PostgreSQL."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from api.container import Tiekartta
from rag.classify.jobs import CLASSIFY_JOB, classify_params
from tests.conftest import make_settings
from tests.e2e.test_classify_resume import KILL_AFTER, N_ROWS, _proposal_csv
from tests.e2e.workers import kill_owner_and_check_takeover, start_worker, worker_env


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

    env = worker_env(TIEKARTTA_DATABASE_URL=database)
    workers = {}
    try:
        for _ in range(2):
            proc = start_worker(data_dir, env)
            workers[proc.pid] = proc
        survivor = kill_owner_and_check_takeover(registry, job.job_id, workers, KILL_AFTER, N_ROWS)
        survivor.send_signal(signal.SIGTERM)
        assert survivor.wait(timeout=60) == 0
    finally:
        for proc in workers.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
        registry.close()
