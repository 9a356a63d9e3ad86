"""bench/mask_scaling.py: one row per masker and shape, one number per size."""

from __future__ import annotations

from bench.mask_scaling import SHAPES, scaling_rows
from rag.core.privacy import find_pii


def test_each_shape_gets_a_row_with_a_time_per_size() -> None:
    rows = scaling_rows({"this version": find_pii}, [1, 2])
    assert len(rows) == len(SHAPES)
    for row, shape in zip(rows, SHAPES, strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[:2] == ["this version", shape]
        assert all(c.isdigit() for c in cells[2:]) and len(cells) == 4
