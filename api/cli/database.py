"""`tiekartta db`: bring the registry's schema up to date, copy it to another database."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import Ctx, err_console, run_guarded
from rag.core.messages import message
from rag.store.copy import copy_database
from rag.store.db import Database
from rag.store.schema_upgrade import upgrade_schema

db_app = typer.Typer(
    help="The registry database: upgrade its schema, copy it, mask old personal data.",
    no_args_is_help=True,
)
console = Console()


@db_app.command("upgrade")
def upgrade() -> None:
    """Apply every migration the database has not seen (safe to run again)."""
    ctx = Ctx.load()
    with run_guarded(ctx, lambda: Database(ctx.settings.registry_target)) as db:
        revision = run_guarded(ctx, lambda: upgrade_schema(db))
        console.print(
            message("db_upgraded", ctx.lang, where=db.where, revision=revision), markup=False
        )


@db_app.command("copy")
def copy(
    to: Annotated[str, typer.Option("--to", help="Target: postgresql://... or a SQLite file path")],
    replace: Annotated[
        bool, typer.Option("--replace", help="Empty a target that already holds rows first")
    ] = False,
) -> None:
    """Copy every row of every table to another database and compare the counts."""
    ctx = Ctx.load()
    source = run_guarded(ctx, lambda: Database(ctx.settings.registry_target))
    target = run_guarded(ctx, lambda: Database(to))
    with source, target:
        counts = run_guarded(ctx, lambda: copy_database(source, target, replace=replace))
        for count in counts:
            console.print(
                message("db_copied_table", ctx.lang, table=count.table, rows=str(count.target)),
                markup=False,
            )
        total = sum(c.target for c in counts)
        console.print(
            message(
                "db_copied", ctx.lang, rows=str(total), tables=str(len(counts)), where=target.where
            ),
            markup=False,
        )


@db_app.command("mask-personal-data")
def mask_personal_data(
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON")] = False,
    everything: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Reread every old row, not only those that aged since the last run"
            " (e.g. after an update of the masker).",
        ),
    ] = False,
) -> None:
    """Mask personal data in stored text older than TIEKARTTA_RAW_TEXT_RETENTION_DAYS: audit
    events, conversation turns, proposal texts and reasons, decision texts and notes,
    answer-feedback comments, and the uploaded and result files of jobs that ended before
    then (safe to run again; each run reads only what became old since the last one). A job
    file that cannot be masked is named, the others are masked, and the exit code is 1."""
    ctx = Ctx.load()
    report = run_guarded(ctx, lambda: ctx.service.privacy.mask_stored(everything=everything))
    if as_json:
        print(json.dumps(asdict(report), ensure_ascii=False))
    else:
        console.print(
            message(
                "personal_data_masked",
                ctx.lang,
                days=str(report.retention_days),
                audit=str(report.audit_events),
                turns=str(report.conversation_turns),
                proposals=str(report.proposals),
                feedback=str(report.feedback_comments),
                files=str(report.job_files),
            ),
            markup=False,
        )
    if report.abandoned_uploads and not as_json:
        console.print(
            message("abandoned_uploads_removed", ctx.lang, count=str(report.abandoned_uploads)),
            markup=False,
        )
    for problem in report.job_file_errors:
        err_console.print(
            message("job_file_not_masked", ctx.lang, problem=problem), style="red", markup=False
        )
    if report.job_file_errors:
        raise typer.Exit(1)
