"""The polite fetcher against the local fake server: conditional GET, retries, gone pages."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ingest.sources.dynasty import parse_rss
from ingest.sources.fetch import FetchError, PoliteFetcher
from rag.store.sync_state import SyncState
from tests.fakes.dynasty_server import DynastyServer, FakeItem

ITEM = FakeItem(
    "2024835-14",
    "Kaupunginhallitus",
    "04.03.2024",
    "minutes",
    88,
    "Kokonniemen jäähalli",
    ["Kokonniemen jäähalli", "Kaupunginhallitus päättää hyväksyä hankkeen."],
)


@pytest.fixture
def server() -> Iterator[DynastyServer]:
    with DynastyServer.publishing("fi", ITEM) as running:
        yield running


def fetcher(tmp_path: Path, **options: float) -> PoliteFetcher:
    state = SyncState(tmp_path / "sync.sqlite3")
    settings = {"delay_s": 0.0, "retries": 2, "backoff_s": 0.01, **options}
    return PoliteFetcher(state, tmp_path / "cache", **settings)  # type: ignore[arg-type]


def test_conditional_get_serves_the_cached_body_on_304(
    server: DynastyServer, tmp_path: Path
) -> None:
    url = server.site_url("fi") + "?page=meetingitem&id=2024835-14"
    with fetcher(tmp_path) as http:
        first = http.get(url)
        again = http.get(url)
    assert first.status == 200 and not first.not_modified
    assert again.status == 304 and again.not_modified and again.body == first.body
    assert server.statuses() == [200, 304]


def test_server_errors_are_retried_with_backoff_then_reported(
    server: DynastyServer, tmp_path: Path
) -> None:
    server.errors["meeting_frames"] = 503
    url = server.site_url("fi") + "?page=meeting_frames"
    with fetcher(tmp_path, retries=2) as http, pytest.raises(FetchError) as err:
        http.get(url)
    assert err.value.reason == "HTTP 503 (after 3 attempts)"
    assert server.statuses() == [503, 503, 503]


def test_a_missing_page_is_gone_not_an_error(server: DynastyServer, tmp_path: Path) -> None:
    with fetcher(tmp_path) as http:
        answer = http.get(server.site_url("fi") + "?page=meetingitem&id=1-1")
    assert answer.gone and answer.status == 404


def test_an_unreachable_host_is_reported(tmp_path: Path) -> None:
    with fetcher(tmp_path, retries=1) as http, pytest.raises(FetchError) as err:
        http.get("http://127.0.0.1:9/cgi/DREQUEST.PHP?page=meeting_frames")
    assert "ConnectError" in err.value.reason and "2 attempts" in err.value.reason


def test_requests_to_one_host_are_spaced_and_never_parallel(
    server: DynastyServer, tmp_path: Path
) -> None:
    url = server.site_url("fi") + "?page=meeting_frames"
    with fetcher(tmp_path, delay_s=0.2) as http:
        started = time.monotonic()
        threads = [threading.Thread(target=http.get, args=(url,)) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    assert len(server.statuses()) == 3
    assert elapsed >= 0.4  # three requests, two pauses of 0.2 s between them


def test_rss_in_iso_8859_1_gives_body_date_and_title(server: DynastyServer) -> None:
    feed, _ = server.render("fi", "/fi/cgi/DREQUEST.PHP", {"page": ["rss/meetingitems"]})
    assert b'encoding="ISO-8859-1"' in feed and "ä".encode("latin-1") in feed
    [hint] = parse_rss(feed)
    assert (hint.item_id, hint.body, hint.date, hint.title) == (
        "2024835-14",
        "Kaupunginhallitus",
        "2024-03-04",
        "Kokonniemen jäähalli",
    )
