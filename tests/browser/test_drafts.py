"""Drafts: an editor starts, edits and submits a draft; an approver approves and exports it."""

from __future__ import annotations

import re
import zipfile

from playwright.sync_api import Browser, BrowserContext, expect

from tests.browser.conftest import WebServer, check_page, new_context, sign_in
from tests.conftest import REPO

REGISTER = REPO / "corpus" / "registers" / "digitiekartta-toimenpiteet-2025.csv"


def test_draft_from_start_to_approved_docx(
    context: BrowserContext, browser: Browser, web: WebServer
) -> None:
    page = sign_in(context, web, "editor", "/app/drafts")
    check_page(page, "drafts")
    page.get_by_label("Kausi").fill("2025")
    page.get_by_label("Otsikko").fill("Digitiekartan seuranta 2025 (selain)")
    page.get_by_label(re.compile("Toimenpiderekisteri")).set_input_files(REGISTER)
    page.get_by_role("button", name="Kokoa luonnos").click()
    expect(page).to_have_url(re.compile("/app/jobs/"))
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "done", timeout=180_000)
    page.get_by_role("link", name="Avaa luonnos").click()

    # Each section with its evidence beside it and the flags for the reviewer.
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Digitiekartan seuranta 2025 (selain)"
    )
    expect(page.locator("#draft-status")).to_have_text("luonnos")
    sections = page.locator("section.draft-section")
    assert sections.count() >= 2
    expect(page.locator("aside.evidence ol.sources li").first).to_be_visible()
    check_page(page, "draft")

    # Edit one section: a new version with its diff.
    first = sections.first
    first.locator("details.edit > summary").click()
    editor = first.get_by_label(re.compile("Osion teksti"))
    editor.fill(editor.input_value() + "\n\nSelaintestin lisäys.")
    first.get_by_role("button", name="Tallenna uutena versiona").click()
    expect(page.locator("section.draft-section").first).to_contain_text("Selaintestin lisäys.")
    expect(page.locator("ol.versions > li").first).to_contain_text("Versio 2")
    page.locator("ol.versions > li").first.get_by_text("Näytä muutokset").click()
    expect(page.locator("pre.diff .add").filter(has_text="Selaintestin lisäys.")).to_be_visible()

    # A comment, then submit for review.
    first = page.locator("section.draft-section").first
    first.locator("details.comment > summary").click()
    first.get_by_label("Kommentti").fill("Tarkista luvut.")
    first.get_by_role("button", name="Kommentoi").click()
    expect(page.locator(".comment-item").first).to_contain_text("Tarkista luvut.")
    page.get_by_role("button", name="Lähetä tarkastettavaksi").click()
    expect(page.locator("#draft-status")).to_have_text("tarkastettavana")
    expect(page.get_by_role("button", name="Hyväksy")).to_have_count(0)  # editors cannot approve
    draft_url = page.url

    # The approver approves and downloads the DOCX.
    approver_context = new_context(browser, web)
    try:
        approver = sign_in(approver_context, web, "approver", "/app/drafts")
        approver.goto(draft_url)
        approver.get_by_role("button", name="Hyväksy").click()
        expect(approver.locator("#draft-status")).to_have_text("hyväksytty")
        check_page(approver, "draft-approved")
        with approver.expect_download() as download:
            approver.get_by_role("link", name="Lataa DOCX").click()
        path = download.value.path()
        assert download.value.suggested_filename.endswith(".docx")
        with zipfile.ZipFile(path) as docx:
            body = docx.read("word/document.xml").decode("utf-8")
        assert "Selaintestin lisäys." in body
    finally:
        approver_context.close()
    draft_id = int(draft_url.rsplit("/", 1)[-1])
    record = web.service.registry.drafts.get_draft(draft_id)
    assert record is not None and record.status == "approved" and record.approved_version == 2
