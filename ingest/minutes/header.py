"""The header fields of one item: title, body, date, record number, preparer, document
type, from the item's header lines or what the document states once on top.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.minutes import patterns as P
from ingest.minutes.anchors import Anchor
from ingest.minutes.lines import Line, furniture_key, next_nonblank, prev_nonblank
from rag.core.documents import MinutesItem


@dataclass
class DocContext:
    """Body, date and type stated once at the top of a many-item document."""

    body: str | None = None
    date: str | None = None
    doc_type: str | None = None
    furniture: frozenset[str] = frozenset()  # keys of running page headers and footers


def doc_context(text: str, lines: list[Line]) -> DocContext:
    """What the top of the document states for all its items."""
    ctx = DocContext()
    if m := P.DOC_TYPE_RE.search(text[:1500]):
        ctx.doc_type = P.doc_type_word(m.group(1))
    for line in lines[:60]:
        s = line.s
        if not s:
            continue
        if hm := P.MEETING_HEADER_RE.match(s):
            ctx.body = ctx.body or hm.group("body")
            ctx.date = ctx.date or P.iso_date(hm.group("date"))
        elif (h := P.handling_line(s)) and h.date and P.is_body_line(h.body):
            ctx.body, ctx.date = ctx.body or h.body, ctx.date or h.date
        elif ctx.body is None and P.is_body_line(s):
            ctx.body = s
    return ctx


def _is_header_noise(s: str) -> bool:
    """Lines around an item header that are never its title."""
    return bool(
        P.NAV_LINE_RE.search(s)
        or s.startswith("![")
        or P.record_line(s)
        or P.handling_line(s)
        or P.CHECKED_MINUTES_RE.match(s)
        or P.PUBLISHED_AGENDA_RE.match(s)
        or P.MEETING_HEADER_RE.match(s)
        or P.SEPARATOR_RE.match(s)
    )


def _header_title(
    lines: list[Line], i0: int, hi: int, furniture: frozenset[str]
) -> tuple[str | None, int]:
    """The item title after header line i0, and the index of the line after it."""
    j = i0 + 1
    while j < min(hi, i0 + 30):
        s = lines[j].s
        if not s or _is_header_noise(s) or furniture_key(s) in furniture:
            j += 1
            continue
        hd = P.heading(s)
        if hd and hd[0] == "attachment":  # HSY lists attachments above the title
            while j < hi and lines[j].s:
                j += 1
            continue
        # Items are titled "Tiedoksi" or "Muutoksenhaku" too: such a word is a title here.
        if (hd and hd[0] != "other") or P.preparer_label(s):
            return None, j
        if sm := P.SECTION_LINE_RE.match(s):
            if sm.group("rest").strip():
                return sm.group("rest").strip(), j + 1
            j += 1
            continue
        return s, j + 1
    return None, j


def header_limit(lines: list[Line], lo: int, hi: int) -> int:
    """First line after an item's header zone: a heading, a preparer label or running text."""
    for j in range(lo, min(hi, lo + 40)):
        s = lines[j].s
        if s and (len(s) > 200 or P.heading(s) or P.preparer_label(s)):
            return j
    return min(hi, lo + 40)


def skip_header_lines(lines: list[Line], j: int, hi: int, item: MinutesItem) -> int:
    """Move past the record number and this meeting's handling line below a title."""
    while j < hi:
        s = lines[j].s
        if s and not (P.record_line(s) or P.NAV_LINE_RE.search(s)):
            h = P.handling_line(s)
            if h is None or (item.date and h.date and h.date != item.date):
                break
            if item.section and h.section and h.section != item.section:
                break
        j += 1
    return j


def _history_rows(text: str, start: int) -> list[re.Match[str]]:
    """The handling table at the top of an item: consecutive rows, the last is this meeting."""
    head = text[start : start + 1000]
    rows: list[re.Match[str]] = []
    for m in P.HISTORY_ROW_RE.finditer(head):
        if not rows and m.start() > 400:
            break
        # Cells between rows: the "Asia" column and table pipes.
        if rows and not re.fullmatch(r"[\s|\d]{0,14}", head[rows[-1].end() : m.start()]):
            break
        rows.append(m)
    return rows


def _title_after_rows(text: str, at: int) -> tuple[str | None, str | None]:
    """(title, record) of a handling-table layout: the title sits between the table and the
    record number (older Porvoo PDFs) or on the line after the record (Tweb)."""
    window = text[at : at + 400]
    found = [(m.start(), m.end(), m.group(0)) for rx in P.RECORD_RES if (m := rx.search(window))]
    if m := re.search(r"(?m)^\s*(\d{1,6}-\d{4})(?=\s*(?:\(|$))", window):
        found.append((m.start(1), m.end(1), m.group(1)))
    if not found:
        return None, None
    rec_start, rec_end, record = min(found)
    # Drop the rest of the last row (an "Asia" number, pipes) before the title.
    between = re.sub(r"^[\s|]*(?:\d{1,3}(?=[\s|]))?[\s|]*", "", window[:rec_start])
    title = P.squash(between.strip(" |"))
    if not title:
        after = window[rec_end:].split("\n")[1:]
        title = next((P.squash(t) for t in after if P.squash(t)), "")
    return title or None, record


