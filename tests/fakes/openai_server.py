"""A fake OpenAI-compatible HTTP server for tests.

It listens on 127.0.0.1 (free port) in a background thread and speaks the real wire
format of the ``openai`` client and ``langchain-openai``:

* ``POST /v1/chat/completions``: JSON or SSE (``stream: true``), plain content,
  ``response_format`` (``json_schema`` / ``json_object``) and ``tools`` / ``tool_calls``.
* ``POST /v1/embeddings``: deterministic hashed bag-of-words vectors (``float`` or
  ``base64``), so texts sharing words are similar.
* ``GET /v1/models``.

Tests script the answers with ``server.responder = lambda request_json: ...`` returning
a string (assistant content), a dict or pydantic model (structured output: JSON content
for ``response_format``, a tool call when ``tools`` were sent), ``ToolCall``(s), ``Pieces``
(content streamed in exactly these chunks) or a ``FakeError``. Every request body is kept
in ``server.requests`` so tests can assert what left the machine.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import numpy as np
from pydantic import BaseModel

Responder = Callable[[dict[str, Any]], Any]


@dataclass(frozen=True)
class ToolCall:
    """A tool call the fake model makes; ``arguments`` as dict or JSON string."""

    name: str
    arguments: dict[str, Any] | str = field(default_factory=dict)


@dataclass(frozen=True)
class FakeError:
    """Returned by a responder to answer with an OpenAI-style HTTP error."""

    status: int = 500
    message: str = "fake server error"


@dataclass(frozen=True)
class Pieces:
    """Assistant content that a stream sends in exactly these chunks (default: word by word)."""

    parts: tuple[str, ...]


@dataclass
class RecordedRequest:
    """One request as received: method, path, headers (lower-case names), JSON body."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def last_user_message(request_json: dict[str, Any]) -> str:
    """Text of the last user message of a chat request (handy inside responders)."""
    for message in reversed(request_json.get("messages", [])):
        if message.get("role") == "user":
            return _content_text(message.get("content"))
    return ""


def _content_text(content: Any) -> str:
    if isinstance(content, list):  # content parts: [{"type": "text", "text": ...}, ...]
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return "" if content is None else str(content)


def default_responder(request_json: dict[str, Any]) -> str:
    """Answer with an echo so an unscripted test still sees a sensible reply."""
    return f"Fake answer to: {last_user_message(request_json)}"


def fake_embedding(text: str, dimension: int) -> np.ndarray:
    """Hashed bag of words, L2-normalised: deterministic, and shared words mean similarity."""
    vector = np.zeros(dimension, dtype=np.float32)
    for token in re.findall(r"\w+", text.lower()) or [text]:
        digest = hashlib.sha256(token.encode("utf-8")).digest()
        index = int.from_bytes(digest[:4], "little") % dimension
        vector[index] += 1.0 if digest[4] & 1 else -1.0
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


class FakeOpenAIServer:
    """The fake server; use as a context manager or call ``start()`` / ``stop()``."""

    def __init__(
        self,
        *,
        embedding_dimension: int = 384,
        models: tuple[str, ...] = ("fake-chat", "fake-embed"),
        api_key: str | None = None,
    ) -> None:
        self.embedding_dimension = self._default_dimension = embedding_dimension
        self.models = models
        self.api_key = self._default_api_key = api_key  # when set, other bearer tokens get HTTP 401
        self.responder: Responder = default_responder
        self.delay = 0.0  # seconds to wait before answering (timeout tests)
        self.requests: list[dict[str, Any]] = []
        self.log: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------
    def start(self) -> FakeOpenAIServer:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = _QuietServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},  # quick shutdown at the end of a test
            name="fake-openai",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset(self) -> None:
        """Forget recorded requests and restore the default behaviour."""
        with self._lock:
            self.requests.clear()
            self.log.clear()
        self.responder = default_responder
        self.delay = 0.0
        self.api_key = self._default_api_key
        self.embedding_dimension = self._default_dimension

    # -- inspection ----------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("fake OpenAI server is not running")
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def chat_requests(self) -> list[dict[str, Any]]:
        return [r.body for r in self.log if r.path.endswith("/chat/completions")]

    def embedding_requests(self) -> list[dict[str, Any]]:
        return [r.body for r in self.log if r.path.endswith("/embeddings")]

    def sent_text(self) -> str:
        """Everything received, as one string (for "this never left the machine" checks)."""
        return "\n".join(json.dumps(body, ensure_ascii=False) for body in self.requests)

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request.body)
            self.log.append(request)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients drop idle keep-alive connections at will; only real bugs get printed.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _HTTPError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


