"""Proposals: classification, decisions, the review queue."""

from __future__ import annotations

from dataclasses import asdict
from typing import Literal

from pydantic import BaseModel, Field

from rag.core.languages import Language
from rag.store.proposals import Decision, StoredProposal


class ProposalIn(BaseModel):
    id: str | None = Field(
        default=None, max_length=200, description="Your id; default: derived from the text."
    )
    text: str = Field(description="The proposal text (fi, sv or en).")
    language: Language | None = Field(default=None, description="Default: detected.")


class ClassifyIn(BaseModel):
    proposals: list[ProposalIn] = Field(min_length=1)
    mode: Literal["offline", "llm", "auto"] = "auto"


class ClassificationOut(BaseModel):
    id: str
    labels: list[str]
    primary: str
    confidence: float
    reason: str
    needs_review: bool
    language: str | None
    mode: str
    scores: dict[str, float]


class ClassifyOut(BaseModel):
    results: list[ClassificationOut]


class ClassifyJobOut(BaseModel):
    job_id: str
    status: str
    status_url: str = Field(description="Poll for progress: GET /jobs/{job_id}.")
    result_url: str = Field(description="The classified file, once the job is done.")
    rows: int = Field(description="Data rows in the file.")
    proposals: int = Field(description="Distinct proposals that will be classified.")
    rejected_rows: int = Field(description="Rows that will be skipped (see the job result).")


class DecisionIn(BaseModel):
    labels: list[str] = Field(min_length=1, description="Theme ids, e.g. ['a', 'c'] or ['none'].")
    primary: str | None = Field(default=None, description="Default: the first label.")
    note: str = Field(default="", max_length=2000)


class DecisionOut(BaseModel):
    decision_id: int
    proposal_id: str
    labels: list[str]
    primary: str
    actor: str
    at: str
    note: str


class ProposalOut(BaseModel):
    id: str
    text: str
    language: str | None
    source: str
    job_id: str | None
    labels: list[str]
    primary: str
    confidence: float
    reason: str
    needs_review: bool
    mode: str
    classified_at: str
    decision: DecisionOut | None = None


def decision_out(decision: Decision) -> DecisionOut:
    return DecisionOut.model_validate(asdict(decision))


def proposal_out(proposal: StoredProposal) -> ProposalOut:
    return ProposalOut.model_validate({**asdict(proposal), "id": proposal.proposal_id})
