"""Documents on the command line: ingest files and folders, list what is stored, remove one."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from api.cli.common import Ctx, fail, progress_bar, run_guarded
from api.params import split_csv
from ingest.loaders.base import LoadOptions
from rag.core.messages import message

console = Console()


def ingest_with_progress(ctx: Ctx, paths: list[Path], options: LoadOptions) -> Any:
    """Run the pipeline with a progress bar on stderr and return the report."""
    with progress_bar("ingest") as update:

        def progress(name: str, done: int, total: int) -> None:
            # Called as a file starts, so the file before it is the last one done.
            update(done - 1, total, Path(name).name)

        return ctx.service.documents.ingest(paths, options, progress=progress)


def print_report(ctx: Ctx, report: Any) -> None:
    lang = ctx.lang
    for failed in report.failed:
        console.print(
            message("ingest_failed_file", lang, path=failed.path, reason=failed.localised(lang)),
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


def documents(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List ingested documents with the minutes structure found in them."""
    ctx = Ctx.load()
    documents = ctx.service.documents
    rows = []
    for record in documents.list_documents():
        row = {k: v for k, v in asdict(record).items() if k not in ("extra",)}
        row["items"] = [asdict(i) for i in documents.items(record.doc_id)]
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


def remove(doc_id: Annotated[str, typer.Argument(help="Document id.")]) -> None:
    """Delete a document from the registry, Chroma and the indexes."""
    ctx = Ctx.load()
    if not run_guarded(ctx, lambda: ctx.service.documents.remove(doc_id)):
        fail(ctx, message("document_not_found", ctx.lang, doc_id=doc_id))
    console.print(message("removed", ctx.lang, doc_id=doc_id))
