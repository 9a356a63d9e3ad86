"""Rendering pages: the Jinja2 environment, the context every page gets, and the page errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from api.web.i18n import LANGUAGES, page_language, translator
from api.web.session import (
    CsrfRejected,
    PageForbidden,
    SignInRequired,
    WebUser,
    current_user,
    require_page_role,
)

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
_MARKER = re.compile(r"\[(\d{1,3})\]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def cite_links(text: str, prefix: str) -> Markup:
    """Escaped text whose [n] markers link to the source with id ``{prefix}-{n}``."""
    escaped = str(escape(text))
    return Markup(
        _MARKER.sub(
            lambda m: f'<a class="cite" href="#{prefix}-{m.group(1)}">[{m.group(1)}]</a>', escaped
        )
    )


def _inline(text: str, prefix: str) -> str:
    """Citation links plus **bold**, the only inline Markdown the drafts use."""
    return _BOLD.sub(r"<strong>\1</strong>", str(cite_links(text, prefix)))


def markdown_lite(text: str, prefix: str) -> Markup:
    """The drafts' Markdown subset (headings, lists, quotes, bold, paragraphs) as safe HTML."""
    html: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith(("- ", "* ")) for line in lines):
            items = "".join(f"<li>{_inline(line[2:], prefix)}</li>" for line in lines)
            html.append(f"<ul>{items}</ul>")
        elif all(line.startswith(">") for line in lines):
            quoted = " ".join(line.lstrip(">").strip() for line in lines)
            html.append(f"<blockquote><p>{_inline(quoted, prefix)}</p></blockquote>")
        elif lines[0].startswith("#"):
            level = min(len(lines[0]) - len(lines[0].lstrip("#")) + 2, 6)
            heading = _inline(lines[0].lstrip("#").strip(), prefix)
            html.append(f"<h{level}>{heading}</h{level}>")
            if lines[1:]:
                html.append(f"<p>{_inline(' '.join(lines[1:]), prefix)}</p>")
        else:
            html.append(f"<p>{_inline(' '.join(lines), prefix)}</p>")
    return Markup("".join(html))


TEMPLATES.env.filters["cite_links"] = cite_links
TEMPLATES.env.filters["markdown_lite"] = markdown_lite
TEMPLATES.env.filters["short_time"] = lambda iso: (iso or "")[:16].replace("T", " ")


def page(request: Request, template: str, user: WebUser | None, **context: Any) -> HTMLResponse:
    """Render a template with the language, translator, user and CSRF token.

    ``status_code`` among the keywords sets the response status (200 by default).
    """
    status_code = int(context.pop("status_code", 200))
    lang = page_language(request)
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {
            "lang": lang,
            "languages": LANGUAGES,
            "t": translator(lang),
            "user": user,
            "csrf": user.csrf if user else "",
            "path": request.url.path,
            "here": quote(
                str(request.url.path) + ("?" + request.url.query if request.url.query else "")
            ),
            **context,
        },
        status_code=status_code,
    )


def safe_next(target: str | None) -> str:
    """A local path to return to after sign-in (never another site)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/app/ask"


def install_page_errors(app: FastAPI) -> None:
    """Pages answer sign-in, role and CSRF problems with pages, not JSON."""

    @app.exception_handler(SignInRequired)
    async def _sign_in(request: Request, exc: SignInRequired) -> Response:
        if request.headers.get("hx-request"):  # htmx: reload the whole page to the sign-in
            return Response(status_code=401, headers={"HX-Redirect": "/app/login"})
        target = quote(
            str(request.url.path) + ("?" + request.url.query if request.url.query else "")
        )
        return RedirectResponse(f"/app/login?next={target}", status_code=303)

    @app.exception_handler(PageForbidden)
    async def _forbidden(request: Request, exc: PageForbidden) -> Response:
        user = current_user(request, request.app.state.service)
        return page(request, "forbidden.html", user, status_code=403, required=exc.required)

    @app.exception_handler(CsrfRejected)
    async def _csrf(request: Request, exc: CsrfRejected) -> Response:
        return page(request, "csrf.html", None, status_code=403)


ReaderUser = Annotated[WebUser, Depends(require_page_role("reader"))]
EditorUser = Annotated[WebUser, Depends(require_page_role("editor"))]
ApproverUser = Annotated[WebUser, Depends(require_page_role("approver"))]
AdminUser = Annotated[WebUser, Depends(require_page_role("admin"))]
