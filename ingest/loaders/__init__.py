"""Loader registry: pick the loader for a file by its extension and run it safely."""

from __future__ import annotations

from pathlib import Path

from ingest.loaders.base import Loader, LoadOptions
from ingest.loaders.docx import DocxLoader
from ingest.loaders.html import HtmlLoader
from ingest.loaders.pdf import PdfLoader
from ingest.loaders.tabular import CsvLoader, DedupeResult, XlsxLoader, dedupe_records
from ingest.loaders.text import TextLoader
from rag.core.documents import ACCESS_LEVELS, IngestError, LoadedDocument, safe_doc_id
from rag.core.language import normalise_language_code
from rag.core.limits import check_document_chars, without_path

LOADERS: list[Loader] = [
    PdfLoader(),
    DocxLoader(),
    HtmlLoader(),
    TextLoader(),
    CsvLoader(),
    XlsxLoader(),
]

__all__ = [
    "LOADERS",
    "DedupeResult",
    "LoadOptions",
    "dedupe_records",
    "load_file",
    "loader_for",
    "supported_suffixes",
]


def supported_suffixes() -> list[str]:
    """All file extensions some loader handles, e.g. ['.pdf', '.docx', ...]."""
    return [suffix for loader in LOADERS for suffix in loader.suffixes]


def loader_for(path: Path | str) -> Loader:
    """The loader for the file's extension; IngestError for an unsupported format."""
    suffix = Path(path).suffix.lower()
    for loader in LOADERS:
        if suffix in loader.suffixes:
            return loader
    shown = suffix or "(no extension)"
    raise IngestError(
        str(path), f"unknown format '{shown}' (supported: {', '.join(supported_suffixes())})"
    )


def _with_document_id(doc: LoadedDocument, path: Path, document_id: str | None) -> str:
    """The document's id with the file-given part replaced by `document_id`, if any."""
    if document_id is None:
        return doc.doc_id
    if doc.format in ("csv", "xlsx") and doc.doc_id.startswith(path.stem):
        return document_id + doc.doc_id[len(path.stem) :]  # keeps the record part
    return document_id


def load_file(path: Path | str, options: LoadOptions | None = None) -> list[LoadedDocument]:
    """Load one file into documents, applying the access/language overrides in `options`.

    Every failure is an IngestError with a reason for a person; unexpected exceptions from
    a loader are wrapped so no traceback reaches the user.
    """
    path = Path(path)
    options = options or LoadOptions()
    if options.access is not None and options.access not in ACCESS_LEVELS:
        raise IngestError(
            str(path),
            f"access {options.access!r} is not one of {', '.join(ACCESS_LEVELS)}",
        )
    language = normalise_language_code(options.language)
    if options.language is not None and language is None:
        raise IngestError(str(path), f"language {options.language!r} is not fi, sv or en")

    loader = loader_for(path)
    try:
        if not path.is_file():
            raise IngestError(str(path), "file not found")
        if path.stat().st_size == 0:
            raise IngestError(str(path), "empty file")
        docs = loader.load(path, options)
    except IngestError:
        raise
    except Exception as exc:  # any loader bug must surface as a readable error
        problem = without_path(f"{type(exc).__name__}: {exc}", path)
        raise IngestError(str(path), f"cannot read file: {problem}") from exc

    for doc in docs:
        check_document_chars(path, len(doc.text), options.limits)
        # Ids made from file names or table cells ("2024/123") lose their path characters;
        # a front-matter id with them was refused by the loader.
        doc.doc_id = safe_doc_id(_with_document_id(doc, path, options.document_ids.get(str(path))))
        if options.access is not None:
            doc.access = options.access
        if language is not None:
            doc.language = language
    return docs
