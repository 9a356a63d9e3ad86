"""Documents (upload with per-file reports, list, § items, delete) and the admin pages."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import BrowserContext, expect

from tests.browser.conftest import WebServer, check_page, sign_in

GOOD = """---
title: Kirjastoautojen reitit 2026
date: 2026-02-01
kind: tiedote
---
Kirjastoauto ajaa uudella reitillä Kerkkoon ja Pellingin saaristoon helmikuusta alkaen.
"""


def test_editor_uploads_a_good_and_a_broken_file(
    context: BrowserContext, web: WebServer, tmp_path: Path
) -> None:
    good = tmp_path / "kirjastoauto-2026.md"
    good.write_text(GOOD, encoding="utf-8")
    broken = tmp_path / "rikki.pdf"
    broken.write_bytes(b"%PDF-1.7 this is not really a PDF")
    page = sign_in(context, web, "editor", "/app/documents")
    check_page(page, "documents")
    page.get_by_label("Tiedostot").set_input_files([good, broken])
    page.get_by_role("button", name="Lähetä").click()
    results = page.locator("#upload-results")
    expect(results.locator(".file-row")).to_have_count(2)
    expect(results.locator(".file-row").nth(0)).to_contain_text("Tallennettu: kirjastoauto-2026")
    failed = results.locator(".file-row").nth(1)
    expect(failed.get_by_role("alert")).to_contain_text("Ei tallennettu: rikki.pdf")
    check_page(page)
    # An upload's id is its name plus a hash of its bytes (equal names never replace each other).
    stored = [d.doc_id for d in web.service.registry.documents.list_documents()]
    assert [i for i in stored if i.startswith("kirjastoauto-2026-")], stored

    # The list finds the new document; its page shows the text.
    page.goto(f"{web.url}/app/documents?q=kirjastoauto")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    rows.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kirjastoautojen reitit 2026")
    expect(page.locator(".passage").first).to_contain_text("Kerkkoon")
    expect(page.get_by_role("button", name="Poista asiakirja")).to_have_count(0)  # admin only


def test_minutes_document_lists_its_items(context: BrowserContext, web: WebServer) -> None:
    page = sign_in(context, web, "editor", "/app/documents")
    page.get_by_label("Toimielin").select_option("Kaupunginhallitus")
    page.get_by_role("button", name="Rajaa").click()
    page.locator("tbody tr a").first.click()
    items = page.locator("ul.items li")
    expect(items.first).to_contain_text("§")
    check_page(page, "document-items")


def test_admin_manages_keys_reads_the_audit_log_and_deletes_a_document(
    context: BrowserContext, web: WebServer, tmp_path: Path
) -> None:
    note = tmp_path / "poistettava.md"
    note.write_text("---\ntitle: Poistettava muistio\n---\nTämä poistetaan.\n", encoding="utf-8")
    web.service.documents.ingest([note])
    page = sign_in(context, web, "admin", "/app/admin/keys")
    check_page(page, "admin-keys")
    page.get_by_label("Rooli").select_option("approver")
    page.get_by_label("Nimi").fill("Koordinaattori")
    page.get_by_role("button", name="Luo avain").click()
    secret = page.get_by_label(re.compile("Avain näytetään vain nyt")).input_value()
    assert web.service.registry.keys.verify_key(secret) is not None
    row = page.locator("tbody tr", has_text="Koordinaattori")
    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name=re.compile("Peru")).click()
    expect(page.locator("tbody tr", has_text="Koordinaattori")).to_contain_text("Peruttu")
    assert web.service.registry.keys.verify_key(secret) is None

    page.get_by_role("link", name="Tapahtumaloki").click()
    page.get_by_label("Toiminto").fill("key.revoke")
    page.get_by_role("button", name="Rajaa").click()
    expect(page.locator("tbody tr").first).to_contain_text("key.revoke")
    check_page(page, "admin-audit")

    page.goto(f"{web.url}/app/documents/poistettava")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Poista asiakirja").click()
    expect(page.get_by_role("status").first).to_contain_text("poistettava")
    assert web.service.registry.documents.get_document("poistettava") is None
