"""CSV and Excel files: one LoadedDocument per row (record), plus record de-duplication.

The file is read by the shared table reader (rag/core/tables.py); this module decides which
columns are the id and the text. The loaders return every row; `dedupe_records` is a separate
pure step so the caller decides what to do with repeated and conflicting records (and can
report the counts).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.loaders.base import LoadOptions
from ingest.loaders.text import short_title
from rag.core.documents import IngestError, LoadedDocument, Segment
from rag.core.tables import Table, read_table

_ID_NAMES = ("id", "tunnus", "nro")
_ROUND_NAMES = ("round", "kierros")
_TITLE_NAMES = ("title", "otsikko", "rubrik", "name", "nimi", "namn")
# A column counts as text when at most this share of its non-empty values are numbers.
_MAX_NUMERIC_SHARE = 0.2


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


def _find(table: Table, names: tuple[str, ...]) -> str | None:
    lowered = {column.lower(): column for column in table.columns}
    return next((lowered[n] for n in names if n in lowered), None)


def _detect_id_columns(table: Table) -> list[str]:
    """An id-named column, preceded by a round column if ids repeat across rounds."""
    id_col = _find(table, _ID_NAMES)
    if id_col is None:
        return []  # fall back to row numbers
    round_col = _find(table, _ROUND_NAMES)
    ids = [row.text(id_col) for row in table.rows]
    if round_col is not None and len(set(ids)) < len(ids):
        return [round_col, id_col]
    return [id_col]


def _is_numeric(value: str) -> bool:
    try:
        float(value.replace(",", ".").replace(" ", ""))
    except ValueError:
        return False
    return True


def _detect_text_columns(table: Table, id_cols: list[str]) -> list[str]:
    """Title-like column first, then the string column with the longest average value."""
    averages: dict[str, float] = {}
    for column in table.columns:
        if column in id_cols:
            continue
        values = [text for row in table.rows if (text := row.text(column))]
        if values and sum(map(_is_numeric, values)) <= _MAX_NUMERIC_SHARE * len(values):
            averages[column] = sum(map(len, values)) / len(values)
    title_col = _find(table, _TITLE_NAMES)
    chosen = [title_col] if title_col in averages else []
    rest = sorted((c for c in averages if c not in chosen), key=lambda c: -averages[c])
    return chosen + rest[:1]


def records_from_table(table: Table, fmt: str, options: LoadOptions) -> list[LoadedDocument]:
    """Turn every row into a LoadedDocument (see module docstring for ids and text)."""
    path = table.path
    if not table.rows:
        raise IngestError(str(path), "no data rows (a header row and at least one row needed)")
    if options.id_columns:
        id_cols = table.pick(options.id_columns, "id")
    else:
        id_cols = _detect_id_columns(table)
    if options.text_columns:
        text_cols = table.pick(options.text_columns, "text")
    else:
        text_cols = _detect_text_columns(table, id_cols)
        if not text_cols:
            raise IngestError(
                str(path),
                "no text column found; choose one with text_columns "
                f"(available: {', '.join(table.columns)})",
            )
    kind_col = _find(table, ("kind",))
    other_cols = [c for c in table.columns if c not in text_cols and c != kind_col]

    docs = []
    for number, row in enumerate(table.rows, start=1):
        id_parts = [row.text(c) or f"row{number}" for c in id_cols] or [str(number)]
        doc_id = "-".join([path.stem, *id_parts])
        texts = [text for c in text_cols if (text := row.text(c))]
        title = short_title(row.text(text_cols[0])) or (short_title(texts[0]) if texts else doc_id)
        docs.append(
            LoadedDocument(
                doc_id=doc_id,
                source_path=str(path),
                title=title,
                segments=[Segment(text=text) for text in texts],
                format=fmt,
                kind=(row.text(kind_col) if kind_col is not None else "") or "record",
                extra={c: text for c in other_cols if (text := row.text(c))},
            )
        )
    return docs


class CsvLoader:
    """Loads .csv/.tsv with encoding and delimiter detection."""

    suffixes: tuple[str, ...] = (".csv", ".tsv")

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]:
        return records_from_table(read_table(path, "csv", limits=options.limits), "csv", options)


class XlsxLoader:
    """Loads the first non-empty worksheet of an .xlsx/.xlsm with openpyxl (read-only mode)."""

    suffixes: tuple[str, ...] = (".xlsx", ".xlsm")

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]:
        table = read_table(path, "xlsx", limits=options.limits)
        return records_from_table(table, "xlsx", options)
