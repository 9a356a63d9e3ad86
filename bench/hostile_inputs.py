"""Time and peak memory of loading hostile files, with the current code and an earlier commit.

    PYTHONPATH=. nice -n 10 python -m bench.hostile_inputs [--old-rev REV] [--memory-cap-gb 4]

Each file is loaded in its own process (load_file, then the content hash the pipeline takes
next, which walks everything the loader returned) under an address-space cap, so code
without limits fails with MemoryError instead of taking the machine. Peak memory is the
child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def make_files(folder: Path) -> dict[str, Path]:
    from tests.fakes.hostile_files import alias_bomb, docx_bomb, xlsx_with_strings

    yaml_bomb = folder / "pommi.md"
    yaml_bomb.write_text(alias_bomb(levels=9), encoding="utf-8")
    html = folder / "sivu.html"
    html.write_text(
        "<html><body>" + "<p>Kaupunki tiedottaa.</p>" * 1_000_000 + "</body></html>",
        encoding="utf-8",
    )
    return {
        "YAML alias bomb (.md)": yaml_bomb,
        "DOCX, 300 MB of XML": docx_bomb(folder, 300 * MB),
        "XLSX, 6 M shared strings": xlsx_with_strings(folder, 6_000_000),
        "HTML, 1 M elements": html,
    }


def _load_one(path: str, cap_bytes: int) -> None:
    """Helper mode (run inside one source tree): load, hash, print the outcome as JSON."""
    from ingest.loaders import load_file  # the tree first on PYTHONPATH
    from ingest.pipeline import content_hash

    resource.setrlimit(resource.RLIMIT_AS, (cap_bytes, cap_bytes))
    started = time.perf_counter()
    try:
        docs = load_file(Path(path))
        for doc in docs:
            content_hash(doc)
        outcome = f"accepted ({len(docs)} documents)"
    except MemoryError:
        outcome = "MemoryError (address-space cap reached)"
    except Exception as exc:
        outcome = f"refused: {str(exc).split(': ', 1)[-1][:90]}"
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_mb": peak_mb}))


def _run(tree: Path, path: Path, cap_gb: float) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--load-one", str(path), "--memory-cap-gb", str(cap_gb)],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        timeout=1800,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"outcome": f"crashed (exit {done.returncode})", "seconds": 0.0, "peak_mb": 0.0}
    result: dict[str, object] = json.loads(lines[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old-rev", help="also run the loaders of this commit")
    parser.add_argument("--memory-cap-gb", type=float, default=4.0)
    parser.add_argument("--load-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load_one:
        _load_one(args.load_one, int(args.memory_cap_gb * 1024**3))
        return
    sys.path.insert(0, str(REPO))  # tests.fakes when run as a script
    with tempfile.TemporaryDirectory(prefix="tiekartta-hostile-") as tmp:
        folder = Path(tmp)
        trees = {"now": REPO}
        if args.old_rev:
            old = folder / "old"
            old.mkdir()
            archive = subprocess.run(
                ["git", "archive", args.old_rev], cwd=REPO, capture_output=True, check=True
            )
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout, check=True)
            trees = {args.old_rev: old, "now": REPO}
        files = folder / "files"
        files.mkdir()
        print("| file | on disk | code | outcome | time (s) | peak RSS (MB) |")
        print("| --- | --- | --- | --- | --- | --- |")
        for name, path in make_files(files).items():
            size = path.stat().st_size
            shown = f"{size / 1024:.1f} KB" if size < MB else f"{size / MB:.1f} MB"
            for label, tree in trees.items():
                r = _run(tree, path, args.memory_cap_gb)
                print(
                    f"| {name} | {shown} | {label} | {r['outcome']} | {r['seconds']:.1f} "
                    f"| {r['peak_mb']:.0f} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
