"""Find the § items of meeting agendas and minutes and read their metadata and parts.

`parse_minutes` works on the plain text of one document: a single meeting item as published on
the web (Dynasty, CloudNC, Helsinki decision pages, Tweb) or a whole PDF of minutes with many
§ sections. Layout knowledge (regexes, Finnish and Swedish words, single-line classifiers) lives
in `ingest.minutes.patterns`; this module decides where items start and end and which text goes
to which field. It is deliberately conservative: a text that does not show the structure of
minutes (a news article quoting "§ 25") gives no items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import cast

from ingest.minutes import patterns as P
from rag.core.documents import ItemPart, MinutesItem, MinutesItemPart

# --- lines --------------------------------------------------------------------------------


@dataclass
class _Line:
    """One line of the text with its offsets and a cleaned copy for matching."""

    start: int
    end: int  # offset after the last character, newline excluded
    s: str  # without surrounding spaces and bullets; no-break spaces read as spaces
    lead: int = 0  # offset of s[0] from the line start


# Stripped around a line: spaces, no-break and zero-width spaces, list bullets.
_EDGE = " \t\r\xa0\u200b\ufeff•▪◦·*"


def _split_lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        body = raw.lstrip(_EDGE)
        s = body.rstrip(_EDGE).replace("\xa0", " ")
        lines.append(_Line(pos, pos + len(raw), s, len(raw) - len(body)))
        pos += len(raw) + 1
    return lines


def _next_nonblank(lines: list[_Line], i: int, limit: int | None = None) -> int | None:
    stop = len(lines) if limit is None else min(len(lines), limit)
    return next((j for j in range(i, stop) if lines[j].s), None)


def _prev_nonblank(lines: list[_Line], i: int, lo: int = 0) -> int | None:
    return next((j for j in range(min(i, len(lines) - 1), lo - 1, -1) if lines[j].s), None)


def _line_index(lines: list[_Line], offset: int) -> int:
    """Index of the line holding `offset` (binary search over line starts)."""
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


# --- anchors: where items start -----------------------------------------------------------


@dataclass
class _Anchor:
    """The header line of an item and what it states."""

    kind: str  # dynasty | case | section | handling | document
    line: int
    start: int  # the item starts here (may be above the header line)
    section: str | None = None
    date: str | None = None
    body: str | None = None
    doc_type: str | None = None
    title: str | None = None


def _dynasty_anchor(lines: list[_Line], i: int) -> _Anchor | None:
    """'Pöytäkirja 04.12.2023/Pykälä 303' with the body on the line above."""
    m = P.DYNASTY_HEADER_RE.match(lines[i].s)
    if not m:
        return None
    anchor = _Anchor("dynasty", i, lines[i].start, date=P.iso_date(m.group("date")))
    anchor.doc_type = P.doc_type_word(m.group("doctype"))
    # "Asianro 7" is the position on the agenda, not a § number.
    if m.group("kind").casefold() in P.SECTION_KINDS:
        anchor.section = m.group("num")
    anchor.title = m.group("rest").strip(" .:-") or None  # a title glued to the number
    j = _prev_nonblank(lines, i - 1, max(0, i - 3))
    if j is not None and len(lines[j].s) <= 80 and not any(c.isdigit() for c in lines[j].s):
        anchor.body = lines[j].s
        anchor.start = lines[j].start
    return anchor


def _section_anchor(lines: list[_Line], i: int) -> _Anchor | None:
    """'§ 412 Title' / '§ 198' / '141 § Title', with a CloudNC meeting header above."""
    m = P.SECTION_LINE_RE.match(lines[i].s)
    if not m:
        return None
    rest = m.group("rest").strip()
    # "§ 5 mom." or "22 §:n mukaan" are references in prose, not item headers.
    if rest and not (rest[0].isupper() or rest[0] in '"”«“'):
        return None
    anchor = _Anchor("section", i, lines[i].start, section=m.group("num1") or m.group("num2"))
    anchor.title = rest or None
    j, seen = i - 1, 0
    while j >= 0 and seen < 3:
        s = lines[j].s
        if s:
            seen += 1
            if hm := P.MEETING_HEADER_RE.match(s):
                anchor.body, anchor.date = hm.group("body"), P.iso_date(hm.group("date"))
                anchor.start = lines[j].start
                break
            if P.CHECKED_MINUTES_RE.match(s):
                anchor.doc_type = "minutes"
            elif P.PUBLISHED_AGENDA_RE.match(s):
                anchor.doc_type = "agenda"
            else:
                break
        j -= 1
    return anchor


def _case_anchor(lines: list[_Line], i: int) -> _Anchor | None:
    """Helsinki 'Ärende 2. / 20 §', preceded by the record number and the case heading."""
    m = P.CASE_LINE_RE.match(lines[i].s)
    if not m:
        return None
    anchor = _Anchor("case", i, lines[i].start, section=m.group("num"))
    j = _prev_nonblank(lines, i - 1, max(0, i - 4))
    while j is not None and (P.record_line(lines[j].s) or P.NAV_LINE_RE.search(lines[j].s)):
        anchor.start = lines[j].start
        k = _prev_nonblank(lines, j - 1, max(0, j - 3))
        if k is not None and len(lines[k].s) <= 300:
            if not (P.record_line(lines[k].s) or P.NAV_LINE_RE.search(lines[k].s)):
                anchor.start = lines[k].start  # the case heading
                break
        j = k
    return anchor


def _find_anchors(lines: list[_Line]) -> list[_Anchor]:
    """Item headers in document order, from the strongest layout present."""
    dynasty, cases, sections, handlings = [], [], [], []
    for i, line in enumerate(lines):
        if not line.s:
            continue
        if a := _dynasty_anchor(lines, i):
            dynasty.append(a)
        elif a := _case_anchor(lines, i):
            cases.append(a)
        elif a := _section_anchor(lines, i):
            sections.append(a)
        elif (h := P.handling_line(line.s)) and h.date and h.section:
            handlings.append(_Anchor("handling", i, line.start, h.section, h.date, h.body))
    # A web page carries one header per item; § lines inside it belong to that item.
    if dynasty:
        return dynasty
    if cases:
        return cases
    if handlings:
        # Handling lines of earlier meetings ("Kunnanhallitus 12.02.2024 § 50") are an
        # item's history, not new items: keep the meeting's own date.
        dated = [a.date for a in sections + handlings if a.date]
        stated = [a.date for a in sections if a.date]  # a CloudNC header names the meeting
        meeting_date = Counter(stated or dated).most_common(1)[0][0]
        handlings = [a for a in handlings if a.date == meeting_date]
    candidates = sorted(sections + handlings, key=lambda a: a.line)
    return _ordered_sections(lines, candidates)


def _ordered_sections(lines: list[_Line], candidates: list[_Anchor]) -> list[_Anchor]:
    """One anchor per § in increasing order: merge, drop contents lists and quotations."""
    # "§ 88" followed by "Kaupunginhallitus 04.03.2024 § 88" head one item.
    groups: list[list[_Anchor]] = []
    for a in candidates:
        if groups and groups[-1][0].section == a.section:
            groups[-1].append(a)
        else:
            groups.append([a])
    size = []  # lines of text under each group, its own header lines not counted
    for k, group in enumerate(groups):
        nxt = groups[k + 1][0].line if k + 1 < len(groups) else len(lines)
        size.append(sum(1 for ln in lines[group[0].line : nxt] if ln.s) - len(group))
    # Runs of § lines with (almost) no text between them are a list of contents.
    bare = [size[k] <= 1 and k + 1 < len(groups) for k in range(len(groups))]
    keep = [
        k
        for k in range(len(groups))
        if not (bare[k] and ((k > 0 and bare[k - 1]) or (k + 1 < len(groups) and bare[k + 1])))
    ]
    # A § found twice (the contents list, then the item) is the occurrence with most text.
    best: dict[str | None, int] = {}
    for k in keep:
        section = groups[k][0].section
        if section not in best or size[k] > size[best[section]]:
            best[section] = k
    merged: list[_Anchor] = []
    for k in keep:
        if best[groups[k][0].section] != k:
            continue
        anchor = groups[k][0]
        for other in groups[k][1:]:
            for name in ("date", "body", "doc_type", "title"):
                if getattr(anchor, name) is None:
                    setattr(anchor, name, getattr(other, name))
        # Sections grow through a meeting; a smaller number is a quotation ("§ 5 Tehtävät").
        if merged and _num(anchor.section) <= _num(merged[-1].section):
            continue
        merged.append(anchor)
    return merged


def _num(section: str | None) -> int:
    return int(section) if section and section.isdigit() else -1


# --- is the text minutes at all? ----------------------------------------------------------


@dataclass
class _Evidence:
    """Signs of agenda/minutes structure found in a text."""

    strong: int = 0  # item headers of a known layout
    weak: int = 0  # headings, record numbers, preparer labels, § title lines
    kinds: frozenset[str] = frozenset()  # kinds of the part headings seen
    other_signs: int = 0  # weak signs that are not part headings


def _evidence(text: str, lines: list[_Line]) -> _Evidence:
    """Count the signs of minutes structure in the whole text."""
    strong = 0
    kinds: set[str] = set()
    sections = records = preparers = checked = 0
    meeting_header = False
    for i, line in enumerate(lines):
        s = line.s
        if not s:
            continue
        if P.DYNASTY_HEADER_RE.match(s):
            strong += 2
        elif P.CASE_LINE_RE.match(s):
            strong += 1
        elif P.MEETING_HEADER_RE.match(s):
            meeting_header = True
        elif (h := P.handling_line(s)) and h.section and (h.date or P.is_body_line(h.body)):
            strong += 1
        elif (a := _section_anchor(lines, i)) and a.title:
            sections += 1
        records += bool(P.record_line(s))
        if (hd := P.heading(s)) is not None:
            kinds.add(hd[0])
        elif (label := P.preparer_label(s)) is not None and label[1]:
            preparers += 1
        checked += bool(P.CHECKED_MINUTES_RE.match(s) or P.PUBLISHED_AGENDA_RE.match(s))
    if meeting_header and sections:
        strong += 1
    head = text[:1500]
    rows = list(P.HISTORY_ROW_RE.finditer(head[:1000]))
    if rows and rows[0].start() < 400 and (len(rows) >= 2 or records):
        strong += 1
    if P.PROTOCOL_HEADER_RE.search(head):
        strong += 1
    if not records and any(rx.search(head) for rx in P.RECORD_RES):
        records = 1
    if any(ln.end - ln.start > 800 for ln in lines):
        # A PDF flattened to long lines: its headings run inline ("... Beslut Behandling ...").
        for m in P.INLINE_HEADING_RE.finditer(text, 0, 4000):
            kinds.add("decision" if m.group("label") in P.DECISION_WORDS else "proposal")
    other = min(sections, 1) + min(records, 1) + min(preparers, 1) + min(checked, 1)
    return _Evidence(strong, other + len(kinds), frozenset(kinds), other)


def _looks_like(text: str, lines: list[_Line]) -> bool:
    ev = _evidence(text, lines)
    if ev.strong and 2 * ev.strong + ev.weak >= 3:
        return True
    # Without an item header, a decision heading plus one more sign (a "Käsittely" heading, a
    # record number, ...). "Ehdotus" + "Perustelut" alone is also how citizen proposals look.
    return "decision" in ev.kinds and (ev.other_signs >= 1 or "other" in ev.kinds)


def looks_like_minutes(text: str) -> bool:
    """True when the text has the structure of an agenda or minutes (not just a § mention)."""
    return _looks_like(text, _split_lines(text))


# --- header fields of one item ------------------------------------------------------------


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
    lines: list[_Line], i0: int, hi: int, furniture: frozenset[str]
) -> tuple[str | None, int]:
    """The item title after header line i0, and the index of the line after it."""
    j = i0 + 1
    while j < min(hi, i0 + 30):
        s = lines[j].s
        if not s or _is_header_noise(s) or _furniture_key(s) in furniture:
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


def _header_limit(lines: list[_Line], lo: int, hi: int) -> int:
    """First line after an item's header zone: a heading, a preparer label or running text."""
    for j in range(lo, min(hi, lo + 40)):
        s = lines[j].s
        if s and (len(s) > 200 or P.heading(s) or P.preparer_label(s)):
            return j
    return min(hi, lo + 40)


