"""Personal data at rest: raw text is kept only as long as the retention setting says.

Questions in the audit log, conversation turns, proposal texts and reasons, decision notes and
answer-feedback comments may hold residents' names, phone numbers and addresses. Reviewers
need the raw proposal text for a while; after ``raw_text_retention_days`` the stored text is
replaced by its masked form (the same masker as on the LLM path), and readers only ever see
the masked form. With 0 days the registry masks the same fields as it writes them
(``api/parts.py``) and the audit service masks details.

Each masking run records its cutoff in the audit log (action ``privacy.mask``); the next run
reads only rows between that cutoff and its own, so a start-up does not reread every old row.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from api.services.audit import AuditService
from rag.core.privacy.at_rest import mask_detail, mask_text
from rag.store.db import iso_utc, utc_now
from rag.store.registry import Registry

MASKING_ACTION = "privacy.mask"  # the audit event that holds a run's cutoff
MASKING_ACTOR = "system"


@dataclass(frozen=True)
class MaskReport:
    """How many stored rows one masking run changed (all zero on a repeated run)."""

    retention_days: int
    audit_events: int
    conversation_turns: int
    proposals: int  # proposal rows and decision rows
    feedback_comments: int


class PrivacyService:
    """Masks raw text once it is older than the retention period."""

    def __init__(self, registry: Registry, retention_days: int, audit: AuditService) -> None:
        self._registry = registry
        self._audit = audit
        self.retention_days = retention_days

    def last_cutoff(self) -> str | None:
        """Up to when (UTC ISO) an earlier run masked every row, or None if none is known."""
        runs = self._audit.events(action=MASKING_ACTION, limit=1)
        cutoff = runs[0].detail.get("masked_before") if runs else None
        return cutoff if isinstance(cutoff, str) else None

    def mask_stored(self, now: datetime | None = None, everything: bool = False) -> MaskReport:
        """Mask stored text older than the retention period; safe to run again.

        Only rows that became old since the last run are read; ``everything`` rereads all of
        them (e.g. after the masker has learnt a new kind of personal data)."""
        before = iso_utc((now or utc_now()) - timedelta(days=self.retention_days))
        previous = self.last_cutoff()
        since = None if everything else previous
        if since is not None and since >= before:  # nothing aged (or the retention grew)
            return MaskReport(self.retention_days, 0, 0, 0, 0)
        registry = self._registry
        report = MaskReport(
            retention_days=self.retention_days,
            audit_events=registry.audit.mask_events(before, mask_detail, since),
            conversation_turns=registry.conversations.mask_turns(before, mask_text, since),
            proposals=registry.proposals.mask_texts(before, mask_text, since),
            feedback_comments=registry.feedback.mask_comments(before, mask_text, since),
        )
        # Recorded after the work: a run cut short is simply repeated by the next one. Rows up
        # to an earlier, later cutoff stay done (a full run after the retention grew).
        cutoff = max(before, previous) if previous else before
        self._audit.record(
            MASKING_ACTOR,
            MASKING_ACTION,
            {"masked_before": cutoff, "masked_since": since, **asdict(report)},
        )
        return report
