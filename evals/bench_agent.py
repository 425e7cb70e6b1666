"""Agent speed: warm per-turn latency offline, and time to the first reply of `priorauth chat`.

    uv run python -m evals.bench_agent

Warm latency: scripted intakes for every policy (a bare question, then answers to
each batch of questions from the worked "meets" case), timed per turn after one
warm-up intake. Cold start: a fresh `priorauth chat` process, one message piped in,
timed until the reply has been printed (includes Python start and imports; no
model load happens on this path).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.session import Assistant
from evals.scripted import answer, worked_case
from policies.library import supported_cpts

AS_OF = date(2026, 11, 23)


def intake(a: Assistant, thread: str, cpt: str) -> list[float]:
    facts = worked_case(cpt, "meets_criteria")
    turn = a.send(thread, f"Does this case qualify for {cpt}?")
    times = [turn.seconds]
    while turn.pending:
        turn = a.send(thread, answer(cpt, turn.pending, facts))
        times.append(turn.seconds)
    return times


def warm_latency() -> tuple[float, float, int]:
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(), as_of=AS_OF)
    intake(a, "warm-up", "64493")
    times: list[float] = []
    for round_ in range(3):
        for cpt in supported_cpts():
            times += intake(a, f"{cpt}-{round_}", cpt)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(times)


def cold_chat(runs: int = 5) -> float:
    exe = shutil.which("priorauth", path=str(Path(sys.executable).parent)) or "priorauth"
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data:
            env = {**os.environ, "PRIORAUTH_DATA_DIR": data}
            start = time.perf_counter()
            proc = subprocess.run([exe, "chat", "--as-of", AS_OF.isoformat()],
                                  input="does this case qualify for 64493?\n", text=True,
                                  capture_output=True, env=env, timeout=120)
            results.append(time.perf_counter() - start)
            assert "NEEDS INFORMATION" in proc.stdout, proc.stdout + proc.stderr
    return statistics.median(results)


def main() -> None:
    p50, p95, n = warm_latency()
    cold = cold_chat()
    print("| measure | value |")
    print("| --- | --- |")
    print(f"| offline turn latency, warm, p50 ({n} turns, 4 policies) | {p50 * 1000:.1f} ms |")
    print(f"| offline turn latency, warm, p95 | {p95 * 1000:.1f} ms |")
    print(f"| `priorauth chat` cold start to first reply (median of 5) | {cold:.2f} s |")


if __name__ == "__main__":
    main()
