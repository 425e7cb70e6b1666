"""Web load: 20 concurrent sessions, each a full intake, through the path the web app uses.

    uv run python -m evals.bench_web [--sessions 20] [--write]

Each session runs the 64493 intake of the browser test (starter, a button answer merged
with typed text, a free-text case, a last button) as the Chainlit handlers do: the
agent's ``Assistant.send`` on a worker thread (``asyncio.to_thread``) from one event
loop, one shared Assistant over the SQLite checkpointer in a temporary data dir (the
agent's async API; turning the reply into the card is not timed, and this package
does not import the UI layer above it). Reports p50/p95 seconds per turn and errors,
single-user vs concurrent. ``--write`` replaces the ``## Web`` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)
CASE = ("Symptoms for 20 weeks. Manual therapy 4 weeks, pain education 4 weeks. Pain 7/10, "
        "decreased ROM, impaired gait. H&P on 2026-09-01, x-ray on 2026-03-01, MRI on "
        "2026-08-20, nerve block on 2026-10-01. PT notes and medication list are documented. "
        "Failed conservative treatment, 2 failed PT courses, 1 failed medication course, no "
        "active infection, not pregnant, no severe comorbidities, not cosmetic, PCP and "
        "specialist consults documented.")


async def intake(bot, session: int, times: list[float], errors: list[str],
                 think: float = 0.0) -> None:
    """One full intake; ``think`` > 0 waits 0.5–1.5 × think seconds before each message,
    as a person reading the reply would."""
    pace = random.Random(session)
    thread = f"bench-{session}-{time.monotonic_ns()}"
    script = ["Does this case qualify for 64493?", None, CASE, "yes"]
    decision = None
    for step in script:
        # The second message is what the web app composes from a "Low back" button
        # and typed text for the other two questions.
        text = step if step is not None else "Low back; 14 weeks; 8 weeks"
        if think:
            await asyncio.sleep(think * pace.uniform(0.5, 1.5))
        start = time.perf_counter()
        try:
            turn = await asyncio.to_thread(bot.send, thread, text, as_of=AS_OF)
        except Exception as exc:  # counted, not raised: the load goes on
            errors.append(f"session {session}: {exc.__class__.__name__}: {exc}")
            return
        times.append(time.perf_counter() - start)
        decision = turn.decision
    if decision != "meets_criteria":
        errors.append(f"session {session}: ended at {decision}, expected meets_criteria")


async def run(bot, sessions: int, think: float = 0.0
              ) -> tuple[list[float], list[str], float]:
    times: list[float] = []
    errors: list[str] = []
    start = time.perf_counter()
    await asyncio.gather(*(intake(bot, i, times, errors, think)
                           for i in range(sessions)))
    return times, errors, time.perf_counter() - start


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
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRIORAUTH_DATA_DIR"] = tmp
        os.environ["PRIORAUTH_UNDERSTANDING"] = "offline"
        from agent.session import Assistant

        bot = Assistant()  # SQLite checkpointer in the temp data dir, as the web app
        asyncio.run(run(bot, 1))  # warm-up: policies, lexicon, graph
        single: list[float] = []
        single_errors: list[str] = []
        for _ in range(5):
            t, e, _ = asyncio.run(run(bot, 1))
            single += t
            single_errors += e
        burst, burst_errors, burst_wall = asyncio.run(run(bot, args.sessions))
        many, many_errors, wall = asyncio.run(run(bot, args.sessions, args.think))
        bot.close()
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
            f"{platform.machine()}, {os.cpu_count()} CPUs, {date.today().isoformat()}; other "
            "jobs may share the CPUs).\n\n"
            f"{args.sessions} concurrent sessions, each the full 64493 intake of the browser "
            "test (4 turns to a `meets_criteria` verdict), driven the way the Chainlit "
            "handlers drive the agent: `Assistant.send` on worker threads from one event "
            "loop, one shared Assistant on the SQLite checkpointer. Card rendering, the "
            "browser and the websocket are not included.\n\n"
            f"{table}\n\n"
            f"p95 concurrent / single user: {ratio:.1f}× with people pacing their messages "
            f"(goal ≤ 3× with no errors: {verdict}); {burst_ratio:.1f}× when all "
            f"{args.sessions} sessions send at the same instant. A turn is about 20 ms of "
            "pure-Python work under one interpreter lock on 2 cores, so a burst queues: "
            "the last of 20 simultaneous messages waits for the 19 before it. More server "
            "processes, not the web layer, would shorten that queue.\n")
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
