"""Agent speed: warm per-turn latency offline, and cold start of the commands.

    uv run python -m evals.bench_agent
    uv run python -m evals.bench_agent --cold [--priorauth EXE]   # cold rows only

Warm latency: scripted intakes for every policy (a bare question, then answers to
each batch of questions from the worked "meets" case), timed per turn after one
warm-up intake. Cold start: a fresh process per run (Python start and imports
included; no model load happens on these paths), wall and CPU time (user + system):
`priorauth chat` with one message piped in, until the reply has been printed;
`priorauth check --text` on a short note, and `check --facts` on the example file for
comparison. The chat's first reply is timed when it is printed (wall, and the CPU the
process has used by then), and the whole run until it has saved the conversation and
ended. ``--priorauth`` times another checkout's command (its own venv's
``priorauth``) with the same harness, for a before/after.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


ROOT = Path(__file__).parent.parent
CHECK_TEXT = "Pt is a 54 yo F with low back pain x 6 months. PT 8 weeks failed."


@dataclass
class Cold:
    """Cold runs of one command: wall and CPU seconds, sorted."""

    wall: list[float]
    cpu: list[float]

    def row(self, what: str) -> str:
        def p(values: list[float], q: float) -> float:
            return values[round(q * (len(values) - 1))]

        return (f"| {what} cold, {len(self.wall)} runs: wall p50 / p90, CPU p50 / p90 | "
                f"{statistics.median(self.wall):.2f} / {p(self.wall, 0.9):.2f} s, "
                f"{statistics.median(self.cpu):.2f} / {p(self.cpu, 0.9):.2f} s |")


def _cpu_so_far(pid: int) -> float:
    """User + system seconds a running process has used (Linux's /proc; else 0)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cold(args: list[str], expect: str, *, stdin: str | None = None, runs: int = 10,
         exe: str | None = None) -> tuple[Cold, Cold]:
    """``priorauth ARGS`` in a fresh process ``runs`` times, each with an empty data dir:
    the times until ``expect`` is printed (the chat's first reply, which it prints
    before it has saved the conversation), and until the process has ended."""
    exe = exe or shutil.which("priorauth", path=str(Path(sys.executable).parent)) or "priorauth"
    seen, whole = Cold([], []), Cold([], [])
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as data:
            env = {**os.environ, "PRIORAUTH_DATA_DIR": data}
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.Popen([exe, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(stdin or "")
            proc.stdin.close()
            out = ""
            for line in proc.stdout:
                out += line
                if expect in line and len(seen.wall) < len(whole.wall) + 1:
                    seen.wall.append(time.perf_counter() - start)
                    seen.cpu.append(_cpu_so_far(proc.pid))
            proc.wait(timeout=120)
            whole.wall.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            whole.cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            assert expect in out, out + (proc.stderr.read() if proc.stderr else "")
    return (Cold(sorted(seen.wall), sorted(seen.cpu)),
            Cold(sorted(whole.wall), sorted(whole.cpu)))


def cold_rows(exe: str | None = None) -> list[str]:
    day = ["--as-of", AS_OF.isoformat()]
    chat, chat_whole = cold(["chat", *day], "please answer",
                            stdin="does this case qualify for 64493?\n",
                            exe=exe)  # the first reply asks its questions
    text = cold(["check", "--cpt", "64493", "--text", CHECK_TEXT, *day], "Decision:",
                exe=exe)[1]
    facts = cold(["check", "--cpt", "64493", "--facts", "examples/64493-complete.yaml", *day],
                 "Decision:", exe=exe)[1]
    return [chat.row("`priorauth chat` to first reply"),
            chat_whole.row("`priorauth chat`, first reply then Ctrl-D (the conversation "
                           "saved)"),
            text.row("`priorauth check --text` (a 66-character note)"),
            facts.row("`priorauth check --facts` (examples/64493-complete.yaml)")]


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
    parser = argparse.ArgumentParser(prog="python -m evals.bench_agent")
    parser.add_argument("--cold", action="store_true", help="only the cold-start rows")
    parser.add_argument("--priorauth", metavar="EXE",
                        help="the priorauth command to time (default: this venv's)")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} at the start", file=sys.stderr)
    rows = []
    if not args.cold:
        p50, p95, n = warm_latency()
        rows += [f"| offline turn latency, warm, p50 ({n} turns, 4 policies) | "
                 f"{p50 * 1000:.1f} ms |",
                 f"| offline turn latency, warm, p95 | {p95 * 1000:.1f} ms |"]
    rows += cold_rows(args.priorauth)
    if not args.cold:
        rate, calls, turns = llm_calls_per_turn()
        rows.append(f"| LLM mode: model calls per user turn (local scripted server; {calls} "
                    f"calls in {turns} turns, 4 intakes opening with a free-text note) | "
                    f"{rate:.2f} |")
    print("| measure | value |")
    print("| --- | --- |")
    print("\n".join(rows))
    print(f"load average {os.getloadavg()[0]:.2f} at the end", file=sys.stderr)


if __name__ == "__main__":
    main()
