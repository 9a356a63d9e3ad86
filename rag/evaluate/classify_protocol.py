"""Evaluation protocols for the proposal classifier that predict held-out performance.

Plain k-fold CV on the dev set over-estimated held-out macro-F1 (0.80 vs 0.67) because word
lists, weights and thresholds were chosen while looking at every dev item, and because dev
items of one collection (OmaStadi, Göteborgsförslaget, the SAVE award ideas ...) resemble
each other more than they resemble the proposals a city will classify. Two protocols here:

* **nested stratified CV** — outer stratified k-fold; every choice among the candidate
  settings is made by an inner CV on the outer training folds only, then the chosen setting
  is trained on the whole outer training part and scores the outer test fold;
* **leave-one-collection-out (LOCO)** — each collection (from `source_url`) is held out in
  turn and scored by a model that never saw any item of it; the inner selection is again
  leave-one-collection-out over the remaining collections.

A *candidate* is a named :data:`Trainer`; with one candidate there is nothing to choose and
nested CV is plain CV.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

from rag.core.classification import Classification
from rag.evaluate.classify import (
    DEFAULT_LABELS,
    ClassifyScores,
    GoldItem,
    Trainer,
    macro_f1,
    score,
)


class TooFewItems(ValueError):
    """The items cannot be split into the requested folds (a label or collection is too rare)."""


@dataclass(frozen=True)
class Split:
    """One fold: indices into the item list that train and test, and the fold's name."""

    train: tuple[int, ...]
    test: tuple[int, ...]
    name: str


#: Makes the folds for a list of items (outer or inner).
Splitter = Callable[[Sequence[GoldItem]], list[Split]]


def stratified_splitter(folds: int = 5, seed: int = 0) -> Splitter:
    """Stratified k-fold by primary label; fewer folds when the rarest label is rarer."""

    def split(items: Sequence[GoldItem]) -> list[Split]:
        primaries = [item.primary for item in items]
        smallest = min(primaries.count(p) for p in set(primaries))
        k = min(folds, smallest)
        if k < 2:
            raise TooFewItems(
                f"the rarest primary label has {smallest} item(s); need at least 2 per label"
            )
        splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
        return [
            Split(tuple(int(i) for i in tr), tuple(int(i) for i in te), f"fold {n + 1}/{k}")
            for n, (tr, te) in enumerate(splitter.split(np.zeros(len(items)), primaries))
        ]

    return split


def collection_splitter(fallback: Splitter | None = None) -> Splitter:
    """One fold per collection (held out in turn); ``fallback`` when there is only one."""

    def split(items: Sequence[GoldItem]) -> list[Split]:
        names = sorted({item.collection for item in items})
        if len(names) < 2:
            if fallback is None:
                raise TooFewItems(
                    "leave-one-collection-out needs items from at least two collections "
                    "(found: " + (", ".join(names) or "none") + "); add 'source_url' fields"
                )
            return fallback(items)
        return [
            Split(
                tuple(i for i, item in enumerate(items) if item.collection != name),
                tuple(i for i, item in enumerate(items) if item.collection == name),
                name,
            )
            for name in names
        ]

    return split


def held_out_predictions(
    items: Sequence[GoldItem], splits: Sequence[Split], train: Trainer
) -> list[Classification]:
    """Every item predicted by a model trained on the other part of its fold."""
    results: list[Classification | None] = [None] * len(items)
    for fold in splits:
        classifier = train([items[i] for i in fold.train])
        test = [items[i] for i in fold.test]
        predicted = classifier.classify([i.text for i in test], [i.language for i in test])
        for i, result in zip(fold.test, predicted, strict=True):
            results[i] = result
    missing = [items[i].id for i, r in enumerate(results) if r is None]
    if missing:
        raise ValueError(f"the folds leave {len(missing)} item(s) unscored: {missing[:5]}")
    return [r for r in results if r is not None]


def choose(
    items: Sequence[GoldItem],
    candidates: Mapping[str, Trainer],
    inner: Splitter,
    labels: Sequence[str] = DEFAULT_LABELS,
) -> tuple[str, dict[str, float]]:
    """The candidate with the best inner macro-F1 on ``items`` (ties: the first listed).

    When ``items`` are too few to split, the first candidate (the default) is kept."""
    names = list(candidates)
    if len(names) == 1:
        return names[0], {}
    try:
        splits = inner(items)
    except TooFewItems:
        return names[0], {}
    gold = [item.primary for item in items]
    inner_f1: dict[str, float] = {}
    for name in names:
        predicted = held_out_predictions(items, splits, candidates[name])
        inner_f1[name] = round(macro_f1(gold, [r.primary for r in predicted], labels), 4)
    best = max(names, key=lambda name: (inner_f1[name], -names.index(name)))
    return best, inner_f1


