"""One reader for table files: CSV/TSV, XLSX and JSONL, as rows of values by column name.

Every feature that reads a table (the ingest loader for records, proposal files for classify,
the measures register and the classified proposals for drafts) reads it here, so encodings,
delimiters, empty rows, repeated or missing header names and the input limits are handled
once. What the columns mean stays with each feature.

Rows keep the number a person finds them by: the spreadsheet row (the header is row 1 when
it is the first row) or the JSONL line. Errors name the file and, where one row is at fault,
the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from rag.core.documents import IngestError
from rag.core.encoding import decode_with_codec, detect_encoding, mostly_utf8
from rag.core.limits import (
    InputLimits,
    check_text_file_size,
    check_workbook,
    limited_rows,
    without_path,
)

#: File suffix -> table format.
TABLE_SUFFIXES = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_DELIMITERS = (";", ",", "\t", "|")


class TableError(IngestError):
    """A table file cannot be read; the reason names the row when one row is at fault."""

    def __init__(self, path: Path | str, problem: str, row: int | None = None) -> None:
        super().__init__(str(path), f"row {row}: {problem}" if row is not None else problem)
        self.row = row


@dataclass(frozen=True)
class TableRow:
    """One non-empty data row: its number in the file and its values by column name.

    Values are as the file holds them: strings from CSV, numbers and dates from XLSX, any JSON
    value from JSONL; a column the row does not reach is None.
    """

    number: int
    values: dict[str, Any]

    def text(self, column: str) -> str:
        """The value of ``column`` as the text a person sees ("" when empty or missing)."""
        return cell_text(self.values.get(column))


@dataclass(frozen=True)
class BadLine:
    """A JSONL line that is not a JSON object; the other lines are still read."""

    number: int
    reason: str  # "undecodable" or "invalid_json"
    detail: str  # in English, e.g. "not JSON (Expecting value)"


@dataclass
class Table:
    """A table file as read: unique column names and every non-empty data row."""

    path: Path
    format: str  # "csv", "xlsx" or "jsonl"
    columns: list[str]
    rows: list[TableRow]
    header: list[str] = field(default_factory=list)  # header cells as written (CSV/XLSX)
    header_row: int = 1
    encoding: str | None = None  # CSV/JSONL: the codec the text was read with
    delimiter: str | None = None  # CSV only
    bad_lines: list[BadLine] = field(default_factory=list)  # JSONL only

    def pick(self, requested: Iterable[str], what: str) -> list[str]:
        """Column names for names a person gave (exact, else case-insensitive match)."""
        lowered = {name.lower(): name for name in self.columns}
        picked: list[str] = []
        unknown: list[str] = []
        for name in requested:
            match = name if name in self.columns else lowered.get(name.lower())
            if match is None:
                unknown.append(name)
            else:
                picked.append(match)
        if unknown:
            raise TableError(
                self.path,
                f"unknown {what} column(s) {', '.join(map(repr, unknown))} "
                f"(available: {', '.join(self.columns)})",
            )
        return picked


def cell_text(value: Any) -> str:
    """A cell as the text a person sees (938, not 938.0; dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def sniff_delimiter(text: str) -> str:
    """The candidate that occurs most often in the header line (Finnish Excel writes ';')."""
    header = next((line for line in io.StringIO(text) if line.strip()), "")
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def table_format(path: Path) -> str | None:
    """``csv``, ``xlsx`` or ``jsonl`` by the file suffix; None for any other file."""
    return TABLE_SUFFIXES.get(path.suffix.lower())


def read_table(
    path: Path,
    fmt: str | None = None,
    *,
    limits: InputLimits | None = None,
    lenient_decoding: bool = False,
) -> Table:
    """Read a CSV/TSV, XLSX or JSONL file (``fmt``, else by its suffix).

    The first non-empty row is the header; empty header cells become ``column_N`` and a
    repeated name gets ``_2``, so no column hides another. A row wider than the header adds
    ``column_N`` columns. With ``lenient_decoding`` a CSV whose rows mix encodings is read
    with the codec most rows fit, the others keep their bytes as surrogates for the caller to
    reject row by row; without it such a file is refused.
    """
    limits = limits or InputLimits()
    fmt = fmt or table_format(path)
    if fmt not in ("csv", "xlsx", "jsonl"):
        raise TableError(path, f"unsupported file type '{path.suffix}' (use .csv, .xlsx or .jsonl)")
    if fmt == "xlsx":
        return _table(path, fmt, _xlsx_rows(path, limits))
    try:
        check_text_file_size(path, limits)
        data = path.read_bytes()
    except OSError as exc:
        raise TableError(path, f"cannot read the file ({exc.strerror or exc})") from None
    if fmt == "jsonl":
        return _jsonl_table(path, data)
    if lenient_decoding:
        text, encoding = decode_leniently(data, path)
        text = text.removeprefix("\ufeff")
    else:
        text, encoding = decode_with_codec(data, path)
    delimiter = csv_delimiter(path, text)
    table = _table(path, fmt, csv_rows(path, text, delimiter))
    table.encoding, table.delimiter = encoding, delimiter
    return table


def decode_leniently(data: bytes, path: Path) -> tuple[str, str]:
    """The text (a BOM kept) and the codec most of it fits; bytes the codec cannot read stay
    as surrogates, so encoding the text again with ``surrogateescape`` gives the same bytes."""
    encoding = "utf-8" if mostly_utf8(data) else detect_encoding(data)
    if encoding is None:
        raise TableError(path, "undecodable text: no text encoding fits the file")
    return data.decode(encoding, errors="surrogateescape"), encoding


def csv_delimiter(path: Path, text: str) -> str:
    """Tab for a .tsv file, else the delimiter the header line uses most."""
    return "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)


def csv_rows(path: Path, text: str, delimiter: str) -> Iterator[tuple[int, list[Any]]]:
    """(record number, cells) of every CSV record; a malformed CSV names the row at fault."""
    # Numbered by record, as a spreadsheet shows them: a quoted cell may span several lines.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for cells in reader:
            number += 1
            yield number, list(cells)
    except csv.Error as exc:
        raise TableError(path, f"malformed CSV ({exc})", row=number + 1) from None


def _xlsx_rows(path: Path, limits: InputLimits) -> list[tuple[int, list[Any]]]:
    """The rows of the first worksheet with any content."""
    check_workbook(path, limits)  # before openpyxl unpacks anything
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        problem = without_path(str(exc), path)
        raise TableError(path, f"corrupt or unreadable Excel file ({problem})") from None
    try:
        for sheet in workbook.worksheets:
            limited = limited_rows(sheet.iter_rows(values_only=True), path, limits)
            rows = [(n, list(cells)) for n, cells in enumerate(limited, start=1)]
            if any(_filled(cells) for _, cells in rows):
                return rows
    finally:
        workbook.close()  # read-only workbooks keep the file open until closed
    return []


def _filled(cells: Iterable[Any]) -> bool:
    return any(cell_text(cell) for cell in cells)


def _table(path: Path, fmt: str, numbered: Iterable[tuple[int, list[Any]]]) -> Table:
    columns: list[str] = []
    header: list[str] = []
    header_row = 0
    rows: list[TableRow] = []
    for number, cells in numbered:
        if not _filled(cells):
            continue  # an empty line is no row (and Excel exports end in some)
        if not header_row:
            header, header_row = [cell_text(cell) for cell in cells], number
            for index, name in enumerate(header):
                _add_column(columns, name or f"column_{index + 1}")
            continue
        while len(cells) > len(columns):
            _add_column(columns, f"column_{len(columns) + 1}")
        padded = cells + [None] * (len(columns) - len(cells))
        rows.append(TableRow(number, dict(zip(columns, padded, strict=True))))
    if not header_row:
        raise TableError(path, "the file is empty (no header row)")
    return Table(path, fmt, columns, rows, header=header, header_row=header_row)


def _add_column(columns: list[str], name: str) -> None:
    while name in columns:  # a repeated name would hide the earlier column
        name += "_2"
    columns.append(name)


def _jsonl_table(path: Path, data: bytes) -> Table:
    columns: list[str] = []
    rows: list[TableRow] = []
    bad: list[BadLine] = []
    for number, line in enumerate(data.removeprefix(b"\xef\xbb\xbf").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            bad.append(BadLine(number, "undecodable", f"not UTF-8 ({exc.reason})"))
            continue
        except json.JSONDecodeError as exc:
            bad.append(BadLine(number, "invalid_json", f"not JSON ({exc.msg})"))
            continue
        if not isinstance(value, dict):
            bad.append(BadLine(number, "invalid_json", "not a JSON object"))
            continue
        columns.extend(key for key in value if key not in columns)
        rows.append(TableRow(number, value))
    if not rows and not bad:
        raise TableError(path, "the file is empty (no JSON lines)")
    return Table(path, "jsonl", columns, rows, encoding="utf-8", bad_lines=bad)
