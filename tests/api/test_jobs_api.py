"""GET /jobs/{id} and the result download, over HTTP with real keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.container import Tiekartta
from rag.jobs import JobContext
from tests.conftest import make_settings


def write_report(ctx: JobContext) -> dict[str, object]:
    (ctx.workdir / "out.csv").write_text("id;labels\n1;a\n", encoding="utf-8")
    ctx.progress(1, 1)
    return {"file": "out.csv", "filename": "tulos.csv", "media_type": "text/csv"}


def escape(ctx: JobContext) -> dict[str, object]:
    return {"file": "../../registry.sqlite"}


@pytest.fixture
def api(tmp_path: Path) -> tuple[TestClient, Tiekartta, dict[str, str]]:
    service = Tiekartta(make_settings(tmp_path / "data"))
    service.jobs.register("report", write_report)
    service.jobs.register("escape", escape)
    secrets = {
        name: service.registry.keys.create_key(role, name).secret
        for name, role in (("alice", "editor"), ("bob", "reader"), ("root", "admin"))
    }
    with TestClient(create_app(service=service)) as client:
        yield client, service, secrets


def auth(secret: str, lang: str = "en") -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}", "Accept-Language": lang}


def test_owner_polls_a_job_and_downloads_its_result(api) -> None:
    client, service, secrets = api
    alice = service.registry.keys.verify_key(secrets["alice"])
    job = service.jobs.submit("report", alice.key_id, {})
    service.jobs.wait(job.job_id, timeout=10)
    body = client.get(f"/jobs/{job.job_id}", headers=auth(secrets["alice"])).json()
    assert body["status"] == "done" and (body["done"], body["total"]) == (1, 1)
    assert body["result_url"] == f"/jobs/{job.job_id}/result"
    download = client.get(body["result_url"], headers=auth(secrets["alice"]))
    assert download.status_code == 200
    assert download.text == "id;labels\n1;a\n"
    assert "tulos.csv" in download.headers["content-disposition"]


def test_other_readers_do_not_see_a_job_but_admins_do(api) -> None:
    client, service, secrets = api
    alice = service.registry.keys.verify_key(secrets["alice"])
    job = service.jobs.submit("report", alice.key_id, {})
    service.jobs.wait(job.job_id, timeout=10)
    denied = client.get(f"/jobs/{job.job_id}", headers=auth(secrets["bob"], "fi"))
    assert denied.status_code == 404
    assert denied.json()["detail"] == f"Työtä '{job.job_id}' ei löydy."
    assert client.get(f"/jobs/{job.job_id}", headers=auth(secrets["root"])).status_code == 200
    assert client.get(f"/jobs/{job.job_id}").status_code == 401


def test_unfinished_job_has_no_download_yet(api) -> None:
    client, service, secrets = api
    alice = service.registry.keys.verify_key(secrets["alice"])
    job = service.registry.jobs.create_job("report", alice.key_id, {})  # stored, not run
    response = client.get(f"/jobs/{job.job_id}/result", headers=auth(secrets["alice"]))
    assert response.status_code == 409
    assert "queued" in response.json()["detail"]


def test_a_result_path_outside_the_job_folder_is_never_served(api) -> None:
    client, service, secrets = api
    alice = service.registry.keys.verify_key(secrets["alice"])
    job = service.jobs.submit("escape", alice.key_id, {})
    service.jobs.wait(job.job_id, timeout=10)
    response = client.get(f"/jobs/{job.job_id}/result", headers=auth(secrets["alice"]))
    assert response.status_code == 404
    assert "no result file" in response.json()["detail"]


def test_server_start_resumes_jobs_left_unfinished(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path / "data"))
    left = service.registry.jobs.create_job("report", "cli", {})
    service.registry.jobs.start_job(left.job_id)  # a previous server died while running it
    service.jobs.register("report", write_report)
    with TestClient(create_app(service=service)):
        finished = service.jobs.wait(left.job_id, timeout=10)
    assert finished.status == "done" and finished.result["filename"] == "tulos.csv"
