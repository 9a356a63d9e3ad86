"""Proposal files in and out: CSV / XLSX / JSONL as a participation team exports them.

Reading keeps every input column and row number, so the output can repeat the input with the
classification added, and every row that cannot be classified is reported by its row number
(the number Excel shows: the header is row 1) instead of disappearing. Encoding and delimiter
detection is the ingest loaders' (Finnish Excel writes cp1252 and ';').
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils.exceptions import InvalidFileException

from ingest.limits import InputLimits, check_workbook, limited_rows, without_path
from ingest.loaders.tabular import cell_text, sniff_delimiter
from ingest.loaders.text import detect_encoding
from rag.core.classification import Classification
from rag.core.documents import IngestError
from rag.core.language import normalise_language_code
from rag.core.messages import message

FORMATS = ("csv", "xlsx", "jsonl")
_SUFFIX_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jsonl": "application/x-ndjson",
}
#: Columns added to the output, in this order.
RESULT_COLUMNS = ("labels", "primary", "confidence", "reason", "needs_review")
# Surrogates come from bytes the detected codec could not read (decoded with surrogateescape);
# U+FFFD and C0/C1 controls mean the text was already broken before it reached us.
_BROKEN = re.compile(r"[\ud800-\udfff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LANGUAGE_COLUMNS = ("language", "kieli", "språk", "lang")


class BatchFileError(ValueError):
    """The whole file cannot be read (format, encoding, unknown column); names the file."""

    def __init__(self, path: Path | str, problem: str) -> None:
        super().__init__(f"{Path(path).name}: {problem}")
        self.path = str(path)
        self.problem = problem


@dataclass
class ProposalRow:
    """One input row that can be classified."""

    row: int  # spreadsheet row (header = 1) or JSONL line number
    proposal_id: str
    text: str
    language: str | None = None  # from a language column, when the file has one

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)


@dataclass(frozen=True)
class RejectedRow:
    """A row that was not classified, and why (``reason`` is a stable code)."""

    row: int
    reason: str  # "empty_text", "too_long", "undecodable", "invalid_json", "id_conflict"
    detail: str  # in English, for files and JSON
    proposal_id: str | None = None
    # Values for the translated message ``reject_<reason>`` (rag.core.messages).
    facts: dict[str, str] = field(default_factory=dict)

    def message(self, language: str) -> str:
        return message(f"reject_{self.reason}", language, **self.facts)


@dataclass(frozen=True)
class RepeatedRow:
    """A row repeating an earlier one (same id and text): classified once, written twice."""

    row: int
    first_row: int
    proposal_id: str


@dataclass
class ProposalFile:
    """A proposal file as read: every record for the output, the classifiable rows, problems."""

    path: Path
    format: str
    columns: list[str]
    records: list[tuple[int, dict[str, Any]]]  # (row number, values) of every data row
    rows: list[ProposalRow] = field(default_factory=list)  # first occurrence of each proposal
    rejected: list[RejectedRow] = field(default_factory=list)
    repeats: list[RepeatedRow] = field(default_factory=list)
    encoding: str | None = None  # CSV/JSONL: the detected codec
    delimiter: str | None = None  # CSV only
    # row number -> proposal id, for every row that gets a classification (repeats included)
    row_ids: dict[int, str] = field(default_factory=dict)


def text_hash(text: str) -> str:
    """Content hash of a proposal text (also the embedding cache's notion of 'same text')."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def file_format(path: Path | str, given: str | None = None) -> str:
    """``csv``, ``xlsx`` or ``jsonl`` from an explicit choice or the file suffix."""
    if given:
        if given.lower() not in FORMATS:
            raise BatchFileError(path, f"unknown output format '{given}': use csv, xlsx or jsonl")
        return given.lower()
    fmt = _SUFFIX_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise BatchFileError(
            path, f"unknown file type '{Path(path).suffix}': use .csv, .xlsx or .jsonl"
        )
    return fmt


# -- reading ---------------------------------------------------------------------------------


def _csv_records(
    path: Path, data: bytes
) -> tuple[list[str], Iterator[tuple[int, list[str]]], str, str]:
    encoding = "utf-8" if _mostly_utf8(data) else detect_encoding(data)
    if encoding is None:
        raise BatchFileError(path, "undecodable text: no text encoding fits the file")
    # surrogateescape: a few bad bytes mark their rows as undecodable instead of failing
    # the whole file (utf-8 detection already failed over to a code page for mixed files).
    text = data.decode(encoding, errors="surrogateescape").removeprefix("\ufeff")
    delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    numbered = enumerate(reader, start=1)
    try:
        for _number, header in numbered:
            if any(cell.strip() for cell in header):
                return _header(header), ((n, r) for n, r in numbered), encoding, delimiter
    except csv.Error as exc:
        raise BatchFileError(path, f"malformed CSV: {exc}") from None
    raise BatchFileError(path, "no header row (the file is empty)")


def _mostly_utf8(data: bytes) -> bool:
    """A UTF-8 export with a few pasted code-page rows stays UTF-8 (those rows are rejected).

    Whole-file detection would pick a code page for it and silently garble every good row.
    """
    good = bad = 0
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1
        else:
            good += 1
    return good > bad


def _header(cells: Iterable[Any]) -> list[str]:
    columns: list[str] = []
    for index, cell in enumerate(cells):
        name = cell_text(cell) or f"column_{index + 1}"
        while name in columns:  # a repeated header would overwrite the earlier column
            name += "_2"
        columns.append(name)
    return columns


def _xlsx_records(path: Path) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    limits = InputLimits()  # the same defaults as ingest: a zip bomb is refused unopened
    try:
        check_workbook(path, limits)
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except IngestError as exc:
        raise BatchFileError(path, exc.reason) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        problem = without_path(str(exc), path)
        raise BatchFileError(path, f"corrupt or unreadable Excel file ({problem})") from None
    try:
        for sheet in workbook.worksheets:
            try:
                limited = limited_rows(sheet.iter_rows(values_only=True), path, limits)
                rows = list(enumerate(limited, start=1))
            except IngestError as exc:
                raise BatchFileError(path, exc.reason) from None
            filled = [(n, list(r)) for n, r in rows if any(cell_text(v) for v in r)]
            if filled:
                (_, header), *data = filled
                return _header(header), data
    finally:
        workbook.close()
    raise BatchFileError(path, "no data rows (all worksheets are empty)")


def _pick(columns: list[str], requested: list[str], path: Path, what: str) -> list[str]:
    lowered = {c.lower(): c for c in columns}
    picked: list[str] = []
    unknown: list[str] = []
    for name in requested:
        match = name if name in columns else lowered.get(name.lower())
        (picked if match else unknown).append(match or name)
    if unknown:
        raise BatchFileError(
            path,
            f"unknown {what} column(s) {', '.join(map(repr, unknown))} "
            f"(available: {', '.join(columns)})",
        )
    return picked


def _read_records(
    path: Path, fmt: str
) -> tuple[list[str], list[tuple[int, dict[str, Any]]], list[RejectedRow], str | None, str | None]:
    """Columns and every non-empty data row (numbered) of a CSV, XLSX or JSONL file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BatchFileError(path, f"cannot read the file ({exc.strerror or exc})") from None
    encoding = delimiter = None
    records: list[tuple[int, dict[str, Any]]] = []
    rejected: list[RejectedRow] = []
    if fmt == "jsonl":
        columns, records, rejected, encoding = _jsonl_records(path, data)
        return columns, records, rejected, encoding, delimiter
    raw: Iterable[tuple[int, list[Any]]]
    if fmt == "csv":
        columns, raw, encoding, delimiter = _csv_records(path, data)
    else:
        columns, raw = _xlsx_records(path)
    try:
        for number, cells in raw:
            if not any(cell_text(v) if fmt == "xlsx" else str(v).strip() for v in cells):
                continue  # an empty line is not a proposal (and Excel exports end in some)
            cells = list(cells) + [None] * (len(columns) - len(cells))
            while len(cells) > len(columns):  # a row wider than the header
                columns.append(f"column_{len(columns) + 1}")
            records.append((number, dict(zip(columns, cells, strict=False))))
    except csv.Error as exc:
        raise BatchFileError(path, f"malformed CSV: {exc}") from None
    return columns, records, rejected, encoding, delimiter


def preview_table(path: Path, rows: int = 5) -> tuple[list[str], list[list[str]]]:
    """The columns and the first data rows as text, for choosing the text and id columns."""
    path = Path(path)
    columns, records, _rejected, _encoding, _delimiter = _read_records(path, file_format(path))
    return columns, [[cell_text(values.get(c)) for c in columns] for _n, values in records[:rows]]


def read_proposals(
    path: Path,
    text_columns: list[str],
    id_columns: list[str] | None = None,
    max_chars: int = 10_000,
    fmt: str | None = None,
) -> ProposalFile:
    """Read a proposal file; bad rows go to ``rejected`` with their row numbers.

    Several text columns are joined with a newline (e.g. title + body). Without id columns a
    proposal's id is derived from its text, so the same text gets the same id in every run.
    """
    path = Path(path)
    fmt = file_format(path, fmt)
    if not text_columns:
        raise BatchFileError(path, "choose the text column(s), e.g. --text-column texts")
    columns, records, rejected, encoding, delimiter = _read_records(path, fmt)
    text_cols = _pick(columns, text_columns, path, "text")
    id_cols = _pick(columns, id_columns or [], path, "id")
    lang_col = next((c for c in columns if c.lower() in _LANGUAGE_COLUMNS), None)
    result = ProposalFile(path, fmt, columns, records, encoding=encoding, delimiter=delimiter)
    result.rejected = rejected
    _validate(result, text_cols, id_cols, lang_col, max_chars)
    result.rejected.sort(key=lambda r: r.row)
    return result


def _jsonl_records(
    path: Path, data: bytes
) -> tuple[list[str], list[tuple[int, dict[str, Any]]], list[RejectedRow], str]:
    columns: list[str] = []
    records: list[tuple[int, dict[str, Any]]] = []
    rejected: list[RejectedRow] = []
    for number, line in enumerate(data.removeprefix(b"\xef\xbb\xbf").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            rejected.append(
                RejectedRow(
                    number, "undecodable", f"not UTF-8 ({exc.reason})", None, {"encoding": "UTF-8"}
                )
            )
            continue
        except json.JSONDecodeError as exc:
            rejected.append(RejectedRow(number, "invalid_json", exc.msg))
            continue
        if not isinstance(value, dict):
            rejected.append(RejectedRow(number, "invalid_json", "not a JSON object"))
            continue
        columns.extend(k for k in value if k not in columns)
        records.append((number, value))
    if not records and not rejected:
        raise BatchFileError(path, "no data rows (the file is empty)")
    return columns, records, rejected, "utf-8"


def _as_text(value: Any) -> str:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)


def _validate(
    table: ProposalFile,
    text_cols: list[str],
    id_cols: list[str],
    lang_col: str | None,
    max_chars: int,
) -> None:
    """Fill rows / rejected / repeats: one decision per record, in file order."""
    seen: dict[str, ProposalRow] = {}
    for number, values in table.records:
        parts = [_as_text(values.get(c)) for c in text_cols]
        text = "\n".join(p for p in parts if p)
        ids = [_as_text(values.get(c)) for c in id_cols]
        proposal_id = "-".join(ids) if any(ids) else None
        if text and _BROKEN.search(text):
            table.rejected.append(
                RejectedRow(
                    number,
                    "undecodable",
                    "the text has bytes or characters that are "
                    f"not text in {table.encoding or 'the file'}",
                    proposal_id,
                    {"encoding": table.encoding or "?"},
                )
            )
            continue
        if not text.strip():
            table.rejected.append(
                RejectedRow(
                    number,
                    "empty_text",
                    f"no text in {', '.join(text_cols)}",
                    proposal_id,
                    {"columns": ", ".join(text_cols)},
                )
            )
            continue
        if len(text) > max_chars:
            table.rejected.append(
                RejectedRow(
                    number,
                    "too_long",
                    f"{len(text)} characters (limit {max_chars})",
                    proposal_id,
                    {"length": str(len(text)), "limit": str(max_chars)},
                )
            )
            continue
        if proposal_id is None:
            proposal_id = "t-" + text_hash(text)[:16]
        elif _BROKEN.search(proposal_id):
            table.rejected.append(
                RejectedRow(
                    number,
                    "undecodable",
                    "the id is not readable text",
                    None,
                    {"encoding": table.encoding or "?"},
                )
            )
            continue
        first = seen.get(proposal_id)
        if first is not None:
            if first.text == text:
                table.repeats.append(RepeatedRow(number, first.row, proposal_id))
                table.row_ids[number] = proposal_id
            else:
                table.rejected.append(
                    RejectedRow(
                        number,
                        "id_conflict",
                        f"id {proposal_id!r} was used by row {first.row} with a different text",
                        proposal_id,
                        {"id": proposal_id, "first_row": str(first.row)},
                    )
                )
            continue
        language = normalise_language_code(values.get(lang_col)) if lang_col else None
        row = ProposalRow(number, proposal_id, text, language)
        seen[proposal_id] = row
        table.rows.append(row)
        table.row_ids[number] = proposal_id


# -- writing ---------------------------------------------------------------------------------


def result_columns(columns: list[str]) -> list[str]:
    """Names of the added columns; an input column of the same name is never overwritten."""
    return [f"{name}_predicted" if name in columns else name for name in RESULT_COLUMNS]


def _result_values(result: Classification | None, fmt: str) -> list[Any]:
    if result is None:
        return [None] * len(RESULT_COLUMNS)
    if fmt == "jsonl":
        return [
            result.labels,
            result.primary,
            round(result.confidence, 4),
            result.reason,
            result.needs_review,
        ]
    review = "yes" if result.needs_review else "no"
    return [
        ";".join(result.labels),
        result.primary,
        round(result.confidence, 4),
        result.reason,
        review,
    ]


def write_results(
    table: ProposalFile, results: dict[str, Classification], out: Path, fmt: str | None = None
) -> list[str]:
    """Write every classified row (rejected ones are left out) with the result columns.

    ``results`` maps proposal ids to their classification. Returns warnings for the summary
    (e.g. the output had to change encoding).
    """
    fmt = file_format(out, fmt)
    added = result_columns(table.columns)
    header = [*table.columns, *added]
    rows: list[list[Any]] = []
    for number, values in table.records:
        proposal_id = table.row_ids.get(number)
        if proposal_id is None:
            continue  # rejected: listed in the rejected-rows sidecar and the summary
        cells = [values.get(c) for c in table.columns]
        rows.append([*cells, *_result_values(results.get(proposal_id), fmt)])
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as handle:
            for row in rows:
                record = {
                    k: v for k, v in zip(header, row, strict=True) if v is not None or k in added
                }
                handle.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        return []
    if fmt == "xlsx":
        _write_xlsx(out, header, rows)
        return []
    return _write_csv(table, out, header, rows)


def _write_csv(
    table: ProposalFile, out: Path, header: list[str], rows: list[list[Any]]
) -> list[str]:
    # Keep the input's delimiter; ';' otherwise, which Finnish Excel opens by double-click.
    delimiter = table.delimiter or ";"
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows([[_as_text(v) for v in row] for row in rows])
    text = buffer.getvalue()
    if table.encoding == "cp1252":  # same code page as the input, so old Excels open it alike
        try:
            out.write_bytes(text.encode("cp1252"))
            return []
        except UnicodeEncodeError:
            out.write_bytes(text.encode("utf-8-sig"))
            return [f"{out.name}: written as UTF-8 (with BOM): some text does not fit cp1252"]
    out.write_bytes(text.encode("utf-8-sig"))  # the BOM makes Excel read UTF-8 correctly
    return []


def _xlsx_cell(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if hasattr(value, "isoformat"):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", _as_text(value))


def _write_xlsx(out: Path, header: list[str], rows: list[list[Any]]) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "proposals"
    sheet.append(header)
    for row in rows:
        sheet.append([_xlsx_cell(v) for v in row])
    # A citizen's text starting with '=' must stay text, not become a formula.
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    workbook.save(out)


def write_rejected(rejected: list[RejectedRow], out: Path) -> None:
    """The rejected-rows sidecar: row, id, reason code and detail (UTF-8 with BOM, ';')."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["row", "id", "reason", "detail"])
    for item in rejected:
        writer.writerow([item.row, item.proposal_id or "", item.reason, item.detail])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buffer.getvalue().encode("utf-8-sig"))


def rejected_path(out: Path) -> Path:
    """Where the sidecar of ``out`` goes: ``results.xlsx`` -> ``results.rejected.csv``."""
    return out.with_name(f"{out.stem}.rejected.csv")
