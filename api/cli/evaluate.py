"""`tiekartta eval ...`: measurements users run on their own documents."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from api.cli.common import Ctx, fail, run_guarded
from rag.core.documents import ALL_ACCESS
from rag.core.results import SearchFilters
from rag.evaluate.classify import ClassifyScores
from rag.evaluate.retrieval import evaluate_retrieval, load_qa

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

    languages = {d.doc_id: d.language for d in service.documents.list_documents(ALL_ACCESS)}
    with console.status("evaluating…"):
        scores = run_guarded(
            ctx,
            lambda: evaluate_retrieval(
                items, service.retriever.search, ask, filters, doc_language=languages.get
            ),
        )
    if as_json:
        print(json.dumps(scores.as_dict(with_results=details), ensure_ascii=False, indent=2))
        return
    summary = scores.as_dict()
    table = Table("metric", "value")
    for name, value in summary.items():
        if not isinstance(value, dict):
            table.add_row(name, str(value))
    console.print(table)
    for title, slices in (
        ("question type", scores.by_type),
        ("language pair", scores.by_language_pair),
    ):
        rows = {name: group.as_dict() for name, group in slices.items()}
        columns = list(next(iter(rows.values()), {}))
        part = Table(title, *columns, title=f"per {title}")
        for name, row in rows.items():
            part.add_row(escape(name), *("–" if v is None else str(v) for v in row.values()))
        console.print(part)


@eval_app.command("minutes")
def eval_minutes(
    items: Annotated[Path, typer.Option("--items", help="Folder of meeting item .txt files")],
    gold: Annotated[Path, typer.Option("--gold", help="gold.jsonl")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Score the minutes parser against gold fields (body, date, §, record, title, preparer)."""
    from rag.evaluate.minutes import score_minutes

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


@eval_app.command("classify")
def eval_classify(
    gold: Annotated[
        Path,
        typer.Option("--gold", help="JSONL: id, text, language, labels, primary, source_url"),
    ],
    train: Annotated[
        Path | None,
        typer.Option("--train", help="Extra training JSONL; without it: the --protocol runs"),
    ] = None,
    programme: Annotated[
        Path | None, typer.Option("--programme", help="Programme YAML (default: settings)")
    ] = None,
    protocol: Annotated[
        str,
        typer.Option(
            "--protocol",
            help="Comma-separated: cv (plain stratified CV), nested (settings chosen inside "
            "the training folds), loco (leave one collection out)",
        ),
    ] = "cv,nested,loco",
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds")] = 5,
    seed: Annotated[int, typer.Option("--seed", help="Fold shuffling seed")] = 0,
    mode: Annotated[str, typer.Option("--mode", help="auto, offline or llm")] = "auto",
    as_json: Annotated[bool, typer.Option("--json")] = False,
    details: Annotated[bool, typer.Option(help="Include per-item results in JSON.")] = False,
) -> None:
    """Accuracy, macro-F1, multi-label F1, per class/language/collection, confusion matrix."""
    from api.params import split_csv
    from rag.classify.factory import classifier_candidates, programme_from_settings
    from rag.evaluate.classify import load_gold, score, train_and_test
    from rag.evaluate.classify_protocol import run_protocols

    ctx = Ctx.load()
    settings = ctx.settings
    prog = run_guarded(ctx, lambda: programme_from_settings(settings, programme))
    labels = prog.label_ids
    items = run_guarded(ctx, lambda: load_gold(gold, labels))
    train_items = run_guarded(ctx, lambda: load_gold(train, labels)) if train else None
    candidates = run_guarded(ctx, lambda: classifier_candidates(settings, prog, mode))

    if train_items is not None:
        with console.status("evaluating…"):
            default = next(iter(candidates.values()))
            results = run_guarded(ctx, lambda: train_and_test(train_items, items, default))
            scores = score(items, results, labels)
        if as_json:
            print(json.dumps(scores.as_dict(with_items=details), ensure_ascii=False, indent=2))
            return
        _print_classify(f"{gold.name}: train file {train}", {"train file": scores}, labels)
        return
    protocols = split_csv(protocol) or []
    if not protocols:
        fail(ctx, "--protocol: give at least one of cv, nested, loco")
    with console.status("evaluating…"):
        report = run_guarded(
            ctx, lambda: run_protocols(items, candidates, protocols, folds, seed, labels)
        )
    if as_json:
        payload = {name: r.as_dict(with_items=details) for name, r in report.results.items()}
        print(json.dumps({**payload, "skipped": report.skipped}, ensure_ascii=False, indent=2))
        return
    title = f"{gold.name}: {folds}-fold, seed {seed}; candidates: {', '.join(candidates)}"
    _print_classify(title, {n: r.scores for n, r in report.results.items()}, labels)
    for name, result in report.results.items():
        if result.per_collection_macro_f1:
            console.print(
                escape(
                    f"{name}: macro_f1 per collection "
                    + ", ".join(
                        f"{c} {v} (n={result.per_collection_n[c]})"
                        for c, v in result.per_collection_macro_f1.items()
                    )
                )
            )
        if name != "cv":
            chosen = "; ".join(f"{fold}: {c}" for fold, c in result.choices.items())
            console.print(escape(f"{name}: chosen inside the training folds — {chosen}"))
    for name, reason in report.skipped.items():
        console.print(escape(f"{name}: not run — {reason}"))


def _print_classify(title: str, runs: dict[str, ClassifyScores], labels: Sequence[str]) -> None:
    """One column per protocol: the summary, per-language and per-class rows; confusions."""
    summary = Table("metric", *runs, title=title)
    first = next(iter(runs.values()))
    for name in (
        "n",
        "accuracy",
        "macro_f1",
        "multilabel_f1",
        "ece",
        "review_share",
        "accuracy_reviewed",
        "accuracy_not_reviewed",
        "modes",
    ):
        summary.add_row(name, *(str(getattr(s, name)) for s in runs.values()))
    for language, n in first.per_language_n.items():
        summary.add_row(
            escape(f"macro_f1[{language}] (n={n})"),
            *(str(s.per_language_macro_f1[language]) for s in runs.values()),
        )
    for label in labels:
        summary.add_row(
            escape(f"{label}: P / R / F1 (n={first.per_class[label].support})"),
            *(
                f"{s.per_class[label].precision} / {s.per_class[label].recall} / "
                f"{s.per_class[label].f1}"
                for s in runs.values()
            ),
        )
    console.print(summary)
    for name, scores in runs.items():
        confusion = Table("gold \\ predicted", *labels, title=f"{name}: confusion")
        for label in labels:
            confusion.add_row(label, *(str(scores.confusion[label][p]) for p in labels))
        console.print(confusion)
