"""The background job that generates a roadmap draft and stores it for review.

``POST /drafts`` submits a job of kind :data:`DRAFT_JOB` with :class:`DraftJobParams`; the
handler builds the draft exactly as `tiekartta draft` does (``rag/draft/drafter.py``) and stores
it as version 1 of a new draft. The job's result names the draft. A job resumed after a restart
first looks for the draft it may already have stored, so a crash never makes two drafts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rag.core.drafts import DraftContent
from rag.core.languages import LANGUAGES
from rag.core.programme import load_programme
from rag.draft.drafter import DraftOptions
from rag.draft.period import parse_period
from rag.draft.proposals import ProposalsError, load_proposals
from rag.draft.register import RegisterError, load_register
from rag.draft.render import draft_title
from rag.jobs import JobContext, JobError, JobHandler
from rag.store.draft_records import DraftRecord

# Builds a draft: (options, progress(stage, done, total), actor) -> content.
DraftBuild = Callable[[DraftOptions, Callable[[str, int, int], None], str], DraftContent]
# Stores a built draft as version 1: (content, actor, title, job_id) -> the stored draft.
DraftSave = Callable[[DraftContent, str, str, str], DraftRecord]

DRAFT_JOB = "draft"


class DraftParamError(ValueError):
    """A draft request the job could not run; ``field`` names the request field."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


@dataclass
class DraftJobParams:
    """What a draft job was asked for (stored as the job's JSON params)."""

    period: str
    themes: list[str] | None = None  # None: every theme of the programme
    languages: list[str] = field(default_factory=lambda: ["fi", "sv"])
    register: str | None = None  # path of the uploaded register, kept in the data directory
    proposals: str | None = None  # path of the uploaded classified proposals
    title: str | None = None

    def to_params(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> DraftJobParams:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in params.items() if k in names})


def check_params(params: DraftJobParams, programme_file: Path, names: dict[str, str]) -> None:
    """Check a request before it is queued, so a person hears at once what to fix.

    ``names`` maps the stored upload paths to the names the person sent (for the messages).
    """
    try:
        parse_period(params.period)
    except ValueError as exc:
        raise DraftParamError("period", str(exc)) from None
    unknown = [lang for lang in params.languages if lang not in LANGUAGES]
    if unknown or not params.languages:
        raise DraftParamError(
            "languages", f"use some of {', '.join(LANGUAGES)}, not '{','.join(unknown)}'"
        )
    programme = load_programme(programme_file, need_roadmap=True)
    for theme in params.themes or []:
        try:
            programme.theme(theme)
        except ValueError as exc:
            raise DraftParamError("themes", str(exc)) from None
    if params.register:
        path = Path(params.register)
        try:
            load_register(path, programme)
        except RegisterError as exc:
            raise DraftParamError("register", _problems(names, path, exc.problems)) from None
    if params.proposals:
        path = Path(params.proposals)
        try:
            load_proposals(path, programme.theme_ids)
        except ProposalsError as exc:
            raise DraftParamError("proposals", _problems(names, path, exc.problems)) from None


def _problems(names: dict[str, str], path: Path, problems: list[str]) -> str:
    shown = "; ".join(problems[:20]) + (
        f" (+{len(problems) - 20} more)" if len(problems) > 20 else ""
    )
    return f"{names.get(str(path), path.name)}: {shown}"


def draft_job_handler(build: DraftBuild, save: DraftSave) -> JobHandler:
    """The handler for :data:`DRAFT_JOB`: ``build`` drafts from a corpus, ``save`` stores it."""

    def run(ctx: JobContext) -> dict[str, Any]:
        stored = ctx.registry.drafts.draft_for_job(ctx.job.job_id)
        if stored is None:
            params = DraftJobParams.from_params(ctx.job.params)
            content, total = _build(build, ctx, params)
            title = params.title or draft_title(content, content.languages[0])
            stored = save(content, ctx.job.actor, title, ctx.job.job_id)
            # The evidence steps count one more for composing and storing: now done too.
            ctx.progress(total, total, force=True)
        content = ctx.registry.drafts.get_draft_content(stored.draft_id, version=1)
        flags = sum(len(s.flags) for s in content.sections)
        return {
            "draft_id": stored.draft_id,
            "title": stored.title,
            "url": f"/drafts/{stored.draft_id}",
            "sections": len(content.sections),
            "flags": flags,
        }

    return run


def _build(build: DraftBuild, ctx: JobContext, params: DraftJobParams) -> tuple[DraftContent, int]:
    """The composed draft and the number of progress steps the drafter announced."""
    options = DraftOptions(
        period=params.period,
        themes=params.themes,
        languages=list(params.languages),
        register=Path(params.register) if params.register else None,
        proposals=Path(params.proposals) if params.proposals else None,
    )

    steps = [1]

    def progress(_stage: str, done: int, total: int) -> None:
        steps[0] = total
        ctx.progress(done, total)

    try:
        content = build(options, progress, ctx.job.actor)
    except (ValueError, OSError) as exc:
        # Bad inputs (period, themes, register rows, proposals) are named in the message.
        raise JobError(str(exc)) from exc
    return content, steps[0]
