"""Proposal-classifier approaches under the protocols that predict held-out performance.

    TIEKARTTA_DATA_DIR=/tmp/tiekartta-labels PYTHONPATH=. OMP_WAIT_POLICY=passive \
        python -m bench.classify_protocol --gold ../shared/data/proposals-dev.jsonl \
        [--data ../shared/data --pool-limit 1390] [--only 1,3] [--json]

For every approach, three figures on the same gold file:

* ``cv`` — the old protocol: stratified 5-fold CV (seed 0) of the approach's fixed default
  setting (its first candidate);
* ``nested`` — outer stratified 5-fold CV; the candidate setting is chosen by an inner
  stratified CV on the outer training folds only;
* ``loco`` — leave-one-collection-out (OmaStadi, Göteborgsförslaget, SAVE award, other), the
  candidate chosen by leave-one-collection-out over the remaining collections.

Approaches that use the unlabelled OmaStadi pool read it with bench.classify_pool (the
dev set's own OmaStadi items left out); run that script first so the pool's vectors are in
the cache (``--pool-limit`` uses the first N texts only).
"""

from __future__ import annotations

import copy
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from bench.classify_approaches import FlatHead, load_bench
from bench.classify_pool import pool_texts
from bench.common import arguments
from rag.classify.factory import offline_candidates
from rag.classify.features import FeatureBuilder, FeatureWeights
from rag.classify.offline import OfflineClassifier, OfflineConfig
from rag.core.classification import NONE_LABEL, Classification, LabelledExample
from rag.core.programme import Programme
from rag.embeddings.cache import EmbeddingCache
from rag.evaluate.classify import GoldItem, Trainer, macro_f1
from rag.evaluate.classify_protocol import PROTOCOLS, ProtocolResult, run_protocols

OLD_WORD_LISTS = FeatureWeights(similarity=3.0, purpose=0.3, markers=1.0)
# P(none) thresholds and self-training confidence bars the inner folds choose among.
NONE_THRESHOLDS = (0.35, 0.5, 0.65)
POOL_BARS = (0.6, 0.75, 0.9)


class PrototypeClassifier:
    """No head: the theme is the closest theme prototype; `none` when the proposal is not
    closer to the digital-element prototype than to the none prototype by the margin that
    scores best (macro-F1) on the training examples (programme examples + training folds)."""

    def __init__(
        self, programme: Programme, cache: EmbeddingCache, examples: list[LabelledExample]
    ) -> None:
        self.programme, self.features = programme, FeatureBuilder(programme, cache)
        if not programme.digital_element:
            raise ValueError("the prototype approach needs the programme's digital_element")
        train = [*programme.examples, *examples]
        sims = self.features.build([ex.text for ex in train]).similarity
        gold = [ex.primary for ex in train]
        labels = programme.label_ids
        self.margin = max(
            np.linspace(-0.1, 0.1, 41),
            key=lambda m: macro_f1(gold, self._primaries(sims, float(m)), labels),
        )

    def _primaries(self, sims: np.ndarray, margin: float) -> list[str]:
        themes = self.programme.theme_ids
        n = len(themes)
        digital = sims[:, n + 1] - sims[:, n] >= margin
        best = sims[:, :n].argmax(axis=1)
        return [themes[b] if d else NONE_LABEL for b, d in zip(best, digital, strict=True)]

    def classify(
        self, texts: Sequence[str], languages: object = None, progress: object = None
    ) -> list[Classification]:
        primaries = self._primaries(self.features.build(texts).similarity, float(self.margin))
        return [Classification([p], p, 1.0, "", False) for p in primaries]


