"""A note pasted at the terminal prompt is one message (session 17: each of its lines was a
message of its own, read out of its note, and the chat took one turn per line). Run in a
pseudo-terminal as a user runs it; the paste arrives as a terminal sends it, between the
bracketed-paste marks, its lines ended by carriage returns."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pty = pytest.importorskip("pty", reason="pseudo-terminals are POSIX only")

HANG = 120  # seconds: only to end a hung chat, never a speed check


def _until(fd: int, marker: bytes, seen: bytearray) -> str:
    """Read the terminal until ``marker`` appears after what was already seen."""
    start = len(seen)
    while marker not in seen[start:]:
        ready, _w, _x = select.select([fd], [], [], HANG)
        if not ready:
            raise AssertionError(f"no {marker!r} from the chat; it printed:\n{bytes(seen)!r}")
        seen += os.read(fd, 65536)
    return seen[start:].decode(errors="replace")


def test_a_note_pasted_at_the_prompt_is_read_as_one_message(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    env = {**os.environ, "PRIORAUTH_DATA_DIR": str(tmp_path), "TERM": "xterm"}
    chat = subprocess.Popen([sys.executable, "-m", "priorauth.cli", "chat", "--as-of",
                             "2026-12-04"], stdin=slave, stdout=slave, stderr=slave, cwd=ROOT,
                            env=env, close_fds=True)
    os.close(slave)
    seen = bytearray()
    try:
        _until(master, b"you> ", seen)
        os.write(master, b"does this case qualify for 64493?\r")
        _until(master, b"you> ", seen)
        os.write(master, b"\x1b[200~58M with LBP x 8 months.\rNRS 7/10.\r"
                         b"PT 14 weeks.\x1b[201~\r")
        reply = _until(master, b"you> ", seen)
        os.write(master, b"\x04")
        chat.wait(timeout=HANG)
    finally:
        if chat.poll() is None:
            chat.kill()
        os.close(master)
    # One reply that read all three lines (each line alone was a turn of its own)
    assert reply.count("Decision:") == 1, reply
    for words in ('"LBP x 8 months"', '"NRS 7/10"', '"PT 14 weeks"', '"58M"'):
        assert words in reply, reply
