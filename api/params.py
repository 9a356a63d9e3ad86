"""Parsing of request and command-line parameters shared by the CLI and the HTTP routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

# SQLite stores integers in 64 bits; a larger number in a request can match nothing and made
# the driver raise (OverflowError -> 500), so every stored-number parameter is bounded.
MAX_DB_INT = 2**63 - 1

DraftId = Annotated[int, Path(ge=1, le=MAX_DB_INT, description="The draft's number.")]


def split_csv(value: str | None) -> list[str] | None:
    """A comma-separated parameter as a list ('a, b' -> [a, b]); None when nothing was given."""
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None