def _skip_header_lines(lines: list[_Line], j: int, hi: int, item: MinutesItem) -> int:
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


def _title_before_heading(lines: list[_Line], lo: int, hi: int) -> tuple[str | None, int]:
    """The line just above the first part heading (Helsinki pages without a case line)."""
    limit = _header_limit(lines, lo, hi)
    j = _prev_nonblank(lines, limit - 1, lo)
    while j is not None:
        s = lines[j].s
        if not (P.is_body_line(s) or P.record_line(s) or P.NAV_LINE_RE.search(s)):
            return s, limit
        j = _prev_nonblank(lines, j - 1, lo) if j > lo else None
    return None, limit


def _preparer(lines: list[_Line], lo: int, hi: int) -> str | None:
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
            k = _next_nonblank(lines, k + 1, min(hi, j + 6))
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
            k = _next_nonblank(lines, j + 1, min(hi, j + 4))
            if k is not None and (m := P.TRAILING_DATE_COLON_RE.match(lines[k].s)):
                return m.group("who").split(",")[-1].strip() or None
    return None


# --- parts --------------------------------------------------------------------------------


@dataclass
class _Event:
    """A part boundary: where the part (its heading) begins and where its text begins."""

    offset: int
    content: int
    kind: str


def _attachment_end(lines: list[_Line], i: int, hi: int) -> int:
    """Line index after the attachment list headed on line i (ends at a blank line)."""
    hd = P.heading(lines[i].s)
    entries = int(bool(hd and hd[1] < len(lines[i].s)))
    j = i + 1
    while j < hi:
        s = lines[j].s
        if not s:
            nxt = _next_nonblank(lines, j, hi)
            more = nxt is not None and re.match(r"^(Liite|Bilaga|\d+[.)]?\s)", lines[nxt].s)
            if entries and not more:
                return j
        elif P.heading(s) or len(s) > 150:
            return j
        else:
            entries += 1
        j += 1
    return hi


