"""The evidence pack of a draft: what the documents dated inside the period say per theme and
per measure, found with the hybrid retriever and its date filters.

Only sentences that state progress are evidence (``ProgressReader``): meeting formalities,
appeal instructions, page furniture and the list of the programme's themes never are, even when
they share a theme's words. Candidates are ranked by what they say (status words, decisions,
counts, the period's year, the measure's name), sentences in the draft's language first.

Undated documents cannot be placed in a period. They never count as evidence for it: they
do not fill the progress text, do not state statuses and do not stop a "no evidence" flag. With
``undated="context"`` (the default) the passages of undated documents that name a measure are
kept apart and listed among the reviewer's open points, so the reviewer can check their date;
with ``undated="exclude"`` they are not looked for at all. A survey or proposal row whose file
has a date column is dated by it (``document_date``), not undated.

The pack also holds the figures the period's follow-up documents state about the roadmap
(measures by status, new measures, indicator values), each with its sentence and chunk.
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
from rag.draft.figures import StatedFigure, indicator_sentences, stated_figures
from rag.draft.period import Period
from rag.draft.progress_signals import NOT_EVIDENCE, ProgressReader
from rag.draft.register import Measure, Register
from rag.draft.status import StatedStatus, single_status, stated_statuses
from rag.draft.textmatch import is_table, keyword_hits, mentions
from rag.retrieval.dense import Retriever

# progress(step, done, total) for progress bars and jobs.
EvidenceProgress = Callable[[str, int, int], None]
# The date of a document that has none of its own (a survey row's date column), by doc id.
DocumentDate = Callable[[str], str | None]

# Queries that find new obligations (laws, decrees, directives) in each language.
OBLIGATION_QUERIES = {
    "fi": "uusi laki asetus direktiivi velvoittaa kunnat vaatimus",
    "sv": "ny lag förordning direktiv skyldighet kommunerna krav",
    "en": "new law regulation directive obliges municipalities requirement",
}
# Queries that find the follow-up's figures: measures by status, new measures.
FIGURE_QUERIES = {
    "fi": "tiekartan seuranta toimenpiteitä yhteensä valmiina käynnissä aloittamatta uusia",
    "sv": "uppföljning av färdplanen åtgärder sammanlagt slutförda pågående inte påbörjade nya",
    "en": "roadmap follow-up measures in total completed ongoing not started new",
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
    score: float = 0.0  # how strongly the sentence states progress (ProgressReader)

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
class FigurePassage:
    """A figure a document dated in the period states, with the chunk to cite."""

    chunk: Chunk
    figure: StatedFigure

    @property
    def language(self) -> str:
        return self.chunk.language or ""


@dataclass
class EvidencePack:
    period: Period
    themes: list[ThemeEvidence]
    queries: int = 0
    figures: list[FigurePassage] = field(default_factory=list)
    indicators: list[Passage] = field(default_factory=list)


def _names(theme: Theme) -> list[str]:
    return [n.lower() for n in (*theme.name.values(), *theme.short_name.values()) if n]


def period_years(period: Period) -> list[str]:
    return [str(y) for y in range(int(period.start[:4]), int(period.end[:4]) + 1)]


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


def _quote(sentences: list[str], index: int, reader: ProgressReader) -> str:
    """The sentence, plus the following one when the sentence alone is short (a list item
    title such as '**Digituki kirjastoissa** (käynnissä).') and the next one is not procedure,
    furniture or a list of themes."""
    quote = clean_quote(sentences[index])
    if (
        len(quote) < 90
        and index + 1 < len(sentences)
        and reader.read(sentences[index + 1]).kind not in NOT_EVIDENCE
    ):
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
        document_date: DocumentDate | None = None,
    ) -> None:
        if undated not in ("context", "exclude"):
            raise ValueError(f"undated must be 'context' or 'exclude', not '{undated}'")
        self.retriever = retriever
        self.programme = programme
        self.k = k
        self.access_levels = access_levels or {"public"}
        self.undated = undated
        self.document_date = document_date
        self.queries = 0
        self.reader = ProgressReader(n for t in programme.themes for n in _names(t))
        # A passage is about the programme when it holds every word of one of its names.
        self.programme_names = tuple(
            n for n in (*programme.name.values(), *programme.roadmap_name.values()) if n
        )

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
        self._figures(pack, period, languages)
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
            if self.undated == "context" or self.document_date is not None:
                for chunk in self._search(title, None):
                    if chunk.date:
                        continue  # dated chunks outside the period are not this year's news
                    own_date = self.document_date(chunk.doc_id) if self.document_date else None
                    if own_date and not period.contains(own_date):
                        continue  # a survey row dated outside the period
                    target = evidence.passages if own_date else evidence.undated
                    if not own_date and self.undated != "context":
                        continue
                    for passage in self._mentions(chunk, titles, measure.id):
                        if (chunk.chunk_id, passage.sentence) not in seen:
                            seen.add((chunk.chunk_id, passage.sentence))
                            target.append(passage)
        evidence.passages.sort(key=lambda p: -p.score)
        return evidence

    def _mentions(self, chunk: Chunk, titles: list[str], measure_id: str = "") -> list[Passage]:
        """Sentences naming the measure that are neither procedure, furniture nor a list of
        the themes; residents' own rows only when they state progress."""
        sentences = split_sentences(chunk.text)
        found = []
        for i, sentence in enumerate(sentences):
            if is_table(sentence) or not any(mentions(title, sentence) for title in titles):
                continue
            reading = self.reader.read(sentence, [measure_id, *titles])
            if reading.kind in NOT_EVIDENCE or (
                chunk.kind in CITIZEN_KINDS and not reading.is_progress
            ):
                continue
            quote = safe_quote(chunk, _quote(sentences, i, self.reader))
            found.append(Passage(chunk, sentence, quote, single_status(sentence), reading.score))
        return found

    def _theme(
        self, evidence: ThemeEvidence, period: Period, languages: list[str], used: set[str]
    ) -> list[Passage]:
        """Sentences dated in the period that speak about the theme: its keywords, or a status
        statement inside a chunk that names the theme."""
        theme = evidence.theme
        keywords = tuple(w for words in theme.keywords.values() for w in words)
        names = _names(theme)
        others = [n for t in self.programme.themes if t.id != theme.id for n in _names(t)]
        years = period_years(period)
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
                    if not (
                        own
                        or keyword_hits(keywords, sentence)
                        or (names_theme and stated_statuses(sentence))
                    ):
                        continue  # not about the theme
                    reading = self.reader.read(sentence, names, years[-1])
                    if not reading.is_progress:
                        continue  # procedure, furniture, the list of themes, background
                    seen.add(sentence)
                    score = reading.score + (1.0 if own else 0.0)
                    quote = safe_quote(chunk, clean_quote(sentence))
                    found.append(Passage(chunk, sentence, quote, score=score))
        # The strongest statements first (naming the theme counts as the follow-up's own summary).
        found.sort(key=lambda p: -p.score)
        return found

    def about_programme(self, chunk: Chunk) -> bool:
        """The chunk (or its document's title) names the programme or its roadmap."""
        text = f"{chunk.title}\n{chunk.heading or ''}\n{chunk.text}"
        return any(keyword_hits((name,), text) for name in self.programme_names)

    def _figures(self, pack: EvidencePack, period: Period, languages: list[str]) -> None:
        """Figures stated in the period's documents about the programme, with their chunks."""
        years = period_years(period)
        themes = {t.id: _names(t) for t in self.programme.themes}
        seen_chunks: set[str] = set()
        seen: set[tuple[str, str]] = set()
        queries = [
            f"{prefix}{FIGURE_QUERIES[language]}"
            for language in dict.fromkeys([*languages, *FIGURE_QUERIES])
            if language in FIGURE_QUERIES
            # the whole roadmap's figures, then each theme's ("Teeman 12 toimenpiteestä ...")
            for prefix in ("", *(f"{t.theme.full_name(language)} " for t in pack.themes))
        ]
        for query in queries:
            for chunk in self._search(query, period):
                if chunk.chunk_id in seen_chunks or not self.about_programme(chunk):
                    continue
                seen_chunks.add(chunk.chunk_id)
                sentences = [s for s in split_sentences(chunk.text) if not is_table(s)]
                for figure in stated_figures(sentences, years, themes, chunk.heading or ""):
                    if self.reader.read(figure.sentence).kind in NOT_EVIDENCE:
                        continue
                    pack.figures.append(FigurePassage(chunk, figure))
                for sentence in indicator_sentences(sentences, years):
                    if (chunk.doc_id, sentence) not in seen:
                        seen.add((chunk.doc_id, sentence))
                        pack.indicators.append(
                            Passage(chunk, sentence, safe_quote(chunk, clean_quote(sentence)))
                        )

    def _obligations(self, pack: EvidencePack, period: Period, languages: list[str]) -> None:
        """Sentences about new laws or obligations, given to the theme whose keywords they hold."""
        seen: set[str] = set()
        for language in languages:
            query = OBLIGATION_QUERIES.get(language, OBLIGATION_QUERIES["en"])
            for chunk in self._search(query, period):
                for sentence in split_sentences(chunk.text):
                    if sentence in seen or not _is_obligation(sentence):
                        continue
                    if self.reader.read(sentence).kind in NOT_EVIDENCE:
                        continue  # a vote, appeal instructions, a header: no obligation
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
