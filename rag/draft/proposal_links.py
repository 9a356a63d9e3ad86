"""Residents' proposals against the roadmap: which existing measure a proposal supports, and
whether it puts forward a digital element at all.

A proposal that asks for what a measure already does ("päiväkotihakemus netissä" and measure
A-04 "Varhaiskasvatuksen sähköinen hakemus") supports that measure; it is not a new measure.
The measure is the one whose name the bundled embeddings find closest to the proposal, kept
only when one of the words of its name also occurs in the proposal (inside a compound too:
"hakemus" in "päiväkotihakemus"). Similarity alone is not enough: the small e5 model scores
every municipal text 0.84-0.89 against every measure name, so a bicycle-parking wish comes out
"closest" to the booking service. Without embeddings, a measure needs half of its name's words.

A digital element is proposed when a digital marker of the programme file occurs in a clause
without a negation: "nettiä en juuri käytä" (I hardly use the net) proposes nothing digital.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.classify.lexicon import TermMatcher
from rag.core.language import detect_language
from rag.core.programme import Programme
from rag.draft.proposals import ClassifiedProposal
from rag.draft.register import Measure

_LETTERS = re.compile(r"[^\W\d_]+")
_CLAUSES = re.compile(r"[.;,!?]|\s(?:mutta|men|but)\s", re.IGNORECASE)
# Negations per language: Finnish "en" (I do not) is the Swedish article "en".
_NEGATION = {
    "fi": re.compile(r"\b(?:en|et|ei|emme|ette|eivät|älä|älkää)\b", re.IGNORECASE),
    "sv": re.compile(r"\b(?:inte|ej|aldrig)\b", re.IGNORECASE),
    "en": re.compile(r"\b(?:not|never|don't|doesn't|no longer)\b", re.IGNORECASE),
}
MIN_WORD = 4  # shorter words ("ja", "och", "tid") say nothing about a measure
# Words every municipal measure name may hold ("kaupungin verkkosivuille", "stadens
# webbplats"): sharing them says nothing about which measure a proposal supports.
_GENERIC = re.compile(r"^(?:kaupun|kunna?n?|kunta|stad|kommun|city|municipal|town)")


def _stems(title: str) -> set[str]:
    """A measure name's words without their last two letters (case endings), at least four."""
    return {
        w[: max(MIN_WORD, len(w) - 2)]
        for w in _LETTERS.findall(title.lower())
        if len(w) > 3 and not _GENERIC.match(w)
    }


def shared_words(title: str, text: str) -> int:
    """How many words of ``title`` occur in ``text``, also inside its compounds."""
    words = _LETTERS.findall(text.lower())
    return sum(1 for stem in _stems(title) if any(stem in word for word in words))


class DigitalElement:
    """Does a text put forward a digital element (the programme's digital markers)?"""

    def __init__(self, programme: Programme) -> None:
        self.markers = TermMatcher(programme.digital_markers)

    def __call__(self, text: str, language: str | None = None) -> bool:
        negation = _NEGATION.get(language or detect_language(text), _NEGATION["fi"])
        return any(
            self.markers.find(clause) and not negation.search(clause)
            for clause in _CLAUSES.split(text)
        )


class ProposalLinker:
    """Links proposals to the register's measures they support (see the module docstring)."""

    def __init__(self, measures: Sequence[Measure], embeddings: Embeddings | None = None) -> None:
        self.measures = list(measures)
        self.embeddings = embeddings
        self._names = [(m, t) for m in self.measures for t in dict.fromkeys(m.titles.values())]

    def _unit(self, texts: list[str]) -> np.ndarray:
        assert self.embeddings is not None
        vectors = np.asarray(self.embeddings.embed_documents(texts), np.float32)
        norms = np.linalg.norm(vectors, axis=1)
        norms[norms == 0] = 1.0
        return vectors / norms[:, None]

    def links(self, proposals: Sequence[ClassifiedProposal]) -> dict[str, Measure]:
        """Proposal id -> the measure it supports (proposals supporting none are left out)."""
        if not self.measures or not proposals:
            return {}
        found: dict[str, Measure] = {}
        if self.embeddings is None:
            for proposal in proposals:
                for measure, title in self._names:
                    if shared_words(title, proposal.text) * 2 >= max(1, len(_stems(title))):
                        found[proposal.id] = measure
                        break
            return found
        names = self._unit([title for _, title in self._names])
        texts = self._unit([p.text for p in proposals])
        for proposal, scores in zip(proposals, texts @ names.T, strict=True):
            measure, title = self._names[int(np.argmax(scores))]
            if shared_words(title, proposal.text) or any(
                shared_words(t, proposal.text) for t in measure.titles.values()
            ):
                found[proposal.id] = measure
        return found
