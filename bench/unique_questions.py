"""Questions for a load run in which no two asks are the same text, so no query cache helps.

The questions are made from the served documents' own chunks by
``rag.evaluate.synthetic_questions`` (answerable ones and near misses, fi/sv/en); once each has
been asked, the next round asks them again behind an opener in the question's language
("Kerro, …", "Berätta, …"), which makes a new text (and a new query vector) of the same ask.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass
from pathlib import Path

from bench.common import bench_app
from rag.evaluate.synthetic_questions import synthetic_questions, unseen_in

OPENERS = {
    "fi": ("", "Kerro,", "Haluaisin tietää:", "Tiedätkö:", "Kysyisin vielä:"),
    "sv": ("", "Berätta,", "Jag undrar:", "Vet du:", "En fråga till:"),
    "en": ("", "Tell me,", "I would like to know:", "Do you know:", "One more question:"),
}


@dataclass(frozen=True)
class Question:
    language: str
    text: str


def corpus_questions(data_dir: Path, seed: int = 0) -> list[Question]:
    """Distinct synthetic questions from every chunk stored in ``data_dir``, shuffled."""
    service = bench_app(data_dir)
    lexical = service.lexical
    made = synthetic_questions(service.vectors.all_chunks(), lexical.idf, unseen_in(lexical))
    unique = {q.question: Question(q.language, q.question) for q in made}
    questions = list(unique.values())
    random.Random(seed).shuffle(questions)
    return questions


class UniqueQuestions:
    """A thread-safe iterator shared by every asker: each call gives a text not given before;
    it stops when every question has been asked behind every opener."""

    def __init__(self, questions: list[Question]) -> None:
        if not questions:
            raise ValueError("no questions to ask")
        self._questions = questions
        self._given = 0
        self._lock = threading.Lock()

    def __iter__(self) -> UniqueQuestions:
        return self

    def __next__(self) -> str:
        with self._lock:
            round_, index = divmod(self._given, len(self._questions))
            self._given += 1
        question = self._questions[index]
        openers = OPENERS.get(question.language, OPENERS["en"])
        if round_ >= len(openers):
            raise StopIteration
        opener = openers[round_]
        return f"{opener} {question.text}" if opener else question.text

    @property
    def given(self) -> int:
        return self._given
