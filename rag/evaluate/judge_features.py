"""Evidence features for calibrating "not found" (bench/calibrate_refusal.py).

Measured with leave-one-out on the dev questions: neither these features alone nor logistic
models over them beat the EvidenceJudge of rag/answer/judge.py (README, "Not found"); kept so
the comparison can be rerun.
"""

from __future__ import annotations

from dataclasses import dataclass

from rag.answer.answer_type import answer_kind, holds_kind
from rag.answer.extractive import ScoredSentence
from rag.core.results import SearchHit
from rag.store.protocols import LexicalSearch

FEATURES = (
    "sentence",  # best answer sentence's score (meaning + shared words + answer kind)
    "dense",  # best cosine of the top chunks
    "coverage",  # IDF share of the question's words in the same-language top chunks
    "rare_missing",  # IDF of the rarest question word absent from them, / the maximum IDF
    "kind_missing",  # the question asks a number/date/person and the best sentence has none
    "same_language",  # some top chunk is in the question's language (words can match)
    "unseen",  # share of the question's long words (>= 6 letters) the index has never seen
)


@dataclass
class EvidenceFeatures:
    values: dict[str, float]

    def vector(self) -> list[float]:
        return [self.values[name] for name in FEATURES]


def evidence_features(
    lexical: LexicalSearch,
    query: str,
    hits: list[SearchHit],
    ranked: list[ScoredSentence],
    language: str,
    top: int = 3,
) -> EvidenceFeatures:
    """What the evidence says about whether the question is answered (see FEATURES)."""
    if not hits or not ranked:
        return EvidenceFeatures({name: 0.0 for name in FEATURES} | {"rare_missing": 1.0})
    # (an empty retrieval is 'not found' before any model is asked)
    same = [h.chunk.chunk_id for h in hits[:top] if h.chunk.language == language]
    words = lexical.word_coverage(query, same) if same else []
    mass = sum(w.idf for w in words)
    ceiling = lexical.idf("") or 1.0  # the IDF of a word the index has never seen
    missing = [w.idf for w in words if w.covered == 0.0]
    kind = answer_kind(query)
    # Long words only: short unseen ones are mostly verbs and question words ("sai", "went").
    long_words = [w for w in lexical.word_coverage(query, []) if len(w.word) >= 6]
    unseen = sum(not w.known for w in long_words) / len(long_words) if long_words else 0.0
    return EvidenceFeatures(
        {
            "sentence": ranked[0].score,
            "dense": max((h.dense or 0.0) for h in hits[:top]),
            "coverage": sum(w.idf * w.covered for w in words) / mass if mass else 0.5,
            "rare_missing": (max(missing) / ceiling if missing else 0.0) if same else 0.5,
            "kind_missing": float(kind is not None and not holds_kind(ranked[0].text, kind)),
            "same_language": float(bool(same)),
            "unseen": unseen,
        }
    )
