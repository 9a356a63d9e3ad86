"""Web connector: pages listed by a sitemap (``sitemap.xml``, nested indexes too) or a file
with one URL a line. HTML pages and PDFs are read; a page that answers 404/410, or that a
sitemap read in full no longer lists, is removed.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import urlparse

from ingest.loaders.base import LoadOptions
from ingest.sources.base import (
    ItemChanged,
    ItemFailed,
    ItemGone,
    ItemUnchanged,
    Progress,
    SourceEvent,
    fingerprint,
    load_bytes,
)
from ingest.sources.config import SourceConfig
from ingest.sources.fetch import FetchError, PoliteFetcher
from rag.core.documents import IngestError
from rag.store.sync_state import SourceItem

MAX_SITEMAPS = 50  # nested sitemap indexes read per run


def doc_id_for(source: str, url: str) -> str:
    """A readable, stable id: source, last path part, and a short hash of the whole URL."""
    parsed = urlparse(url)
    stem = re.sub(r"[^A-Za-z0-9]+", "-", Path(parsed.path).stem or parsed.netloc).strip("-")
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return f"{source}-{stem[:40].lower()}-{digest}"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class WebConnector:
    """Scans the pages of one sitemap or URL list."""

    def __init__(self, config: SourceConfig, fetcher: PoliteFetcher) -> None:
        self.config = config
        self.fetcher = fetcher

    def scan(self, known: Mapping[str, SourceItem], progress: Progress) -> Iterator[SourceEvent]:
        failures: list[ItemFailed] = []
        urls = self._urls(failures)
        yield from failures
        complete = not failures  # only a list read in full may remove what it no longer has
        todo = urls + [u for u in sorted(known) if u not in set(urls)]
        for done, url in enumerate(todo):
            progress(done, len(todo), url)
            if url not in urls and complete:
                yield ItemGone(url)
                continue
            yield self._page(url, known.get(url))
        progress(len(todo), len(todo), "")

    def _urls(self, failures: list[ItemFailed]) -> list[str]:
        if self.config.urls_file:
            path = Path(self.config.urls_file)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as exc:
                failures.append(ItemFailed(None, str(path), f"cannot read the URL list: {exc}"))
                return []
            listed = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
            return list(dict.fromkeys(listed))
        assert self.config.sitemap is not None
        urls: list[str] = []
        pending, read = [self.config.sitemap], 0
        while pending and read < MAX_SITEMAPS:
            sitemap = pending.pop(0)
            read += 1
            try:
                root = ET.fromstring(self.fetcher.get(sitemap).body)
            except FetchError as exc:
                failures.append(ItemFailed(None, sitemap, exc.reason))
                continue
            except ET.ParseError as exc:
                failures.append(ItemFailed(None, sitemap, f"sitemap is not valid XML ({exc})"))
                continue
            for loc in root.iter():
                if _local(loc.tag) == "loc" and loc.text:
                    target = pending if _local(root.tag) == "sitemapindex" else urls
                    target.append(loc.text.strip())
        return list(dict.fromkeys(urls))

    def _page(self, url: str, before: SourceItem | None) -> SourceEvent:
        try:
            page = self.fetcher.get(url)
            if page.gone:
                return ItemGone(url) if before else ItemFailed(url, url, f"HTTP {page.status}")
            digest = fingerprint(page.body)
            if before is not None and before.fingerprint == digest:
                return ItemUnchanged(url)
            is_pdf = "pdf" in (page.content_type or "") or url.lower().endswith(".pdf")
            docs = load_bytes(
                page.body,
                "page.pdf" if is_pdf else "page.html",
                LoadOptions(access=self.config.access),
            )
        except FetchError as exc:
            return ItemFailed(url, url, exc.reason)
        except IngestError as exc:
            return ItemFailed(url, url, exc.reason)
        for doc in docs:
            doc.doc_id = doc_id_for(self.config.name, url)
            doc.source_path = url
            doc.url = doc.url or url
            doc.extra.setdefault("source", self.config.name)
            if self.config.language and doc.language is None:
                doc.language = self.config.language
        return ItemChanged(url, digest, docs)
