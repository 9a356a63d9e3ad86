"""Polite HTTP fetching for the connectors.

- one request at a time per host, at least ``delay_s`` apart (a city's site is not ours to load);
- conditional GET: the ETag / Last-Modified of the last answer are sent back, and a 304 answer
  is served from the cached body;
- retries with exponential backoff on connection errors, timeouts, 429 and 5xx.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import httpx

from rag.store.sync_state import SyncState

RETRY_STATUSES = {429, 500, 502, 503, 504}
GONE_STATUSES = {404, 410}
USER_AGENT = "tiekartta-sync/0.1 (document sync for a city's own staff)"


class FetchError(Exception):
    """A URL could not be fetched after the retries (the message says why)."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    """An answer: the body (fresh, or the cached one on 304) or ``gone`` for 404/410."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    not_modified: bool = False

    @property
    def gone(self) -> bool:
        return self.status in GONE_STATUSES


@dataclass
class FetchStats:
    requests: int = 0
    not_modified: int = 0
    retries: int = 0


class PoliteFetcher:
    """GETs through one shared httpx client, host by host, with a cache of validators."""

    def __init__(
        self,
        state: SyncState,
        cache_dir: Path,
        delay_s: float = 1.0,
        retries: int = 3,
        backoff_s: float = 2.0,
        timeout_s: float = 30.0,
    ) -> None:
        self.state = state
        self.cache_dir = Path(cache_dir)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        self.delay_s = delay_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.stats = FetchStats()
        self._client = httpx.Client(
            timeout=timeout_s, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        )
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_request: dict[str, float] = {}
        self._locks_lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Fetched:
        """The page at ``url``; FetchError when it cannot be had (other 4xx, or retries spent)."""
        cached = self.state.cached(url)
        headers: dict[str, str] = {}
        if cached is not None and cached.body_file.is_file():
            if cached.etag:
                headers["If-None-Match"] = cached.etag
            if cached.last_modified:
                headers["If-Modified-Since"] = cached.last_modified
        response = self._request(url, headers)
        content_type = response.headers.get("content-type")
        if response.status_code == 304 and cached is not None and headers:
            self.stats.not_modified += 1
            return Fetched(
                url, 304, cached.body_file.read_bytes(), cached.content_type, not_modified=True
            )
        if response.status_code in GONE_STATUSES:
            self.state.forget_url(url)
            return Fetched(url, response.status_code, b"", content_type)
        if response.status_code != 200:
            raise FetchError(url, f"HTTP {response.status_code}")
        body = response.content
        body_file = self.cache_dir / hashlib.sha256(url.encode("utf-8")).hexdigest()
        body_file.write_bytes(body)
        self.state.remember(
            url,
            response.headers.get("etag"),
            response.headers.get("last-modified"),
            body_file,
            content_type,
        )
        return Fetched(url, 200, body, content_type)

    def _request(self, url: str, headers: dict[str, str]) -> httpx.Response:
        host = urlparse(url).netloc
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.stats.retries += 1
                time.sleep(self.backoff_s * 2 ** (attempt - 1))
            try:
                response = self._polite_get(host, url, headers)
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                continue
            if response.status_code not in RETRY_STATUSES:
                return response
            problem = f"HTTP {response.status_code}"
        raise FetchError(url, f"{problem} (after {self.retries + 1} attempts)")

    def _polite_get(self, host: str, url: str, headers: dict[str, str]) -> httpx.Response:
        with self._locks_lock:
            lock = self._host_locks.setdefault(host, threading.Lock())
        with lock:  # one request at a time per host, spaced by the delay
            wait = self._last_request.get(host, 0.0) + self.delay_s - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                self.stats.requests += 1
                return self._client.get(url, headers=headers)
            finally:
                self._last_request[host] = time.monotonic()
