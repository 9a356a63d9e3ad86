"""Documents: upload (editor), list (reader, by clearance), delete (admin)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.concurrency import run_in_threadpool

from api.container import Tiekartta
from api.deps import AdminKey, EditorKey, ReaderKey, ServiceDep
from api.errors import ApiError
from api.params import split_csv
from api.schemas.documents import DeleteOut, DocumentOut, IngestOut, document_out, ingest_out
from ingest.loaders.base import LoadOptions
from rag.core.documents import ACCESS_LEVELS

router = APIRouter(prefix="/documents", tags=["documents"])


async def keep_uploads(service: Tiekartta, files: list[UploadFile]) -> list[Path]:
    """Save uploaded files in the data directory (413 for one over the size limit).

    The registry points at them, and a re-upload of the same name replaces the old version
    through the normal idempotent ingest.
    """
    limit = service.settings.max_upload_bytes
    upload_dir = service.settings.data_dir / "uploads"
    upload_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for upload in files:
        name = Path(upload.filename or "upload").name
        data = await upload.read(limit + 1)
        if len(data) > limit:
            raise ApiError(413, "upload_too_large", name=name, limit=str(limit))
        path = upload_dir / name
        path.write_bytes(data)
        paths.append(path)
    return paths


@router.post("", response_model=IngestOut, status_code=201)
async def upload_documents(
    service: ServiceDep,
    key: EditorKey,
    files: list[UploadFile] = File(default=[], description="One or many files."),
    access: str | None = Form(default=None, description="public, internal or restricted"),
    text_columns: str | None = Form(default=None, description="CSV/XLSX: e.g. title,texts"),
    id_columns: str | None = Form(default=None, description="CSV/XLSX: e.g. round,id"),
) -> IngestOut:
    """Ingest uploaded files; bad files are reported in `failed`, the rest go in."""
    if not files:
        raise ApiError(400, "no_files")
    if access is not None and access not in ACCESS_LEVELS:
        raise ApiError(
            400, "bad_request", problem=f"access '{access}' is not one of {ACCESS_LEVELS}"
        )
    paths = await keep_uploads(service, files)
    options = LoadOptions(
        text_columns=split_csv(text_columns), id_columns=split_csv(id_columns), access=access
    )
    report = await run_in_threadpool(service.documents.ingest, paths, options, key.key_id)
    for failed in report.failed:  # report the name the user sent, not the server path
        failed.path = Path(failed.path).name
    return ingest_out(report)


@router.get("", response_model=list[DocumentOut])
def list_documents(service: ServiceDep, key: ReaderKey) -> list[DocumentOut]:
    records = service.documents.list_documents(set(key.clearance))
    return [document_out(r, service.documents.items(r.doc_id)) for r in records]


@router.get("/{doc_id}", response_model=DocumentOut)
def get_document(doc_id: str, service: ServiceDep, key: ReaderKey) -> DocumentOut:
    record = service.documents.get(doc_id)
    if record is None or not key.can_read(record.access):
        raise ApiError(404, "document_not_found", doc_id=doc_id)
    return document_out(record, service.documents.items(doc_id))


@router.delete("/{doc_id}", response_model=DeleteOut)
def delete_document(doc_id: str, service: ServiceDep, key: AdminKey) -> DeleteOut:
    if service.documents.get(doc_id) is None:
        raise ApiError(404, "document_not_found", doc_id=doc_id)
    return DeleteOut(doc_id=doc_id, deleted=service.documents.remove(doc_id, actor=key.key_id))
