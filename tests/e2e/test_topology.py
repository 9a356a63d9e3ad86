"""The whole topology in real processes: two API processes and two job workers sharing
PostgreSQL and a Chroma server. The second API process has a data directory of its own (the
workers share the first one's, where its uploaded job files are): nothing of the lexical index
is shared through files. A document ingested through one API process is cited by the other,
whose own BM25 build holds it; a classify job of 300 real OmaStadi proposals posted to the first
runs on the workers, the worker running it is SIGKILLed half-way and the other finishes it with
every row once; the audit log in the database holds each of these actions."""

from __future__ import annotations

import json
import signal
import subprocess
from pathlib import Path

import httpx
import pytest

from rag.store.registry import Registry
from tests.e2e.server import free_port, stop, wait_for_health
from tests.e2e.test_classify_resume import _cli
from tests.e2e.workers import (
    OMASTADI_ID_COLUMNS,
    OMASTADI_TEXT_COLUMN,
    kill_owner_and_check_takeover,
    omastadi_csv,
    start_worker,
    worker_env,
)

N_ROWS = 300

NOTICE = (
    "Porvoon kaupunki avaa uuden digitaalisen asiointipisteen Kevätkummun kirjastoon "
    "maaliskuussa 2026. Asiointipisteessä voi hoitaa kaupungin sähköisiä palveluita "
    "henkilökunnan opastuksella."
)


@pytest.mark.postgres
@pytest.mark.chroma_server
def test_two_api_processes_two_workers_postgres_and_chroma_server(
    tmp_path: Path, postgres_url: str, chroma_url: str, shared_data: Path
) -> None:
    data_dir = tmp_path / "data"  # the first API process's and the workers'
    own_dir = tmp_path / "data-2"  # the second API process's
    env = worker_env(
        TIEKARTTA_DATABASE_URL=postgres_url,
        TIEKARTTA_CHROMA_URL=chroma_url,
        TIEKARTTA_COLLECTION=f"topology-{free_port()}",
    )
    source = tmp_path / "omastadi.csv"
    omastadi_csv(shared_data, source, N_ROWS)
    registry = Registry(postgres_url)
    created = registry.keys.create_key("editor", "topology")
    secret, key_id = created.secret, created.key.key_id
    headers = {"Authorization": f"Bearer {secret}"}
    servers: list[subprocess.Popen[bytes]] = []
    workers: dict[int, subprocess.Popen[bytes]] = {}
    try:
        bases = []
        for folder in (data_dir, own_dir):
            port = free_port()
            server = subprocess.Popen(
                _cli(folder, "serve", "--port", str(port)),
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            servers.append(server)
            bases.append(f"http://127.0.0.1:{port}")
        for _ in range(2):
            worker = start_worker(data_dir, env)
            workers[worker.pid] = worker
        for base, server in zip(bases, servers, strict=True):
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
        # The second process found it through the corpus in PostgreSQL: its own BM25 build,
        # made for that ask, holds the new document's chunks; no corpus file exists anywhere.
        [build] = (own_dir / "lexical" / "bm25").glob("g*/ids.json")
        assert any(cid.startswith(f"{doc_id}:") for cid in json.loads(build.read_text("utf-8")))
        assert not list(tmp_path.rglob("corpus.sqlite3*"))

        posted = httpx.post(
            f"{first}/proposals/classify",
            headers=headers,
            files={"file": ("omastadi.csv", source.read_bytes(), "text/csv")},
            data={
                "text_column": OMASTADI_TEXT_COLUMN,
                "id_column": OMASTADI_ID_COLUMNS,
                "mode": "offline",
            },
            timeout=120,
        )
        assert posted.status_code == 202, posted.text
        job_id = posted.json()["job_id"]
        survivor = kill_owner_and_check_takeover(
            registry, job_id, workers, N_ROWS // 2, N_ROWS, others=servers
        )
        job = httpx.get(f"{second}/jobs/{job_id}", headers=headers, timeout=60)
        assert job.status_code == 200 and job.json()["status"] == "done", job.text
        survivor.send_signal(signal.SIGTERM)
        assert survivor.wait(timeout=60) == 0

        events = registry.audit.list_events(actor=key_id, limit=1000)
    finally:
        for proc in [*servers, *workers.values()]:
            if proc.poll() is None:
                stop(proc, timeout=60)
        registry.close()

    actions = [e.action for e in events]
    assert [e.detail["ingested"] for e in events if e.action == "ingest"] == [[doc_id]]
    assert actions.count("ask") == 1, actions
    # One classify event, written by the worker that finished the job (the killed one never did).
    [classified] = [e.detail for e in events if e.action == "classify"]
    assert classified["job_id"] == job_id
    assert classified["classified"] + classified["resumed"] == N_ROWS
