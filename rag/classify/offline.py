"""The default, offline proposal classifier: a logistic head on e5 embeddings.

Default (issue 13): one four-way logistic regression on the e5 passage embedding (a flat
head over a, b, c and none), trained on the programme's examples plus any labelled
examples and people's decisions. It was the best approach under nested stratified CV and
leave-one-collection-out CV on the dev set once every word list chosen by looking at the
dev set was switched off (README, "Approaches compared"). Nothing in it is tuned on the dev
set: C = 10, class-balanced weights, no calibration, no threshold.

Also available through :class:`OfflineConfig` and measured there: similarity to trilingual
prototypes of each label and of a digital element (``weights.similarity``); the older
two-step form (``head="gate"``: a none-vs-digital gate, then a theme head, with
P(theme) = P(digital) * P(theme | digital)); Platt calibration; language-balanced weights;
a P(none) threshold; self-training on unlabelled proposals; the word-list counts.
A second theme is added when its share among the themes reaches ``secondary_threshold``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression

from rag.classify.features import FeatureBuilder, FeatureWeights, ProposalFeatures
from rag.classify.reasons import ReasonWriter
from rag.core.classification import (
    NONE_LABEL,
    Classification,
    LabelledExample,
    Progress,
    per_text_languages,
)
from rag.core.programme import Programme
from rag.embeddings.cache import EmbeddingCache

# Texts are featurised in slices so progress reaches the caller during long batches.
SLICE = 256


class ClassifierTrainingError(ValueError):
    """The labelled examples cannot train a classifier (e.g. a theme without examples)."""


@dataclass(frozen=True)
class OfflineConfig:
    """Model settings; the defaults are the approach measured best under nested and
    leave-one-collection-out CV (bench/classify_protocol.py, row 7)."""

    gate_c: float = 10.0
    theme_c: float = 10.0  # C of the theme head, or of the flat head
    weights: FeatureWeights = field(default_factory=lambda: FeatureWeights(similarity=0.0))
    calibration: str = "none"  # "sigmoid" (Platt, internal 3-fold) or "none"
    review_threshold: float = 0.6
    secondary_threshold: float = 0.35
    decision_weight: float = 3.0
    secondary_rows: bool = False  # train on secondary labels too (a row per label)
    # "flat": one head over all labels; "gate": none-vs-digital gate, then a theme head.
    head: str = "flat"
    # Every language the same total training weight (the examples are not balanced by
    # language: the dev-derived ones are mostly Finnish and English).
    language_balance: bool = False
    # The "none" gate: with a value, a proposal is `none` exactly when P(none) reaches it
    # (chosen inside the training folds, bench/classify_protocol.py); None = the most
    # probable label.
    none_threshold: float | None = None
    # Self-training on unlabelled proposals: after a first fit, the texts predicted with at
    # least ``pool_confidence`` become training rows of weight ``pool_weight`` (at most
    # ``pool_per_label`` per label, the most confident first) and the heads are fit again.
    pool_weight: float = 0.0
    pool_confidence: float = 0.9
    pool_per_label: int = 100


def language_balanced(languages: Sequence[str | None]) -> np.ndarray:
    """Weights that give every language (unknown = one group) the same total, mean 1."""
    keys = [language or "?" for language in languages]
    counts = {key: keys.count(key) for key in set(keys)}
    return np.array([len(keys) / (len(counts) * counts[key]) for key in keys])


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


class OfflineClassifier:
    """Trained on the programme's examples plus ``extra_examples`` when constructed."""

    mode = "offline"

    def __init__(
        self,
        programme: Programme,
        cache: EmbeddingCache,
        extra_examples: Sequence[LabelledExample] = (),
        config: OfflineConfig | None = None,
        unlabelled: Sequence[str] = (),
    ) -> None:
        self.programme = programme
        self.unlabelled = list(unlabelled)
        self.pseudo_labelled = 0
        self.config = config or OfflineConfig()
        self.features = FeatureBuilder(programme, cache)
        self.examples = [*programme.examples, *extra_examples]
        # A person's decision on this exact text wins over the model: the review loop must
        # change the next run's result for that proposal, whatever the head learns from it.
        self.decisions = {
            _normalised(ex.text): ex for ex in self.examples if ex.source == "decision"
        }
        self.reasons = ReasonWriter(programme, self.features)
        self._fit()

    # -- training ------------------------------------------------------------------
    def _head(self, c: float, y: np.ndarray) -> ClassifierMixin:
        base = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        smallest = int(np.bincount(y).min()) if len(y) else 0
        if self.config.calibration == "sigmoid" and smallest >= 3:
            return CalibratedClassifierCV(base, method="sigmoid", cv=3)
        return base

    def _fit(self) -> None:
        labels = self.programme.label_ids
        for ex in self.examples:
            if ex.primary not in labels or not set(ex.labels) <= set(labels):
                raise ClassifierTrainingError(
                    f"example {ex.text[:60]!r} ({ex.source}) has labels {list(ex.labels)} "
                    f"outside the programme's labels {list(labels)}"
                )
        themes = self.programme.theme_ids
        missing = [
            t for t in (*themes, NONE_LABEL) if not any(e.primary == t for e in self.examples)
        ]
        if missing:
            source = self.programme.path or self.programme.id
            raise ClassifierTrainingError(
                f"{source}: no labelled example with primary {missing}; add examples for them"
            )
        feats = self.features.build([ex.text for ex in self.examples])
        self.train_features = feats
        weight = np.array(
            [
                self.config.decision_weight if ex.source == "decision" else 1.0
                for ex in self.examples
            ]
        )
        if self.config.language_balance:
            weight = weight * language_balanced([ex.language for ex in self.examples])
        labels_of = [tuple(ex.labels) for ex in self.examples]
        primary_of = [ex.primary for ex in self.examples]
        self._fit_heads(feats, labels_of, primary_of, weight)
        if self.config.pool_weight > 0 and self.unlabelled:
            pool = self.features.build(self.unlabelled)
            chosen, chosen_labels = self._confident(pool)
            self.pseudo_labelled = len(chosen)
            if chosen:
                self._fit_heads(
                    feats.stack(pool.take(chosen)),
                    [*labels_of, *((label,) for label in chosen_labels)],
                    [*primary_of, *chosen_labels],
                    np.concatenate([weight, np.full(len(chosen), self.config.pool_weight)]),
                )

    def _confident(self, pool: ProposalFeatures) -> tuple[list[int], list[str]]:
        """Pool rows predicted confidently enough to train on, balanced per label."""
        probs = self.probabilities(pool)
        best = probs.argmax(axis=1)
        chosen: list[int] = []
        chosen_labels: list[str] = []
        for j, label in enumerate(self.programme.label_ids):
            rows = np.flatnonzero((best == j) & (probs[:, j] >= self.config.pool_confidence))
            top = rows[np.argsort(-probs[rows, j], kind="stable")][: self.config.pool_per_label]
            chosen.extend(int(i) for i in top)
            chosen_labels.extend(label for _ in top)
        return chosen, chosen_labels

    def _fit_heads(
        self,
        feats: ProposalFeatures,
        labels_of: Sequence[tuple[str, ...]],
        primary_of: Sequence[str],
        weight: np.ndarray,
    ) -> None:
        if self.config.head == "flat":  # one head over the themes and none
            index, y = self._rows(labels_of, primary_of, self.programme.label_ids)
            self.flat_head = self._head(self.config.theme_c, y)
            self.flat_head.fit(
                feats.take(index).theme_matrix(self.config.weights), y, sample_weight=weight[index]
            )
            return
        themes = self.programme.theme_ids
        digital = np.array([primary != NONE_LABEL for primary in primary_of])
        w = self.config.weights
        self.gate = self._head(self.config.gate_c, digital.astype(int))
        self.gate.fit(feats.gate_matrix(w), digital.astype(int), sample_weight=weight)
        index, y_theme = self._rows(labels_of, primary_of, themes)
        self.theme_head = self._head(self.config.theme_c, y_theme)
        self.theme_head.fit(feats.take(index).theme_matrix(w), y_theme, sample_weight=weight[index])

    def _rows(
        self,
        labels_of: Sequence[tuple[str, ...]],
        primary_of: Sequence[str],
        classes: Sequence[str],
    ) -> tuple[np.ndarray, np.ndarray]:
        """(example index, class index) training rows: one per example for its primary label
        among ``classes``, plus one per secondary label with ``secondary_rows``."""
        rows = [
            (i, classes.index(label))
            for i, (labels, primary) in enumerate(zip(labels_of, primary_of, strict=True))
            for label in labels
            if label in classes and (label == primary or self.config.secondary_rows)
        ]
        return np.array([i for i, _ in rows]), np.array([label for _, label in rows])

    # -- prediction ----------------------------------------------------------------
    def probabilities(self, feats: ProposalFeatures) -> np.ndarray:
        """(n, n_labels) probabilities in ``programme.label_ids`` order (themes, then none)."""
        w = self.config.weights
        if self.config.head == "flat":
            probs = np.zeros((len(feats.embeddings), len(self.programme.label_ids)))
            probs[:, self.flat_head.classes_] = self.flat_head.predict_proba(feats.theme_matrix(w))
            return probs
        p_digital = self.gate.predict_proba(feats.gate_matrix(w))[:, 1]
        p_theme = np.zeros((len(p_digital), len(self.programme.theme_ids)))
        p_theme[:, self.theme_head.classes_] = self.theme_head.predict_proba(feats.theme_matrix(w))
        return np.hstack([p_digital[:, None] * p_theme, (1.0 - p_digital)[:, None]])

    def classify(
        self,
        texts: Sequence[str],
        languages: Sequence[str | None] | None = None,
        progress: Progress | None = None,
    ) -> list[Classification]:
        texts = list(texts)
        langs = per_text_languages(texts, languages)
        results: list[Classification] = []
        for start in range(0, len(texts), SLICE):
            part = texts[start : start + SLICE]
            feats = self.features.build(part)
            probs = self.probabilities(feats)
            for i, text in enumerate(part):
                results.append(self._result(text, langs[start + i], probs[i], feats.take([i])))
            if progress is not None:
                progress(len(results), len(texts))
        if progress is not None and not texts:
            progress(0, 0)
        return results

    def _primary(self, probs: np.ndarray) -> str:
        label_ids = self.programme.label_ids
        threshold = self.config.none_threshold
        if threshold is None:
            return label_ids[int(np.argmax(probs))]
        if probs[-1] >= threshold:
            return NONE_LABEL
        return label_ids[int(np.argmax(probs[:-1]))]

    def _result(
        self, text: str, language: str | None, probs: np.ndarray, feats: ProposalFeatures
    ) -> Classification:
        label_ids = self.programme.label_ids
        scores = {label: round(float(p), 4) for label, p in zip(label_ids, probs, strict=True)}
        decided = self.decisions.get(_normalised(text))
        lang = self.reasons.language(text, language)
        if decided is not None:
            return Classification(
                labels=list(decided.labels),
                primary=decided.primary,
                confidence=1.0,
                reason=self.reasons.decision(decided, lang),
                needs_review=False,
                scores=scores,
                mode=self.mode,
            )
        primary = self._primary(probs)
        labels = [primary]
        if primary != NONE_LABEL:
            theme_probs = probs[:-1] / max(float(probs[:-1].sum()), 1e-9)
            for j, theme in enumerate(self.programme.theme_ids):
                if theme != primary and theme_probs[j] >= self.config.secondary_threshold:
                    labels.append(theme)
        confidence = float(probs[label_ids.index(primary)])
        return Classification(
            labels=labels,
            primary=primary,
            confidence=round(confidence, 4),
            reason=self.reasons.explain(
                text, lang, primary, feats, self.train_features, self.examples
            ),
            needs_review=confidence < self.config.review_threshold,
            scores=scores,
            mode=self.mode,
        )
