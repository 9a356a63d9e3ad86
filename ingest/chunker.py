"""Structure-aware chunking: a chunk stays inside one page/heading block and one § item part.

Sentences are never cut; neighbouring chunks share up to `overlap_chars` of whole sentences so
a fact at a boundary is still found with its context.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rag.core.documents import Chunk, LoadedDocument, MinutesItem
from rag.core.language import detect_language
from rag.core.sentences import is_list_item, split_sentences, text_blocks


@dataclass
class _Span:
    """A stretch of the document text that a chunk must not cross."""

    start: int
    end: int
    item: MinutesItem | None = None
    part: str | None = None
    heading: str | None = None


def document_text(doc: LoadedDocument) -> tuple[str, list[int], list[str | None]]:
    """The document's text with the start offset and heading of every segment."""
    parts: list[str] = []
    offsets: list[int] = []
    headings: list[str | None] = []
    pos = 0
    for seg in doc.segments:
        offsets.append(pos)
        headings.append(seg.heading)
        parts.append(seg.text)
        pos += len(seg.text) + 2
    return "\n\n".join(parts), offsets, headings


def page_offsets(doc: LoadedDocument) -> list[int] | None:
    """Start offset of every page, when the document is paged (PDF)."""
    if not doc.segments or any(s.page is None for s in doc.segments):
        return None
    _, offsets, _ = document_text(doc)
    return offsets


def _cut_long_sentence(sentence: str, max_chars: int) -> tuple[list[str], str]:
    """Cut pieces of at most max_chars off a long sentence at spaces; return them and the rest.

    Works with positions in the one string: slicing off the rest after every cut copied the
    remaining text each time, which is quadratic for a page-long run without sentence ends.
    """
    heads: list[str] = []
    start, end = 0, len(sentence)
    while end - start > max_chars:
        space = sentence.rfind(" ", start, start + max_chars)
        cut = space - start if space >= 0 else -1
        cut = cut if cut > max_chars // 2 else max_chars
        heads.append(sentence[start : start + cut].strip())
        start += cut
        while start < end and sentence[start].isspace():  # the rest, stripped
            start += 1
        while end > start and sentence[end - 1].isspace():
            end -= 1
    return heads, sentence[start:end]


def pack_sentences(
    sentences: list[str],
    max_chars: int,
    overlap_chars: int,
    block_starts: set[int] | None = None,
) -> list[str]:
    """Greedily pack sentences into pieces of at most max_chars, with sentence overlap.

    A sentence whose index is in `block_starts` began a paragraph, heading or list item in
    the document: it is joined with a line break, so an answer never reads a heading as the
    start of the next sentence.
    """
    starts = block_starts or set()
    pieces: list[str] = []
    current: list[tuple[int, str]] = []
    size = 0

    def joined(parts: list[tuple[int, str]]) -> str:
        text = parts[0][1]
        for index, sentence in parts[1:]:
            text += ("\n" if index in starts else " ") + sentence
        return text

    for index, sentence in enumerate(sentences):
        # A single sentence longer than a chunk is cut at word boundaries.
        if len(sentence) > max_chars:
            heads, sentence = _cut_long_sentence(sentence, max_chars)
            if current:
                pieces.append(joined(current))
                current, size = [], 0
            pieces.extend(heads)
        if current and size + len(sentence) + 1 > max_chars:
            pieces.append(joined(current))
            carry: list[tuple[int, str]] = []
            carried = 0
            for previous in reversed(current):
                if carried + len(previous[1]) > overlap_chars:
                    break
                carry.insert(0, previous)
                carried += len(previous[1]) + 1
            current, size = carry, carried
        current.append((index, sentence))
        size += len(sentence) + 1
    if current:
        pieces.append(joined(current))
    return pieces


def sentences_with_blocks(text: str) -> tuple[list[str], set[int]]:
    """The text's sentences and the indexes of those that begin a block (paragraph, line)."""
    sentences: list[str] = []
    starts: set[int] = set()
    for block in text_blocks(text):
        for n, sentence in enumerate(split_sentences(block)):
            if n == 0 or is_list_item(sentence):  # each list item on a line of its own
                starts.add(len(sentences))
            sentences.append(sentence)
    return sentences, starts


def _spans(
    text: str, seg_offsets: list[int], headings: list[str | None], items: list[MinutesItem]
) -> list[_Span]:
    """Cut the text at segment boundaries and, for minutes, at item and item-part boundaries."""
    cuts: dict[int, tuple[MinutesItem | None, str | None]] = {}
    for minutes_item in items:
        cuts[minutes_item.start] = (minutes_item, "preparation")
        for item_part in minutes_item.parts:
            cuts[minutes_item.start + item_part.start] = (minutes_item, item_part.kind)
        cuts.setdefault(minutes_item.end, (None, None))
    boundaries = sorted(set(seg_offsets) | set(cuts) | {len(text)})
    spans: list[_Span] = []
    item: MinutesItem | None = None
    part: str | None = None
    for start, end in zip(boundaries, boundaries[1:], strict=False):
        if start in cuts:
            item, part = cuts[start]
        if item is not None and start >= item.end:
            item, part = None, None
        seg_index = bisect.bisect_right(seg_offsets, start) - 1
        heading = headings[seg_index] if seg_index >= 0 else None
        if text[start:end].strip():
            spans.append(_Span(start, end, item, part, heading))
    return spans


def chunk_document(
    doc: LoadedDocument,
    items: list[MinutesItem],
    max_chars: int = 1000,
    overlap_chars: int = 150,
    doc_language: str | None = None,
) -> list[Chunk]:
    """Split a loaded document into citable chunks that respect its structure."""
    text, seg_offsets, headings = document_text(doc)
    pages = [s.page for s in doc.segments]
    ocr = [s.ocr_confidence for s in doc.segments]
    language = doc_language or doc.language or detect_language(text[:4000])
    chunks: list[Chunk] = []
    for span in _spans(text, seg_offsets, headings, items):
        seg_index = bisect.bisect_right(seg_offsets, span.start) - 1
        page = pages[seg_index] if seg_index >= 0 else None
        sentences, starts = sentences_with_blocks(text[span.start : span.end])
        for piece in pack_sentences(sentences, max_chars, overlap_chars, starts):
            item = span.item
            chunk_language = (
                detect_language(piece, default=language) if len(piece) > 200 else language
            )
            chunks.append(
                Chunk(
                    chunk_id=f"{doc.doc_id}:{len(chunks)}",
                    doc_id=doc.doc_id,
                    index=len(chunks),
                    text=piece,
                    language=chunk_language,
                    title=doc.title,
                    page=page,
                    heading=span.heading,
                    section=item.section if item else None,
                    item_title=item.title if item else None,
                    part=span.part if item else None,
                    body=(item.body if item and item.body else doc.extra.get("body")),
                    date=(item.date if item and item.date else doc.date),
                    record_number=item.record_number if item else None,
                    kind=doc.kind,
                    url=doc.url,
                    access=doc.access,
                    ocr_confidence=ocr[seg_index] if seg_index >= 0 else None,
                )
            )
    return chunks
