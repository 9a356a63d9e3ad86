"""Calibrate and compare 'not found' deciders on a QA set, with leave-one-out figures.

    PYTHONPATH=$PWD OMP_WAIT_POLICY=passive /work/venv/bin/python -m bench.calibrate_refusal \\
        --data-dir D --qa ../shared/data/qa-dev.jsonl [--features-out F.json] [--features F.json]

For every question it retrieves as `ask` does and records the evidence features of
`rag.evaluate.judge_features.evidence_features` plus the current judge's support. Then each
approach is scored by leave-one-out cross-validation: its threshold (or logistic model and cut)
is fitted on the other questions only, choosing the most refusals whose false refusals stay
within `--max-false-refusal` there, and the left-out question is decided with it. No question is
ever decided by a rule fitted on itself. The last lines print a logistic model fitted on all
questions (what a logistic judge would store), which the LOO figures describe.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from bench.common import arguments, bench_app
from rag.answer.judge import EvidenceJudge
from rag.core.documents import ALL_ACCESS
from rag.core.language import detect_language
from rag.core.results import SearchFilters
from rag.evaluate.judge_features import FEATURES, evidence_features
from rag.evaluate.retrieval import load_qa

Row = dict[str, float]
# An approach fits on training rows (features, answerable) and returns a decider for one row.
Fitter = Callable[[list[Row], list[bool], float], Callable[[Row], bool]]


def collect(data_dir: Path, qa: Path) -> list[dict[str, object]]:
    service = bench_app(data_dir)
    judge = EvidenceJudge(service.lexical)
    filters = SearchFilters(access_levels=ALL_ACCESS)
    rows = []
    for item in load_qa(qa):
        language = item.language or detect_language(item.question)
        hits, ranked, _ = service.answerer.retrieve(item.question, filters, language)
        features = evidence_features(service.lexical, item.question, hits, ranked, language)
        row: Row = dict(features.values)
        row["support"] = judge.support(item.question, hits, ranked, language)
        rows.append({"id": item.id, "answerable": item.answerable, "features": row})
    return rows


def threshold_fitter(feature: str, higher_is_found: bool = True) -> Fitter:
    """One feature against a threshold fitted on the training rows."""

    def fit(rows: list[Row], answerable: list[bool], limit: float) -> Callable[[Row], bool]:
        sign = 1.0 if higher_is_found else -1.0
        values = [sign * r[feature] for r in rows]
        cut = best_cut(values, answerable, limit)
        return lambda row: sign * row[feature] >= cut

    return fit


def best_cut(scores: Sequence[float], answerable: Sequence[bool], limit: float) -> float:
    """The cut (found when score >= cut) refusing most unanswerables within the FR limit.

    Among equally good cuts the middle one is taken, away from both classes.
    """
    pos = [s for s, a in zip(scores, answerable, strict=True) if a]
    neg = [s for s, a in zip(scores, answerable, strict=True) if not a]
    ordered = sorted(set(scores))
    candidates = [ordered[0] - 1.0]
    candidates += [(a + b) / 2 for a, b in zip(ordered, ordered[1:], strict=False)]
    best: tuple[float, list[float]] = (-1.0, [])
    for cut in candidates:
        false_refusal = sum(s < cut for s in pos) / max(len(pos), 1)
        if false_refusal > limit:
            continue
        refusal = sum(s < cut for s in neg) / max(len(neg), 1)
        if refusal > best[0]:
            best = (refusal, [cut])
        elif refusal == best[0]:
            best[1].append(cut)
    cuts = best[1] or [candidates[0]]
    return cuts[len(cuts) // 2]


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton steps (intercept not penalised)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    weights = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(design @ weights)))
        gradient = design.T @ (p - y) + penalty @ weights
        hessian = (
            design.T @ (design * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(len(weights))
        )
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights[:-1], float(weights[-1])


def logistic_fitter(features: Sequence[str], l2: float = 1.0) -> Fitter:
    def fit(rows: list[Row], answerable: list[bool], limit: float) -> Callable[[Row], bool]:
        x = np.asarray([[r[f] for f in features] for r in rows])
        means, scales = x.mean(axis=0), x.std(axis=0) + 1e-9
        coefficients, intercept = fit_logistic((x - means) / scales, np.asarray(answerable), l2)

        def prob(row: Row) -> float:
            z = ((np.asarray([row[f] for f in features]) - means) / scales) @ coefficients
            return float(1 / (1 + np.exp(-(z + intercept))))

        cut = best_cut([prob(r) for r in rows], answerable, limit)
        return lambda row: prob(row) >= cut

    return fit


def two_rule_fitter(limit_feature: str = "rare_missing") -> Fitter:
    """The current support threshold AND 'the rarest missing word is not too rare'."""

    def fit(rows: list[Row], answerable: list[bool], limit: float) -> Callable[[Row], bool]:
        best: tuple[float, float, float, float] = (-1.0, 0.0, 0.0, 0.0)
        for rare_cut in sorted({r[limit_feature] for r in rows} | {1.01}):
            passing = [r[limit_feature] < rare_cut for r in rows]
            # rows failing the rare-word rule are refused whatever their support
            support = [r["support"] if ok else -9.0 for r, ok in zip(rows, passing, strict=True)]
            cut = best_cut(support, answerable, limit)
            found = [s >= cut for s in support]
            fr = sum(not f for f, a in zip(found, answerable, strict=True) if a) / max(
                sum(answerable), 1
            )
            refusal = sum(not f for f, a in zip(found, answerable, strict=True) if not a) / max(
                len(answerable) - sum(answerable), 1
            )
            if fr <= limit and (refusal, -fr) > (best[0], -best[3]):
                best = (refusal, rare_cut, cut, fr)
        _, rare_cut, cut = best[0], best[1], best[2]
        return lambda row: row[limit_feature] < rare_cut and row["support"] >= cut

    return fit


APPROACHES: dict[str, Fitter] = {
    "dense top-3 cosine": threshold_fitter("dense"),
    "current judge (sentence + 0.5 coverage)": threshold_fitter("support"),
    "rarest missing word only": threshold_fitter("rare_missing", higher_is_found=False),
    "current judge + rarest-missing-word rule": two_rule_fitter(),
    "logistic, all features": logistic_fitter(FEATURES),
    "logistic, sentence + coverage + rare_missing": logistic_fitter(
        ("sentence", "coverage", "rare_missing")
    ),
    "unseen long words only": threshold_fitter("unseen", higher_is_found=False),
    "logistic, sentence + coverage + unseen": logistic_fitter(("sentence", "coverage", "unseen")),
    "logistic, sentence + dense + coverage + unseen": logistic_fitter(
        ("sentence", "dense", "coverage", "unseen")
    ),
}


def loo(rows: list[dict[str, object]], fitter: Fitter, limit: float) -> tuple[float, float]:
    features: list[Row] = [r["features"] for r in rows]  # type: ignore[misc]
    answerable = [bool(r["answerable"]) for r in rows]
    found = []
    for i in range(len(rows)):
        train = [j for j in range(len(rows)) if j != i]
        decide = fitter([features[j] for j in train], [answerable[j] for j in train], limit)
        found.append(decide(features[i]))
    fr = [not f for f, a in zip(found, answerable, strict=True) if a]
    refusal = [not f for f, a in zip(found, answerable, strict=True) if not a]
    return sum(refusal) / max(len(refusal), 1), sum(fr) / max(len(fr), 1)


def main() -> None:
    parser = arguments(__doc__)
    parser.add_argument("--data-dir", type=Path, default=Path(".tiekartta-eval"))
    parser.add_argument("--qa", type=Path, default=Path("../shared/data/qa-dev.jsonl"))
    parser.add_argument("--max-false-refusal", type=float, default=0.05)
    parser.add_argument("--features", type=Path, default=None, help="reuse collected features")
    parser.add_argument("--features-out", type=Path, default=None)
    args = parser.parse_args()
    if args.features:
        rows = json.loads(args.features.read_text())
    else:
        rows = collect(args.data_dir, args.qa)
        if args.features_out:
            args.features_out.write_text(json.dumps(rows, indent=1))
    for r in rows:
        values = r["features"]
        print(
            f"{r['id']} {'answerable  ' if r['answerable'] else 'unanswerable'} "
            + " ".join(f"{k}={v:.3f}" for k, v in values.items())
        )
    print(
        f"\nleave-one-out over {len(rows)} questions (false refusal limit {args.max_false_refusal})"
    )
    print("| approach | unanswerable_refusal | false_refusal |\n| --- | --- | --- |")
    for name, fitter in APPROACHES.items():
        refusal, fr = loo(rows, fitter, args.max_false_refusal)
        print(f"| {name} | {refusal:.3f} | {fr:.3f} |")
    x = np.asarray([[r["features"][f] for f in FEATURES] for r in rows])
    y = np.asarray([bool(r["answerable"]) for r in rows])
    means, scales = x.mean(axis=0), x.std(axis=0) + 1e-9
    coefficients, intercept = fit_logistic((x - means) / scales, y)
    probs = 1 / (1 + np.exp(-(((x - means) / scales) @ coefficients + intercept)))
    cut = best_cut(list(probs), list(y), args.max_false_refusal)
    print("\nlogistic on all questions (what a logistic judge would store):")
    print(f"features={FEATURES}")
    print(f"coefficients={tuple(round(float(c), 4) for c in coefficients)}")
    print(f"intercept={intercept:.4f} cut={cut:.4f}")
    print(f"means={tuple(round(float(m), 4) for m in means)}")
    print(f"scales={tuple(round(float(s), 4) for s in scales)}")


if __name__ == "__main__":
    main()
