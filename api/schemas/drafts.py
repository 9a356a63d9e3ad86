"""Roadmap drafts and their review workflow."""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal

from pydantic import BaseModel, Field

from api.params import MAX_DB_INT
from api.services.drafts import DraftView
from rag.core.languages import Language
from rag.store.draft_records import DraftComment, DraftRecord, DraftStatusChange, DraftVersion

DraftStatus = Literal["draft", "in_review", "approved", "rejected"]


class DraftJobOut(BaseModel):
    job_id: str
    status: Literal["queued", "running", "done", "failed"]
    status_url: str = Field(
        description="Poll for progress; the finished job's result names the draft_id."
    )


class DraftSummaryOut(BaseModel):
    draft_id: int
    title: str
    status: DraftStatus
    period_start: str
    period_end: str
    themes: list[str]
    languages: list[str]
    programme_id: str
    generator: str
    access: list[str] = Field(description="Access levels of the documents the draft cites.")
    current_version: int
    created_by: str
    created_at: str
    updated_at: str
    approved_version: int | None
    approved_by: str | None
    approved_at: str | None
    job_id: str | None = Field(default=None, description="The job that generated the draft.")


class DraftCitationOut(BaseModel):
    number: int
    chunk_id: str
    doc_id: str
    title: str
    date: str | None
    section: str | None
    page: int | None
    url: str | None
    body: str | None
    quote: str


class DraftFlagOut(BaseModel):
    kind: str
    message: str
    measure_id: str | None
    sentence: str | None


class DraftSectionOut(BaseModel):
    key: str
    language: str
    title: str
    text: str = Field(description="Markdown with [n] citation markers.")
    theme: str | None
    citations: list[DraftCitationOut]
    flags: list[DraftFlagOut]


class DraftVersionOut(BaseModel):
    draft_id: int
    version: int
    actor: str
    at: str
    kind: Literal["created", "edit"]
    section: str | None
    language: str | None
    diff: str = Field(description="Unified diff of the edited section against the version before.")


class DraftCommentOut(BaseModel):
    comment_id: int
    draft_id: int
    version: int
    section: str
    language: str | None
    actor: str
    at: str
    text: str


class DraftStatusChangeOut(BaseModel):
    version: int
    from_status: DraftStatus
    to_status: DraftStatus
    actor: str
    at: str
    reason: str


class DraftOut(DraftSummaryOut):
    version: int = Field(description="The version whose sections are shown.")
    sections: list[DraftSectionOut]
    versions: list[DraftVersionOut]
    comments: list[DraftCommentOut]
    status_history: list[DraftStatusChangeOut]


class DraftEditIn(BaseModel):
    section: str = Field(min_length=1, description="Section key, e.g. summary or theme-a.")
    language: Language
    text: str = Field(min_length=1, max_length=100_000, description="The new Markdown text.")
    base_version: int | None = Field(
        default=None,
        ge=1,
        le=MAX_DB_INT,
        description="The version the edit started from; a newer one refuses it.",
    )


class DraftCommentIn(BaseModel):
    section: str = Field(min_length=1)
    language: Language | None = Field(
        default=None, description="The section in one language; empty = in every language."
    )
    text: str = Field(min_length=1, max_length=5_000)


class DraftDecisionIn(BaseModel):
    reason: str = Field(default="", max_length=5_000, description="Required to reject.")


class DraftCopyIn(BaseModel):
    version: int | None = Field(
        default=None,
        ge=1,
        le=MAX_DB_INT,
        description="Default: the approved version, else the current one.",
    )
    title: str | None = Field(default=None, max_length=300)


def summary_out(draft: DraftRecord) -> DraftSummaryOut:
    return DraftSummaryOut.model_validate(asdict(draft))


def version_out(version: DraftVersion) -> DraftVersionOut:
    values = asdict(version)
    values["section"] = values.pop("section_key")
    return DraftVersionOut.model_validate(values)


def comment_out(comment: DraftComment) -> DraftCommentOut:
    values = asdict(comment)
    values["section"] = values.pop("section_key")
    return DraftCommentOut.model_validate(values)


def status_change_out(change: DraftStatusChange) -> DraftStatusChangeOut:
    return DraftStatusChangeOut.model_validate(asdict(change))


def draft_out(view: DraftView) -> DraftOut:
    """The full review view: one version's sections plus the whole history of the draft."""
    return DraftOut(
        **summary_out(view.draft).model_dump(),
        version=view.version,
        sections=[DraftSectionOut.model_validate(asdict(s)) for s in view.content.sections],
        versions=[version_out(v) for v in view.versions],
        comments=[comment_out(c) for c in view.comments],
        status_history=[status_change_out(c) for c in view.status_history],
    )
