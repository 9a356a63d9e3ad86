"""Draft records of the review store as API bodies, and store errors as API errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict

from api.errors import ApiError
from api.schemas import (
    DraftCommentOut,
    DraftOut,
    DraftSectionOut,
    DraftStatusChangeOut,
    DraftSummaryOut,
    DraftVersionOut,
)
from rag.core.drafts import DraftContent
from rag.store.draft_records import (
    DraftComment,
    DraftError,
    DraftRecord,
    DraftStatusChange,
    DraftVersion,
)
from rag.store.registry import Registry

# HTTP status per store error; anything not listed is a 400 (the request asked for something
# the draft cannot take).
_STATUS = {
    "draft_not_found": 404,
    "draft_version_not_found": 404,
    "draft_role": 403,
    "draft_frozen": 409,
    "draft_not_editable": 409,
    "draft_bad_transition": 409,
    "draft_stale_version": 409,
}


@contextmanager
def draft_errors() -> Iterator[None]:
    """Turn a store refusal into a JSON error in the caller's language."""
    try:
        yield
    except DraftError as exc:
        raise ApiError(_STATUS.get(exc.code, 400), exc.code, **exc.values) from exc


def summary_out(draft: DraftRecord) -> DraftSummaryOut:
    return DraftSummaryOut.model_validate(asdict(draft))


def version_out(version: DraftVersion) -> DraftVersionOut:
    values = asdict(version)
    values["section"] = values.pop("section_key")
    return DraftVersionOut.model_validate(values)


def comment_out(comment: DraftComment) -> DraftCommentOut:
    values = asdict(comment)
    values["section"] = values.pop("section_key")
    return DraftCommentOut.model_validate(values)


def status_change_out(change: DraftStatusChange) -> DraftStatusChangeOut:
    return DraftStatusChangeOut.model_validate(asdict(change))


def draft_out(
    registry: Registry, draft: DraftRecord, content: DraftContent, version: int
) -> DraftOut:
    """The full review view: one version's sections plus the whole history of the draft."""
    return DraftOut(
        **summary_out(draft).model_dump(),
        version=version,
        sections=[DraftSectionOut.model_validate(asdict(s)) for s in content.sections],
        versions=[version_out(v) for v in registry.list_versions(draft.draft_id)],
        comments=[comment_out(c) for c in registry.list_comments(draft.draft_id)],
        status_history=[status_change_out(c) for c in registry.status_history(draft.draft_id)],
    )
