"""The masker on the labelled Finnish/Swedish set: recall >= 0.97, false positives <= 0.02.

The set has three parts (tests/data/pii/): `dev.jsonl` was written first and the masker was
developed on it; `heldout.jsonl` was written after the masker was frozen and scored once
(recall 0.955, look-alikes masked 4/65), then its misses were used to improve the masker, so
it is a dev part now; `heldout2.jsonl` was written before that change, without running the
masker on it, and scored once after it. The masker is not changed to fix heldout2 items;
while heldout2 misses the target it is a strict xfail, which turns into a failure (and a
README update) the day it passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.evaluate.privacy import LabelledString, load_labelled, score_masking

DATA = Path(__file__).resolve().parents[2] / "data" / "pii"
MIN_RECALL = 0.97
MAX_FALSE_POSITIVES = 0.02


def _check(items: list[LabelledString]) -> None:
    scores = score_masking(items)
    assert scores.recall >= MIN_RECALL, scores.missed
    assert scores.lookalike_fp_rate <= MAX_FALSE_POSITIVES, scores.false_positives
    assert scores.clean_fp_rate <= MAX_FALSE_POSITIVES, scores.false_positives


def test_the_set_is_large_enough_and_covers_every_kind() -> None:
    items = load_labelled(DATA / "dev.jsonl") + load_labelled(DATA / "heldout.jsonl")
    assert len(items) >= 200
    kinds = {kind for item in items for kind, _ in item.pii}
    assert kinds == {"HETU", "PHONE", "EMAIL", "IBAN", "ADDRESS", "NAME"}
    hetu = " ".join(v for item in items for kind, v in item.pii if kind == "HETU")
    for mark in "-+ABCDEFUVWXY":  # every century mark, the 2023 ones included
        assert any(len(v) == 11 and v[6].upper() == mark for v in hetu.split()), mark
    assert sum(1 for item in items if not item.pii) >= 80  # look-alike strings


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_dev_parts(part: str) -> None:
    _check(load_labelled(DATA / f"{part}.jsonl"))


@pytest.mark.xfail(
    strict=True,
    reason="second held-out part, scored once after the masker was improved on the first: "
    "recall 0.951 (78/82), look-alikes masked 1/61, clean strings masked 1/44 (see README)",
)
def test_heldout2_part() -> None:
    _check(load_labelled(DATA / "heldout2.jsonl"))


def test_scoring_counts_partial_masks_as_misses_and_touches_as_false_positives() -> None:
    items = [
        LabelledString(
            "a", "Terveisin Ludwig van Beethoven", [("NAME", "Ludwig van Beethoven")], []
        ),
        LabelledString("b", "Hyvä Asukas!", [], ["Asukas"]),
        LabelledString("c", "Soita 040 123 4567.", [("PHONE", "040 123 4567")], ["Soita"]),
    ]
    scores = score_masking(items)
    assert (scores.pii_items, scores.found) == (2, 1)  # 'van Beethoven' stays visible
    assert (scores.keep_items, scores.keep_masked) == (2, 1)
    assert (scores.clean_strings, scores.clean_masked) == (1, 1)
