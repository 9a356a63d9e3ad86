"""`tiekartta draft`: the roadmap follow-up draft from the command line, with a progress bar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from api.cli.common import Ctx, fail, progress_bar, run_guarded
from api.params import split_csv
from rag.core.drafts import DraftContent
from rag.core.messages import message
from rag.core.programme import ProgrammeError
from rag.draft.drafter import DraftOptions
from rag.draft.proposals import ProposalsError
from rag.draft.register import RegisterError
from rag.draft.render import write_draft
from rag.store.registry import CLI_ACTOR

console = Console()


def _store(ctx: Ctx, content: DraftContent) -> int:
    """Store the draft as version 1 with status 'draft' in the review workflow."""
    return ctx.service.drafts.save(content, CLI_ACTOR).draft_id


def draft(
    period: Annotated[str, typer.Option("--period", help="2025 or 2025-01-01..2025-12-31")],
    out: Annotated[Path, typer.Option("--out", help="DRAFT.md or DRAFT.docx")],
    theme: Annotated[str | None, typer.Option("--theme", help="Theme ids, e.g. a or a,c.")] = None,
    lang: Annotated[str, typer.Option("--lang", help="Draft languages, e.g. fi,sv.")] = "fi,sv",
    register: Annotated[
        Path | None, typer.Option("--register", help="Measures register CSV/XLSX.")
    ] = None,
    proposals: Annotated[
        Path | None, typer.Option("--proposals", help="Classified proposals JSONL/CSV.")
    ] = None,
    proposals_text_column: Annotated[
        str | None,
        typer.Option(
            "--proposals-text-column",
            help="Column of --proposals with the text (default: text, or the input column "
            "with the most text in a file written by `tiekartta classify`).",
        ),
    ] = None,
    programme: Annotated[
        Path | None, typer.Option("--programme", help="Programme YAML (default from settings).")
    ] = None,
    store: Annotated[
        bool, typer.Option("--store/--no-store", help="Store the draft for review.")
    ] = True,
) -> None:
    """Draft the roadmap follow-up for human review: every claim tied to stored evidence."""
    ctx = Ctx.load()
    if out.suffix.lower() not in (".md", ".markdown", ".docx"):
        fail(ctx, f"--out must end with .md or .docx, not '{out.name}'")
    options = DraftOptions(
        period=period,
        themes=split_csv(theme),
        languages=split_csv(lang) or [],
        register=register,
        proposals=proposals,
        proposals_text_column=proposals_text_column,
        programme=programme,
    )
    with progress_bar("draft") as update:

        def progress(step: str, done: int, total: int) -> None:
            update(done, total, step)

        def run() -> DraftContent:
            try:
                return ctx.service.drafts.build(options, progress)
            except (RegisterError, ProposalsError, ProgrammeError) as exc:
                fail(ctx, str(exc))

        content = run_guarded(ctx, run)
    run_guarded(ctx, lambda: write_draft(content, out))
    flags = sum(len(s.flags) for s in content.sections)
    console.print(
        message(
            "draft_written",
            ctx.lang,
            path=str(out),
            sections=str(len(content.sections)),
            flags=str(flags),
        ),
        markup=False,
    )
    if store:
        draft_id = run_guarded(ctx, lambda: _store(ctx, content))
        console.print(message("draft_stored", ctx.lang, draft_id=str(draft_id)), markup=False)
