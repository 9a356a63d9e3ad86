"""The application: the parts (built from Settings, or handed in) plus one service per feature.

The CLI and the API both hold one :class:`Tiekartta` and call its services; this is also where
every job kind gets its handler, so no feature module needs to know the application.
"""

from __future__ import annotations

from functools import cached_property

from api.parts import Parts
from api.services.audit import AuditService
from api.services.documents import DocumentService
from api.services.drafts import DraftService
from api.services.job_files import JobFileMasker
from api.services.keys import KeyService
from api.services.privacy import PrivacyService
from api.services.proposals import ProposalService
from api.services.questions import QuestionService
from api.services.sessions import SessionService
from api.services.sources import SourceService
from ingest.sources.sync import SYNC_JOB
from rag.classify.jobs import CLASSIFY_JOB
from rag.core.limits import InputLimits
from rag.draft.job import DRAFT_JOB
from rag.jobs import JobRunner


class Tiekartta(Parts):
    """Everything a user can do, as plain function calls with plain data."""

    @cached_property
    def jobs(self) -> JobRunner:
        """The background-job runner of this process, with every job kind registered."""
        runner = self.job_runner
        runner.register(DRAFT_JOB, self.drafts.job_handler())
        runner.register(CLASSIFY_JOB, lambda ctx: self.proposals.run_job(ctx))
        runner.register(SYNC_JOB, lambda ctx: self.sources.run_job(ctx))
        runner.when_finished(self.privacy.job_ended)
        return runner

    # -- services ---------------------------------------------------------------------------
    @cached_property
    def privacy(self) -> PrivacyService:
        job_files = JobFileMasker(
            self.registry,
            self.settings.data_dir,
            self.job_runner.jobs_dir,
            InputLimits.from_settings(self.settings),
        )
        return PrivacyService(
            self.registry, self.settings.raw_text_retention_days, self.audit, job_files
        )

    @cached_property
    def audit(self) -> AuditService:
        return AuditService(
            self.registry,
            self.settings.audit_retention_days,
            mask_personal_data=self.settings.raw_text_retention_days == 0,
        )

    @cached_property
    def keys(self) -> KeyService:
        return KeyService(self.registry, self.audit)

    @cached_property
    def sessions(self) -> SessionService:
        return SessionService(self.registry, self.audit, self.settings.web_session_hours)

    @cached_property
    def documents(self) -> DocumentService:
        return DocumentService(self, self.audit)

    @cached_property
    def questions(self) -> QuestionService:
        return QuestionService(self, self.audit)

    @cached_property
    def proposals(self) -> ProposalService:
        return ProposalService(self, self.audit, lambda: self.jobs)

    @cached_property
    def drafts(self) -> DraftService:
        return DraftService(self, self.audit, lambda: self.jobs)

    @cached_property
    def sources(self) -> SourceService:
        return SourceService(self, self.audit, lambda: self.jobs)
