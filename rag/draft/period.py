"""The reporting period of a draft: a year (``2025``) or a range (``2025-01-01..2025-06-30``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

_YEAR = re.compile(r"^\d{4}$")
_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
# Columns of a survey or proposals file that hold the row's date.
DATE_COLUMNS = ("date", "pvm", "päivämäärä", "paivamaara", "datum", "submitted", "created")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$")


@dataclass(frozen=True)
class Period:
    start: str  # ISO date, inclusive
    end: str  # ISO date, inclusive

    def contains(self, iso_date: str | None) -> bool:
        return bool(iso_date) and self.start <= str(iso_date)[:10] <= self.end

    @property
    def label(self) -> str:
        """'2025' for a calendar year, else '1.1.2025–30.6.2025' (the Finnish/Swedish form)."""
        if self.start.endswith("-01-01") and self.end == f"{self.start[:4]}-12-31":
            return self.start[:4]
        return f"{_short(self.start)}–{_short(self.end)}"


def _short(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{int(day)}.{int(month)}.{year}"


def parse_period(text: str) -> Period:
    """'2025' or 'YYYY-MM-DD..YYYY-MM-DD'; anything else is a ValueError saying what to write."""
    value = text.strip()
    if _YEAR.match(value):
        return Period(f"{value}-01-01", f"{value}-12-31")
    match = _RANGE.match(value)
    if match:
        try:
            start, end = (date.fromisoformat(match.group(i)) for i in (1, 2))
        except ValueError as exc:
            raise ValueError(f"period '{text}': {exc}") from None
        if start > end:
            raise ValueError(f"period '{text}': the start is after the end")
        return Period(start.isoformat(), end.isoformat())
    raise ValueError(
        f"period '{text}' is not a year (2025) or a date range (2025-01-01..2025-12-31)"
    )


def parse_date(value: Any) -> str | None:
    """'2025-09-02', '2025-09-02T10:00' or '2.9.2025' as an ISO date (None when empty);
    ValueError when it is not a date."""
    text = str(value or "").strip()
    if not text:
        return None
    match = _FINNISH_DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day).isoformat()
    return date.fromisoformat(text[:10]).isoformat()


def date_column(row: Mapping[str, Any]) -> tuple[str, Any] | None:
    """The first date column of a row (names compared in lower case) and its value."""
    lowered = {str(k).strip().lower(): v for k, v in row.items()}
    return next(((c, lowered[c]) for c in DATE_COLUMNS if str(lowered.get(c) or "").strip()), None)


def row_date(row: Mapping[str, Any]) -> str | None:
    """The date a row's date column gives, or None (also when it is not readable)."""
    found = date_column(row)
    if found is None:
        return None
    try:
        return parse_date(found[1])
    except ValueError:
        return None
