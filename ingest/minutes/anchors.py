"""Where items start: the header line of each § item in the layouts we know
(Dynasty web pages, CloudNC, Helsinki case pages, handling lines of PDF minutes).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ingest.minutes import patterns as P
from ingest.minutes.lines import Line, prev_nonblank


@dataclass
class Anchor:
    """The header line of an item and what it states."""

    kind: str  # dynasty | case | section | handling | document
    line: int
    start: int  # the item starts here (may be above the header line)
    section: str | None = None
    date: str | None = None
    body: str | None = None
    doc_type: str | None = None
    title: str | None = None


def _dynasty_anchor(lines: list[Line], i: int) -> Anchor | None:
    """'Pöytäkirja 04.12.2023/Pykälä 303' with the body on the line above."""
    m = P.DYNASTY_HEADER_RE.match(lines[i].s)
    if not m:
        return None
    anchor = Anchor("dynasty", i, lines[i].start, date=P.iso_date(m.group("date")))
    anchor.doc_type = P.doc_type_word(m.group("doctype"))
    # "Asianro 7" is the position on the agenda, not a § number.
    if m.group("kind").casefold() in P.SECTION_KINDS:
        anchor.section = m.group("num")
    anchor.title = m.group("rest").strip(" .:-") or None  # a title glued to the number
    j = prev_nonblank(lines, i - 1, max(0, i - 3))
    if j is not None and len(lines[j].s) <= 80 and not any(c.isdigit() for c in lines[j].s):
        anchor.body = lines[j].s
        anchor.start = lines[j].start
    return anchor


def section_anchor(lines: list[Line], i: int) -> Anchor | None:
    """'§ 412 Title' / '§ 198' / '141 § Title', with a CloudNC meeting header above."""
    m = P.SECTION_LINE_RE.match(lines[i].s)
    if not m:
        return None
    rest = m.group("rest").strip()
    # "§ 5 mom." or "22 §:n mukaan" are references in prose, not item headers.
    if rest and not (rest[0].isupper() or rest[0] in '"”«“'):
        return None
    anchor = Anchor("section", i, lines[i].start, section=m.group("num1") or m.group("num2"))
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


def _case_anchor(lines: list[Line], i: int) -> Anchor | None:
    """Helsinki 'Ärende 2. / 20 §', preceded by the record number and the case heading."""
    m = P.CASE_LINE_RE.match(lines[i].s)
    if not m:
        return None
    anchor = Anchor("case", i, lines[i].start, section=m.group("num"))
    j = prev_nonblank(lines, i - 1, max(0, i - 4))
    while j is not None and (P.record_line(lines[j].s) or P.NAV_LINE_RE.search(lines[j].s)):
        anchor.start = lines[j].start
        k = prev_nonblank(lines, j - 1, max(0, j - 3))
        if k is not None and len(lines[k].s) <= 300:
            if not (P.record_line(lines[k].s) or P.NAV_LINE_RE.search(lines[k].s)):
                anchor.start = lines[k].start  # the case heading
                break
        j = k
    return anchor


def find_anchors(lines: list[Line]) -> list[Anchor]:
    """Item headers in document order, from the strongest layout present."""
    dynasty, cases, sections, handlings = [], [], [], []
    for i, line in enumerate(lines):
        if not line.s:
            continue
        if a := _dynasty_anchor(lines, i):
            dynasty.append(a)
        elif a := _case_anchor(lines, i):
            cases.append(a)
        elif a := section_anchor(lines, i):
            sections.append(a)
        elif (h := P.handling_line(line.s)) and h.date and h.section:
            handlings.append(Anchor("handling", i, line.start, h.section, h.date, h.body))
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


def _ordered_sections(lines: list[Line], candidates: list[Anchor]) -> list[Anchor]:
    """One anchor per § in increasing order: merge, drop contents lists and quotations."""
    # "§ 88" followed by "Kaupunginhallitus 04.03.2024 § 88" head one item.
    groups: list[list[Anchor]] = []
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
    merged: list[Anchor] = []
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
