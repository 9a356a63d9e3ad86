"""Held-out protocol for retrieval variants and the 'not found' decision (issue 10).

    OMP_WAIT_POLICY=passive nice python -m bench.trust_protocol \\
        --data-dir D --cache /tmp/trust/cache [--variants base,event,balanced,...]

Stage 1 (cached per variant in --cache): every question of the QA files is retrieved as `ask`
does; the ranked documents, the extractive answer and the evidence features are stored.
Stage 2: group k-fold by document. A question's group is its gold documents; an unanswerable
question's group is the documents its `answer` note names (the near-miss topic), or its own
group when it names none; groups sharing a document, or documents linked as language versions,
are merged. Every threshold, logistic model and variant choice is fitted on the training folds
only and scored on the test fold ("cross-fitted"), repeated over shuffled fold assignments;
"in-sample" fits on all questions and scores on them.
"""

from __future__ import annotations

import json
import pickle
import random
import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from api.container import Tiekartta
from bench.answerability import FEATURES, LogisticModel, answerability_features
from bench.common import EVERYTHING, arguments, bench_app
from rag.answer.answer_type import answer_kind
from rag.answer.judge import EvidenceJudge
from rag.core.language import detect_language
from rag.evaluate.judge_features import evidence_features
from rag.evaluate.retrieval import QAItem, distinct_docs, load_qa
from rag.retrieval.hybrid import FusionWeights, HybridRetriever
from rag.store.text_analysis import analyze_document, analyze_query

# Every variant spelled out in full, so the table does not change when the defaults do.
_OLD = {
    "time_mode": "hard",
    "cross_language_lexical": False,
    "other_language_slot": 0,
}  # the defaults at fdd06dc
VARIANTS: dict[str, FusionWeights] = {
    "base": FusionWeights(**_OLD),  # type: ignore[arg-type]
    "event": FusionWeights(time_mode="event", cross_language_lexical=False, other_language_slot=0),
    "balanced": FusionWeights(
        time_mode="event",
        language_balance=True,
        cross_language_lexical=False,
        other_language_slot=0,
    ),
    "cross_lexical": FusionWeights(
        time_mode="event", cross_language_lexical=True, other_language_slot=0
    ),
    "balanced_cross": FusionWeights(
        time_mode="event", language_balance=True, cross_language_lexical=True, other_language_slot=0
    ),
    "own_rank": FusionWeights(
        time_mode="event",
        cross_language_lexical=True,
        own_language_rank="lexical",
        other_language_slot=0,
    ),
    "own_rank_both": FusionWeights(
        time_mode="event",
        cross_language_lexical=True,
        own_language_rank="both",
        other_language_slot=0,
    ),
    "slot2": FusionWeights(time_mode="event", cross_language_lexical=True, other_language_slot=2),
    "slot3": FusionWeights(time_mode="event", cross_language_lexical=True, other_language_slot=3),
    "slot4": FusionWeights(time_mode="event", cross_language_lexical=True, other_language_slot=4),
    "slot5": FusionWeights(time_mode="event", cross_language_lexical=True, other_language_slot=5),
    "own_rank_both_0.5": FusionWeights(
        time_mode="event",
        cross_language_lexical=True,
        own_language_rank="both",
        cross_language_share=0.5,
        other_language_slot=0,
    ),
    "balanced_cross_0.5": FusionWeights(
        time_mode="event",
        language_balance=True,
        cross_language_lexical=True,
        cross_language_share=0.5,
        other_language_slot=0,
    ),
}
_DOC = re.compile(r"porvoo-\d{4}")


def extra_features(
    lexical: Any, query: str, ranked: list[Any], hits: list[Any], language: str
) -> dict[str, float]:
    """Features only compared here (not used by the shipped judge)."""
    words = analyze_query(query)
    weights = [w.idf for w in lexical.word_coverage(query, [])]
    mass = sum(weights) or 1.0
    best_share = 0.0
    for sentence in ranked[:10]:
        tokens = set(analyze_document(sentence.text, hits[sentence.hit_index].chunk.language))
        held = sum(w for word, w in zip(words, weights, strict=True) if set(word.variants) & tokens)
        best_share = max(best_share, held / mass)
    same = float(hits[0].chunk.language == language) if hits else 0.0
    return {
        "sentence_share": best_share,
        "top_same_language": same,
        "sentence_share_same": best_share * same,
        "dense_top1": float(hits[0].dense or 0.0) if hits else 0.0,
        # how far the best chunk stands above the next: a near miss has no clear winner
        "dense_margin": float((hits[0].dense or 0.0) - (hits[1].dense or 0.0))
        if len(hits) > 1
        else 0.0,
        "asks_kind": float(answer_kind(query) is not None),
    }


