"""Evidence features for 'not found' deciders compared by bench/trust_protocol.py (issue 10).

None of the deciders built on them beat the shipped support threshold robustly on held-out
folds (README, "Answers staff can trust"), so they live here, not in rag/.

Features (each a number computed from what retrieval and the sentence ranking saw):
- `support`: the best answer sentence's score plus half the share of the question's rare words
  held by the same-language top chunks (`EvidenceJudge`);
- `kind_share`: among the best sentences that hold the asked kind of fact (a number for
  "kuinka paljon", a date for "när", a name for "who"), the largest IDF-weighted share of the
  question's words they also hold: the fact must sit next to the question's key words;
- `entity_missing` / `entity_share`: the question's names and numbers (they do not translate,
  so this works across languages) absent from the top chunks and their language versions, the
  rarest absent one by IDF, and the share present;
- `unseen`: the share of the question's long words the index has never seen.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from rag.answer.answer_type import answer_kind, holds_kind
from rag.answer.extractive import ScoredSentence
from rag.answer.judge import EvidenceJudge
from rag.core.results import SearchHit
from rag.store.lexical import LexicalIndex
from rag.store.text_analysis import analyze_document, analyze_query

# A capitalised word not opening the question, or a number (years, amounts, § numbers).
_ENTITY = re.compile(r"(?<!^)(?<![.?!]\s)\b([A-ZÅÄÖ][\w-]{2,}|\d[\d.,/–-]*\d|\d)")
FEATURES = ("support", "kind_share", "entity_missing", "entity_share", "unseen")


def kind_share(
    lexical: LexicalIndex, query: str, hits: list[SearchHit], ranked: list[ScoredSentence]
) -> float:
    """Largest IDF share of the question's words held by a top sentence of the asked kind."""
    words = analyze_query(query)
    weights = [w.idf for w in lexical.word_coverage(query, [])]
    mass = sum(weights) or 1.0
    kind = answer_kind(query)
    best = 0.0
    for sentence in ranked[:10]:
        if kind is not None and not holds_kind(sentence.text, kind):
            continue
        tokens = set(analyze_document(sentence.text, hits[sentence.hit_index].chunk.language))
        held = sum(w for word, w in zip(words, weights, strict=True) if set(word.variants) & tokens)
        best = max(best, held / mass)
    return best


def entity_evidence(
    lexical: LexicalIndex, query: str, hits: list[SearchHit], top: int = 3
) -> tuple[float, float]:
    """(rarest absent name or number as IDF / max IDF, share of them present) in the top chunks.

    A name is matched by its first five letters, so inflected forms ("Porvoon") still meet.
    """
    entities = _ENTITY.findall(query.strip())
    if not entities or not hits:
        return 0.0, 1.0
    texts = " ".join(
        " ".join([h.chunk.text, h.chunk.date or "", *(v.chunk.text for v in h.versions)])
        for h in hits[:top]
    ).casefold()
    ceiling = lexical.idf("") or 1.0
    worst, present = 0.0, 0
    for entity in entities:
        if any(form in texts for form in _forms(entity)):
            present += 1
            continue
        idf = min((w.idf for w in lexical.word_coverage(entity, [])), default=ceiling)
        worst = max(worst, idf / ceiling)
    return worst, present / len(entities)


_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _forms(entity: str) -> list[str]:
    """How a name or number may be written in a text: a name's first five letters (so that
    inflected forms meet), a date as d.m.yyyy, dd.mm.yyyy or ISO."""
    if entity[0].isalpha():
        return [entity.casefold()[:5]]
    date = _DATE.match(entity)
    if not date:
        return [entity]
    day, month, year = (int(g) for g in date.groups())
    return [
        f"{day}.{month}.{year}",
        f"{day:02d}.{month:02d}.{year}",
        f"{year}-{month:02d}-{day:02d}",
    ]


def unseen_share(lexical: LexicalIndex, query: str) -> float:
    """Share of the question's long words (>= 6 letters) that the index has never seen."""
    # Short unseen words are mostly verbs and question words ("sai", "went").
    long_words = [w for w in lexical.word_coverage(query, []) if len(w.word) >= 6]
    return sum(not w.known for w in long_words) / len(long_words) if long_words else 0.0


def answerability_features(
    lexical: LexicalIndex,
    query: str,
    hits: list[SearchHit],
    ranked: list[ScoredSentence],
    language: str,
) -> dict[str, float]:
    """The FEATURES of one question's evidence."""
    if not hits or not ranked:
        return {"support": 0.0, "kind_share": 0.0, "entity_missing": 1.0, "entity_share": 0.0}
    missing, share = entity_evidence(lexical, query, hits)
    return {
        "support": EvidenceJudge(lexical).support(query, hits, ranked, language),
        "kind_share": kind_share(lexical, query, hits, ranked),
        "entity_missing": missing,
        "entity_share": share,
        "unseen": unseen_share(lexical, query),
    }


@dataclass
class LogisticModel:
    """A standardised logistic model and its cut: found when the margin >= cut."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    cut: float

    def margin(self, values: dict[str, float]) -> float:
        z = (
            (values[name] - m) / s
            for name, m, s in zip(self.features, self.mean, self.scale, strict=True)
        )
        return self.intercept + sum(w * x for w, x in zip(self.weights, z, strict=True))

    def probability(self, values: dict[str, float]) -> float:
        return 1.0 / (1.0 + math.exp(-self.margin(values)))
