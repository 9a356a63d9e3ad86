"""Sources and sync: the configured sources, a sync now (CLI) or as a job (API, schedule)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from functools import cached_property
from typing import Any

from api.parts import Parts
from api.services.audit import AuditService
from ingest.sources.config import SourceConfig, SourceConfigError, SourcesFile
from ingest.sources.sync import SYNC_JOB, FetchSettings, SourceSync, SyncProgress, SyncReport
from rag.jobs import JobContext, JobRunner
from rag.store.jobs import JobRecord
from rag.store.registry import CLI_ACTOR
from rag.store.sync_state import SyncState


class SourceService:
    def __init__(self, parts: Parts, audit: AuditService, runner: Callable[[], JobRunner]) -> None:
        self._parts = parts
        self._audit = audit
        self._runner = runner  # the container's runner, built on first use
        self._file = SourcesFile(parts.settings.sources_path)

    @cached_property
    def _sync(self) -> SourceSync:
        settings = self._parts.settings
        return SourceSync(
            self._parts.pipeline,
            SyncState(settings.sync_dir / "sync.sqlite3"),
            self._file,
            settings.sync_dir,
            FetchSettings(
                settings.sync_delay_seconds,
                settings.sync_retries,
                settings.sync_backoff_seconds,
                settings.sync_timeout_seconds,
            ),
        )

    # -- configuration ------------------------------------------------------------------------
    def configured(self) -> list[SourceConfig]:
        return self._file.load()

    def names(self) -> set[str]:
        return {source.name for source in self.configured()}

    def add(self, source: SourceConfig, actor: str = CLI_ACTOR) -> SourceConfig:
        self._file.add(source)
        self._audit.record(actor, "source.add", source.model_dump())
        return source

    def remove(self, name: str, actor: str = CLI_ACTOR) -> list[str]:
        """Drop a source from the configuration and its documents from the index."""
        self._file.remove(name)
        removed = self._sync.forget(name)
        if removed:
            self._parts.lexical.refresh()
        self._audit.record(actor, "source.remove", {"name": name, "removed": removed})
        return removed

    # -- sync ---------------------------------------------------------------------------------
    def sync(
        self,
        names: list[str] | None = None,
        actor: str = CLI_ACTOR,
        progress: SyncProgress | None = None,
    ) -> SyncReport:
        """Bring the index in line with the configured sources (all, or the named ones)."""
        report = self._sync.run(names, progress)
        if report.changed_documents or report.repaired:
            self._parts.lexical.refresh()
        self._audit.record(
            actor,
            "sync",
            {
                s.source: {
                    "new": len(s.new),
                    "changed": len(s.changed),
                    "removed": len(s.removed),
                    "failed": [asdict(f) for f in s.failed[:50]],
                }
                for s in report.sources
            },
        )
        return report

    def submit(self, names: list[str], actor: str) -> JobRecord:
        """Queue a sync for the API's background runner (unknown names fail here)."""
        unknown = sorted(set(names) - self.names())
        if unknown:
            raise SourceConfigError(f"no source named '{', '.join(unknown)}'")
        return self._runner().submit(SYNC_JOB, actor, {"sources": names})

    def run_job(self, context: JobContext) -> dict[str, Any]:
        """The sync job (API background runner, scheduled or from ``POST /sync``)."""
        names = list(context.job.params.get("sources") or [])
        totals: dict[str, tuple[int, int]] = {}

        def progress(source: str, done: int, total: int, _detail: str) -> None:
            totals[source] = (done, total)
            context.progress(sum(d for d, _ in totals.values()), sum(t for _, t in totals.values()))

        return asdict(self.sync(names or None, context.job.actor, progress))
