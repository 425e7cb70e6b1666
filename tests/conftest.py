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
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # imported where used: the model guards above must come first
    from agent.session import Assistant

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


# ------------------------------------------------ tests that need a system package
# Chromium (tests/test_web_browser.py) and PostgreSQL come from Debian, not from uv:
# where one is missing its tests skip with a line naming what to install, so a
# newcomer's `uv run pytest` passes. CI sets PRIORAUTH_REQUIRE_BROWSER=1 and
# PRIORAUTH_REQUIRE_POSTGRES=1 (.ci/run), which turn those skips into failures.

REQUIRE_VARIABLES = {"browser": "PRIORAUTH_REQUIRE_BROWSER",
                     "postgres": "PRIORAUTH_REQUIRE_POSTGRES"}


def require_or_skip(kind: str, reason: str) -> None:
    """A test cannot run here for want of ``kind``: skip it, or fail where it is required."""
    variable = REQUIRE_VARIABLES[kind]
    if os.environ.get(variable, "").strip().lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} ({variable} is set, so this test must run)", pytrace=False)
    pytest.skip(reason)


POSTGRES_MISSING = "needs Debian's PostgreSQL server: apt-get install postgresql"


# ------------------------------------------------- a throwaway PostgreSQL server
# Debian's postgresql package (which this kind of machine has; .ci/run installs it
# otherwise) started on 127.0.0.1 at a free port in a temp directory, stopped after
# the test. Postgres refuses to run as root, so as root it runs as the postgres user.


def _bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(
        f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if found is None:
        require_or_skip("postgres", POSTGRES_MISSING)
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def postgres_url() -> Iterator[str]:
    # Outside pytest's tmp tree: its parents are private to root, and the server
    # runs as the postgres user.
    initdb, postgres = _bin("initdb"), _bin("postgres")
    try:
        import psycopg
    except ImportError:
        require_or_skip("postgres", "needs the dev dependencies: uv sync (psycopg)")
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            require_or_skip("postgres", POSTGRES_MISSING + " (no postgres user)")
    base = Path(tempfile.mkdtemp(prefix="priorauth-pg-"))
    data = base / "pg"
    data.mkdir()
    prefix: list[str] = []
    if user is not None:
        for path in (base, data):
            os.chown(path, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U",
                    "postgres"], check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [*prefix, postgres, "-D", str(data), "-p", str(port), "-h", "127.0.0.1",
         "-k", str(base)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    try:
        # Ready when it accepts a login (it listens a moment before that); generous
        # for a loaded machine, and over as soon as it is up.
        deadline = time.monotonic() + 90
        while True:
            try:
                psycopg.connect(url, connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("postgres did not start within 90 s", pytrace=False)
                time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def assistant_at(tmp_path: Path) -> Iterator[Callable[[date], Assistant]]:
    """``assistant_at(as_of)``: an offline assistant with its own store in ``tmp_path``,
    closed when the test ends (a chat test's ``bot``, in one place)."""
    from agent.config import Settings
    from agent.session import Assistant

    made: list[Assistant] = []

    def make(as_of: date) -> Assistant:
        made.append(Assistant(Settings(data_dir=tmp_path, understanding="offline"),
                              as_of=as_of))
        return made[-1]

    yield make
    for assistant in made:
        assistant.close()
