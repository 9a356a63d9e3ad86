"""The evidence pack of a draft: what the documents dated inside the period say per theme and
per measure, found with the hybrid retriever and its date filters.

Undated documents cannot be placed in a period. They never count as evidence for it: they do
not fill the progress text, do not state statuses and do not stop a "no evidence" flag. With
``undated="context"`` (the default) the passages of undated documents that name a measure are
kept apart and listed among the reviewer's open points, so the reviewer can check their date;
with ``undated="exclude"`` they are not looked for at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from rag.core.documents import Chunk
from rag.core.privacy import mask_personal_data
from rag.core.programme import Programme, Theme
from rag.core.results import SearchFilters
from rag.core.sentences import split_sentences
from rag.draft.period import Period
from rag.draft.register import Measure, Register
from rag.draft.status import StatedStatus, single_status, stated_statuses
from rag.draft.textmatch import is_table, keyword_hits, mentions
from rag.retrieval.dense import Retriever

# progress(step, done, total) for progress bars and jobs.
EvidenceProgress = Callable[[str, int, int], None]

# Queries that find new obligations (laws, decrees, directives) in each language.
OBLIGATION_QUERIES = {
    "fi": "uusi laki asetus direktiivi velvoittaa kunnat vaatimus",
    "sv": "ny lag förordning direktiv skyldighet kommunerna krav",
    "en": "new law regulation directive obliges municipalities requirement",
}
# A new obligation: a law-like word and a sign that it is new or has a deadline.
_OBLIGATION = re.compile(
    r"\b(?:laki|lain|lakia|lakiin|lait|lakimuutos\w*|asetu\w*|direktiiv\w*|velvoit\w*"
    r"|vaatimu\w*|\w*lag|\w*lagen|förordning\w*|direktiv\w*|skyldig\w*|krav\w*"
    r"|law|laws|regulation\w*|directive\w*|obligation\w*|oblige\w*)\b",
    re.IGNORECASE,
)
_NEW = re.compile(
    r"\b(?:uu(?:si|den|det|tta|sia)|muutt\w*|muutos\w*|voimaan|mennessä|alkaen"
    r"|ny|nya|nytt|ändr\w*|träder|ikraft|senast|från och med"
    r"|new|amend\w*|into force|by \d{4}|from \d{4})\b",
    re.IGNORECASE,
)


@dataclass
class Passage:
    """A sentence quoted verbatim from a stored chunk (plus the next one for context)."""

    chunk: Chunk
    sentence: str
    quote: str
    stated: StatedStatus | None = None

    @property
    def language(self) -> str:
        return self.chunk.language or ""


@dataclass
class MeasureEvidence:
    measure: Measure
    passages: list[Passage] = field(default_factory=list)  # dated inside the period
    undated: list[Passage] = field(default_factory=list)  # for the reviewer, never counted

    @property
    def stated(self) -> list[Passage]:
        """Passages stating one status about this measure."""
        return [p for p in self.passages if p.stated is not None]

    @property
    def conflicts(self) -> list[Passage]:
        """Passages whose stated status differs from the register's."""
        return [p for p in self.stated if p.stated and p.stated.status != self.measure.status]


@dataclass
class ThemeEvidence:
    theme: Theme
    measures: list[MeasureEvidence] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)  # theme-level progress sentences
    obligations: list[Passage] = field(default_factory=list)  # new laws / obligations


@dataclass
class EvidencePack:
    period: Period
    themes: list[ThemeEvidence]
    queries: int = 0


def _names(theme: Theme) -> list[str]:
    return [n.lower() for n in (*theme.name.values(), *theme.short_name.values()) if n]


def _is_obligation(sentence: str) -> bool:
    return bool(_OBLIGATION.search(sentence) and _NEW.search(sentence))


_BULLET = re.compile(r"^\s*(?:[-•–*]|\d+[.)])\s+")


def clean_quote(text: str) -> str:
    """The words of the document without Markdown list bullets and bold markers."""
    return _BULLET.sub("", text).replace("**", "").strip()


# Chunks of tabular records (survey answers, proposals) hold residents' own words.
CITIZEN_KINDS = {"record"}


def safe_quote(chunk: Chunk, text: str) -> str:
    """Residents' text is quoted with personal data masked; documents are quoted verbatim."""
    return mask_personal_data(text) if chunk.kind in CITIZEN_KINDS else text


def _quote(sentences: list[str], index: int) -> str:
    """The sentence, plus the following one when the sentence alone is short (a list item
    title such as '**Digituki kirjastoissa** (käynnissä).')."""
    quote = clean_quote(sentences[index])
    if len(quote) < 90 and index + 1 < len(sentences):
        quote = f"{quote} {clean_quote(sentences[index + 1])}"
    return quote


