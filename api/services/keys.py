"""API keys: create, list, revoke, verify (created and revoked keys are audit-logged)."""

from __future__ import annotations

from collections.abc import Sequence

from api.services.audit import AuditService
from rag.store.registry import ApiKey, CreatedKey, Registry


class KeyService:
    def __init__(self, registry: Registry, audit: AuditService) -> None:
        self._registry = registry
        self._audit = audit

    def create(
        self, role: str, label: str, actor: str, clearance: Sequence[str] | None = None
    ) -> CreatedKey:
        """A new key; its secret is in the result only (the store keeps a hash)."""
        created = self._registry.keys.create_key(
            role, label, clearance=list(clearance) if clearance is not None else None
        )
        self._audit.record(actor, "key.create", {"key_id": created.key.key_id, "role": role})
        return created

    def list_keys(self) -> list[ApiKey]:
        return self._registry.keys.list_keys()

    def get(self, key_id: str) -> ApiKey | None:
        return self._registry.keys.get_key(key_id)

    def revoke(self, key_id: str, actor: str) -> bool:
        """Revoke a key (it stops working at once); False when there is no such key."""
        if not self._registry.keys.revoke_key(key_id):
            return False
        self._audit.record(actor, "key.revoke", {"key_id": key_id})
        return True

    def verify(self, secret: str) -> ApiKey | None:
        """The active key with this secret, or None."""
        return self._registry.keys.verify_key(secret)
