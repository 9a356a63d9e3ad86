"""Chunking keeps sentences whole, stays inside pages and § items, and carries citation data."""

from __future__ import annotations

from ingest.chunker import chunk_document, pack_sentences, sentences_with_blocks
from rag.core.documents import LoadedDocument, MinutesItem, MinutesItemPart, Segment
from rag.core.sentences import split_sentences


def test_sentences_respect_dates_sections_and_abbreviations() -> None:
    text = (
        "Kaupunginhallitus hyväksyi ohjelman 22.1.2024 § 25. Se on voimassa vuoteen 2026. "
        "Esim. verkkopalvelut ovat tärkeitä!\n\n • ensimmäinen kohta\n • toinen kohta"
    )
    assert split_sentences(text) == [
        "Kaupunginhallitus hyväksyi ohjelman 22.1.2024 § 25.",
        "Se on voimassa vuoteen 2026.",
        "Esim. verkkopalvelut ovat tärkeitä!",
        "• ensimmäinen kohta",
        "• toinen kohta",
    ]
    swedish = "Stadsstyrelsen beslöt bl.a. att godkänna programmet. Beslutet fattades 15.12.2025."
    assert len(split_sentences(swedish)) == 2


def test_pack_sentences_limits_size_and_overlaps() -> None:
    sentences = [f"Lause numero {i} kertoo jotain tärkeää asiasta." for i in range(40)]
    pieces = pack_sentences(sentences, max_chars=300, overlap_chars=100)
    assert len(pieces) > 5
    assert all(len(p) <= 300 for p in pieces)
    # Neighbouring pieces share their boundary sentence, so no fact is cut off from context.
    for first, second in zip(pieces, pieces[1:], strict=False):
        assert first.split(". ")[-1].rstrip(".") in second
    joined = " ".join(pieces)
    assert all(s in joined for s in sentences)


def test_overlong_sentence_is_cut_at_words() -> None:
    sentence = " ".join(["sana"] * 500)
    pieces = pack_sentences([sentence], max_chars=200, overlap_chars=50)
    assert all(len(p) <= 200 for p in pieces)
    assert sum(p.count("sana") for p in pieces) == 500


def _minutes_doc() -> tuple[LoadedDocument, list[MinutesItem]]:
    page1 = (
        "Kaupunginhallitus 22.01.2024 § 24\nTalousarvion seuranta.\nPäätös\nMerkittiin tiedoksi."
    )
    page2 = (
        "Kaupunginhallitus 22.01.2024 § 25\nDigiohjelma 2024–2026. "
        + "Valmistelu jatkuu. " * 80
        + "\nPäätös\nHyväksyttiin yksimielisesti."
    )
    doc = LoadedDocument(
        doc_id="kh",
        source_path="kh.pdf",
        title="Pöytäkirja",
        format="pdf",
        segments=[Segment(page1, page=1), Segment(page2, page=2)],
        language="fi",
    )
    start2 = len(page1) + 2
    decision1 = page1.index("Päätös")
    decision2 = page2.index("Päätös")
    items = [
        MinutesItem(
            body="Kaupunginhallitus",
            date="2024-01-22",
            section="24",
            start=0,
            end=len(page1),
            parts=[MinutesItemPart("decision", "", decision1)],
        ),
        MinutesItem(
            body="Kaupunginhallitus",
            date="2024-01-22",
            section="25",
            start=start2,
            end=start2 + len(page2),
            parts=[MinutesItemPart("decision", "", decision2)],
            record_number="1/00.01/2024",
            title="Digiohjelma 2024–2026",
        ),
    ]
    return doc, items


def test_chunks_never_span_two_sections_and_keep_pages_and_parts() -> None:
    doc, items = _minutes_doc()
    chunks = chunk_document(doc, items, max_chars=400, overlap_chars=80)
    assert {c.section for c in chunks} == {"24", "25"}
    for chunk in chunks:
        if chunk.section == "24":
            assert "§ 25" not in chunk.text and chunk.page == 1
        else:
            assert "§ 24" not in chunk.text and chunk.page == 2
            assert chunk.record_number == "1/00.01/2024"
    decisions = [c for c in chunks if c.part == "decision"]
    assert {c.section for c in decisions} == {"24", "25"}
    assert any("Hyväksyttiin" in c.text for c in decisions if c.section == "25")
    assert all(c.date == "2024-01-22" and c.body == "Kaupunginhallitus" for c in chunks)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_plain_document_chunks_per_heading_block() -> None:
    doc = LoadedDocument(
        doc_id="n",
        source_path="n.md",
        title="Uutinen",
        format="markdown",
        language="fi",
        segments=[
            Segment("Ensimmäinen osio kertoo asiasta.", heading="Alku"),
            Segment("Toinen osio kertoo muusta.", heading="Loppu"),
        ],
        date="2025-10-01",
    )
    chunks = chunk_document(doc, [], max_chars=1000, overlap_chars=100)
    assert [c.heading for c in chunks] == ["Alku", "Loppu"]
    assert all(c.section is None and c.page is None and c.date == "2025-10-01" for c in chunks)


def test_blocks_keep_headings_apart_and_wrapped_pdf_lines_together() -> None:
    from rag.core.sentences import text_blocks

    text = (
        "Porvoon kaupunki | Kaupunginhallitus | Pöytäkirja 3/2024\nTaustaa\n"
        "Kaupunginhallitus hyväksyi edellisen digiohjelman. Ohjelmakausi päättyi\n"
        "vuoden 2023 lopussa.\n\nRahoitus\n\nToimenpiteet toteutetaan talousarvion puitteissa."
    )
    assert text_blocks(text) == [
        "Porvoon kaupunki | Kaupunginhallitus | Pöytäkirja 3/2024",
        "Taustaa",
        "Kaupunginhallitus hyväksyi edellisen digiohjelman. Ohjelmakausi päättyi\n"
        "vuoden 2023 lopussa.",
        "Rahoitus",
        "Toimenpiteet toteutetaan talousarvion puitteissa.",
    ]
    sentences, starts = sentences_with_blocks(text)
    (piece,) = pack_sentences(sentences, 1000, 150, starts)
    assert piece.split("\n") == [
        "Porvoon kaupunki | Kaupunginhallitus | Pöytäkirja 3/2024",
        "Taustaa",
        "Kaupunginhallitus hyväksyi edellisen digiohjelman. Ohjelmakausi päättyi vuoden 2023 "
        "lopussa.",
        "Rahoitus",
        "Toimenpiteet toteutetaan talousarvion puitteissa.",
    ]
