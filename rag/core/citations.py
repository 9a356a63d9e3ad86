"""Citation labels the way the city cites: 'Kaupunginhallitus 22.1.2024 § 25', page for PDFs."""

from __future__ import annotations

from rag.core.documents import Chunk
from rag.core.messages import message


def finnish_date(iso_date: str | None) -> str | None:
    """'2024-01-22' -> '22.1.2024' (the form used in Finnish and Swedish minutes)."""
    if not iso_date or len(iso_date) < 10:
        return iso_date
    year, month, day = iso_date[:10].split("-")
    return f"{int(day)}.{int(month)}.{year}"


def citation_label(chunk: Chunk, language: str = "fi") -> str:
    """Body, date and § for meeting items; title and date otherwise; page when known."""
    date = finnish_date(chunk.date)
    if chunk.section and chunk.body:
        label = " ".join(p for p in (chunk.body, date, f"§ {chunk.section}") if p)
    elif chunk.section:
        label = ", ".join(
            p
            for p in (chunk.title, f"{date} § {chunk.section}" if date else f"§ {chunk.section}")
            if p
        )
    else:
        label = ", ".join(p for p in (chunk.title, date) if p)
    if chunk.page is not None:
        label += f", {message('page', language)} {chunk.page}"
    return label
