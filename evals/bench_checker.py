"""Checker speed: verdicts per second, and the cold wall time of `priorauth check --json`.

    uv run python -m evals.bench_checker

Prints a Markdown table (paste it into BENCHMARKS.md). The cold-start figure runs
the installed console script in a fresh process each time, as a user would, and
also reports whether torch or chromadb got imported on that path (they must not).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import yaml

from policies.checker import check
from policies.library import load_policy, supported_cpts

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)


def _cases() -> list[tuple[str, dict]]:
    out = []
    for cpt in supported_cpts():
        for case in yaml.safe_load((ROOT / "tests" / "cases" / f"{cpt}.yaml").read_text()):
            out.append((cpt, case.get("facts") or {}))
    return out


def verdicts_per_second(seconds: float = 3.0) -> tuple[float, int]:
    cases = _cases()
    policies = {cpt: load_policy(cpt) for cpt in supported_cpts()}
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for cpt, facts in cases:
            check(policies[cpt], facts, AS_OF)
            done += 1
    return done / (time.perf_counter() - start), len(cases)


def cold_check(runs: int = 10) -> tuple[float, float, bool]:
    exe = shutil.which("priorauth", path=str(Path(sys.executable).parent)) or "priorauth"
    example = str(ROOT / "examples" / "64493-short-therapy.yaml")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([exe, "check", "--cpt", "64493", "--facts", example, "--json"],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys; from priorauth.cli import main; "
         f"main(['check','--cpt','64493','--facts',{example!r},'--json']); "
         "print('HEAVY' if {'torch','chromadb'} & set(sys.modules) else 'LIGHT', "
         "file=sys.stderr)"],
        capture_output=True, text=True, check=True)
    times.sort()
    return statistics.median(times), times[int(0.9 * (len(times) - 1))], \
        "HEAVY" in probe.stderr


def main() -> None:
    rate, n = verdicts_per_second()
    p50, p90, heavy = cold_check()
    print("| measure | value |")
    print("| --- | --- |")
    print(f"| checker throughput ({n} worked cases, all policies, incl. missing/to-qualify) "
          f"| {rate:,.0f} verdicts/s |")
    print(f"| cold `priorauth check --json`, p50 of 10 | {p50 * 1000:.0f} ms |")
    print(f"| cold `priorauth check --json`, p90 of 10 | {p90 * 1000:.0f} ms |")
    print(f"| torch or chromadb imported on the check path | {'yes' if heavy else 'no'} |")


if __name__ == "__main__":
    main()
