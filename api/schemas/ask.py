"""POST /ask: the question and the cited answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from api.schemas.common import FiltersIn
from rag.core.languages import Language
from rag.core.results import Answer


class TurnIn(BaseModel):
    role: Literal["user", "assistant"]
    text: str = Field(max_length=8000)


class AskIn(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    language: Language | None = Field(
        default=None, description="Answer language; detected from the question when empty."
    )
    filters: FiltersIn = Field(default_factory=FiltersIn)
    conversation_id: str | None = Field(
        default=None, description="Continue an earlier conversation (follow-up questions)."
    )
    history: list[TurnIn] | None = Field(
        default=None, description="Earlier turns, when the client keeps the conversation."
    )
    stream: bool = Field(default=False, description="Answer as server-sent events.")


# The answer is the core type itself: one shape for the API, `tiekartta ask --json` and Python.
AnswerOut = Answer
