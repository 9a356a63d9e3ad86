"""Sign-in sessions and CSRF protection for the web pages.

The API key is typed once into the sign-in form and exchanged for a random session token in
an HttpOnly, SameSite=Lax cookie (Secure over HTTPS); the key never reaches browser storage.
Every state-changing request must carry the session's CSRF token, as a form field ``csrf`` or
the header ``X-CSRF-Token`` (htmx sends it).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Request, Response

from api.container import Tiekartta
from rag.store.registry import ApiKey

SESSION_COOKIE = "tk_session"
LOGIN_CSRF_COOKIE = "tk_login_csrf"  # double-submit token for the sign-in form itself
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


@dataclass(frozen=True)
class WebUser:
    """The signed-in person: their key (re-checked on every request) and the form token."""

    key: ApiKey
    csrf: str
    token: str


class SignInRequired(Exception):
    """No live session: the page answers with the sign-in form."""


class PageForbidden(Exception):
    """Signed in, but the role is too low for this page."""

    def __init__(self, required: str) -> None:
        super().__init__(required)
        self.required = required


class CsrfRejected(Exception):
    """A state-changing request without the session's token (a forged or stale form)."""


def cookie_secure(request: Request) -> bool:
    # Secure when served over HTTPS (behind a proxy: run uvicorn with --proxy-headers).
    return request.url.scheme == "https"


def sign_in(response: Response, request: Request, service: Tiekartta, secret: str) -> bool:
    """Exchange a key for a session whose token goes into the response's cookie."""
    signed = service.sessions.sign_in(secret)
    if signed is None:
        return False
    response.set_cookie(
        SESSION_COOKIE,
        signed[1].token,
        max_age=int(service.sessions.lifetime.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=cookie_secure(request),
        path="/",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/app/login")
    return True


def sign_out(response: Response, request: Request, service: Tiekartta) -> None:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        service.sessions.sign_out(token)
    response.delete_cookie(SESSION_COOKIE, path="/")


def current_user(request: Request, service: Tiekartta) -> WebUser | None:
    """The person behind the session cookie, if the session and its key are still valid."""
    token = request.cookies.get(SESSION_COOKIE)
    signed = service.sessions.current(token) if token else None
    if signed is None or token is None:
        return None
    return WebUser(signed.key, signed.session.csrf_token, token)


async def sent_token(request: Request) -> str:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()  # cached by Starlette: the route reads the same form
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else ""
    return ""


def tokens_match(sent: str, expected: str) -> bool:
    return bool(sent) and bool(expected) and secrets.compare_digest(sent, expected)


def require_page_role(role: str) -> Callable[[Request], Awaitable[WebUser]]:
    """A page dependency: a live session whose key has at least ``role``; CSRF on POST."""

    async def dependency(request: Request) -> WebUser:
        service: Tiekartta = request.app.state.service
        user = current_user(request, service)
        if user is None:
            raise SignInRequired()
        if request.method not in SAFE_METHODS and not tokens_match(
            await sent_token(request), user.csrf
        ):
            raise CsrfRejected()
        if not user.key.has_role(role):
            raise PageForbidden(role)
        return user

    return dependency
