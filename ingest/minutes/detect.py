"""Is the text minutes at all? Signs of agenda/minutes structure, counted over the text,
so a news article quoting "§ 25" gives no items.
"""

from __future__ import annotations

from dataclasses import dataclass

from ingest.minutes import patterns as P
from ingest.minutes.anchors import section_anchor
from ingest.minutes.lines import Line, split_lines


@dataclass
class _Evidence:
    """Signs of agenda/minutes structure found in a text."""

    strong: int = 0  # item headers of a known layout
    weak: int = 0  # headings, record numbers, preparer labels, § title lines
    kinds: frozenset[str] = frozenset()  # kinds of the part headings seen
    other_signs: int = 0  # weak signs that are not part headings


def _evidence(text: str, lines: list[Line]) -> _Evidence:
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
        elif (a := section_anchor(lines, i)) and a.title:
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


def looks_like(text: str, lines: list[Line]) -> bool:
    """`looks_like_minutes` on a text already split into lines."""
    ev = _evidence(text, lines)
    if ev.strong and 2 * ev.strong + ev.weak >= 3:
        return True
    # Without an item header, a decision heading plus one more sign (a "Käsittely" heading, a
    # record number, ...). "Ehdotus" + "Perustelut" alone is also how citizen proposals look.
    return "decision" in ev.kinds and (ev.other_signs >= 1 or "other" in ev.kinds)


def looks_like_minutes(text: str) -> bool:
    """True when the text has the structure of an agenda or minutes (not just a § mention)."""
    return looks_like(text, split_lines(text))
