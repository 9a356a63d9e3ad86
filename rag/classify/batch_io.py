"""Proposal files in and out: CSV / XLSX / JSONL as a participation team exports them.

Reading keeps every input column and row number, so the output can repeat the input with the
classification added, and every row that cannot be classified is reported by its row number
(the number Excel shows: the header is row 1) instead of disappearing. The file is read by the
shared table reader (rag/core/tables.py), leniently: a row in another encoding is rejected by
itself instead of failing the whole file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from rag.core.classification import Classification
from rag.core.documents import IngestError
from rag.core.language import normalise_language_code
from rag.core.messages import message
from rag.core.tables import TABLE_SUFFIXES, Table, TableError, cell_text, read_table

FORMATS = ("csv", "xlsx", "jsonl")
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
    fmt = TABLE_SUFFIXES.get(Path(path).suffix.lower())
    if fmt is None:
        raise BatchFileError(
            path, f"unknown file type '{Path(path).suffix}': use .csv, .xlsx or .jsonl"
        )
    return fmt


# -- reading ---------------------------------------------------------------------------------


def _read_table(path: Path, fmt: str) -> tuple[Table, list[RejectedRow]]:
    """The file as a table, and its JSONL lines that are not objects as rejected rows."""
    try:
        table = read_table(path, fmt, lenient_decoding=True)
    except IngestError as exc:
        raise BatchFileError(path, exc.reason) from None
    rejected = [
        RejectedRow(
            bad.number,
            bad.reason,
            bad.detail,
            None,
            {"encoding": "UTF-8"} if bad.reason == "undecodable" else {},
        )
        for bad in table.bad_lines
    ]
    return table, rejected


def _pick(table: Table, requested: list[str], what: str) -> list[str]:
    try:
        return table.pick(requested, what)
    except TableError as exc:
        raise BatchFileError(table.path, exc.reason) from None


def preview_table(path: Path, rows: int = 5) -> tuple[list[str], list[list[str]]]:
    """The columns and the first data rows as text, for choosing the text and id columns."""
    path = Path(path)
    table, _rejected = _read_table(path, file_format(path))
    return table.columns, [[row.text(c) for c in table.columns] for row in table.rows[:rows]]


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
    table, rejected = _read_table(path, fmt)
    text_cols = _pick(table, text_columns, "text")
    id_cols = _pick(table, id_columns or [], "id")
    lang_col = next((c for c in table.columns if c.lower() in _LANGUAGE_COLUMNS), None)
    records = [(row.number, row.values) for row in table.rows]
    result = ProposalFile(
        path, fmt, table.columns, records, encoding=table.encoding, delimiter=table.delimiter
    )
    result.rejected = rejected
    _validate(result, text_cols, id_cols, lang_col, max_chars)
    result.rejected.sort(key=lambda r: r.row)
    return result


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
