"""The parts of one item (preparation, proposal, decision, ...): their boundaries from
heading lines or inline headings, and their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import cast

from ingest.minutes import patterns as P
from ingest.minutes.lines import EDGE, Line, furniture_key, next_nonblank
from rag.core.documents import ItemPart, MinutesItem, MinutesItemPart


@dataclass
class Event:
    """A part boundary: where the part (its heading) begins and where its text begins."""

    offset: int
    content: int
    kind: str


def _attachment_end(lines: list[Line], i: int, hi: int) -> int:
    """Line index after the attachment list headed on line i (ends at a blank line)."""
    hd = P.heading(lines[i].s)
    entries = int(bool(hd and hd[1] < len(lines[i].s)))
    j = i + 1
    while j < hi:
        s = lines[j].s
        if not s:
            nxt = next_nonblank(lines, j, hi)
            more = nxt is not None and re.match(r"^(Liite|Bilaga|\d+[.)]?\s)", lines[nxt].s)
            if entries and not more:
                return j
        elif P.heading(s) or len(s) > 150:
            return j
        else:
            entries += 1
        j += 1
    return hi


def _is_presenter_heading(lines: list[Line], i: int, hi: int) -> bool:
    """'Kaupunginjohtaja' alone on a line, followed by 'Kaupunginhallitus päättää ...'."""
    if not P.PRESENTER_LINE_RE.match(lines[i].s):
        return False
    j = next_nonblank(lines, i + 1, min(hi, i + 4))
    words = lines[j].s.split() if j is not None else []
    return len(words) >= 2 and bool(P.BODY_WORD_RE.fullmatch(words[0])) and words[1][0].islower()


def line_events(lines: list[Line], lo: int, hi: int, item: MinutesItem) -> list[Event]:
    """Part boundaries from heading lines, skipping the headings of earlier handlings."""
    events: list[Event] = []
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
                events.append(Event(line.start, line.start, "preparation"))
            continue
        if history:
            continue  # the proposal and decision of an earlier meeting are background here
        if (hd := P.heading(s)) is not None:
            kind, at = hd
            content = line.end if at >= len(s) else line.start + line.lead + at
            events.append(Event(line.start, content, kind))
            if kind == "attachment":
                end = _attachment_end(lines, j - 1, hi)
                resume = next_nonblank(lines, end, hi)
                if resume is not None and not P.heading(lines[resume].s):
                    # Text after the list continues the part that came before it.
                    before = next((e.kind for e in reversed(events[:-1])), "preparation")
                    offset = lines[resume].start
                    events.append(Event(offset, offset, before))
                j = max(j, end)
        elif _is_presenter_heading(lines, j - 1, hi):
            nxt = next_nonblank(lines, j, hi)
            events.append(Event(line.start, lines[nxt].start if nxt else line.end, "proposal"))
        elif P.preparer_label(s) is not None:
            events.append(Event(line.start, line.start, "preparation"))
    return events


def inline_events(text: str, lo: int, hi: int) -> list[Event]:
    """Part boundaries in a flattened PDF text, where the headings run inline."""
    events = []
    for m in P.INLINE_HEADING_RE.finditer(text, lo, hi):
        kind = "decision" if m.group("label") in P.DECISION_WORDS else "proposal"
        content = m.end()
        while content < hi and text[content] in " :\t":
            content += 1
        events.append(Event(m.start(), content, kind))
    return events


def build_parts(
    text: str, item: MinutesItem, events: list[Event], furniture: frozenset[str]
) -> list[MinutesItemPart]:
    """Parts with their text from the boundaries; neighbouring parts of one kind merge."""
    events = sorted((e for e in events if e.offset < item.end), key=lambda e: e.offset)
    resolved: list[Event] = []
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
            resolved.append(Event(e.offset, e.content, kind))
    parts = []
    for k, e in enumerate(resolved):
        end = resolved[k + 1].offset if k + 1 < len(resolved) else item.end
        body = P.SEPARATOR_RE.sub("", text[e.content : end].rstrip())
        if furniture:  # running page headers and footers are not part of the text
            kept = body.split("\n")
            body = "\n".join(t for t in kept if furniture_key(t.strip(EDGE)) not in furniture)
        body = re.sub(r"[ \t\xa0]+\n", "\n", body)
        body = re.sub(r"\n{3,}", "\n\n", body).strip()
        part_kind = cast(ItemPart, e.kind)
        parts.append(MinutesItemPart(kind=part_kind, text=body, start=e.offset - item.start))
    return parts