class CachedEmbeddings:
    """The service's embedder with a text -> vector cache shared by the variants (and runs)."""

    def __init__(self, inner: Any, path: Path) -> None:
        self.inner, self.path = inner, path
        self.name, self.dimension = inner.name, inner.dimension
        self.cache: dict[str, list[float]] = (
            pickle.loads(path.read_bytes()) if path.exists() else {}
        )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        todo = [t for t in dict.fromkeys(texts) if "d:" + t not in self.cache]
        for text, vector in zip(
            todo, self.inner.embed_documents(todo) if todo else [], strict=True
        ):
            self.cache["d:" + text] = vector
        return [self.cache["d:" + t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        if "q:" + text not in self.cache:
            self.cache["q:" + text] = self.inner.embed_query(text)
        return self.cache["q:" + text]

    def save(self) -> None:
        self.path.write_bytes(pickle.dumps(self.cache))


def collect(service: Tiekartta, items: list[QAItem], weights: FusionWeights) -> list[dict]:
    retriever = HybridRetriever(
        service.vectors,
        service.embeddings,
        service.lexical,
        weights=weights,
        versions=service.registry.versions.versions_of,
    )
    answerer = service.answerer
    answerer.retriever = retriever
    filters = EVERYTHING
    doc_language = {d.doc_id: d.language for d in service.registry.documents.list_documents()}
    rows = []
    for item in items:
        language = item.language or detect_language(item.question)
        ranked_docs = distinct_docs(retriever.search(item.question, 40, filters))[:10]
        rank = next((i for i, d in enumerate(ranked_docs, 1) if d in item.gold_docs), None)
        hits, ranked, judged = answerer.retrieve(item.question, filters, language)
        features = dict(
            evidence_features(service.lexical, item.question, hits, ranked, language).values
        )
        features |= answerability_features(service.lexical, item.question, hits, ranked, language)
        features |= extra_features(service.lexical, item.question, ranked, hits, language)
        features["support_same"] = features["support"] * features["top_same_language"]
        # The judge's support with the coverage of the chunk the best sentence is quoted from.
        features["support_quoted"] = EvidenceJudge(service.lexical, coverage_of="quoted").support(
            item.question, hits, ranked, language
        )
        features["kind_share_same"] = features["kind_share"] * features["top_same_language"]
        text = answerer._extract(item.question, hits, ranked, language).answer if hits else ""
        contains = bool(item.must_contain) and all(
            s.casefold() in text.casefold() for s in item.must_contain
        )
        gold_language = sorted({doc_language.get(d, "?") for d in item.gold_docs})
        rows.append(
            {
                "id": item.id,
                "type": item.type,
                "language": language,
                "pair": f"{language}->{'/'.join(gold_language)}" if item.gold_docs else "-",
                "answerable": item.answerable,
                "rank": rank,
                "contains": contains,
                "judged_found": judged,
                "features": features,
            }
        )
    return rows


# -- groups and folds ---------------------------------------------------------------------
def groups(items: list[QAItem], notes: dict[str, str], links: list[tuple[str, str]]) -> list[int]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for a, b in links:
        union(a, b)
    keys = []
    for item in items:
        docs = item.gold_docs or sorted(set(_DOC.findall(notes.get(item.id, "")))) or [item.id]
        for d in docs[1:]:
            union(docs[0], d)
        keys.append(docs[0])
    roots = [find(k) for k in keys]
    numbering = {r: i for i, r in enumerate(dict.fromkeys(roots))}
    return [numbering[r] for r in roots]


def folds(group_of: list[int], k: int, seed: int) -> list[int]:
    """Fold of each question: whole groups dealt to folds, largest first, to balance sizes."""
    sizes: dict[int, int] = {}
    for g in group_of:
        sizes[g] = sizes.get(g, 0) + 1
    order = list(sizes)
    random.Random(seed).shuffle(order)
    order.sort(key=lambda g: -sizes[g])
    load = [0] * k
    fold_of_group = {}
    for g in order:
        f = min(range(k), key=lambda i: (load[i], random.Random(seed * 31 + g).random()))
        fold_of_group[g] = f
        load[f] += sizes[g]
    return [fold_of_group[g] for g in group_of]


# -- deciders -----------------------------------------------------------------------------
Decider = Callable[[dict[str, float]], bool]
Fitter = Callable[[list[dict[str, float]], list[bool], float], Decider]


def best_cut(values: list[float], answerable: list[bool], limit: float) -> float:
    """Highest cut (refuse below it) whose false refusals on these rows stay within `limit`."""
    pos = sorted(v for v, a in zip(values, answerable, strict=True) if a)
    if not pos:
        return -np.inf
    allowed = int(np.floor(limit * len(pos)))
    # refusing below pos[allowed] refuses exactly `allowed` answerable rows (ties aside)
    return pos[allowed] if allowed < len(pos) else pos[-1]


def threshold(feature: str) -> Fitter:
    def fit(rows: list[dict[str, float]], answerable: list[bool], limit: float) -> Decider:
        cut = best_cut([r[feature] for r in rows], answerable, limit)
        return lambda row: row[feature] >= cut

    return fit


def split_threshold(feature: str, by: str) -> Fitter:
    """One cut for rows with by = 1 (evidence in the question's language), one for the rest."""

    def fit(rows: list[dict[str, float]], answerable: list[bool], limit: float) -> Decider:
        cuts = {}
        for side in (0.0, 1.0):
            part = [(r, a) for r, a in zip(rows, answerable, strict=True) if r[by] == side]
            cuts[side] = best_cut([r[feature] for r, _ in part], [a for _, a in part], limit)
        return lambda row: row[feature] >= cuts[row[by]]

    return fit


def fit_rule(
    rows: list[dict[str, float]], answerable: list[bool], limit: float, grid: int = 12
) -> dict[str, float]:
    """Cuts of a monotone rule: found iff support >= a, unseen <= b and entity_missing <= c.

    Each feature's cut runs over quantiles of its training values (plus 'no cut'); the
    combination with most refusals whose false refusals stay <= limit wins (ties: fewer false).
    """
    a_ = np.array(answerable)
    values = {f: np.array([r[f] for r in rows]) for f in RULE}
    options = {
        f: [*np.unique(np.quantile(v, np.linspace(0, 1, grid))), np.inf if RULE[f] < 0 else -np.inf]
        for f, v in values.items()
    }
    best: tuple[float, float] = (-1.0, -1.0)
    chosen = {f: (np.inf if RULE[f] < 0 else -np.inf) for f in RULE}
    for a in options["support"]:
        keep_a = values["support"] >= a
        for b in options["unseen"]:
            keep_b = keep_a & (values["unseen"] <= b)
            for c in options["entity_missing"]:
                found = keep_b & (values["entity_missing"] <= c)
                false = float((~found & a_).sum()) / max(a_.sum(), 1)
                if false > limit:
                    continue
                refused = float((~found & ~a_).sum()) / max((~a_).sum(), 1)
                if (refused, -false) > best:
                    best = (refused, -false)
                    chosen = {"support": a, "unseen": b, "entity_missing": c}
    return {k: float(v) for k, v in chosen.items()}


RULE = {"support": 1, "unseen": -1, "entity_missing": -1}  # +1: higher is 'found'


def rule_decider(rows: list[dict[str, float]], answerable: list[bool], limit: float) -> Decider:
    cuts = fit_rule(rows, answerable, limit)
    return lambda row: (
        row["support"] >= cuts["support"]
        and row["unseen"] <= cuts["unseen"]
        and row["entity_missing"] <= cuts["entity_missing"]
    )


def threshold_low(feature: str) -> Fitter:
    """Lower is 'found': refuse above a cut fitted on the training rows."""

    def fit(rows: list[dict[str, float]], answerable: list[bool], limit: float) -> Decider:
        cut = best_cut([-r[feature] for r in rows], answerable, limit)
        return lambda row: -row[feature] >= cut

    return fit


def fit_logistic(
    rows: list[dict[str, float]],
    answerable: list[bool],
    features: tuple[str, ...],
    limit: float,
    c: float = 1.0,
) -> LogisticModel:
    """A standardised, class-balanced logistic model; its cut keeps false refusals <= limit."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([[r[f] for f in features] for r in rows])
    mean, scale = x.mean(0), x.std(0)
    scale[scale < 1e-6] = 1.0  # a constant feature (e.g. in a small training part)
    fitted = LogisticRegression(C=c, class_weight="balanced", max_iter=1000)
    fitted.fit((x - mean) / scale, answerable)
    model = LogisticModel(
        features,
        tuple(round(float(v), 6) for v in mean),
        tuple(round(float(v), 6) for v in scale),
        tuple(round(float(v), 6) for v in fitted.coef_[0]),
        round(float(fitted.intercept_[0]), 6),
        0.0,
    )
    model.cut = round(best_cut([model.margin(r) for r in rows], answerable, limit), 6)
    return model


def logistic(features: tuple[str, ...], c: float = 1.0) -> Fitter:
    def fit(rows: list[dict[str, float]], answerable: list[bool], limit: float) -> Decider:
        model = fit_logistic(rows, answerable, features, limit, c)
        return lambda row: model.margin(row) >= model.cut

    return fit


@dataclass
class Outcome:
    refusal: float
    false_refusal: float
    contains: float

    def cells(self) -> str:
        """The three figures as Markdown table cells: refusal | false refusal | contains."""
        return f"{self.refusal:.3f} | {self.false_refusal:.3f} | {self.contains:.3f}"


def outcome(rows: list[dict], found: list[bool]) -> Outcome:
    ans = [(r, f) for r, f in zip(rows, found, strict=True) if r["answerable"]]
    una = [f for r, f in zip(rows, found, strict=True) if not r["answerable"]]
    return Outcome(
        refusal=sum(not f for f in una) / max(len(una), 1),
        false_refusal=sum(not f for _, f in ans) / max(len(ans), 1),
        contains=sum(f and r["contains"] for r, f in ans) / max(len(ans), 1),
    )


def cross_fitted(
    rows: list[dict], fit: Fitter, group_of: list[int], k: int, seeds: int, limit: float
) -> list[list[bool]]:
    """Decisions per repeat; each question decided by a model fitted without its fold."""
    runs = []
    for seed in range(seeds):
        fold_of = folds(group_of, k, seed)
        found = [True] * len(rows)
        for f in range(k):
            train = [r for r, g in zip(rows, fold_of, strict=True) if g != f]
            decide = fit([r["features"] for r in train], [r["answerable"] for r in train], limit)
            for i, g in enumerate(fold_of):
                if g == f:
                    found[i] = decide(rows[i]["features"])
        runs.append(found)
    return runs


def inner_score(
    train: list[dict], fit: Fitter, inner_groups: list[int], k: int, limit: float
) -> tuple[bool, float, float]:
    """How a decider does by group k-fold inside a training part (for choosing among them)."""
    run = cross_fitted(train, fit, inner_groups, k - 1, 1, limit)[0]
    o = outcome(train, run)
    return (o.false_refusal <= limit, o.refusal, -o.false_refusal)


def nested_choice(
    rows: list[dict], group_of: list[int], k: int, seeds: int, limit: float
) -> tuple[list[list[bool]], dict[str, int]]:
    """Outer folds as in cross_fitted; the decider itself is chosen by inner group k-fold on
    the training part only (most refusals with false refusals <= limit, else fewest false)."""
    runs, chosen = [], {}
    for seed in range(seeds):
        fold_of = folds(group_of, k, seed)
        found = [True] * len(rows)
        for f in range(k):
            train_idx = [i for i, g in enumerate(fold_of) if g != f]
            train = [rows[i] for i in train_idx]
            inner_groups = [group_of[i] for i in train_idx]

            name = max(
                DECIDERS, key=lambda n: inner_score(train, DECIDERS[n], inner_groups, k, limit)
            )
            chosen[name] = chosen.get(name, 0) + 1
            decide = DECIDERS[name](
                [r["features"] for r in train], [r["answerable"] for r in train], limit
            )
            for i, g in enumerate(fold_of):
                if g == f:
                    found[i] = decide(rows[i]["features"])
        runs.append(found)
    return runs, chosen


def mean_outcome(rows: list[dict], runs: list[list[bool]], subset: list[int]) -> Outcome:
    outs = [outcome([rows[i] for i in subset], [run[i] for i in subset]) for run in runs]
    return Outcome(
        statistics.fmean(o.refusal for o in outs),
        statistics.fmean(o.false_refusal for o in outs),
        statistics.fmean(o.contains for o in outs),
    )


def train_mrr(rows: list[dict], fold_of: list[int], test_fold: int) -> float:
    return retrieval_figures([r for r, g in zip(rows, fold_of, strict=True) if g != test_fold])[
        "mrr"
    ]


def slice_row(rows: list[dict]) -> str:
    """r@1, r@5, MRR, answer contains (found and holds the facts), refusal, false refusal."""
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]

    def share(values: list[bool]) -> str:
        return f"{sum(values) / len(values):.2f}" if values else "–"

    mrr = f"{statistics.fmean(1 / r['rank'] if r['rank'] else 0 for r in ans):.2f}" if ans else "–"
    return " | ".join(
        [
            str(len(rows)),
            share([r["rank"] == 1 for r in ans]),
            share([bool(r["rank"]) and r["rank"] <= 5 for r in ans]),
            mrr,
            share([r["contains"] and r["judged_found"] for r in ans]),
            share([not r["judged_found"] for r in una]),
            share([not r["judged_found"] for r in ans]),
        ]
    )


def slice_table(rows: list[dict], sets: dict[str, list[int]], key: str) -> None:
    """Markdown: one line per question type or language pair, the two QA files side by side."""
    head = "n | r@1 | r@5 | MRR | contains | refusal | false refusal"
    print(f"| {key} | qa-dev: {head} | qa-dev-trust: {head} |")
    values = sorted({r[key] for r in rows})
    for value in values:
        cells = [
            slice_row([rows[i] for i in sets[name] if rows[i][key] == value])
            if any(rows[i][key] == value for i in sets[name])
            else " | ".join(["0"] + ["–"] * 6)
            for name in ("qa-dev", "qa-dev-trust")
        ]
        print(f"| {value} | {cells[0]} | {cells[1]} |")


def retrieval_figures(rows: list[dict]) -> dict[str, float]:
    ans = [r for r in rows if r["answerable"]]
    if not ans:
        return {}
    return {
        "n": len(ans),
        "r@1": round(sum(r["rank"] == 1 for r in ans) / len(ans), 3),
        "r@5": round(sum(bool(r["rank"]) and r["rank"] <= 5 for r in ans) / len(ans), 3),
        "mrr": round(statistics.fmean(1 / r["rank"] if r["rank"] else 0 for r in ans), 3),
        "extract_contains": round(sum(r["contains"] for r in ans) / len(ans), 3),
    }


DECIDERS: dict[str, Fitter] = {
    "support (shipped judge, refit)": threshold("support"),
    "sentence": threshold("sentence"),
    "support, coverage of the quoted chunk only": threshold("support_quoted"),
    "kind_share": threshold("kind_share"),
    "logistic: support+kind_share+unseen": logistic(("support", "kind_share", "unseen")),
    "logistic: all": logistic(
        (
            "sentence",
            "dense",
            "coverage",
            "rare_missing",
            "kind_missing",
            "same_language",
            "unseen",
            "sentence_share",
            "kind_share",
            "sentence_share_same",
            "kind_share_same",
            "dense_top1",
            "entity_missing",
            "entity_share",
        ),
        c=0.3,
    ),
    "entity_missing": threshold_low("entity_missing"),
    "shipped: logistic over support, kind_share, entity_missing, entity_share, unseen": logistic(
        FEATURES
    ),
    "rule: support >= a and unseen <= b and entity_missing <= c": rule_decider,
    "support, one cut per evidence language": split_threshold("support", "top_same_language"),
    "logistic: support+unseen+entity, by evidence language": logistic(
        (
            "support",
            "support_same",
            "top_same_language",
            "unseen",
            "entity_missing",
            "kind_share_same",
        )
    ),
    "logistic: lexical-evidence": logistic(
        (
            "kind_share_same",
            "sentence_share_same",
            "rare_missing",
            "unseen",
            "top_same_language",
            "entity_missing",
            "entity_share",
        )
    ),
}


def held_out_rows(
    per_variant: dict[str, list[dict]], group_of: list[int], k: int, seeds: int, limit: float
) -> list[list[dict]]:
    """Per shuffle, every question as its test fold saw it: the variant chosen by training MRR,
    'found' decided by the support cut refitted on the training folds of that variant."""
    runs = []
    for seed in range(seeds):
        fold_of = folds(group_of, k, seed)
        out: list[dict] = [{} for _ in group_of]
        for f in range(k):
            name = max(per_variant, key=lambda n: train_mrr(per_variant[n], fold_of, f))  # noqa: B023
            rows = per_variant[name]
            train = [r for r, g in zip(rows, fold_of, strict=True) if g != f]
            decide = threshold("support")(
                [r["features"] for r in train], [r["answerable"] for r in train], limit
            )
            for i, g in enumerate(fold_of):
                if g == f:
                    out[i] = rows[i] | {"judged_found": decide(rows[i]["features"])}
        runs.append(out)
    return runs


def _figures(rows: list[dict]) -> list[float | None]:
    """r@1, r@5, MRR, contains (found and holding the facts), refusal, false refusal."""
    ans = [r for r in rows if r["answerable"]]
    una = [r for r in rows if not r["answerable"]]

    def share(values: list[bool]) -> float | None:
        return sum(values) / len(values) if values else None

    return [
        share([r["rank"] == 1 for r in ans]),
        share([bool(r["rank"]) and r["rank"] <= 5 for r in ans]),
        statistics.fmean(1 / r["rank"] if r["rank"] else 0 for r in ans) if ans else None,
        share([r["contains"] and r["judged_found"] for r in ans]),
        share([not r["judged_found"] for r in una]),
        share([not r["judged_found"] for r in ans]),
    ]


def dev_vs_held_out(shipped: list[dict], runs: list[list[dict]], key: str) -> None:
    """Markdown: per slice, the shipped defaults on all questions (dev) beside the cross-fitted
    figures (mean over shuffles) — each cell 'dev / held-out'."""
    names = ["r@1", "r@5", "MRR", "contains", "refusal", "false refusal"]
    print(f"| {key} | n | " + " | ".join(names) + " |")
    print("| --- " * (len(names) + 2) + "|")
    for value in sorted({r[key] for r in shipped}):
        idx = [i for i, r in enumerate(shipped) if r[key] == value]
        dev = _figures([shipped[i] for i in idx])
        per_run = [_figures([run[i] for i in idx]) for run in runs]
        cells = []
        for j, d in enumerate(dev):
            if d is None:
                cells.append("–")
                continue
            held = statistics.fmean(p[j] for p in per_run if p[j] is not None)
            cells.append(f"{d:.2f} / {held:.2f}")
        print(f"| {value} | {len(idx)} | " + " | ".join(cells) + " |")


def load_questions(data: Path) -> tuple[list[QAItem], dict[str, str]]:
    """The questions of both QA files, and each one's `answer` note (names near-miss topics)."""
    qa_files = [data / "qa-dev.jsonl", data / "qa-dev-trust.jsonl"]
    items = [item for path in qa_files for item in load_qa(path)]
    notes = {
        json.loads(line)["id"]: json.loads(line).get("answer", "")
        for path in qa_files
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    return items, notes


def cached_app(data_dir: Path, cache: Path) -> tuple[Tiekartta, CachedEmbeddings]:
    """The application with its embedder behind the vector cache in `cache`."""
    service = bench_app(data_dir)
    cache.mkdir(parents=True, exist_ok=True)
    cached = CachedEmbeddings(service.embeddings, cache / "vectors.pkl")
    service.__dict__["embeddings"] = cached  # before any part is built from it
    return service, cached


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--decide-on", default="event", help="variant whose features decide")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--max-false-refusal", type=float, default=0.05)
    parser.add_argument("--fit-out", action="store_true", help="print the shipped model")
    args = parser.parse_args()
    items, notes = load_questions(args.data)
    service, cached = cached_app(args.data_dir, args.cache)
    per_variant: dict[str, list[dict]] = {}
    for name in args.variants.split(","):
        path = args.cache / f"{name}.json"
        if not path.exists():
            path.write_text(json.dumps(collect(service, items, VARIANTS[name])))
            cached.save()
        per_variant[name] = json.loads(path.read_text())
    links = [
        (d.doc_id, link.other_id)
        for d in service.registry.documents.list_documents()
        for link in service.registry.versions.versions_of([d.doc_id]).get(d.doc_id, [])
    ]
    group_of = groups(items, notes, links)
    print(f"{len(items)} questions in {len(set(group_of))} document groups, {args.folds} folds")
    sets = {
        "qa-dev": [i for i, it in enumerate(items) if not it.id.startswith("t")],
        "qa-dev-trust": [i for i, it in enumerate(items) if it.id.startswith("t")],
        "all": list(range(len(items))),
    }
    print("\n## retrieval per variant (no fitted parameter)")
    for name, rows in per_variant.items():
        for set_name, subset in sets.items():
            print(name, set_name, retrieval_figures([rows[i] for i in subset]))
        for key in ("type", "pair"):
            values = sorted({r[key] for r in rows if r["answerable"]})
            for v in values:
                print(" ", key, v, retrieval_figures([r for r in rows if r[key] == v]))
    print("\n## variant chosen inside the folds (best training MRR), scored on the test folds")
    for set_name, subset in sets.items():
        picked: list[dict[str, float]] = []
        chosen: dict[str, int] = {}
        for seed in range(args.seeds):
            fold_of = folds(group_of, args.folds, seed)
            test_rows: list[dict] = []
            for f in range(args.folds):
                best = max(
                    per_variant,
                    key=lambda name: train_mrr(per_variant[name], fold_of, f),  # noqa: B023
                )
                chosen[best] = chosen.get(best, 0) + 1
                test_rows += [per_variant[best][i] for i in subset if fold_of[i] == f]
            picked.append(retrieval_figures(test_rows))
        means = {k: round(statistics.fmean(p[k] for p in picked), 3) for k in picked[0]}
        print(set_name, means, "chosen:", chosen)
    for name in ("base", args.decide_on):
        if name in per_variant:
            print(f"\n## {name}: per type and language pair (the shipped judge decides)")
            slice_table(per_variant[name], sets, "type")
            slice_table(per_variant[name], sets, "pair")
    runs_held = held_out_rows(per_variant, group_of, args.folds, args.seeds, args.max_false_refusal)
    print(f"\n## {args.decide_on} (dev) / held-out (variant and cut chosen in the folds)")
    for set_name in ("qa-dev", "qa-dev-trust", "all"):
        subset = sets[set_name]
        fake = [per_variant[args.decide_on][i] | {"file": set_name} for i in subset]
        dev_vs_held_out(fake, [[run[i] for i in subset] for run in runs_held], "file")
    for key in ("type", "pair"):
        dev_vs_held_out(per_variant[args.decide_on], runs_held, key)
    rows = per_variant[args.decide_on]
    print(f"\n## 'not found' deciders on variant {args.decide_on}")
    print("| decider | set | in-sample: refusal | false refusal | contains ", end="")
    print("| cross-fitted: refusal | false refusal | contains |")
    for name, fit in DECIDERS.items():
        decide = fit(
            [r["features"] for r in rows], [r["answerable"] for r in rows], args.max_false_refusal
        )
        in_sample = [decide(r["features"]) for r in rows]
        runs = cross_fitted(rows, fit, group_of, args.folds, args.seeds, args.max_false_refusal)
        for set_name, subset in sets.items():
            a = outcome([rows[i] for i in subset], [in_sample[i] for i in subset])
            b = mean_outcome(rows, runs, subset)
            print(f"| {name} | {set_name} | {a.cells()} | {b.cells()} |")
    runs, chosen = nested_choice(
        rows, group_of, args.folds, min(args.seeds, 3), args.max_false_refusal
    )
    for set_name, subset in sets.items():
        b = mean_outcome(rows, runs, subset)
        print(f"| decider chosen inside the folds | {set_name} | – | – | – | {b.cells()} |")
    print("chosen:", chosen)
    if args.fit_out:
        model = fit_logistic(
            [r["features"] for r in rows],
            [r["answerable"] for r in rows],
            FEATURES,
            args.max_false_refusal,
        )
        print("\nDEFAULT_MODEL =", model)
        rows_f = [r["features"] for r in rows]
        print(
            "RULE cuts =", fit_rule(rows_f, [r["answerable"] for r in rows], args.max_false_refusal)
        )


if __name__ == "__main__":
    main()
