"""Resource limits for every input format, checked before a file is parsed where possible.

A small file can ask for a lot: a YAML alias bomb expands 411 bytes into gigabytes, a 1 MB
zip declares gigabytes of XML, a page of HTML holds millions of elements. Each check here
reads only what the file declares (sizes, counts) or scans its bytes once, so a refused file
costs next to nothing. Every refusal is an IngestError with a message key, so the person who
sent the file reads what is wrong in their language.
"""

from __future__ import annotations

import re
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from rag.core.documents import IngestError

if TYPE_CHECKING:
    from rag.core.settings import Settings

# An element start in HTML/XML: '<' followed by a letter (closing tags, comments and text
# '<' are not elements).
_ELEMENT_START = re.compile(rb"<[A-Za-z]")
_SPREADSHEET_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # strict OOXML
)
_SI_TAGS = [f"{{{ns}}}si" for ns in _SPREADSHEET_NS]


@dataclass(frozen=True)
class InputLimits:
    """The largest input each loader accepts; the defaults match the settings' defaults."""

    max_document_chars: int = 5_000_000
    max_front_matter_bytes: int = 64 * 1024
    max_archive_entries: int = 10_000
    max_archive_bytes: int = 256 * 1024 * 1024  # declared uncompressed size of all entries
    max_archive_part_bytes: int = 32 * 1024 * 1024  # declared uncompressed size of one XML part
    max_shared_strings: int = 1_000_000
    max_sheet_cells: int = 5_000_000
    max_pdf_pages: int = 3_000
    max_html_bytes: int = 32 * 1024 * 1024
    max_html_elements: int = 300_000
    max_file_seconds: float = 1800.0  # time to load, chunk and embed one file

    @classmethod
    def from_settings(cls, settings: Settings) -> InputLimits:
        """The limits set in the settings (same names, TIEKARTTA_MAX_...)."""
        return cls(**{f.name: getattr(settings, f.name) for f in fields(cls)})


class FileDeadline:
    """The time one file may take; checked between the steps of its ingest.

    Python cannot stop a thread, so the check is cooperative: after loading, after each
    document is chunked and between embedding batches. A file past its time fails with an
    error naming it, and the batch goes on with the next file. ``clock`` is for tests.
    """

    def __init__(
        self, path: Path | str, seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.path = str(path)
        self.seconds = seconds
        self.clock = clock
        self.started = clock()

    def check(self) -> None:
        if self.clock() - self.started > self.seconds:
            raise IngestError.keyed(self.path, "file_too_slow", seconds=f"{self.seconds:g}")


def limit_error(path: Path | str, key: str, **values: object) -> IngestError:
    """An IngestError for a file over a limit; numbers are shown with thousands separators."""
    shown = {
        k: f"{v:,}".replace(",", " ") if isinstance(v, int) else str(v) for k, v in values.items()
    }
    return IngestError.keyed(str(path), key, **shown)


def without_path(text: str, path: Path | str) -> str:
    """A library's error text with the server path of the file replaced by its name.

    Libraries quote the full path ("Package not found at '/srv/.tiekartta/uploads/x.docx'");
    the person who sent the file knows it by name, and the server layout is nobody's business.
    """
    path = Path(path)
    for shown in (str(path.resolve()), str(path)):
        text = text.replace(shown, path.name)
    return text


def check_document_chars(path: Path | str, chars: int, limits: InputLimits) -> None:
    """Refuse a document whose text is longer than the per-document maximum."""
    if chars > limits.max_document_chars:
        raise limit_error(
            path, "limit_document_chars", chars=chars, limit=limits.max_document_chars
        )


def check_text_file_size(path: Path, limits: InputLimits) -> None:
    """Refuse a text file that cannot fit the character limit even at one byte per character."""
    size = path.stat().st_size
    if size > limits.max_document_chars * 4:  # UTF-8 needs at most 4 bytes per character
        raise limit_error(path, "limit_file_bytes", size=size, limit=limits.max_document_chars * 4)


def check_archive(path: Path, limits: InputLimits) -> None:
    """Refuse a zip container (DOCX/XLSX) by its declared entry count and uncompressed sizes.

    The declared sizes bound what Python's zipfile will ever decompress (it stops at the
    declared size and fails the CRC check), so trusting them is safe.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        return  # not a zip: the loader reports the file as corrupt
    if len(entries) > limits.max_archive_entries:
        raise limit_error(
            path, "limit_archive_entries", count=len(entries), limit=limits.max_archive_entries
        )
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_archive_bytes:
        raise limit_error(path, "limit_archive_bytes", size=total, limit=limits.max_archive_bytes)
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")) and (
            entry.file_size > limits.max_archive_part_bytes
        ):
            raise limit_error(
                path,
                "limit_archive_part",
                part=entry.filename,
                size=entry.file_size,
                limit=limits.max_archive_part_bytes,
            )


def read_html(path: Path, limits: InputLimits) -> bytes:
    """The bytes of an HTML page, refused by size and number of elements before parsing."""
    size = path.stat().st_size
    if size > limits.max_html_bytes:
        raise limit_error(path, "limit_file_bytes", size=size, limit=limits.max_html_bytes)
    data = path.read_bytes()
    count = 0
    for _ in _ELEMENT_START.finditer(data):
        count += 1
        if count > limits.max_html_elements:
            raise limit_error(path, "limit_html_elements", limit=limits.max_html_elements)
    return data


def check_workbook(path: Path, limits: InputLimits) -> None:
    """Refuse an XLSX by its zip sizes and its number of shared strings, before openpyxl."""
    check_archive(path, limits)
    check_shared_strings(path, limits)


def limited_rows(
    rows: Iterable[tuple[Any, ...]], path: Path, limits: InputLimits
) -> Iterator[tuple[Any, ...]]:
    """The rows of a worksheet, refused once they hold more cells than allowed.

    A sheet may declare a huge size (A1:XFD1048576) that read-only openpyxl pads every row
    to, so the cells are counted as they stream in rather than trusted from the header.
    """
    cells = 0
    for row in rows:
        cells += len(row)
        if cells > limits.max_sheet_cells:
            raise limit_error(path, "limit_sheet_cells", limit=limits.max_sheet_cells)
        yield row


def check_shared_strings(path: Path, limits: InputLimits) -> None:
    """Refuse a workbook with more distinct strings than allowed, counted by streaming.

    openpyxl keeps every shared string in memory when it opens the workbook, so they are
    counted first with an incremental parser that frees each element after counting it.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith("sharedstrings.xml")]
            for name in names:
                with archive.open(name) as stream:
                    count = 0
                    for _, element in etree.iterparse(stream, events=("end",), tag=_SI_TAGS):
                        count += 1
                        element.clear(keep_tail=False)
                        if count > limits.max_shared_strings:
                            raise limit_error(
                                path, "limit_shared_strings", limit=limits.max_shared_strings
                            )
    except (zipfile.BadZipFile, OSError, etree.XMLSyntaxError):
        return  # a damaged file: openpyxl reports it as corrupt