def _is_presenter_heading(lines: list[_Line], i: int, hi: int) -> bool:
    """'Kaupunginjohtaja' alone on a line, followed by 'Kaupunginhallitus päättää ...'."""
    if not P.PRESENTER_LINE_RE.match(lines[i].s):
        return False
    j = _next_nonblank(lines, i + 1, min(hi, i + 4))
    words = lines[j].s.split() if j is not None else []
    return len(words) >= 2 and bool(P.BODY_WORD_RE.fullmatch(words[0])) and words[1][0].islower()


def _line_events(lines: list[_Line], lo: int, hi: int, item: MinutesItem) -> list[_Event]:
    """Part boundaries from heading lines, skipping the headings of earlier handlings."""
    events: list[_Event] = []
    history = False
    j = lo
    while j < hi:
        line, j = lines[j], j + 1
        s = line.s
        if not s:
            continue
        if P.SEPARATOR_RE.match(s):  # CloudNC closes an earlier handling with "_____"
            history = False
            continue
        if (h := P.handling_line(s)) is not None:
            history = bool(
                (item.date and h.date and h.date != item.date)
                or (item.section and h.section and h.section != item.section)
            )
            if history and (not events or events[-1].kind != "preparation"):
                events.append(_Event(line.start, line.start, "preparation"))
            continue
        if history:
            continue  # the proposal and decision of an earlier meeting are background here
        if (hd := P.heading(s)) is not None:
            kind, at = hd
            content = line.end if at >= len(s) else line.start + line.lead + at
            events.append(_Event(line.start, content, kind))
            if kind == "attachment":
                end = _attachment_end(lines, j - 1, hi)
                resume = _next_nonblank(lines, end, hi)
                if resume is not None and not P.heading(lines[resume].s):
                    # Text after the list continues the part that came before it.
                    before = next((e.kind for e in reversed(events[:-1])), "preparation")
                    offset = lines[resume].start
                    events.append(_Event(offset, offset, before))
                j = max(j, end)
        elif _is_presenter_heading(lines, j - 1, hi):
            nxt = _next_nonblank(lines, j, hi)
            events.append(_Event(line.start, lines[nxt].start if nxt else line.end, "proposal"))
        elif P.preparer_label(s) is not None:
            events.append(_Event(line.start, line.start, "preparation"))
    return events


