"""The draft job on its own: resuming after a crash and failing with a readable message."""

from __future__ import annotations

from pathlib import Path

from api.container import Tiekartta
from rag.draft.job import DRAFT_JOB, DraftJobParams
from tests.conftest import make_settings
from tests.rag.store.test_drafts_store import make_content


def test_a_resumed_job_finds_the_draft_it_already_stored(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path / "data"))
    registry = service.registry
    params = DraftJobParams(period="2025", title="Seuranta").to_params()
    # A previous process stored the draft and died before marking the job done.
    job = registry.jobs.create_job(DRAFT_JOB, "editor-1", params)
    registry.jobs.start_job(job.job_id)
    stored = registry.drafts.create_draft(
        make_content(), "editor-1", title="Seuranta", job_id=job.job_id
    )

    assert service.jobs.resume_unfinished() == [job.job_id]
    finished = service.jobs.wait(job.job_id, timeout=60)
    service.jobs.shutdown()
    assert finished.status == "done", finished.error
    assert finished.result["draft_id"] == stored.draft_id
    assert finished.result["sections"] == len(make_content().sections)
    assert [d.draft_id for d in registry.drafts.list_drafts()] == [
        stored.draft_id
    ]  # no second draft


def test_a_job_whose_input_vanished_fails_naming_the_file(tmp_path: Path) -> None:
    service = Tiekartta(make_settings(tmp_path / "data"))
    missing = tmp_path / "poistettu-rekisteri.csv"
    job = service.jobs.submit(
        DRAFT_JOB, "editor-1", DraftJobParams(period="2025", register=str(missing)).to_params()
    )
    finished = service.jobs.wait(job.job_id, timeout=120)
    service.jobs.shutdown()
    assert finished.status == "failed"
    assert finished.error is not None and "poistettu-rekisteri.csv" in finished.error
    assert "Traceback" not in finished.error
    assert service.registry.drafts.list_drafts() == []
