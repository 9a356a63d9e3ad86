"""`tiekartta eval ...`: measurements users run on their own documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.cli_common import Ctx, fail, run_guarded
from rag.evaluate.retrieval import evaluate_retrieval, load_qa
from rag.models import SearchFilters
from rag.service import ALL_ACCESS

eval_app = typer.Typer(help="Measure retrieval and parsing quality.", no_args_is_help=True)
console = Console()


@eval_app.command("retrieval")
def eval_retrieval(
    qa: Annotated[Path, typer.Option("--qa", help="JSONL with id, question, gold_docs, ...")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    details: Annotated[bool, typer.Option(help="Include per-question results in JSON.")] = False,
) -> None:
    """recall@1/5/10, MRR, answer_contains, refusals and search latency over a QA file."""
    ctx = Ctx.load()
    if not qa.is_file():
        fail(ctx, f"{qa}: file not found")
    items = run_guarded(ctx, lambda: load_qa(qa))
    service = ctx.service
    filters = SearchFilters(access_levels=ALL_ACCESS)

    def ask(question: str, language: str | None):  # type: ignore[no-untyped-def]
        return service.answerer.ask(question, filters, [], language)

    with console.status("evaluating…"):
        scores = run_guarded(
            ctx, lambda: evaluate_retrieval(items, service.retriever.search, ask, filters)
        )
    if as_json:
        print(json.dumps(scores.as_dict(with_results=details), ensure_ascii=False, indent=2))
        return
    table = Table("metric", "value")
    for name, value in scores.as_dict().items():
        table.add_row(name, str(value))
    console.print(table)


@eval_app.command("minutes")
def eval_minutes(
    items: Annotated[Path, typer.Option("--items", help="Folder of meeting item .txt files")],
    gold: Annotated[Path, typer.Option("--gold", help="gold.jsonl")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Score the minutes parser against gold fields (body, date, §, record, title, preparer)."""
    from ingest.minutes_eval import score_minutes

    ctx = Ctx.load()
    for path in (items, gold):
        if not path.exists():
            fail(ctx, f"{path}: not found")
    result = run_guarded(ctx, lambda: score_minutes(items, gold))
    payload = {
        "n": result.n,
        "overall": result.overall,
        **result.fields,
        **result.flags,
        "decision_text": result.decision_text,
    }
    if as_json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    table = Table("field", "accuracy")
    for name, value in payload.items():
        table.add_row(name, str(value))
    console.print(table)
