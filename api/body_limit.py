"""A request body limit for JSON requests: 413 with a clear message before a large body is read.

Uploads (multipart) have limits of their own per file (rag/core/limits.py); every other body is
JSON and small. A declared Content-Length over the limit is refused unread; a body sent without
one is read here, up to the limit, and refused as soon as it passes it.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import accept_language
from rag.core.messages import message


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive that gives the already read body once, then the client's own messages."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


class JsonBodyLimit:
    """ASGI middleware refusing non-multipart request bodies over ``max_bytes`` with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if headers.get(b"content-type", b"").startswith(b"multipart/"):
            await self.app(scope, receive, send)
            return
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send, headers)
            return
        if declared is not None:  # within the limit: the server reads no more than declared
            await self.app(scope, receive, send)
            return
        # No declared length (chunked): read up to the limit here, then hand the body on.
        body = bytearray()
        while True:
            incoming = await receive()
            if incoming["type"] != "http.request":
                await self.app(scope, _replay(bytes(body), receive), send)
                return
            body += incoming.get("body", b"")
            if len(body) > self.max_bytes:
                await self._refuse(send, headers)
                return
            if not incoming.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)

    async def _refuse(self, send: Send, headers: dict[bytes, bytes]) -> None:
        language = accept_language(headers.get(b"accept-language", b"").decode("latin-1"))
        text = message("body_too_large", language, limit=str(self.max_bytes))
        body = json.dumps({"detail": text}, ensure_ascii=False).encode("utf-8")
        start: dict[str, Any] = {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
        await send(start)
        await send({"type": "http.response.body", "body": body})
