"""OmaStadi classification on 1 and 2 `tiekartta worker` processes, against the embedding bound.

    OMP_WAIT_POLICY=passive PYTHONPATH=. nice -n 10 .venv/bin/python -m bench.classify_workers \
        [--data ../shared/data] [--limit 300] [--parts 2] [--workers 1,2] \
        [--text-columns title,texts] [--json-out FILE]

The first --limit OmaStadi rows (text = --text-columns, by default title + texts as in
bench/classify_omastadi.py; id = round + id) are cut into --parts files and queued as that many
classify jobs in a fresh SQLite installation (a job runs on one worker, so the work must be in
several jobs for a second worker to share it). Then N worker processes are started and the
clock runs until every job is done: the time includes starting the workers and loading the
model, as a real deployment pays it. The embedding bound is the time this one process needs to
just embed the same distinct texts with the bundled model, uncached (no storing, no
classifying). Reports seconds, proposals per second, the ratio job time / embedding bound, and
the load average at each stage (the machine is shared).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from api.container import Tiekartta
from bench.classify_omastadi import (
    ID_COLUMNS,
    TEXT_COLUMNS,
    EncodeCounter,
    embedding_only,
    slice_file,
)
from bench.common import arguments, bench_settings
from rag.classify.jobs import CLASSIFY_JOB, classify_params

REPO = Path(__file__).resolve().parent.parent
POLL_S = 0.2


def split_file(path: Path, parts: int, work: Path) -> list[Path]:
    """The rows of ``path`` in ``parts`` files of (nearly) equal size, each with the header."""
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    files = []
    for part in range(parts):
        target = work / f"part-{part + 1}-of-{parts}.csv"
        with target.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows([header, *rows[part::parts]])
        files.append(target)
    return files


def worker_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIEKARTTA_")}
    env.update(PYTHONPATH=str(REPO), OMP_WAIT_POLICY="passive", TIEKARTTA_JOB_WORKERS="queue")
    return env


def run_on_workers(
    files: list[Path], workers: int, data_dir: Path, text_columns: list[str]
) -> dict[str, Any]:
    """Queue one job per file, start `workers` worker processes, wait until all are done."""
    service = Tiekartta(bench_settings(data_dir, job_workers="queue"))
    registry = service.registry
    job_ids = [
        service.jobs.submit(
            CLASSIFY_JOB, "bench", classify_params(f, text_columns, ID_COLUMNS, mode="offline")
        ).job_id
        for f in files
    ]
    load_before = os.getloadavg()
    command = [sys.executable, "-m", "api.cli", "--data-dir", str(data_dir), "worker"]
    started = time.perf_counter()
    procs = [
        subprocess.Popen(command, env=worker_env(), cwd=REPO, stdout=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    try:
        while True:
            jobs = [registry.jobs.get_job(j) for j in job_ids]
            if all(j is not None and j.finished for j in jobs):
                break
            if any(p.poll() is not None for p in procs):
                sys.exit(f"a worker exited: {[p.returncode for p in procs]}")
            time.sleep(POLL_S)
        seconds = time.perf_counter() - started
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=120)
    failed = [j.error for j in jobs if j is not None and j.status != "done"]
    if failed:
        sys.exit(f"jobs failed: {failed}")
    classified = sum(j.result["classified"] for j in jobs if j is not None)
    ran_on = sorted({j.worker for j in jobs if j is not None and j.worker})
    registry.close()
    return {
        "workers": workers,
        "jobs": len(job_ids),
        "distinct_workers_used": len(ran_on),
        "classified": classified,
        "seconds": round(seconds, 2),
        "proposals_per_second": round(classified / seconds, 2),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=300, help="the first N rows")
    parser.add_argument("--parts", type=int, default=2, help="jobs the rows are split into")
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, e.g. 1,2")
    parser.add_argument("--text-columns", default=",".join(TEXT_COLUMNS))
    parser.add_argument("--json-out", type=Path, default=None)
    args = parser.parse_args()

    source = args.data / "omastadi" / "proposals.csv"
    if not source.is_file():
        sys.exit(f"not found: {source}")
    work = Path(tempfile.mkdtemp(prefix="tiekartta-classify-workers-"))
    path = slice_file(source, args.limit, work)
    files = split_file(path, args.parts, work)
    columns = args.text_columns.split(",")
    report: dict[str, Any] = {
        "rows": args.limit,
        "parts": args.parts,
        "text_columns": columns,
        "runs": [],
    }
    for count in [int(n) for n in args.workers.split(",")]:
        report["runs"].append(run_on_workers(files, count, work / f"data-{count}-workers", columns))
        print(json.dumps(report["runs"][-1]), flush=True)

    counter = EncodeCounter()
    counter.install()
    bound_service = Tiekartta(bench_settings(work / "data-embedding-bound"))
    load_before = os.getloadavg()
    bound = embedding_only(bound_service, path, counter, columns)
    bound["load_before"] = [round(x, 2) for x in load_before]
    bound["load_after"] = [round(x, 2) for x in os.getloadavg()]
    report["embedding_bound"] = bound
    for run in report["runs"]:
        run["ratio_to_embedding_bound"] = round(run["seconds"] / bound["seconds"], 2)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if args.json_out:
        args.json_out.write_text(text, "utf-8")
    print(text)


if __name__ == "__main__":
    main()
