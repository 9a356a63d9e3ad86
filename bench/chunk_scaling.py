"""Time of the structure-and-chunk stage against text size, and a check that chunks are unchanged.

    PYTHONPATH=. nice -n 10 python -m bench.chunk_scaling [--sizes-mb 0.125,0.5,2,20]
        [--old-rev REV --old-max-mb 0.5]
    PYTHONPATH=. python -m bench.chunk_scaling --compare REV [--data ../shared/data]

Scaling: the text of the sample corpus's Swedish minutes is repeated to each size and run
through what ingest does between loading and embedding (minutes structure, then chunking), in
two shapes: with its own paragraphs, and as one block without blank lines (an HTML page or a
PDF page whose text has no paragraph breaks: the shape that was quadratic). `--old-rev` times
the chunker of an earlier commit as well, up to `--old-max-mb`.

Compare: chunks every file of the sample corpus and of ../shared/data/corpus and
minutes/items with the code of REV and with the current code (each in its own process, from
its own tree) and reports any difference in the chunks (text, page, section, ids, ...).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLE_TEXT = REPO / "corpus" / "sample" / "stadsstyrelsen-2024-01-22-protokoll.md"
MB = 1_000_000


def _parse_minutes() -> Any:
    """parse_minutes of the tree on the import path (it moved into a package in the layout)."""
    try:
        from ingest.minutes.parser import parse_minutes
    except ImportError:
        from ingest.minutes import parse_minutes  # type: ignore[attr-defined,no-redef]
    return parse_minutes


def _chunk_stage(text: str, paged: bool) -> int:
    """Structure + chunking of one document, as the pipeline does it; returns the chunk count."""
    from ingest.chunker import chunk_document, page_offsets

    try:  # the layout of the tree being timed: before or after the move to rag.core
        from rag.core.documents import LoadedDocument, Segment
    except ImportError:
        from ingest.models import LoadedDocument, Segment  # type: ignore[no-redef]
    parse_minutes = _parse_minutes()

    doc = LoadedDocument(
        doc_id="bench",
        source_path="bench.txt",
        title="bench",
        segments=[Segment(text=text, page=1 if paged else None)],
        format="text",
        language="sv",
    )
    items = parse_minutes(doc.text, page_offsets(doc))
    return len(chunk_document(doc, items, 1000, 150, "sv"))


def text_of_size(size: int, one_block: bool) -> str:
    """The Swedish sample minutes repeated to `size` characters (one block: no line breaks)."""
    base = SAMPLE_TEXT.read_text(encoding="utf-8")
    if one_block:
        base = " ".join(base.split()) + " "
    return (base * (size // len(base) + 1))[:size]


def time_stage(size: int, one_block: bool) -> tuple[float, int]:
    text = text_of_size(size, one_block)
    started = time.perf_counter()
    chunks = _chunk_stage(text, paged=False)
    return time.perf_counter() - started, chunks


def _run_in_tree(tree: Path, args: list[str], timeout: float | None = None) -> str:
    """Run this script's helper mode with another source tree first on the import path."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return done.stdout


def _export_tree(rev: str, into: Path) -> Path:
    archive = subprocess.run(["git", "archive", rev], cwd=REPO, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def scaling(sizes: list[float], old_rev: str | None, old_max: float) -> None:
    old_tree = None
    if old_rev:
        old_tree = _export_tree(old_rev, Path(tempfile.mkdtemp(prefix="tiekartta-old-")))
    print(
        "| text (MB) | chunks | paragraphs (s) | one block (s) |"
        + (" one block, before (s) |" if old_tree else "")
    )
    print("| --- | --- | --- | --- |" + (" --- |" if old_tree else ""))
    for mb in sizes:
        size = int(mb * MB)
        para_s, _ = time_stage(size, one_block=False)
        block_s, chunks = time_stage(size, one_block=True)
        row = f"| {mb:g} | {chunks} | {para_s:.2f} | {block_s:.2f} |"
        if old_tree is not None:
            if mb <= old_max:
                out = _run_in_tree(old_tree, ["--time-one", str(size)])
                row += f" {float(out.strip()):.2f} |"
            else:
                row += " – |"
        print(row, flush=True)


def _dump_chunks(paths: list[str]) -> None:
    """Helper mode: the chunks of every file, as JSON lines (run inside one source tree)."""
    from ingest.chunker import chunk_document, page_offsets
    from ingest.loaders import load_file

    parse_minutes = _parse_minutes()

    for name in paths:
        try:
            docs = load_file(Path(name))
        except Exception as exc:  # a file the loader refuses is compared by its error
            print(json.dumps({"file": name, "error": type(exc).__name__}))
            continue
        for doc in docs:
            tabular = doc.format in ("csv", "xlsx")
            items = [] if tabular else parse_minutes(doc.text, page_offsets(doc))
            for chunk in chunk_document(doc, items, 1000, 150):
                print(json.dumps({"file": name, **asdict(chunk)}, ensure_ascii=False))


def compare(rev: str, data: Path) -> int:
    files = sorted(str(p) for p in (REPO / "corpus" / "sample").rglob("*") if p.is_file())
    for folder in (data / "corpus", data / "minutes" / "items"):
        files += sorted(str(p) for p in folder.rglob("*") if p.is_file())
    with tempfile.TemporaryDirectory(prefix="tiekartta-old-") as tmp:
        old = _run_in_tree(_export_tree(rev, Path(tmp)), ["--dump-chunks", *files])
    new = _run_in_tree(REPO, ["--dump-chunks", *files])
    old_lines, new_lines = old.splitlines(), new.splitlines()
    differing = sum(a != b for a, b in zip(old_lines, new_lines, strict=False))
    differing += abs(len(old_lines) - len(new_lines))
    print(
        f"{len(files)} files, chunks before {len(old_lines)}, after {len(new_lines)}, "
        f"differing {differing}"
    )
    return 1 if differing else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes-mb", default="0.125,0.25,0.5,1,2,5,10,20")
    parser.add_argument("--old-rev", help="also time the chunker of this commit")
    parser.add_argument("--old-max-mb", type=float, default=0.5)
    parser.add_argument("--compare", metavar="REV", help="compare chunks with this commit")
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--time-one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dump-chunks", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_one:
        print(time_stage(args.time_one, one_block=True)[0])
    elif args.dump_chunks:
        _dump_chunks(args.dump_chunks)
    elif args.compare:
        sys.exit(compare(args.compare, args.data))
    else:
        sizes = [float(s) for s in args.sizes_mb.split(",")]
        scaling(sizes, args.old_rev, args.old_max_mb)


if __name__ == "__main__":
    main()
