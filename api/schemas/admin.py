"""API keys and the audit log."""

from __future__ import annotations

from dataclasses import asdict

from pydantic import BaseModel, Field

from rag.store.registry import ApiKey, AuditEvent


class KeyCreateIn(BaseModel):
    role: str = Field(description="reader, editor, approver or admin")
    label: str = ""
    clearance: list[str] | None = Field(
        default=None, description="Access levels the key may read (public, internal, restricted)."
    )


class KeyOut(BaseModel):
    key_id: str
    role: str
    label: str
    clearance: list[str]
    created_at: str
    revoked: bool


class KeyCreatedOut(KeyOut):
    secret: str = Field(description="Shown once; store it safely.")


class AuditEventOut(BaseModel):
    event_id: int
    at: str
    actor: str
    action: str
    detail: dict


def key_out(key: ApiKey) -> KeyOut:
    return KeyOut.model_validate({**asdict(key), "clearance": sorted(key.clearance)})


def event_out(event: AuditEvent) -> AuditEventOut:
    return AuditEventOut.model_validate(asdict(event))
