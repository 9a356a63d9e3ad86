"""What a proposal classifier returns, and the interface every classifier mode implements.

Shared by the offline classifier, the LLM mode, the batch/job path and the review queue, so
those parts can be built and tested apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

NONE_LABEL = "none"

# progress(done, total) — called as items are classified, for progress bars and jobs.
Progress = Callable[[int, int], None]


def per_text_languages(
    texts: Sequence[str], languages: Sequence[str | None] | None
) -> list[str | None]:
    """One language (or None: detect it) per text; a list of another length is an error."""
    langs: list[str | None] = list(languages) if languages is not None else [None] * len(texts)
    if len(langs) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(langs)} languages")
    return langs


@dataclass
class Classification:
    """One proposal's result.

    ``labels`` holds one or more theme ids, or exactly ``["none"]``; ``primary`` is one of
    ``labels``; ``confidence`` is the calibrated probability of ``primary`` (0..1);
    ``scores`` the per-label probabilities behind it; ``reason`` a short explanation in the
    proposal's language (closest labelled examples or theme phrases, or the LLM's reason).
    """

    labels: list[str]
    primary: str
    confidence: float
    reason: str
    needs_review: bool
    scores: dict[str, float] = field(default_factory=dict)
    mode: str = "offline"  # "offline" or "llm"


@dataclass(frozen=True)
class LabelledExample:
    """A labelled text: a programme example, a gold/train item, a person's decision, or a
    classified proposal read back for a draft (the one shape for all of them)."""

    text: str
    labels: tuple[str, ...]
    primary: str
    language: str | None = None
    source: str = "programme"  # "programme", "train", "decision", "classified"
    id: str = ""  # the item's own id, where it has one (gold files, classified proposals)
    collection: str = ""  # where a gold item was published (evaluation groups by it)


class ProposalClassifier(Protocol):
    """Anything that maps proposal texts to :class:`Classification` results, in order."""

    def classify(
        self,
        texts: Sequence[str],
        languages: Sequence[str | None] | None = None,
        progress: Progress | None = None,
    ) -> list[Classification]: ...
