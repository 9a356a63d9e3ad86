"""Proposals: upload a file, choose its columns, follow the job, see results, review labels."""

from __future__ import annotations

import re
import secrets
import shutil
from pathlib import Path

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.container import Tiekartta
from api.deps import ServiceDep
from api.web.i18n import page_language
from api.web.render import EditorUser, page
from api.web.session import WebUser
from rag.classify.batch_io import BatchFileError, file_format, preview_table
from rag.classify.jobs import classify_params
from rag.store.proposals import StoredProposal
from rag.store.registry import RegistryError

router = APIRouter(prefix="/app/proposals", include_in_schema=False)

_TOKEN = re.compile(r"^[0-9a-f]{16}$")
RESULT_FILTERS = ("job", "label", "language", "min_confidence", "max_confidence", "state")


def _upload_dir(service: Tiekartta) -> Path:
    return service.settings.data_dir / "uploads" / "proposals"


def _uploaded(service: Tiekartta, token: str) -> Path | None:
    """The file kept for the column choice (one file in its own folder), if the token is ours."""
    if not _TOKEN.match(token):
        return None
    folder = _upload_dir(service) / token
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    return files[0] if files else None


def _keep(p: StoredProposal, values: dict[str, str]) -> bool:
    labels = p.decision.labels if p.decision else p.labels
    checks = [
        not values["job"] or p.job_id == values["job"],
        not values["label"] or values["label"] in labels,
        not values["language"] or p.language == values["language"],
        not values["min_confidence"] or p.confidence >= float(values["min_confidence"]),
        not values["max_confidence"] or p.confidence <= float(values["max_confidence"]),
        values["state"] != "review" or (p.needs_review and p.decision is None),
        values["state"] != "decided" or p.decision is not None,
    ]
    return all(checks)


@router.get("", response_class=HTMLResponse)
def proposals_page(request: Request, service: ServiceDep, user: EditorUser) -> Response:
    values = {name: request.query_params.get(name, "") for name in RESULT_FILTERS}
    for name in ("min_confidence", "max_confidence"):
        try:
            float(values[name] or 0)
        except ValueError:
            values[name] = ""
    stored = service.proposals.list_proposals(limit=1000)
    shown = [p for p in stored if _keep(p, values)]
    jobs = service.proposals.recent_jobs()
    return page(
        request,
        "proposals.html",
        user,
        proposals=shown[:200],
        shown=len(shown),
        values=values,
        jobs=jobs,
        themes=service.proposals.themes(page_language(request)),
        queue=len(service.proposals.list_proposals(needs_review=True, limit=1000)),
        error=None,
    )


def _column_page(
    request: Request, user: WebUser, name: str, token: str, path: Path | None, error: str | None
) -> Response:
    """The preview with the column choice; a file that cannot be read shows only the error."""
    columns: list[str] = []
    rows: list[list[str]] = []
    if path is not None:
        try:
            columns, rows = preview_table(path)
        except BatchFileError as exc:
            error, token = str(exc), ""
            shutil.rmtree(path.parent, ignore_errors=True)  # unreadable: nothing will use it
    return page(
        request,
        "proposals_prepare.html",
        user,
        status_code=400 if error else 200,
        error=error,
        token=token,
        name=name,
        columns=columns,
        rows=rows,
    )


@router.post("/upload")
async def upload(
    request: Request, service: ServiceDep, user: EditorUser, file: UploadFile = File()
) -> Response:
    """Keep the file, then show its preview for the column choice."""
    name = Path(file.filename or "proposals.csv").name
    data = await file.read(service.settings.max_upload_bytes + 1)
    try:
        file_format(name)
        if len(data) > service.settings.max_upload_bytes:
            raise BatchFileError(name, "the file is larger than the upload limit")
    except BatchFileError as exc:
        return _column_page(request, user, name, "", None, str(exc))
    token = secrets.token_hex(8)
    folder = _upload_dir(service) / token
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return RedirectResponse(f"/app/proposals/prepare/{token}", status_code=303)


@router.get("/prepare/{token}", response_class=HTMLResponse)
def prepare(token: str, request: Request, service: ServiceDep, user: EditorUser) -> Response:
    path = _uploaded(service, token)
    if path is None:
        return page(request, "not_found.html", user, status_code=404)
    return _column_page(request, user, path.name, token, path, None)


@router.post("/prepare/{token}")
async def start(
    token: str,
    request: Request,
    service: ServiceDep,
    user: EditorUser,
    text_column: list[str] = Form(default=[]),
    id_column: list[str] = Form(default=[]),
) -> Response:
    """Start the classify job with the chosen columns."""
    path = _uploaded(service, token)
    if path is None:
        return page(request, "not_found.html", user, status_code=404)
    try:
        if not text_column:
            raise BatchFileError(path.name, "choose at least one text column")
        params = classify_params(path, text_column, id_column, filename=path.name)
        await run_in_threadpool(service.proposals.read_file, params)
    except BatchFileError as exc:
        return _column_page(request, user, path.name, token, path, f"{path.name}: {exc.problem}")
    job = service.proposals.submit(params, user.key.key_id)
    return RedirectResponse(f"/app/jobs/{job.job_id}", status_code=303)


def _queue_context(service: Tiekartta, lang: str, done: str | None = None) -> dict[str, object]:
    queue = service.proposals.list_proposals(needs_review=True, limit=1000)
    return {
        "item": queue[0] if queue else None,
        "remaining": len(queue),
        "themes": service.proposals.themes(lang),
        "done": done,
        "error": None,
    }


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, service: ServiceDep, user: EditorUser) -> Response:
    context = _queue_context(service, page_language(request), request.query_params.get("done"))
    return page(request, "review.html", user, **context)


@router.post("/review/{proposal_id}", response_class=HTMLResponse)
def decide(
    proposal_id: str,
    request: Request,
    service: ServiceDep,
    user: EditorUser,
    labels: list[str] = Form(default=[]),
    note: str = Form(default="", max_length=2000),
) -> Response:
    """Store the person's labels, then show the next item of the queue."""
    lang = page_language(request)
    error = None
    try:
        if not labels:
            raise RegistryError("choose at least one label")
        service.proposals.decide(proposal_id, labels, None, note, actor=user.key.key_id)
    except RegistryError as exc:
        error = str(exc)
    if request.headers.get("hx-request"):
        context = _queue_context(service, lang, None if error else proposal_id)
        context["error"] = error
        return page(request, "partials/review_item.html", user, **context)
    if error:
        context = _queue_context(service, lang)
        context["error"] = error
        return page(request, "review.html", user, status_code=400, **context)
    return RedirectResponse(f"/app/proposals/review?done={proposal_id}", status_code=303)