@dataclass
class ProtocolResult:
    """Scores of one protocol, with the per-fold choices and per-collection macro-F1."""

    protocol: str
    scores: ClassifyScores
    choices: dict[str, str] = field(default_factory=dict)  # fold name -> chosen candidate
    per_collection_macro_f1: dict[str, float] = field(default_factory=dict)
    per_collection_n: dict[str, int] = field(default_factory=dict)

    def as_dict(self, with_items: bool = False) -> dict[str, Any]:
        return {
            "protocol": self.protocol,
            **self.scores.as_dict(with_items),
            "choices": self.choices,
            "per_collection_macro_f1": self.per_collection_macro_f1,
            "per_collection_n": self.per_collection_n,
        }


def nested_evaluation(
    items: Sequence[GoldItem],
    candidates: Mapping[str, Trainer],
    outer: Splitter,
    inner: Splitter,
    protocol: str,
    labels: Sequence[str] = DEFAULT_LABELS,
) -> ProtocolResult:
    """Outer folds scored by the candidate an inner CV chose on the outer training part."""
    if not candidates:
        raise ValueError("no candidate classifier to evaluate")
    results: list[Classification | None] = [None] * len(items)
    choices: dict[str, str] = {}
    for fold in outer(items):
        train_items = [items[i] for i in fold.train]
        chosen, _ = choose(train_items, candidates, inner, labels)
        choices[fold.name] = chosen
        classifier = candidates[chosen](list(train_items))
        test = [items[i] for i in fold.test]
        predicted = classifier.classify([t.text for t in test], [t.language for t in test])
        for i, result in zip(fold.test, predicted, strict=True):
            results[i] = result
    final = [r for r in results if r is not None]
    if len(final) != len(items):
        raise ValueError("the outer folds do not cover every item")
    return _result(protocol, items, final, choices, labels)


def _result(
    protocol: str,
    items: Sequence[GoldItem],
    results: Sequence[Classification],
    choices: dict[str, str],
    labels: Sequence[str],
) -> ProtocolResult:
    by_collection: dict[str, float] = {}
    n_collection: dict[str, int] = {}
    for name in sorted({item.collection for item in items}):
        idx = [i for i, item in enumerate(items) if item.collection == name]
        by_collection[name] = round(
            macro_f1([items[i].primary for i in idx], [results[i].primary for i in idx], labels),
            4,
        )
        n_collection[name] = len(idx)
    return ProtocolResult(
        protocol, score(items, results, labels), choices, by_collection, n_collection
    )


PROTOCOLS = ("cv", "nested", "loco")


@dataclass
class ProtocolReport:
    """The results of the protocols that ran, and why any requested one could not run."""

    results: dict[str, ProtocolResult]
    skipped: dict[str, str] = field(default_factory=dict)


def run_protocols(
    items: Sequence[GoldItem],
    candidates: Mapping[str, Trainer],
    protocols: Sequence[str] = PROTOCOLS,
    folds: int = 5,
    seed: int = 0,
    labels: Sequence[str] = DEFAULT_LABELS,
) -> ProtocolReport:
    """``cv``: plain stratified CV of the first candidate (the old protocol); ``nested``:
    stratified CV with the candidate chosen inside the training folds; ``loco``: each
    collection held out in turn, the candidate chosen leave-one-collection-out inside."""
    unknown = [p for p in protocols if p not in PROTOCOLS]
    if unknown:
        raise ValueError(f"unknown protocol(s) {unknown}; use {', '.join(PROTOCOLS)}")
    if folds < 3:
        raise ValueError("--folds must be at least 3 (the inner selection needs 2 or more)")
    outer = stratified_splitter(folds, seed)
    inner = stratified_splitter(folds - 1, seed + 1)
    report = ProtocolReport({})
    collections = {item.collection for item in items}
    for protocol in protocols:
        if protocol == "cv":
            default = {next(iter(candidates)): next(iter(candidates.values()))}
            report.results[protocol] = nested_evaluation(
                items, default, outer, inner, protocol, labels
            )
        elif protocol == "nested" and len(candidates) == 1 and "cv" in report.results:
            # Nothing to choose: nested CV is the plain CV already run (same folds).
            report.results[protocol] = replace(report.results["cv"], protocol=protocol)
        elif protocol == "nested":
            report.results[protocol] = nested_evaluation(
                items, candidates, outer, inner, protocol, labels
            )
        elif len(collections) < 2:
            report.skipped[protocol] = (
                "needs items from at least two collections (a 'source_url' or 'collection' "
                "field on each line); found: " + ", ".join(sorted(collections))
            )
        else:
            report.results[protocol] = nested_evaluation(
                items,
                candidates,
                collection_splitter(),
                collection_splitter(inner),
                protocol,
                labels,
            )
    return report
