"""The time a question is about: a day, a month or a year named in it (fi, sv, en).

"kokouksessaan 22.1.2024", "den 14 september 2020", "tammikuussa 2024", "i mars 2024",
"vuonna 2023", "år 2022" and "in 2023" name the time of the event asked about. Other years
in a question name something else and are left alone: a period or a programme
("Digiohjelma 2024–2026", "vuosille 2020–2023", "fram till år 2023", "up to 2030"), or the year
a thing is for ("vuoden 2023 talousarvio", "the 2024 income tax rate", "vuodelle 2025").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_MONTHS_FI = (
    "tammi",
    "helmi",
    "maalis",
    "huhti",
    "touko",
    "kesä",
    "heinä",
    "elo",
    "syys",
    "loka",
    "marras",
    "joulu",
)
_MONTHS_SV = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTHS_EN = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_NUMBER = {
    **{name: i for i, name in enumerate(_MONTHS_SV, start=1)},
    **{name: i for i, name in enumerate(_MONTHS_EN, start=1)},
}

_YEAR = r"(?:19|20)\d{2}"
_DASH = r"\s*[-–—]\s*"
# A year followed by a dash and another year (or preceded by one) is a period, never a filter.
_PERIOD = re.compile(rf"\b{_YEAR}{_DASH}{_YEAR}\b|\b{_YEAR}{_DASH}(?!\d)|(?<=\d){_DASH}{_YEAR}\b")
_FULL_DATE = re.compile(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.({_YEAR})\b")
_DAY_MONTH_NAME = re.compile(
    rf"\b(\d{{1,2}})\.?\s+({'|'.join(_MONTHS_SV + _MONTHS_EN)})\s+({_YEAR})\b", re.IGNORECASE
)
_MONTH_NAME_DAY = re.compile(
    rf"\b({'|'.join(_MONTHS_EN)})\s+(\d{{1,2}}),?\s+({_YEAR})\b", re.IGNORECASE
)
_MONTH_FI = re.compile(rf"\b({'|'.join(_MONTHS_FI)})kuu\w*\s+({_YEAR})\b", re.IGNORECASE)
_MONTH_SV_EN = re.compile(
    rf"\b(?:i|in|during|under)\s+({'|'.join(_MONTHS_SV + _MONTHS_EN)})\s+({_YEAR})\b",
    re.IGNORECASE,
)
# Only years with a word saying 'in that year': vuonna, år (not 'till år'), in, during, under.
_YEAR_MARKED = re.compile(
    rf"\b(?:vuonna|(?<!till\s)år|in|during|under)\s+({_YEAR})\b"
    rf"|\b({_YEAR})\s*:(?:ssä|ssa|llä|lla)\b|\bvuoden\s+({_YEAR})\s+aikana\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeSpan:
    """Inclusive ISO date range the question names, and how precisely ('day'/'month'/'year')."""

    start: str
    end: str
    precision: str

    def contains(self, iso_date: str | None) -> bool:
        return bool(iso_date) and self.start <= str(iso_date)[:10] <= self.end


def _day(year: int, month: int, day: int) -> TimeSpan | None:
    try:
        iso = date(year, month, day).isoformat()
    except ValueError:
        return None
    return TimeSpan(iso, iso, "day")


def _month(year: int, month: int) -> TimeSpan:
    last = calendar.monthrange(year, month)[1]
    return TimeSpan(date(year, month, 1).isoformat(), date(year, month, last).isoformat(), "month")


def question_spans(question: str) -> list[TimeSpan]:
    """Every day, month or year the question names as the time asked about (most precise first).

    Periods ("2020–2023") are removed before looking, so their years never count.
    """
    text = _PERIOD.sub(" ", question)
    spans: list[TimeSpan] = []
    for day, month, year in _FULL_DATE.findall(text):
        span = _day(int(year), int(month), int(day))
        if span:
            spans.append(span)
    for day, name, year in _DAY_MONTH_NAME.findall(text):
        span = _day(int(year), _MONTH_NUMBER[name.lower()], int(day))
        if span:
            spans.append(span)
    for name, day, year in _MONTH_NAME_DAY.findall(text):
        span = _day(int(year), _MONTH_NUMBER[name.lower()], int(day))
        if span:
            spans.append(span)
    covered = {s.start[:7] for s in spans}
    for stem, year in _MONTH_FI.findall(text):
        span = _month(int(year), _MONTHS_FI.index(stem.lower()) + 1)
        if span.start[:7] not in covered:
            spans.append(span)
    for name, year in _MONTH_SV_EN.findall(text):
        span = _month(int(year), _MONTH_NUMBER[name.lower()])
        if span.start[:7] not in covered:
            spans.append(span)
    years = {s.start[:4] for s in spans}
    for groups in _YEAR_MARKED.findall(text):
        year = next(g for g in groups if g)
        if year not in years:
            spans.append(TimeSpan(f"{year}-01-01", f"{year}-12-31", "year"))
            years.add(year)
    return spans


def in_any(spans: list[TimeSpan], iso_date: str | None) -> bool:
    return any(s.contains(iso_date) for s in spans)


_TEXT_DATE = re.compile(rf"\b(\d{{1,2}})\.(\d{{1,2}})\.\s*({_YEAR})\b")
_TEXT_MONTH = re.compile(
    rf"\b(?:({'|'.join(_MONTHS_FI)})(?:kuu\w*|\w*)|({'|'.join(_MONTHS_SV + _MONTHS_EN)}))"
    rf"\W{{1,3}}(?:\w+\W{{1,3}})?({_YEAR})\b",
    re.IGNORECASE,
)


def mentions_time(text: str, spans: list[TimeSpan]) -> bool:
    """True when the text names a day or a month (with its year) inside one of the spans.

    A report dated later often states what happened in the asked month ("syyskuussa 2025",
    "i september 2025", "15.9.2025"): such a passage is about the asked time whatever its date.
    """
    if not spans:
        return False
    for day, month, year in _TEXT_DATE.findall(text):
        span = _day(int(year), int(month), int(day))
        if span and in_any(spans, span.start):
            return True
    for fi_stem, name, year in _TEXT_MONTH.findall(text):
        number = _MONTHS_FI.index(fi_stem.lower()) + 1 if fi_stem else _MONTH_NUMBER[name.lower()]
        if any(s.start[:7] <= f"{year}-{number:02d}" <= s.end[:7] for s in spans):
            return True
    return False
