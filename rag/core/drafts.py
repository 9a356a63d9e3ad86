"""The shape of a roadmap draft, shared by the composer, the renderers and the review store.

A draft is a list of sections; each section is Markdown text in one language whose claims
point at numbered citations (``[1]``, ``[2]`` ...) listed in the section's ``citations``. The
review store keeps versions of these sections; the renderers turn them into Markdown or DOCX.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DRAFT_STATUSES = ("draft", "in_review", "approved", "rejected")


@dataclass
class DraftCitation:
    """A stored chunk a statement rests on; ``number`` is its [n] in the section text."""

    number: int
    chunk_id: str
    doc_id: str
    title: str
    date: str | None = None
    section: str | None = None  # minutes § or None
    page: int | None = None
    url: str | None = None
    body: str | None = None  # decision body
    quote: str = ""


@dataclass
class DraftFlag:
    """Something the reviewer must look at: an unsupported claim, a status conflict, no evidence."""

    kind: str  # "unsupported", "weak_support", "status_conflict", "no_evidence"
    message: str
    measure_id: str | None = None
    sentence: str | None = None


@dataclass
class DraftSection:
    """One section of the draft in one language.

    ``key`` is stable across languages and versions (e.g. ``summary``, ``theme-a``,
    ``theme-a-measures``), so a reviewer's edit and comments attach to the same place.
    """

    key: str
    language: str
    title: str
    text: str  # Markdown with [n] citation markers
    theme: str | None = None
    citations: list[DraftCitation] = field(default_factory=list)
    flags: list[DraftFlag] = field(default_factory=list)


@dataclass
class DraftContent:
    """A generated draft before (or independent of) storage."""

    period_start: str  # ISO date
    period_end: str  # ISO date
    themes: list[str]
    languages: list[str]
    sections: list[DraftSection]
    programme_id: str = ""
    generator: str = "template"  # "template" or "llm"
    meta: dict[str, Any] = field(default_factory=dict)
