"""Synthetic questions for fitting the 'not found' decision: what each kind holds."""

from __future__ import annotations

import re

from rag.answer.answer_type import answer_kind
from rag.core.documents import Chunk
from rag.evaluate.synthetic_questions import keyword_question, swap, synthetic_questions

TEXT = (
    "Kaupunkikehitys\n"
    "Valtiovarainministeriö myönsi Porvoolle 42 000 euroa verkkomaksamisen käyttöönottoon "
    "kirjastoissa vuonna 2021.\n"
    "Kaupunginhallitus päätti jatkaa hankkeen valmistelua yhdessä kirjastojen henkilöstön "
    "kanssa.\n"
)
KNOWN = {w.casefold() for w in re.findall(r"\w+", TEXT)}


def _idf(word: str) -> float:
    return float(len(word))  # longer words count as rarer: enough to order them


def _unseen(word: str) -> bool:
    return word.casefold() not in KNOWN


def _chunk(text: str = TEXT, language: str = "fi") -> Chunk:
    return Chunk("doc-1#0", "doc-1", 0, text, language, "Uutinen")


def test_each_kind_is_made_from_the_right_sentence() -> None:
    made = {q.how: q for q in synthetic_questions([_chunk()], _idf, _unseen)}
    assert set(made) == {"answerable", "kind_absent", "swapped"}
    answerable = made["answerable"]
    assert answerable.answerable and answerable.doc_id == "doc-1"
    assert answer_kind(answerable.question) in {"number", "date"}
    assert "42" not in answerable.question  # the fact itself is the answer, never asked with
    assert "Valtiovarainministeriö" in answerable.question
    # The sentence without any number or name is asked for a fact it does not hold.
    absent = made["kind_absent"]
    assert not absent.answerable and "valmistelua" in absent.question
    # The swapped question names a year the text never mentions.
    swapped = made["swapped"]
    year = re.search(r"\d{4}", swapped.question)
    assert not swapped.answerable and year and _unseen(year.group())
    assert not any("Kaupunkikehitys" in q.question for q in made.values())  # headings left out


def test_swedish_questions_use_swedish_question_words_and_are_repeatable() -> None:
    text = (
        "Stadsstyrelsen beviljade föreningen 12 000 euro för verksamheten i Borgå år 2022.\n"
        "Stadsstyrelsen beslutade att fortsätta beredningen tillsammans med personalen.\n"
    )
    first = synthetic_questions([_chunk(text, "sv")], _idf, _unseen, seed=3)
    again = synthetic_questions([_chunk(text, "sv")], _idf, _unseen, seed=3)
    assert first == again
    assert all(re.match(r"(Hur mycket|När|Vem) ", q.question) for q in first)


def test_too_short_sentences_and_unknown_languages_make_nothing() -> None:
    assert keyword_question("Se on 12.", "number", "fi", _idf) is None
    assert synthetic_questions([_chunk(language="de")], _idf, _unseen) == []


def test_swap_replaces_a_name_when_there_is_no_year() -> None:
    import random

    swapped = swap("Kuka johtaa Porvoon kirjastoa?", lambda w: w != "porvoon", random.Random(0))
    assert swapped is not None and "Porvoon" not in swapped and swapped.startswith("Kuka johtaa")
    assert swap("kuka johtaa kirjastoa?", _unseen, random.Random(0)) is None
