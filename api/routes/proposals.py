"""Proposals: classify a small list now or a file as a background job (editor), decide
(editor), list the review queue (reader)."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.datastructures import UploadFile as StarletteUpload

from api.container import Tiekartta
from api.deps import EditorKey, ReaderKey, ServiceDep
from api.errors import ApiError, request_language
from api.params import MAX_DB_INT, split_csv
from api.schemas.common import KEYED_ERRORS, error_responses
from api.schemas.proposals import (
    ClassificationOut,
    ClassifyIn,
    ClassifyJobOut,
    ClassifyOut,
    DecisionIn,
    DecisionOut,
    ProposalOut,
    decision_out,
    proposal_out,
)
from rag.classify.batch_io import FORMATS, BatchFileError, ProposalRow, file_format, text_hash
from rag.classify.jobs import classify_params
from rag.core.messages import message
from rag.store.registry import ApiKey, RegistryError

router = APIRouter(prefix="/proposals", tags=["proposals"], responses=KEYED_ERRORS)

_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ClassifyIn"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["file", "text_column"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "text_column": {"type": "string", "description": "e.g. title,texts"},
                        "id_column": {"type": "string", "description": "e.g. round,id"},
                        "out_format": {"type": "string", "enum": list(FORMATS)},
                        "mode": {"type": "string", "enum": ["offline", "llm", "auto"]},
                    },
                }
            },
        },
        "required": True,
    }
}


def _names(value: Any) -> list[str]:
    return split_csv(str(value) if value else None) or []


def _classify_list(service: Tiekartta, body: ClassifyIn, key: ApiKey) -> ClassifyOut:
    limit = service.settings.classify_sync_limit
    if len(body.proposals) > limit:
        raise ApiError(413, "classify_too_many", limit=str(limit))
    rows: list[ProposalRow] = []
    max_chars = service.settings.classify_max_chars
    for index, item in enumerate(body.proposals, start=1):
        text = item.text.strip()
        if not text:
            raise ApiError(422, "classify_empty_text", index=str(index))
        if len(text) > max_chars:
            raise ApiError(
                422,
                "classify_text_too_long",
                index=str(index),
                length=str(len(text)),
                limit=str(max_chars),
            )
        rows.append(ProposalRow(index, item.id or "t-" + text_hash(text)[:16], text, item.language))
    try:
        results = service.proposals.classify_rows(rows, "api", body.mode, key.key_id)
    except ValueError as exc:  # no LLM for mode 'llm', an invalid programme file
        raise ApiError(400, "bad_request", problem=str(exc)) from None
    out = []
    for row in rows:
        stored = service.proposals.get(row.proposal_id)
        result = results[row.proposal_id]
        out.append(
            ClassificationOut(
                id=row.proposal_id,
                labels=result.labels,
                primary=result.primary,
                confidence=result.confidence,
                reason=result.reason,
                needs_review=result.needs_review,
                language=stored.language if stored else row.language,
                mode=result.mode,
                scores=result.scores,
            )
        )
    return ClassifyOut(results=out)


async def _submit_file(
    service: Tiekartta, form: Any, upload: StarletteUpload, key: ApiKey
) -> ClassifyJobOut:
    name = Path(upload.filename or "proposals.csv").name
    limit = service.settings.max_upload_bytes
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise ApiError(413, "upload_too_large", name=name, limit=str(limit))
    text_columns = _names(form.get("text_column"))
    mode = str(form.get("mode") or "auto")
    if mode not in ("offline", "llm", "auto"):
        raise ApiError(400, "bad_request", problem=f"mode '{mode}': use offline, llm or auto")
    if mode == "llm" and not service.settings.llm_enabled:
        raise ApiError(400, "classify_no_llm")
    # Kept in the data directory: the job reads it again when it resumes after a restart.
    upload_dir = service.settings.data_dir / "uploads" / "proposals"
    upload_dir.mkdir(parents=True, exist_ok=True)
    path: Path | None = None
    try:
        suffix = "." + file_format(name)  # unknown types are refused before anything is kept
        path = upload_dir / f"{secrets.token_hex(8)}{suffix}"
        path.write_bytes(data)
        out_format = form.get("out_format") or None
        params = classify_params(
            path, text_columns, _names(form.get("id_column")), out_format, mode=mode, filename=name
        )
        # Read once now: an unknown column or unreadable file is answered at once, not as a
        # failed job later.
        table = await run_in_threadpool(service.proposals.read_file, params)
    except BatchFileError as exc:
        if path is not None:
            path.unlink(missing_ok=True)  # a refused file keeps no resident's words on disk
        raise ApiError(400, "classify_bad_file", problem=f"{name}: {exc.problem}") from None
    job = service.proposals.submit(params, key.key_id)
    return ClassifyJobOut(
        job_id=job.job_id,
        status=job.status,
        status_url=f"/jobs/{job.job_id}",
        result_url=f"/jobs/{job.job_id}/result",
        rows=len(table.row_ids) + len(table.rejected),
        proposals=len(table.rows),
        rejected_rows=len(table.rejected),
    )


@router.post(
    "/classify",
    response_model=ClassifyOut,
    openapi_extra=_BODY_DOC,
    responses={
        202: {"model": ClassifyJobOut, "description": "A file: the job was queued."},
        **error_responses(400, 503),
    },
)
async def classify(request: Request, service: ServiceDep, key: EditorKey) -> Any:
    """A JSON list (at most `classify_sync_limit` items): classified now. A multipart file
    (`file`, `text_column`, optional `id_column`, `out_format`, `mode`): a background job,
    answered 202 with its id; follow it at `GET /jobs/{id}`, download `GET /jobs/{id}/result`."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, StarletteUpload):
            raise ApiError(400, "classify_no_input")
        if not _names(form.get("text_column")):
            raise ApiError(400, "bad_request", problem="text_column: choose the text column(s)")
        job = await _submit_file(service, form, upload, key)
        return JSONResponse(job.model_dump(), status_code=202)
    try:
        body = ClassifyIn.model_validate_json(await request.body())
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()
        )
        text = message("bad_request", request_language(request), problem=problems)
        return JSONResponse({"detail": text}, status_code=422)
    return await run_in_threadpool(_classify_list, service, body, key)


