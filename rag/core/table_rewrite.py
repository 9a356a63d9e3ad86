"""Rewrite the text cells of a table file in place (e.g. to mask personal data in it).

The file keeps its format and everything but the changed text: a CSV its codec, BOM, delimiter
and line ends (bytes no codec could read stay as they were); a workbook every sheet, style and
formula; a JSONL file every line, and a line that is not JSON is changed as plain text. Header
rows and JSON keys are names, not people's words, and stay as they are. The new file replaces
the old one in one step (a temporary file in the same folder, then ``os.replace``), so a crash
leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from rag.core.limits import InputLimits, check_text_file_size, check_workbook, without_path
from rag.core.tables import (
    TableError,
    cell_text,
    csv_delimiter,
    csv_rows,
    decode_leniently,
    table_format,
)

TextChange = Callable[[str], str]
_TEMPORARY_SUFFIX = ".tmp"


class _Counted:
    """A text change that counts the texts it really changed."""

    def __init__(self, change: TextChange) -> None:
        self._change = change
        self.changed = 0

    def __call__(self, text: str) -> str:
        new = self._change(text)
        self.changed += new != text
        return new


def change_values(value: Any, change: TextChange) -> Any:
    """``value`` with ``change`` applied to every string in it, at any depth (keys stay)."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [change_values(v, change) for v in value]
    if isinstance(value, dict):
        return {k: change_values(v, change) for k, v in value.items()}
    return value


def rewrite_text_cells(path: Path, change: TextChange, limits: InputLimits | None = None) -> int:
    """Apply ``change`` to every text cell of a CSV/TSV, XLSX or JSONL file below its header.

    The file is written again only when a cell changed; returns how many cells changed (0 on a
    second run with the same change). Raises :class:`TableError` naming the file when it cannot
    be read; the file is then left as it was.
    """
    limits = limits or InputLimits()
    fmt = table_format(path)
    if fmt is None:
        raise TableError(path, f"unsupported file type '{path.suffix}' (use .csv, .xlsx or .jsonl)")
    counted = _Counted(change)
    try:
        if fmt == "xlsx":
            _rewrite_workbook(path, counted, limits)
        else:
            check_text_file_size(path, limits)
            data = path.read_bytes()
            new = _csv_bytes(path, data, counted) if fmt == "csv" else _jsonl_bytes(data, counted)
            if counted.changed:
                replace_atomically(path, lambda temporary: temporary.write_bytes(new))
    except OSError as exc:
        raise TableError(path, f"cannot read or write the file ({exc.strerror or exc})") from None
    return counted.changed


def replace_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Write a new ``path`` through ``write(temporary)`` and move it over the old file."""
    handle, name = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=_TEMPORARY_SUFFIX
    )
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        if path.exists():
            shutil.copymode(path, temporary)  # mkstemp makes it private; keep the old rights
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def leftover_temporaries(path: Path) -> list[Path]:
    """Temporary files a rewrite of ``path`` left behind when its process was killed."""
    return sorted(path.parent.glob(f".{path.name}.*{_TEMPORARY_SUFFIX}"))


def _csv_bytes(path: Path, data: bytes, change: _Counted) -> bytes:
    text, encoding = decode_leniently(data, path)
    bom = text.startswith("\ufeff") and encoding == "utf-8"
    text = text.removeprefix("\ufeff")
    delimiter = csv_delimiter(path, text)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=_line_end(text))
    header_seen = False
    for _number, cells in csv_rows(path, text, delimiter):
        if header_seen:
            cells = [change(cell) for cell in cells]
        header_seen = header_seen or any(cell.strip() for cell in cells)
        writer.writerow(cells)
    new = buffer.getvalue()
    # The codec said how the text was read; surrogates give back the bytes it could not read.
    return (codecs.BOM_UTF8 if bom else b"") + new.encode(encoding, errors="surrogateescape")


def _line_end(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _jsonl_bytes(data: bytes, change: _Counted) -> bytes:
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    lines = []
    for line in data.removeprefix(bom).splitlines(keepends=True):
        body = line.rstrip(b"\r\n")
        ending = line[len(body) :]
        before = change.changed
        try:
            value = json.loads(body.decode("utf-8")) if body.strip() else None
        except (UnicodeDecodeError, json.JSONDecodeError):
            # Not JSON: changed as plain text, unreadable bytes kept as they are.
            text = body.decode("utf-8", errors="surrogateescape")
            body = change(text).encode("utf-8", errors="surrogateescape")
        else:
            new_value = change_values(value, change)
            if change.changed > before:  # an unchanged line keeps its own spacing
                body = json.dumps(new_value, ensure_ascii=False).encode("utf-8")
        lines.append(body + ending)
    return bom + b"".join(lines)


def _rewrite_workbook(path: Path, change: _Counted, limits: InputLimits) -> None:
    check_workbook(path, limits)  # before openpyxl unpacks anything
    try:
        workbook = openpyxl.load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm")
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as exc:
        problem = without_path(str(exc), path)
        raise TableError(path, f"corrupt or unreadable Excel file ({problem})") from None
    for sheet in workbook.worksheets:
        header_seen = False
        for row in sheet.iter_rows():
            if not header_seen:
                header_seen = any(cell_text(cell.value) for cell in row)
                continue
            for cell in row:
                if isinstance(cell.value, str):
                    new = change(cell.value)
                    if new != cell.value:
                        kind = cell.data_type  # a text starting with '=' stays text
                        cell.value = new
                        cell.data_type = kind
    if change.changed:
        replace_atomically(path, workbook.save)
