"""Roadmap drafts: generate (a background job), read, edit, comment, submit, approve, export.

Who may do what: readers read, comment and export drafts whose cited documents they are
cleared for; editors also start drafts, edit sections, submit and withdraw; approvers also
approve and reject. The store checks the same roles and statuses again.
"""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.container import Tiekartta
from api.deps import ApproverKey, EditorKey, ReaderKey, ServiceDep
from api.errors import ApiError, draft_errors
from api.params import MAX_DB_INT, DraftId, split_csv
from api.schemas.common import KEYED_ERRORS, error_responses
from api.schemas.drafts import (
    DraftCommentIn,
    DraftCommentOut,
    DraftCopyIn,
    DraftDecisionIn,
    DraftEditIn,
    DraftJobOut,
    DraftOut,
    DraftStatus,
    DraftSummaryOut,
    DraftVersionOut,
    comment_out,
    draft_out,
    summary_out,
    version_out,
)
from rag.core.programme import ProgrammeError
from rag.draft.job import DraftJobParams, DraftParamError, check_params
from rag.store.draft_records import DraftRecord
from rag.store.registry import ApiKey

router = APIRouter(prefix="/drafts", tags=["drafts"], responses=KEYED_ERRORS)
# A draft route that reaches the draft store: unknown draft, refused edit, wrong review state.
_STORE_ERRORS = error_responses(400, 404, 409)
# Reading or copying a draft is refused only when the draft or its version does not exist.
_READ_ERRORS = error_responses(404)


def visible_draft(service: Tiekartta, draft_id: int, key: ApiKey) -> DraftRecord:
    """The draft if it exists and the key may read every document it quotes (else 404)."""
    draft = service.drafts.get(draft_id)
    # A draft the key may not read answers like a missing one: ids are not to be probed.
    if draft is None or not draft.visible_to(key.clearance):
        raise ApiError(404, "draft_not_found", draft_id=str(draft_id))
    return draft


async def _keep_upload(service: Tiekartta, upload: UploadFile | None, folder: Path) -> str | None:
    """Store an uploaded input file in the data directory; its path goes into the job."""
    if upload is None or not upload.filename:
        return None
    limit = service.settings.max_upload_bytes
    name = Path(upload.filename).name
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise ApiError(413, "upload_too_large", name=name, limit=str(limit))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return str(path)


async def submit_draft_job(
    service: Tiekartta,
    key: ApiKey,
    period: str,
    themes: str | None,
    languages: str,
    title: str | None,
    register_file: UploadFile | None,
    proposals: UploadFile | None,
) -> str:
    """Check the request, keep its files and queue the draft job; returns the job id.

    Shared by the API and the web page; a refused request raises ApiError and keeps nothing.
    """
    # Inputs are kept: they are part of the record of how a reviewed draft was made.
    folder = service.settings.data_dir / "draft-inputs" / secrets.token_hex(8)
    params = DraftJobParams(
        period=period,
        themes=split_csv(themes),
        languages=split_csv(languages) or [],
        register=await _keep_upload(service, register_file, folder),
        proposals=await _keep_upload(service, proposals, folder),
        title=title,
    )
    names = {
        path: Path(upload.filename or "").name
        for path, upload in ((params.register, register_file), (params.proposals, proposals))
        if path and upload
    }
    try:
        await run_in_threadpool(check_params, params, service.settings.programme_file, names)
    except DraftParamError as exc:
        shutil.rmtree(folder, ignore_errors=True)  # a refused request leaves nothing behind
        raise ApiError(400, "draft_bad_field", field=exc.field, problem=exc.problem) from exc
    except ProgrammeError as exc:  # the server's programme file, not the request
        shutil.rmtree(folder, ignore_errors=True)
        raise ApiError(503, "service_unavailable", problem=str(exc)) from exc
    return service.drafts.start(params, key.key_id).job_id


@router.post("", response_model=DraftJobOut, status_code=202, responses=error_responses(400, 503))
async def start_draft(
    service: ServiceDep,
    key: EditorKey,
    period: str = Form(
        max_length=40, description="A year (2025) or a range 2025-01-01..2025-06-30."
    ),
    themes: str | None = Form(default=None, description="Theme ids, e.g. a,b; empty = all."),
    languages: str = Form(default="fi,sv", description="Draft languages, e.g. fi,sv."),
    title: str | None = Form(
        default=None, max_length=300, description="A title for the review list."
    ),
    # Aliased: a body field named "register" would shadow a pydantic BaseModel attribute.
    register_file: UploadFile | None = File(
        default=None, alias="register", description="Measures register CSV/XLSX."
    ),
    proposals: UploadFile | None = File(
        default=None, description="Classified proposals (JSONL/CSV from the classify job)."
    ),
) -> DraftJobOut:
    """Generate a draft in the background; poll GET /jobs/{job_id}, whose result names the
    draft_id once it is stored (status draft, version 1)."""
    job_id = await submit_draft_job(
        service, key, period, themes, languages, title, register_file, proposals
    )
    return DraftJobOut(job_id=job_id, status="queued", status_url=f"/jobs/{job_id}")


