"""JSON errors with a message a person understands, in the caller's language (fi/sv/en)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from rag.core.documents import IngestError
from rag.core.languages import LANGUAGES
from rag.core.messages import message
from rag.embeddings.base import EmbeddingsError
from rag.store.draft_records import DraftError
from rag.store.registry import RegistryError
from rag.store.vectors import VectorStoreError

log = logging.getLogger("tiekartta.api")
# FastAPI's own detail for a request body it could not decode (fastapi/routing.py).
BODY_PARSE_ERROR = "There was an error parsing the body"


def request_language(request: Request) -> str:
    """First of fi/sv/en named in Accept-Language; English otherwise."""
    return accept_language(request.headers.get("accept-language", ""))


def accept_language(header: str) -> str:
    """First of fi/sv/en named in an Accept-Language header value; English otherwise."""
    for part in header.lower().split(","):
        code = part.split(";")[0].strip()[:2]
        if code in LANGUAGES:
            return code
    return "en"


class ApiError(Exception):
    """An error answered as JSON: status code plus a message key from rag.core.messages."""

    def __init__(self, status: int, key: str, **values: str) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values
        self.headers: dict[str, str] = {}  # extra response headers, e.g. Retry-After


def _validation_text(exc: RequestValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p != "body")
        problems.append(f"{where or 'body'}: {error.get('msg', 'invalid')}")
    return "; ".join(problems)


def install_error_handlers(app: FastAPI) -> None:
    """Every error leaves as {"detail": "..."}; never a stack trace."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        text = message(exc.key, request_language(request), **exc.values)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else {}
        headers.update(exc.headers)
        return JSONResponse({"detail": text}, status_code=exc.status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        text = message("bad_request", request_language(request), problem=_validation_text(exc))
        return JSONResponse({"detail": text}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # FastAPI answers a body it cannot decode (e.g. not UTF-8) with an English 400; it is
        # a request the validation refuses, like malformed JSON: 422 in the caller's language.
        if exc.status_code == 400 and exc.detail == BODY_PARSE_ERROR:
            text = message("body_unreadable", request_language(request))
            return JSONResponse({"detail": text}, status_code=422)
        return await http_exception_handler(request, exc)

    @app.exception_handler(RegistryError)
    async def _bad_input(request: Request, exc: Exception) -> JSONResponse:
        text = message("bad_request", request_language(request), problem=str(exc))
        return JSONResponse({"detail": text}, status_code=400)

    @app.exception_handler(IngestError)
    async def _bad_file(request: Request, exc: IngestError) -> JSONResponse:
        language = request_language(request)
        problem = f"{Path(exc.path).name}: {exc.localised(language)}"  # never the server path
        text = message("bad_request", language, problem=problem)
        return JSONResponse({"detail": text}, status_code=400)

    @app.exception_handler(VectorStoreError)
    @app.exception_handler(EmbeddingsError)
    async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
        text = message("service_unavailable", request_language(request), problem=str(exc))
        return JSONResponse({"detail": text}, status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        text = message("internal_error", request_language(request))
        return JSONResponse({"detail": text}, status_code=500)


# HTTP status per store error; anything not listed is a 400 (the request asked for something
# the draft cannot take).
_STATUS = {
    "draft_not_found": 404,
    "draft_version_not_found": 404,
    "draft_role": 403,
    "draft_self_approval": 403,
    "draft_frozen": 409,
    "draft_not_editable": 409,
    "draft_bad_transition": 409,
    "draft_stale_version": 409,
}


def draft_error_status(code: str) -> int:
    """The HTTP status of a draft refusal, the same for the JSON API and the web pages."""
    return _STATUS.get(code, 400)


@contextmanager
def draft_errors() -> Iterator[None]:
    """Turn a store refusal into a JSON error in the caller's language."""
    try:
        yield
    except DraftError as exc:
        raise ApiError(draft_error_status(exc.code), exc.code, **exc.values) from exc
