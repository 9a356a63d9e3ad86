"""A trainer for protocol tests: predicts one label and fails if it scores a trained text."""

from __future__ import annotations

from collections.abc import Sequence

from rag.core.classification import Classification, LabelledExample


class Recorder:
    """Remembers what each model was trained on; always predicts ``label``."""

    def __init__(self, label: str = "none") -> None:
        self.label = label
        self.trained: list[set[str]] = []

    def __call__(self, examples: list[LabelledExample]) -> Recorder:
        self.trained.append({ex.text for ex in examples})
        return self

    def classify(
        self, texts: Sequence[str], languages: object = None, progress: object = None
    ) -> list[Classification]:
        assert not set(texts) & self.trained[-1], "scored an item the model was trained on"
        return [Classification([self.label], self.label, 0.5, "", False) for _ in texts]
