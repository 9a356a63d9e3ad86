"""Classification of a proposal file as a job: in the API's background runner, or in the
foreground of the CLI. Both resume from the rows the job already stored.

The CLI's jobs have their own kind (``classify-cli``) that the API's runner does not handle, so
an API server started next to a running CLI never picks up the CLI's work; a CLI run that was
killed is resumed by running the same command again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from rag.classify.batch import BatchOutcome, ClassifyService
from rag.classify.batch_io import (
    MEDIA_TYPES,
    BatchFileError,
    ProposalFile,
    RejectedRow,
    file_format,
    read_proposals,
    rejected_path,
    write_rejected,
    write_results,
)
from rag.core.classification import Classification
from rag.core.privacy.at_rest import mask_text
from rag.core.table_rewrite import change_values
from rag.jobs import JobContext, JobError, JobRunner
from rag.store.jobs import JobRecord
from rag.store.registry import CLI_ACTOR

# Runs one classify job in a context, reporting (done, total) to the optional callback.
JobRun = Callable[[JobContext, Callable[[int, int], None] | None], dict[str, Any]]

CLASSIFY_JOB = "classify"
CLI_CLASSIFY_JOB = "classify-cli"
# A job result holds at most this many rejected rows; the sidecar file holds all of them.
_MAX_LISTED = 500


def classify_params(
    input_path: Path,
    text_columns: list[str],
    id_columns: list[str] | None = None,
    out_format: str | None = None,
    programme: Path | None = None,
    mode: str = "auto",
    filename: str | None = None,
    out_path: Path | None = None,
) -> dict[str, Any]:
    """The job parameters (JSON): everything a resumed run needs to do the same work again."""
    params: dict[str, Any] = {
        "input": str(Path(input_path).resolve()),
        "filename": filename or Path(input_path).name,
        "text_columns": list(text_columns),
        "id_columns": list(id_columns or []),
        "out_format": file_format(out_path or input_path, out_format),
        "programme": str(programme.resolve()) if programme else None,
        "mode": mode,
        "out_path": str(out_path.resolve()) if out_path else None,
    }
    # Same input bytes and options = the same job, so a re-run resumes instead of restarting.
    digest = hashlib.sha256(Path(input_path).read_bytes())
    digest.update(json.dumps({k: v for k, v in params.items() if k != "filename"}).encode())
    params["fingerprint"] = digest.hexdigest()
    return params


def read_job_input(classify: ClassifyService, params: dict[str, Any]) -> ProposalFile:
    return read_proposals(
        Path(params["input"]),
        params["text_columns"],
        params["id_columns"],
        max_chars=classify.settings.classify_max_chars,
    )


def _masked(
    table: ProposalFile, outcome: BatchOutcome
) -> tuple[ProposalFile, dict[str, Classification], list[RejectedRow]]:
    """The rows, results and rejected rows with people's words masked (header names stay)."""
    records = [(number, change_values(values, mask_text)) for number, values in table.records]
    results = {pid: replace(c, reason=mask_text(c.reason)) for pid, c in outcome.results.items()}
    rejected = [replace(r, detail=mask_text(r.detail)) for r in outcome.rejected]
    return replace(table, records=records), results, rejected


def _write_outputs(
    table: ProposalFile,
    outcome: BatchOutcome,
    params: dict[str, Any],
    workdir: Path,
    keep_raw: bool = True,
) -> dict[str, Any]:
    """The result files in the job's folder (masked unless ``keep_raw``) and, for the CLI,
    at the path the person asked for (as the input, which is their own file)."""
    fmt = params["out_format"]
    stem = Path(params["filename"]).stem
    result_file = workdir / f"result.{fmt}"
    kept, results, rejected = (
        (table, outcome.results, outcome.rejected) if keep_raw else _masked(table, outcome)
    )
    outcome.warnings += write_results(kept, results, result_file, fmt)
    write_rejected(rejected, workdir / "rejected.csv")
    summary = outcome.summary()
    summary["rejected"] = summary["rejected"][:_MAX_LISTED]
    summary["repeats"] = summary["repeats"][:_MAX_LISTED]
    if params.get("out_path"):
        out = Path(params["out_path"])
        write_results(table, outcome.results, out, fmt)
        write_rejected(outcome.rejected, rejected_path(out))
        summary["out_path"] = str(out)
        summary["rejected_path"] = str(rejected_path(out))
    return {
        **summary,
        "rows": len(table.row_ids) + len(table.rejected),
        "file": result_file.name,
        "filename": f"{stem}-classified.{fmt}",
        "media_type": MEDIA_TYPES[fmt],
        "rejected_file": "rejected.csv",
    }


def run_classify_job(
    ctx: JobContext,
    classify: ClassifyService,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Read the file, classify what the job has not stored yet, write the result files."""
    params = ctx.job.params
    try:
        table = read_job_input(classify, params)
        # Built first so a bad programme file or mode fails the job with its own message.
        classify.classifier(params.get("programme"), params.get("mode") or "auto")
    except (BatchFileError, ValueError) as exc:  # incl. ProgrammeError, ClassifierConfigError
        raise JobError(str(exc)) from None

    def report(done: int, total: int) -> None:
        ctx.progress(done, total)
        if progress is not None:
            progress(done, total)

    outcome = classify.classify_file(
        table,
        ctx.job.job_id,
        programme=params.get("programme"),
        mode=params.get("mode") or "auto",
        progress=report,
    )
    # Raw text retention 0: what the job keeps in the data directory is written masked.
    keep_raw = classify.settings.raw_text_retention_days > 0
    return _write_outputs(table, outcome, params, ctx.workdir, keep_raw)


def run_in_foreground(
    runner: JobRunner,
    run: JobRun,
    params: dict[str, Any],
    progress: Callable[[int, int], None] | None = None,
    actor: str = CLI_ACTOR,
) -> tuple[JobRecord, dict[str, Any], bool]:
    """The CLI's way: resume an unfinished identical job or start one; run it here.

    Returns the finished job, its result and whether an interrupted run was resumed.
    """
    registry = runner.registry
    earlier = [
        job
        for job in registry.jobs.unfinished_jobs()
        if job.kind == CLI_CLASSIFY_JOB and job.params.get("fingerprint") == params["fingerprint"]
    ]
    job = earlier[0] if earlier else registry.jobs.create_job(CLI_CLASSIFY_JOB, actor, params)
    job = registry.jobs.start_job(job.job_id)
    ctx = JobContext(job, registry, runner.workdir(job.job_id))
    try:
        result = run(ctx, progress)
    except Exception as exc:
        runner.finished(registry.jobs.fail_job(job.job_id, str(exc)))
        raise
    # Ctrl-C or a killed process leave the job 'running': the next identical run resumes it.
    finished = registry.jobs.finish_job(job.job_id, result)
    runner.finished(finished)
    return finished, result, bool(earlier)
