"""Answering a question from retrieved chunks: extractive (no LLM) or generated (LLM).

Both modes return the same `Answer`; every citation points at a chunk that was retrieved for
this question, and the answer says 'not found' in the question's language when retrieval finds
no support.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from rag.answer.claim_check import (
    PromptLeakCheck,
    addresses_the_model,
    numbers_supported,
    quote_supported,
    quoted_sentences,
    with_marker,
    without_markers,
)
from rag.answer.claim_check import normalise as _normalise
from rag.answer.extractive import (
    ScoredSentence,
    joined_quote,
    rank_sentences,
    select_sentences,
)
from rag.answer.follow_up import depends_on_context
from rag.answer.judge import DenseScoreJudge, Judge
from rag.answer.prompt_data import as_json_data, history_data, sources_data
from rag.core.citations import citation_label
from rag.core.language import detect_language
from rag.core.messages import message
from rag.core.privacy.pseudonyms import Pseudonyms, StreamRestorer
from rag.core.prompts import render_prompt
from rag.core.results import Answer, Citation, SearchFilters, SearchHit, Source, VersionRef
from rag.core.sentences import split_sentences
from rag.embeddings.base import EmbeddingsBackend
from rag.embeddings.cache import EmbeddingCache
from rag.retrieval.dense import Retriever


@dataclass
class Turn:
    role: str  # "user" | "assistant"
    text: str


class LLMClaim(BaseModel):
    """One claim of a generated answer with the passage that supports it."""

    text: str = Field(description="The claim, one sentence.")
    source: int = Field(description="Number of the source that supports the claim.")
    quote: str = Field(description="Verbatim passage from that source supporting the claim.")


class LLMAnswer(BaseModel):
    """Structured output requested from the LLM."""

    found: bool = Field(description="False when the sources do not answer the question.")
    answer: str = Field(description="The answer text with [n] source markers.")
    claims: list[LLMClaim] = Field(default_factory=list)


def question_language(question: str, default: str = "fi") -> str:
    return detect_language(question, default=default)


class Answerer:
    """Retrieves evidence for a question and answers it with citations."""

    def __init__(
        self,
        retriever: Retriever,
        embeddings: EmbeddingsBackend,
        prompts_dir: Path,
        chat_model: BaseChatModel | None = None,
        k: int = 8,
        judge: Judge | None = None,
        sentence_vectors: EmbeddingCache | None = None,
        restore_personal_data: bool = True,
    ) -> None:
        self.retriever = retriever
        self.embeddings = embeddings
        # The vectors ingest stored for every quotable sentence (in memory when not given).
        self.sentence_vectors = sentence_vectors or EmbeddingCache(embeddings)
        self.prompts_dir = prompts_dir
        self.chat_model = chat_model
        self.k = k
        self.judge = judge or DenseScoreJudge()
        # False: the reader sees the placeholders the model saw ([NAME_1]), not the values.
        self.restore_personal_data = restore_personal_data

    # -- shared steps -------------------------------------------------------------------------
    def retrieval_query(
        self,
        question: str,
        history: list[Turn],
        language: str,
        pseudonyms: Pseudonyms | None = None,
    ) -> tuple[str, bool]:
        """The question made standalone for retrieval, and whether the conversation was used.

        Only a question that depends on the earlier turns ('entä vuonna 2025?', 'Vem godkände
        det?') is read with them; any other question starts fresh. The model rewrites the
        masked turns; the search runs here, on the rewrite with the values put back.
        """
        pseudonyms = pseudonyms or Pseudonyms()
        earlier = [t.text for t in history if t.role == "user"]
        if not earlier or not depends_on_context(question):
            return question, False
        if self.chat_model is not None:
            prompt = render_prompt(
                self.prompts_dir,
                "condense",
                "",
                language,
                history=history_data(_masked_turns(history, pseudonyms)),
                question=as_json_data(pseudonyms.mask(question)),
            )
            try:
                reply = str(self.chat_model.invoke([HumanMessage(prompt)]).content).strip()
                rewritten = pseudonyms.restore(reply)
                if rewritten:
                    return rewritten, True
            except Exception:  # retrieval still works with the earlier question prepended
                pass
        return f"{earlier[-1]} {question}", True

    def retrieve(
        self, query: str, filters: SearchFilters | None, language: str
    ) -> tuple[list[SearchHit], list[ScoredSentence], bool]:
        """Hits, their sentences ranked against the question, and whether they answer it."""
        hits = [in_language(h, language) for h in self.retriever.search(query, self.k, filters)]
        if not hits:
            return [], [], False
        question_vector = self.embeddings.embed_query(query)
        ranked = rank_sentences(query, question_vector, hits, self.sentence_vectors)
        return hits, ranked, self.judge.found(query, hits, ranked, language)

    def make_sources(self, hits: list[SearchHit], language: str) -> list[Source]:
        return [
            Source(
                number=n,
                chunk_id=h.chunk.chunk_id,
                doc_id=h.chunk.doc_id,
                title=h.chunk.title,
                citation=citation_label(h.chunk, language),
                date=h.chunk.date,
                body=h.chunk.body,
                section=h.chunk.section,
                page=h.chunk.page,
                url=h.chunk.url,
                part=h.chunk.part,
                quote=h.chunk.text,
                score=round(h.score, 4),
                versions=[
                    VersionRef(
                        v.chunk.doc_id,
                        v.chunk.chunk_id,
                        v.chunk.language,
                        v.chunk.title,
                        citation_label(v.chunk, language),
                        v.chunk.url,
                    )
                    for v in h.versions
                ],
            )
            for n, h in enumerate(hits, start=1)
        ]

    # -- answering ----------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        filters: SearchFilters | None = None,
        history: list[Turn] | None = None,
        language: str | None = None,
        pseudonyms: Pseudonyms | None = None,
    ) -> Answer:
        """Answer a question; extractive without an LLM, generated with one.

        ``pseudonyms``: this request's placeholders (a new set when not given); the caller
        passes its own to make the restored answer safe to store (`Pseudonyms.hide`)."""
        history = history or []
        language = language or question_language(question)
        pseudonyms = pseudonyms or Pseudonyms()
        query, context_used = self.retrieval_query(question, history, language, pseudonyms)
        turns = history if context_used else []  # a fresh question is answered without them
        answer = self._answer(question, query, filters, turns, language, pseudonyms)
        answer.context_used = context_used
        return answer

    def _answer(
        self,
        question: str,
        query: str,
        filters: SearchFilters | None,
        history: list[Turn],
        language: str,
        pseudonyms: Pseudonyms,
    ) -> Answer:
        hits, ranked, found = self.retrieve(query, filters, language)
        if not found:  # the same decision gates the LLM: it is not asked at all
            return self._not_found(question, language)
        if self.chat_model is not None:
            try:
                answer = self._generate(question, hits, ranked, history, language, pseudonyms)
                return self._for_reader(answer, pseudonyms)
            except Exception as exc:  # an unreachable LLM must not leave staff without an answer
                result = self._extract(question, hits, ranked, language)
                result.warnings.append(message("llm_unavailable", language) + f" ({exc})")
                return result
        return self._extract(question, hits, ranked, language)

    def _not_found(self, question: str, language: str) -> Answer:
        mode = "llm" if self.chat_model is not None else "extractive"
        return Answer(question, language, message("not_found", language), False, [], [], mode)

    def _extract(
        self, question: str, hits: list[SearchHit], ranked: list[ScoredSentence], language: str
    ) -> Answer:
        chosen = select_sentences(ranked)
        used = sorted({s.hit_index for s in chosen})
        renumber = {hit_index: n for n, hit_index in enumerate(used, start=1)}
        sources = self.make_sources([hits[i] for i in used], language)
        citations = []
        lines = []
        for sentence in chosen:
            number = renumber[sentence.hit_index]
            lines.append(f"“{sentence.text}” [{number}]")
            citations.append(Citation(sentence.text, number, sentence.text))
        for source in sources:  # where each quote comes from, and its other language versions
            lines.append(f"[{source.number}] {source.citation}")
            for version in source.versions:
                lines.append(
                    f"[{source.number}] "
                    + message("version_also", language, citation=version.citation)
                )
        for source in sources:
            source.quote = joined_quote(
                [s for s in chosen if renumber[s.hit_index] == source.number]
            )
        text = message("extractive_intro", language) + "\n" + "\n".join(lines)
        return Answer(question, language, text, True, sources, citations, "extractive")

    def _system_prompt(self, language: str, name: str) -> str:
        system = render_prompt(self.prompts_dir, "answer", "system", language)
        if name == "stream":
            system += "\n\n" + render_prompt(self.prompts_dir, "answer", "stream", language)
        return system

    def _messages(
        self,
        question: str,
        sources: list[Source],
        hits: list[SearchHit],
        history: list[Turn],
        language: str,
        name: str,
        pseudonyms: Pseudonyms,
    ) -> list[Any]:
        # Documents and the client's history are data: JSON-encoded, never closable (prompt_data).
        source_data = sources_data(
            [
                (s.number, s.citation, s.part or "text", pseudonyms.mask(h.chunk.text))
                for s, h in zip(sources, hits, strict=True)
            ]
        )
        user = render_prompt(
            self.prompts_dir,
            "answer",
            "user",
            language,
            history=history_data(_masked_turns(history, pseudonyms)),
            sources=source_data,
            question=as_json_data(pseudonyms.mask(question)),
        )
        return [SystemMessage(self._system_prompt(language, name)), HumanMessage(user)]

    def _generate(
        self,
        question: str,
        hits: list[SearchHit],
        ranked: list[ScoredSentence],
        history: list[Turn],
        language: str,
        pseudonyms: Pseudonyms,
    ) -> Answer:
        assert self.chat_model is not None
        sources = self.make_sources(hits, language)
        structured = self.chat_model.with_structured_output(LLMAnswer)
        messages = self._messages(question, sources, hits, history, language, "json", pseudonyms)
        raw = structured.invoke(messages)
        result = raw if isinstance(raw, LLMAnswer) else LLMAnswer.model_validate(raw)
        if not result.found:
            return self._not_found(question, language)
        answer = self._checked_answer(question, result, sources, hits, language, pseudonyms)
        return self._verified_or_quoted(answer, hits, ranked)

    def _verified_or_quoted(
        self, answer: Answer, hits: list[SearchHit], ranked: list[ScoredSentence]
    ) -> Answer:
        """The checked answer, or the quoted one when none of its claims could be verified."""
        if answer.citations or not answer.found:
            return answer
        fallback = self._extract(answer.question, hits, ranked, answer.language)
        fallback.warnings = answer.warnings
        return fallback

    def _for_reader(self, answer: Answer, pseudonyms: Pseudonyms) -> Answer:
        """The checked answer with the personal data of its sources put back for the reader.

        Claims were verified on the masked texts; only then are the placeholders in the
        answer, the claims, the quotes and the warnings replaced. The mapping holds only the
        values of texts this reader received (the sources retrieved with their access, their
        own question and conversation), so nothing else can appear. A placeholder the model
        made up stays as it is.
        """
        if answer.mode != "llm" or not self.restore_personal_data:
            return answer
        restore = pseudonyms.restore
        answer.answer = restore(answer.answer)
        answer.citations = [
            Citation(restore(c.claim), c.source_number, restore(c.quote)) for c in answer.citations
        ]
        for source in answer.sources:
            source.quote = restore(source.quote)
        answer.warnings = [restore(w) for w in answer.warnings]
        return answer

    def _checked_answer(
        self,
        question: str,
        result: LLMAnswer,
        sources: list[Source],
        hits: list[SearchHit],
        language: str,
        pseudonyms: Pseudonyms,
    ) -> Answer:
        """Show only the claims whose quote occurs in their retrieved source (claim_check).

        The visible text is rebuilt from those claims; the others are listed as warnings.
        Quotes are checked against the masked text the model was sent.
        """
        by_number = {s.number: s for s in sources}
        sent = {s.number: pseudonyms.mask(h.chunk.text) for s, h in zip(sources, hits, strict=True)}
        leak = PromptLeakCheck(self._system_prompt(language, "json"))
        citations: list[Citation] = []
        warnings: list[str] = []
        for claim in result.claims:
            text = without_markers(claim.text)
            if (
                claim.source not in sent
                or not quote_supported(claim.quote, sent[claim.source])
                or not numbers_supported(text, claim.quote)
                or leak.leaks(text)
                or _quotes_an_injection(claim.quote, sent[claim.source])
            ):
                warnings.append(message("unsupported_claim", language, claim=text))
                continue
            citations.append(Citation(text, claim.source, claim.quote))
        cited = sorted({c.source_number for c in citations})
        kept = [by_number[n] for n in cited]
        for source in kept:
            source.quote = " ".join(c.quote for c in citations if c.source_number == source.number)
        visible = " ".join(with_marker(c.claim, c.source_number) for c in citations)
        return Answer(question, language, visible, True, kept, citations, "llm", warnings=warnings)

    def stream(
        self,
        question: str,
        filters: SearchFilters | None = None,
        history: list[Turn] | None = None,
        language: str | None = None,
        pseudonyms: Pseudonyms | None = None,
    ) -> Iterator[tuple[str, Any]]:
        """Events for streaming: ('sources', [...]), ('token', str)..., ('done', Answer)."""
        language = language or question_language(question)
        pseudonyms = pseudonyms or Pseudonyms()
        query, context_used = self.retrieval_query(question, history or [], language, pseudonyms)
        # A question that starts fresh is answered without the earlier turns, also by an LLM.
        turns = (history or []) if context_used else []
        events = self._stream(question, query, filters, turns, language, pseudonyms)
        for event, payload in events:
            if event == "done":
                payload.context_used = context_used
            yield event, payload

    def _stream(
        self,
        question: str,
        query: str,
        filters: SearchFilters | None,
        history: list[Turn],
        language: str,
        pseudonyms: Pseudonyms,
    ) -> Iterator[tuple[str, Any]]:
        hits, ranked, found = self.retrieve(query, filters, language)
        if not found or self.chat_model is None:
            answer = (
                self._extract(question, hits, ranked, language)
                if found
                else self._not_found(question, language)
            )
            yield "sources", answer.sources
            yield "token", answer.answer
            yield "done", answer
            return
        sources = self.make_sources(hits, language)
        yield "sources", sources
        parts: list[str] = []  # the model's text, placeholders and all: it is what is checked
        shown = StreamRestorer(pseudonyms.restore if self.restore_personal_data else str)
        messages = self._messages(question, sources, hits, history, language, "stream", pseudonyms)
        try:
            for chunk in self.chat_model.stream(messages):
                token = str(chunk.content)
                if token:
                    parts.append(token)
                    if visible := shown.feed(token):
                        yield "token", visible
            if rest := shown.flush():
                yield "token", rest
        except Exception as exc:  # an unreachable LLM must not leave staff without an answer
            warning = message("llm_unavailable", language) + f" ({exc})"
            if parts:  # keep what was streamed, flagged as incomplete
                if rest := shown.flush():
                    yield "token", rest
                answer = self._verified_or_quoted(
                    self._cited_stream_answer(
                        question, "".join(parts), sources, hits, language, pseudonyms
                    ),
                    hits,
                    ranked,
                )
            else:  # nothing streamed yet: replace the sources and send the quoted answer
                answer = self._extract(question, hits, ranked, language)
                yield "sources", answer.sources
                yield "token", answer.answer
            answer.warnings.append(warning)
            yield "done", self._for_reader(answer, pseudonyms)
            return
        answer = self._cited_stream_answer(
            question, "".join(parts), sources, hits, language, pseudonyms
        )
        yield "done", self._for_reader(self._verified_or_quoted(answer, hits, ranked), pseudonyms)

    def _cited_stream_answer(
        self,
        question: str,
        text: str,
        sources: list[Source],
        hits: list[SearchHit],
        language: str,
        pseudonyms: Pseudonyms,
    ) -> Answer:
        """Keep the streamed sentences their cited sources support; list the others.

        A sentence stays when it cites a retrieved source, every number it states occurs in
        that source, and it does not repeat the instructions; its quote is the source sentence
        sharing most words with it. The kept sentences are the final (stored) answer.
        """
        if _normalise(text).startswith(_normalise(message("not_found", language))[:25]):
            return self._not_found(question, language)
        sent = {s.number: pseudonyms.mask(h.chunk.text) for s, h in zip(sources, hits, strict=True)}
        by_number = {s.number: s for s in sources}
        leak = PromptLeakCheck(self._system_prompt(language, "stream"))
        citations: list[Citation] = []
        warnings: list[str] = []
        visible: list[str] = []
        for claim in re.split(r"(?<=[.!?])\s+", text):
            numbers = [int(n) for n in re.findall(r"\[(\d+)\]", claim)]
            clean = without_markers(claim)
            if not clean:
                continue
            valid = [n for n in numbers if n in sent and numbers_supported(clean, sent[n])]
            quotes = {n: _best_quote(clean, sent[n]) for n in valid}
            if (
                not valid
                or leak.leaks(clean)
                or addresses_the_model(clean)
                or any(addresses_the_model(q) for q in quotes.values())
            ):
                warnings.append(message("unsupported_claim", language, claim=clean))
                continue
            visible.append(claim.strip())
            citations.extend(Citation(clean, n, quote) for n, quote in quotes.items())
        kept = [by_number[n] for n in sorted({c.source_number for c in citations})]
        return Answer(
            question, language, " ".join(visible), True, kept, citations, "llm", warnings=warnings
        )


def in_language(hit: SearchHit, language: str) -> SearchHit:
    """The hit's version in the asker's language, when it has one, carrying the others."""
    if hit.chunk.language == language:
        return hit
    own = next((v for v in hit.versions if v.chunk.language == language), None)
    if own is None:
        return hit
    original = SearchHit(hit.chunk, hit.score, dense=hit.dense, lexical=hit.lexical)
    others = [v for v in hit.versions if v is not own]
    return SearchHit(
        own.chunk,
        hit.score,
        dense=own.dense,
        lexical=None,
        duplicates=hit.duplicates,
        versions=[original, *others],
    )


def _masked_turns(history: list[Turn], pseudonyms: Pseudonyms) -> list[Turn]:
    return [Turn(t.role, pseudonyms.mask(t.text)) for t in history]


def _quotes_an_injection(quote: str, source_text: str) -> bool:
    """True when the quote, or a sentence it cuts into, addresses the model (claim_check)."""
    around = quoted_sentences(quote, split_sentences(source_text))
    return addresses_the_model(quote) or any(addresses_the_model(s) for s in around)


def _best_quote(claim: str, source_text: str) -> str:
    """The source sentence sharing most words with the claim."""
    words = set(_normalise(claim).split())
    sentences = split_sentences(source_text) or [source_text]
    return max(sentences, key=lambda s: len(words & set(_normalise(s).split())))
