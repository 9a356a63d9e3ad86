"""The Dynasty connector alone (no index): what it makes of pages, listings and the RSS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.sources.base import ItemChanged, ItemGone, ItemUnchanged, SourceEvent
from ingest.sources.config import make_source
from ingest.sources.dynasty import DynastyConnector, with_heading
from ingest.sources.fetch import PoliteFetcher
from rag.store.sync_state import SourceItem, SyncState
from tests.fakes.dynasty_server import DynastyServer, FakeItem

LONG = "Kaupunginhallitus käsitteli hankkeen rahoitusta ja aikataulua. " * 8
PUBLIC = FakeItem(
    "2024835-14",
    "Kaupunginhallitus",
    "04.03.2024",
    "minutes",
    88,
    "Kokonniemen liikuntakeskus",
    ["Kokonniemen liikuntakeskus", LONG, "Hankkeen henkilöstöasia ei ole julkinen."],
)
SECRET = FakeItem(
    "2024835-15", "Kaupunginhallitus", "04.03.2024", "minutes", 89, "Henkilöstöasia", [], False
)
BOARD = FakeItem(
    "2024900-2", "Tarkastuslautakunta", "11.03.2024", "agenda", 2, "Arviointikertomus", ["Teksti"]
)


@pytest.fixture
def server() -> Iterator[DynastyServer]:
    with DynastyServer.publishing("fi", PUBLIC, SECRET, BOARD) as running:
        yield running


def scan(
    server: DynastyServer,
    tmp_path: Path,
    known: dict[str, SourceItem] | None = None,
    **options: object,
) -> list[SourceEvent]:
    config = make_source(name="porvoo-fi", kind="dynasty", url=server.site_url("fi"), **options)
    state = SyncState(tmp_path / "sync.sqlite3")
    with PoliteFetcher(state, tmp_path / "cache", delay_s=0.0, retries=0) as fetcher:
        return list(DynastyConnector(config, fetcher).scan(known or {}, lambda *a: None))


def changed(events: list[SourceEvent]) -> dict[str, ItemChanged]:
    return {e.key: e for e in events if isinstance(e, ItemChanged)}


def test_items_become_documents_with_their_header_and_pdf_pages(
    server: DynastyServer, tmp_path: Path
) -> None:
    found = changed(scan(server, tmp_path))
    assert sorted(found) == ["2024835-14", "2024835-15", "2024900-2"]
    public = found["2024835-14"].documents[0]
    assert public.doc_id == "porvoo-fi-2024835-14" and public.format == "pdf"
    assert [s.page for s in public.segments] == [1, 2]
    assert public.segments[0].text.startswith("Kaupunginhallitus\nPöytäkirja 04.03.2024/Pykälä 88")
    assert (public.date, public.kind, public.extra["body"]) == (
        "2024-03-04",
        "minutes",
        "Kaupunginhallitus",
    )
    # A long public text that mentions a non-public matter is still the whole item.
    assert public.extra["public"] is True and LONG.strip()[:40] in public.text
    secret = found["2024835-15"].documents[0]
    assert secret.extra["public"] is False and secret.format == "html"
    assert secret.text.endswith("Asia ei ole julkinen.") and len(secret.segments) == 1


def test_only_the_configured_bodies_are_read(server: DynastyServer, tmp_path: Path) -> None:
    found = changed(scan(server, tmp_path, bodies=["Tarkastuslautakunta"]))
    assert list(found) == ["2024900-2"]
    assert not any("2024835-14" in path for path, _ in server.requests)


def test_rss_mode_reads_no_listings(server: DynastyServer, tmp_path: Path) -> None:
    found = changed(scan(server, tmp_path, crawl="rss"))
    assert sorted(found) == ["2024835-14", "2024835-15", "2024900-2"]
    assert not any("meeting_frames" in path for path, _ in server.requests)


def test_an_item_its_agenda_no_longer_lists_is_gone(server: DynastyServer, tmp_path: Path) -> None:
    first = changed(scan(server, tmp_path))
    known = {
        key: SourceItem("porvoo-fi", key, event.fingerprint, [d.doc_id for d in event.documents])
        for key, event in first.items()
    }
    # Unpublished from the agenda and the RSS: gone without asking for its page.
    server.sites["fi"].items.pop("2024835-15")
    server.reset_log()
    events = scan(server, tmp_path, known)
    assert [e.key for e in events if isinstance(e, ItemGone)] == ["2024835-15"]
    assert not any("id=2024835-15" in path for path, _ in server.requests)
    assert sorted(e.key for e in events if isinstance(e, ItemUnchanged)) == [
        "2024835-14",
        "2024900-2",
    ]


def test_a_text_that_repeats_the_page_header_is_not_given_a_second_one() -> None:
    heading = "Kaupunginhallitus\nPöytäkirja 04.03.2024/Pykälä 88"
    assert with_heading(heading, "Kokonniemen liikuntakeskus") == (
        f"{heading}\n\nKokonniemen liikuntakeskus"
    )
    repeated = f"{heading}\nKokonniemen liikuntakeskus"
    assert with_heading(heading, repeated) == repeated
