"""Find the § items of meeting agendas and minutes and read their metadata and parts.

`parse_minutes` works on the plain text of one document: a single meeting item as published on
the web (Dynasty, CloudNC, Helsinki decision pages, Tweb) or a whole PDF of minutes with many
§ sections. Layout knowledge (regexes, Finnish and Swedish words, single-line classifiers) lives
in `ingest.minutes.patterns`. The work runs in stages, one module each: `lines` (the text as
lines, page headers and footers), `detect` (is it minutes at all), `anchors` (where each §
item starts), `header` (title, body, date, record, preparer) and `parts` (preparation,
proposal, decision, ...); this module assembles the items from them. It is deliberately
conservative: a text that does not show the structure of minutes (a news article quoting
"§ 25") gives no items.
"""

from __future__ import annotations

from ingest.minutes import patterns as P
from ingest.minutes.anchors import Anchor, find_anchors
from ingest.minutes.detect import looks_like
from ingest.minutes.header import (
    DocContext,
    body_from_decision,
    body_near,
    doc_context,
    header_limit,
    preparer,
    read_header,
    skip_header_lines,
    stated_doc_type,
)
from ingest.minutes.lines import (
    Line,
    furniture_key,
    is_flattened,
    line_index,
    next_nonblank,
    page_furniture,
    split_lines,
)
from ingest.minutes.parts import Event, build_parts, inline_events, line_events
from rag.core.documents import MinutesItem


def _item(
    text: str, lines: list[Line], anchor: Anchor, span: tuple[int, int, int], ctx: DocContext
) -> MinutesItem:
    """Read one item: lines lo..hi (exclusive) hold text[anchor.start:end]."""
    lo, hi, end = span
    item = MinutesItem(
        body=anchor.body,
        date=anchor.date,
        section=anchor.section,
        title=anchor.title,
        doc_type=anchor.doc_type,
        start=anchor.start,
        end=end,
    )
    header_end = read_header(text, lines, anchor, item, (lo, hi), ctx.furniture)
    flat = is_flattened(lines, lo, hi)
    limit = max(header_limit(lines, lo, hi), header_end)
    if item.record_number is None:
        item.record_number = next((r for ln in lines[lo:limit] if (r := P.record_line(ln.s))), None)
    if item.record_number is None and flat:
        found = [m for rx in P.RECORD_RES if (m := rx.search(text, item.start, item.start + 600))]
        if found:
            item.record_number = min(found, key=lambda m: m.start()).group(0)
    if item.body is None:
        item.body = next((ln.s for ln in lines[lo:limit] if P.is_body_line(ln.s)), None)
    if anchor.kind in ("section", "handling"):  # a PDF states body and date once, on top
        item.body = item.body or ctx.body
        item.date = item.date or ctx.date
    item.preparer = preparer(lines, lo, hi)
    if item.preparer is None and flat:
        m = P.INLINE_PREPARER_RE.search(text, item.start, min(end, item.start + 1500))
        item.preparer = P.clean_person(text[m.end() : m.end() + 200]) if m else None

    header_end = skip_header_lines(lines, header_end, hi, item)
    events = line_events(lines, header_end, hi, item)
    if flat:
        events += inline_events(text, item.start, end)
    # Text between the header and the first heading is the (unlabelled) preparation.
    first = min((e.offset for e in events), default=end)
    nb = next_nonblank(lines, header_end, hi)
    if nb is not None and lines[nb].start < first and len(text[lines[nb].start : first]) >= 80:
        events.append(Event(lines[nb].start, lines[nb].start, "preparation"))
    item.parts = build_parts(text, item, events, ctx.furniture)

    if item.body is None:
        item.body = body_from_decision(item) or body_near(text, item.start)
    if item.doc_type is None:
        item.doc_type = stated_doc_type(lines, lo, hi) or ctx.doc_type
    if item.doc_type is None and item.has_decision:
        item.doc_type = "minutes"  # only minutes record decisions
    return item


def _item_end(lines: list[Line], lo: int, hi: int, stop: int, furniture: frozenset[str]) -> int:
    """End offset of an item: before trailing blank, navigation and page-header lines."""
    j = hi - 1
    while j > lo and (
        not lines[j].s or P.NAV_LINE_RE.search(lines[j].s) or furniture_key(lines[j].s) in furniture
    ):
        j -= 1
    return min(stop, lines[j].end) if hi > lo else stop


def _pages(item: MinutesItem, page_offsets: list[int], text_len: int) -> list[int]:
    """1-based pages that the item's text touches."""
    pages = []
    for k, begin in enumerate(page_offsets):
        stop = page_offsets[k + 1] if k + 1 < len(page_offsets) else text_len
        if begin < item.end and stop > item.start:
            pages.append(k + 1)
    return pages


def parse_minutes(text: str, page_offsets: list[int] | None = None) -> list[MinutesItem]:
    """Every § item of an agenda or minutes text, in order; [] for any other kind of text.

    Items do not overlap: each runs from its header to the next item's header. A part's
    `start` is where its heading begins, relative to the item start; its `text` is the content
    without the heading word, so `decision_text` reads as the decision itself. With
    `page_offsets` (where each page starts, page 1 first) the items get their `pages`.
    """
    lines = split_lines(text)
    if not looks_like(text, lines):
        return []
    anchors = find_anchors(lines)
    if not anchors:
        first = next_nonblank(lines, 0)
        if first is None:
            return []
        anchors = [Anchor("document", first, lines[first].start)]
    ctx = doc_context(text, lines)
    ctx.furniture = page_furniture(lines, page_offsets or [], len(text))
    items = []
    for k, anchor in enumerate(anchors):
        lo = line_index(lines, anchor.start)
        nxt = anchors[k + 1].start if k + 1 < len(anchors) else len(text)
        hi = line_index(lines, nxt) if k + 1 < len(anchors) else len(lines)
        end = _item_end(lines, lo, hi, nxt, ctx.furniture)
        items.append(_item(text, lines, anchor, (lo, hi, end), ctx))
    if page_offsets:
        for item in items:
            item.pages = _pages(item, page_offsets, len(text))
    return items
