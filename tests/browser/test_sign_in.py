"""Sign-in, sign-out, the language switch, the refusals of the role checks, and /docs offline."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, expect

from tests.browser.conftest import WebServer, check_page, sign_in


def test_sign_in_keeps_the_key_out_of_the_browser_and_sign_out_ends_the_session(
    context: BrowserContext, web: WebServer
) -> None:
    page = context.new_page()
    page.goto(f"{web.url}/app/documents")
    expect(page).to_have_url(re.compile(r"/app/login\?next=/app/documents"))
    check_page(page, "sign-in")
    page.get_by_label("Avain").fill("tk_wrong_key")
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page.get_by_role("alert")).to_contain_text("Avain ei kelpaa")
    check_page(page)
    page.get_by_label("Avain").fill(web.secrets["editor"])
    page.get_by_role("button", name="Kirjaudu").click()
    expect(page).to_have_url(re.compile("/app/documents$"))  # back where the person was going

    cookie = next(c for c in context.cookies() if c["name"] == "tk_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["expires"] > 0
    stored = page.evaluate(
        "() => JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})"
    )
    assert web.secrets["editor"] not in stored and "tk_" not in stored
    assert all(web.secrets["editor"] not in c["value"] for c in context.cookies())

    page.get_by_role("button", name="Kirjaudu ulos").click()
    expect(page).to_have_url(re.compile("/app/login"))
    # The old cookie no longer works even if a copy of it is sent again.
    context.add_cookies([{**cookie}])
    page.goto(f"{web.url}/app/documents")
    expect(page).to_have_url(re.compile("/app/login"))


def test_language_is_switched_and_remembered(context: BrowserContext, web: WebServer) -> None:
    page = sign_in(context, web, "reader")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    page.get_by_role("link", name="På svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fråga dokumenten")
    page.goto(f"{web.url}/app/drafts")  # remembered on the next page
    expect(page.get_by_role("link", name="Utkast", exact=True)).to_be_visible()
    page.get_by_role("link", name="In English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Drafts")
    check_page(page)


def test_reader_is_refused_the_editor_and_admin_pages(
    context: BrowserContext, web: WebServer
) -> None:
    page = sign_in(context, web, "reader")
    nav = page.get_by_role("navigation", name="Päävalikko")
    expect(nav.get_by_role("link")).to_have_text(["Kysy", "Luonnokset"])
    for path in ("/app/documents", "/app/proposals", "/app/proposals/review", "/app/admin/keys"):
        response = page.goto(f"{web.url}{path}")
        assert response is not None and response.status == 403, path
        expect(page.get_by_role("heading", level=1)).to_have_text("Ei käyttöoikeutta")
    check_page(page)
    # A forged form (no CSRF token) is refused even for a signed-in person.
    response = page.request.post(
        f"{web.url}/app/ask/feedback", form={"conversation_id": "x", "turn_id": "1", "rating": "1"}
    )
    assert response.status == 403


def test_openapi_docs_work_offline(context: BrowserContext, web: WebServer) -> None:
    page = context.new_page()
    page.goto(f"{web.url}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("tiekartta")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    # The context fixture fails the test if the page asked anything from another host.


def test_keyboard_only_sign_in_and_question(context: BrowserContext, web: WebServer) -> None:
    page = context.new_page()
    page.goto(f"{web.url}/app/login")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Siirry sisältöön")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Avain")).to_be_focused()
    page.keyboard.type(web.secrets["reader"])
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile("/app/ask$"))
    page.get_by_label("Kysymys").focus()
    page.keyboard.type("Milloin kaupunginhallitus hyväksyi digiohjelman?")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#latest")).to_be_focused()
