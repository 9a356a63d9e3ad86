"""SpanIndex (spans.py) answers what ``overlaps`` answers, for spans added in any order,
overlapping each other or not, and for stretches touching them at either end."""

from __future__ import annotations

import random

import pytest

from rag.core.privacy.spans import PiiSpan, SpanIndex, overlaps


@pytest.mark.parametrize("seed", range(20))
def test_the_index_agrees_with_a_scan_of_every_span(seed: int) -> None:
    rng = random.Random(seed)
    spans: list[PiiSpan] = []
    index = SpanIndex()
    for _ in range(rng.randint(1, 40)):
        start = rng.randint(0, 200)
        span = PiiSpan(start, start + rng.randint(1, 30), "NAME")
        spans.append(span)
        index.add(span)
        for _ in range(25):
            low = rng.randint(0, 240)
            high = low + rng.randint(1, 12)
            assert index.overlaps(low, high) == overlaps(spans, low, high)


def test_touching_ends_do_not_overlap() -> None:
    index = SpanIndex([PiiSpan(10, 20, "NAME"), PiiSpan(0, 5, "EMAIL")])
    assert not index.overlaps(20, 25)
    assert not index.overlaps(5, 10)
    assert index.overlaps(19, 21)
    assert index.overlaps(4, 6)
    assert not SpanIndex().overlaps(0, 100)


def test_a_long_span_added_early_still_blocks_later_stretches() -> None:
    # the largest end so far, not only the nearest span's, decides
    index = SpanIndex([PiiSpan(0, 100, "ADDRESS"), PiiSpan(10, 12, "NAME")])
    assert index.overlaps(50, 60)
    index.add(PiiSpan(5, 6, "NAME"))
    assert index.overlaps(80, 90)
