"""``tiekartta sync``: bring the index in line with every configured source.

Idempotent and safe to run from cron: a lock file keeps a second run from starting while one
is busy, unchanged items cost one conditional request, and an item that fails keeps what was
stored before and is tried again next time. The report says what was new, changed, removed
and what failed (with the reason).
"""

from __future__ import annotations

import fcntl
import os
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ingest.pipeline import FailedFile, IngestPipeline, IngestReport
from ingest.sources import make_connector
from ingest.sources.base import ItemChanged, ItemFailed, ItemGone, ItemUnchanged
from ingest.sources.config import SourceConfig, SourceConfigError, SourcesFile
from ingest.sources.fetch import PoliteFetcher
from rag.store.sync_state import SourceItem, SyncState
from rag.store.versions import VersionLink

SYNC_JOB = "sync"  # the background job kind (API: POST /sync)
# progress(source name, done, total, detail)
SyncProgress = Callable[[str, int, int, str], None]


class SyncBusy(Exception):
    """Another sync of the same data directory is running."""


@dataclass
class FetchSettings:
    delay_s: float = 1.0
    retries: int = 3
    backoff_s: float = 2.0
    timeout_s: float = 30.0


@dataclass
class SourceReport:
    """What one source's sync did; document ids in each list."""

    source: str
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    requests: int = 0
    not_modified: int = 0


@dataclass
class SyncReport:
    sources: list[SourceReport] = field(default_factory=list)
    linked: list[list[str]] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(s.failed for s in self.sources)

    @property
    def changed_documents(self) -> list[str]:
        return [d for s in self.sources for d in (*s.new, *s.changed, *s.removed)]


class SourceSync:
    """Runs the connectors of the configured sources through the ingest pipeline."""

    def __init__(
        self,
        pipeline: IngestPipeline,
        state: SyncState,
        sources: SourcesFile,
        work_dir: Path,
        fetch: FetchSettings | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.state = state
        self.sources = sources
        self.work_dir = Path(work_dir)
        self.fetch = fetch or FetchSettings()

    def run(
        self, names: list[str] | None = None, progress: SyncProgress | None = None
    ) -> SyncReport:
        """Sync the named sources (all when ``names`` is empty)."""
        configured = self.sources.load()
        chosen = configured if not names else [self._named(configured, n) for n in names]
        if not chosen:
            return SyncReport()
        with self._lock():
            report = SyncReport(repaired=self.pipeline.repair())
            with self._fetcher() as fetcher:
                for source in chosen:
                    report.sources.append(self._sync_source(source, fetcher, progress))
            touched = [d for s in report.sources for d in (*s.new, *s.changed)]
            report.linked = self.pipeline.update_versions(touched)
            report.linked += self._link_same_ids(configured)
        return report

    def forget(self, name: str) -> list[str]:
        """Remove a source's documents from the index and its items from the sync state."""
        doc_ids = self.state.delete_source(name)
        for doc_id in doc_ids:
            self.pipeline.remove(doc_id)
        return doc_ids

    # -- one source ---------------------------------------------------------------------------
    def _sync_source(
        self, source: SourceConfig, fetcher: PoliteFetcher, progress: SyncProgress | None
    ) -> SourceReport:
        result = SourceReport(source.name)
        known = self.state.items(source.name)
        connector = make_connector(source, fetcher)
        before_requests, before_304 = fetcher.stats.requests, fetcher.stats.not_modified
        seen: dict[str, str] = {}

        def report_progress(done: int, total: int, detail: str) -> None:
            if progress:
                progress(source.name, done, total, detail)

        try:
            for event in connector.scan(known, report_progress):
                if isinstance(event, ItemChanged):
                    self._apply_change(source, event, known.get(event.key), result, seen)
                elif isinstance(event, ItemGone):
                    self._apply_gone(source, known[event.key], result)
                elif isinstance(event, ItemUnchanged):
                    result.unchanged += 1
                elif isinstance(event, ItemFailed):
                    result.failed.append(FailedFile(event.where, event.reason))
        except Exception as exc:  # a connector bug ends this source, never the whole run
            result.failed.append(FailedFile(source.name, f"{type(exc).__name__}: {exc}"))
        result.requests = fetcher.stats.requests - before_requests
        result.not_modified = fetcher.stats.not_modified - before_304
        return result

    def _apply_change(
        self,
        source: SourceConfig,
        event: ItemChanged,
        before: SourceItem | None,
        result: SourceReport,
        seen: dict[str, str],
    ) -> None:
        step = IngestReport()
        origin = event.documents[0].source_path if event.documents else event.key
        self.pipeline.ingest_documents(event.documents, origin, step, seen)
        if step.failed:
            # Keep the stored version and the old fingerprint: the next run tries again.
            result.failed.extend(step.failed)
            return
        doc_ids = [d.doc_id for d in event.documents]
        for stale in sorted(set(before.doc_ids if before else []) - set(doc_ids)):
            self.pipeline.remove(stale)
            result.removed.append(stale)
        if before is None:
            result.new.extend(step.ingested)
        else:
            result.changed.extend(step.ingested)
        result.unchanged += len(step.unchanged)
        self.state.put_item(
            SourceItem(source.name, event.key, event.fingerprint, doc_ids, event.extra)
        )

    def _apply_gone(self, source: SourceConfig, item: SourceItem, result: SourceReport) -> None:
        for doc_id in item.doc_ids:
            if self.pipeline.remove(doc_id):
                result.removed.append(doc_id)
        self.state.delete_item(source.name, item.key)

    # -- fi/sv versions of one Dynasty item ---------------------------------------------------
    def _link_same_ids(self, configured: list[SourceConfig]) -> list[list[str]]:
        """Link the documents of one meeting-item id (and date) on sites of different languages."""
        groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        for source in configured:
            if source.kind != "dynasty" or not source.language:
                continue
            for item in self.state.items(source.name).values():
                for doc_id in item.doc_ids:
                    key = (item.extra.get("item_id", item.key), item.extra.get("date", ""))
                    groups[key].append((source.language, doc_id))
        versions = self.pipeline.registry.versions
        made: list[list[str]] = []
        for members in groups.values():
            for language, doc_id in members:
                others = [d for lang, d in members if lang != language and d > doc_id]
                for other in others:
                    links = versions.versions_of([doc_id]).get(doc_id, [])
                    if any(link.other_id == other for link in links):
                        continue
                    versions.replace_versions(
                        doc_id, [*links, VersionLink(doc_id, other, "same_id", 1.0)]
                    )
                    made.append([doc_id, other])
        return made

    # -- plumbing -----------------------------------------------------------------------------
    @staticmethod
    def _named(configured: list[SourceConfig], name: str) -> SourceConfig:
        for source in configured:
            if source.name == name:
                return source
        known = ", ".join(s.name for s in configured) or "none configured"
        raise SourceConfigError(f"no source named '{name}' (sources: {known})")

    @contextmanager
    def _fetcher(self) -> Iterator[PoliteFetcher]:
        fetcher = PoliteFetcher(
            self.state,
            self.work_dir / "http-cache",
            delay_s=self.fetch.delay_s,
            retries=self.fetch.retries,
            backoff_s=self.fetch.backoff_s,
            timeout_s=self.fetch.timeout_s,
        )
        try:
            yield fetcher
        finally:
            fetcher.close()

    @contextmanager
    def _lock(self) -> Iterator[None]:
        self.work_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.work_dir / "sync.lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise SyncBusy("another sync of this data directory is running") from None
            yield
        finally:
            os.close(fd)
