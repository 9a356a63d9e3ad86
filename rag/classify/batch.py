"""Classify proposals in resumable steps and store the results: the path shared by the CLI,
the synchronous API, background jobs and the benchmark.

The classifier is built from the programme file plus every person's latest decision (as
labelled examples), and rebuilt only when the programme file or the decisions change. A batch
is classified ``classify_checkpoint_rows`` rows at a time; each step is stored in one
transaction under the job id, so a killed job resumes after its last stored step.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.classify.batch_io import ProposalFile, ProposalRow, RejectedRow, RepeatedRow
from rag.core.classification import Classification, LabelledExample, ProposalClassifier
from rag.core.language import detect_language
from rag.core.messages import message
from rag.core.settings import Settings
from rag.store.proposals import Decision, ProposalResult, StoredProposal
from rag.store.registry import Registry

#: (settings, programme, extra_examples, mode) -> classifier; tests and benchmarks may swap it.
ClassifierFactory = Callable[[Settings, Any, Sequence[LabelledExample], str], ProposalClassifier]
MODES = ("offline", "llm", "auto")


def _default_factory(
    settings: Settings, programme: Any, extra: Sequence[LabelledExample], mode: str
) -> ProposalClassifier:
    from rag.classify.factory import make_classifier  # loads the model stack: only when used

    return make_classifier(settings, programme, extra_examples=extra, mode=mode)


@dataclass
class BatchOutcome:
    """What one file run did: results per proposal id and the counts for the summary."""

    results: dict[str, Classification]
    classified: int  # classified in this run
    resumed: int  # already stored by an earlier (killed) run of the same job: not redone
    rejected: list[RejectedRow]
    repeats: list[RepeatedRow]
    warnings: list[str] = field(default_factory=list)

    @property
    def needs_review(self) -> int:
        return sum(r.needs_review for r in self.results.values())

    def label_counts(self) -> dict[str, int]:
        """How many proposals have each primary label."""
        return dict(sorted(Counter(r.primary for r in self.results.values()).items()))

    def summary(self) -> dict[str, Any]:
        """JSON-ready counts and the rejected rows (a job's result, the CLI's --json)."""
        return {
            "proposals": len(self.results),
            "classified": self.classified,
            "resumed": self.resumed,
            "repeated_rows": len(self.repeats),
            "rejected_rows": len(self.rejected),
            "needs_review": self.needs_review,
            "primary_labels": self.label_counts(),
            "rejected": [
                {
                    "row": r.row,
                    "id": r.proposal_id,
                    "reason": r.reason,
                    "detail": r.detail,
                    "facts": r.facts,
                }
                for r in self.rejected
            ],
            "repeats": [
                {"row": r.row, "first_row": r.first_row, "id": r.proposal_id} for r in self.repeats
            ],
            "warnings": self.warnings,
        }


def stored_classification(proposal: StoredProposal) -> Classification:
    return Classification(
        labels=list(proposal.labels),
        primary=proposal.primary,
        confidence=proposal.confidence,
        reason=proposal.reason,
        needs_review=proposal.needs_review,
        scores=dict(proposal.scores),
        mode=proposal.mode,
    )


def decision_example(decision: Decision) -> LabelledExample:
    return LabelledExample(
        text=decision.text,
        labels=tuple(decision.labels),
        primary=decision.primary,
        language=decision.language,
        source="decision",
    )


def fallback_warnings(results: Iterable[Classification], mode: str, language: str) -> list[str]:
    """A warning when LLM mode was asked for but some proposals were classified offline."""
    if mode != "llm":
        return []
    offline = sum(r.mode != "llm" for r in results)
    if not offline:
        return []
    problem = f"{offline} proposals"
    return [message("classify_llm_fallback", language, problem=problem)]


class ClassifyService:
    """Builds (and caches) the classifier, runs batches, stores results and decisions."""

    def __init__(
        self, settings: Settings, registry: Registry, factory: ClassifierFactory | None = None
    ) -> None:
        self.settings = settings
        self.registry = registry
        self.factory = factory or _default_factory
        self._lock = threading.Lock()  # the job thread and request threads share the cache
        self._cached: tuple[tuple[Any, ...], ProposalClassifier] | None = None
        self._programmes: dict[tuple[str, float], Any] = {}

    # -- programme and classifier ----------------------------------------------------------
    def programme_path(self, path: Path | str | None = None) -> Path:
        return Path(path) if path else self.settings.programme_file

    def programme(self, path: Path | str | None = None) -> Any:
        """The programme file, read again only when it changed (ProgrammeError if invalid)."""
        from rag.core.programme import load_programme

        file = self.programme_path(path)
        key = (str(file.resolve()), file.stat().st_mtime if file.exists() else 0.0)
        if key not in self._programmes:
            self._programmes[key] = load_programme(file)
        return self._programmes[key]

    def label_ids(self, path: Path | str | None = None) -> tuple[str, ...]:
        return tuple(self.programme(path).label_ids)

    def decision_examples(self) -> list[LabelledExample]:
        """Every person's latest decision, as labelled examples for the next run."""
        return [decision_example(d) for d in self.registry.proposals.decisions()]

    def classifier(
        self, programme: Path | str | None = None, mode: str = "auto"
    ) -> ProposalClassifier:
        """The classifier for this programme and mode, with the decisions made so far."""
        if mode not in MODES:
            raise ValueError(f"unknown mode '{mode}': use {', '.join(MODES)}")
        with self._lock:
            prog = self.programme(programme)
            key = (id(prog), mode, self.registry.proposals.decisions_version())
            if self._cached is None or self._cached[0] != key:
                built = self.factory(self.settings, prog, self.decision_examples(), mode)
                self._cached = (key, built)
            return self._cached[1]

    # -- classifying -----------------------------------------------------------------------
    def classify_rows(
        self,
        rows: Sequence[ProposalRow],
        source: str,
        job_id: str | None = None,
        programme: Path | str | None = None,
        mode: str = "auto",
        progress: Callable[[int, int], None] | None = None,
        offset: int = 0,
        total: int | None = None,
    ) -> dict[str, Classification]:
        """Classify and store ``rows`` one checkpoint at a time; results by proposal id.

        ``progress(offset + done, total)`` follows every stored step.
        """
        classifier = self.classifier(programme, mode)
        total = total if total is not None else offset + len(rows)
        step = self.settings.classify_checkpoint_rows
        results: dict[str, Classification] = {}
        for start in range(0, len(rows), step):
            chunk = list(rows[start : start + step])
            languages = [row.language or detect_language(row.text) for row in chunk]
            found = classifier.classify([row.text for row in chunk], languages)
            self.registry.proposals.store_classifications(
                [
                    ProposalResult(
                        proposal_id=row.proposal_id,
                        text_hash=row.text_hash,
                        text=row.text,
                        language=language,
                        labels=list(result.labels),
                        primary=result.primary,
                        confidence=result.confidence,
                        reason=result.reason,
                        needs_review=result.needs_review,
                        mode=result.mode,
                        scores=dict(result.scores),
                    )
                    for row, language, result in zip(chunk, languages, found, strict=True)
                ],
                source=source,
                job_id=job_id,
            )
            results.update((row.proposal_id, r) for row, r in zip(chunk, found, strict=True))
            if progress is not None:
                progress(offset + start + len(chunk), total)
        return results

    def classify_file(
        self,
        table: ProposalFile,
        job_id: str,
        programme: Path | str | None = None,
        mode: str = "auto",
        progress: Callable[[int, int], None] | None = None,
    ) -> BatchOutcome:
        """Classify a read file as job ``job_id``; rows the job already stored are skipped."""
        stored = self.registry.proposals.job_proposals(job_id)
        results: dict[str, Classification] = {}
        todo: list[ProposalRow] = []
        for row in table.rows:
            earlier = stored.get(row.proposal_id)
            if earlier is not None and earlier.text_hash == row.text_hash:
                results[row.proposal_id] = stored_classification(earlier)
            else:
                todo.append(row)
        resumed = len(results)
        if progress is not None:
            progress(resumed, len(table.rows))
        if todo:
            results.update(
                self.classify_rows(
                    todo,
                    source=table.path.name,
                    job_id=job_id,
                    programme=programme,
                    mode=mode,
                    progress=progress,
                    offset=resumed,
                    total=len(table.rows),
                )
            )
        return BatchOutcome(
            results=results,
            classified=len(todo),
            resumed=resumed,
            rejected=list(table.rejected),
            repeats=list(table.repeats),
            warnings=fallback_warnings(results.values(), mode, self.settings.ui_language),
        )
