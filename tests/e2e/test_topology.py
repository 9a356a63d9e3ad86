"""The whole topology in real processes: two API processes and two job workers sharing
PostgreSQL, a Chroma server and one data directory. A document ingested through one API
process is cited by the other; a classify job posted to one is run by a worker and read from
the other; the audit log in the database holds each of these actions."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest

from rag.store.registry import Registry
from tests.e2e.server import free_port, stop, wait_for_health
from tests.e2e.test_classify_resume import N_ROWS, _cli, _env, _proposal_csv

NOTICE = (
    "Porvoon kaupunki avaa uuden digitaalisen asiointipisteen Kevätkummun kirjastoon "
    "maaliskuussa 2026. Asiointipisteessä voi hoitaa kaupungin sähköisiä palveluita "
    "henkilökunnan opastuksella."
)


@pytest.mark.postgres
@pytest.mark.chroma_server
def test_two_api_processes_two_workers_postgres_and_chroma_server(
    tmp_path: Path, postgres_url: str, chroma_url: str
) -> None:
    data_dir = tmp_path / "data"
    env = _env(
        TIEKARTTA_DATABASE_URL=postgres_url,
        TIEKARTTA_CHROMA_URL=chroma_url,
        TIEKARTTA_COLLECTION=f"topology-{free_port()}",
        TIEKARTTA_JOB_WORKERS="queue",
        TIEKARTTA_JOB_HEARTBEAT_SECONDS="1",
        TIEKARTTA_JOB_STALE_SECONDS="10",
    )
    with Registry(postgres_url) as registry:
        secret = registry.keys.create_key("editor", "topology").secret
    headers = {"Authorization": f"Bearer {secret}"}
    processes: list[subprocess.Popen[bytes]] = []
    try:
        bases = []
        for _ in range(2):
            port = free_port()
            server = subprocess.Popen(
                _cli(data_dir, "serve", "--port", str(port)),
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            processes.append(server)
            bases.append(f"http://127.0.0.1:{port}")
        for _ in range(2):
            processes.append(
                subprocess.Popen(
                    _cli(data_dir, "worker"),
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
        for base, server in zip(bases, processes, strict=False):
            wait_for_health(base, server, timeout=300)
        first, second = bases

        uploaded = httpx.post(
            f"{first}/documents",
            headers=headers,
            files=[("files", ("asiointipiste.txt", NOTICE.encode(), "text/plain"))],
            timeout=300,
        )
        assert uploaded.status_code == 201, uploaded.text
        [doc_id] = uploaded.json()["ingested"]
        asked = httpx.post(
            f"{second}/ask",
            headers=headers,
            json={"question": "Mihin kirjastoon avataan digitaalinen asiointipiste?"},
            timeout=300,
        )
        assert asked.status_code == 200, asked.text
        assert doc_id in [s["doc_id"] for s in asked.json()["sources"]]

        source = tmp_path / "ehdotukset.csv"
        _proposal_csv(source)
        posted = httpx.post(
            f"{first}/proposals/classify",
            headers=headers,
            files={"file": ("ehdotukset.csv", source.read_bytes(), "text/csv")},
            data={"text_column": "ehdotus", "id_column": "nro", "mode": "offline"},
            timeout=120,
        )
        assert posted.status_code == 202, posted.text
        job_id = posted.json()["job_id"]
        deadline = time.monotonic() + 900
        while True:
            job = httpx.get(f"{second}/jobs/{job_id}", headers=headers, timeout=60).json()
            if job["status"] in ("done", "failed") or time.monotonic() > deadline:
                break
            for proc in processes:
                assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.5)
        assert job["status"] == "done", job
    finally:
        for proc in processes:
            stop(proc, timeout=60)

    with Registry(postgres_url) as registry:
        stored = registry.jobs.get_job(job_id)
        assert stored is not None and stored.worker is not None  # run by a worker process
        assert len(registry.proposals.job_proposals(job_id)) == N_ROWS
        actions = [e.action for e in registry.audit.list_events(limit=1000)]
    for action in ("ingest", "ask", "classify"):
        assert action in actions, (action, actions)
