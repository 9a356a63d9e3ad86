"""Background jobs: stored state, the worker, failures, and resuming after a restart."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from rag.jobs import JobContext, JobError, JobRunner
from rag.store.jobs import JobRecord
from rag.store.registry import Registry, RegistryError


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    reg = Registry(tmp_path / "registry.sqlite")
    yield reg
    reg.close()


def counting_handler(ctx: JobContext) -> dict[str, object]:
    """Counts to params['n'], checkpointing each step in a file of its own folder."""
    n = int(ctx.job.params["n"])
    done_file = ctx.workdir / "done.txt"
    done = len(done_file.read_text().splitlines()) if done_file.exists() else 0
    for i in range(done, n):
        with done_file.open("a") as f:
            f.write(f"{i}\n")
        ctx.progress(i + 1, n)
    return {"counted": n, "file": "done.txt", "filename": "counted.txt"}


def test_job_runs_in_the_background_and_stores_progress_and_result(
    registry: Registry, tmp_path: Path
) -> None:
    runner = JobRunner(registry, tmp_path / "jobs")
    runner.register("count", counting_handler)
    job = runner.submit("count", "key1", {"n": 5})
    assert job.status == "queued" and job.actor == "key1"
    finished = runner.wait(job.job_id, timeout=10)
    assert finished.status == "done"
    assert (finished.done, finished.total) == (5, 5)
    assert finished.result["counted"] == 5
    lines = (tmp_path / "jobs" / job.job_id / "done.txt").read_text().splitlines()
    assert lines == ["0", "1", "2", "3", "4"]
    assert [j.job_id for j in registry.jobs.list_jobs(kind="count")] == [job.job_id]
    assert registry.jobs.list_jobs(kind="other") == []
    runner.shutdown()


def test_job_error_fails_the_job_with_its_message_and_the_worker_goes_on(
    registry: Registry, tmp_path: Path
) -> None:
    runner = JobRunner(registry, tmp_path / "jobs")

    def refuse(ctx: JobContext) -> dict[str, object]:
        raise JobError("column 'texts' is missing in proposals.csv")

    def crash(ctx: JobContext) -> dict[str, object]:
        raise ValueError("boom")

    runner.register("refuse", refuse)
    runner.register("crash", crash)
    runner.register("count", counting_handler)
    refused = runner.submit("refuse", "k", {})
    crashed = runner.submit("crash", "k", {})
    counted = runner.submit("count", "k", {"n": 2})
    assert runner.wait(refused.job_id, 10).error == "column 'texts' is missing in proposals.csv"
    failed = runner.wait(crashed.job_id, 10)
    assert failed.status == "failed" and failed.error == "ValueError: boom"
    assert runner.wait(counted.job_id, 10).status == "done"
    runner.shutdown()


def test_unknown_kind_is_refused_with_the_known_ones(registry: Registry, tmp_path: Path) -> None:
    runner = JobRunner(registry, tmp_path / "jobs")
    runner.register("count", counting_handler)
    with pytest.raises(RegistryError, match="unknown job kind 'nope'.*count"):
        runner.submit("nope", "k", {})
    assert registry.jobs.list_jobs() == []


def test_a_job_left_running_by_a_dead_process_resumes_from_its_checkpoint(
    tmp_path: Path,
) -> None:
    path = tmp_path / "registry.sqlite"
    first = Registry(path)
    job = first.jobs.create_job("count", "k", {"n": 4})
    first.jobs.start_job(job.job_id)  # the process was running it ...
    workdir = tmp_path / "jobs" / job.job_id
    workdir.mkdir(parents=True)
    (workdir / "done.txt").write_text("0\n1\n")  # ... got two items done, then died
    first.close()

    second = Registry(path)  # a new process on the same data directory
    runner = JobRunner(second, tmp_path / "jobs")
    runner.register("count", counting_handler)
    assert runner.resume_unfinished() == [job.job_id]
    finished = runner.wait(job.job_id, timeout=10)
    assert finished.status == "done" and finished.done == 4
    # Items 0 and 1 were not done again.
    assert (workdir / "done.txt").read_text().splitlines() == ["0", "1", "2", "3"]
    assert runner.resume_unfinished() == []
    runner.shutdown()
    second.close()


def test_shutdown_mid_job_leaves_it_queued_for_the_next_start(
    registry: Registry, tmp_path: Path
) -> None:
    runner = JobRunner(registry, tmp_path / "jobs")
    started = threading.Event()
    release = threading.Event()

    def slow(ctx: JobContext) -> dict[str, object]:
        for i in range(100):
            started.set()
            release.wait(5)
            ctx.progress(i + 1, 100)
        return {}

    runner.register("slow", slow)
    job = runner.submit("slow", "k", {})
    assert started.wait(5)
    stopper = threading.Thread(target=runner.shutdown)
    stopper.start()
    release.set()
    stopper.join(10)
    stored = registry.jobs.get_job(job.job_id)
    assert stored is not None and stored.status == "queued"
    assert [j.job_id for j in registry.jobs.unfinished_jobs()] == [job.job_id]


def test_progress_of_a_missing_job_is_an_error(registry: Registry) -> None:
    with pytest.raises(RegistryError, match="no job with id 'ghost'"):
        registry.jobs.update_job_progress("ghost", 1, 2)
    assert registry.jobs.get_job("ghost") is None


def test_wait_returns_only_after_the_finish_hooks_have_run(
    registry: Registry, tmp_path: Path
) -> None:
    # A hook (e.g. masking the job's files) runs after the job is stored as done; a caller
    # that waits must not see the job before the hook is through.
    runner = JobRunner(registry, tmp_path / "jobs")
    runner.register("count", counting_handler)
    hook_started = threading.Event()
    release = threading.Event()
    hooked: list[str] = []

    def slow_hook(job: JobRecord) -> None:
        hook_started.set()
        release.wait(10)
        hooked.append(job.job_id)

    runner.when_finished(slow_hook)
    job = runner.submit("count", "key1", {"n": 2})
    assert hook_started.wait(10)
    assert registry.jobs.get_job(job.job_id).status == "done"  # stored, hook still running
    waited: list[str] = []
    waiter = threading.Thread(target=lambda: waited.append(runner.wait(job.job_id).status))
    waiter.start()
    waiter.join(0.5)
    assert waited == [] and hooked == []  # wait() holds while the hook runs
    release.set()
    waiter.join(10)
    assert waited == ["done"] and hooked == [job.job_id]
    runner.shutdown()
