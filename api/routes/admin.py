"""Admin endpoints: API keys and the audit log."""

from __future__ import annotations

from fastapi import APIRouter, Query

from api.deps import AdminKey, ServiceDep
from api.errors import ApiError
from api.params import IsoDateTime
from api.schemas.admin import AuditEventOut, KeyCreatedOut, KeyCreateIn, KeyOut, event_out, key_out
from api.schemas.common import KEYED_ERRORS, error_responses

router = APIRouter(tags=["admin"], responses=KEYED_ERRORS)


@router.post("/keys", response_model=KeyCreatedOut, status_code=201, responses=error_responses(400))
def create_key(body: KeyCreateIn, service: ServiceDep, key: AdminKey) -> KeyCreatedOut:
    created = service.keys.create(body.role, body.label, key.key_id, clearance=body.clearance)
    return KeyCreatedOut(**key_out(created.key).model_dump(), secret=created.secret)


@router.get("/keys", response_model=list[KeyOut])
def list_keys(service: ServiceDep, key: AdminKey) -> list[KeyOut]:
    return [key_out(k) for k in service.keys.list_keys()]


@router.delete("/keys/{key_id}", response_model=KeyOut, responses=error_responses(404))
def revoke_key(key_id: str, service: ServiceDep, key: AdminKey) -> KeyOut:
    if not service.keys.revoke(key_id, key.key_id):
        raise ApiError(404, "bad_request", problem=f"no key '{key_id}'")
    revoked = service.keys.get(key_id)
    assert revoked is not None
    return key_out(revoked)


@router.get("/audit", response_model=list[AuditEventOut])
def audit_log(
    service: ServiceDep,
    key: AdminKey,
    since: IsoDateTime | None = None,
    actor: str | None = None,
    action: str | None = None,
    limit: int = Query(default=100, ge=1, le=1000),
) -> list[AuditEventOut]:
    events = service.audit.events(since=since, actor=actor, action=action, limit=limit)
    return [event_out(e) for e in events]
