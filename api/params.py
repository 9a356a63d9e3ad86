"""Parsing of request and command-line parameters shared by the CLI and the HTTP routes."""

from __future__ import annotations


def split_csv(value: str | None) -> list[str] | None:
    """A comma-separated parameter as a list ('a, b' -> [a, b]); None when nothing was given."""
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None
