"""The answerability model's parts: the logistic margin and the evidence it reads."""

from __future__ import annotations

import math

from api.container import ALL_ACCESS, Tiekartta
from rag.answer.answerability import (
    DEFAULT_MODEL,
    FEATURES,
    AnswerabilityJudge,
    LogisticModel,
    answerability_features,
    entity_evidence,
)
from rag.core.results import SearchFilters


def test_logistic_margin_standardises_then_weighs() -> None:
    model = LogisticModel(("a", "b"), (1.0, 0.0), (2.0, 1.0), (1.0, -2.0), 0.5, cut=0.0)
    # ((3 - 1) / 2) * 1 + ((1 - 0) / 1) * -2 + 0.5 = -0.5
    assert math.isclose(model.margin({"a": 3.0, "b": 1.0}), -0.5)
    assert math.isclose(model.probability({"a": 1.0, "b": 0.0}), 1 / (1 + math.exp(-0.5)))


def test_default_model_reads_every_feature() -> None:
    assert DEFAULT_MODEL.features == FEATURES
    assert len(DEFAULT_MODEL.weights) == len(DEFAULT_MODEL.mean) == len(FEATURES)


def _evidence(service: Tiekartta, question: str):  # type: ignore[no-untyped-def]
    filters = SearchFilters(access_levels=ALL_ACCESS)
    return service.answerer.retrieve(question, filters, "sv")


def test_a_year_the_documents_never_name_is_missing_evidence(sample_service: Tiekartta) -> None:
    hits, ranked, _ = _evidence(sample_service, "Vem är Borgås borgmästare år 2031?")
    missing, share = entity_evidence(
        sample_service.lexical, "Vem är Borgås borgmästare år 2031?", hits
    )
    assert missing > 0 and share < 1
    hits, ranked, _ = _evidence(sample_service, "Vad beslutade stadsstyrelsen den 22.1.2024?")
    assert entity_evidence(
        sample_service.lexical, "Vad beslutade stadsstyrelsen den 22.1.2024?", hits
    ) == (0.0, 1.0)


def test_features_and_judge_on_real_evidence(sample_service: Tiekartta) -> None:
    question = "Hur mycket har reserverats för programmets åtgärder år 2024?"
    hits, ranked, _ = _evidence(sample_service, question)
    values = answerability_features(sample_service.lexical, question, hits, ranked, "sv")
    assert set(values) == set(FEATURES)
    assert 0 < values["kind_share"] <= 1 and values["unseen"] == 0.0
    judge = AnswerabilityJudge(sample_service.lexical)
    assert judge.margin(question, [], [], "sv") == -math.inf
    assert not judge.found(question, [], [], "sv")
