"""When a question in a conversation is read with the earlier turns (fi, sv, en)."""

from __future__ import annotations

import pytest

from rag.answer.follow_up import depends_on_context


@pytest.mark.parametrize(
    "question",
    [
        "entä teemassa b?",
        "Entä vuonna 2025?",
        "Och i Grankulla?",
        "What about the Swedish version?",
        "Milloin?",
        "Kuka sen hyväksyi?",
        "Vem godkände det?",
        "Who approved it?",
        "Paljonko se maksoi?",
    ],
)
def test_dependent_questions(question: str) -> None:
    assert depends_on_context(question)


@pytest.mark.parametrize(
    "question",
    [
        "Kuinka pitkä salasanan on oltava henkilöstön tietoturvaohjeen mukaan?",
        "Vem är Borgås borgmästare år 2031?",
        "How many electric buses does the city of Porvoo have?",
        "Milloin kaupunginhallitus hyväksyi digiohjelman 2024–2026?",
        # a pronoun inside a long, complete question refers inside it
        "Mikä on Porvoon digiohjelma ja mitä se tavoittelee vuosina 2024–2026 kaupungissa?",
        "",
    ],
)
def test_standalone_questions(question: str) -> None:
    assert not depends_on_context(question)
