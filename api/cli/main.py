"""The `tiekartta` command: thin wrappers that call the same service functions as the API."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from api.cli import admin as cli_admin
from api.cli import classify as cli_classify
from api.cli import draft as cli_draft
from api.cli import drafts as cli_drafts
from api.cli import evaluate as cli_eval
from api.cli.common import (
    Ctx,
    date_option,
    fail,
    make_filters,
    progress_bar,
    run_guarded,
    state,
)
from api.params import split_csv
from ingest.loaders.base import LoadOptions
from rag.core.citations import citation_label
from rag.core.messages import message

app = typer.Typer(help="tiekartta: evidence from the city's own documents.", no_args_is_help=True)
app.add_typer(cli_admin.keys_app, name="keys")
app.add_typer(cli_eval.eval_app, name="eval")
app.add_typer(cli_drafts.drafts_app, name="drafts")
app.command("audit")(cli_admin.audit)
app.command("demo")(cli_admin.demo)
app.command("draft")(cli_draft.draft)
app.command("classify")(cli_classify.classify)
app.add_typer(cli_classify.proposals_app, name="proposals")
console = Console()


@app.callback()
def main_options(
    data_dir: Annotated[
        Path | None, typer.Option("--data-dir", help="Data directory (default ./.tiekartta).")
    ] = None,
) -> None:
    """Global options."""
    state.data_dir = data_dir


def ingest_with_progress(ctx: Ctx, paths: list[Path], options: LoadOptions) -> Any:
    """Run the pipeline with a progress bar on stderr and return the report."""
    with progress_bar("ingest") as update:

        def progress(name: str, done: int, total: int) -> None:
            # Called as a file starts, so the file before it is the last one done.
            update(done - 1, total, Path(name).name)

        return ctx.service.ingest(paths, options, progress=progress)


def print_report(ctx: Ctx, report: Any) -> None:
    lang = ctx.lang
    for failed in report.failed:
        console.print(
            message("ingest_failed_file", lang, path=failed.path, reason=failed.reason),
            style="red",
            markup=False,
        )
    for conflict in report.conflicts:
        console.print(message("ingest_conflict", lang, what=conflict), style="yellow", markup=False)
    console.print(
        message(
            "ingest_summary",
            lang,
            ingested=str(len(report.ingested)),
            unchanged=str(len(report.unchanged)),
            failed=str(len(report.failed)),
            chunks=str(report.chunks),
            repeats=str(report.identical_repeats),
            repaired=str(len(report.repaired)),
        ),
        markup=False,
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    text_columns: Annotated[
        str | None, typer.Option(help="CSV/XLSX text columns, e.g. title,texts")
    ] = None,
    id_columns: Annotated[
        str | None, typer.Option(help="CSV/XLSX id columns, e.g. round,id")
    ] = None,
    access: Annotated[str | None, typer.Option(help="public, internal or restricted")] = None,
    language: Annotated[str | None, typer.Option(help="Force the language (fi, sv, en).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Ingest documents; unchanged files are skipped, bad files reported."""
    ctx = Ctx.load()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(ctx, f"not found: {', '.join(missing)}")
    options = LoadOptions(split_csv(text_columns), split_csv(id_columns), access, language)
    report = run_guarded(ctx, lambda: ingest_with_progress(ctx, paths, options))
    if as_json:
        print(json.dumps(asdict(report), ensure_ascii=False, indent=2))
    else:
        print_report(ctx, report)
    if report.failed and not report.ingested and not report.unchanged:
        raise typer.Exit(1)


