"""Documents: upload (editor), list (reader, by clearance), delete (admin)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, File, Form, Request, Response, UploadFile
from fastapi.concurrency import run_in_threadpool

from api.container import Tiekartta
from api.deps import AdminKey, EditorKey, ReaderKey, ServiceDep
from api.errors import ApiError, request_language
from api.params import split_csv
from api.schemas.common import KEYED_ERRORS, ErrorBody, error_responses
from api.schemas.documents import DeleteOut, DocumentOut, IngestOut, document_out, ingest_out
from ingest.loaders.base import LoadOptions
from ingest.pipeline import IngestReport
from ingest.uploads import SavedUpload, discard_rejected, save_upload, upload_name
from ingest.write_policy import WritePolicy
from rag.core.documents import ACCESS_LEVELS, MAX_DOC_ID
from rag.store.registry import ApiKey

router = APIRouter(prefix="/documents", tags=["documents"], responses=KEYED_ERRORS)


_UPLOAD_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": IngestOut, "description": "Nothing new: every file was already stored."},
    207: {"model": IngestOut, "description": "Some files went in, others were refused."},
    **error_responses(400, 503),
    404: {"model": ErrorBody, "description": "`replace` names no document this key may read."},
    413: {"model": ErrorBody, "description": "A file is larger than the upload limit."},
    # Both bodies answer 422: a refused field (ErrorBody) or every file refused (IngestOut).
    422: {
        "model": IngestOut | ErrorBody,
        "description": "No file could be ingested (see `failed`), or a field was refused.",
    },
}


@router.post("", response_model=IngestOut, status_code=201, responses=_UPLOAD_RESPONSES)
async def upload_documents(
    request: Request,
    response: Response,
    service: ServiceDep,
    key: EditorKey,
    files: list[UploadFile] = File(default=[], description="One or many files."),
    access: str | None = Form(default=None, description="public, internal or restricted"),
    text_columns: str | None = Form(default=None, description="CSV/XLSX: e.g. title,texts"),
    id_columns: str | None = Form(default=None, description="CSV/XLSX: e.g. round,id"),
    replace: str | None = Form(
        default=None,
        max_length=MAX_DOC_ID,
        description="Id of a stored document that this upload (one file) replaces.",
    ),
) -> IngestOut:
    """Ingest uploaded files; bad files are reported in `failed`, the rest go in.

    Each file becomes a document of its own (id: its name plus a hash of its bytes), so equal
    names never replace each other and the same bytes again change nothing; replacing a
    document is explicit (`replace`). 201: something went in; 200: nothing new; 207: some
    files refused; 422: every file refused. Refused files are not kept.
    """
    if not files:
        raise ApiError(400, "no_files")
    if access is not None and access not in ACCESS_LEVELS:
        raise ApiError(
            400, "bad_request", problem=f"access '{access}' is not one of {ACCESS_LEVELS}"
        )
    if replace is not None:
        if len(files) != 1:
            raise ApiError(400, "bad_request", problem="'replace' takes exactly one file")
        record = service.documents.get(replace)
        if record is None or not key.can_read(record.access):
            raise ApiError(404, "document_not_found", doc_id=replace)
    report = await ingest_uploads(
        service,
        key,
        files,
        LoadOptions(
            text_columns=split_csv(text_columns), id_columns=split_csv(id_columns), access=access
        ),
        replace=replace,
        language=request_language(request),
    )
    response.status_code = _upload_status(report)
    return ingest_out(report)


async def ingest_uploads(
    service: Tiekartta,
    key: ApiKey,
    files: list[UploadFile],
    options: LoadOptions | None = None,
    *,
    replace: str | None = None,
    language: str = "en",
) -> IngestReport:
    """Save uploads under ids of their own, ingest them under the key's write policy.

    Shared by the API route and the web page. Refused files are deleted again; the report
    names files as they were sent (413 as ApiError for a file over the size limit).
    """
    limit = service.settings.max_upload_bytes
    upload_dir = service.settings.data_dir / "uploads"
    saved: list[SavedUpload] = []
    for upload in files:
        data = await upload.read(limit + 1)
        if len(data) > limit:
            discard_rejected(saved, [])
            raise ApiError(
                413, "upload_too_large", name=upload_name(upload.filename), limit=str(limit)
            )
        salt = ",".join(sorted(key.clearance))
        saved.append(save_upload(upload_dir, upload.filename, data, replace, salt))
    options = options or LoadOptions()
    options.document_ids = {str(u.path): u.document_id for u in saved}
    policy = WritePolicy(frozenset(key.clearance), admin=key.has_role("admin"))
    report = await run_in_threadpool(
        service.documents.ingest, [u.path for u in saved], options, key.key_id, None, policy
    )
    discard_rejected(saved, report.ingested + report.unchanged)
    _for_the_sender(report, saved, language)
    return report


def _for_the_sender(report: IngestReport, saved: list[SavedUpload], language: str) -> None:
    """Name files as they were sent, never by their server path; reasons in `language`."""
    names = {str(u.path): u.name for u in saved}
    for failed in report.failed:
        where, _, record = failed.path.partition(" (")
        failed.path = names.get(where, Path(where).name) + (f" ({record}" if record else "")
        failed.reason = failed.localised(language)
    for number, conflict in enumerate(report.conflicts):
        where, _, doc_id = conflict.partition(": ")
        report.conflicts[number] = f"{names.get(where, Path(where).name)}: {doc_id}"


def _upload_status(report: IngestReport) -> int:
    stored = report.ingested or report.unchanged
    if report.failed:
        return 207 if stored else 422
    return 201 if report.ingested else 200


@router.get("", response_model=list[DocumentOut])
def list_documents(service: ServiceDep, key: ReaderKey) -> list[DocumentOut]:
    records = service.documents.list_documents(set(key.clearance))
    return [document_out(r, service.documents.items(r.doc_id)) for r in records]


@router.get("/{doc_id}", response_model=DocumentOut, responses=error_responses(404))
def get_document(doc_id: str, service: ServiceDep, key: ReaderKey) -> DocumentOut:
    record = service.documents.get(doc_id)
    if record is None or not key.can_read(record.access):
        raise ApiError(404, "document_not_found", doc_id=doc_id)
    return document_out(record, service.documents.items(doc_id))


@router.delete("/{doc_id}", response_model=DeleteOut, responses=error_responses(404))
def delete_document(doc_id: str, service: ServiceDep, key: AdminKey) -> DeleteOut:
    record = service.documents.get(doc_id)
    if record is None or not key.can_read(record.access):  # only what the key may read
        raise ApiError(404, "document_not_found", doc_id=doc_id)
    return DeleteOut(doc_id=doc_id, deleted=service.documents.remove(doc_id, actor=key.key_id))
