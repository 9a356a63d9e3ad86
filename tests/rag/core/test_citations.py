"""Citation labels read the way the city cites."""

from __future__ import annotations

from rag.core.citations import citation_label, finnish_date
from rag.core.documents import Chunk


def _chunk(**meta: object) -> Chunk:
    return Chunk(
        chunk_id="d:0", doc_id="d", index=0, text="t", language="fi", title="Otsikko", **meta
    )  # type: ignore[arg-type]


def test_finnish_date() -> None:
    assert finnish_date("2024-01-22") == "22.1.2024"
    assert finnish_date(None) is None


def test_minutes_item_with_page() -> None:
    chunk = _chunk(body="Kaupunginhallitus", date="2024-01-22", section="25", page=3)
    assert citation_label(chunk, "fi") == "Kaupunginhallitus 22.1.2024 § 25, s. 3"
    assert citation_label(chunk, "en") == "Kaupunginhallitus 22.1.2024 § 25, p. 3"


def test_swedish_body_without_page() -> None:
    chunk = _chunk(body="Stadsstyrelsen", date="2025-12-15", section="4")
    assert citation_label(chunk, "sv") == "Stadsstyrelsen 15.12.2025 § 4"


def test_plain_document() -> None:
    assert citation_label(_chunk(date="2025-10-20"), "fi") == "Otsikko, 20.10.2025"
    assert citation_label(_chunk(), "fi") == "Otsikko"
