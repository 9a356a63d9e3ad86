"""'Not found' deciders fitted on synthetic questions, scored by the held-out protocol.

    OMP_WAIT_POLICY=passive nice -n 10 python -m bench.synthetic_answerability \\
        --data-dir D --cache DIR [--variant cross_lexical] [--per-chunk 1]

The synthetic questions (rag/evaluate/synthetic_questions.py: answerable keyword questions,
'kind absent' and 'swapped' near misses) are made from the stored chunks and run through the
same retrieval and features as the dev questions (bench/trust_protocol.py, cached in --cache).
Scoring follows that protocol: 5 folds of whole document groups, 10 shuffles. For a test fold,
no synthetic question made from a document of that fold (or a linked version of one) is used,
and no dev question of it; logistic weights, the cut (false refusals <= 5 %) and the choice
of features and regularisation are fitted on the rest.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable
from pathlib import Path

from bench.common import arguments
from bench.trust_protocol import (
    _DOC,
    VARIANTS,
    best_cut,
    cached_app,
    collect,
    fit_logistic,
    folds,
    groups,
    load_questions,
    mean_outcome,
    outcome,
)
from rag.evaluate.retrieval import QAItem
from rag.evaluate.synthetic_questions import synthetic_questions, unseen_in

SMALL = ("support", "kind_share", "entity_missing", "entity_share", "unseen")
WIDE = (
    *SMALL,
    "sentence",
    "dense",
    "coverage",
    "rare_missing",
    "kind_missing",
    "same_language",
    "sentence_share",
    "dense_top1",
    "dense_margin",
    "asks_kind",
    "kind_share_same",
)

# A decider is fitted on (training dev rows, allowed synthetic rows) and decides a feature row.
Decide = Callable[[dict[str, float]], bool]
Fit = Callable[[list[dict], list[dict], float], Decide]


def logistic_on(features: tuple[str, ...], c: float, train_on: str, cut_on: str) -> Fit:
    """Logistic weights fitted on `train_on` rows ('synthetic' or 'both'); the cut on `cut_on`
    rows ('dev': the training folds' dev questions, 'synthetic': none of them)."""

    def fit(dev: list[dict], syn: list[dict], limit: float) -> Decide:
        rows = syn if train_on == "synthetic" else syn + dev
        model = fit_logistic(
            [r["features"] for r in rows], [r["answerable"] for r in rows], features, limit, c
        )
        cut_rows = dev if cut_on == "dev" else syn
        model.cut = best_cut(
            [model.margin(r["features"]) for r in cut_rows],
            [r["answerable"] for r in cut_rows],
            limit,
        )
        return lambda row: model.margin(row) >= model.cut

    return fit


def support_threshold(dev: list[dict], syn: list[dict], limit: float) -> Decide:
    cut = best_cut([r["features"]["support"] for r in dev], [r["answerable"] for r in dev], limit)
    return lambda row: row["support"] >= cut


DECIDERS: dict[str, Fit] = {
    "support threshold (shipped judge), cut on training dev": support_threshold,
    "synthetic logistic, 5 features, cut on synthetic only": logistic_on(
        SMALL, 1.0, "synthetic", "synthetic"
    ),
    "synthetic logistic, 5 features, cut on training dev": logistic_on(
        SMALL, 1.0, "synthetic", "dev"
    ),
    "synthetic logistic, 16 features, cut on training dev": logistic_on(
        WIDE, 0.3, "synthetic", "dev"
    ),
    "synthetic + training dev logistic, 5 features": logistic_on(SMALL, 1.0, "both", "dev"),
    "synthetic + training dev logistic, 16 features": logistic_on(WIDE, 0.3, "both", "dev"),
}
# Chosen among inside the training folds (inner group k-fold on their dev questions).
GRID: dict[str, Fit] = {
    f"{name} C={c} {train_on} cut={cut_on}": logistic_on(feats, c, train_on, cut_on)
    for name, feats in (("small", SMALL), ("wide", WIDE))
    for c in (0.1, 1.0)
    for train_on in ("synthetic", "both")
    for cut_on in ("dev",)
} | {"support": support_threshold}


def allowed(syn: list[dict], banned_docs: set[str]) -> list[dict]:
    return [r for r in syn if r["doc_id"] not in banned_docs]


def docs_of(item_ids: list[int], item_docs: list[set[str]], linked: dict[str, set[str]]) -> set:
    out: set[str] = set()
    for i in item_ids:
        for d in item_docs[i]:
            out |= {d} | linked.get(d, set())
    return out


def run_folds(
    dev: list[dict],
    syn: list[dict],
    fit: Fit,
    group_of: list[int],
    item_docs: list[set[str]],
    linked: dict[str, set[str]],
    k: int,
    seeds: int,
    limit: float,
    seed_offset: int = 0,
) -> list[list[bool]]:
    """Decisions per shuffle; each dev question decided without its fold's questions and the
    synthetic questions of its fold's documents."""
    runs = []
    for seed in range(seeds):
        fold_of = folds(group_of, k, seed + seed_offset)
        found = [True] * len(dev)
        for f in range(k):
            test = [i for i, g in enumerate(fold_of) if g == f]
            train = [dev[i] for i, g in enumerate(fold_of) if g != f]
            decide = fit(train, allowed(syn, docs_of(test, item_docs, linked)), limit)
            for i in test:
                found[i] = decide(dev[i]["features"])
        runs.append(found)
    return runs


def _inner_score(
    name: str,
    dev: list[dict],
    syn: list[dict],
    group_of: list[int],
    item_docs: list[set[str]],
    linked: dict[str, set[str]],
    k: int,
    limit: float,
) -> tuple[bool, float, float]:
    """How a GRID entry does by group k-fold inside a training part."""
    run = run_folds(dev, syn, GRID[name], group_of, item_docs, linked, k - 1, 1, limit, 100)[0]
    o = outcome(dev, run)
    return (o.false_refusal <= limit, o.refusal, -o.false_refusal)


def choosing(
    group_of: list[int],
    item_docs: list[set[str]],
    linked: dict[str, set[str]],
    k: int,
    chosen: dict[str, int],
) -> Fit:
    """A Fit that picks its GRID entry by inner group k-fold on the training part it is given
    (most refusals with false refusals <= limit, then fewest false), counting picks in `chosen`."""

    def fit(dev: list[dict], syn: list[dict], limit: float) -> Decide:
        idx = [r["index"] for r in dev]
        inner_groups, inner_docs = [group_of[i] for i in idx], [item_docs[i] for i in idx]
        name = max(
            GRID,
            key=lambda n: _inner_score(n, dev, syn, inner_groups, inner_docs, linked, k, limit),
        )
        chosen[name] = chosen.get(name, 0) + 1
        return GRID[name](dev, syn, limit)

    return fit


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--variant", default="cross_lexical")
    parser.add_argument("--per-chunk", type=int, default=1)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--max-false-refusal", type=float, default=0.05)
    args = parser.parse_args()
    items, notes = load_questions(args.data)
    service, cached = cached_app(args.data_dir, args.cache)
    weights = VARIANTS[args.variant]
    dev_path = args.cache / f"{args.variant}.json"
    if not dev_path.exists():
        dev_path.write_text(json.dumps(collect(service, items, weights)))
        cached.save()
    dev = [row | {"index": i} for i, row in enumerate(json.loads(dev_path.read_text()))]
    syn_path = args.cache / f"synthetic-{args.variant}-{args.per_chunk}.json"
    if not syn_path.exists():
        lexical = service.lexical
        made = synthetic_questions(
            service.vectors.all_chunks(),
            lexical.idf,
            unseen_in(lexical),
            per_chunk=args.per_chunk,
        )
        syn_items = [
            QAItem(q.id, q.question, q.language, [q.doc_id] if q.answerable else [], [], q.how)
            for q in made
        ]
        rows = collect(service, syn_items, weights)
        for row, q in zip(rows, made, strict=True):
            row["doc_id"], row["question"], row["answerable"] = q.doc_id, q.question, q.answerable
        syn_path.write_text(json.dumps(rows, ensure_ascii=False))
        cached.save()
    syn = json.loads(syn_path.read_text())
    print(f"synthetic: {len(syn)} questions", _counts(syn))
    for row in syn[:12]:
        print(
            "  ", row["type"], row["question"], "| found by the shipped judge:", row["judged_found"]
        )
    links = [
        (d.doc_id, link.other_id)
        for d in service.registry.documents.list_documents()
        for link in service.registry.versions.versions_of([d.doc_id]).get(d.doc_id, [])
    ]
    linked: dict[str, set[str]] = {}
    for a, b in links:
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    group_of = groups(items, notes, links)
    item_docs = [set(it.gold_docs) or set(_DOC.findall(notes.get(it.id, ""))) for it in items]
    sets = {
        "qa-dev": [i for i, it in enumerate(items) if not it.id.startswith("t")],
        "qa-dev-trust": [i for i, it in enumerate(items) if it.id.startswith("t")],
        "all": list(range(len(items))),
    }
    limit = args.max_false_refusal
    print(f"\n## deciders on variant {args.variant}, {args.folds} folds x {args.seeds} shuffles")
    print("| decider | set | cross-fitted refusal | false refusal | contains |")
    table: list[tuple[str, list[list[bool]]]] = []
    for name, fit in DECIDERS.items():
        runs = run_folds(dev, syn, fit, group_of, item_docs, linked, args.folds, args.seeds, limit)
        table.append((name, runs))
    chosen: dict[str, int] = {}
    picker = choosing(group_of, item_docs, linked, args.folds, chosen)
    runs = run_folds(
        dev, syn, picker, group_of, item_docs, linked, args.folds, min(args.seeds, 3), limit
    )
    table.append(("chosen inside the training folds (grid, inner group k-fold)", runs))
    for name, runs in table:
        for set_name, subset in sets.items():
            o = mean_outcome(dev, runs, subset)
            print(f"| {name} | {set_name} | {o.cells()} |")
    print("chosen:", chosen)
    # How the synthetic-only model does on synthetic questions themselves (in-sample check).
    decide = DECIDERS["synthetic logistic, 5 features, cut on synthetic only"]([], syn, limit)
    found = [decide(r["features"]) for r in syn]
    o = outcome(syn, found)
    print(
        f"synthetic in-sample: refusal {o.refusal:.3f} false {o.false_refusal:.3f};",
        "per kind:",
        {
            how: round(
                statistics.fmean(
                    not f for r, f in zip(syn, found, strict=True) if r["type"] == how
                ),
                3,
            )
            for how in ("answerable", "kind_absent", "swapped")
        },
    )


def _counts(rows: list[dict]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in rows:
        out[r["type"]] = out.get(r["type"], 0) + 1
    return out


if __name__ == "__main__":
    main()
