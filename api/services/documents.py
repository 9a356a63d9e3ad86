"""Documents: ingest files, remove one, list and read what is stored (by clearance)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path

from api.parts import Parts
from api.services.audit import AuditService
from ingest.loaders.base import LoadOptions
from ingest.pipeline import IngestReport
from ingest.write_policy import WritePolicy
from rag.core.documents import Chunk
from rag.store.registry import CLI_ACTOR, DocumentRecord, ItemRecord


class DocumentService:
    def __init__(self, parts: Parts, audit: AuditService) -> None:
        self._parts = parts
        self._audit = audit

    def ingest(
        self,
        paths: Iterable[Path],
        options: LoadOptions | None = None,
        actor: str = CLI_ACTOR,
        progress: Callable[[str, int, int], None] | None = None,
        policy: WritePolicy | None = None,
    ) -> IngestReport:
        """Ingest files; with a `policy` (an API key) only what that key may write."""
        report = self._parts.pipeline.ingest(list(paths), options, progress, policy)
        self._parts.lexical.refresh()  # build the BM25 index now, not on the next user's search
        self._audit.record(
            actor,
            "ingest",
            {
                "ingested": report.ingested[:200],
                "unchanged": len(report.unchanged),
                "failed": [asdict(f) for f in report.failed],
                "repaired": report.repaired,
            },
        )
        return report

    def remove(self, doc_id: str, actor: str = CLI_ACTOR) -> bool:
        removed = self._parts.pipeline.remove(doc_id)
        self._parts.lexical.refresh()
        self._audit.record(actor, "remove", {"doc_id": doc_id, "existed": removed})
        return removed

    def list_documents(self, access_levels: set[str] | None = None) -> list[DocumentRecord]:
        """Stored documents, only those of the given access levels when set."""
        return self._parts.registry.documents.list_documents(access_levels)

    def get(self, doc_id: str) -> DocumentRecord | None:
        return self._parts.registry.documents.get_document(doc_id)

    def chunks(self, doc_id: str) -> list[Chunk]:
        """The document's stored chunks in reading order."""
        vectors = self._parts.vectors
        return sorted(vectors.get_chunks(vectors.chunk_ids(doc_id)), key=lambda c: c.index)

    def language_versions(self, doc_ids: list[str]) -> dict[str, list[DocumentRecord]]:
        """Each document's linked versions in other languages, best link first."""
        registry = self._parts.registry
        out: dict[str, list[DocumentRecord]] = {}
        for doc_id, links in registry.versions.versions_of(doc_ids).items():
            others = (registry.documents.get_document(link.other_id) for link in links)
            out[doc_id] = [d for d in others if d is not None]
        return out

    def items(self, doc_id: str) -> list[ItemRecord]:
        """The document's minutes items in document order."""
        return self._parts.registry.documents.items_for(doc_id)
