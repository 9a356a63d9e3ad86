"""The reporting period of a draft: a year (``2025``) or a range (``2025-01-01..2025-06-30``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_YEAR = re.compile(r"^\d{4}$")
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
