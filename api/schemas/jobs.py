"""Background jobs: progress and result."""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal

from pydantic import BaseModel, Field

from rag.store.jobs import JobRecord


class JobOut(BaseModel):
    job_id: str
    kind: str
    status: Literal["queued", "running", "done", "failed"]
    done: int = Field(description="Items processed so far.")
    total: int | None = Field(default=None, description="Items in all, once known.")
    error: str | None = None
    result: dict[str, object] = Field(default_factory=dict)
    result_url: str | None = Field(default=None, description="Download link when done.")
    created_at: str
    updated_at: str


def job_out(job: JobRecord) -> JobOut:
    """The job with the link to its result file once there is one."""
    has_file = job.status == "done" and bool(job.result.get("file"))
    result_url = f"/jobs/{job.job_id}/result" if has_file else None
    return JobOut.model_validate({**asdict(job), "result_url": result_url})
