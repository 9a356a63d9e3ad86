"""The ingest pipeline: load -> structure -> chunk -> embed -> store, idempotent and crash-safe.

A document is marked pending in the registry before its chunks change and complete after, so
a run killed half-way leaves a trace that the next run repairs (old chunks removed, document
ingested again).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from ingest.chunker import chunk_document, page_offsets
from ingest.loaders import load_file
from ingest.loaders.base import LoadOptions
from ingest.loaders.tabular import dedupe_records
from ingest.minutes.parser import parse_minutes
from ingest.versions import VersionLinker, document_vector
from ingest.write_policy import WritePolicy
from rag.core.documents import Chunk, IngestError, LoadedDocument, MinutesItem
from rag.core.language import detect_language
from rag.core.limits import FileDeadline, InputLimits, without_path
from rag.core.messages import message
from rag.core.sentences import answer_candidates
from rag.embeddings.cache import EmbeddingCache
from rag.store.protocols import VectorIndex
from rag.store.registry import DocumentRecord, Registry

TABULAR_FORMATS = {"csv", "xlsx"}
EMBED_BATCH = 64


class ChunkIndex(Protocol):
    """Any extra index kept in step with Chroma (e.g. the lexical BM25 index)."""

    def add(self, chunks: list[Chunk]) -> None: ...

    def delete_document(self, doc_id: str) -> None: ...


class DocumentEmbedder(Protocol):
    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...


@dataclass
class FailedFile:
    """A file (or record) that did not go in; `reason` is English, `localised` fi/sv/en."""

    path: str
    reason: str
    key: str | None = None  # message key when the reason came from rag.core.messages
    values: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_error(cls, error: IngestError, where: str | None = None) -> FailedFile:
        return cls(where or error.path, error.reason, error.key, dict(error.values))

    def localised(self, language: str) -> str:
        return message(self.key, language, **self.values) if self.key else self.reason


@dataclass
class IngestReport:
    """What one ingest run did; printed as the summary and returned by the API."""

    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    linked: list[list[str]] = field(default_factory=list)  # [doc_id, other version's doc_id]
    identical_repeats: int = 0
    conflicts: list[str] = field(default_factory=list)
    chunks: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed


@dataclass
class _Prepared:
    doc: LoadedDocument
    items: list[MinutesItem]
    chunks: list[Chunk]
    content_hash: str
    language: str


def content_hash(doc: LoadedDocument) -> str:
    """Hash of everything that ends up stored for a document (text and metadata)."""
    payload = {
        "text": doc.text,
        "pages": [s.page for s in doc.segments],
        "meta": [doc.title, doc.url, doc.date, doc.language, doc.kind, doc.organisation],
        "access": doc.access,
        "extra": doc.extra,
    }
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def embedding_text(chunk: Chunk) -> str:
    """The text that is embedded: the passage with its title, so short passages keep context."""
    heading = chunk.item_title or chunk.heading
    lead = chunk.title if not heading or heading == chunk.title else f"{chunk.title} — {heading}"
    return f"{lead}\n{chunk.text}"


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files under the given paths, recursively, in a stable order; hidden files skipped."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(
                    p.startswith(".") for p in child.relative_to(path).parts
                ):
                    yield child
        else:
            yield path


class IngestPipeline:
    """Ingests files into the registry, Chroma and any extra chunk indexes."""

    def __init__(
        self,
        registry: Registry,
        vectors: VectorIndex,
        embedder: DocumentEmbedder,
        extra_indexes: list[ChunkIndex] | None = None,
        max_chars: int = 1000,
        overlap_chars: int = 150,
        limits: InputLimits | None = None,
        sentence_vectors: EmbeddingCache | None = None,
    ) -> None:
        self.registry = registry
        self.sentence_vectors = sentence_vectors
        self.vectors = vectors
        self.embedder = embedder
        self.extra_indexes = extra_indexes or []
        self.max_chars = max_chars
        self.overlap_chars = overlap_chars
        self.limits = limits or InputLimits()
        self.linker = VersionLinker(registry.versions)
        self.clock = time.monotonic  # of the per-file time limit (tests replace it)

    # -- public API -------------------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[Path],
        options: LoadOptions | None = None,
        progress: Callable[[str, int, int], None] | None = None,
        policy: WritePolicy | None = None,
    ) -> IngestReport:
        """Ingest files and folders; a bad file is reported and skipped, never fatal.

        With a `policy` (an API key writing), a document the key may not replace is refused
        before its content is compared, so the report reveals nothing about it.
        """
        options = replace(options or LoadOptions(), limits=self.limits)
        report = IngestReport(repaired=self.repair())
        files = list(iter_files(paths))
        seen: dict[str, str] = {}
        for number, path in enumerate(files, start=1):
            if progress:
                progress(str(path), number, len(files))
            try:
                deadline = FileDeadline(path, self.limits.max_file_seconds, self.clock)
                self._ingest_file(path, options, report, seen, policy, deadline)
            except IngestError as exc:
                report.failed.append(FailedFile.from_error(exc))
            except Exception as exc:  # one bad file never stops the batch
                problem = without_path(f"{type(exc).__name__}: {exc}", path)
                report.failed.append(FailedFile(str(path), problem))
        report.linked = self.update_versions(report.ingested)
        return report

    def update_versions(self, changed: list[str] | None = None) -> list[list[str]]:
        """Link the changed documents and any stored before version linking existed."""
        todo = self.store_missing_vectors() + (changed or [])
        return [[link.doc_id, link.other_id] for link in self.linker.link(todo)]

    def store_missing_vectors(self) -> list[str]:
        """Document vectors for documents stored before version linking existed."""
        missing = set(self.registry.versions.documents_without_vector())
        if not missing:
            return []
        grouped = self.vectors.vectors_by_document(missing)
        for doc_id in sorted(grouped):
            record = self.registry.documents.get_document(doc_id)
            if record is not None:
                self.registry.versions.put_document_vector(
                    doc_id, record.language, record.date, document_vector(grouped[doc_id])
                )
        return sorted(grouped)

    def relink(self) -> list[list[str]]:
        """Recompute every version link (after changing the linker's thresholds)."""
        self.store_missing_vectors()
        ids = [v.doc_id for v in self.registry.versions.document_vectors()]
        return [[link.doc_id, link.other_id] for link in self.linker.link(ids)]

    def remove(self, doc_id: str) -> bool:
        """Delete a document everywhere (registry, Chroma, extra indexes)."""
        with self.vectors.writing():
            exists = self.registry.documents.get_document(doc_id) is not None
            self.registry.documents.begin_ingest(doc_id, "removing")
            self._delete_chunks(doc_id)
            self.registry.documents.delete_document(doc_id)
            self.registry.documents.finish_ingest(doc_id)
        return exists

    def repair(self) -> list[str]:
        """Undo documents left half-written by an interrupted run, so they ingest again."""
        repaired = []
        for doc_id in self.registry.documents.pending_documents():
            with self.vectors.writing():
                self._delete_chunks(doc_id)
                self.registry.documents.delete_document(doc_id)
                self.registry.documents.finish_ingest(doc_id)
            repaired.append(doc_id)
        return repaired

    # -- steps ------------------------------------------------------------------------------
    def _ingest_file(
        self,
        path: Path,
        options: LoadOptions,
        report: IngestReport,
        seen: dict[str, str],
        policy: WritePolicy | None,
        deadline: FileDeadline,
    ) -> None:
        docs = load_file(path, options)
        deadline.check()
        self.ingest_documents(docs, str(path), report, seen, policy, deadline)

    def ingest_documents(
        self,
        docs: list[LoadedDocument],
        origin: str,
        report: IngestReport,
        seen: dict[str, str] | None = None,
        policy: WritePolicy | None = None,
        deadline: FileDeadline | None = None,
    ) -> None:
        """Store documents loaded elsewhere (a file, a synced source) into ``report``.

        ``origin`` names where they came from in failures; ``seen`` maps the document ids of
        this run to their origins, so two origins cannot silently overwrite one id. Version
        links are left to the caller (``update_versions`` once per run).
        """
        seen = {} if seen is None else seen
        if docs and docs[0].format in TABULAR_FORMATS:
            deduped = dedupe_records(docs)
            docs = deduped.unique
            report.identical_repeats += deduped.identical_repeats
            report.conflicts.extend(f"{origin}: {doc_id}" for doc_id in deduped.conflicts)
        todo: list[_Prepared] = []
        for doc in docs:
            if doc.doc_id in seen and seen[doc.doc_id] != origin:
                report.failed.append(
                    FailedFile(
                        origin,
                        f"document id '{doc.doc_id}' was already ingested from {seen[doc.doc_id]} "
                        "in this run; give one of them another id",
                    )
                )
                continue
            seen[doc.doc_id] = origin
            if policy is not None:
                existing = self.registry.documents.get_document(doc.doc_id)
                try:
                    policy.check(
                        origin, doc.doc_id, existing.access if existing else None, doc.access
                    )
                except IngestError as exc:
                    report.failed.append(FailedFile.from_error(exc))
                    continue
            digest = content_hash(doc)
            if self.registry.documents.document_hash(doc.doc_id) == digest:
                report.unchanged.append(doc.doc_id)
                continue
            if deadline is not None:
                deadline.check()
            try:
                todo.append(self._prepare(doc, digest))
            except IngestError as exc:  # one empty record must not fail the whole file
                where = origin if len(docs) == 1 else f"{origin} ({doc.doc_id})"
                report.failed.append(FailedFile.from_error(exc, where))
        for batch in _batches_by_chunks(todo, EMBED_BATCH * 4):
            self._store(batch, deadline)
            for prepared in batch:
                report.ingested.append(prepared.doc.doc_id)
                report.chunks += len(prepared.chunks)

    def _prepare(self, doc: LoadedDocument, digest: str) -> _Prepared:
        text = doc.text
        if not text.strip():
            raise IngestError(doc.source_path, "no text found in the document")
        tabular = doc.format in TABULAR_FORMATS
        items = [] if tabular else parse_minutes(text, page_offsets(doc))
        language = doc.language or detect_language(text[:4000])
        chunks = chunk_document(doc, items, self.max_chars, self.overlap_chars, language)
        return _Prepared(doc, items, chunks, digest, language)

    def _store(self, batch: list[_Prepared], deadline: FileDeadline | None = None) -> None:
        chunks = [c for p in batch for c in p.chunks]
        texts = [embedding_text(c) for c in chunks]
        vectors: list[list[float]] = []
        for start in range(0, len(texts), EMBED_BATCH):  # the time limit is checked in between
            if deadline is not None:
                deadline.check()
            vectors += self.embedder.embed_documents(texts[start : start + EMBED_BATCH])
        if self.sentence_vectors is not None:  # so answering embeds only the question
            sentences = [s for c in chunks for s in answer_candidates(c.text)]
            for start in range(0, len(sentences), EMBED_BATCH):
                if deadline is not None:
                    deadline.check()
                self.sentence_vectors.passages(sentences[start : start + EMBED_BATCH])
        if deadline is not None:
            deadline.check()
        with self.vectors.writing():  # the slow embedding is done; writes hold the lock briefly
            self._write_batch(batch, vectors)

    def _write_batch(self, batch: list[_Prepared], vectors: list[list[float]]) -> None:
        position = 0
        for prepared in batch:
            doc_id = prepared.doc.doc_id
            count = len(prepared.chunks)
            self.registry.documents.begin_ingest(doc_id, prepared.content_hash)
            self._delete_chunks(doc_id)
            self.vectors.add(prepared.chunks, vectors[position : position + count])
            for index in self.extra_indexes:
                index.add(prepared.chunks)
            position += count
            record = self.registry.documents.upsert_document(_record(prepared))
            self.registry.documents.replace_items(doc_id, prepared.items)
            if count:
                self.registry.versions.put_document_vector(
                    doc_id,
                    record.language,
                    record.date,
                    document_vector(vectors[position - count : position]),
                )
            self.registry.documents.finish_ingest(doc_id)

    def _delete_chunks(self, doc_id: str) -> None:
        self.vectors.delete_document(doc_id)
        for index in self.extra_indexes:
            index.delete_document(doc_id)


def _batches_by_chunks(todo: list[_Prepared], max_chunks: int) -> Iterator[list[_Prepared]]:
    """Group documents so one embedding call covers many small records (CSV rows)."""
    batch: list[_Prepared] = []
    size = 0
    for prepared in todo:
        if batch and size + len(prepared.chunks) > max_chunks:
            yield batch
            batch, size = [], 0
        batch.append(prepared)
        size += len(prepared.chunks)
    if batch:
        yield batch


def _record(prepared: _Prepared) -> DocumentRecord:
    doc = prepared.doc
    first = prepared.items[0] if prepared.items else None
    return DocumentRecord(
        doc_id=doc.doc_id,
        source_path=doc.source_path,
        content_hash=prepared.content_hash,
        title=doc.title,
        date=doc.date or (first.date if first else None),
        language=prepared.language,
        kind=doc.kind or (first.doc_type if first else None),
        body=(first.body if first else None) or doc.extra.get("body"),
        organisation=doc.organisation,
        url=doc.url,
        access=doc.access,
        format=doc.format,
        chunk_count=len(prepared.chunks),
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        extra=doc.extra,
    )
