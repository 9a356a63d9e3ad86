"""Short reasons for offline results, in the proposal's language.

A reason names what a reviewer can check quickly: the closest labelled example of the
chosen label (with its cosine similarity), the digital-element words found in the text and
the theme's purpose words found in it. Wording comes from rag/core/messages/classify.py (fi/sv/en).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rag.classify.features import FeatureBuilder, ProposalFeatures
from rag.core.classification import NONE_LABEL, LabelledExample
from rag.core.language import detect_language
from rag.core.languages import LANGUAGES
from rag.core.messages import message
from rag.core.programme import Programme

MAX_TERMS = 4
MAX_TITLE = 80


def example_title(text: str) -> str:
    """First line of an example, shortened: examples are "title, newline, description"."""
    title = text.strip().splitlines()[0].strip() if text.strip() else ""
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"


def _unique(terms: list[str]) -> list[str]:
    seen: list[str] = []
    for term in terms:
        if term.lower() not in (s.lower() for s in seen):
            seen.append(term)
    return seen[:MAX_TERMS]


class ReasonWriter:
    """Builds reason strings for one programme."""

    def __init__(self, programme: Programme, features: FeatureBuilder) -> None:
        self.programme = programme
        self.features = features

    def language(self, text: str, given: str | None) -> str:
        if given in LANGUAGES:
            return given  # type: ignore[return-value]
        return detect_language(text, default=self.programme.languages[0])

    def decision(self, example: LabelledExample, language: str) -> str:
        return message("classify_reason_decision", language, labels=", ".join(example.labels))

    def explain(
        self,
        text: str,
        language: str,
        primary: str,
        feats: ProposalFeatures,
        train_features: ProposalFeatures,
        examples: Sequence[LabelledExample],
    ) -> str:
        """The reason; ``train_features`` and ``examples`` are the fitted classifier's."""
        train = train_features.embeddings
        same = np.array([ex.primary == primary for ex in examples])
        sims = train @ feats.embeddings[0]
        sims = np.where(same, sims, -np.inf)
        best = int(np.argmax(sims))
        example = example_title(examples[best].text)
        similarity = f"{float(sims[best]):.2f}"
        if primary == NONE_LABEL:
            return message("classify_reason_none", language, example=example, similarity=similarity)
        theme = self.programme.label(primary).display_name(language)
        parts = [
            message(
                "classify_reason_theme",
                language,
                theme=theme,
                example=example,
                similarity=similarity,
            )
        ]
        markers = _unique(self.features.markers.find(text))
        if markers:
            parts.append(message("classify_reason_markers", language, terms=", ".join(markers)))
        theme_index = self.programme.theme_ids.index(primary)
        purpose = _unique(self.features.purpose[theme_index].find(text))
        if purpose:
            parts.append(message("classify_reason_purpose", language, terms=", ".join(purpose)))
        return "; ".join(parts)
