"""Background jobs: progress and the result download (any job kind)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.deps import ReaderKey, ServiceDep
from api.errors import ApiError
from api.schemas.common import KEYED_ERRORS, error_responses
from api.schemas.jobs import JobOut, job_out
from rag.jobs import JobRunner
from rag.store.jobs import JobRecord
from rag.store.registry import ApiKey

router = APIRouter(prefix="/jobs", tags=["jobs"], responses=KEYED_ERRORS)


def visible_job(runner: JobRunner, job_id: str, key: ApiKey) -> JobRecord:
    """The job if it exists and this key may see it (its own, or any for an admin)."""
    job = runner.get(job_id)
    # Someone else's job answers 404 like a missing one: ids are not to be probed.
    if job is None or (job.actor != key.key_id and not key.has_role("admin")):
        raise ApiError(404, "job_not_found", job_id=job_id)
    return job


@router.get("/{job_id}", response_model=JobOut, responses=error_responses(404))
def get_job(job_id: str, service: ServiceDep, key: ReaderKey) -> JobOut:
    return job_out(visible_job(service.jobs, job_id, key))


def result_file(runner: JobRunner, job: JobRecord) -> FileResponse:
    """The finished job's result file as a download (409 before it is done, 404 without one)."""
    if job.status != "done":
        raise ApiError(409, "job_not_finished", job_id=job.job_id, state=job.status)
    name = job.result.get("file")
    workdir = runner.workdir(job.job_id).resolve()
    path = (workdir / str(name)).resolve() if name else None
    # The stored name must stay inside the job's folder (never a path chosen elsewhere).
    if path is None or workdir not in path.parents or not path.is_file():
        raise ApiError(404, "job_no_result", job_id=job.job_id)
    filename = str(job.result.get("filename") or Path(path).name)
    media_type = str(job.result.get("media_type") or "application/octet-stream")
    return FileResponse(path, media_type=media_type, filename=filename)


@router.get("/{job_id}/result", response_class=FileResponse, responses=error_responses(404, 409))
def download_result(job_id: str, service: ServiceDep, key: ReaderKey) -> FileResponse:
    """The job's result file (e.g. the classified spreadsheet) once the job is done."""
    return result_file(service.jobs, visible_job(service.jobs, job_id, key))
