"""FastAPI assembly: routers, error handlers, the web page. `create_app(settings)` is the entry."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from api.body_limit import JsonBodyLimit
from api.busy import BusyGate
from api.container import Tiekartta
from api.errors import install_error_handlers
from api.routes import admin, ask, documents, drafts, health, jobs, proposals, search, sources
from api.routes.health import VERSION
from api.schedule import SyncSchedule
from api.web import docs
from api.web.pages import admin as admin_pages
from api.web.pages import ask as ask_pages
from api.web.pages import auth as auth_pages
from api.web.pages import documents as document_pages
from api.web.pages import drafts as draft_pages
from api.web.pages import jobs as job_pages
from api.web.pages import proposals as proposal_pages
from api.web.render import install_page_errors
from rag.core.settings import Settings, get_settings

STATIC_DIR = Path(__file__).parent / "web" / "static"
PAGES = (auth_pages, ask_pages, document_pages, job_pages, proposal_pages, draft_pages, admin_pages)


def create_app(settings: Settings | None = None, service: Tiekartta | None = None) -> FastAPI:
    """Build the app around one service facade (shared by all requests of this process)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Jobs the last server process left unfinished carry on from their checkpoints.
        # Raw text past its retention period is masked before the first request is served.
        masked = app.state.service.privacy.mask_stored()
        logging.getLogger(__name__).info("personal data masked at start-up: %s", masked)
        runner = app.state.service.jobs
        runner.resume_unfinished()
        minutes = app.state.service.settings.sync_interval_minutes
        schedule = SyncSchedule(runner, minutes * 60) if minutes > 0 else None
        if schedule:
            schedule.start()
        yield
        if schedule:
            schedule.stop()
        runner.shutdown()

    app = FastAPI(
        lifespan=lifespan,
        title="tiekartta",
        docs_url=None,  # served by api.web.docs with local assets instead of a CDN
        redoc_url=None,
        version=VERSION,
        description=(
            "Questions, citations and evidence from the city's own documents. Every endpoint "
            "except /health and the web app (/app) needs `Authorization: Bearer <key>`."
        ),
    )
    app.state.service = service or Tiekartta(settings or get_settings())
    limits = app.state.service.settings
    app.state.ask_gate = BusyGate(limits.ask_concurrency, limits.ask_wait_seconds)
    app.add_middleware(JsonBodyLimit, max_bytes=limits.max_json_body_bytes)
    install_error_handlers(app)
    install_page_errors(app)
    for module in (health, documents, search, ask, jobs, proposals, drafts, sources, admin):
        app.include_router(module.router)
    for page_module in PAGES:
        app.include_router(page_module.router)
    app.include_router(docs.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def web_app() -> RedirectResponse:
        return RedirectResponse("/app/ask", status_code=303)

    return app
