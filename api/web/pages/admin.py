"""Admin: API keys (create, revoke, role, clearance) and the audit log with filters."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.deps import ServiceDep
from api.web.render import AdminUser, page
from rag.core.documents import ACCESS_LEVELS
from rag.store.keys import ROLES
from rag.store.registry import RegistryError

router = APIRouter(prefix="/app/admin", include_in_schema=False)


@router.get("", response_class=HTMLResponse)
def admin_home() -> Response:
    return RedirectResponse("/app/admin/keys", status_code=303)


def _keys_page(request: Request, service: ServiceDep, user: AdminUser, **extra: object) -> Response:
    return page(
        request,
        "admin_keys.html",
        user,
        keys=service.keys.list_keys(),
        roles=ROLES,
        levels=ACCESS_LEVELS,
        **{"created": None, "error": None, **extra},
    )


@router.get("/keys", response_class=HTMLResponse)
def keys(request: Request, service: ServiceDep, user: AdminUser) -> Response:
    return _keys_page(request, service, user)


@router.post("/keys", response_class=HTMLResponse)
def create_key(
    request: Request,
    service: ServiceDep,
    user: AdminUser,
    role: str = Form(),
    label: str = Form(default="", max_length=200),
    clearance: list[str] = Form(default=[]),
) -> Response:
    """Make a key; its secret is shown on this page once."""
    try:
        created = service.keys.create(role, label, user.key.key_id, clearance or None)
    except RegistryError as exc:
        return _keys_page(request, service, user, error=str(exc))
    return _keys_page(request, service, user, created=created)


@router.post("/keys/{key_id}/revoke")
def revoke_key(key_id: str, service: ServiceDep, user: AdminUser) -> Response:
    service.keys.revoke(key_id, user.key.key_id)
    return RedirectResponse("/app/admin/keys", status_code=303)


@router.get("/audit", response_class=HTMLResponse)
def audit(request: Request, service: ServiceDep, user: AdminUser) -> Response:
    values = {n: request.query_params.get(n, "") for n in ("actor", "action", "since")}
    try:
        since = datetime.fromisoformat(values["since"]) if values["since"] else None
    except ValueError:
        since, values["since"] = None, ""
    events = service.audit.events(
        since=since, actor=values["actor"] or None, action=values["action"] or None, limit=300
    )
    return page(request, "admin_audit.html", user, events=events, values=values)