class _Handler(BaseHTTPRequestHandler):
    """Routes requests to the chat, embeddings and models endpoints."""

    protocol_version = "HTTP/1.1"  # keep-alive + chunked SSE, as real servers do
    fake: FakeOpenAIServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # keep test output clean

    def do_GET(self) -> None:
        self._handle({})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._send_error(_HTTPError(400, "request body is not JSON"))
            return
        self._handle(body if isinstance(body, dict) else {"_body": body})

    def _handle(self, body: dict[str, Any]) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        headers = {key.lower(): value for key, value in self.headers.items()}
        self.fake._record(RecordedRequest(self.command, path, headers, body))
        try:
            self._check_auth()
            if self.fake.delay:
                time.sleep(self.fake.delay)
            if self.command == "POST" and path.endswith("/chat/completions"):
                self._chat(body)
            elif self.command == "POST" and path.endswith("/embeddings"):
                self._send_json(self._embeddings(body))
            elif self.command == "GET" and path.endswith("/models"):
                self._send_json(self._models())
            else:
                raise _HTTPError(404, f"no route {self.command} {path}", "not_found")
        except _HTTPError as error:
            self._send_error(error)
        except ConnectionError:
            pass  # the client gave up (timeout test); nothing left to answer

    def _check_auth(self) -> None:
        expected = self.fake.api_key
        if expected and self.headers.get("Authorization") != f"Bearer {expected}":
            raise _HTTPError(401, "Incorrect API key provided", "invalid_api_key")

    # -- responses -----------------------------------------------------------------
    def _send_json(self, payload: dict[str, Any], status: int = 200) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, error: _HTTPError) -> None:
        kind = "invalid_request_error" if error.status < 500 else "server_error"
        payload = {
            "error": {"message": error.message, "type": kind, "param": None, "code": error.code}
        }
        self._send_json(payload, error.status)

    def _send_sse(self, events: Iterator[dict[str, Any]]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        lines = [f"data: {json.dumps(event)}\n\n" for event in events] + ["data: [DONE]\n\n"]
        for line in lines:
            data = line.encode("utf-8")
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    # -- endpoints -----------------------------------------------------------------
    def _models(self) -> dict[str, Any]:
        data = [
            {"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in self.fake.models
        ]
        return {"object": "list", "data": data}

    def _embeddings(self, body: dict[str, Any]) -> dict[str, Any]:
        inputs = body.get("input")
        if isinstance(inputs, str) or (
            isinstance(inputs, list) and inputs and isinstance(inputs[0], int)
        ):
            inputs = [inputs]  # one text, or one text as token ids
        if not isinstance(inputs, list) or not inputs:
            raise _HTTPError(400, "'input' must be a non-empty string or array")
        dimension = int(body.get("dimensions") or self.fake.embedding_dimension)
        data = []
        for index, item in enumerate(inputs):
            text = item if isinstance(item, str) else json.dumps(item)
            if text == "":
                raise _HTTPError(400, "'input' cannot contain an empty string")
            vector = fake_embedding(text, dimension)
            if body.get("encoding_format") == "base64":
                encoded: Any = base64.b64encode(vector.astype("<f4").tobytes()).decode()
            else:
                encoded = vector.tolist()
            data.append({"object": "embedding", "index": index, "embedding": encoded})
        tokens = sum(len(str(item).split()) for item in inputs)
        return {
            "object": "list",
            "data": data,
            "model": body.get("model", ""),
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }

    def _chat(self, body: dict[str, Any]) -> None:
        if not body.get("messages"):
            raise _HTTPError(400, "'messages' is required")
        try:
            result = self.fake.responder(body)
        except Exception as error:  # a broken responder should fail the test, not hang it
            raise _HTTPError(500, f"responder raised {error!r}") from error
        if isinstance(result, FakeError):
            raise _HTTPError(result.status, result.message)
        pieces = result.parts if isinstance(result, Pieces) else None
        content, tool_calls = _reply(body, "".join(pieces) if pieces is not None else result)
        model = body.get("model", "fake-chat")
        if body.get("stream"):
            self._send_sse(_stream_chunks(body, model, content, tool_calls, pieces))
        else:
            self._send_json(_completion(body, model, content, tool_calls))


# -- chat helpers -------------------------------------------------------------------
def _reply(body: dict[str, Any], result: Any) -> tuple[str | None, list[ToolCall]]:
    """Turn a responder result into (content, tool calls) the way a real model would."""
    if isinstance(result, BaseModel):
        result = result.model_dump(mode="json")
    if isinstance(result, ToolCall):
        return None, [result]
    if isinstance(result, list) and result and all(isinstance(r, ToolCall) for r in result):
        return None, list(result)
    if isinstance(result, dict):
        response_format = body.get("response_format") or {}
        if response_format.get("type") in {"json_schema", "json_object"}:
            return json.dumps(result, ensure_ascii=False), []
        if body.get("tools"):
            return None, [ToolCall(_chosen_tool(body), result)]
        return json.dumps(result, ensure_ascii=False), []
    return str(result), []


def _chosen_tool(body: dict[str, Any]) -> str:
    choice = body.get("tool_choice")
    if isinstance(choice, dict):
        return str(choice.get("function", {}).get("name"))
    return str(body["tools"][0]["function"]["name"])


def _arguments(call: ToolCall) -> str:
    args = call.arguments
    return args if isinstance(args, str) else json.dumps(args, ensure_ascii=False)


def _usage(body: dict[str, Any], content: str | None, calls: list[ToolCall]) -> dict[str, int]:
    prompt = sum(len(_content_text(m.get("content")).split()) for m in body["messages"])
    completion = len((content or "").split()) + sum(len(_arguments(c)) // 4 for c in calls)
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _completion(
    body: dict[str, Any], model: str, content: str | None, calls: list[ToolCall]
) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content, "refusal": None}
    if calls:
        message["tool_calls"] = [
            {
                "id": f"call_{i}_{uuid.uuid4().hex[:8]}",
                "type": "function",
                "function": {"name": c.name, "arguments": _arguments(c)},
            }
            for i, c in enumerate(calls)
        ]
    choice = {
        "index": 0,
        "message": message,
        "logprobs": None,
        "finish_reason": "tool_calls" if calls else "stop",
    }
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [choice],
        "usage": _usage(body, content, calls),
        "system_fingerprint": None,
    }


def _stream_chunks(
    body: dict[str, Any],
    model: str,
    content: str | None,
    calls: list[ToolCall],
    pieces: tuple[str, ...] | None = None,
) -> Iterator[dict[str, Any]]:
    """Chunks as OpenAI sends them: role first, content word by word (or in the given
    pieces), then finish."""
    base = {
        "id": f"chatcmpl-{uuid.uuid4().hex}",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "system_fingerprint": None,
    }

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return {**base, "choices": [choice]}

    yield chunk({"role": "assistant", "content": ""})
    for piece in pieces if pieces is not None else re.findall(r"\S+\s*|\s+", content or ""):
        yield chunk({"content": piece})
    for i, call in enumerate(calls):
        head = {
            "index": i,
            "id": f"call_{i}_{uuid.uuid4().hex[:8]}",
            "type": "function",
            "function": {"name": call.name, "arguments": ""},
        }
        yield chunk({"tool_calls": [head]})
        args = _arguments(call)
        for start in range(0, len(args), 16):
            part = {"index": i, "function": {"arguments": args[start : start + 16]}}
            yield chunk({"tool_calls": [part]})
    yield chunk({}, "tool_calls" if calls else "stop")
    if (body.get("stream_options") or {}).get("include_usage"):
        yield {**base, "choices": [], "usage": _usage(body, content, calls)}
