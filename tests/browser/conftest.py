"""Browser tests: one real server (uvicorn in a thread) and one Debian chromium per session.

Every page a test opens is checked two ways: axe-core (vendored, injected into the page) must
find no serious or critical WCAG 2.1 A/AA violation, and the page must not request anything
outside the server (every other request is blocked and recorded, and the test fails).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect, sync_playwright

from api.app import create_app
from api.container import Tiekartta
from tests.conftest import REPO, SAMPLE_CORPUS, make_settings, require_tool
from tests.e2e.server import free_port

# An answer embeds, retrieves and checks on a shared two-core machine, where the rest of the
# suite may be running beside it: the assertions wait for the page as long as a person would,
# not Playwright's default 5 s (a timing is never what these tests check).
expect.set_options(timeout=30_000)

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "docs" / "screenshots"
ROLES = ("reader", "editor", "approver", "admin")


@dataclass
class WebServer:
    url: str
    service: Tiekartta
    secrets: dict[str, str]
    outside: list[str] = field(default_factory=list)  # blocked requests to other hosts


@pytest.fixture(scope="session")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    """The sample corpus in a fresh data directory, served on a free local port."""
    service = Tiekartta(make_settings(tmp_path_factory.mktemp("web-data")))
    report = service.documents.ingest([SAMPLE_CORPUS])
    assert not report.failed, report.failed
    secrets = {role: service.registry.keys.create_key(role, f"web {role}").secret for role in ROLES}
    port = free_port()
    config = uvicorn.Config(
        create_app(service=service), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the web server did not start"
        time.sleep(0.05)
    yield WebServer(f"http://127.0.0.1:{port}", service, secrets)
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    require_tool(CHROMIUM.exists(), "chromium (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield browser
        browser.close()


def new_context(browser: Browser, web: WebServer, **options: Any) -> BrowserContext:
    context = browser.new_context(locale="fi-FI", **options)

    def guard(route: Route) -> None:
        url = route.request.url
        if url.startswith(web.url) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            web.outside.append(url)
            route.abort()

    context.route("**/*", guard)
    return context


@pytest.fixture
def context(browser: Browser, web: WebServer) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies) on a desktop screen; outside requests fail the test."""
    before = len(web.outside)
    ctx = new_context(browser, web, viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()
    assert web.outside[before:] == [], f"pages requested outside the server: {web.outside[before:]}"


@pytest.fixture
def phone(browser: Browser, web: WebServer) -> Iterator[BrowserContext]:
    """A 390 px wide phone screen."""
    before = len(web.outside)
    ctx = new_context(
        browser, web, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    yield ctx
    ctx.close()
    assert web.outside[before:] == [], f"pages requested outside the server: {web.outside[before:]}"


def sign_in(context: BrowserContext, web: WebServer, role: str, path: str = "/app/ask") -> Page:
    """Open a page, sign in with the role's key through the form, return the page."""
    page = context.new_page()
    page.goto(f"{web.url}{path}")
    page.get_by_label(re.compile("Avain|Nyckel|Key")).fill(web.secrets[role])
    page.get_by_role("button", name=re.compile("Kirjaudu|Logga in|Sign in")).click()
    page.wait_for_url(re.compile(re.escape(path.split("?")[0])))
    return page


def check_page(page: Page, shot: str | None = None) -> None:
    """axe-core: no serious or critical WCAG 2.1 A/AA violation; optionally a screenshot."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
               values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    bad = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:3]]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not bad, f"{page.url}: {json.dumps(bad, ensure_ascii=False)}"
    if shot:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / f"{shot}.png"), full_page=False)
