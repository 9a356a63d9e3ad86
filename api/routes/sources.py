"""Sources and sync for admins: the same configuration and runs as `tiekartta sources` / `sync`."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import AdminKey, ServiceDep
from api.errors import ApiError
from api.schemas.common import KEYED_ERRORS, error_responses
from api.schemas.jobs import JobOut, job_out
from api.schemas.sources import SourceConfig, SourceRemovedOut, SyncIn
from ingest.sources.config import SourceConfigError

router = APIRouter(tags=["sources"], responses=KEYED_ERRORS)


@router.get("/sources", response_model=list[SourceConfig])
def list_sources(service: ServiceDep, key: AdminKey) -> list[SourceConfig]:
    return service.sources.configured()


@router.post(
    "/sources", response_model=SourceConfig, status_code=201, responses=error_responses(400)
)
def add_source(body: SourceConfig, service: ServiceDep, key: AdminKey) -> SourceConfig:
    try:
        return service.sources.add(body, actor=key.key_id)
    except SourceConfigError as exc:
        raise ApiError(400, "bad_request", problem=str(exc)) from None


@router.delete("/sources/{name}", response_model=SourceRemovedOut, responses=error_responses(404))
def remove_source(name: str, service: ServiceDep, key: AdminKey) -> SourceRemovedOut:
    if name not in service.sources.names():
        raise ApiError(404, "source_not_found", name=name)
    removed = service.sources.remove(name, actor=key.key_id)
    return SourceRemovedOut(name=name, removed_documents=removed)


@router.post("/sync", response_model=JobOut, status_code=202, responses=error_responses(404))
def start_sync(body: SyncIn, service: ServiceDep, key: AdminKey) -> JobOut:
    """Queue a sync of the named sources (or all) as a background job; follow `GET /jobs/{id}`."""
    unknown = sorted(set(body.sources) - service.sources.names())
    if unknown:
        raise ApiError(404, "source_not_found", name=", ".join(unknown))
    return job_out(service.sources.submit(body.sources, key.key_id))
