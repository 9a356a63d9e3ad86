"""PDF files: one Segment per page, so every passage can be cited with its page number."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from ingest.loaders.base import LoadOptions
from ingest.loaders.ocr import OcrError, OcrPage, PageReader, TesseractOcr
from ingest.loaders.text import short_title
from rag.core.documents import IngestError, LoadedDocument, Segment
from rag.core.limits import InputLimits, check_document_chars, limit_error, without_path

# Metadata titles that tools write by default and that say nothing about the document.
_PLACEHOLDER_TITLES = {"untitled", "untitled document", "document", "title", "none", "unknown"}
_TOOL_PREFIX = re.compile(r"^(microsoft (word|powerpoint|excel) - )", re.IGNORECASE)
_FILE_NAME = re.compile(r"\.(pdf|docx?|odt|rtf|xlsx?|pptx?|txt)$", re.IGNORECASE)


def meaningful_title(raw: object) -> str | None:
    """The metadata title if it names the document, not a placeholder or a file name."""
    if not raw:
        return None
    title = _TOOL_PREFIX.sub("", " ".join(str(raw).split()))
    if (
        len(title) < 3
        or title.lower() in _PLACEHOLDER_TITLES
        or _FILE_NAME.search(title)
        or not any(ch.isalpha() for ch in title)
    ):
        return None
    return title


def _page_texts(reader: PdfReader, path: Path, limits: InputLimits) -> list[str]:
    """Text of every page; refuses too many pages, and stops once the text is over the limit."""
    count = len(reader.pages)
    if count > limits.max_pdf_pages:
        raise limit_error(path, "limit_pdf_pages", pages=count, limit=limits.max_pdf_pages)
    pages: list[str] = []
    chars = 0
    for page in reader.pages:
        pages.append(page.extract_text() or "")
        chars += len(pages[-1])
        check_document_chars(path, chars, limits)
    return pages


class PdfLoader:
    """Loads a PDF's text layer with pypdf, page by page; pages without one go through OCR."""

    suffixes: tuple[str, ...] = (".pdf",)

    def __init__(self, ocr: PageReader | None = None) -> None:
        self.ocr: PageReader = ocr or TesseractOcr()

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]:
        if path.stat().st_size == 0:
            raise IngestError(str(path), "empty file")
        try:
            reader = PdfReader(path)
            self._decrypt(reader, path)
            pages = _page_texts(reader, path, options.limits)
            metadata_title = reader.metadata.title if reader.metadata else None
        except IngestError:
            raise
        except FileNotDecryptedError:
            raise IngestError(str(path), "encrypted PDF: cannot read without a password") from None
        except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
            # pypdf signals damaged files with many exception types; all mean "unreadable".
            problem = without_path(str(exc), path)
            raise IngestError(str(path), f"corrupt or unreadable PDF ({problem})") from None

        if not pages:
            raise IngestError(str(path), "PDF has no pages")
        scanned = [number for number, text in enumerate(pages, start=1) if not text.strip()]
        read = self._read_scans(path, scanned, all_scanned=len(scanned) == len(pages))
        if not any(text.strip() for text in pages) and not read:
            raise IngestError(str(path), "no text layer (scanned PDF?)")

        segments = []
        for number, text in enumerate(pages, start=1):
            if text.strip():
                segments.append(Segment(text=text.strip(), page=number))
            elif number in read:
                ocr = read[number]
                segments.append(Segment(ocr.text, page=number, ocr_confidence=ocr.confidence))
        title = meaningful_title(metadata_title) or short_title(segments[0].text) or path.stem
        return [
            LoadedDocument(
                doc_id=path.stem,
                source_path=str(path),
                title=title,
                segments=segments,
                format="pdf",
                extra={"page_count": len(pages), **({"ocr_pages": sorted(read)} if read else {})},
            )
        ]

    def _read_scans(self, path: Path, scanned: list[int], all_scanned: bool) -> dict[int, OcrPage]:
        """OCR of the pages without text; a failure only matters when nothing else is readable."""
        try:
            return self.ocr.read_pages(path, scanned)
        except OcrError as exc:
            if all_scanned:
                raise IngestError(str(path), f"no text layer (scanned PDF?) and {exc}") from None
            return {}

    @staticmethod
    def _decrypt(reader: PdfReader, path: Path) -> None:
        """Open an encrypted PDF if it only has an owner password (empty user password)."""
        if not reader.is_encrypted:
            return
        try:
            opened = reader.decrypt("")
        except DependencyError:
            # AES-encrypted files need the optional 'cryptography' package.
            raise IngestError(
                str(path),
                "encrypted PDF: cannot decrypt it (the 'cryptography' package is not installed)",
            ) from None
        if not opened:
            raise IngestError(str(path), "encrypted PDF: cannot read without a password")
