"""`tiekartta classify FILE` and `tiekartta proposals list|decide`: thin wrappers over the same
functions the API's routes and jobs call."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from api.cli.common import Ctx, fail, progress_bar, run_guarded
from rag.classify.batch import MODES
from rag.classify.jobs import classify_params
from rag.core.messages import message
from rag.jobs import JobError

proposals_app = typer.Typer(help="Classified proposals and the review queue.", no_args_is_help=True)
console = Console()
# The CLI lists this many rejected rows; the sidecar file next to the output has all of them.
_SHOWN_REJECTED = 20


def _names(values: list[str] | None) -> list[str]:
    """Options given several times and/or comma-separated: ['title,texts'] -> [title, texts]."""
    return [n.strip() for v in values or [] for n in v.split(",") if n.strip()]


def _print_summary(ctx: Ctx, result: dict[str, Any]) -> None:
    lang = ctx.lang
    for item in result["rejected"][:_SHOWN_REJECTED]:
        reason = message(f"reject_{item['reason']}", lang, **item["facts"])
        console.print(
            message("classify_rejected_row", lang, row=str(item["row"]), reason=reason),
            style="yellow",
            markup=False,
        )
    if result["rejected_rows"] > _SHOWN_REJECTED:
        console.print(
            message(
                "classify_more_rejected", lang, count=str(result["rejected_rows"] - _SHOWN_REJECTED)
            ),
            style="yellow",
            markup=False,
        )
    for warning in result.get("warnings", []):
        console.print(f"{message('warnings', lang)}: {warning}", style="yellow", markup=False)
    console.print(
        message(
            "classify_summary",
            lang,
            classified=str(result["classified"]),
            resumed=str(result["resumed"]),
            repeats=str(result["repeated_rows"]),
            rejected=str(result["rejected_rows"]),
            review=str(result["needs_review"]),
        ),
        markup=False,
    )
    counts = ", ".join(f"{k}: {v}" for k, v in result["primary_labels"].items())
    console.print(counts, markup=False)
    console.print(message("classify_written", lang, path=result["out_path"]), markup=False)
    if result["rejected_rows"]:
        console.print(
            message("classify_rejected_file", lang, path=result["rejected_path"]), markup=False
        )


def classify(
    file: Annotated[Path, typer.Argument(help="Proposals: .csv, .xlsx or .jsonl")],
    text_column: Annotated[
        list[str],
        typer.Option("--text-column", help="Text column(s); repeat or comma-separate: title,texts"),
    ],
    out: Annotated[Path, typer.Option("--out", help="Result file: .csv, .xlsx or .jsonl")],
    id_column: Annotated[
        list[str] | None, typer.Option("--id-column", help="Id column(s), e.g. round,id")
    ] = None,
    programme: Annotated[
        Path | None, typer.Option("--programme", help="Programme YAML (default: settings)")
    ] = None,
    mode: Annotated[str, typer.Option("--mode", help="offline, llm or auto")] = "auto",
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Classify every proposal of a file into the programme's themes (resumable)."""
    ctx = Ctx.load()
    if not file.is_file():
        fail(ctx, f"not found: {file}")
    if mode not in MODES:
        fail(ctx, f"--mode must be one of {', '.join(MODES)}, not '{mode}'")
    if programme is not None and not programme.is_file():
        fail(ctx, f"programme file not found: {programme}")
    params = run_guarded(
        ctx,
        lambda: classify_params(
            file, _names(text_column), _names(id_column), None, programme, mode, out_path=out
        ),
    )
    with progress_bar("classify") as update:

        def progress(done: int, total: int) -> None:
            update(done, total, "")

        try:
            job, result, resumed = run_guarded(
                ctx, lambda: ctx.service.proposals.run_here(params, progress)
            )
        except JobError as exc:
            fail(ctx, str(exc))
    if resumed:
        console.print(message("classify_resuming", ctx.lang, job_id=job.job_id), markup=False)
    if as_json:
        print(json.dumps({"job_id": job.job_id, **result}, ensure_ascii=False, indent=2))
    else:
        _print_summary(ctx, result)


@proposals_app.command("list")
def list_proposals(
    needs_review: Annotated[
        bool, typer.Option("--needs-review", help="Only the review queue.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Stored proposals with their classification (newest first)."""
    ctx = Ctx.load()
    items = ctx.service.proposals.list_proposals(needs_review=needs_review, limit=limit)
    if as_json:
        print(json.dumps([asdict(p) for p in items], ensure_ascii=False, indent=2))
        return
    if not items:
        console.print(message("no_proposals", ctx.lang))
        return
    table = Table("id", "labels", "primary", "conf.", "review", "decided", "text")
    for p in items:
        decided = ",".join(p.decision.labels) if p.decision else ""
        table.add_row(
            p.proposal_id,
            ",".join(p.labels),
            p.primary,
            f"{p.confidence:.2f}",
            "yes" if p.needs_review else "",
            decided,
            " ".join(p.text.split())[:60],
        )
    console.print(table)


@proposals_app.command("decide")
def decide(
    proposal_id: Annotated[str, typer.Argument(help="Proposal id (see `proposals list`).")],
    labels: Annotated[str, typer.Option("--labels", help="Themes, e.g. a,c or none")],
    primary: Annotated[str | None, typer.Option("--primary", help="Main theme")] = None,
    note: Annotated[str, typer.Option("--note", help="Why, for the record")] = "",
) -> None:
    """Store a person's labels; the next classification run learns from them."""
    ctx = Ctx.load()
    if ctx.service.proposals.get(proposal_id) is None:
        fail(ctx, message("proposal_not_found", ctx.lang, proposal_id=proposal_id))
    decision = run_guarded(
        ctx,
        lambda: ctx.service.proposals.decide(proposal_id, _names([labels]), primary, note),
    )
    console.print(
        message(
            "decision_saved",
            ctx.lang,
            proposal_id=proposal_id,
            labels=",".join(decision.labels),
            primary=decision.primary,
        ),
        markup=False,
    )
