"""Conversations in Postgres when PRIORAUTH_DATABASE_URL points at one.

A throwaway PostgreSQL server (Debian's postgresql package, which this kind of
machine has) is started on 127.0.0.1 at a free port in a temp directory, and
stopped after the test. Postgres refuses to run as root, so as root it runs as the
``postgres`` system user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from agent.config import Settings
from agent.session import Assistant


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


def test_a_conversation_resumes_from_postgres_after_restart(postgres_url: str,
                                                          tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", database_url=postgres_url,
                        understanding="offline")
    first = Assistant(settings, as_of=date(2026, 11, 23))
    turn = first.send("pg-case", "Does this case qualify for 64493? PT x 14 wks")
    assert turn.waiting and turn.facts["pt_weeks"]["value"] == 14.0
    first.close()
    assert not (tmp_path / "data" / "conversations.sqlite").exists()  # not in SQLite

    second = Assistant(settings, as_of=date(2026, 11, 23))
    try:
        assert second.waiting("pg-case")
        resumed = second.send("pg-case", "Correction: PT x 4 wks")
        assert resumed.decision == "does_not_meet"
        assert "14 weeks → 4 weeks" in resumed.reply
        assert len(second.history("pg-case")) == 4
    finally:
        second.close()
