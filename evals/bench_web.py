"""Web load: 20 concurrent sessions, each a full intake, through the app's web socket.

    uv run python -m evals.bench_web [--sessions 20] [--think 2] [--write]

Starts the web app (``priorauth ui`` in a child process, a temporary data dir, offline)
on 127.0.0.1, waits for its policy index, then drives each session the way the browser
does: header login over HTTP, Socket.IO on ``/ws/socket.io``, one ``client_message`` per
turn, timed from sending to the server's ``task_end`` (the agent's turn, the card, the
form and the element writes to the SQLite data layer). Each session runs the 64493
intake of the browser test (starter, typed answers, a free-text case, a last answer) to a
``meets_criteria`` card. Reports p50/p95 seconds per turn and errors, single user vs
concurrent. ``--write`` replaces the ``## Web`` section of BENCHMARKS.md.

This package does not import the UI layer: the app runs as a separate process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)
CASE = ("Symptoms for 20 weeks. Manual therapy 4 weeks, pain education 4 weeks. Pain 7/10, "
        "decreased ROM, impaired gait. H&P on 2026-09-01, x-ray on 2026-03-01, MRI on "
        "2026-08-20, nerve block on 2026-10-01. PT notes and medication list are documented. "
        "Failed conservative treatment, 2 failed PT courses, 1 failed medication course, no "
        "active infection, not pregnant, no severe comorbidities, not cosmetic, PCP and "
        "specialist consults documented.")
SCRIPT = ["Does this case qualify for 64493?", "Low back; 14 weeks; 8 weeks", CASE, "yes"]
TURN_TIMEOUT = 120.0


class WebSession:
    """One browser-like session: login cookie, Socket.IO connection, timed turns."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.decision: str | None = None
        self._done: asyncio.Event = asyncio.Event()
        self._replied = False

    async def open(self) -> None:
        import aiohttp
        import socketio

        self.http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        async with self.http.post(f"{self.url}/auth/header", json={}) as response:
            response.raise_for_status()
        token = next(c.value for c in self.http.cookie_jar if c.key == "access_token")
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("task_end", self._task_end)
        self.sio.on("element", self._element)
        self.sio.on("stream_start", self._message)
        self.sio.on("new_message", self._message)
        await self.sio.connect(
            self.url, socketio_path="/ws/socket.io", transports=["websocket"],
            headers={"Cookie": f"access_token={token}"}, wait_timeout=60,
            auth={"clientType": "webapp", "sessionId": str(uuid.uuid4()), "threadId": "",
                  "userEnv": "{}", "chatProfile": ""})
        await self.sio.emit("connection_successful")

    async def _message(self, step: dict[str, Any]) -> None:
        if step.get("type") == "assistant_message":
            self._replied = True

    async def _task_end(self, *_: Any) -> None:
        # The end of a turn: a task that produced the assistant's reply (the server also
        # ends tasks of its own, e.g. the chat start).
        if self._replied:
            self._done.set()

    async def _element(self, element: dict[str, Any]) -> None:
        if element.get("name") == "VerdictCard":
            self.decision = (element.get("props") or {}).get("decision")

    async def send(self, text: str) -> float:
        self._done.clear()
        self._replied = False
        message = {"id": str(uuid.uuid4()), "threadId": "", "name": "local",
                   "type": "user_message", "output": text,
                   "createdAt": datetime.now(UTC).isoformat()}
        start = time.perf_counter()
        await self.sio.emit("client_message", {"message": message, "fileReferences": []})
        await asyncio.wait_for(self._done.wait(), TURN_TIMEOUT)
        return time.perf_counter() - start

    async def close(self) -> None:
        await self.sio.disconnect()
        await self.http.close()


async def intake(url: str, session: int, times: list[float], errors: list[str],
                 think: float = 0.0) -> None:
    """One full intake; ``think`` > 0 waits 0.5–1.5 × think seconds before each message,
    as a person reading the reply would."""
    pace = random.Random(session)
    web = WebSession(url)
    try:
        await web.open()
        for text in SCRIPT:
            if think:
                await asyncio.sleep(think * pace.uniform(0.5, 1.5))
            times.append(await web.send(text))
    except Exception as exc:  # counted, not raised: the load goes on
        errors.append(f"session {session}: {exc.__class__.__name__}: {exc}")
        return
    finally:
        try:
            await web.close()
        except Exception:
            pass
    if web.decision != "meets_criteria":
        errors.append(f"session {session}: ended at {web.decision}, expected meets_criteria")


