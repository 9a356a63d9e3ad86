"""Personal data at rest: raw text is kept only as long as the retention setting says.

Questions in the audit log, conversation turns and proposal texts may hold residents' names,
phone numbers and addresses. Reviewers need the raw proposal text for a while; after
``raw_text_retention_days`` the stored text is replaced by its masked form (the same masker
as on the LLM path), and readers only ever see the masked form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from rag.core.privacy import mask_pii
from rag.store.db import iso_utc, utc_now
from rag.store.registry import Registry


def mask_text(text: str) -> str:
    """The text with personal data replaced by neutral tags (``[EMAIL]``, ``[PHONE]`` ...)."""
    return mask_pii(text).text


# Audit-detail keys whose values are people's own words; ids, citations, labels and file
# names stay as they are, so the log still says what was touched.
FREE_TEXT_KEYS = frozenset({"question", "query", "note", "reason", "comment", "text"})


def mask_detail(detail: Any) -> Any:
    """An audit event's detail with the strings under :data:`FREE_TEXT_KEYS` masked, at any
    depth."""
    if isinstance(detail, list):
        return [mask_detail(v) for v in detail]
    if isinstance(detail, dict):
        return {
            k: mask_text(v) if k in FREE_TEXT_KEYS and isinstance(v, str) else mask_detail(v)
            for k, v in detail.items()
        }
    return detail


@dataclass(frozen=True)
class MaskReport:
    """How many stored rows one masking run changed (all zero on a repeated run)."""

    retention_days: int
    audit_events: int
    conversation_turns: int
    proposals: int


class PrivacyService:
    """Masks raw text once it is older than the retention period."""

    def __init__(self, registry: Registry, retention_days: int) -> None:
        self._registry = registry
        self.retention_days = retention_days

    @property
    def masks_at_once(self) -> bool:
        """Retention 0: text is masked before it is written where that is possible."""
        return self.retention_days == 0

    def mask_stored(self, now: datetime | None = None) -> MaskReport:
        """Mask every stored text older than the retention period; safe to run again."""
        before = iso_utc((now or utc_now()) - timedelta(days=self.retention_days))
        registry = self._registry
        return MaskReport(
            retention_days=self.retention_days,
            audit_events=registry.audit.mask_events(before, mask_detail),
            conversation_turns=registry.conversations.mask_turns(before, mask_text),
            proposals=registry.proposals.mask_texts(before, mask_text),
        )
