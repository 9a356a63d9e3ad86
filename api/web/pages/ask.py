"""Ask: a chat over the documents with streamed answers, numbered sources and feedback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from api.container import Tiekartta
from api.deps import ServiceDep
from api.web.i18n import page_language, translator
from api.web.render import ReaderUser, page
from api.web.session import WebUser
from rag.core.citations import citation_label
from rag.core.documents import Chunk
from rag.core.results import SearchFilters, Source, VersionRef
from rag.store.conversations import Turn as StoredTurn
from rag.store.registry import DocumentRecord, RegistryError

router = APIRouter(prefix="/app", include_in_schema=False)

FILTER_FIELDS = ("date_from", "date_to", "body", "kind", "language")


@dataclass
class TurnView:
    turn_id: int
    role: str
    text: str
    at: str
    found: bool = True
    sources: list[Source] = field(default_factory=list)

    def copy_text(self, sources_word: str) -> str:
        """The answer with its sources, as plain text for the clipboard."""
        lines = [self.text]
        if self.sources:
            lines += ["", sources_word + ":"]
            lines += [
                f"[{s.number}] {s.citation}" + (f" {s.url}" if s.url else "") for s in self.sources
            ]
        return "\n".join(lines)


def _filters(values: dict[str, str], clearance: frozenset[str]) -> SearchFilters:
    return SearchFilters(
        date_from=values.get("date_from") or None,
        date_to=values.get("date_to") or None,
        body=values.get("body") or None,
        kind=values.get("kind") or None,
        language=values.get("language") or None,
        access_levels=set(clearance),
    )


def _source(
    number: int, chunk: Chunk, others: list[DocumentRecord], reader: WebUser, lang: str
) -> Source:
    """A stored answer's source, rebuilt from its chunk (the turn keeps only chunk ids)."""
    versions = [
        VersionRef(d.doc_id, "", d.language or "", d.title, d.title, d.url)
        for d in others[:2]
        if reader.key.can_read(d.access)
    ]
    return Source(
        number,
        chunk.chunk_id,
        chunk.doc_id,
        chunk.title,
        citation_label(chunk, lang),
        chunk.date,
        chunk.body,
        chunk.section,
        chunk.page,
        chunk.url,
        chunk.part,
        chunk.text,
        0.0,
        versions,
    )


def _turn_views(
    service: Tiekartta, turns: list[StoredTurn], reader: WebUser, lang: str
) -> list[TurnView]:
    chunk_ids = [cid for t in turns for cid in t.meta.get("sources", [])]
    chunks = {c.chunk_id: c for c in service.questions.cited_chunks(chunk_ids)}
    versions = service.documents.language_versions(sorted({c.doc_id for c in chunks.values()}))
    views = []
    for turn in turns:
        found = bool(turn.meta.get("found", True))
        view = TurnView(turn.turn_id, turn.role, turn.text, turn.at, found)
        for number, chunk_id in enumerate(turn.meta.get("sources", []), start=1):
            chunk = chunks.get(chunk_id)
            if chunk is None:  # the document was removed since
                continue
            others = versions.get(chunk.doc_id, [])
            view.sources.append(_source(number, chunk, others, reader, lang))
        views.append(view)
    return views


def _choices(service: Tiekartta, clearance: frozenset[str]) -> dict[str, list[str]]:
    """Values offered by the filter menus: the bodies and kinds of the stored documents."""
    docs = service.documents.list_documents(set(clearance))
    return {
        "bodies": sorted({d.body for d in docs if d.body}),
        "kinds": sorted({d.kind for d in docs if d.kind}),
    }


@router.get("", include_in_schema=False)
def app_home() -> Response:
    return RedirectResponse("/app/ask", status_code=303)


