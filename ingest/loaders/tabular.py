"""CSV and Excel files: one LoadedDocument per row (record), plus record de-duplication.

The loaders return every row; `dedupe_records` is a separate pure step so the caller decides
what to do with repeated and conflicting records (and can report the counts).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from ingest.limits import check_text_file_size, check_workbook, limited_rows, without_path
from ingest.loaders.base import LoadOptions
from ingest.loaders.text import decode_bytes, short_title
from rag.core.documents import IngestError, LoadedDocument, Segment

_ID_NAMES = ("id", "tunnus", "nro")
_ROUND_NAMES = ("round", "kierros")
_TITLE_NAMES = ("title", "otsikko", "rubrik", "name", "nimi", "namn")
_DELIMITERS = (";", ",", "\t", "|")
# A column counts as text when at most this share of its non-empty values are numbers.
_MAX_NUMERIC_SHARE = 0.2


@dataclass
class Table:
    """A sheet as strings: header names and data rows padded to the header width."""

    columns: list[str]
    rows: list[list[str]]


@dataclass
class DedupeResult:
    """Records with unique ids, and what was dropped to get there."""

    unique: list[LoadedDocument]
    identical_repeats: int = 0  # rows dropped because an earlier row had the same id and content
    # id of every dropped row whose content differs from the kept (first) row with that id;
    # an id appears once per conflicting row
    conflicts: list[str] = field(default_factory=list)

    @property
    def conflicting_ids(self) -> list[str]:
        return sorted(set(self.conflicts))


def dedupe_records(docs: Iterable[LoadedDocument]) -> DedupeResult:
    """Keep the first record per doc_id; count identical repeats, report conflicting ones."""
    kept: dict[str, LoadedDocument] = {}
    result = DedupeResult(unique=[])
    for doc in docs:
        first = kept.get(doc.doc_id)
        if first is None:
            kept[doc.doc_id] = doc
            result.unique.append(doc)
        elif first == doc:  # dataclass equality: same title, text, metadata and extra
            result.identical_repeats += 1
        else:
            result.conflicts.append(doc.doc_id)
    return result


def cell_text(value: Any) -> str:
    """Spreadsheet value as the text a person sees (938, not 938.0; dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _make_table(raw_rows: Iterable[list[str]], path: Path) -> Table:
    """First non-empty row is the header; empty rows are skipped; names made unique."""
    rows = [row for row in raw_rows if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        raise IngestError(str(path), "no data rows (a header row and at least one row needed)")
    width = max(len(row) for row in rows)
    columns: list[str] = []
    for index in range(width):
        name = rows[0][index].strip() if index < len(rows[0]) else ""
        name = name or f"column_{index + 1}"
        while name in columns:  # duplicate header names would overwrite each other
            name += "_2"
        columns.append(name)
    data = [[cell.strip() for cell in row] + [""] * (width - len(row)) for row in rows[1:]]
    return Table(columns=columns, rows=data)


def _pick(requested: list[str], table: Table, path: Path, what: str) -> list[int]:
    """Column indexes for names given by a person (exact, else case-insensitive match)."""
    lowered = {name.lower(): i for i, name in enumerate(table.columns)}
    indexes, unknown = [], []
    for name in requested:
        if name in table.columns:
            indexes.append(table.columns.index(name))
        elif name.lower() in lowered:
            indexes.append(lowered[name.lower()])
        else:
            unknown.append(name)
    if unknown:
        raise IngestError(
            str(path),
            f"unknown {what} column(s) {', '.join(map(repr, unknown))} "
            f"(available: {', '.join(table.columns)})",
        )
    return indexes


def _find(table: Table, names: tuple[str, ...]) -> int | None:
    lowered = [c.lower() for c in table.columns]
    return next((lowered.index(n) for n in names if n in lowered), None)


def _detect_id_columns(table: Table) -> list[int]:
    """An id-named column, preceded by a round column if ids repeat across rounds."""
    id_col = _find(table, _ID_NAMES)
    if id_col is None:
        return []  # fall back to row numbers
    round_col = _find(table, _ROUND_NAMES)
    ids = [row[id_col] for row in table.rows]
    if round_col is not None and len(set(ids)) < len(ids):
        return [round_col, id_col]
    return [id_col]


def _is_numeric(value: str) -> bool:
    try:
        float(value.replace(",", ".").replace(" ", ""))
    except ValueError:
        return False
    return True


def _detect_text_columns(table: Table, id_cols: list[int]) -> list[int]:
    """Title-like column first, then the string column with the longest average value."""
    averages: dict[int, float] = {}
    for index in range(len(table.columns)):
        if index in id_cols:
            continue
        values = [row[index] for row in table.rows if row[index]]
        if values and sum(map(_is_numeric, values)) <= _MAX_NUMERIC_SHARE * len(values):
            averages[index] = sum(map(len, values)) / len(values)
    title_col = _find(table, _TITLE_NAMES)
    chosen = [title_col] if title_col in averages else []
    rest = sorted((i for i in averages if i not in chosen), key=lambda i: -averages[i])
    return chosen + rest[:1]


def records_from_table(
    table: Table, path: Path, fmt: str, options: LoadOptions
) -> list[LoadedDocument]:
    """Turn every row into a LoadedDocument (see module docstring for ids and text)."""
    if options.id_columns:
        id_cols = _pick(options.id_columns, table, path, "id")
    else:
        id_cols = _detect_id_columns(table)
    if options.text_columns:
        text_cols = _pick(options.text_columns, table, path, "text")
    else:
        text_cols = _detect_text_columns(table, id_cols)
        if not text_cols:
            raise IngestError(
                str(path),
                "no text column found; choose one with text_columns "
                f"(available: {', '.join(table.columns)})",
            )
    kind_col = _find(table, ("kind",))
    other_cols = [i for i in range(len(table.columns)) if i not in text_cols and i != kind_col]

    docs = []
    for number, row in enumerate(table.rows, start=1):
        id_parts = [row[i] or f"row{number}" for i in id_cols] or [str(number)]
        doc_id = "-".join([path.stem, *id_parts])
        texts = [row[i] for i in text_cols if row[i]]
        title = short_title(row[text_cols[0]]) or (short_title(texts[0]) if texts else doc_id)
        docs.append(
            LoadedDocument(
                doc_id=doc_id,
                source_path=str(path),
                title=title,
                segments=[Segment(text=text) for text in texts],
                format=fmt,
                kind=(row[kind_col] if kind_col is not None else "") or "record",
                extra={table.columns[i]: row[i] for i in other_cols if row[i]},
            )
        )
    return docs


def sniff_delimiter(text: str) -> str:
    """The candidate that occurs most often in the header line (Finnish Excel writes ';')."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class CsvLoader:
    """Loads .csv/.tsv with encoding and delimiter detection."""

    suffixes: tuple[str, ...] = (".csv", ".tsv")

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]:
        check_text_file_size(path, options.limits)
        text = decode_bytes(path.read_bytes(), path)
        delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)
        try:
            raw_rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as exc:
            raise IngestError(str(path), f"malformed CSV: {exc}") from None
        return records_from_table(_make_table(raw_rows, path), path, "csv", options)


class XlsxLoader:
    """Loads the first non-empty worksheet of an .xlsx/.xlsm with openpyxl (read-only mode)."""

    suffixes: tuple[str, ...] = (".xlsx", ".xlsm")

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]:
        check_workbook(path, options.limits)  # before openpyxl unpacks anything
        try:
            workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
            problem = without_path(str(exc), path)
            raise IngestError(str(path), f"corrupt or unreadable Excel file ({problem})") from None
        try:
            for sheet in workbook.worksheets:
                rows = limited_rows(sheet.iter_rows(values_only=True), path, options.limits)
                raw_rows = [[cell_text(v) for v in row] for row in rows]
                if any(any(row) for row in raw_rows):
                    table = _make_table(raw_rows, path)
                    return records_from_table(table, path, "xlsx", options)
        finally:
            workbook.close()  # read-only workbooks keep the file open until closed
        raise IngestError(str(path), "no data rows (all worksheets are empty)")
