"""The two checks every browser test relies on can fail: axe finds a real violation, and a
request to another host is blocked and recorded."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, BrowserContext

from tests.browser.conftest import WebServer, check_page, new_context


def test_axe_reports_a_serious_violation(context: BrowserContext) -> None:
    page = context.new_page()
    page.set_content('<html lang="fi"><body><main><input type="text"></main></body></html>')
    with pytest.raises(AssertionError, match="label"):
        check_page(page)


def test_a_request_to_another_host_is_blocked_and_recorded(
    browser: Browser, web: WebServer
) -> None:
    before = len(web.outside)
    context = new_context(browser, web)
    try:
        page = context.new_page()
        page.goto(f"{web.url}/app/login")
        page.evaluate("() => fetch('https://cdn.example.org/x.js').catch(() => null)")
        page.wait_for_timeout(200)
    finally:
        context.close()
    assert web.outside[before:] == ["https://cdn.example.org/x.js"]
    del web.outside[before:]  # expected here; every other test fails on such a request
