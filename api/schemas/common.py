"""Bodies several routers share: the error body and the search filters."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from api.params import IsoDate
from rag.core.languages import Language
from rag.core.results import SearchFilters
from rag.store.registry import ApiKey


class ErrorBody(BaseModel):
    detail: str = Field(description="What went wrong, for a person.")


# What each error status means across the API; every error body is an ErrorBody (api/errors.py).
_ERROR_MEANINGS = {
    400: "The request asks for something that cannot be done (the message names the field).",
    401: "No key, or a key that is unknown or revoked.",
    403: "The key's role may not do this.",
    404: "No such item, or not one this key may read.",
    409: "The item is not in a state that allows this.",
    413: "The request body or a file is larger than the configured limit.",
    422: "A field is missing or has the wrong type or value (the message names it).",
    503: "The search index or embedding model is unavailable, or the server is busy.",
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` entries for these error statuses, all with the ErrorBody shape."""
    return {code: {"model": ErrorBody, "description": _ERROR_MEANINGS[code]} for code in codes}


# Every route behind a key: no/unknown key, wrong role, a JSON body over the limit (refused by
# api/body_limit.py before routing), a field the request validation refuses.
KEYED_ERRORS = error_responses(401, 403, 413, 422)


class FiltersIn(BaseModel):
    date_from: IsoDate | None = Field(default=None, description="Inclusive ISO date.")
    date_to: IsoDate | None = Field(default=None, description="Inclusive ISO date.")
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
