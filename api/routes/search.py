"""POST /search: ranked chunks with their citations."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool

from api.deps import ReaderKey, ServiceDep
from api.schemas.common import KEYED_ERRORS, error_responses, filters_for
from api.schemas.search import SearchIn, SearchOut, chunk_out

router = APIRouter(tags=["search"], responses=KEYED_ERRORS)


@router.post("/search", response_model=SearchOut, responses=error_responses(503))
async def search(body: SearchIn, service: ServiceDep, key: ReaderKey) -> SearchOut:
    hits = await run_in_threadpool(
        service.questions.search, body.query, body.k, filters_for(body.filters, key), key.key_id
    )
    return SearchOut(
        query=body.query, results=[chunk_out(h, body.filters.language or "fi") for h in hits]
    )
