"""Scoring a proposal classifier on a labelled JSONL file (held-out, never trained on).

Gold lines: ``{"id", "text", "language", "labels": [...], "primary"}``. Two protocols:
* ``--train FILE``: learn from the programme examples + the train file, score the gold file;
* otherwise stratified k-fold cross-validation over the gold file: each fold is scored by a
  classifier trained on the programme examples + the other folds, so no item is ever scored
  by a model that saw it.

Metrics (all on the held-out predictions):
* ``accuracy`` — primary label correct;
* ``macro_f1`` — mean F1 of the primary label over the labels (a, b, c, none). A label is
  counted when it occurs in the gold or the predictions of the scored items (so a language
  without any `c` item is not punished with a zero for `c`);
* ``multilabel_f1`` — micro F1 over (item, label) pairs of the full label sets;
* per-class precision/recall/F1, per-language macro-F1 and the confusion matrix
  (rows = gold primary, columns = predicted primary);
* ``ece`` — expected calibration error of the confidence (10 equal-width bins) and the
  share/accuracy of the items below and above the review threshold.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold

from rag.core.classification import NONE_LABEL, Classification, LabelledExample, ProposalClassifier

DEFAULT_LABELS = ("a", "b", "c", NONE_LABEL)

OTHER_COLLECTION = "other"
# Collections of the public proposal data, recognised in `source_url` (first match wins).
COLLECTION_PATTERNS = (
    ("omastadi", ("mapping_citizen_voices", "omastadi")),
    ("goteborgsforslaget", ("goteborgsforslaget", "eforslag.goteborg")),
    ("save-award", ("saveaward", "save-award")),
)


def collection_of(source_url: str | None) -> str:
    """The collection a proposal came from, read from its `source_url`."""
    url = (source_url or "").casefold()
    for name, patterns in COLLECTION_PATTERNS:
        if any(pattern in url for pattern in patterns):
            return name
    return OTHER_COLLECTION


class GoldFileError(ValueError):
    """A gold/train file line is unusable; the message names the file, the line and why."""


# Gold items are labelled examples with their id and collection (source "train" in training).
GoldItem = LabelledExample


def load_gold(path: Path, labels: Sequence[str] = DEFAULT_LABELS) -> list[GoldItem]:
    """Read and validate a labelled JSONL file."""
    if not path.is_file():
        raise GoldFileError(f"{path}: file not found")
    items: list[GoldItem] = []
    seen: set[str] = set()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise GoldFileError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFileError(f"{where}: invalid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise GoldFileError(f"{where}: expected a JSON object")
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            raise GoldFileError(f"{where}: field 'text' is missing or empty")
        item_labels = row.get("labels")
        if not isinstance(item_labels, list) or not item_labels:
            raise GoldFileError(f"{where}: field 'labels' must be a non-empty list")
        unknown = [label for label in item_labels if label not in labels]
        if unknown:
            raise GoldFileError(f"{where}: unknown label(s) {unknown} (known: {list(labels)})")
        primary = row.get("primary") or (item_labels[0] if len(item_labels) == 1 else None)
        if primary not in item_labels:
            raise GoldFileError(f"{where}: field 'primary' {primary!r} is not in {item_labels}")
        item_id = str(row.get("id") or f"line{number}")
        if item_id in seen:
            raise GoldFileError(f"{where}: duplicate id {item_id!r}")
        seen.add(item_id)
        language = row.get("language")
        collection = row.get("collection") or collection_of(row.get("source_url"))
        items.append(
            LabelledExample(
                text,
                tuple(item_labels),
                str(primary),
                language or None,
                "train",
                item_id,
                str(collection),
            )
        )
    if not items:
        raise GoldFileError(f"{path}: no labelled items")
    return items


@dataclass
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class ClassifyScores:
    n: int
    accuracy: float
    macro_f1: float
    multilabel_f1: float
    per_class: dict[str, ClassScore]
    per_language_macro_f1: dict[str, float]
    per_language_n: dict[str, int]
    confusion: dict[str, dict[str, int]]
    ece: float
    review_share: float
    accuracy_reviewed: float | None
    accuracy_not_reviewed: float | None
    modes: dict[str, int] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self, with_items: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not with_items:
            data.pop("items")
        return data


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _per_class(gold: list[str], pred: list[str], label: str) -> ClassScore:
    tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
    predicted = sum(p == label for p in pred)
    support = sum(g == label for g in gold)
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    return ClassScore(
        round(precision, 4), round(recall, 4), round(_f1(precision, recall), 4), support
    )


def macro_f1(gold: list[str], pred: list[str], labels: Sequence[str]) -> float:
    """Mean F1 over the labels that occur in ``gold`` or ``pred``."""
    present = [label for label in labels if label in gold or label in pred]
    if not present:
        return 0.0
    return float(np.mean([_per_class(gold, pred, label).f1 for label in present]))


def multilabel_f1(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> float:
    """Micro F1 over (item, label) pairs."""
    tp = fp = fn = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def expected_calibration_error(confidence: Sequence[float], correct: Sequence[bool]) -> float:
    conf = np.asarray(confidence, dtype=float)
    hit = np.asarray(correct, dtype=float)
    bins = np.minimum((conf * 10).astype(int), 9)
    error = 0.0
    for b in range(10):
        mask = bins == b
        if mask.any():
            error += mask.mean() * abs(conf[mask].mean() - hit[mask].mean())
    return float(error)


def score(
    items: Sequence[GoldItem],
    results: Sequence[Classification],
    labels: Sequence[str] = DEFAULT_LABELS,
) -> ClassifyScores:
    """All metrics for predictions ``results`` (same order as ``items``)."""
    if len(items) != len(results):
        raise ValueError(f"{len(items)} gold items but {len(results)} predictions")
    gold = [item.primary for item in items]
    pred = [result.primary for result in results]
    correct = [g == p for g, p in zip(gold, pred, strict=True)]
    languages = sorted({item.language or "?" for item in items})
    by_language: dict[str, float] = {}
    n_language: dict[str, int] = {}
    for language in languages:
        idx = [i for i, item in enumerate(items) if (item.language or "?") == language]
        by_language[language] = round(
            macro_f1([gold[i] for i in idx], [pred[i] for i in idx], labels), 4
        )
        n_language[language] = len(idx)
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, pred, strict=True):
        confusion[g][p] += 1
    reviewed = [r.needs_review for r in results]
    hits_reviewed = [c for c, r in zip(correct, reviewed, strict=True) if r]
    hits_kept = [c for c, r in zip(correct, reviewed, strict=True) if not r]
    modes: dict[str, int] = {}
    for result in results:
        modes[result.mode] = modes.get(result.mode, 0) + 1
    return ClassifyScores(
        n=len(items),
        accuracy=round(float(np.mean(correct)), 4),
        macro_f1=round(macro_f1(gold, pred, labels), 4),
        multilabel_f1=round(
            multilabel_f1([item.labels for item in items], [r.labels for r in results]), 4
        ),
        per_class={label: _per_class(gold, pred, label) for label in labels},
        per_language_macro_f1=by_language,
        per_language_n=n_language,
        confusion=confusion,
        ece=round(expected_calibration_error([r.confidence for r in results], correct), 4),
        review_share=round(float(np.mean(reviewed)), 4),
        accuracy_reviewed=round(float(np.mean(hits_reviewed)), 4) if hits_reviewed else None,
        accuracy_not_reviewed=round(float(np.mean(hits_kept)), 4) if hits_kept else None,
        modes=modes,
        items=[
            {
                "id": item.id,
                "language": item.language,
                "gold": list(item.labels),
                "gold_primary": item.primary,
                "labels": result.labels,
                "primary": result.primary,
                "confidence": result.confidence,
                "needs_review": result.needs_review,
                "reason": result.reason,
            }
            for item, result in zip(items, results, strict=True)
        ],
    )


#: Builds a classifier from extra labelled examples (the programme's own are added by it).
Trainer = Callable[[list[LabelledExample]], ProposalClassifier]


def _classify(classifier: ProposalClassifier, items: Sequence[GoldItem]) -> list[Classification]:
    return classifier.classify([i.text for i in items], [i.language for i in items])


def cross_validate(
    items: Sequence[GoldItem], train: Trainer, folds: int = 5, seed: int = 0
) -> list[Classification]:
    """Held-out predictions for every item by stratified k-fold (stratified by primary)."""
    if folds < 2:
        raise ValueError("--folds must be at least 2")
    primaries = [item.primary for item in items]
    smallest = min(primaries.count(p) for p in set(primaries))
    if smallest < folds:
        raise ValueError(
            f"the rarest primary label has {smallest} items; "
            f"use --folds {max(2, smallest)} or fewer"
        )
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    results: list[Classification | None] = [None] * len(items)
    for train_idx, test_idx in splitter.split(np.zeros(len(items)), primaries):
        classifier = train([items[i] for i in train_idx])
        for i, result in zip(
            test_idx, _classify(classifier, [items[i] for i in test_idx]), strict=True
        ):
            results[i] = result
    return [r for r in results if r is not None]


def train_and_test(
    train_items: Sequence[GoldItem], gold_items: Sequence[GoldItem], train: Trainer
) -> list[Classification]:
    """Predictions for ``gold_items`` by a classifier trained with ``train_items``.

    Items whose exact text is in both files are refused: that would score on trained items.
    """
    train_texts = {" ".join(i.text.split()) for i in train_items}
    overlap = [i.id for i in gold_items if " ".join(i.text.split()) in train_texts]
    if overlap:
        raise ValueError(f"{len(overlap)} gold item(s) also in the train file: {overlap[:5]}")
    return _classify(train(list(train_items)), gold_items)