class EvidenceCollector:
    """Runs the searches of a draft and keeps the sentences that are about the measures."""

    def __init__(
        self,
        retriever: Retriever,
        programme: Programme,
        k: int = 6,
        access_levels: set[str] | None = None,
        undated: str = "context",
    ) -> None:
        if undated not in ("context", "exclude"):
            raise ValueError(f"undated must be 'context' or 'exclude', not '{undated}'")
        self.retriever = retriever
        self.programme = programme
        self.k = k
        self.access_levels = access_levels or {"public"}
        self.undated = undated
        self.queries = 0

    def _search(self, query: str, period: Period | None) -> list[Chunk]:
        filters = SearchFilters(
            date_from=period.start if period else None,
            date_to=period.end if period else None,
            access_levels=set(self.access_levels),
        )
        self.queries += 1
        return [hit.chunk for hit in self.retriever.search(query, self.k, filters)]

    def collect(
        self,
        period: Period,
        themes: list[str],
        register: Register | None,
        languages: list[str],
        progress: EvidenceProgress | None = None,
    ) -> EvidencePack:
        """Search per measure and per theme; every passage comes from a retrieved chunk."""
        measures = [m for m in (register.measures if register else []) if m.theme in themes]
        total = len(measures) + len(themes) + 1
        done = 0
        pack = EvidencePack(period, [ThemeEvidence(self.programme.theme(t)) for t in themes])
        by_theme = {t.theme.id: t for t in pack.themes}
        for measure in measures:
            by_theme[measure.theme].measures.append(self._measure(measure, period))
            done += 1
            if progress:
                progress(f"measure {measure.id}", done, total)
        self._obligations(pack, period, languages)
        used = {
            text
            for t in pack.themes
            for m in t.measures
            for p in m.passages
            for text in (p.sentence, p.quote)
        } | {p.sentence for t in pack.themes for p in t.obligations}
        for theme_evidence in pack.themes:
            theme_evidence.passages = self._theme(theme_evidence, period, languages, used)
            done += 1
            if progress:
                progress(f"theme {theme_evidence.theme.id}", done, total)
        pack.queries = self.queries
        return pack

    def _measure(self, measure: Measure, period: Period) -> MeasureEvidence:
        evidence = MeasureEvidence(measure)
        titles = list(dict.fromkeys(measure.titles.values() or [measure.title]))
        seen: set[tuple[str, str]] = set()
        for title in titles:
            for chunk in self._search(title, period):
                for passage in self._mentions(chunk, titles):
                    if (chunk.chunk_id, passage.sentence) not in seen:
                        seen.add((chunk.chunk_id, passage.sentence))
                        evidence.passages.append(passage)
            if self.undated == "context":
                for chunk in self._search(title, None):
                    if chunk.date:
                        continue  # dated chunks outside the period are not this year's news
                    for passage in self._mentions(chunk, titles):
                        if (chunk.chunk_id, passage.sentence) not in seen:
                            seen.add((chunk.chunk_id, passage.sentence))
                            evidence.undated.append(passage)
        return evidence

    @staticmethod
    def _mentions(chunk: Chunk, titles: list[str]) -> list[Passage]:
        sentences = split_sentences(chunk.text)
        return [
            Passage(
                chunk, sentence, safe_quote(chunk, _quote(sentences, i)), single_status(sentence)
            )
            for i, sentence in enumerate(sentences)
            if not is_table(sentence) and any(mentions(title, sentence) for title in titles)
        ]

    def _theme(
        self, evidence: ThemeEvidence, period: Period, languages: list[str], used: set[str]
    ) -> list[Passage]:
        """Sentences dated in the period that speak about the theme: its keywords, or a status
        statement inside a chunk that names the theme."""
        theme = evidence.theme
        keywords = tuple(w for words in theme.keywords.values() for w in words)
        names = _names(theme)
        others = [n for t in self.programme.themes if t.id != theme.id for n in _names(t)]
        found: list[Passage] = []
        seen: set[str] = set()
        for language in languages:
            for chunk in self._search(theme.full_name(language), period):
                names_theme = any(name in chunk.text.lower() for name in names)
                for sentence in split_sentences(chunk.text):
                    lowered = sentence.lower()
                    own = any(name in lowered for name in names)
                    if (
                        sentence in seen
                        or len(sentence) < 40
                        or is_table(sentence)
                        or any(sentence in text for text in used)
                        or (not own and any(name in lowered for name in others))
                    ):
                        continue  # too short, a table, already quoted, or another theme's
                    if (
                        own
                        or keyword_hits(keywords, sentence)
                        or (names_theme and stated_statuses(sentence))
                    ):
                        seen.add(sentence)
                        found.append(
                            Passage(chunk, sentence, safe_quote(chunk, clean_quote(sentence)))
                        )
        # Sentences naming the theme first (the follow-up's own summary of it), then the rest.
        found.sort(key=lambda p: not any(name in p.sentence.lower() for name in names))
        return found

    def _obligations(self, pack: EvidencePack, period: Period, languages: list[str]) -> None:
        """Sentences about new laws or obligations, given to the theme whose keywords they hold."""
        seen: set[str] = set()
        for language in languages:
            query = OBLIGATION_QUERIES.get(language, OBLIGATION_QUERIES["en"])
            for chunk in self._search(query, period):
                for sentence in split_sentences(chunk.text):
                    if sentence in seen or not _is_obligation(sentence):
                        continue
                    scores = [
                        (
                            keyword_hits(
                                tuple(w for ws in t.theme.keywords.values() for w in ws), sentence
                            ),
                            t,
                        )
                        for t in pack.themes
                    ]
                    best, theme_evidence = max(scores, key=lambda s: s[0])
                    if best:
                        seen.add(sentence)
                        theme_evidence.obligations.append(
                            Passage(chunk, sentence, safe_quote(chunk, clean_quote(sentence)))
                        )