def approaches(
    programme: Programme,
    cache: EmbeddingCache,
    pool: list[str],
    candidates: dict[str, OfflineConfig],
) -> dict[str, dict[str, Trainer]]:
    """Approach name -> its candidate settings (the first is the fixed default)."""
    # Rows 3-6: Platt-calibrated heads with a row per label, on e5 + prototype similarities.
    platt = OfflineConfig(
        weights=FeatureWeights(similarity=3.0), calibration="sigmoid", secondary_rows=True
    )
    flat = replace(platt, head="flat")
    gate = replace(platt, head="gate")

    def offline(config: OfflineConfig, with_pool: bool = False) -> Trainer:
        return lambda ex: OfflineClassifier(
            programme, cache, ex, config, unlabelled=pool if with_pool else ()
        )

    def plain(c: float) -> Trainer:
        return lambda ex: FlatHead(programme, cache, ex, False, c, True)

    def balanced(config: OfflineConfig) -> OfflineConfig:
        return replace(config, language_balance=True)

    plain_flat = OfflineConfig(  # = the default OfflineConfig(), spelt out
        head="flat",
        weights=FeatureWeights(similarity=0.0),
        calibration="none",
        secondary_rows=False,
    )
    proto_flat = replace(plain_flat, weights=FeatureWeights(similarity=3.0))
    fitted: dict[tuple[OfflineConfig, tuple[str, ...]], OfflineClassifier] = {}

    def thresholded(config: OfflineConfig, threshold: float) -> Trainer:
        """Candidates that differ only in the none threshold share one fit per training set."""

        def train(ex: list[LabelledExample]) -> OfflineClassifier:
            key = (config, tuple(e.text for e in ex))
            if key not in fitted:
                fitted[key] = OfflineClassifier(programme, cache, ex, config)
            chosen = copy.copy(fitted[key])
            chosen.config = replace(config, none_threshold=threshold)
            return chosen

        return train

    return {
        "plain logistic head on e5, programme examples + dev (C chosen inside)": {
            f"C={c:g}": plain(c) for c in (10.0, 1.0)
        },
        "trilingual prototypes only, none margin chosen on the training part": {
            "prototypes": lambda ex: PrototypeClassifier(programme, cache, list(ex)),
        },
        "flat head on e5 + prototype similarities (Platt, secondary rows)": {"flat": offline(flat)},
        "flat head on e5 + prototype similarities (Platt, secondary rows), languages balanced": {
            "flat balanced": offline(balanced(flat))
        },
        "gate + theme head on e5 + prototype similarities": {"gate": offline(gate)},
        "gate + theme head, languages balanced": {"gate balanced": offline(balanced(gate))},
        "plain head inside the classifier (flat, e5 only, no Platt, primary rows)": {
            "plain": offline(plain_flat)
        },
        "flat head on e5 + prototype similarities (no Platt, primary rows)": {
            "prototypes": offline(proto_flat)
        },
        "row 8, languages balanced": {"balanced": offline(balanced(proto_flat))},
        "row 8 + none gate: P(none) threshold chosen inside": {
            f"P(none) >= {t:g}": thresholded(proto_flat, t) for t in NONE_THRESHOLDS
        },
        "row 8, self-trained on the OmaStadi pool (confidence bar chosen inside)": {
            f"bar {bar:g}": offline(
                replace(proto_flat, pool_weight=0.3, pool_confidence=bar), with_pool=True
            )
            for bar in POOL_BARS
        },
        "default (eval classify): its candidates chosen inside the folds": {
            name: offline(config) for name, config in candidates.items()
        },
        "gate + theme head with the word lists switched back on (written looking at dev)": {
            "word lists": offline(replace(gate, weights=OLD_WORD_LISTS))
        },
    }


def evaluate(
    items: list[GoldItem], candidates: dict[str, Trainer], folds: int, seed: int
) -> dict[str, ProtocolResult]:
    """The three protocols exactly as `tiekartta eval classify` runs them."""
    return run_protocols(items, candidates, PROTOCOLS, folds, seed).results


def row(name: str, result: dict[str, ProtocolResult]) -> dict[str, Any]:
    cv, nested, loco = (result[p].scores for p in PROTOCOLS)
    return {
        "approach": name,
        "cv macro_f1": cv.macro_f1,
        "nested macro_f1": nested.macro_f1,
        "loco macro_f1": loco.macro_f1,
        "nested accuracy": nested.accuracy,
        "nested multilabel_f1": nested.multilabel_f1,
        **{f"nested [{k}]": v for k, v in nested.per_language_macro_f1.items()},
        **{f"loco [{k}]": v for k, v in loco.per_language_macro_f1.items()},
        **{f"nested F1 {k}": v.f1 for k, v in nested.per_class.items()},
        **{f"loco F1 {k}": v.f1 for k, v in loco.per_class.items()},
        **{f"loco [{k}]": v for k, v in result["loco"].per_collection_macro_f1.items()},
        "nested choices": sorted(set(result["nested"].choices.values())),
        "loco choices": sorted(set(result["loco"].choices.values())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--programme", type=Path, default=None)
    parser.add_argument("--pool-limit", type=int, default=1390)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--only", default="", help="comma-separated numbers (1 = first) of approaches to run"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    settings, programme, cache, items = load_bench(args.gold, args.programme)
    pool = pool_texts(args.data)[: args.pool_limit]
    rows = []
    table = approaches(programme, cache, pool, offline_candidates(settings))
    wanted = {int(n) for n in args.only.split(",") if n.strip()}
    for number, (name, candidates) in enumerate(table.items(), start=1):
        if wanted and number not in wanted:
            continue
        start = time.perf_counter()
        rows.append(row(name, evaluate(items, candidates, args.folds, args.seed)))
        print(f"{name}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
        print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    columns = [c for c in rows[0] if c != "approach"]
    print(
        f"{args.gold.name}: n={len(items)}; programme {programme.id} "
        f"({len(programme.examples)} examples); pool {len(pool)} texts\n"
    )
    print("| approach | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for r in rows:
        print(f"| {r['approach']} | " + " | ".join(str(r[c]) for c in columns) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
