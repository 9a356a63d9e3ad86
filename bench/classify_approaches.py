"""Compare proposal-classifier approaches by repeated stratified k-fold CV on a gold file.

    PYTHONPATH=. OMP_WAIT_POLICY=passive python -m bench.classify_approaches \
        --gold ../shared/data/proposals-dev.jsonl [--folds 5] [--seeds 5] [--json]

Every approach is trained on the programme file's examples plus the training folds and
scored on the held-out fold, exactly as `tiekartta eval classify` does; scores are the mean
(± standard deviation) over ``--seeds`` different fold shuffles. Embeddings come from the
content-hash cache in the data directory, so a second run embeds nothing.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from bench.common import arguments
from rag.classify.features import FeatureBuilder, FeatureWeights
from rag.classify.offline import OfflineClassifier, OfflineConfig
from rag.core.classification import NONE_LABEL, Classification, LabelledExample, ProposalClassifier
from rag.core.programme import Programme, load_programme
from rag.core.settings import Settings
from rag.embeddings import make_embeddings
from rag.embeddings.cache import EmbeddingCache
from rag.evaluate.classify import GoldItem, cross_validate, load_gold, score


class SimilarityOnly:
    """Label = the label description most similar to the proposal (no training)."""

    def __init__(self, programme: Programme, cache: EmbeddingCache) -> None:
        self.programme, self.features = programme, FeatureBuilder(programme, cache)

    def classify(
        self, texts: Sequence[str], languages: object = None, progress: object = None
    ) -> list[Classification]:
        sims = self.features.build(texts).similarity
        labels = self.programme.label_ids
        return [
            Classification([labels[i]], labels[i], float(row.max()), "", False)
            for row, i in zip(sims, sims.argmax(axis=1), strict=True)
        ]


class FlatHead:
    """One four-way logistic head on the embedding (optionally + lexicon features); trained
    on the programme's examples plus ``examples``, or on ``examples`` alone."""

    def __init__(
        self,
        programme: Programme,
        cache: EmbeddingCache,
        examples: Sequence[LabelledExample],
        lexicon: bool,
        c: float = 10.0,
        with_programme: bool = True,
    ) -> None:
        self.programme, self.lexicon = programme, lexicon
        self.features = FeatureBuilder(programme, cache)
        examples = [*programme.examples, *examples] if with_programme else list(examples)
        labels = programme.label_ids
        y = np.array([labels.index(ex.primary) for ex in examples])
        self.head = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        self.head.fit(self._matrix([ex.text for ex in examples]), y)

    def _matrix(self, texts: Sequence[str]) -> np.ndarray:
        f = self.features.build(texts)
        if not self.lexicon:
            return f.embeddings
        return np.hstack([f.embeddings, 0.3 * f.purpose, 0.3 * f.markers])

    def classify(
        self, texts: Sequence[str], languages: object = None, progress: object = None
    ) -> list[Classification]:
        probs = self.head.predict_proba(self._matrix(texts))
        labels = self.programme.label_ids
        out = []
        for row in probs:
            full = np.zeros(len(labels))
            full[self.head.classes_] = row
            primary = labels[int(full.argmax())]
            out.append(Classification([primary], primary, float(full.max()), "", False))
        return out


Trainer = Callable[[list[LabelledExample]], ProposalClassifier]


def approaches(programme: Programme, cache: EmbeddingCache) -> dict[str, Trainer]:
    base = OfflineConfig()
    no_purpose = replace(base, weights=FeatureWeights(similarity=3.0, purpose=0.0))
    return {
        "similarity to theme descriptions": lambda ex: SimilarityOnly(programme, cache),
        "flat logistic head (e5)": lambda ex: FlatHead(programme, cache, ex, lexicon=False),
        "flat head + lexicon features": lambda ex: FlatHead(programme, cache, ex, lexicon=True),
        "gate + theme head, no purpose terms": lambda ex: OfflineClassifier(
            programme, cache, ex, no_purpose
        ),
        "gate + theme head, primary labels only": lambda ex: OfflineClassifier(
            programme, cache, ex, replace(base, secondary_rows=False)
        ),
        "gate + theme head, uncalibrated": lambda ex: OfflineClassifier(
            programme, cache, ex, replace(base, calibration="none")
        ),
        "gate + theme head, Platt-calibrated (default)": lambda ex: OfflineClassifier(
            programme, cache, ex, base
        ),
        # What labelled data adds: the programme's examples alone (nothing learnt from the
        # other folds), and the other folds' labels entered as people's review decisions.
        "default, programme examples only": lambda ex: OfflineClassifier(
            programme, cache, (), base
        ),
        "default, other folds as review decisions (weight 3)": lambda ex: OfflineClassifier(
            programme, cache, [replace(e, source="decision") for e in ex], base
        ),
    }


def load_bench(
    gold: Path, programme_file: Path | None
) -> tuple[Settings, Programme, EmbeddingCache, list[GoldItem]]:
    """Settings, programme, the data directory's embedding cache and the gold items."""
    settings = Settings()
    programme = load_programme(programme_file or settings.programme_file)
    cache = EmbeddingCache.in_data_dir(make_embeddings(settings), settings.data_dir)
    return settings, programme, cache, load_gold(gold, programme.label_ids)


def run(items: list[GoldItem], train: Trainer, folds: int, seeds: int) -> dict[str, object]:
    runs = [score(items, cross_validate(items, train, folds, seed)) for seed in range(seeds)]

    def stat(values: list[float]) -> str:
        return f"{np.mean(values):.3f} ± {np.std(values):.3f}"

    languages = sorted(runs[0].per_language_macro_f1)
    return {
        "macro_f1": stat([r.macro_f1 for r in runs]),
        "accuracy": stat([r.accuracy for r in runs]),
        "multilabel_f1": stat([r.multilabel_f1 for r in runs]),
        "ece": f"{np.mean([r.ece for r in runs]):.3f}",
        **{
            f"macro_f1[{lang}]": f"{np.mean([r.per_language_macro_f1[lang] for r in runs]):.3f}"
            for lang in languages
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--programme", type=Path, default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--only", default="", help="run approaches whose name contains this")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    settings, programme, cache, items = load_bench(args.gold, args.programme)
    assert NONE_LABEL in programme.label_ids
    table: dict[str, dict[str, object]] = {}
    for name, trainer in approaches(programme, cache).items():
        if args.only and args.only not in name:
            continue
        start = time.perf_counter()
        table[name] = run(items, trainer, args.folds, args.seeds)
        print(f"{name}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    if args.json:
        print(json.dumps(table, ensure_ascii=False, indent=2))
        return 0
    columns = list(next(iter(table.values())))
    print(
        f"{args.gold.name}: n={len(items)}, {args.folds}-fold CV x {args.seeds} seeds, "
        f"programme {programme.id} ({len(programme.examples)} examples)\n"
    )
    print("| approach | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name, row in table.items():
        print(f"| {name} | " + " | ".join(str(row[c]) for c in columns) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
