"""Sources and sync over HTTP: admins only; the sync runs as a background job."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.container import Tiekartta
from api.schedule import SyncSchedule
from ingest.sources.config import make_source
from tests.api.helpers import api_for
from tests.conftest import make_settings
from tests.fakes.dynasty_server import DynastyServer, FakeItem

pytestmark = pytest.mark.integration


@pytest.fixture
def server() -> Iterator[DynastyServer]:
    item = FakeItem(
        "2024100-3",
        "Kaupunginhallitus",
        "22.01.2024",
        "minutes",
        25,
        "Digiohjelma 2024-2026",
        ["Digiohjelma 2024-2026", "Kaupunginhallitus hyväksyi digiohjelman."],
    )
    with DynastyServer.publishing("fi", item) as running:
        yield running


def test_admin_manages_sources_and_runs_a_sync_job(server: DynastyServer, tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path, sync_delay_seconds=0.0))
    api = api_for(service)
    source = {
        "name": "porvoo-fi",
        "kind": "dynasty",
        "url": server.site_url("fi"),
        "language": "fi",
    }

    assert api.post("/sources", "editor", source).status_code == 403
    assert api.get("/sources", "reader").status_code == 403
    created = api.post("/sources", "admin", source)
    assert created.status_code == 201 and created.json()["name"] == "porvoo-fi"
    again = api.post("/sources", "admin", source)
    assert again.status_code == 400 and "exists already" in again.json()["detail"]
    bad = api.post("/sources", "admin", {**source, "name": "x", "url": "https://example.org/"})
    assert bad.status_code == 422 and "DREQUEST.PHP" in bad.json()["detail"]
    assert [s["name"] for s in api.get("/sources", "admin").json()] == ["porvoo-fi"]

    assert api.post("/sync", "admin", {"sources": ["nope"]}).status_code == 404
    with api.client:
        queued = api.post("/sync", "admin", {})
        assert queued.status_code == 202 and queued.json()["kind"] == "sync"
        job = service.jobs.wait(queued.json()["job_id"], timeout=120)
    assert job.status == "done", job.error
    [report] = job.result["sources"]
    assert report["new"] == ["porvoo-fi-2024100-3"] and report["failed"] == []
    status = api.get(f"/jobs/{job.job_id}", "admin").json()
    assert status["status"] == "done" and status["done"] == status["total"] == 1

    missing = api.client.delete(
        "/sources/nope", headers=api.headers("admin", **{"Accept-Language": "fi"})
    )
    assert missing.status_code == 404 and missing.json()["detail"] == "Lähdettä 'nope' ei ole."
    removed = api.client.delete("/sources/porvoo-fi", headers=api.headers("admin"))
    assert removed.status_code == 200
    assert removed.json()["removed_documents"] == ["porvoo-fi-2024100-3"]
    assert service.registry.documents.get_document("porvoo-fi-2024100-3") is None


def test_the_server_syncs_on_its_schedule(tmp_path: Path) -> None:
    folder = tmp_path / "share"
    folder.mkdir()
    (folder / "muistio.md").write_text("# Muistio\n\nAjastettu haku toimii.", "utf-8")
    # 0.005 minutes = 0.3 s between scheduled runs.
    settings = make_settings(tmp_path / "data", sync_interval_minutes=0.005)
    service = Tiekartta(settings)
    service.sources.add(make_source(name="share", kind="folder", path=str(folder)))
    api = api_for(service)
    with api.client:
        deadline = time.monotonic() + 60
        while (
            service.registry.documents.get_document("muistio") is None
            and time.monotonic() < deadline
        ):
            time.sleep(0.1)
    jobs = service.registry.jobs.list_jobs(kind="sync")
    assert jobs and jobs[-1].actor == "schedule"
    assert service.registry.documents.get_document("muistio") is not None


def test_a_scheduled_sync_is_not_queued_twice(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path))
    schedule = SyncSchedule(service.jobs, interval_s=3600)
    first = service.registry.jobs.create_job("sync", "schedule", {"sources": []})  # still queued
    assert schedule.tick() is None
    service.registry.jobs.fail_job(first.job_id, "test")
    assert schedule.tick() is not None
    service.jobs.shutdown()
