"""The audit log: the one place that writes it, and reading or purging it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rag.core.privacy.at_rest import mask_detail
from rag.store.registry import AuditEvent, Registry


class AuditService:
    """Who did what: every service records its actions through :meth:`record`."""

    def __init__(
        self, registry: Registry, retention_days: int, mask_personal_data: bool = False
    ) -> None:
        self._registry = registry
        self._retention_days = retention_days
        # Raw text retention 0: questions and other texts are masked before they are written.
        self._mask = mask_personal_data

    def record(self, actor: str, action: str, detail: dict[str, Any]) -> None:
        """Append one event (call inside the action's transaction to keep both or neither)."""
        if self._mask:
            detail = mask_detail(detail)
        self._registry.audit.log_event(actor, action, detail)

    def events(
        self,
        since: datetime | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int = 100,
    ) -> list[AuditEvent]:
        return self._registry.audit.list_events(
            since=since, actor=actor, action=action, limit=limit
        )

    def purge(self) -> int:
        """Drop events older than the configured retention; returns how many went."""
        return self._registry.audit.purge_events(self._retention_days)
