"""What every masking rule shares: the span it finds and the shape of a pattern rule."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PiiSpan:
    """One piece of personal data found in a text: [start, end) and its kind (EMAIL, ...)."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class PatternRule:
    """A regular expression whose matches are personal data of one kind."""

    kind: str
    pattern: re.Pattern[str]
    # When set, a match is masked only if this returns True (filters out dates, sums ...).
    accept: Callable[[str], bool] | None = None
    # When set, the pattern runs only on a text (lower-cased) holding one of these strings.
    needs: tuple[str, ...] = ()
    # When set, the pattern runs only on a text where this is found: a part that every match
    # holds, with the pattern's own flags. A pattern that opens at every word start is slow
    # to fail on a text without that part; the hint fails fast.
    hint: re.Pattern[str] | None = None

    def applies_to(self, text: str, lowered: str) -> bool:
        if self.needs and not any(word in lowered for word in self.needs):
            return False
        return self.hint is None or self.hint.search(text) is not None

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        """The masked part of a match: the group named ``pii`` when the pattern has one (the
        label before an address stays), else the whole match, without trailing spaces."""
        start, end = match.span("pii") if "pii" in self.pattern.groupindex else match.span()
        # a pattern may end on an optional space ("Lövvägen 14 "): the space stays in the text
        value = match.string[start:end]
        return start, start + len(value.rstrip())


def overlaps(spans: Iterable[PiiSpan], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the spans."""
    return any(s.start < end and start < s.end for s in spans)


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line holding [start, end) starts and ends."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


class SpanIndex:
    """Spans to test a stretch against in logarithmic time: a text with thousands of names
    tests each candidate against every span found before it, which ``overlaps`` does in time
    in proportion to their number. Spans may overlap each other and may be added in any
    order."""

    def __init__(self, spans: Iterable[PiiSpan] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []  # in the order of the starts
        self._reach: list[int] = []  # the largest end among the spans up to each start
        for span in spans:
            self.add(span)

    def add(self, span: PiiSpan) -> None:
        at = bisect.bisect_right(self._starts, span.start)
        self._starts.insert(at, span.start)
        self._ends.insert(at, span.end)
        self._reach.insert(at, 0)
        # (a span added behind the last one is the common case: one value to compute)
        for i in range(at, len(self._starts)):
            before = self._reach[i - 1] if i else 0
            reach = max(before, self._ends[i])
            if i > at and self._reach[i] == reach:
                break
            self._reach[i] = reach

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps any span: one that starts before ``end`` ends
        after ``start``."""
        count = bisect.bisect_left(self._starts, end)
        return count > 0 and self._reach[count - 1] > start


def pattern_spans(
    text: str,
    rules: Iterable[PatternRule],
    spans: Sequence[PiiSpan],
    kept: Sequence[PiiSpan],
    also: Callable[[PatternRule, int, int, str], bool] | None = None,
) -> list[PiiSpan]:
    """``spans`` with the matches of ``rules`` (in priority order) that overlap nothing
    found before nor a span that must stay; with ``also``, only the matches it accepts
    (``also(rule, start, end, matched)``)."""
    spans = list(spans)
    # (an index: a text of thousands of numbers tested each match against every span)
    taken = SpanIndex([*spans, *kept])
    lowered = text.lower()
    for rule in rules:
        if not rule.applies_to(text, lowered):
            continue
        for match in rule.pattern.finditer(text):
            if rule.accept is not None and not rule.accept(match.group(0)):
                continue
            start, end = rule.span(match)
            if also is not None and not also(rule, start, end, match.group(0)):
                continue
            if not taken.overlaps(start, end):
                spans.append(PiiSpan(start, end, rule.kind))
                taken.add(spans[-1])
    return spans


def replace_spans(
    text: str, spans: Sequence[PiiSpan], replace: Callable[[PiiSpan, str], str]
) -> str:
    """The text with each span (in order, without overlaps) replaced by ``replace(span, value)``."""
    parts: list[str] = []
    position = 0
    for span in spans:
        parts += [text[position : span.start], replace(span, text[span.start : span.end])]
        position = span.end
    parts.append(text[position:])
    return "".join(parts)
