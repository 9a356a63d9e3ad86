"""Markdown and DOCX exports: the review marker on top, numbered references, flags per section."""

from __future__ import annotations

from pathlib import Path

import docx

from rag.core.drafts import DraftContent
from rag.core.messages import message
from rag.draft.register import Register
from rag.draft.render import reference_label, render_markdown, write_draft


def test_markdown_has_marker_sections_and_numbered_references(sample_draft: DraftContent) -> None:
    text = render_markdown(sample_draft)
    lines = text.splitlines()
    assert lines[0] == f"> ⚠ **{message('draft_marker', 'fi')}**"
    assert lines[1] == f"> ⚠ **{message('draft_marker', 'sv')}**"
    assert "# Digitiekartan seuranta 2025" in lines
    assert "# Uppföljning av färdplanen för digitaliseringen 2025" in lines
    for section in sample_draft.sections:
        assert f"## {section.title}" in lines
        for citation in section.citations:
            assert f"{citation.number}. {reference_label(citation, section.language)}" in lines
    assert "**Lähteet**" in lines and "**Källor**" in lines
    assert "**Tarkastettavat kohdat**" in lines  # the conflict and no-evidence flags


def test_reference_label_lists_title_date_section_page_and_url(sample_draft: DraftContent) -> None:
    citation = next(c for s in sample_draft.sections for c in s.citations)
    label = reference_label(citation, "fi")
    assert label.startswith(citation.title)
    assert "20.10.2025" in label or "12.6.2025" in label or "27.10.2025" in label
    minutes = type(citation)(
        1, "x:0", "x", "Pöytäkirja", "2024-01-22", "25", 4, "https://e.fi/p", "Kaupunginhallitus"
    )
    assert (
        reference_label(minutes, "fi")
        == "Pöytäkirja, 22.1.2024, Kaupunginhallitus § 25, s. 4, https://e.fi/p"
    )


def test_docx_written_and_read_back(
    sample_draft: DraftContent, register: Register, tmp_path: Path
) -> None:
    path = tmp_path / "luonnos.docx"
    write_draft(sample_draft, path)
    document = docx.Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == f"⚠ {message('draft_marker', 'fi')}"
    assert paragraphs[1] == f"⚠ {message('draft_marker', 'sv')}"
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    for section in sample_draft.sections:
        assert section.title in headings
    references = [p for p in paragraphs if p.startswith("[")]
    cited = [c for s in sample_draft.sections for c in s.citations]
    assert len(references) == len(cited)
    first = next(s for s in sample_draft.sections if s.citations)
    assert f"[1] {reference_label(first.citations[0], first.language)}" in references
    # Status tables survive as Word tables: the theme a count table holds the register's counts.
    tables = [
        [[cell.text for cell in row.cells] for row in table.rows] for table in document.tables
    ]
    counts = register.counts("a")
    assert ["valmis", str(counts["completed"])] in tables[0]
    assert ["Yhteensä", str(sum(counts.values()))] in tables[0]
    flags = [p for p in paragraphs if p.startswith("⚠ ") and "A-07" in p]
    assert flags  # the status conflict, under its section
