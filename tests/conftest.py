"""Shared test fixtures.

No test talks to a real language model: every test runs with no OpenAI key and
``OPENAI_BASE_URL`` pointing at a closed local port, and an HTTP request for a model
endpoint to any host but this machine fails the test. A test that really means to
call a remote model opts in with ``@pytest.mark.real_llm``.
"""

from __future__ import annotations

import glob
import importlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

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


# ------------------------------------------------- a throwaway PostgreSQL server
# Debian's postgresql package (which this kind of machine has; .ci/run installs it
# otherwise) started on 127.0.0.1 at a free port in a temp directory, stopped after
# the test. Postgres refuses to run as root, so as root it runs as the postgres user.


def _bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(
        f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if found is None:
        pytest.fail(f"{name} not found: install Debian's postgresql package")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def postgres_url() -> Iterator[str]:
    # Outside pytest's tmp tree: its parents are private to root, and the server
    # runs as the postgres user.
    base = Path(tempfile.mkdtemp(prefix="priorauth-pg-"))
    data = base / "pg"
    data.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        for path in (base, data):
            os.chown(path, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*prefix, _bin("initdb"), "-D", str(data), "-A", "trust", "-U",
                    "postgres"], check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [*prefix, _bin("postgres"), "-D", str(data), "-p", str(port), "-h", "127.0.0.1",
         "-k", str(base)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("postgres did not start within 30 s")
        time.sleep(0.5)  # accepting connections before it accepts logins
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(base, ignore_errors=True)
