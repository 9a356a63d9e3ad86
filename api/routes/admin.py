"""Admin endpoints: API keys and the audit log."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Query

from api.convert import key_out
from api.deps import AdminKey, ServiceDep
from api.errors import ApiError
from api.schemas import AuditEventOut, KeyCreatedOut, KeyCreateIn, KeyOut

router = APIRouter(tags=["admin"])


@router.post("/keys", response_model=KeyCreatedOut, status_code=201)
def create_key(body: KeyCreateIn, service: ServiceDep, key: AdminKey) -> KeyCreatedOut:
    created = service.registry.create_key(body.role, body.label, clearance=body.clearance)
    service.registry.log_event(
        key.key_id, "key.create", {"key_id": created.key.key_id, "role": body.role}
    )
    return KeyCreatedOut(**key_out(created.key).model_dump(), secret=created.secret)


@router.get("/keys", response_model=list[KeyOut])
def list_keys(service: ServiceDep, key: AdminKey) -> list[KeyOut]:
    return [key_out(k) for k in service.registry.list_keys()]


@router.delete("/keys/{key_id}", response_model=KeyOut)
def revoke_key(key_id: str, service: ServiceDep, key: AdminKey) -> KeyOut:
    if not service.registry.revoke_key(key_id):
        raise ApiError(404, "bad_request", problem=f"no key '{key_id}'")
    service.registry.log_event(key.key_id, "key.revoke", {"key_id": key_id})
    revoked = service.registry.get_key(key_id)
    assert revoked is not None
    return key_out(revoked)


@router.get("/audit", response_model=list[AuditEventOut])
def audit_log(
    service: ServiceDep,
    key: AdminKey,
    since: datetime | None = None,
    actor: str | None = None,
    action: str | None = None,
    limit: int = Query(default=100, ge=1, le=1000),
) -> list[AuditEventOut]:
    events = service.registry.list_events(since=since, actor=actor, action=action, limit=limit)
    return [
        AuditEventOut(event_id=e.event_id, at=e.at, actor=e.actor, action=e.action, detail=e.detail)
        for e in events
    ]