@router.get("/ask", response_class=HTMLResponse)
def ask_page(
    request: Request, service: ServiceDep, user: ReaderUser, c: str | None = None
) -> Response:
    lang = page_language(request)
    turns: list[TurnView] = []
    if c:
        stored = service.questions.turns(c, user.key.key_id)
        if stored is None:
            return page(
                request,
                "ask.html",
                user,
                status_code=404,
                missing=True,
                conversations=[],
                turns=[],
                conv_id="",
                filters={},
                **_choices(service, user.key.clearance),
            )
        turns = _turn_views(service, stored, user, lang)
    filters = {name: request.query_params.get(name, "") for name in FILTER_FIELDS}
    return page(
        request,
        "ask.html",
        user,
        conversations=service.questions.conversations(user.key.key_id),
        turns=turns,
        conv_id=c or "",
        filters=filters,
        missing=False,
        **_choices(service, user.key.clearance),
    )


async def _ask_form(request: Request) -> tuple[str, str | None, dict[str, str]]:
    form = await request.form()
    values = {name: str(form.get(name) or "") for name in FILTER_FIELDS}
    question = str(form.get("question") or "").strip()
    conv_id = str(form.get("conversation_id") or "") or None
    return question, conv_id, values


def _conversation_url(conv_id: str | None, values: dict[str, str]) -> str:
    """The conversation's page, keeping the filters the person chose."""
    query = urlencode({"c": conv_id or "", **{k: v for k, v in values.items() if v}})
    return f"/app/ask?{query}#latest"


@router.post("/ask")
async def ask_submit(request: Request, service: ServiceDep, user: ReaderUser) -> Response:
    """Without JavaScript: answer, then show the conversation."""
    question, conv_id, values = await _ask_form(request)
    if not question:
        return RedirectResponse(f"/app/ask?c={conv_id or ''}", status_code=303)
    answer = await run_in_threadpool(
        service.questions.ask,
        question,
        _filters(values, user.key.clearance),
        conv_id,
        None,
        None,
        user.key.key_id,
    )
    return RedirectResponse(_conversation_url(answer.conversation_id, values), status_code=303)


def _sse(event: str, data: dict[str, Any]) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@router.post("/ask/stream")
async def ask_stream(request: Request, service: ServiceDep, user: ReaderUser) -> Response:
    """The answer as server-sent events: `token`s, then `done` with the conversation id."""
    question, conv_id, values = await _ask_form(request)
    t = translator(page_language(request))
    filters = _filters(values, user.key.clearance)

    def events() -> Iterator[str]:
        if not question:
            yield _sse("error", {"detail": t("ask_empty")})
            return
        try:
            for event, payload in service.questions.ask_stream(
                question, filters, conv_id, None, None, user.key.key_id
            ):
                if event == "token":
                    yield _sse("token", {"text": payload})
                elif event == "done":
                    yield _sse(
                        "done",
                        {
                            "conversation_id": payload.conversation_id,
                            "url": _conversation_url(payload.conversation_id, values),
                        },
                    )
        except RegistryError:
            yield _sse("error", {"detail": t("conversation_missing")})
        except Exception:  # the stream has started: report in-band, never a trace
            yield _sse("error", {"detail": t("ask_failed")})

    return StreamingResponse(
        events(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )


@router.post("/ask/feedback", response_class=HTMLResponse)
def feedback(
    request: Request,
    service: ServiceDep,
    user: ReaderUser,
    conversation_id: str = Form(),
    turn_id: int = Form(),
    rating: int = Form(),
    comment: str = Form(default="", max_length=2000),
) -> Response:
    """A thumbs up or down with an optional comment, stored for evaluation."""
    t = translator(page_language(request))
    try:
        service.questions.feedback(conversation_id, turn_id, user.key.key_id, rating, comment)
    except RegistryError:
        return HTMLResponse(
            f'<p class="error" role="alert">{t("feedback_failed")}</p>', status_code=400
        )
    return HTMLResponse(f'<p class="ok" role="status">{t("feedback_thanks")}</p>')
