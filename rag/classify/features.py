"""Numeric features of proposals for the offline classifier.

Three views of a text, chosen by cross-validation on the labelled dev set (see
bench/classify_approaches.py):

* the e5 passage embedding of the whole text (what the proposal is about);
* its cosine similarity to each label's name + description in every language (a prior that
  works even for themes with few examples);
* word counts from the programme's lexicons: digital markers (is a digital element
  proposed at all?) and each theme's purpose terms (climate, own operations, residents).
"""

from __future__ import annotations

from collections.abc import Sequence
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
    purpose: float = 0.3
    markers: float = 1.0


@dataclass
class ProposalFeatures:
    """Feature blocks of a batch of texts, one row per text."""

    embeddings: np.ndarray  # (n, dim) unit vectors
    similarity: np.ndarray  # (n, n_labels) cosine to each label description
    purpose: np.ndarray  # (n, n_themes) log1p(count of the theme's purpose terms)
    markers: np.ndarray  # (n, 2) log1p(count of digital markers), any marker (0/1)

    def gate_matrix(self, weights: FeatureWeights) -> np.ndarray:
        """Input of the none-vs-digital gate."""
        return np.hstack([self.embeddings, weights.markers * self.markers])

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

    def _label_vectors(self) -> np.ndarray:
        """One unit vector per label: the mean of its name + description per language."""
        rows = []
        for label_id in self.programme.label_ids:
            label = self.programme.label(label_id)
            texts = [
                f"{label.name[lang]}. {label.description.get(lang, '')}".strip()
                for lang in label.name
            ]
            mean = self.cache.passages(texts).mean(axis=0)
            rows.append(mean / (np.linalg.norm(mean) or 1.0))
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
