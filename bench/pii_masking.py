"""Recall and false positives of the personal-data masker on the labelled parts, and its mask
rate and speed on real public text.

    PYTHONPATH=. python -m bench.pii_masking [--parts dev,heldout,heldout2] [--show]
    PYTHONPATH=. python -m bench.pii_masking --real-text [--against OLD/privacy.py] [--sample 40]

The labelled parts live in tests/data/pii/ (README, "Personal data: the labelled set"). Only the
parts named in ``--parts`` are read, never a glob of the folder: a held-out part is scored once,
by whoever holds it, by naming it.

``--real-text`` masks the shared real documents (../shared/data: the corpus pages, the meeting
items and the OmaStadi proposals) and prints masks per kind per 10,000 words and the time per
100 kB of text. With ``--against`` another version of the masker (a file holding ``find_pii``,
e.g. main's rag/core/privacy.py) runs on the same text, and a sample of the masks the current
version adds is printed, so new masks of ordinary words can be seen, not just counted.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from rag.core.privacy import PiiSpan, find_pii
from rag.evaluate.privacy import load_labelled, score_masking

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "pii"
SHARED = REPO.parent / "shared" / "data"
DEV_PARTS = ("dev", "heldout", "heldout2")
KINDS = ("HETU", "PHONE", "EMAIL", "IBAN", "ADDRESS", "NAME")

Finder = Callable[[str], Sequence[PiiSpan]]


def labelled_table(parts: Sequence[str], show: bool) -> None:
    print("| part | strings | recall | look-alikes masked | clean strings masked |")
    print("| --- | --- | --- | --- | --- |")
    details = []
    for part in parts:
        s = score_masking(load_labelled(DATA / f"{part}.jsonl"))
        print(
            f"| {part} | {s.strings} | {s.recall:.3f} ({s.found}/{s.pii_items}) "
            f"| {s.lookalike_fp_rate:.3f} ({s.keep_masked}/{s.keep_items}) "
            f"| {s.clean_fp_rate:.3f} ({s.clean_masked}/{s.clean_strings}) |"
        )
        details += [f"{part} missed {m}" for m in s.missed]
        details += [f"{part} false positive {f}" for f in s.false_positives]
    if show:
        print("\n".join(details))


def real_texts(shared: Path) -> dict[str, list[str]]:
    """The real public texts by source: corpus pages (front matter dropped), meeting items,
    OmaStadi proposals (title and text)."""
    front_matter = re.compile(r"\A---\n.*?\n---\n", re.S)
    corpus = [
        front_matter.sub("", p.read_text(encoding="utf-8"))
        for p in sorted((shared / "corpus").glob("*.md"))
    ]
    minutes = [
        p.read_text(encoding="utf-8") for p in sorted((shared / "minutes/items").glob("*.txt"))
    ]
    with (shared / "omastadi" / "proposals.csv").open(encoding="utf-8", newline="") as handle:
        proposals = [f"{row['title']}\n{row['texts']}" for row in csv.DictReader(handle)]
    return {"corpus pages": corpus, "meeting items": minutes, "OmaStadi proposals": proposals}


def _load_finder(path: Path) -> Finder:
    """``find_pii`` of a masker file (main's privacy.py) or package folder, imported apart."""
    name = "baseline_privacy"
    if path.is_dir():
        spec = importlib.util.spec_from_file_location(
            name, path / "__init__.py", submodule_search_locations=[str(path)]
        )
    else:
        spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        sys.exit(f"{path}: not a Python file or package")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    finder: Finder = module.find_pii
    return finder


def _rates(finder: Finder, texts: list[str]) -> tuple[Counter[str], float]:
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    for text in texts:
        counts.update(span.kind for span in finder(text))
    return counts, time.perf_counter() - started


def real_text_table(shared: Path, against: Path | None, sample: int) -> None:
    sources = real_texts(shared)
    finders: dict[str, Finder] = {"this version": find_pii}
    if against is not None:
        finders = {"baseline": _load_finder(against), **finders}
    print("| masker | source | words | kB | " + " | ".join(KINDS) + " | ms per 100 kB |")
    print("| --- | --- | --- | --- | " + " | ".join("---" for _ in KINDS) + " | --- |")
    for label, finder in finders.items():
        for source, texts in sources.items():
            words = sum(len(re.findall(r"\w+", t)) for t in texts)
            size_kb = sum(len(t.encode("utf-8")) for t in texts) / 1000
            counts, seconds = _rates(finder, texts)
            per_10k = " | ".join(f"{10_000 * counts[k] / words:.2f}" for k in KINDS)
            print(
                f"| {label} | {source} | {words} | {size_kb:.0f} | {per_10k} "
                f"| {1000 * seconds / size_kb * 100:.1f} |"
            )
    if against is not None and sample:
        _print_new_masks(finders["baseline"], sources, sample)


def _print_new_masks(baseline: Finder, sources: dict[str, list[str]], sample: int) -> None:
    """Masks this version makes that the baseline does not, by kind, with a sample in context."""
    new: list[tuple[str, str, str]] = []
    for source, texts in sources.items():
        for text in texts:
            old = {(s.start, s.end) for s in baseline(text)}
            for span in find_pii(text):
                if (span.start, span.end) not in old:
                    context = text[max(0, span.start - 30) : span.end + 20].replace("\n", " / ")
                    new.append(
                        (span.kind, source, f"{text[span.start : span.end]!r} in …{context}…")
                    )
    print(f"\nmasks this version adds: {len(new)}, by kind {dict(Counter(k for k, _, _ in new))}")
    for kind, source, shown in random.Random(7).sample(new, min(sample, len(new))):
        print(f"- {kind} ({source}): {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--parts",
        default=",".join(DEV_PARTS),
        help="comma-separated labelled parts to score (default: %(default)s)",
    )
    parser.add_argument("--show", action="store_true", help="list misses and false positives")
    parser.add_argument("--real-text", action="store_true", help="mask rates on real text")
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--against", type=Path, help="a baseline masker file with find_pii")
    parser.add_argument("--sample", type=int, default=40, help="new masks to print")
    args = parser.parse_args()
    if args.real_text:
        real_text_table(args.shared, args.against, args.sample)
    else:
        labelled_table([p for p in args.parts.split(",") if p], args.show)


if __name__ == "__main__":
    main()
