"""Load: concurrent askers against running API servers, with /health probed throughout.

For each asker count, N threads ask questions (over loopback, round-robin over the base
URLs) for a bounded time; the report gives errors by status, p50/p95/p99 latency of the
answered asks, asks per second and /health latency. With --ingest-mb a last phase runs the
first asker count while `tiekartta ingest` (a second process on the server's data directory)
ingests a generated file of that size, and reports the CLI's exit code and errors.

    # a server on the bench data (see README, "Load"), then:
    PYTHONPATH=. python -m bench.load --base-url http://127.0.0.1:8765 --key SECRET \\
        --askers 20,50 --seconds 60 [--ingest-mb 5 --data-dir D]

Several --base-url values spread the askers over several API processes. The 40 questions
repeat, so after the first round each question's vector comes from the server's query cache;
--unique (with --data-dir) asks questions made from the served documents instead, no text
twice in a run (bench/unique_questions.py), so every ask embeds its question.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import cycle
from pathlib import Path

import httpx

from bench.chunk_scaling import text_of_size
from bench.common import arguments, print_json
from bench.unique_questions import UniqueQuestions, corpus_questions

REPO = Path(__file__).resolve().parent.parent
DEFAULT_QUESTIONS = REPO.parent / "shared" / "data" / "qa-dev.jsonl"
HEALTH_EVERY = 0.25  # seconds between /health probes
ASK_TIMEOUT = 120.0
QUANTILES = (0.5, 0.95, 0.99)


@dataclass
class Phase:
    """What one phase measured."""

    name: str
    askers: int
    seconds: float = 0.0
    answered: int = 0
    errors: dict[str, int] = field(default_factory=dict)  # status or exception name -> count
    asks_per_second: float = 0.0
    p50: float = 0.0
    p95: float = 0.0
    p99: float = 0.0
    health_p50: float = 0.0
    health_p95: float = 0.0
    health_max: float = 0.0
    health_errors: int = 0
    ingest_exit: int | None = None
    ingest_seconds: float | None = None
    ingest_stderr: str = ""
    load_before: str = ""
    load_after: str = ""


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def read_questions(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


class Asker(threading.Thread):
    """Asks questions one after another until the deadline; records every outcome."""

    def __init__(
        self, urls: list[str], key: str, questions: Iterator[str], deadline: float, n: int
    ):
        super().__init__(daemon=True)
        self.urls = urls
        self.key = key
        self.questions = questions
        self.deadline = deadline
        self.offset = n
        self.latencies: list[float] = []
        self.errors: Counter[str] = Counter()

    def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.key}"}
        urls = cycle(self.urls[self.offset % len(self.urls) :] + self.urls)
        with httpx.Client(timeout=ASK_TIMEOUT, headers=headers) as client:
            for question in self.questions:
                if time.monotonic() >= self.deadline:
                    return
                started = time.monotonic()
                try:
                    response = client.post(f"{next(urls)}/ask", json={"question": question})
                except httpx.HTTPError as exc:
                    self.errors[type(exc).__name__] += 1
                    continue
                if response.status_code == 200:
                    self.latencies.append(time.monotonic() - started)
                else:
                    self.errors[str(response.status_code)] += 1


class HealthProbe(threading.Thread):
    """GET /health on every base URL every HEALTH_EVERY seconds until stopped."""

    def __init__(self, urls: list[str]) -> None:
        super().__init__(daemon=True)
        self.urls = urls
        self.stop = threading.Event()
        self.latencies: list[float] = []
        self.errors = 0

    def run(self) -> None:
        with httpx.Client(timeout=30.0) as client:
            while not self.stop.is_set():
                for url in self.urls:
                    started = time.monotonic()
                    try:
                        ok = client.get(f"{url}/health").status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    if ok:
                        self.latencies.append(time.monotonic() - started)
                    else:
                        self.errors += 1
                self.stop.wait(HEALTH_EVERY)


def run_phase(
    name: str,
    urls: list[str],
    key: str,
    questions: Callable[[int], Iterator[str]],
    askers: int,
    seconds: float,
    ingest: list[str] | None = None,
) -> Phase:
    """N askers for `seconds` (with `ingest`: until the CLI is done as well)."""
    phase = Phase(name, askers, load_before=load_average())
    probe = HealthProbe(urls)
    probe.start()
    started = time.monotonic()
    process = subprocess.Popen(ingest, stderr=subprocess.PIPE, text=True) if ingest else None
    threads = [Asker(urls, key, questions(n), started + seconds, n) for n in range(askers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    asking = time.monotonic() - started  # the askers stop at the deadline, the CLI may not
    if process is not None:
        _, stderr = process.communicate()
        phase.ingest_exit = process.returncode
        phase.ingest_seconds = round(time.monotonic() - started, 1)
        phase.ingest_stderr = stderr[-500:]
    phase.seconds = round(time.monotonic() - started, 1)
    probe.stop.set()
    probe.join()
    latencies = [x for t in threads for x in t.latencies]
    errors: Counter[str] = Counter()
    for thread in threads:
        errors.update(thread.errors)
    phase.answered = len(latencies)
    phase.errors = dict(errors)
    phase.asks_per_second = round(len(latencies) / asking, 2)
    phase.p50, phase.p95, phase.p99 = (round(percentile(latencies, q), 2) for q in QUANTILES)
    if probe.latencies:
        phase.health_p50 = round(statistics.median(probe.latencies), 3)
        phase.health_p95 = round(percentile(probe.latencies, 0.95), 3)
        phase.health_max = round(max(probe.latencies), 3)
    phase.health_errors = probe.errors
    phase.load_after = load_average()
    return phase


def repeating(questions: list[str]) -> Callable[[int], Iterator[str]]:
    """Each asker cycles through the same questions, asker n starting at the n-th."""

    def for_asker(n: int) -> Iterator[str]:
        start = n % len(questions)
        return cycle(questions[start:] + questions[:start])

    return for_asker


def ingest_command(data_dir: Path, megabytes: float, folder: Path) -> list[str]:
    """`tiekartta ingest` of a new generated file of that size (new text: never unchanged)."""
    path = folder / f"load-{int(time.time())}.md"
    body = text_of_size(int(megabytes * 1_000_000), one_block=False)
    path.write_text(f"---\ntitle: Load {time.time()}\n---\n\n{body}", encoding="utf-8")
    return [sys.executable, "-m", "api.cli", "--data-dir", str(data_dir), "ingest", str(path)]


def table(phases: list[Phase]) -> str:
    rows = [
        "| phase | askers | s | answered | errors | asks/s | p50 (s) | p95 (s) | p99 (s) "
        "| health p50 / p95 / max (s) | CLI ingest | load avg before → after |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in phases:
        errors = ", ".join(f"{k}: {v}" for k, v in sorted(p.errors.items())) or "0"
        ingest = "–" if p.ingest_exit is None else f"exit {p.ingest_exit}, {p.ingest_seconds} s"
        rows.append(
            f"| {p.name} | {p.askers} | {p.seconds} | {p.answered} | {errors} "
            f"| {p.asks_per_second} | {p.p50} | {p.p95} | {p.p99} "
            f"| {p.health_p50} / {p.health_p95} / {p.health_max} | {ingest} "
            f"| {p.load_before} → {p.load_after} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--base-url", action="append", required=True, help="repeatable")
    parser.add_argument("--key", required=True, help="a reader key's secret")
    parser.add_argument("--askers", default="20,50", help="comma-separated asker counts")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--ingest-mb", type=float, default=0.0, help="0: no ingest phase")
    parser.add_argument(
        "--data-dir", type=Path, help="the servers' data directory (ingest, --unique)"
    )
    parser.add_argument(
        "--unique",
        action="store_true",
        help="never ask the same text twice: questions made from the documents in --data-dir",
    )
    args = parser.parse_args()
    urls = [u.rstrip("/") for u in args.base_url]
    if args.unique:
        if args.data_dir is None:
            parser.error("--unique needs --data-dir")
        made = corpus_questions(args.data_dir)
        print(f"{len(made)} distinct questions made from the documents", file=sys.stderr)
        shared = UniqueQuestions(made)
        questions: Callable[[int], Iterator[str]] = lambda n: shared  # noqa: E731
        warm_up = "Mitä digitaalinen ohjelma tavoittelee?"  # not among the made questions
    else:
        listed = read_questions(args.questions)
        questions = repeating(listed)
        warm_up = listed[0]
    counts = [int(n) for n in args.askers.split(",")]
    for url in urls:  # the first ask loads the models and indexes: not measured
        httpx.post(
            f"{url}/ask",
            json={"question": warm_up},
            headers={"Authorization": f"Bearer {args.key}"},
            timeout=ASK_TIMEOUT,
        )
    label = " (unique questions)" if args.unique else ""
    phases = [
        run_phase(f"{n} askers{label}", urls, args.key, questions, n, args.seconds) for n in counts
    ]
    if args.ingest_mb > 0:
        if args.data_dir is None:
            parser.error("--ingest-mb needs --data-dir")
        with tempfile.TemporaryDirectory() as folder:
            command = ingest_command(args.data_dir, args.ingest_mb, Path(folder))
            phases.append(
                run_phase(
                    f"{counts[0]} askers + CLI ingest of {args.ingest_mb:g} MB",
                    urls,
                    args.key,
                    questions,
                    counts[0],
                    args.seconds,
                    command,
                )
            )
    print_json([asdict(p) for p in phases])
    if args.unique:
        print(f"distinct questions asked: {shared.given}", file=sys.stderr)
    print(table(phases))


if __name__ == "__main__":
    main()