@router.get("", response_model=list[DraftSummaryOut])
def list_drafts(
    service: ServiceDep,
    key: ReaderKey,
    status: DraftStatus | None = None,
    limit: int = Query(default=100, ge=1, le=1000),
) -> list[DraftSummaryOut]:
    drafts = service.drafts.list_drafts(status=status, clearance=key.clearance, limit=limit)
    return [summary_out(d) for d in drafts]


@router.get("/{draft_id}", response_model=DraftOut, responses=_READ_ERRORS)
def get_draft(
    draft_id: DraftId,
    service: ServiceDep,
    key: ReaderKey,
    version: int | None = Query(
        default=None, ge=1, le=MAX_DB_INT, description="Default: the current one."
    ),
) -> DraftOut:
    """The draft's sections (citations and flags included), versions, comments and history."""
    visible_draft(service, draft_id, key)
    with draft_errors():
        view = service.drafts.view(draft_id, version)
    return draft_out(view)


@router.get(
    "/{draft_id}/export",
    response_class=Response,
    responses={
        200: {"content": {"text/markdown": {}, "application/octet-stream": {}}},
        **_READ_ERRORS,
    },
)
def export(
    draft_id: DraftId,
    service: ServiceDep,
    key: ReaderKey,
    format: Literal["md", "docx"] = Query(default="md"),
    version: int | None = Query(
        default=None, ge=1, le=MAX_DB_INT, description="Default: the current one."
    ),
) -> Response:
    """The draft as Markdown or a Word document (a download), with its review status."""
    visible_draft(service, draft_id, key)
    with draft_errors():
        exported = service.drafts.export(draft_id, format, key.key_id, version)
    disposition = "attachment" if format == "docx" else "inline"
    return Response(
        exported.data,
        media_type=exported.media_type,
        headers={"Content-Disposition": f'{disposition}; filename="{exported.filename}"'},
    )


@router.patch("/{draft_id}", response_model=DraftVersionOut, responses=_STORE_ERRORS)
def edit_section(
    draft_id: DraftId, body: DraftEditIn, service: ServiceDep, key: EditorKey
) -> DraftVersionOut:
    """Replace one section's text in one language; the result is a new version with its diff."""
    visible_draft(service, draft_id, key)
    with draft_errors():
        version = service.drafts.edit(
            draft_id, body.section, body.language, body.text, key.key_id, body.base_version
        )
    return version_out(version)


@router.post(
    "/{draft_id}/comments", response_model=DraftCommentOut, status_code=201, responses=_STORE_ERRORS
)
def add_comment(
    draft_id: DraftId, body: DraftCommentIn, service: ServiceDep, key: ReaderKey
) -> DraftCommentOut:
    """Readers may comment: reviewing needs no right to change the text."""
    visible_draft(service, draft_id, key)
    with draft_errors():
        comment = service.drafts.comment(
            draft_id, body.section, body.text, key.key_id, language=body.language
        )
    return comment_out(comment)


def _decide(
    service: Tiekartta, draft_id: int, action: str, key: ApiKey, body: DraftDecisionIn | None
) -> DraftSummaryOut:
    visible_draft(service, draft_id, key)
    with draft_errors():
        draft = service.drafts.decide(
            draft_id, action, key.key_id, key.role, reason=body.reason if body else ""
        )
    return summary_out(draft)


@router.post("/{draft_id}/submit", response_model=DraftSummaryOut, responses=_STORE_ERRORS)
def submit(
    draft_id: DraftId, service: ServiceDep, key: EditorKey, body: DraftDecisionIn | None = None
) -> DraftSummaryOut:
    """Send the draft to review (from draft, or again after a rejection)."""
    return _decide(service, draft_id, "submit", key, body)


@router.post("/{draft_id}/withdraw", response_model=DraftSummaryOut, responses=_STORE_ERRORS)
def withdraw(
    draft_id: DraftId, service: ServiceDep, key: EditorKey, body: DraftDecisionIn | None = None
) -> DraftSummaryOut:
    """Take the draft back from review to edit it."""
    return _decide(service, draft_id, "withdraw", key, body)


@router.post("/{draft_id}/approve", response_model=DraftSummaryOut, responses=_STORE_ERRORS)
def approve(
    draft_id: DraftId, service: ServiceDep, key: ApproverKey, body: DraftDecisionIn | None = None
) -> DraftSummaryOut:
    """Approve the submitted version; it is frozen from now on."""
    return _decide(service, draft_id, "approve", key, body)


@router.post("/{draft_id}/reject", response_model=DraftSummaryOut, responses=_STORE_ERRORS)
def reject(
    draft_id: DraftId, body: DraftDecisionIn, service: ServiceDep, key: ApproverKey
) -> DraftSummaryOut:
    """Send the draft back with a reason; its next edit makes it a draft again."""
    return _decide(service, draft_id, "reject", key, body)


@router.post(
    "/{draft_id}/copy", response_model=DraftSummaryOut, status_code=201, responses=_READ_ERRORS
)
def copy(
    draft_id: DraftId, service: ServiceDep, key: EditorKey, body: DraftCopyIn | None = None
) -> DraftSummaryOut:
    """A new draft from a version of this one (default: the approved version): how an
    approved, frozen draft is changed — the copy goes through review again."""
    visible_draft(service, draft_id, key)
    body = body or DraftCopyIn()
    with draft_errors():
        new = service.drafts.copy(draft_id, key.key_id, body.version, body.title)
    return summary_out(new)
