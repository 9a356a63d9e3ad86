"""Time of the personal-data masker against text size on hostile shapes, with an older copy.

    PYTHONPATH=. OMP_WAIT_POLICY=passive python -m bench.mask_scaling [--sizes-kb 4,8,16,32]
        [--against OLD/rag/core/privacy]

A text with thousands of names on one line (a long list of surnames, of initials, of full
names) once cost the masker time in proportion to the square of its length: every name
found was tested against every other, or the whole line was read again for each. A proposal
may hold 10,000 characters (``TIEKARTTA_CLASSIFY_MAX_CHARS``), so such a text must cost
seconds at most. The table gives milliseconds per kB for each shape and size; for a masker
whose time grows in proportion to the length, the column stays flat. ``--against`` times an
older copy of the package (a folder holding its ``__init__.py``) the same way.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench.pii_masking import Finder, load_finder
from rag.core.privacy import find_pii

# Each shape is a unit repeated up to the size: one line, no paragraph breaks (a chat's lines
# aside).
SHAPES = {
    "a list of surnames": "Virtanen, Berg, ",
    "initials with full stops": "A.B. ja ",
    "full names": "Anna Virtanen ja Pekka Berg, ",
    # the twenty-sixth round's presence lists: a label reads its list, never the whole line
    "presence lists of initials": "Läsnä: HL, AM, JN, ",
    # one "sentence" (no full stop before a capital) of numbers or of addresses: each was
    # tested against every span found, and its clause read from the text's start
    "a sentence of phone numbers": "soita 019 123 4567. ",
    "a sentence of addresses": "Kotikatu 11 ja ",
    # the thirty-first round reads every spelling of a mailbox's parts; the thirty-fifth every
    # line's label of a chat
    "other offices' mailboxes": "helsinki.kirjaamo@hel.fi, ",
    "a chat of speaker labels": "Tuuli: joo\nMarkus: ok\n",
    # names that only a context can confirm (word-like ones, pet forms in quotes): each was
    # read against its whole line before it (the sixty-ninth round's reading)
    "quoted pet forms": "palvelu ”Osku” ajaa, ",
    "word-like names": "Satu ja Onni, ",
}


def _seconds(finder: Finder, text: str) -> float:
    started = time.perf_counter()
    finder(text)
    return time.perf_counter() - started


def scaling_rows(finders: dict[str, Finder], sizes_kb: list[int]) -> list[str]:
    rows = []
    for label, finder in finders.items():
        finder("Anna Virtanen")  # (the word lists load on the first call)
        for shape, unit in SHAPES.items():
            cells = []
            for size in sizes_kb:
                text = unit * (size * 1000 // len(unit))
                cells.append(f"{1000 * _seconds(finder, text) / size:.0f}")
            rows.append(f"| {label} | {shape} | " + " | ".join(cells) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes-kb", default="4,8,16,32", help="comma-separated text sizes")
    parser.add_argument("--against", type=Path, help="an older copy of rag/core/privacy")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes_kb.split(",")]
    finders: dict[str, Finder] = {"this version": find_pii}
    if args.against is not None:
        finders = {"baseline": load_finder(args.against), **finders}
    print("ms per kB of text, by size (kB):")
    print("| masker | shape | " + " | ".join(str(s) for s in sizes) + " |")
    print("| --- | --- | " + " | ".join("---" for _ in sizes) + " |")
    for row in scaling_rows(finders, sizes):
        print(row, flush=True)


if __name__ == "__main__":
    main()
