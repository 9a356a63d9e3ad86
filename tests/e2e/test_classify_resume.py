"""A classification job killed mid-way (SIGKILL, a real process) resumes where it stopped:
every row is classified exactly once, rows stored before the kill are not classified again.

Once through the CLI (re-running the same command resumes) and once through the API (the
server dies; the next server start resumes the job from its checkpoints).
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.container import Tiekartta
from rag.store.registry import Registry
from tests.conftest import REPO, make_settings
from tests.e2e.server import free_port, wait_for_health

TOPICS = [
    "Sähköinen ajanvaraus {p} terveysasemalle",
    "Penkki ja roska-astia {p} rantaan",
    "Kirjaston e-kirjat myös ruotsiksi {p}",
    "Aurinkopaneelit {p} koulun katolle ja kulutus näkyviin",
    "Laituri ja pukukopit {p} talviuimareille",
    "Chat-palvelu kaupungin sivuille {p} asukkaille",
    "Koirapuisto {p} aitauksella",
    "Reaaliaikainen tieto {p} bussien tuloajoista",
    "Automatisoitu laskujen käsittely {p} toimistossa",
    "Skolans frånvaroanmälan på nätet {p}",
    "Kaupunkiviljelypalstat {p} asukkaille",
    "Sähköpyörien latauspisteet {p} asemalle",
    "Nuorisotalon aukioloajat pidemmiksi {p}",
    "Digital karta över cykelvägar {p}",
    "Valaistus kuntoradalle {p}",
    "Open data on street repairs {p} as an online map",
]
PLACES = ["Kvarnbackenissa", "Näsissä", "Gammelbackassa", "Tolkkisissa", "Hamarissa", "Ilolassa"]
N_ROWS = len(TOPICS) * len(PLACES)
STEP = 8  # rows per checkpoint in the killed process
KILL_AFTER = 3 * STEP


def _proposal_csv(path: Path) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["nro", "ehdotus"])
    number = 0
    for place in PLACES:
        for topic in TOPICS:
            number += 1
            writer.writerow([f"e{number}", topic.format(p=place)])
    path.write_bytes(buffer.getvalue().encode("cp1252"))


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIEKARTTA_")}
    env.update(
        PYTHONPATH=str(REPO),
        OMP_WAIT_POLICY="passive",
        TIEKARTTA_CLASSIFY_CHECKPOINT_ROWS=str(STEP),
        COLUMNS="200",
        NO_COLOR="1",
        **extra,
    )
    return env


def _cli(data_dir: Path, *args: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "api.cli",
        "--data-dir",
        str(data_dir),
        *args,
    ]


def _wait_for_rows(registry_path: Path, proc: subprocess.Popen[bytes], kind: str) -> None:
    """Wait until the job has stored KILL_AFTER rows (the process must still be running)."""
    deadline = time.monotonic() + 300
    registry: Registry | None = None
    try:
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            if registry is None and registry_path.exists():
                registry = Registry(registry_path)
            if registry is not None:
                jobs = registry.jobs.list_jobs(kind=kind)
                if jobs and len(registry.proposals.job_proposals(jobs[0].job_id)) >= KILL_AFTER:
                    return
            time.sleep(0.02)
        pytest.fail("the job stored no rows in time")
    finally:
        if registry is not None:
            registry.close()


def _kill(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def _stored(data_dir: Path, kind: str) -> tuple[str, str, dict[str, str]]:
    """The job's id and status, and classified_at of every row it stored."""
    with Registry(data_dir / "registry.sqlite3") as registry:
        job = registry.jobs.list_jobs(kind=kind)[0]
        rows = registry.proposals.job_proposals(job.job_id)
        return job.job_id, job.status, {pid: p.classified_at for pid, p in rows.items()}


def _check_resumed(data_dir: Path, kind: str, job_id: str, before: dict[str, str]) -> None:
    _, status, after = _stored(data_dir, kind)
    assert status == "done"
    assert len(after) == N_ROWS  # every row classified, under this one job
    for proposal_id, classified_at in before.items():
        assert after[proposal_id] == classified_at, f"{proposal_id} was classified again"


def test_cli_job_killed_midway_resumes_on_rerun(tmp_path: Path) -> None:
    source, out, data_dir = tmp_path / "ehdotukset.csv", tmp_path / "tulos.csv", tmp_path / "data"
    _proposal_csv(source)
    args = _cli(
        data_dir,
        "classify",
        str(source),
        "--text-column",
        "ehdotus",
        "--id-column",
        "nro",
        "--out",
        str(out),
        "--mode",
        "offline",
        "--json",
    )
    proc = subprocess.Popen(args, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_rows(data_dir / "registry.sqlite3", proc, "classify-cli")
    finally:
        _kill(proc)
    job_id, status, before = _stored(data_dir, "classify-cli")
    assert status == "running" and KILL_AFTER <= len(before) < N_ROWS
    assert not out.exists()

    rerun = subprocess.run(args, env=_env(), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout[rerun.stdout.index("{") :])
    assert summary["job_id"] == job_id
    assert (summary["resumed"], summary["classified"]) == (len(before), N_ROWS - len(before))
    _check_resumed(data_dir, "classify-cli", job_id, before)
    written = list(csv.reader(io.StringIO(out.read_bytes().decode("cp1252")), delimiter=";"))
    assert len(written) == 1 + N_ROWS
    assert all(row[2] and row[3] for row in written[1:])  # labels and primary on every row


def test_api_job_killed_midway_resumes_after_server_restart(tmp_path: Path) -> None:
    source, data_dir = tmp_path / "ehdotukset.csv", tmp_path / "data"
    _proposal_csv(source)
    with Registry(data_dir / "registry.sqlite3") as registry:
        created = registry.keys.create_key("editor", "resume test")
    headers = {"Authorization": f"Bearer {created.secret}"}
    port = free_port()
    server = subprocess.Popen(
        _cli(data_dir, "serve", "--port", str(port)),
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_health(base, server, timeout=120)
        response = httpx.post(
            f"{base}/proposals/classify",
            headers=headers,
            files={"file": ("ehdotukset.csv", source.read_bytes(), "text/csv")},
            data={"text_column": "ehdotus", "id_column": "nro", "mode": "offline"},
            timeout=60,
        )
        assert response.status_code == 202, response.text
        job_id = response.json()["job_id"]
        _wait_for_rows(data_dir / "registry.sqlite3", server, "classify")
    finally:
        _kill(server)
    _, status, before = _stored(data_dir, "classify")
    assert status == "running" and KILL_AFTER <= len(before) < N_ROWS

    # The next server start (same data directory) picks the job up from its checkpoints.
    service = Tiekartta(make_settings(data_dir))
    with TestClient(create_app(service=service)) as client:
        job = service.jobs.wait(job_id, timeout=600)
        assert job.status == "done", job.error
        assert (job.result["resumed"], job.result["classified"]) == (
            len(before),
            N_ROWS - len(before),
        )
        download = client.get(f"/jobs/{job_id}/result", headers=headers)
        assert download.status_code == 200
        rows = list(csv.reader(io.StringIO(download.content.decode("cp1252")), delimiter=";"))
        assert len(rows) == 1 + N_ROWS
    _check_resumed(data_dir, "classify", job_id, before)
