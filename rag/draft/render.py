"""Markdown and DOCX exports of a draft: the review marker first, then per language every
section with its numbered references (title, date, § or page, url) and its flags."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from rag.core.citations import finnish_date
from rag.core.drafts import DraftCitation, DraftContent, DraftSection
from rag.core.messages import message
from rag.draft.period import Period

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def reference_label(citation: DraftCitation, language: str) -> str:
    """'Title, 20.10.2025, Kaupunginhallitus § 312, s. 4, https://…' — what a reader needs."""
    parts = [citation.title]
    if citation.date:
        parts.append(finnish_date(citation.date) or citation.date)
    if citation.section:
        parts.append(" ".join(p for p in (citation.body, f"§ {citation.section}") if p))
    if citation.page is not None:
        parts.append(f"{message('page', language)} {citation.page}")
    if citation.url:
        parts.append(citation.url)
    return ", ".join(p for p in parts if p)


def _flags_shown(section: DraftSection) -> bool:
    # The open-points section lists the flags in its text already.
    return bool(section.flags) and not section.key.endswith("-open")


def draft_title(content: DraftContent, language: str) -> str:
    period = Period(content.period_start, content.period_end).label
    return message("draft_title", language, period=period)


def render_markdown(content: DraftContent) -> str:
    """The whole draft as Markdown; languages one after another."""
    out = [f"> ⚠ **{message('draft_marker', lang)}**" for lang in content.languages]
    for language in content.languages:
        out.append(f"\n# {draft_title(content, language)}\n")
        for section in (s for s in content.sections if s.language == language):
            out.append(f"## {section.title}\n")
            out.append(section.text.strip() + "\n")
            if section.citations:
                out.append(f"**{message('sources', language)}**\n")
                out += [f"{c.number}. {reference_label(c, language)}" for c in section.citations]
                out.append("")
            if _flags_shown(section):
                out.append(f"**{message('draft_flags_heading', language)}**\n")
                out += [f"- ⚠ {f.message}" for f in section.flags]
                out.append("")
    return "\n".join(out).rstrip() + "\n"


def _add_runs(paragraph: Paragraph, text: str) -> None:
    """Markdown **bold** as bold runs; everything else as plain text."""
    pieces = _BOLD.split(text)
    for index, piece in enumerate(pieces):
        if piece:
            paragraph.add_run(piece).bold = index % 2 == 1


def _table(document: DocxDocument, rows: list[str]) -> None:
    cells = [
        [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]
        for row in rows
        if not re.fullmatch(r"\|[\s\-:|]+\|", row.strip())  # the |---| separator row
    ]
    if not cells:
        return
    width = max(len(r) for r in cells)
    table = document.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            _add_runs(table.cell(r, c).paragraphs[0], value)


def _add_text(document: DocxDocument, text: str) -> None:
    """The small Markdown the sections use: paragraphs, '- ' bullets, '> ' quotes, tables."""
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        if line.lstrip().startswith("|"):
            block = []
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                block.append(lines[index])
                index += 1
            _table(document, block)
            continue
        if line.startswith("- "):
            _add_runs(document.add_paragraph(style="List Bullet"), line[2:])
        elif line.startswith("> "):
            paragraph = document.add_paragraph(style="Intense Quote")
            _add_runs(paragraph, line[2:])
        elif line.strip():
            _add_runs(document.add_paragraph(), line)
        index += 1


def render_docx(content: DraftContent, path: Path) -> None:
    """Write the draft as a Word document (python-docx)."""
    document = docx.Document()
    for language in content.languages:
        marker = document.add_paragraph().add_run(f"⚠ {message('draft_marker', language)}")
        marker.bold = True
        marker.font.color.rgb = RGBColor(0xC0, 0x00, 0x00)
    for language in content.languages:
        document.add_heading(draft_title(content, language), level=1)
        for section in (s for s in content.sections if s.language == language):
            document.add_heading(section.title, level=2)
            _add_text(document, section.text)
            if section.citations:
                document.add_heading(message("sources", language), level=3)
                for c in section.citations:
                    document.add_paragraph(f"[{c.number}] {reference_label(c, language)}")
            if _flags_shown(section):
                document.add_heading(message("draft_flags_heading", language), level=3)
                for flag in section.flags:
                    document.add_paragraph(f"⚠ {flag.message}", style="List Bullet")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def write_draft(content: DraftContent, path: Path) -> None:
    """By the file name: .docx as Word, anything else (.md) as Markdown."""
    if path.suffix.lower() == ".docx":
        render_docx(content, path)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_markdown(content), encoding="utf-8")
