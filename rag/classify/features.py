"""Numeric features of proposals for the offline classifier.

Three views of a text:

* the e5 passage embedding of the whole text (what the proposal is about);
* its cosine similarity to each label's prototype — the mean of the label's phrases in each
  language, every language the same weight (the name + description when a label has no
  phrases) — and to the programme's description of a proposed digital element (a prior that
  works even for themes with few examples);
* word counts from the programme's lexicons: digital markers and each theme's purpose terms.
  Their default weight is 0: the lists were written while looking at the dev set and did not
  generalise to held-out proposals (issue 13); they stay available for reasons and scratch
  comparisons (bench/classify_protocol.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from rag.classify.lexicon import TermMatcher
from rag.core.classification import Progress
from rag.core.programme import Programme
from rag.embeddings.cache import EmbeddingCache


@dataclass(frozen=True)
class FeatureWeights:
    """Scales of the feature blocks next to unit-length embeddings (measured by CV)."""

    similarity: float = 3.0
    purpose: float = 0.0
    markers: float = 0.0


@dataclass
class ProposalFeatures:
    """Feature blocks of a batch of texts, one row per text."""

    embeddings: np.ndarray  # (n, dim) unit vectors
    similarity: np.ndarray  # (n, n_labels [+ 1]) cosine to each label's (and digital) prototype
    purpose: np.ndarray  # (n, n_themes) log1p(count of the theme's purpose terms)
    markers: np.ndarray  # (n, 2) log1p(count of digital markers), any marker (0/1)

    def gate_matrix(self, weights: FeatureWeights) -> np.ndarray:
        """Input of the none-vs-digital gate."""
        return np.hstack(
            [self.embeddings, weights.similarity * self.similarity, weights.markers * self.markers]
        )

    def theme_matrix(self, weights: FeatureWeights) -> np.ndarray:
        """Input of the which-theme head."""
        return np.hstack(
            [
                self.embeddings,
                weights.similarity * self.similarity,
                weights.purpose * self.purpose,
            ]
        )

    def stack(self, other: ProposalFeatures) -> ProposalFeatures:
        """These rows followed by ``other``'s."""
        return ProposalFeatures(
            np.vstack([self.embeddings, other.embeddings]),
            np.vstack([self.similarity, other.similarity]),
            np.vstack([self.purpose, other.purpose]),
            np.vstack([self.markers, other.markers]),
        )

    def take(self, index: np.ndarray | Sequence[int]) -> ProposalFeatures:
        idx = np.asarray(index, dtype=int)
        return ProposalFeatures(
            self.embeddings[idx], self.similarity[idx], self.purpose[idx], self.markers[idx]
        )


class FeatureBuilder:
    """Turns texts into :class:`ProposalFeatures` for one programme (embeddings via the cache)."""

    def __init__(self, programme: Programme, cache: EmbeddingCache) -> None:
        self.programme = programme
        self.cache = cache
        self.markers = TermMatcher(programme.digital_markers)
        self.purpose = [TermMatcher(theme.purpose_terms) for theme in programme.themes]
        self.label_vectors = self._label_vectors()

    def _prototype(self, phrases: Mapping[str, Sequence[str]]) -> np.ndarray:
        """Unit mean of the per-language unit means: each language weighs the same."""
        per_language = []
        for texts in phrases.values():
            mean = self.cache.passages(list(texts)).mean(axis=0)
            per_language.append(mean / (np.linalg.norm(mean) or 1.0))
        mean = np.mean(per_language, axis=0)
        return mean / (np.linalg.norm(mean) or 1.0)

    def _label_vectors(self) -> np.ndarray:
        """One unit vector per label (its prototype phrases, or its name + description), then
        one for the digital element when the programme describes it."""
        rows = []
        for label_id in self.programme.label_ids:
            label = self.programme.label(label_id)
            phrases: Mapping[str, Sequence[str]] = label.prototypes or {
                lang: (f"{label.name[lang]}. {label.description.get(lang, '')}".strip(),)
                for lang in label.name
            }
            rows.append(self._prototype(phrases))
        if self.programme.digital_element:
            rows.append(self._prototype(self.programme.digital_element))
        return np.stack(rows).astype(np.float32)

    def lexical(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(purpose counts, marker counts) without touching the embedding model."""
        purpose = np.array(
            [[np.log1p(m.count(text)) for m in self.purpose] for text in texts],
            dtype=np.float32,
        ).reshape(len(texts), len(self.purpose))
        counts = np.array([self.markers.count(text) for text in texts], dtype=np.float32)
        markers = np.stack([np.log1p(counts), (counts > 0).astype(np.float32)], axis=1)
        return purpose, markers

    def build(self, texts: Sequence[str], progress: Progress | None = None) -> ProposalFeatures:
        embeddings = self.cache.passages(texts, progress=progress)
        purpose, markers = self.lexical(texts)
        return ProposalFeatures(
            embeddings=embeddings,
            similarity=embeddings @ self.label_vectors.T,
            purpose=purpose,
            markers=markers,
        )