async def run(url: str, sessions: int, think: float = 0.0
              ) -> tuple[list[float], list[str], float]:
    times: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    await asyncio.gather(*(intake(url, i, times, errors, think) for i in range(sessions)))
    return times, errors, time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(data: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """``priorauth ui`` on a free port; returns once its policy index is ready."""
    import urllib.request

    port = _free_port()
    env = {**os.environ, "PRIORAUTH_DATA_DIR": str(data), "PRIORAUTH_UNDERSTANDING":
           "offline", "OPENAI_API_KEY": "", "PYTHONUNBUFFERED": "1"}
    for name in ("PRIORAUTH_USERS", "CHAINLIT_AUTH_SECRET", "PRIORAUTH_DATABASE_URL"):
        env.pop(name, None)
    out = log.open("w")
    proc = subprocess.Popen([sys.executable, "-m", "priorauth.cli", "ui", "--host",
                             "127.0.0.1", "--port", str(port)], env=env, stdout=out,
                            stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the web app exited: " + log.read_text()[-1500:])
        text = log.read_text()
        # Ready: the index checked and the agent's worker processes up (or not used).
        if ("policy index ready" in text or "policy index is not available" in text) and \
                ("agent turns run in" in text or "did not start" in text):
            try:
                with urllib.request.urlopen(f"{url}/auth/config", timeout=2):
                    return proc, url
            except OSError:
                pass
        time.sleep(0.3)
    raise SystemExit("the web app did not get ready in 10 minutes")


def stop_app(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench_web")
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--think", type=float, default=2.0,
                        help="seconds a person takes to read a reply and answer")
    args = parser.parse_args(argv)
    load_before = os.getloadavg()[0]
    workers = os.environ.get("PRIORAUTH_WEB_WORKERS", "").strip() or \
        f"default: {min(4, os.cpu_count() or 1)}"
    workers = f"PRIORAUTH_WEB_WORKERS={workers}"
    with tempfile.TemporaryDirectory() as tmp:
        proc, url = start_app(Path(tmp) / "data", Path(tmp) / "server.log")
        try:
            asyncio.run(run(url, 1))  # warm-up: policies, lexicon, graph, the data layer
            single: list[float] = []
            single_errors: list[str] = []
            for _ in range(5):
                t, e, _ = asyncio.run(run(url, 1))
                single += t
                single_errors += e
            burst, burst_errors, burst_wall = asyncio.run(run(url, args.sessions))
            many, many_errors, wall = asyncio.run(run(url, args.sessions, args.think))
        finally:
            stop_app(proc)
    many_errors += burst_errors
    rows = [
        ("single user (5 intakes, 20 turns)", single, single_errors, None),
        (f"{args.sessions} concurrent sessions, people pacing (~{args.think:g} s to read "
         f"each reply)", many, many_errors, wall),
        (f"{args.sessions} concurrent sessions, all messages at once (worst case)", burst,
         burst_errors, burst_wall),
    ]
    ratio = pct(many, 0.95) / pct(single, 0.95)
    burst_ratio = pct(burst, 0.95) / pct(single, 0.95)
    lines = ["| load | turns | p50 per turn | p95 per turn | errors | wall |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, times, errors, elapsed in rows:
        lines.append(f"| {name} | {len(times)} | {pct(times, .5) * 1000:.0f} ms | "
                     f"{pct(times, .95) * 1000:.0f} ms | {len(errors)} | "
                     + (f"{elapsed:.1f} s |" if elapsed else "– |"))
    verdict = "met" if ratio <= 3 and not many_errors else "NOT met"
    table = "\n".join(lines)
    print(table)
    print(f"\np95 concurrent (paced) / single: {ratio:.1f}x (goal ≤ 3x, no errors: {verdict}); "
          f"all-at-once burst: {burst_ratio:.1f}x")
    for error in (single_errors + many_errors)[:10]:
        print("error:", error, file=sys.stderr)
    if args.write:
        section = (
            "## Web\n\n"
            f"Reproduce: `uv run python -m evals.bench_web --write` (machine: "
            f"{platform.machine()}, {os.cpu_count()} CPUs, {date.today().isoformat()}; load "
            f"average {load_before:.1f} at the start, other jobs share the CPUs).\n\n"
            f"{args.sessions} concurrent sessions, each the full 64493 intake of the browser "
            "test (4 turns to a `meets_criteria` card), through the running web app: "
            "`priorauth ui` in its own process (SQLite, offline, index ready), each "
            "session logged in over HTTP and talking Socket.IO like the browser; a turn "
            "is timed from sending the message to the server's `task_end` (agent, card, "
            "form and data-layer writes). The browser's rendering is not included.\n\n"
            f"{table}\n\n"
            f"p95 concurrent / single user: {ratio:.1f}× with people pacing their messages "
            f"(goal ≤ 3× with no errors: {verdict}); {burst_ratio:.1f}× when all "
            f"{args.sessions} sessions send at the same instant. The agent's part of a turn "
            "(reading and checking, about 20 ms of CPU-bound Python) runs in worker "
            f"processes ({workers}); the server process keeps Chainlit's part (steps, "
            "elements, their SQLite writes, the socket), which no longer sleeps 1 ms per "
            "step or re-asks the database what it knows. Every process shares the "
            "machine's CPUs with whatever else runs on it, so the load average at the "
            "start is part of the result.\n\n")
        path = ROOT / "BENCHMARKS.md"
        text = path.read_text()
        start = text.find("## Web\n")
        if start >= 0:
            end = text.find("\n## ", start + 1)
            text = text[:start] + section + (text[end + 1:] if end >= 0 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + section
        path.write_text(text)
    return 0 if not many_errors and not single_errors else 1


if __name__ == "__main__":
    sys.exit(main())