def _inline_events(text: str, lo: int, hi: int) -> list[_Event]:
    """Part boundaries in a flattened PDF text, where the headings run inline."""
    events = []
    for m in P.INLINE_HEADING_RE.finditer(text, lo, hi):
        kind = "decision" if m.group("label") in P.DECISION_WORDS else "proposal"
        content = m.end()
        while content < hi and text[content] in " :\t":
            content += 1
        events.append(_Event(m.start(), content, kind))
    return events


def _build_parts(
    text: str, item: MinutesItem, events: list[_Event], furniture: frozenset[str]
) -> list[MinutesItemPart]:
    """Parts with their text from the boundaries; neighbouring parts of one kind merge."""
    events = sorted((e for e in events if e.offset < item.end), key=lambda e: e.offset)
    resolved: list[_Event] = []
    for k, e in enumerate(events):
        kind = e.kind
        if kind == "presenter":
            # "Esittelijä N.N." under "Ehdotus", or followed by the proposal text, belongs to
            # the proposal; alone among the preparer lines it only names the presenter.
            nxt = events[k + 1] if k + 1 < len(events) else None
            short = len(text[e.content : nxt.offset if nxt else item.end].strip()) < 150
            near_proposal = (resolved and resolved[-1].kind == "proposal") or (
                nxt is not None and nxt.kind == "proposal"
            )
            kind = "proposal" if near_proposal or not short else "preparation"
        if not resolved or resolved[-1].kind != kind:
            resolved.append(_Event(e.offset, e.content, kind))
    parts = []
    for k, e in enumerate(resolved):
        end = resolved[k + 1].offset if k + 1 < len(resolved) else item.end
        body = P.SEPARATOR_RE.sub("", text[e.content : end].rstrip())
        if furniture:  # running page headers and footers are not part of the text
            kept = body.split("\n")
            body = "\n".join(t for t in kept if _furniture_key(t.strip(_EDGE)) not in furniture)
        body = re.sub(r"[ \t\xa0]+\n", "\n", body)
        body = re.sub(r"\n{3,}", "\n\n", body).strip()
        part_kind = cast(ItemPart, e.kind)
        parts.append(MinutesItemPart(kind=part_kind, text=body, start=e.offset - item.start))
    return parts


