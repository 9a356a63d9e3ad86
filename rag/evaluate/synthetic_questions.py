"""Synthetic questions made from the stored documents, to fit a 'not found' decision without
fitting on the questions it is scored on (issue 10).

From one sentence of a chunk (headings and page furniture left out):
- answerable: the sentence holds a fact of some kind (an amount, a date, a person's name); the
  question asks for that kind with the sentence's rarest words, the fact itself left out
  ("Kuinka paljon valtiovarainministeriö myönsi verkkomaksamisen käyttöönottoon?");
- near miss, kind absent: a sentence holding no fact of the asked kind is asked for one with its
  own words: the topic is in the documents, the asked fact is not;
- near miss, swapped: an answerable question whose year or name is replaced by one the index has
  never seen (a year far from the documents' years, an invented place name).

The questions are keyword questions, not fluent ones; they stand in for the evidence a real
question meets, which is what the decision looks at. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rag.answer.answer_type import holds_kind
from rag.answer.extractive import quotable_sentences
from rag.core.documents import Chunk
from rag.store.lexical import LexicalIndex

# The question word of each asked kind, per language (answer_type recognises every one).
ASK = {
    "fi": {"number": "Kuinka paljon", "date": "Milloin", "person": "Kuka"},
    "sv": {"number": "Hur mycket", "date": "När", "person": "Vem"},
    "en": {"number": "How much", "date": "When", "person": "Who"},
}
_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_NUMBERISH = re.compile(r"\d")
# Invented place names; `unseen` decides at run time which the index has never seen.
_NAMES = ("Kvarnfjälla", "Rautalahti", "Ylimaavaara", "Storbrännö", "Kaarnajoki", "Hjortvika")


@dataclass(frozen=True)
class SyntheticQuestion:
    id: str
    question: str
    language: str
    doc_id: str  # the document the sentence comes from
    answerable: bool
    how: str  # "answerable" | "kind_absent" | "swapped"


def _kinds_held(sentence: str) -> list[str]:
    # A number must be written in digits here: "en"/"ett" count as numbers for answer_type.
    return [
        kind
        for kind in ("number", "date", "person")
        if holds_kind(sentence, kind) and (kind != "number" or _NUMBERISH.search(sentence))
    ]


def keyword_question(
    sentence: str, kind: str, language: str, idf: Callable[[str], float], words: int = 5
) -> str | None:
    """The asked kind's question word and the sentence's `words` rarest words, in text order;
    numbers and dates are left out (they are the answer). None when too few words remain."""
    tokens = [t for t in _WORD.findall(sentence) if len(t) >= 4]
    if len(tokens) < 3:
        return None
    rare = sorted(set(tokens), key=lambda t: -idf(t.casefold()))[:words]
    kept = [t for t in dict.fromkeys(tokens) if t in rare]
    return f"{ASK[language][kind]} {' '.join(kept)}?"


def swap(question: str, unseen: Callable[[str], bool], rng: random.Random) -> str | None:
    """The question with its year or one of its names replaced by one the index lacks."""
    year = _YEAR.search(question)
    if year:
        for shift in (17, 23, 31, -41):
            new = str(int(year.group()) + shift)
            if unseen(new):
                return question[: year.start()] + new + question[year.end() :]
    names = [m for m in re.finditer(r"\b[A-ZÅÄÖ][a-zåäö]{3,}\b", question) if m.start() > 0]
    candidates = [n for n in _NAMES if unseen(n.casefold())]
    if not names or not candidates:
        return None
    target = rng.choice(names)
    return question[: target.start()] + rng.choice(candidates) + question[target.end() :]


def unseen_in(lexical: LexicalIndex) -> Callable[[str], bool]:
    """``unseen(word)`` for :func:`synthetic_questions`: the lexical index never saw the word."""

    def unseen(word: str) -> bool:
        return not any(w.known for w in lexical.word_coverage(word, []))

    return unseen


def synthetic_questions(
    chunks: Iterable[Chunk],
    idf: Callable[[str], float],
    unseen: Callable[[str], bool],
    per_chunk: int = 1,
    seed: int = 0,
) -> list[SyntheticQuestion]:
    """Answerable questions, 'kind absent' and 'swapped' near misses from the chunks' sentences.

    `idf` scores a word's rarity in the index; `unseen(word)` says the index never saw it.
    """
    rng = random.Random(seed)
    out: list[SyntheticQuestion] = []
    for chunk in sorted(chunks, key=lambda c: c.chunk_id):
        if chunk.language not in ASK:
            continue
        sentences = [s for _, s in quotable_sentences(chunk.text) if len(s.split()) >= 6]
        rng.shuffle(sentences)
        made = {"answerable": 0, "kind_absent": 0, "swapped": 0}
        for sentence in sentences:
            held = _kinds_held(sentence)
            lacking = [k for k in ("number", "date", "person") if k not in held]
            base = f"{chunk.chunk_id}-{len(out)}"
            if held and made["answerable"] < per_chunk:
                kind = rng.choice(held)
                question = keyword_question(sentence, kind, chunk.language, idf)
                if question:
                    made["answerable"] += 1
                    out.append(
                        SyntheticQuestion(
                            f"{base}-a", question, chunk.language, chunk.doc_id, True, "answerable"
                        )
                    )
                    swapped = swap(_with_year(question, sentence), unseen, rng)
                    if swapped and made["swapped"] < per_chunk:
                        made["swapped"] += 1
                        out.append(
                            SyntheticQuestion(
                                f"{base}-s", swapped, chunk.language, chunk.doc_id, False, "swapped"
                            )
                        )
                    continue
            if lacking and made["kind_absent"] < per_chunk and not _NUMBERISH.search(sentence):
                question = keyword_question(sentence, rng.choice(lacking), chunk.language, idf)
                if question:
                    made["kind_absent"] += 1
                    out.append(
                        SyntheticQuestion(
                            f"{base}-k",
                            question,
                            chunk.language,
                            chunk.doc_id,
                            False,
                            "kind_absent",
                        )
                    )
            if all(n >= per_chunk for n in made.values()):
                break
    return out


def _with_year(question: str, sentence: str) -> str:
    """The question with the sentence's year, so that a swap has a year to replace."""
    year = _YEAR.search(sentence)
    return f"{question[:-1]} {year.group()}?" if year else question
