"""Roadmap drafts: build (CLI) or start as a job (API), then the review workflow: read, edit,
comment, submit / withdraw / approve / reject, copy, export. The workflow rules are the review
service's (rag/draft/review.py); each change and its audit event are one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from api.parts import Parts
from api.services.audit import AuditService
from rag.core.drafts import DraftContent
from rag.draft.drafter import DraftOptions, build_draft
from rag.draft.job import DRAFT_JOB, DraftJobParams, draft_job_handler
from rag.draft.review import DraftReview
from rag.draft.review_export import DraftExport, export_draft
from rag.jobs import JobHandler, JobRunner
from rag.store.draft_records import (
    DraftComment,
    DraftRecord,
    DraftStatusChange,
    DraftVersion,
)
from rag.store.jobs import JobRecord
from rag.store.registry import CLI_ACTOR, Registry


@dataclass(frozen=True)
class DraftView:
    """One version of a draft with everything a reviewer sees around it."""

    draft: DraftRecord
    version: int
    content: DraftContent
    versions: list[DraftVersion]
    comments: list[DraftComment]
    status_history: list[DraftStatusChange]


class DraftService:
    def __init__(self, parts: Parts, audit: AuditService, runner: Callable[[], JobRunner]) -> None:
        self._parts = parts
        self._audit = audit
        self._runner = runner
        self._review = DraftReview(
            parts.registry.drafts, allow_self_approval=parts.settings.allow_self_approval
        )

    @property
    def _registry(self) -> Registry:
        return self._parts.registry

    # -- making a draft --------------------------------------------------------------------
    def build(
        self,
        options: DraftOptions,
        progress: Callable[[str, int, int], None] | None = None,
        actor: str = CLI_ACTOR,
    ) -> DraftContent:
        """Validate the inputs, collect the evidence and compose the draft (not stored)."""
        content = build_draft(self._parts, options, progress)
        self._audit.record(
            actor,
            "draft",
            {
                "period": options.period,
                "themes": list(content.themes),
                "languages": options.languages,
                "generator": content.generator,
                "flags": content.meta.get("flags"),
            },
        )
        return content

    def save(
        self,
        content: DraftContent,
        actor: str,
        title: str | None = None,
        job_id: str | None = None,
    ) -> DraftRecord:
        """Store a built draft as version 1 (status draft)."""
        with self._registry.transaction():
            draft = self._registry.drafts.create_draft(content, actor, title=title, job_id=job_id)
            self._record_created(actor, draft, content)
        return draft

    def start(self, params: DraftJobParams, actor: str) -> JobRecord:
        """Queue a draft job in the API's runner; its result names the stored draft."""
        return self._runner().submit(DRAFT_JOB, actor, params.to_params())

    def job_handler(self) -> JobHandler:
        """The handler of :data:`DRAFT_JOB`: build as the CLI does, then save."""
        return draft_job_handler(
            lambda options, progress, actor: self.build(options, progress, actor),
            lambda content, actor, title, job_id: self.save(content, actor, title, job_id),
        )

    # -- reading ---------------------------------------------------------------------------
    def list_drafts(
        self,
        status: str | None = None,
        clearance: frozenset[str] | set[str] | None = None,
        limit: int = 100,
    ) -> list[DraftRecord]:
        return self._registry.drafts.list_drafts(status=status, clearance=clearance, limit=limit)

    def get(self, draft_id: int) -> DraftRecord | None:
        return self._registry.drafts.get_draft(draft_id)

    def view(self, draft_id: int, version: int | None = None) -> DraftView:
        """A version (default: the current one) with the draft's whole review history."""
        registry = self._registry
        draft = registry.drafts.require_draft(draft_id)
        content = registry.drafts.get_draft_content(draft_id, version)
        return DraftView(
            draft=draft,
            version=version or draft.current_version,
            content=content,
            versions=registry.drafts.list_versions(draft_id),
            comments=registry.drafts.list_comments(draft_id),
            status_history=registry.drafts.status_history(draft_id),
        )

    def export(
        self, draft_id: int, fmt: str, actor: str, version: int | None = None
    ) -> DraftExport:
        """The draft as a Markdown or DOCX file; who took a copy of which version is logged."""
        exported = export_draft(self._registry, draft_id, fmt, version)
        self._audit.record(
            actor,
            "draft.export",
            {"draft_id": draft_id, "format": fmt, "version": exported.version},
        )
        return exported

    # -- review ----------------------------------------------------------------------------
    def edit(
        self,
        draft_id: int,
        section: str,
        language: str,
        text: str,
        actor: str,
        base_version: int | None = None,
    ) -> DraftVersion:
        """Replace one section's text in one language: a new version with its diff."""
        with self._registry.transaction():
            version = self._review.edit_section(
                draft_id, section, language, text, actor, base_version
            )
            self._audit.record(
                actor,
                "draft.edit",
                {
                    "draft_id": draft_id,
                    "version": version.version,
                    "section": section,
                    "language": language,
                    "diff_lines": version.diff.count("\n"),
                },
            )
        return version

    def comment(
        self,
        draft_id: int,
        section: str,
        text: str,
        actor: str,
        language: str | None = None,
    ) -> DraftComment:
        with self._registry.transaction():
            comment = self._review.add_comment(draft_id, section, text, actor, language)
            self._audit.record(
                actor,
                "draft.comment",
                {
                    "draft_id": draft_id,
                    "comment_id": comment.comment_id,
                    "section": section,
                    "language": language,
                },
            )
        return comment

    def may_approve(self, draft: DraftRecord, actor: str) -> bool:
        """Four eyes: False when the actor last edited or submitted the current version."""
        return self._review.may_approve(draft, actor)

    def decide(
        self, draft_id: int, action: str, actor: str, role: str, reason: str = ""
    ) -> DraftRecord:
        """submit, withdraw, approve or reject (the review service checks role, status and
        four eyes); a self-approval the settings allow gets its own audit event."""
        with self._registry.transaction():
            decision = self._review.decide(draft_id, action, actor, role, reason)
            change = decision.change
            self._audit.record(
                actor,
                f"draft.{action}",
                {
                    "draft_id": draft_id,
                    "version": change.version,
                    "from": change.from_status,
                    "to": change.to_status,
                    "reason": change.reason,
                },
            )
            if decision.self_approval:
                self._audit.record(
                    actor,
                    "draft.self_approval",
                    {
                        "draft_id": draft_id,
                        "version": change.version,
                        "last_editor": decision.last_editor,
                        "submitter": decision.submitter,
                    },
                )
        return decision.draft

    def copy(
        self, draft_id: int, actor: str, version: int | None = None, title: str | None = None
    ) -> DraftRecord:
        """A new draft from a version of this one (default: the approved one)."""
        with self._registry.transaction():
            new = self._registry.drafts.copy_draft(draft_id, actor, version, title)
            content = self._registry.drafts.get_draft_content(new.draft_id)
            self._record_created(actor, new, content)
            self._audit.record(
                actor,
                "draft.copy",
                {
                    "draft_id": new.draft_id,
                    "from": draft_id,
                    "version": content.meta["based_on"]["version"],
                },
            )
        return new

    def _record_created(self, actor: str, draft: DraftRecord, content: DraftContent) -> None:
        self._audit.record(
            actor,
            "draft.create",
            {
                "draft_id": draft.draft_id,
                "period": f"{content.period_start}..{content.period_end}",
                "themes": list(content.themes),
                "languages": list(content.languages),
                "generator": content.generator,
                "sections": len(content.sections),
                "job_id": draft.job_id,
            },
        )
