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
            assert "please answer" in proc.stdout, proc.stdout + proc.stderr  # asked
    return statistics.median(results)


NOTES = {
    "64493": "Facet injection request. Low back pain for 5 months, PT x 14 wks, pain 7/10, "
             "no active infection, not pregnant. She has also tried acupuncture at some point.",
    "71250": "CT chest request. 65F with chronic cough and dyspnea, NRS 6, SpO2 90% on RA, "
             "afebrile. Her daughter thinks the inhalers stopped helping a while back.",
    "97110": "PT referral for knee OA, pain 5/10 for 4 months, X-rays 2 months ago. "
             "Patient is keen and motivated, works as a mail carrier.",
    "62311": "ESI request. LBP radiating to the leg x 4 months, 12 wks conservative tx incl PT, "
             "NSAIDs, lifestyle changes. Neighbour recommended the injection.",
}


def llm_calls_per_turn() -> tuple[float, int, int]:
    """LLM mode against a local scripted server that proposes nothing: calls per turn."""
    from evals.mock_llm import serve

    with serve() as mock:
        for _ in range(200):
            mock.enqueue({})
        settings = Settings(openai_api_key="bench", openai_base_url=mock.url,
                            understanding="llm", llm_timeout=5)
        a = Assistant(settings, checkpointer=InMemorySaver(), as_of=AS_OF)
        turns = 0
        for cpt, note in NOTES.items():
            facts = worked_case(cpt, "meets_criteria")
            turn = a.send(f"llm-{cpt}", note)
            turns += 1
            while turn.pending and turns < 200:
                turn = a.send(f"llm-{cpt}", answer(cpt, turn.pending, facts))
                turns += 1
        return len(mock.requests) / turns, len(mock.requests), turns


def main() -> None:
    p50, p95, n = warm_latency()
    cold = cold_chat()
    rate, calls, turns = llm_calls_per_turn()
    print("| measure | value |")
    print("| --- | --- |")
    print(f"| offline turn latency, warm, p50 ({n} turns, 4 policies) | {p50 * 1000:.1f} ms |")
    print(f"| offline turn latency, warm, p95 | {p95 * 1000:.1f} ms |")
    print(f"| `priorauth chat` cold start to first reply (median of 5) | {cold:.2f} s |")
    print(f"| LLM mode: model calls per user turn (local scripted server; {calls} calls "
          f"in {turns} turns, 4 intakes opening with a free-text note) | {rate:.2f} |")


if __name__ == "__main__":
    main()
