"""Sign-in, sign-out and the language switch."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import ServiceDep
from api.web.i18n import LANGUAGE_COOKIE, LANGUAGES
from api.web.render import ReaderUser, page, safe_next
from api.web.session import (
    LOGIN_CSRF_COOKIE,
    cookie_secure,
    current_user,
    sign_in,
    sign_out,
    tokens_match,
)

router = APIRouter(prefix="/app", include_in_schema=False)


def _login_page(request: Request, next_path: str, error: str | None, status: int) -> Response:
    token = secrets.token_urlsafe(24)
    response = page(
        request,
        "login.html",
        None,
        status_code=status,
        next=next_path,
        error=error,
        login_csrf=token,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        max_age=3600,
        httponly=True,
        samesite="strict",
        secure=cookie_secure(request),
        path="/app/login",
    )
    return response


@router.get("/login")
def login_form(request: Request, service: ServiceDep, next: str | None = None) -> Response:
    if current_user(request, service) is not None:
        return RedirectResponse(safe_next(next), status_code=303)
    return _login_page(request, safe_next(next), None, 200)


@router.post("/login")
def login(
    request: Request,
    service: ServiceDep,
    key: str = Form(default=""),
    csrf: str = Form(default=""),
    next: str = Form(default="/app/ask"),
) -> Response:
    if not tokens_match(csrf, request.cookies.get(LOGIN_CSRF_COOKIE, "")):
        return _login_page(request, safe_next(next), "login_expired", 403)
    response = RedirectResponse(safe_next(next), status_code=303)
    if not sign_in(response, request, service, key):
        return _login_page(request, safe_next(next), "login_bad_key", 401)
    return response


@router.post("/logout")
def logout(request: Request, service: ServiceDep, user: ReaderUser) -> Response:
    response = RedirectResponse("/app/login", status_code=303)
    sign_out(response, request, service)
    return response


@router.get("/lang/{code}")
def choose_language(code: str, request: Request, next: str | None = None) -> Response:
    """Remember the chosen language for a year (a preference, not a change of data)."""
    response = RedirectResponse(safe_next(next), status_code=303)
    if code in LANGUAGES:
        response.set_cookie(
            LANGUAGE_COOKIE,
            code,
            max_age=365 * 24 * 3600,
            samesite="lax",
            secure=cookie_secure(request),
            path="/",
        )
    return response
