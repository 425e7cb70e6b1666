"""Shared test fixtures.

No test talks to a real language model: every test runs with no OpenAI key and
``OPENAI_BASE_URL`` pointing at a closed local port, and an HTTP request for a model
endpoint to any host but this machine fails the test. A test that really means to
call a remote model opts in with ``@pytest.mark.real_llm``.
"""

from __future__ import annotations

import importlib

import pytest

UNROUTABLE_BASE_URL = "http://127.0.0.1:9/v1"
"""The discard port on this machine: nothing listens, connections are refused at once."""
_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_MODEL_PATHS = ("/chat/completions", "/completions", "/responses", "/embeddings")
_HTTP_LIBRARIES = ("httpx", "httpx2")
"""openai 3.x sends through ``httpx2``; other clients use ``httpx``."""


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "real_llm: the test may call a real, remote model")


def _refuse_remote_model(request) -> None:
    if request.url.host not in _LOCAL_HOSTS and request.url.path.endswith(_MODEL_PATHS):
        pytest.fail(f"a test made a real model call to {request.url.host} "
                    "(mark it @pytest.mark.real_llm if that is intended)")


def _guard(monkeypatch: pytest.MonkeyPatch, library) -> None:
    sync_send = library.HTTPTransport.handle_request
    async_send = library.AsyncHTTPTransport.handle_async_request

    def handle_request(self, request):
        _refuse_remote_model(request)
        return sync_send(self, request)

    async def handle_async_request(self, request):
        _refuse_remote_model(request)
        return await async_send(self, request)

    monkeypatch.setattr(library.HTTPTransport, "handle_request", handle_request)
    monkeypatch.setattr(library.AsyncHTTPTransport, "handle_async_request",
                        handle_async_request)


@pytest.fixture(autouse=True)
def _no_real_model_calls(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    if request.node.get_closest_marker("real_llm") is not None:
        return
    monkeypatch.setenv("OPENAI_API_KEY", "")
    monkeypatch.setenv("OPENAI_BASE_URL", UNROUTABLE_BASE_URL)
    for name in _HTTP_LIBRARIES:
        try:
            _guard(monkeypatch, importlib.import_module(name))
        except (ImportError, AttributeError):
            continue
