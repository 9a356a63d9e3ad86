"""Typed records of the draft review store, its error and the draft JSON codec.

Kept apart from the SQL in ``drafts.py`` so the API, the CLI and the review rules
(``rag/draft/review.py``) can use the records without touching the database.

This module imports two leaf modules from above the store: the shared draft shapes
(``rag.core.drafts``, plain dataclasses) and the message table (``rag.core.messages``), so the
store depends on neither the composer nor the renderers.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, TypeVar

from rag.core.drafts import DRAFT_STATUSES, DraftCitation, DraftContent, DraftFlag, DraftSection
from rag.core.messages import message
from rag.store.db import RegistryError, to_json

__all__ = [
    "DRAFT_STATUSES",
    "DraftComment",
    "DraftError",
    "DraftRecord",
    "DraftStatusChange",
    "DraftVersion",
    "content_from_json",
    "content_to_json",
]


class DraftError(RegistryError):
    """A draft action that cannot be done.

    ``code`` is a key of :data:`rag.core.messages.MESSAGES` and ``values`` fill it, so the API and
    the CLI can say the same thing in Finnish, Swedish or English; ``str(error)`` is English.
    """

    def __init__(self, code: str, **values: str) -> None:
        super().__init__(message(code, "en", **values))
        self.code = code
        self.values = values


@dataclass(frozen=True)
class DraftRecord:
    """A stored draft without its text (see ``Registry.get_draft_content``)."""

    draft_id: int
    title: str
    status: str
    period_start: str
    period_end: str
    themes: list[str]
    languages: list[str]
    programme_id: str
    generator: str
    access: list[str]  # access levels of the documents it cites; a reader needs them all
    current_version: int
    created_by: str
    created_at: str
    updated_at: str
    approved_version: int | None = None
    approved_by: str | None = None
    approved_at: str | None = None
    job_id: str | None = None  # the background job that generated it, if any

    def visible_to(self, clearance: frozenset[str] | set[str]) -> bool:
        """True if a key cleared for ``clearance`` may read every document the draft quotes."""
        return set(self.access) <= set(clearance)


@dataclass(frozen=True)
class DraftVersion:
    """One version: version 1 is the generated draft, each later one is one section's edit."""

    draft_id: int
    version: int
    actor: str
    at: str
    kind: str  # "created" or "edit"
    section_key: str | None
    language: str | None
    diff: str  # unified diff of the section against the previous version ('' for version 1)


@dataclass(frozen=True)
class DraftComment:
    comment_id: int
    draft_id: int
    version: int  # the version the commenter saw
    section_key: str
    language: str | None  # None: about the section in every language
    actor: str
    at: str
    text: str


@dataclass(frozen=True)
class DraftStatusChange:
    draft_id: int
    version: int
    from_status: str
    to_status: str
    actor: str
    at: str
    reason: str = ""


_T = TypeVar("_T")


def _build(cls: type[_T], data: dict[str, Any]) -> _T:
    """A dataclass from stored JSON, ignoring keys it does not know (older or newer shapes)."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def content_to_json(content: DraftContent) -> str:
    return to_json(dataclasses.asdict(content))


def content_from_json(text: str) -> DraftContent:
    data = json.loads(text)
    sections = [
        dataclasses.replace(
            _build(DraftSection, section),
            citations=[_build(DraftCitation, c) for c in section.get("citations", [])],
            flags=[_build(DraftFlag, f) for f in section.get("flags", [])],
        )
        for section in data.get("sections", [])
    ]
    return dataclasses.replace(_build(DraftContent, {**data, "sections": []}), sections=sections)
