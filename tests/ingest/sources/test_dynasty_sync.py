"""Sync from a local Dynasty-like server (127.0.0.1) built from real meeting-item texts.

One Finnish and one Swedish site publish items from ../shared/data/minutes/items; the Porvoo
item 2024835-14 is on both sites under the same id. The tests run in file order on one synced
data directory: first sync, second sync, then edits, removals and faults at the server.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from api.container import Tiekartta
from ingest.sources.config import make_source
from ingest.sources.sync import SyncReport
from tests.conftest import make_settings
from tests.fakes.dynasty_server import DynastyServer, FakeItem, FakeSite, item_from_text

pytestmark = pytest.mark.integration

# (site, item id, file): ids as the real items had them where their address was kept.
PUBLISHED = [
    ("fi", "20251468-7", "mi-0001.txt"),  # Porvoo, Kaupunkikehityslautakunta, agenda, Asianro 7
    ("fi", "2024835-14", "mi-0003.txt"),  # Porvoo, Kaupunginhallitus 04.03.2024 § 88
    ("fi", "2022466-9", "mi-0006.txt"),  # Kunnanhallitus 24.10.2022 § 222
    ("sv", "2024835-14", "mi-0003.txt"),  # the same item on the Swedish site
    ("sv", "2024459-3", "mi-0009.txt"),  # Stadsfullmäktige 18.03.2024 § 10
]
NOT_PUBLIC = FakeItem(
    "2024835-15", "Kaupunginhallitus", "04.03.2024", "minutes", 89, "Henkilöstöasia", [], False
)


@dataclass
class Synced:
    server: DynastyServer
    service: Tiekartta
    first: SyncReport


@pytest.fixture(scope="module")
def synced(tmp_path_factory: pytest.TempPathFactory, shared_data: Path) -> Iterator[Synced]:
    items = shared_data / "minutes" / "items"
    sites = {"fi": FakeSite("fi"), "sv": FakeSite("sv")}
    for site, item_id, name in PUBLISHED:
        # The Swedish site shows this Porvoo item with the header "Protokoll …/Paragraf 88".
        sites[site].add(item_from_text(item_id, (items / name).read_text(encoding="utf-8")))
    sites["fi"].add(NOT_PUBLIC)
    with DynastyServer() as server:
        server.sites = sites
        settings = make_settings(
            tmp_path_factory.mktemp("dynasty-sync"),
            sync_delay_seconds=0.0,
            sync_backoff_seconds=0.01,
            sync_retries=1,
        )
        service = Tiekartta(settings)
        for language in ("fi", "sv"):
            url = server.site_url(language)
            service.sources.add(
                make_source(name=f"porvoo-{language}", kind="dynasty", url=url, language=language)
            )
        yield Synced(server, service, service.sources.sync())


def _report(report: SyncReport, source: str):  # noqa: ANN202 - a SourceReport
    return next(s for s in report.sources if s.source == source)


def test_first_sync_ingests_every_item_with_body_date_section_and_pages(synced: Synced) -> None:
    fi, sv = _report(synced.first, "porvoo-fi"), _report(synced.first, "porvoo-sv")
    assert not fi.failed and not sv.failed
    assert sorted(fi.new) == [
        "porvoo-fi-2022466-9",
        "porvoo-fi-2024835-14",
        "porvoo-fi-2024835-15",
        "porvoo-fi-20251468-7",
    ]
    assert sorted(sv.new) == ["porvoo-sv-2024459-3", "porvoo-sv-2024835-14"]
    registry = synced.service.registry.documents
    expected = {
        "porvoo-fi-2024835-14": ("Kaupunginhallitus", "2024-03-04", "88", "minutes"),
        "porvoo-sv-2024835-14": ("Kaupunginhallitus", "2024-03-04", "88", "minutes"),
        "porvoo-fi-2022466-9": ("Kunnanhallitus", "2022-10-24", "222", "minutes"),
        "porvoo-sv-2024459-3": ("Stadsfullmäktige", "2024-03-18", "10", "minutes"),
        # An agenda's "Asianro 7" is its place on the list, not a §.
        "porvoo-fi-20251468-7": ("Kaupunkikehityslautakunta", "2025-11-25", None, "agenda"),
    }
    for doc_id, (body, date, section, kind) in expected.items():
        record = registry.get_document(doc_id)
        assert record is not None, doc_id
        assert (record.body, record.date, record.kind) == (body, date, kind), doc_id
        assert record.url and record.url.endswith(f"id={doc_id.split('-', 2)[2]}")
        items = registry.items_for(doc_id)
        assert [i.section for i in items] == [section], doc_id
        # The text came from the item's two-page PDF, so passages cite its pages.
        assert items[0].pages == [1, 2], doc_id
    hits = synced.service.questions.search("Kokonniemen liikuntakeskus", k=5)
    assert hits and hits[0].chunk.section == "88" and hits[0].chunk.page in (1, 2)


def test_non_public_item_is_kept_only_as_a_mention(synced: Synced) -> None:
    doc_id = "porvoo-fi-2024835-15"
    record = synced.service.registry.documents.get_document(doc_id)
    assert record is not None and record.chunk_count == 1
    assert [i.section for i in synced.service.registry.documents.items_for(doc_id)] == ["89"]
    chunk = synced.service.vectors.all_chunks()
    mention = [c for c in chunk if c.doc_id == doc_id]
    assert "Asia ei ole julkinen" in mention[0].text
    # Its PDF was never asked for.
    assert not any("2024835-15.PDF" in path for path, _ in synced.server.requests)


def test_fi_and_sv_versions_of_one_item_are_linked(synced: Synced) -> None:
    assert ["porvoo-fi-2024835-14", "porvoo-sv-2024835-14"] in synced.first.linked
    links = synced.service.registry.versions.versions_of(["porvoo-fi-2024835-14"])
    assert [link.other_id for link in links["porvoo-fi-2024835-14"]] == ["porvoo-sv-2024835-14"]
    hits = synced.service.questions.search("Kokonniemen liikuntakeskuksen kehittäminen", k=3)
    versions = {v.chunk.doc_id for hit in hits for v in hit.versions}
    assert versions & {"porvoo-fi-2024835-14", "porvoo-sv-2024835-14"}


def test_second_sync_fetches_nothing_new(synced: Synced) -> None:
    synced.server.reset_log()
    report = synced.service.sources.sync()
    statuses = synced.server.statuses()
    assert statuses and set(statuses) == {304}, synced.server.requests
    for source in report.sources:
        assert not source.new and not source.changed and not source.removed and not source.failed
        assert source.not_modified == source.requests
    assert _report(report, "porvoo-fi").unchanged == 4
    assert report.linked == []  # already linked


def test_edited_item_is_replaced_and_removed_item_disappears(synced: Synced) -> None:
    site = synced.server.sites["fi"]
    edited = site.items["2022466-9"]
    # Personal data removed after the appeal period: the published text changes.
    edited.lines = [line for line in edited.lines if "Kuntalain 110" not in line]
    edited.lines.append(
        "Valtuusto päätti lisäksi perustaa kirjastoon lainattavien kajakkien palvelun."
    )
    del site.items["20251468-7"]
    question = "Mitä kaupunkikehityslautakunta kertoi keskeisten kaupunkialueiden osayleiskaavasta?"
    before = synced.service.questions.ask(question)
    assert any(s.doc_id == "porvoo-fi-20251468-7" for s in before.sources)

    report = synced.service.sources.sync(["porvoo-fi"])
    fi = _report(report, "porvoo-fi")
    assert fi.changed == ["porvoo-fi-2022466-9"] and fi.removed == ["porvoo-fi-20251468-7"]
    assert not fi.failed and not fi.new

    service = synced.service
    assert service.registry.documents.get_document("porvoo-fi-20251468-7") is None
    texts = [c.text for c in service.vectors.all_chunks() if c.doc_id == "porvoo-fi-2022466-9"]
    joined = " ".join(texts)
    assert "kajakkien" in joined and "Kuntalain 110" not in joined
    hits = service.questions.search("keskeisten kaupunkialueiden osayleiskaava", k=8)
    assert all(h.chunk.doc_id != "porvoo-fi-20251468-7" for h in hits)
    after = service.questions.ask(question)
    assert all(s.doc_id != "porvoo-fi-20251468-7" for s in after.sources)
    answer = service.questions.ask("Mitä valtuusto päätti lainattavien kajakkien palvelusta?")
    assert answer.found and "kajakkien" in answer.answer, answer.answer
    cited = {s.doc_id: s.section for s in answer.sources}
    assert cited.get("porvoo-fi-2022466-9") == "222"


def test_server_error_and_malformed_page_are_reported_and_the_run_goes_on(
    synced: Synced,
) -> None:
    server = synced.server
    site = server.sites["sv"]
    site.items["2024459-3"].lines.append("Stadsfullmäktige antecknade förteckningen för kännedom.")
    site.add(
        FakeItem(
            "2024459-4",
            "Stadsfullmäktige",
            "18.03.2024",
            "minutes",
            11,
            "Ny motion om cykelvägar",
            ["Ny motion om cykelvägar", "Stadsfullmäktige remitterade motionen om cykelvägar."],
        )
    )
    server.errors["id=2024835-14"] = 500  # the item page fails with a server error
    server.malformed.add("2024459-3")  # the item page lost its item text
    try:
        report = synced.service.sources.sync(["porvoo-sv"])
    finally:
        server.errors.clear()
        server.malformed.clear()
    sv = _report(report, "porvoo-sv")
    reasons = {f.path: f.reason for f in sv.failed}
    item_500 = server.site_url("sv") + "?page=meetingitem&id=2024835-14"
    malformed = server.site_url("sv") + "?page=meetingitem&id=2024459-3"
    assert "HTTP 500" in reasons[item_500] and "2 attempts" in reasons[item_500]
    assert "data-part-block-htm" in reasons[malformed]
    assert sv.new == ["porvoo-sv-2024459-4"]  # the rest of the run went on
    # Nothing stored was lost: both failing items keep their earlier version.
    assert synced.service.registry.documents.get_document("porvoo-sv-2024835-14") is not None
    assert synced.service.registry.documents.get_document("porvoo-sv-2024459-3") is not None

    # With the server mended, the next run picks up the change it could not read before.
    report = synced.service.sources.sync(["porvoo-sv"])
    sv = _report(report, "porvoo-sv")
    assert not sv.failed and sv.changed == ["porvoo-sv-2024459-3"]
