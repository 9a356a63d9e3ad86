"""Documents: the list with search and filters, upload with the ingest report, one document."""

from __future__ import annotations

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import ServiceDep
from api.errors import ApiError
from api.routes.documents import ingest_uploads
from api.web.i18n import page_language
from api.web.render import AdminUser, EditorUser, ReaderUser, page
from rag.core.messages import message
from rag.store.registry import DocumentRecord

router = APIRouter(prefix="/app/documents", include_in_schema=False)

LIST_FILTERS = ("q", "language", "kind", "body")


def _matches(doc: DocumentRecord, values: dict[str, str]) -> bool:
    q = values.get("q", "").strip().lower()
    if q and q not in f"{doc.title} {doc.doc_id} {doc.body or ''}".lower():
        return False
    return all(
        not values.get(name) or getattr(doc, name) == values[name]
        for name in ("language", "kind", "body")
    )


@router.get("", response_class=HTMLResponse)
def document_list(request: Request, service: ServiceDep, user: EditorUser) -> Response:
    values = {name: request.query_params.get(name, "") for name in LIST_FILTERS}
    docs = service.documents.list_documents(set(user.key.clearance))
    return page(
        request,
        "documents.html",
        user,
        documents=[d for d in docs if _matches(d, values)],
        total=len(docs),
        values=values,
        bodies=sorted({d.body for d in docs if d.body}),
        kinds=sorted({d.kind for d in docs if d.kind}),
        report=None,
        problem=None,
        deleted=request.query_params.get("deleted"),
    )


@router.post("/upload", response_class=HTMLResponse)
async def upload(
    request: Request,
    service: ServiceDep,
    user: EditorUser,
    files: list[UploadFile] = File(default=[]),
) -> Response:
    """Ingest the files; the answer is the ingest report (a fragment for the per-file uploader)."""
    report, problem = None, None
    try:
        chosen = [f for f in files if f.filename]
        if chosen:
            language = page_language(request)
            report = await ingest_uploads(service, user.key, chosen, language=language)
    except ApiError as exc:  # a file over the size limit: nothing of this request is ingested
        problem = message(exc.key, page_language(request), **exc.values)
    fragment = bool(request.headers.get("hx-request") or request.query_params.get("fragment"))
    context = {"report": report, "problem": problem}
    if fragment:
        return page(request, "partials/ingest_report.html", user, **context)
    docs = service.documents.list_documents(set(user.key.clearance))
    return page(
        request,
        "documents.html",
        user,
        documents=docs,
        total=len(docs),
        values={},
        bodies=[],
        kinds=[],
        deleted=None,
        **context,
    )


@router.get("/{doc_id}", response_class=HTMLResponse)
def document_view(
    doc_id: str, request: Request, service: ServiceDep, user: ReaderUser, chunk: str | None = None
) -> Response:
    record = service.documents.get(doc_id)
    if record is None or not user.key.can_read(record.access):
        return page(request, "not_found.html", user, status_code=404)
    versions = service.documents.language_versions([doc_id]).get(doc_id, [])
    return page(
        request,
        "document.html",
        user,
        doc=record,
        items=service.documents.items(doc_id),
        chunks=service.documents.chunks(doc_id),
        highlight=chunk,
        versions=[v for v in versions if user.key.can_read(v.access)],
    )


@router.post("/{doc_id}/delete")
def delete(doc_id: str, service: ServiceDep, user: AdminUser) -> Response:
    service.documents.remove(doc_id, actor=user.key.key_id)
    return RedirectResponse(f"/app/documents?deleted={doc_id}", status_code=303)