def _protocol_title(text: str, m: re.Match[str]) -> str | None:
    """Title after the § number of a flattened protocol, up to the record or a heading."""
    window = text[m.end() : m.end() + 400]
    stop = re.search(r"\s(?:HEL\b|Päätös\b|Beslut\b|Päätösehdotus\b|Beslutsförslag\b)", window)
    return P.squash(window[: stop.start()] if stop else window.split(".")[0]) or None


def _title_before_heading(lines: list[Line], lo: int, hi: int) -> tuple[str | None, int]:
    """The line just above the first part heading (Helsinki pages without a case line)."""
    limit = header_limit(lines, lo, hi)
    j = prev_nonblank(lines, limit - 1, lo)
    while j is not None:
        s = lines[j].s
        if not (P.is_body_line(s) or P.record_line(s) or P.NAV_LINE_RE.search(s)):
            return s, limit
        j = prev_nonblank(lines, j - 1, lo) if j > lo else None
    return None, limit


def preparer(lines: list[Line], lo: int, hi: int) -> str | None:
    """The preparer's title and name from the best preparer label of the item."""
    best: tuple[int, str] | None = None
    for j in range(lo, hi):
        found = P.preparer_label(lines[j].s)
        if found is None or (best is not None and found[0] >= best[0]):
            continue
        rank, _explicit, rest = found
        person = P.clean_person(rest) if rest else None
        k: int | None = j
        while person is None and k is not None:  # the name is on the next line(s)
            k = next_nonblank(lines, k + 1, min(hi, j + 6))
            if k is None or P.heading(lines[k].s) or P.preparer_label(lines[k].s):
                break
            person = P.clean_person(lines[k].s)
        if person:
            best = (rank, person)
    if best:
        return best[1]
    # Tweb: "Kh § 161" followed by "<unit>, <title> <name> 24.4.2018:".
    for j in range(lo, hi):
        if lines[j].s and P.ABBR_HANDLING_RE.match(lines[j].s):
            k = next_nonblank(lines, j + 1, min(hi, j + 4))
            if k is not None and (m := P.TRAILING_DATE_COLON_RE.match(lines[k].s)):
                return m.group("who").split(",")[-1].strip() or None
    return None


def read_header(
    text: str,
    lines: list[Line],
    anchor: Anchor,
    item: MinutesItem,
    span: tuple[int, int],
    furniture: frozenset[str],
) -> int:
    """Fill the fields the item's header states; returns the line after the header."""
    lo, hi = span
    if anchor.kind == "case":
        t = next_nonblank(lines, anchor.line + 1, hi)
        if t is None:
            return anchor.line + 1
        item.title = lines[t].s
        b = next_nonblank(lines, t + 1, hi)
        if b is not None and P.is_body_line(lines[b].s):  # the body follows the title
            item.body, t = lines[b].s, b
        return t + 1
    if anchor.kind != "document":
        title, after = _header_title(lines, anchor.line, hi, furniture)
        item.title = item.title or title
        return after if item.title else anchor.line + 1
    # The whole text is one item: a handling table, a flattened protocol or a bare page.
    if rows := _history_rows(text, anchor.start):
        last = rows[-1]
        item.body, item.section = last.group("body"), last.group("num")
        item.date = P.iso_date(last.group("date1") or last.group("date2"))
        item.title, item.record_number = _title_after_rows(text, anchor.start + last.end())
        return lo
    if pm := P.PROTOCOL_HEADER_RE.search(text, anchor.start, min(item.end, anchor.start + 1500)):
        item.section, item.title, item.doc_type = (
            pm.group("num"),
            _protocol_title(text, pm),
            "minutes",
        )
        return lo
    item.title, after = _title_before_heading(lines, lo, hi)
    return after


def body_from_decision(item: MinutesItem) -> str | None:
    """'Kaupunginvaltuusto otti asian ...': the decision names the body when no header does."""
    words = (item.decision_text or "").split()
    return words[0] if words and P.BODY_WORD_RE.fullmatch(words[0]) else None


def body_near(text: str, start: int) -> str | None:
    """The first body name near the top of a flattened text (its title line)."""
    m = P.BODY_WORD_RE.search(text, start, start + 300)
    return m.group(0) if m else None


def stated_doc_type(lines: list[Line], lo: int, hi: int) -> str | None:
    """CloudNC states 'Pöytäkirja on tarkastettu' / 'Esityslista on julkaistu' on top."""
    for ln in lines[lo : min(hi, lo + 15)]:
        if P.CHECKED_MINUTES_RE.match(ln.s):
            return "minutes"
        if P.PUBLISHED_AGENDA_RE.match(ln.s):
            return "agenda"
    return None
