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

import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.classify_approaches import FlatHead, load_bench
from bench.classify_pool import pool_texts
from bench.common import arguments
from rag.classify.factory import offline_candidates
from rag.classify.features import FeatureWeights
from rag.classify.offline import OfflineClassifier, OfflineConfig
from rag.core.programme import Programme
from rag.embeddings.cache import EmbeddingCache
from rag.evaluate.classify import GoldItem, Trainer
from rag.evaluate.classify_protocol import PROTOCOLS, ProtocolResult, run_protocols

NO_LEXICON = FeatureWeights(similarity=3.0, purpose=0.0, markers=0.0)


def approaches(
    programme: Programme,
    cache: EmbeddingCache,
    pool: list[str],
    candidates: dict[str, OfflineConfig],
) -> dict[str, dict[str, Trainer]]:
    """Approach name -> its candidate settings (the first is the fixed default)."""
    old = OfflineConfig()
    new = replace(old, weights=NO_LEXICON)

    def offline(config: OfflineConfig, with_pool: bool = False) -> Trainer:
        return lambda ex: OfflineClassifier(
            programme, cache, ex, config, unlabelled=pool if with_pool else ()
        )

    def plain(c: float, with_programme: bool) -> Trainer:
        return lambda ex: FlatHead(programme, cache, ex, False, c, with_programme)

    return {
        "plain logistic head on e5, dev set only": {
            f"C={c:g}": plain(c, with_programme=False) for c in (10.0, 1.0)
        },
        "plain logistic head on e5, programme examples + dev": {
            f"C={c:g}": plain(c, with_programme=True) for c in (10.0, 1.0)
        },
        "gate + theme head, no word lists": {"C=10": offline(new)},
        "gate + theme head, no word lists, self-trained on the OmaStadi pool": {
            "pool weight 0.3": offline(replace(new, pool_weight=0.3), with_pool=True),
        },
        "gate + theme head with the word lists (old default)": {"old default": offline(old)},
        "gate + theme head with the word lists, self-trained on the OmaStadi pool": {
            "pool weight 0.3": offline(replace(old, pool_weight=0.3), with_pool=True),
        },
        "default: word lists or none, chosen inside the folds (eval classify)": {
            name: offline(config) for name, config in candidates.items()
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
