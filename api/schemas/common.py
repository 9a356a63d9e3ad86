"""Bodies several routers share: the error body and the search filters."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from rag.core.languages import Language
from rag.core.results import SearchFilters
from rag.store.registry import ApiKey


class ErrorBody(BaseModel):
    detail: str = Field(description="What went wrong, for a person.")


class FiltersIn(BaseModel):
    date_from: date | None = Field(default=None, description="Inclusive ISO date.")
    date_to: date | None = Field(default=None, description="Inclusive ISO date.")
    language: Language | None = None
    kind: str | None = None
    body: str | None = Field(default=None, description="Decision body, e.g. Kaupunginhallitus.")
    doc_ids: list[str] | None = None


def filters_for(filters: FiltersIn, key: ApiKey) -> SearchFilters:
    """Request filters limited to the access levels the key is cleared for."""
    return SearchFilters(
        **filters.model_dump(exclude={"date_from", "date_to"}),
        date_from=filters.date_from.isoformat() if filters.date_from else None,
        date_to=filters.date_to.isoformat() if filters.date_to else None,
        access_levels=set(key.clearance),
    )
