"""POST /ask: a cited answer as JSON, or as server-sent events when `stream` is true."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from sse_starlette.sse import EventSourceResponse
from starlette.background import BackgroundTask

from api.busy import BusyGate
from api.deps import ReaderKey, ServiceDep
from api.errors import ApiError
from api.schemas.ask import AnswerOut, AskIn
from api.schemas.common import KEYED_ERRORS, ErrorBody, error_responses, filters_for
from rag.answer.answerer import Turn

router = APIRouter(tags=["ask"], responses=KEYED_ERRORS)


def _event_data(event: str, payload: Any) -> str:
    if event == "sources":
        return json.dumps([asdict(s) for s in payload], ensure_ascii=False)
    if event == "done":
        return json.dumps(asdict(payload), ensure_ascii=False)
    return json.dumps({"text": payload}, ensure_ascii=False)


@router.post(
    "/ask",
    response_model=AnswerOut,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "JSON or SSE"},
        **error_responses(400),
        503: {"model": ErrorBody, "description": "Busy (see Retry-After) or index unavailable."},
    },
)
async def ask(body: AskIn, service: ServiceDep, key: ReaderKey, request: Request) -> Any:
    """Answer with citations; events `sources`, `token`..., `done` when streaming.

    503 with Retry-After when every answer slot stays taken for the configured wait.
    """
    filters = filters_for(body.filters, key)
    history = [Turn(t.role, t.text) for t in body.history] if body.history is not None else None
    gate: BusyGate = request.app.state.ask_gate
    slot = await gate.enter()
    if slot is None:
        seconds = str(gate.retry_after_seconds)
        busy = ApiError(503, "server_busy", seconds=seconds)
        busy.headers["Retry-After"] = seconds
        raise busy
    asked = (body.question, filters, body.conversation_id, history, body.language, key.key_id)
    if body.stream:

        def events() -> Iterator[dict[str, str]]:
            try:
                for event, payload in service.questions.ask_stream(*asked):
                    yield {"event": event, "data": _event_data(event, payload)}
            except Exception as exc:  # the stream has started: report in-band, not as a trace
                yield {"event": "error", "data": json.dumps({"detail": str(exc)})}
            finally:
                slot.release()

        # The background task also frees the slot of a stream the client left before it began.
        return EventSourceResponse(events(), background=BackgroundTask(slot.release))
    try:
        return await run_in_threadpool(service.questions.ask, *asked)
    finally:
        slot.release()
