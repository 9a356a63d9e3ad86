"""A broad register of first names: Jörg Michael's name dictionary, as shipped in the
``gender-guesser`` package (``gender_guesser/data/nam_dict.txt``).

Licence: the dictionary is Copyright (c) 2007-2008 Jörg Michael and is distributed under the
GNU Free Documentation License 1.2 (its own header says so). Only that data file is read
here, from the installed package; none of gender-guesser's code (GPLv3) is imported or used.

The file lists about 48,000 first names, one a line in fixed columns: a gender code in
columns 0-1, the name from column 3, a sort marker ('+' or '-') in column 29 for names
printed twice because of umlauts, and from column 30 one hexadecimal digit per country
(1 rare ... D extremely common; each step roughly doubles the share of the population).
Lines starting with '#' are comments and lines starting with '=' pair a short and a long
form of a name. A '+' inside a name (Arabic, Chinese, Korean names) stands for '-', ' ' or
nothing: "Abdel+Aziz" is "Abdel-Aziz", "Abdel Aziz" and "Abdelaziz".

Only the countries whose frequencies the masker uses are kept: Finland, Sweden, and the
highest of Great Britain, Ireland and the U.S.A. (for word-likeness in English); the highest
over all countries says how common the name is anywhere.
"""

from __future__ import annotations

import importlib.resources
from dataclasses import dataclass
from functools import cache

_PACKAGE = "gender_guesser"
_RESOURCE = ("data", "nam_dict.txt")
_FIRST_COUNTRY_COLUMN = 30
_COUNTRIES = 55
# Offsets from the first country column (the file's own list of countries).
_SWEDEN, _FINLAND = 18, 19
_ENGLISH = (0, 1, 2)  # Great Britain, Ireland, U.S.A.
_NAME_COLUMNS = slice(3, 29)
_SORT_MARKER_COLUMN = 29


class NameDataError(RuntimeError):
    """The name dictionary is missing or cannot be read."""


@dataclass(frozen=True)
class NameFrequency:
    """How common a first name is (0 = not listed, 1 rare ... 13 extremely common)."""

    finland: int = 0
    sweden: int = 0
    english: int = 0
    anywhere: int = 0

    def merged(self, other: NameFrequency) -> NameFrequency:
        return NameFrequency(
            max(self.finland, other.finland),
            max(self.sweden, other.sweden),
            max(self.english, other.english),
            max(self.anywhere, other.anywhere),
        )


def data_location() -> str:
    """Where the dictionary is read from (for messages)."""
    try:
        return str(importlib.resources.files(_PACKAGE).joinpath(*_RESOURCE))
    except ModuleNotFoundError:
        return f"{_PACKAGE}/{'/'.join(_RESOURCE)} (package {_PACKAGE} is not installed)"


def _read_text() -> str:
    try:
        raw = importlib.resources.files(_PACKAGE).joinpath(*_RESOURCE).read_bytes()
    except (ModuleNotFoundError, OSError) as error:
        raise NameDataError(
            f"the first-name dictionary {data_location()} cannot be read ({error}); "
            "install the project's dependencies (make install)"
        ) from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # older copies of the file were Latin-1


def _frequency(columns: str) -> NameFrequency:
    """The values of one line's country columns (the hexadecimal digits sort as their
    values do in ASCII, so the highest digit is the highest value)."""

    def value(offset: int) -> int:
        char = columns[offset]
        return 0 if char == " " else int(char, 16)

    digits = columns[:_COUNTRIES].replace(" ", "")
    return NameFrequency(
        finland=value(_FINLAND),
        sweden=value(_SWEDEN),
        english=max(value(i) for i in _ENGLISH),
        anywhere=int(max(digits), 16) if digits else 0,
    )


def _spellings(name: str) -> list[str]:
    if "+" not in name:
        return [name]
    return [name.replace("+", "-"), name.replace("+", "")]


def parse(text: str, source: str = "nam_dict.txt") -> dict[str, NameFrequency]:
    """Lower-case first names → their frequencies; a name listed several times (per
    gender) keeps the highest value per country."""
    names: dict[str, NameFrequency] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.startswith(("#", "=")):
            continue
        if len(line) < _FIRST_COUNTRY_COLUMN + _COUNTRIES:
            raise NameDataError(f"{source}, line {number}: shorter than the fixed columns")
        if line[_SORT_MARKER_COLUMN] == "+":
            continue  # the same name again, sorted with expanded umlauts
        name = line[_NAME_COLUMNS].strip().lower()
        if not name or not name.replace("+", "").replace("-", "").replace(" ", "").isalpha():
            continue
        frequency = _frequency(line[_FIRST_COUNTRY_COLUMN:])
        for spelling in _spellings(name):
            if " " in spelling:
                continue  # a two-word entry: its words are listed on their own
            known = names.get(spelling)
            names[spelling] = frequency if known is None else known.merged(frequency)
    if not names:
        raise NameDataError(f"{source}: no names found")
    return names


@cache
def name_register() -> dict[str, NameFrequency]:
    """The parsed dictionary, read once per process (about 0.2 s)."""
    return parse(_read_text(), data_location())
