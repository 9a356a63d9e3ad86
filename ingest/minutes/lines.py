"""The text of a minutes document as lines: cleaned copies for matching, offsets kept,
and the page furniture (running headers and footers) to leave out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.minutes import patterns as P


@dataclass
class Line:
    """One line of the text with its offsets and a cleaned copy for matching."""

    start: int
    end: int  # offset after the last character, newline excluded
    s: str  # without surrounding spaces and bullets; no-break spaces read as spaces
    lead: int = 0  # offset of s[0] from the line start


# Stripped around a line: spaces, no-break and zero-width spaces, list bullets.
EDGE = " \t\r\xa0\u200b\ufeff•▪◦·*"


def split_lines(text: str) -> list[Line]:
    """The lines of the text with their offsets and cleaned copies."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        body = raw.lstrip(EDGE)
        s = body.rstrip(EDGE).replace("\xa0", " ")
        lines.append(Line(pos, pos + len(raw), s, len(raw) - len(body)))
        pos += len(raw) + 1
    return lines


def next_nonblank(lines: list[Line], i: int, limit: int | None = None) -> int | None:
    """Index of the first non-blank line from i (before limit), or None."""
    stop = len(lines) if limit is None else min(len(lines), limit)
    return next((j for j in range(i, stop) if lines[j].s), None)


def prev_nonblank(lines: list[Line], i: int, lo: int = 0) -> int | None:
    """Index of the last non-blank line at or before i (not below lo), or None."""
    return next((j for j in range(min(i, len(lines) - 1), lo - 1, -1) if lines[j].s), None)


def line_index(lines: list[Line], offset: int) -> int:
    """Index of the line holding `offset` (binary search over line starts)."""
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def furniture_key(line: str) -> str:
    """Compare form of a page header line: page numbers and dates do not matter."""
    return re.sub(r"\d+", "#", P.squash(line)).casefold()


def page_furniture(lines: list[Line], page_offsets: list[int], text_len: int) -> frozenset[str]:
    """Running headers and footers: lines at the top or bottom of pages that repeat."""
    if len(page_offsets) < 2:
        return frozenset()
    counts: Counter[str] = Counter()
    for k, begin in enumerate(page_offsets):
        stop = page_offsets[k + 1] if k + 1 < len(page_offsets) else text_len
        lo, hi = line_index(lines, begin), line_index(lines, max(begin, stop - 1)) + 1
        filled = [ln.s for ln in lines[lo:hi] if ln.s]
        edges = set(filled[:3] + filled[-2:])
        # Item headers ("§ 88", headings) repeat at page tops too but are structure, and
        # a header or footer is not a sentence.
        counts.update(
            {
                furniture_key(s)
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


def is_flattened(lines: list[Line], lo: int, hi: int) -> bool:
    """A PDF whose text came out as a few very long lines (headings then run inline)."""
    longest = max((ln.end - ln.start for ln in lines[lo:hi]), default=0)
    total = lines[hi - 1].end - lines[lo].start if hi > lo else 0
    return longest > 800 and longest > 0.5 * total
