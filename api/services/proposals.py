"""Proposals: classify a list now or a file as a job (API background or CLI foreground),
the review queue, people's decisions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from api.parts import Parts
from api.services.audit import AuditService
from rag.classify.batch_io import ProposalFile, ProposalRow
from rag.classify.jobs import (
    CLASSIFY_JOB,
    read_job_input,
    run_classify_job,
    run_in_foreground,
)
from rag.core.classification import Classification
from rag.core.privacy.at_rest import mask_text
from rag.jobs import JobContext, JobRunner
from rag.store.jobs import JobRecord
from rag.store.proposals import Decision, StoredProposal
from rag.store.registry import CLI_ACTOR, role_at_least


class ProposalService:
    def __init__(self, parts: Parts, audit: AuditService, runner: Callable[[], JobRunner]) -> None:
        self._parts = parts
        self._audit = audit
        self._runner = runner  # the container's runner, built on first use

    # -- classifying -----------------------------------------------------------------------
    def classify_rows(
        self, rows: Sequence[ProposalRow], source: str, mode: str, actor: str
    ) -> dict[str, Classification]:
        """Classify a short list now (stored like any other run); results by proposal id."""
        results = self._parts.classify.classify_rows(rows, source=source, mode=mode)
        self._audit.record(actor, "classify", {"proposals": [r.proposal_id for r in rows][:200]})
        return results

    def read_file(self, params: dict[str, Any]) -> ProposalFile:
        """Read a job's input file as the job will (bad files fail here, before any job)."""
        return read_job_input(self._parts.classify, params)

    def submit(self, params: dict[str, Any], actor: str) -> JobRecord:
        """Queue a file for the API's background runner."""
        return self._runner().submit(CLASSIFY_JOB, actor, params)

    def run_job(
        self, ctx: JobContext, progress: Callable[[int, int], None] | None = None
    ) -> dict[str, Any]:
        """The classify job itself (the handler of both runners); audit-logged when done."""
        result = run_classify_job(ctx, self._parts.classify, progress)
        self._audit.record(
            ctx.job.actor,
            "classify",
            {
                "job_id": ctx.job.job_id,
                "file": ctx.job.params["filename"],
                "classified": result["classified"],
                "resumed": result["resumed"],
                "rejected_rows": result["rejected_rows"],
            },
        )
        return result

    def run_here(
        self,
        params: dict[str, Any],
        progress: Callable[[int, int], None] | None = None,
        actor: str = CLI_ACTOR,
    ) -> tuple[JobRecord, dict[str, Any], bool]:
        """The CLI's way: resume an identical unfinished run or start one, in this process."""
        return run_in_foreground(self._runner(), self.run_job, params, progress, actor)

    # -- review ----------------------------------------------------------------------------
    def list_proposals(
        self, needs_review: bool = False, limit: int = 50, offset: int = 0
    ) -> list[StoredProposal]:
        return self._parts.registry.proposals.list_proposals(
            needs_review=needs_review, limit=limit, offset=offset
        )

    def recent_jobs(self, limit: int = 20) -> list[JobRecord]:
        """The latest classify jobs, newest first."""
        return self._parts.registry.jobs.list_jobs(kind=CLASSIFY_JOB, limit=limit)

    def themes(self, language: str) -> list[tuple[str, str]]:
        """(label id, name) of every label a proposal can get: the themes, then none."""
        programme = self._parts.classify.programme()
        return [(t.id, t.heading(language)) for t in programme.themes] + [
            ("none", programme.none.display_name(language))
        ]

    def get(self, proposal_id: str) -> StoredProposal | None:
        return self._parts.registry.proposals.get_proposal(proposal_id)

    @staticmethod
    def shown_to(proposal: StoredProposal, role: str) -> StoredProposal:
        """The proposal as a person of ``role`` sees it: editors and above review the raw text
        while it is kept; readers get the text (and the reason, which may quote it) masked."""
        if role_at_least(role, "editor"):
            return proposal
        return replace(proposal, text=mask_text(proposal.text), reason=mask_text(proposal.reason))

    def decide(
        self,
        proposal_id: str,
        labels: Sequence[str],
        primary: str | None = None,
        note: str = "",
        actor: str = CLI_ACTOR,
        programme: Path | str | None = None,
    ) -> Decision:
        """Store a person's labels (validated against the programme); the next run learns."""
        label_ids = self._parts.classify.label_ids(programme)
        decision = self._parts.registry.proposals.add_decision(
            proposal_id, labels, primary, actor, label_ids, note
        )
        self._audit.record(
            actor,
            "proposal.decision",
            {
                "proposal_id": proposal_id,
                "labels": decision.labels,
                "primary": decision.primary,
                "note": note,
            },
        )
        return decision