@app.command()
def documents(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List ingested documents with the minutes structure found in them."""
    ctx = Ctx.load()
    registry = ctx.service.registry
    rows = []
    for record in registry.list_documents():
        row = {k: v for k, v in asdict(record).items() if k not in ("extra",)}
        row["items"] = [asdict(i) for i in registry.items_for(record.doc_id)]
        rows.append(row)
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        console.print(message("no_documents", ctx.lang))
        return
    table = Table("id", "title", "date", "lang", "kind", "access", "chunks", "§ items")
    for row in rows:
        items = ", ".join(
            f"{i['body'] or ''} {i['meeting_date'] or ''} § {i['section']}".strip()
            for i in row["items"]
            if i.get("section")
        )
        table.add_row(
            row["doc_id"],
            row["title"][:50],
            row["date"] or "",
            row["language"] or "",
            row["kind"] or "",
            row["access"],
            str(row["chunk_count"]),
            items[:80],
        )
    console.print(table)


@app.command()
def remove(doc_id: Annotated[str, typer.Argument(help="Document id.")]) -> None:
    """Delete a document from the registry, Chroma and the indexes."""
    ctx = Ctx.load()
    if not run_guarded(ctx, lambda: ctx.service.remove(doc_id)):
        fail(ctx, message("document_not_found", ctx.lang, doc_id=doc_id))
    console.print(message("removed", ctx.lang, doc_id=doc_id))


@app.command()
def search(
    query: Annotated[str, typer.Argument()],
    k: Annotated[int, typer.Option("--k", min=1, max=100)] = 8,
    date_from: Annotated[str | None, date_option("--from")] = None,
    date_to: Annotated[str | None, date_option("--to")] = None,
    body: Annotated[str | None, typer.Option(help="Decision body")] = None,
    kind: Annotated[str | None, typer.Option()] = None,
    language: Annotated[str | None, typer.Option("--language")] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Limit to document ids")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Show the chunks that best match a query."""
    ctx = Ctx.load()
    filters = make_filters(ctx, date_from, date_to, body, kind, language, doc)
    hits = run_guarded(ctx, lambda: ctx.service.search(query, k, filters))
    rows: list[dict[str, Any]] = [
        {
            "chunk_id": h.chunk.chunk_id,
            "doc_id": h.chunk.doc_id,
            "score": round(h.score, 4),
            "citation": citation_label(h.chunk, ctx.lang),
            "text": h.chunk.text,
            "versions": [  # the same item in another language (linked at ingest)
                {"doc_id": v.chunk.doc_id, "citation": citation_label(v.chunk, ctx.lang)}
                for v in h.versions
            ],
        }
        for h in hits
    ]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for number, row in enumerate(rows, start=1):
        console.print(
            f"[bold]{number}. {row['citation']}[/bold]  ({row['score']})", highlight=False
        )
        console.print(row["text"][:400], markup=False, highlight=False)
        for version in row["versions"]:
            console.print(
                f"  {message('versions_label', ctx.lang)}: {version['citation']}",
                markup=False,
                highlight=False,
            )
        console.print()


@app.command()
def ask(
    question: Annotated[str, typer.Argument()],
    language: Annotated[
        str | None, typer.Option("--lang", help="Answer language (fi, sv, en)")
    ] = None,
    date_from: Annotated[str | None, date_option("--from")] = None,
    date_to: Annotated[str | None, date_option("--to")] = None,
    body: Annotated[str | None, typer.Option(help="Decision body")] = None,
    conversation: Annotated[str | None, typer.Option(help="Continue a conversation id")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Answer a question with citations (or say it was not found)."""
    ctx = Ctx.load()
    filters = make_filters(ctx, date_from, date_to, body, None, None, None)
    answer = run_guarded(
        ctx,
        lambda: ctx.service.ask(question, filters, conversation_id=conversation, language=language),
    )
    if as_json:
        print(json.dumps(asdict(answer), ensure_ascii=False, indent=2))
        return
    console.print(answer.answer, markup=False, highlight=False)
    if answer.sources:
        console.print(f"\n[bold]{message('sources', answer.language)}[/bold]")
        for source in answer.sources:
            console.print(
                f"[{source.number}] {source.citation}" + (f" — {source.url}" if source.url else ""),
                markup=False,
                highlight=False,
            )
    for warning in answer.warnings:
        console.print(
            f"{message('warnings', answer.language)}: {warning}", style="yellow", markup=False
        )
    console.print(f"\nconversation: {answer.conversation_id}", style="dim", markup=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
) -> None:
    """Start the HTTP API (OpenAPI docs at /docs, web page at /)."""
    import uvicorn

    from api.app import create_app

    ctx = Ctx.load()
    uvicorn.run(create_app(ctx.settings, ctx.service), host=host, port=port)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


# `python -m api.cli ...` (api/cli/__main__.py) runs the CLI without installing it.
if __name__ == "__main__":
    main()
