"""A background job's page: progress while it runs, then where its results are."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import ServiceDep
from api.errors import ApiError
from api.routes.jobs import result_file, visible_job
from api.web.render import ReaderUser, page

router = APIRouter(prefix="/app/jobs", include_in_schema=False)


@router.get("/{job_id}", response_class=HTMLResponse)
def job_page(job_id: str, request: Request, service: ServiceDep, user: ReaderUser) -> Response:
    try:
        job = visible_job(service.jobs, job_id, user.key)
    except ApiError:
        return page(request, "not_found.html", user, status_code=404)
    name = "partials/job_status.html" if request.headers.get("hx-request") else "job.html"
    return page(request, name, user, job=job)


@router.get("/{job_id}/result")
def job_result(job_id: str, request: Request, service: ServiceDep, user: ReaderUser) -> Response:
    try:
        return result_file(service.jobs, visible_job(service.jobs, job_id, user.key))
    except ApiError:
        return page(request, "not_found.html", user, status_code=404)