@router.get("", response_model=list[ProposalOut])
def list_proposals(
    service: ServiceDep,
    key: ReaderKey,
    needs_review: bool = Query(default=False, description="Only the review queue."),
    limit: int = Query(default=50, ge=1, le=1000),
    offset: int = Query(default=0, ge=0, le=MAX_DB_INT),
) -> list[ProposalOut]:
    """Stored proposals, newest first; `needs_review=true` lists the undecided uncertain ones."""
    items = service.proposals.list_proposals(needs_review=needs_review, limit=limit, offset=offset)
    return [proposal_out(service.proposals.shown_to(p, key.role)) for p in items]


@router.get("/{proposal_id}", response_model=ProposalOut, responses=error_responses(404))
def get_proposal(proposal_id: str, service: ServiceDep, key: ReaderKey) -> ProposalOut:
    proposal = service.proposals.get(proposal_id)
    if proposal is None:
        raise ApiError(404, "proposal_not_found", proposal_id=proposal_id)
    return proposal_out(service.proposals.shown_to(proposal, key.role))


@router.post(
    "/{proposal_id}/decision",
    response_model=DecisionOut,
    status_code=201,
    responses=error_responses(404),
)
def decide(proposal_id: str, body: DecisionIn, service: ServiceDep, key: EditorKey) -> DecisionOut:
    """Store a person's labels (who: the key id; when: now); the next run learns from them."""
    if service.proposals.get(proposal_id) is None:
        raise ApiError(404, "proposal_not_found", proposal_id=proposal_id)
    try:
        decision = service.proposals.decide(
            proposal_id, body.labels, body.primary, body.note, actor=key.key_id
        )
    except RegistryError as exc:
        raise ApiError(422, "bad_labels", problem=str(exc)) from None
    return decision_out(decision)
