"""Proposals: upload a survey export, choose its columns, follow the job, correct a label."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, expect

from tests.browser.conftest import WebServer, check_page, sign_in
from tests.conftest import SAMPLE_CORPUS

SURVEY = SAMPLE_CORPUS / "asukaskysely-2025.csv"  # a cp1252 ';' Excel export, 14 answers


def test_classify_a_survey_file_and_correct_one_label_with_the_keyboard(
    context: BrowserContext, web: WebServer
) -> None:
    page = sign_in(context, web, "editor", "/app/proposals")
    check_page(page, "proposals")
    page.get_by_label(re.compile("Aloitetiedosto")).set_input_files(SURVEY)
    page.get_by_role("button", name="Jatka sarakkeiden valintaan").click()

    # The preview shows the file's own columns; the person picks the text and id columns.
    expect(page.get_by_role("heading", level=1)).to_contain_text("asukaskysely-2025.csv")
    expect(page.locator("thead th")).to_contain_text(["vastaus_id", "pvm", "alue"])
    check_page(page, "proposals-columns")
    page.get_by_role("group", name=re.compile("Tekstisarakkeet")).get_by_label(
        "vastaus", exact=True
    ).check()
    page.get_by_role("group", name=re.compile("Tunnistesarakkeet")).get_by_label(
        "vastaus_id"
    ).check()
    page.get_by_role("button", name="Aloita luokittelu").click()

    expect(page).to_have_url(re.compile("/app/jobs/"))
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "done", timeout=120_000)
    check_page(page)
    job_id = page.url.rsplit("/", 1)[-1]
    stored = [
        p for p in web.service.registry.proposals.list_proposals(limit=1000) if p.job_id == job_id
    ]
    assert len(stored) >= 10  # 14 rows; repeated or empty answers are reported, not classified
    page.get_by_role("link", name="Näytä tulokset").click()
    expect(page.locator("tbody tr")).to_have_count(len(stored))
    check_page(page)

    # Filter by language: only the Swedish answers.
    page.get_by_label("Kieli", exact=True).select_option("sv")
    page.get_by_role("button", name="Rajaa").click()
    rows = page.locator("tbody tr")
    assert 0 < rows.count() < len(stored)
    for cell in rows.locator("td:nth-child(5)").all_text_contents():
        assert cell == "sv"

    page.get_by_role("link", name=re.compile("Avaa tarkistusjono")).click()
    queue = web.service.registry.proposals.list_proposals(needs_review=True, limit=100)
    assert queue, "the sample survey should leave uncertain answers for review"
    item = queue[0]
    expect(page.locator("#review h2")).to_contain_text(item.proposal_id)
    expect(page.locator("#review")).to_contain_text(item.reason[:40])
    check_page(page, "review-queue")
    # Keyboard only: clear the suggestion, choose theme b (key 2) and "none" off, save with S.
    for box in page.locator("#review input[name=labels]").all():
        box.uncheck()
    page.locator("#review input[name=labels]").first.focus()
    page.keyboard.press("2")
    page.keyboard.press("s")
    expect(
        page.get_by_role("status").filter(has_text=f"Tallennettu: {item.proposal_id}")
    ).to_be_visible()
    decided = web.service.registry.proposals.get_proposal(item.proposal_id)
    assert decided is not None and decided.decision is not None
    assert decided.decision.labels == ["b"] and decided.decision.actor != "cli"

    # The result file downloads.
    page.goto(f"{web.url}/app/proposals")
    page.locator("ul.plain a").first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Lataa tulostiedosto").click()
    assert download.value.suggested_filename.endswith(".csv")
