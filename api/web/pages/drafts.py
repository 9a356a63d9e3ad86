"""Drafts: start one, read it with its evidence and flags, edit, comment, review, export."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.container import Tiekartta
from api.deps import ServiceDep
from api.errors import ApiError, draft_error_status
from api.routes.drafts import submit_draft_job
from api.web.i18n import page_language
from api.web.render import EditorUser, ReaderUser, page
from api.web.session import WebUser
from rag.core.messages import message
from rag.draft.review import EDITABLE_STATUSES, TRANSITIONS
from rag.store.draft_records import DraftError, DraftRecord

router = APIRouter(prefix="/app/drafts", include_in_schema=False)

# Flag kinds the page names in the person's language; another kind is shown by its id.
KNOWN_FLAGS = frozenset(
    f"flag_{kind}" for kind in ("unsupported", "weak_support", "status_conflict", "no_evidence")
)


def _draft_themes(service: Tiekartta, lang: str) -> list[tuple[str, str]]:
    """The programme's themes a draft can cover (every label but none)."""
    return [(label, name) for label, name in service.proposals.themes(lang) if label != "none"]


def _visible(service: Tiekartta, draft_id: int, user: WebUser) -> DraftRecord | None:
    draft = service.drafts.get(draft_id)
    return draft if draft is not None and draft.visible_to(user.key.clearance) else None


def _draft_page(
    request: Request,
    service: Tiekartta,
    user: WebUser,
    draft: DraftRecord,
    version: int | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    view = service.drafts.view(draft.draft_id, version)
    draft = view.draft
    actions = [
        a
        for a, rule in TRANSITIONS.items()
        if draft.status in rule.from_statuses and user.key.has_role(rule.role)
    ]
    if "approve" in actions and not service.drafts.may_approve(draft, user.key.key_id):
        actions.remove("approve")
    return page(
        request,
        "draft.html",
        user,
        status_code=status_code,
        draft=draft,
        version=view.version,
        sections=view.content.sections,
        versions=view.versions,
        comments=view.comments,
        history=view.status_history,
        actions=actions,
        editable=draft.status in EDITABLE_STATUSES and view.version == draft.current_version,
        error=error,
        known_flags=KNOWN_FLAGS,
    )


@router.get("", response_class=HTMLResponse)
def drafts_page(request: Request, service: ServiceDep, user: ReaderUser) -> Response:
    drafts = service.drafts.list_drafts(clearance=user.key.clearance, limit=200)
    lang = page_language(request)
    themes = _draft_themes(service, lang)
    return page(request, "drafts.html", user, drafts=drafts, themes=themes, error=None, form={})


@router.post("")
async def start(
    request: Request,
    service: ServiceDep,
    user: EditorUser,
    period: str = Form(default="", max_length=40),
    themes: list[str] = Form(default=[]),
    languages: list[str] = Form(default=[]),
    title: str = Form(default="", max_length=300),
    # Aliased: a body field named "register" would shadow a pydantic BaseModel attribute.
    register_file: UploadFile | None = File(default=None, alias="register"),
    proposals: UploadFile | None = File(default=None),
) -> Response:
    try:
        job_id = await submit_draft_job(
            service,
            user.key,
            period,
            ",".join(themes) or None,
            ",".join(languages) or "fi,sv",
            title or None,
            register_file,
            proposals,
        )
    except ApiError as exc:
        lang = page_language(request)
        drafts = service.drafts.list_drafts(clearance=user.key.clearance, limit=200)
        theme_list = _draft_themes(service, lang)
        return page(
            request,
            "drafts.html",
            user,
            status_code=exc.status,
            drafts=drafts,
            themes=theme_list,
            error=message(exc.key, lang, **exc.values),
            form={"period": period, "title": title},
        )
    return RedirectResponse(f"/app/jobs/{job_id}", status_code=303)


@router.get("/{draft_id}", response_class=HTMLResponse)
def draft_view(
    draft_id: int,
    request: Request,
    service: ServiceDep,
    user: ReaderUser,
    version: int | None = None,
) -> Response:
    draft = _visible(service, draft_id, user)
    if draft is None:
        return page(request, "not_found.html", user, status_code=404)
    try:
        return _draft_page(request, service, user, draft, version)
    except DraftError:
        return page(request, "not_found.html", user, status_code=404)


def _after(
    request: Request, service: Tiekartta, user: WebUser, draft_id: int, action: Callable[[], object]
) -> Response:
    """Run a store action on a draft the person may see: back to the draft, or the draft with
    the refusal in plain words (a draft they may not see answers like a missing one)."""
    draft = _visible(service, draft_id, user)
    if draft is None:
        return page(request, "not_found.html", user, status_code=404)
    try:
        action()
    except DraftError as exc:
        text = message(exc.code, page_language(request), **exc.values)
        status = draft_error_status(exc.code)
        return _draft_page(request, service, user, draft, error=text, status_code=status)
    return RedirectResponse(f"/app/drafts/{draft_id}", status_code=303)


@router.post("/{draft_id}/edit")
def edit(
    draft_id: int,
    request: Request,
    service: ServiceDep,
    user: EditorUser,
    section: str = Form(),
    language: str = Form(),
    text: str = Form(max_length=100_000),
    base_version: int = Form(),
) -> Response:
    return _after(
        request,
        service,
        user,
        draft_id,
        lambda: service.drafts.edit(
            draft_id, section, language, text, user.key.key_id, base_version
        ),
    )


@router.post("/{draft_id}/comment")
def comment(
    draft_id: int,
    request: Request,
    service: ServiceDep,
    user: ReaderUser,
    section: str = Form(),
    language: str = Form(default=""),
    text: str = Form(max_length=5_000),
) -> Response:
    return _after(
        request,
        service,
        user,
        draft_id,
        lambda: service.drafts.comment(
            draft_id, section, text, user.key.key_id, language=language or None
        ),
    )


@router.post("/{draft_id}/status/{action}")
def change_status(
    draft_id: int,
    action: str,
    request: Request,
    service: ServiceDep,
    user: ReaderUser,
    reason: str = Form(default="", max_length=5_000),
) -> Response:
    """Submit, withdraw, approve or reject; the store checks the role and the status again."""
    if action not in TRANSITIONS:
        return page(request, "not_found.html", user, status_code=404)
    return _after(
        request,
        service,
        user,
        draft_id,
        lambda: service.drafts.decide(
            draft_id, action, user.key.key_id, user.key.role, reason=reason
        ),
    )


@router.get("/{draft_id}/export")
def export(
    draft_id: int,
    request: Request,
    service: ServiceDep,
    user: ReaderUser,
    format: str = "docx",
    version: int | None = None,
) -> Response:
    if _visible(service, draft_id, user) is None:
        return page(request, "not_found.html", user, status_code=404)
    try:
        exported = service.drafts.export(draft_id, format, user.key.key_id, version)
    except DraftError:
        return page(request, "not_found.html", user, status_code=404)
    disposition = "attachment" if format == "docx" else "inline"
    return Response(
        exported.data,
        media_type=exported.media_type,
        headers={"Content-Disposition": f'{disposition}; filename="{exported.filename}"'},
    )
