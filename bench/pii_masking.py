"""Recall and false positives of the personal-data masker on both halves of the labelled set.

    PYTHONPATH=. python -m bench.pii_masking [--show]

tests/data/pii/dev.jsonl is the part the masker was first developed on; heldout.jsonl was
written after it was frozen, scored once, and then used to improve the masker (so it is a dev
part now); heldout2.jsonl was written before that change and scored once after it.
`--show` lists every missed item and every false positive.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rag.evaluate.privacy import load_labelled, score_masking

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "pii"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list misses and false positives")
    args = parser.parse_args()
    print("| half | strings | recall | look-alikes masked | clean strings masked |")
    print("| --- | --- | --- | --- | --- |")
    details = []
    for half in ("dev", "heldout", "heldout2"):
        s = score_masking(load_labelled(DATA / f"{half}.jsonl"))
        print(
            f"| {half} | {s.strings} | {s.recall:.3f} ({s.found}/{s.pii_items}) "
            f"| {s.lookalike_fp_rate:.3f} ({s.keep_masked}/{s.keep_items}) "
            f"| {s.clean_fp_rate:.3f} ({s.clean_masked}/{s.clean_strings}) |"
        )
        details += [f"{half} missed {m}" for m in s.missed]
        details += [f"{half} false positive {f}" for f in s.false_positives]
    if args.show:
        print("\n".join(details))


if __name__ == "__main__":
    main()
