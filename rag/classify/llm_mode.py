"""LLM mode: an OpenAI-compatible chat model labels each proposal with structured output.

The proposal is masked (rag/core/privacy.py) before it is put into the prompt, so personal
data never reaches the endpoint. The answer is a JSON object validated by pydantic: labels
and primary must be the programme's ids, ``none`` stands alone, primary is one of labels.
When the endpoint cannot be reached the rest of the batch is classified offline (logged,
and visible as ``mode="offline"`` in each result); an answer that fails validation falls
back to the offline result for that proposal only.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, create_model, model_validator

from rag.classify.reasons import LANGUAGES, example_title
from rag.core.classification import (
    NONE_LABEL,
    Classification,
    LabelledExample,
    Progress,
    per_text_languages,
)
from rag.core.messages import message
from rag.core.privacy import mask_pii
from rag.core.programme import Programme
from rag.core.prompts import render_prompt
from rag.core.settings import Settings
from rag.llm import make_chat_model

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {
    "fi": {"fi": "suomi", "sv": "finska", "en": "Finnish"},
    "sv": {"fi": "ruotsi", "sv": "svenska", "en": "Swedish"},
    "en": {"fi": "englanti", "sv": "engelska", "en": "English"},
}


class _LabelsBase(BaseModel):
    labels: list[str]
    primary: str
    confidence: float = Field(ge=0.0, le=1.0)
    reason: str = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> _LabelsBase:
        if not self.labels:
            raise ValueError("labels is empty")
        if len(set(self.labels)) != len(self.labels):
            raise ValueError("a label is repeated")
        if NONE_LABEL in self.labels and len(self.labels) > 1:
            raise ValueError("'none' cannot be combined with themes")
        if self.primary not in self.labels:
            raise ValueError(f"primary {self.primary!r} is not one of labels {self.labels}")
        return self


def label_model(label_ids: Sequence[str]) -> type[_LabelsBase]:
    """The structured-output schema with the programme's ids as an enum."""
    ids: Any = Literal[tuple(label_ids)]  # type: ignore[valid-type]
    fields: dict[str, Any] = {
        "labels": (list[ids], Field(description="theme ids, or ['none']")),
        "primary": (ids, Field(description="the main theme, one of labels")),
    }
    model: type[_LabelsBase] = create_model("ProposalLabels", __base__=_LabelsBase, **fields)
    return model


class LLMUnavailableError(RuntimeError):
    """The endpoint could not be reached or refused the request."""


def _is_unreachable(exc: Exception) -> bool:
    import httpx
    import openai

    return isinstance(exc, openai.APIError | httpx.HTTPError | ConnectionError | TimeoutError)


class LLMClassifier:
    """Classifies with the configured chat model; ``fallback`` answers when it cannot."""

    mode = "llm"

    def __init__(
        self,
        settings: Settings,
        programme: Programme,
        fallback: Any,
        examples: Sequence[LabelledExample] | None = None,
    ) -> None:
        chat = make_chat_model(settings)
        if chat is None:
            raise ValueError(message("classify_no_llm", settings.ui_language))
        self.settings = settings
        self.programme = programme
        self.fallback = fallback
        self.schema = label_model(programme.label_ids)
        self.structured = chat.with_structured_output(self.schema)
        self.few_shot = self._few_shot(examples or programme.examples)
        self.warnings: list[str] = []

    def _few_shot(self, examples: Sequence[LabelledExample]) -> list[LabelledExample]:
        """Up to ``classify_llm_examples`` examples, taking the labels in turn."""
        by_label: dict[str, list[LabelledExample]] = {}
        for ex in examples:
            by_label.setdefault(ex.primary, []).append(ex)
        chosen: list[LabelledExample] = []
        while len(chosen) < self.settings.classify_llm_examples and any(by_label.values()):
            for label in self.programme.label_ids:
                if by_label.get(label) and len(chosen) < self.settings.classify_llm_examples:
                    chosen.append(by_label[label].pop(0))
        return chosen

    def _themes_text(self, language: str) -> str:
        lines = []
        for label_id in self.programme.label_ids:
            label = self.programme.label(label_id)
            name = label.text(label.name, language)
            lines.append(f"- {label_id}: {name}. {label.text(label.description, language)}")
        return "\n".join(lines)

    def messages(self, text: str, language: str) -> list[Any]:
        """The chat messages for one proposal (already masked here)."""
        from langchain_core.messages import HumanMessage, SystemMessage

        prompts = self.settings.prompts_dir
        system = render_prompt(
            prompts,
            "classify",
            "system",
            language,
            programme=self.programme.name.get(language) or next(iter(self.programme.name.values())),
            themes=self._themes_text(language),
            language_name=LANGUAGE_NAMES[language][language],
        )
        examples = "\n".join(
            f"- “{example_title(ex.text)}”: labels {list(ex.labels)}, primary {ex.primary}"
            for ex in self.few_shot
        )
        user = render_prompt(
            prompts,
            "classify",
            "user",
            language,
            examples=examples,
            proposal=mask_pii(text).text,
        )
        return [SystemMessage(system), HumanMessage(user)]

    def _ask(self, text: str, language: str) -> _LabelsBase:
        raw = self.structured.invoke(self.messages(text, language))
        return raw if isinstance(raw, self.schema) else self.schema.model_validate(raw)

    def classify(
        self,
        texts: Sequence[str],
        languages: Sequence[str | None] | None = None,
        progress: Progress | None = None,
    ) -> list[Classification]:
        texts = list(texts)
        langs = per_text_languages(texts, languages)
        results: list[Classification] = []
        for i, text in enumerate(texts):
            language = self.fallback.reasons.language(text, langs[i])
            language = language if language in LANGUAGES else "en"
            try:
                answer = self._ask(text, language)
            except (ValidationError, ValueError) as exc:
                # One malformed answer: this proposal is classified offline, the batch goes on.
                log.warning("LLM answer for item %d invalid (%s); offline result used", i, exc)
                results.extend(self.fallback.classify([text], [langs[i]]))
            except Exception as exc:
                if not _is_unreachable(exc):
                    raise
                warning = message("classify_llm_fallback", language, problem=type(exc).__name__)
                log.warning(warning)
                self.warnings.append(warning)
                results.extend(self.fallback.classify(texts[i:], langs[i:]))
                break
            else:
                results.append(
                    Classification(
                        labels=list(answer.labels),
                        primary=answer.primary,
                        confidence=round(answer.confidence, 4),
                        reason=answer.reason.strip(),
                        needs_review=answer.confidence < self.settings.classify_review_threshold,
                        scores={answer.primary: round(answer.confidence, 4)},
                        mode=self.mode,
                    )
                )
            if progress is not None:
                progress(len(results), len(texts))
        return results