# --- items --------------------------------------------------------------------------------


@dataclass
class _DocContext:
    """Body, date and type stated once at the top of a many-item document."""

    body: str | None = None
    date: str | None = None
    doc_type: str | None = None
    furniture: frozenset[str] = frozenset()  # keys of running page headers and footers


def _doc_context(text: str, lines: list[_Line]) -> _DocContext:
    ctx = _DocContext()
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


def _furniture_key(line: str) -> str:
    """Compare form of a page header line: page numbers and dates do not matter."""
    return re.sub(r"\d+", "#", P.squash(line)).casefold()


def _page_furniture(lines: list[_Line], page_offsets: list[int], text_len: int) -> frozenset[str]:
    """Running headers and footers: lines at the top or bottom of pages that repeat."""
    if len(page_offsets) < 2:
        return frozenset()
    counts: Counter[str] = Counter()
    for k, begin in enumerate(page_offsets):
        stop = page_offsets[k + 1] if k + 1 < len(page_offsets) else text_len
        lo, hi = _line_index(lines, begin), _line_index(lines, max(begin, stop - 1)) + 1
        filled = [ln.s for ln in lines[lo:hi] if ln.s]
        edges = set(filled[:3] + filled[-2:])
        # Item headers ("§ 88", headings) repeat at page tops too but are structure, and
        # a header or footer is not a sentence.
        counts.update(
            {
                _furniture_key(s)
                for s in edges
                if len(s) <= 120
                and "§" not in s
                and not s.endswith(".")
                and not P.heading(s)
                and not P.DYNASTY_HEADER_RE.match(s)
            }
        )
    # A running header is on (nearly) every page; a line that merely ends a few pages by
    # chance is text.
    needed = max(2, len(page_offsets) // 2)
    return frozenset(key for key, n in counts.items() if n >= needed)


def _is_flattened(lines: list[_Line], lo: int, hi: int) -> bool:
    """A PDF whose text came out as a few very long lines (headings then run inline)."""
    longest = max((ln.end - ln.start for ln in lines[lo:hi]), default=0)
    total = lines[hi - 1].end - lines[lo].start if hi > lo else 0
    return longest > 800 and longest > 0.5 * total


def _read_header(
    text: str,
    lines: list[_Line],
    anchor: _Anchor,
    item: MinutesItem,
    span: tuple[int, int],
    furniture: frozenset[str],
) -> int:
    """Fill the fields the item's header states; returns the line after the header."""
    lo, hi = span
    if anchor.kind == "case":
        t = _next_nonblank(lines, anchor.line + 1, hi)
        if t is None:
            return anchor.line + 1
        item.title = lines[t].s
        b = _next_nonblank(lines, t + 1, hi)
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


def _item(
    text: str, lines: list[_Line], anchor: _Anchor, span: tuple[int, int, int], ctx: _DocContext
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
    header_end = _read_header(text, lines, anchor, item, (lo, hi), ctx.furniture)
    flat = _is_flattened(lines, lo, hi)
    limit = max(_header_limit(lines, lo, hi), header_end)
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
    item.preparer = _preparer(lines, lo, hi)
    if item.preparer is None and flat:
        m = P.INLINE_PREPARER_RE.search(text, item.start, min(end, item.start + 1500))
        item.preparer = P.clean_person(text[m.end() : m.end() + 200]) if m else None

    header_end = _skip_header_lines(lines, header_end, hi, item)
    events = _line_events(lines, header_end, hi, item)
    if flat:
        events += _inline_events(text, item.start, end)
    # Text between the header and the first heading is the (unlabelled) preparation.
    first = min((e.offset for e in events), default=end)
    nb = _next_nonblank(lines, header_end, hi)
    if nb is not None and lines[nb].start < first and len(text[lines[nb].start : first]) >= 80:
        events.append(_Event(lines[nb].start, lines[nb].start, "preparation"))
    item.parts = _build_parts(text, item, events, ctx.furniture)

    if item.body is None:
        item.body = _body_from_decision(item) or _body_near(text, item.start)
    if item.doc_type is None:
        item.doc_type = _stated_doc_type(lines, lo, hi) or ctx.doc_type
    if item.doc_type is None and item.has_decision:
        item.doc_type = "minutes"  # only minutes record decisions
    return item


def _body_from_decision(item: MinutesItem) -> str | None:
    """'Kaupunginvaltuusto otti asian ...': the decision names the body when no header does."""
    words = (item.decision_text or "").split()
    return words[0] if words and P.BODY_WORD_RE.fullmatch(words[0]) else None


def _body_near(text: str, start: int) -> str | None:
    """The first body name near the top of a flattened text (its title line)."""
    m = P.BODY_WORD_RE.search(text, start, start + 300)
    return m.group(0) if m else None


def _stated_doc_type(lines: list[_Line], lo: int, hi: int) -> str | None:
    """CloudNC states 'Pöytäkirja on tarkastettu' / 'Esityslista on julkaistu' on top."""
    for ln in lines[lo : min(hi, lo + 15)]:
        if P.CHECKED_MINUTES_RE.match(ln.s):
            return "minutes"
        if P.PUBLISHED_AGENDA_RE.match(ln.s):
            return "agenda"
    return None


def _item_end(lines: list[_Line], lo: int, hi: int, stop: int, furniture: frozenset[str]) -> int:
    """End offset of an item: before trailing blank, navigation and page-header lines."""
    j = hi - 1
    while j > lo and (
        not lines[j].s
        or P.NAV_LINE_RE.search(lines[j].s)
        or _furniture_key(lines[j].s) in furniture
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
    lines = _split_lines(text)
    if not _looks_like(text, lines):
        return []
    anchors = _find_anchors(lines)
    if not anchors:
        first = _next_nonblank(lines, 0)
        if first is None:
            return []
        anchors = [_Anchor("document", first, lines[first].start)]
    ctx = _doc_context(text, lines)
    ctx.furniture = _page_furniture(lines, page_offsets or [], len(text))
    items = []
    for k, anchor in enumerate(anchors):
        lo = _line_index(lines, anchor.start)
        nxt = anchors[k + 1].start if k + 1 < len(anchors) else len(text)
        hi = _line_index(lines, nxt) if k + 1 < len(anchors) else len(lines)
        end = _item_end(lines, lo, hi, nxt, ctx.furniture)
        items.append(_item(text, lines, anchor, (lo, hi, end), ctx))
    if page_offsets:
        for item in items:
            item.pages = _pages(item, page_offsets, len(text))
    return items
