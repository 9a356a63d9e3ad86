"""Questions on the command line: search for chunks, ask for a cited answer."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated, Any

import typer
from rich.console import Console

from api.cli.common import Ctx, date_option, make_filters, run_guarded
from rag.core.citations import citation_label
from rag.core.messages import message

console = Console()


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
    hits = run_guarded(ctx, lambda: ctx.service.questions.search(query, k, filters))
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
        lambda: ctx.service.questions.ask(
            question, filters, conversation_id=conversation, language=language
        ),
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
