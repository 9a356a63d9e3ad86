"""Ask: questions in Finnish and Swedish with their sources opened, "not found", conversations."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import WebServer, check_page, sign_in


def ask(page: Page, question: str) -> None:
    page.get_by_label(re.compile("^(Kysymys|Fråga|Question)$")).fill(question)
    page.locator("#ask-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"\?c=[0-9a-f]+"))
    expect(page.locator("#latest")).to_be_visible()


def test_ask_in_finnish_and_swedish_open_the_sources_and_start_a_new_conversation(
    context: BrowserContext, web: WebServer
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=web.url)
    page = sign_in(context, web, "reader")
    check_page(page)
    ask(page, "Milloin kaupunginhallitus hyväksyi digiohjelman?")
    answer = page.locator("#latest")
    expect(answer.get_by_role("heading", name="Vastaus")).to_be_visible()
    expect(answer.locator(".answer-text")).to_contain_text("22.1.2024")
    first_source = answer.locator("ol.sources > li").first
    expect(first_source).to_contain_text("[1]")
    check_page(page, "ask-answer")

    # The [1] marker jumps to the source; the source opens the quoted passage in its document.
    answer.locator("a.cite").first.click()
    expect(page).to_have_url(re.compile(r"#s-\d+-1$"))
    first_source.locator("a.source-open").click()
    expect(page).to_have_url(re.compile(r"/app/documents/.+\?chunk=.+#passage$"))
    passage = page.locator("#passage")
    expect(passage).to_be_visible()
    expect(passage.locator("mark")).not_to_be_empty()
    check_page(page, "document-passage")
    page.go_back()

    # Feedback and copying the answer with its sources.
    answer = page.locator("#latest")
    answer.get_by_label("Kommentti (vapaaehtoinen)").fill("selkeä")
    answer.get_by_role("button", name="Kyllä").click()
    expect(answer.get_by_role("status").filter(has_text="Kiitos")).to_be_visible()
    stored = web.service.registry.feedback.list_feedback(limit=5)
    assert stored and stored[0].rating == 1 and stored[0].comment == "selkeä"
    answer.get_by_role("button", name="Kopioi vastaus ja lähteet").click()
    expect(answer.locator(".copied")).to_have_text("Kopioitu.")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "22.1.2024" in copied and "Lähteet:" in copied and "[1]" in copied

    # A new conversation, in Swedish.
    page.get_by_role("link", name="Uusi keskustelu").click()
    expect(page.locator("#conversation .turn")).to_have_count(0)
    ask(page, "När godkände stadsstyrelsen digitaliseringsprogrammet?")
    answer = page.locator("#latest")
    expect(answer.locator("ol.sources > li").first).to_be_visible()
    expect(page.locator("#conversation .turn.question")).to_have_count(1)
    swedish = answer.locator("ol.sources a.source-open").filter(
        has_text=re.compile("Stadsstyrelsen|§")
    )
    swedish.first.click()
    expect(page.locator("#passage mark")).to_be_visible()
    page.go_back()

    # Both conversations are listed, newest first.
    listed = page.locator(".conv-list li a")
    expect(listed).to_have_count(2)
    expect(listed.first).to_contain_text("När godkände")
    expect(listed.nth(1)).to_contain_text("Milloin kaupunginhallitus")


def test_a_question_the_documents_do_not_answer_is_shown_as_not_found(
    context: BrowserContext, web: WebServer
) -> None:
    page = sign_in(context, web, "reader")
    ask(page, "Mitä uimahallin kausikortti maksaa eläkeläiselle?")
    answer = page.locator("#latest")
    expect(answer).to_have_class(re.compile("notfound"))
    expect(answer.get_by_role("heading", name="Ei löytynyt asiakirjoista")).to_be_visible()
    expect(answer.locator("ol.sources")).to_have_count(0)
    check_page(page)


def test_ask_page_fits_a_phone(phone: BrowserContext, web: WebServer) -> None:
    page = sign_in(phone, web, "reader")
    ask(page, "Milloin kaupunginhallitus hyväksyi digiohjelman?")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px screen"
    check_page(page, "ask-phone")
