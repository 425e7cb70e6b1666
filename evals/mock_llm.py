"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1.

Answers ``POST /v1/chat/completions`` from a queue of scripted replies (like
simonw/llm's ``MockModel.enqueue``) and records every request, so tests and the
agent benchmark can run LLM mode with the real openai client and no network.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Scripted:
    status: int = 200
    body: bytes = b""
    delay: float = 0.0
    content_type: str = "application/json"


@dataclass
class MockModelServer:
    """Scripted answers in order (like simonw/llm's ``MockModel.enqueue``)."""

    port: int = 0
    queue: deque[Scripted] = field(default_factory=deque)
    requests: list[dict[str, Any]] = field(default_factory=list)
    raw_requests: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def enqueue(self, facts: dict[str, Any] | None = None, *, content: str | None = None,
                status: int = 200, body: bytes | dict | None = None, delay: float = 0.0,
                refusal: str | None = None, finish_reason: str = "stop",
                content_type: str = "application/json") -> None:
        if body is None:
            if content is None and refusal is None:
                content = json.dumps(facts or {})
            body = chat_completion(content, refusal=refusal, finish_reason=finish_reason)
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.queue.append(Scripted(status, raw, delay, content_type))


def chat_completion(content: str | None, *, refusal: str | None = None,
                    finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-test", "object": "chat.completion", "created": 0, "model": "mock",
        "choices": [{"index": 0, "finish_reason": finish_reason, "logprobs": None,
                     "message": {"role": "assistant", "content": content,
                                 "refusal": refusal}}],
        "usage": {"prompt_tokens": 321, "completion_tokens": 45, "total_tokens": 366},
    }


def _handler(mock: MockModelServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:  # noqa: N802 — the http.server API
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8")
            if self.path != "/v1/chat/completions":
                self._send(Scripted(404, b'{"error": {"message": "not found"}}'))
                return
            mock.raw_requests.append(raw)
            mock.requests.append(json.loads(raw))
            scripted = mock.queue.popleft() if mock.queue else Scripted(
                500, b'{"error": {"message": "no scripted response left"}}')
            if scripted.delay:
                mock.stop.wait(scripted.delay)
            self._send(scripted)

        def _send(self, scripted: Scripted) -> None:
            try:
                self.send_response(scripted.status)
                self.send_header("Content-Type", scripted.content_type)
                self.send_header("Content-Length", str(len(scripted.body)))
                self.end_headers()
                self.wfile.write(scripted.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout test)

    return Handler


@contextmanager
def serve() -> Iterator[MockModelServer]:
    """A running server on a free port, stopped on exit."""
    mock = MockModelServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(mock))
    httpd.daemon_threads = True
    mock.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield mock
    finally:
        mock.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
