"""Word (.docx) files: one Segment per heading block, tables included in reading order."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from ingest.loaders.base import LoadOptions
from ingest.loaders.text import short_title
from rag.core.documents import IngestError, LoadedDocument, Segment
from rag.core.language import normalise_language_code
from rag.core.limits import check_archive, without_path

# Style-name prefixes of heading paragraphs: Word's built-in names are English in the file,
# but documents made from localised templates can carry Finnish or Swedish custom names.
_HEADING_STYLES = ("heading", "title", "otsikko", "rubrik")


def _is_heading(paragraph: Paragraph) -> bool:
    style = paragraph.style.name.lower() if paragraph.style is not None else ""
    return style.startswith(_HEADING_STYLES)


def _table_text(table: Table) -> str:
    """One line per row, cells separated by ' | '; merged cells are repeated, so drop repeats."""
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return "\n".join(lines)


class DocxLoader:
    """Loads paragraphs and tables of a .docx with python-docx."""

    suffixes: tuple[str, ...] = (".docx",)

    def load(self, path: Path, options: LoadOptions) -> list[LoadedDocument]:
        check_archive(path, options.limits)  # before python-docx unpacks anything
        try:
            document = docx.Document(str(path))
            blocks = list(document.iter_inner_content())
        except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
            problem = without_path(str(exc), path)
            raise IngestError(str(path), f"corrupt or unreadable DOCX ({problem})") from None

        segments: list[Segment] = []
        heading: str | None = None
        lines: list[str] = []
        first_heading: str | None = None

        def flush() -> None:
            text = "\n".join(lines).strip()
            if text:
                segments.append(Segment(text=text, heading=heading))

        for block in blocks:
            if isinstance(block, Table):
                lines.append(_table_text(block))
            elif _is_heading(block) and block.text.strip():
                flush()
                heading = " ".join(block.text.split())
                first_heading = first_heading or heading
                lines = [heading]  # keep the heading words searchable in the block text
            else:
                lines.append(block.text)
        flush()
        if not segments:
            raise IngestError(str(path), "no text found in the document")

        props = document.core_properties
        title = (
            " ".join((props.title or "").split())
            or first_heading
            or short_title(segments[0].text)
            or path.stem
        )
        return [
            LoadedDocument(
                doc_id=path.stem,
                source_path=str(path),
                title=title,
                segments=segments,
                format="docx",
                language=normalise_language_code(props.language),
            )
        ]
