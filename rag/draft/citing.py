"""Numbered citations of one draft section: each stored chunk gets one [n], first come first."""

from __future__ import annotations

from dataclasses import replace

from rag.core.documents import Chunk
from rag.core.drafts import DraftCitation

QUOTES = {"fi": ("”", "”"), "sv": ("”", "”"), "en": ("“", "”")}


def quoted(text: str, language: str) -> str:
    """A verbatim quote in the language's quotation marks (table pipes escaped)."""
    left, right = QUOTES.get(language, QUOTES["en"])
    return f"{left}{text.strip()}{right}".replace("|", "\\|")


class CitationList:
    """Collects the chunks a section cites; ``cite`` returns the chunk's number."""

    def __init__(self) -> None:
        self.items: list[DraftCitation] = []
        self._numbers: dict[str, int] = {}

    def recite(self, citation: DraftCitation) -> int:
        """Cite a chunk another section already cites (its number here may differ)."""
        number = self._numbers.get(citation.chunk_id)
        if number is None:
            number = len(self.items) + 1
            self._numbers[citation.chunk_id] = number
            self.items.append(replace(citation, number=number))
        return number

    def cite(self, chunk: Chunk, quote: str) -> int:
        number = self._numbers.get(chunk.chunk_id)
        if number is not None:
            citation = self.items[number - 1]
            if quote not in citation.quote:  # keep every quoted passage of the chunk
                citation.quote = f"{citation.quote} … {quote}"
            return number
        number = len(self.items) + 1
        self._numbers[chunk.chunk_id] = number
        self.items.append(
            DraftCitation(
                number=number,
                chunk_id=chunk.chunk_id,
                doc_id=chunk.doc_id,
                title=chunk.title,
                date=chunk.date,
                section=chunk.section,
                page=chunk.page,
                url=chunk.url,
                body=chunk.body,
                quote=quote,
            )
        )
        return number
