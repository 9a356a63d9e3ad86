"""Parsing of request and command-line parameters shared by the CLI and the HTTP routes."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

from fastapi import Path
from pydantic import BeforeValidator

_NUMBER = re.compile(r"\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*")

# SQLite stores integers in 64 bits; a larger number in a request can match nothing and made
# the driver raise (OverflowError -> 500), so every stored-number parameter is bounded.
MAX_DB_INT = 2**63 - 1

DraftId = Annotated[int, Path(ge=1, le=MAX_DB_INT, description="The draft's number.")]


def _not_a_number(value: object) -> object:
    # Pydantic would read 0 or "0.0" as a Unix time; the schema documents ISO text only.
    if isinstance(value, int | float) or (isinstance(value, str) and _NUMBER.fullmatch(value)):
        raise ValueError("use an ISO 8601 date or date and time, e.g. 2026-01-31T12:00:00Z")
    return value


IsoDateTime = Annotated[datetime, BeforeValidator(_not_a_number)]
IsoDate = Annotated[date, BeforeValidator(_not_a_number)]


def split_csv(value: str | None) -> list[str] | None:
    """A comma-separated parameter as a list ('a, b' -> [a, b]); None when nothing was given."""
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None
