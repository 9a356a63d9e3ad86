"""Plain data passed between the ingest stages (load -> structure -> chunk)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

from rag.core.messages import message

AccessLevel = Literal["public", "internal", "restricted"]
ACCESS_LEVELS: tuple[str, ...] = ("public", "internal", "restricted")
# Every access level: searches made without a key (CLI, evaluation) see everything.
ALL_ACCESS = set(ACCESS_LEVELS)
ItemPart = Literal["preparation", "proposal", "decision", "attachment", "other"]


WEB_SCHEMES = ("http", "https")
MAX_DOC_ID = 200
# Characters a document id may not hold: path separators, the chunk-id separator ':' and
# control characters; ids also may not start with '.', so '.' and '..' are out too.
_UNSAFE_IN_ID = re.compile(r"[/\\:\x00-\x1f\x7f]")


def is_safe_doc_id(value: str) -> bool:
    """Whether a document id is free of path characters and of a sensible length."""
    return (
        0 < len(value) <= MAX_DOC_ID
        and value.strip() == value
        and not value.startswith(".")
        and not _UNSAFE_IN_ID.search(value)
    )


def safe_doc_id(value: str) -> str:
    """`value` with every unsafe character run replaced by '-', cut to MAX_DOC_ID."""
    cleaned = _UNSAFE_IN_ID.sub("-", value).strip().lstrip(".")[:MAX_DOC_ID].strip()
    return cleaned or "document"


def web_url(value: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None.

    A document's URL is shown as a link; `javascript:`, `data:` and relative URLs would run
    script or point anywhere in the page that shows it (stored XSS).
    """
    if not value:
        return None
    text = str(value).strip()
    if any(ord(ch) < 33 or ch in '<>"\\`' for ch in text):
        return None  # whitespace or control characters hide a scheme from simple checks
    parts = urlsplit(text)
    return text if parts.scheme.lower() in WEB_SCHEMES and parts.netloc else None


class IngestError(Exception):
    """A file cannot be ingested; the message names the problem for a person.

    `reason` is English; an error made with `keyed` also carries a message key and its values
    so the CLI and the API can show it in the reader's language (`localised`).
    """

    def __init__(
        self, path: str, reason: str, key: str | None = None, values: dict[str, str] | None = None
    ) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.key = key
        self.values = values or {}

    @classmethod
    def keyed(cls, path: str, key: str, **values: str) -> IngestError:
        """An error whose text is the message `key` (English as `reason`)."""
        return cls(path, message(key, "en", **values), key, values)

    def localised(self, language: str) -> str:
        """The reason in fi/sv/en when it has a message key, else the English reason."""
        return message(self.key, language, **self.values) if self.key else self.reason


@dataclass
class Segment:
    """A piece of a loaded document that keeps its place: a PDF page, a heading block, a row."""

    text: str
    page: int | None = None  # 1-based page number for paged formats
    heading: str | None = None
    ocr_confidence: float | None = None  # 0-100 when the text was read by OCR from an image


@dataclass
class LoadedDocument:
    """One document as read from a file, before structure detection and chunking.

    A tabular file yields one LoadedDocument per record (row).
    """

    doc_id: str
    source_path: str
    title: str
    segments: list[Segment]
    format: str  # pdf, docx, html, text, markdown, csv, xlsx
    url: str | None = None
    date: str | None = None  # ISO date YYYY-MM-DD when known
    language: str | None = None  # fi / sv / en when stated by the source
    kind: str | None = None  # news, minutes, agenda, programme, proposal, ...
    organisation: str | None = None
    access: str = "public"
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.segments if s.text)


@dataclass
class MinutesItemPart:
    """A part of a meeting item: preparation text, proposal, decision or attachment list."""

    kind: ItemPart
    text: str
    start: int  # character offset in the item text


@dataclass
class MinutesItem:
    """One § item of an agenda or minutes document, as found by the minutes parser."""

    body: str | None = None
    date: str | None = None  # ISO date
    section: str | None = None  # § number as text, e.g. "25"
    record_number: str | None = None  # e.g. 118/07.01.02/2024
    title: str | None = None
    preparer: str | None = None
    doc_type: str | None = None  # "minutes" | "agenda"
    start: int = 0  # character offsets in the document text
    end: int = 0
    parts: list[MinutesItemPart] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    @property
    def has_proposal(self) -> bool:
        return any(p.kind == "proposal" for p in self.parts)

    @property
    def has_decision(self) -> bool:
        return any(p.kind == "decision" for p in self.parts)

    @property
    def decision_text(self) -> str | None:
        texts = [p.text for p in self.parts if p.kind == "decision"]
        return "\n".join(texts) if texts else None


@dataclass
class Chunk:
    """A retrievable passage with everything needed to cite it."""

    chunk_id: str
    doc_id: str
    index: int
    text: str
    language: str
    title: str
    page: int | None = None
    heading: str | None = None
    section: str | None = None  # § number
    item_title: str | None = None
    part: str | None = None  # preparation / proposal / decision / attachment
    body: str | None = None
    date: str | None = None
    record_number: str | None = None
    kind: str | None = None
    url: str | None = None
    access: str = "public"

    def __post_init__(self) -> None:
        # Chunks come back from the store too: one written before URLs were checked must
        # still never carry a javascript: link to a page.
        self.url = web_url(self.url)

    ocr_confidence: float | None = None  # set when the text came from OCR (engine's 0-100)
