"""FastAPI assembly: routers, error handlers, the web page. `create_app(settings)` is the entry."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from api.container import Tiekartta
from api.errors import install_error_handlers
from api.routes import admin, ask, documents, drafts, health, jobs, proposals, search, sources
from api.routes.health import VERSION
from api.schedule import SyncSchedule
from rag.core.settings import Settings, get_settings

WEB_PAGE = Path(__file__).parent / "web" / "index.html"


def create_app(settings: Settings | None = None, service: Tiekartta | None = None) -> FastAPI:
    """Build the app around one service facade (shared by all requests of this process)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Jobs the last server process left unfinished carry on from their checkpoints.
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
        version=VERSION,
        description=(
            "Questions, citations and evidence from the city's own documents. Every endpoint "
            "except /health and the web page needs `Authorization: Bearer <key>`."
        ),
    )
    app.state.service = service or Tiekartta(settings or get_settings())
    install_error_handlers(app)
    for module in (health, documents, search, ask, jobs, proposals, drafts, sources, admin):
        app.include_router(module.router)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def web_page() -> str:
        return WEB_PAGE.read_text(encoding="utf-8")

    return app
