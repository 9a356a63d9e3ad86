"""Personal data at rest: raw text is kept only as long as the retention setting says.

Questions in the audit log, conversation turns, proposal texts and reasons, decision notes and
answer-feedback comments may hold residents' names, phone numbers and addresses. Reviewers
need the raw proposal text for a while; after ``raw_text_retention_days`` the stored text is
replaced by its masked form (the same masker as on the LLM path), and readers only ever see
the masked form. With 0 days the registry masks the same fields as it writes them
(``api/parts.py``) and the audit service masks details.

Each masking run records its cutoff in the audit log (action ``privacy.mask``); the next run
reads only rows between that cutoff and its own, so a start-up does not reread every old row.
The same run masks the files of jobs that ended before the cutoff (``api/services/job_files.py``);
with 0 days a job's files are masked as soon as it ends.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta

from api.services.audit import AuditService
from api.services.job_files import JobFileMasker, JobFilesReport
from rag.core.privacy.at_rest import mask_detail, mask_text
from rag.store.db import iso_utc, utc_now
from rag.store.jobs import JobRecord
from rag.store.registry import Registry

log = logging.getLogger("tiekartta.privacy")

MASKING_ACTION = "privacy.mask"  # the audit event that holds a run's cutoff
MASKING_ACTOR = "system"


@dataclass(frozen=True)
class MaskReport:
    """How many stored rows and job files one masking run changed (all zero on a repeated
    run), and the job files it could not mask."""

    retention_days: int
    audit_events: int
    conversation_turns: int
    proposals: int  # proposal rows and decision rows
    feedback_comments: int
    job_files: int = 0
    job_file_errors: tuple[str, ...] = ()  # "<file in the data dir>: <problem>"
    abandoned_uploads: int = 0  # proposal uploads no job took up, removed


class PrivacyService:
    """Masks raw text once it is older than the retention period."""

    def __init__(
        self,
        registry: Registry,
        retention_days: int,
        audit: AuditService,
        job_files: JobFileMasker,
    ) -> None:
        self._registry = registry
        self._audit = audit
        self._job_files = job_files
        self.retention_days = retention_days

    def last_cutoff(self) -> str | None:
        """Up to when (UTC ISO) an earlier run masked every row, or None if none is known."""
        runs = self._audit.events(action=MASKING_ACTION, limit=1)
        cutoff = runs[0].detail.get("masked_before") if runs else None
        return cutoff if isinstance(cutoff, str) else None

    def mask_stored(self, now: datetime | None = None, everything: bool = False) -> MaskReport:
        """Mask stored text older than the retention period; safe to run again.

        Only rows that became old since the last run are read, and the files of ended jobs
        not yet masked; ``everything`` rereads all of them (e.g. after the masker has learnt a
        new kind of personal data)."""
        before = iso_utc((now or utc_now()) - timedelta(days=self.retention_days))
        previous = self.last_cutoff()
        since = None if everything else previous
        # Job files keep their own mark of being done, so a file that failed is tried again.
        files = self._job_files.mask_ended_before(before, everything)
        report = MaskReport(
            self.retention_days,
            0,
            0,
            0,
            0,
            job_files=files.files,
            job_file_errors=tuple(files.errors),
            abandoned_uploads=files.abandoned_uploads,
        )
        if since is not None and since >= before:  # no row aged (or the retention grew)
            if not (files.files or files.errors or files.abandoned_uploads):
                return report
        else:
            registry = self._registry
            report = replace(
                report,
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

    def job_ended(self, job: JobRecord) -> JobFilesReport:
        """With raw text retention 0, mask a job's files as soon as it ends (a finish hook of
        the job runner); a file that fails is logged here and retried by the next pass."""
        if self.retention_days > 0:
            return JobFilesReport()
        report = self._job_files.mask_job(job)
        for error in report.errors:
            log.warning("job %s: personal data not masked in %s", job.job_id, error)
        return report
