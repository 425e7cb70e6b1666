"""`priorauth recheck` speed: saved cases re-decided per second after a policy change.

    uv run python -m evals.bench_recheck [--cases 10000]

Generates N saved cases in a temporary SQLite conversation database (the worked cases
of tests/cases with their numbers and dates varied, each recorded as a conversation's
verdict under an older policy version), then re-checks all of them against the
current policies, in process and as the `priorauth recheck --json` command. Prints a
Markdown table (paste it into BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import yaml

from agent.audit import AuditLog
from agent.config import Settings
from agent.recheck import recheck_rows
from policies.checker import check
from policies.errors import PriorAuthError
from policies.library import load_policy, supported_cpts

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)
OLD_VERSION = "0" * 64


def _worked() -> list[tuple[str, dict]]:
    out = []
    for cpt in supported_cpts():
        for case in yaml.safe_load((ROOT / "tests" / "cases" / f"{cpt}.yaml").read_text()):
            out.append((cpt, case.get("facts") or {}))
    return out


def _vary(cpt: str, facts: dict, rng: random.Random) -> dict:
    """The same case with its numbers and dates moved a little (values stay in range)."""
    policy = load_policy(cpt)
    varied = dict(facts)
    for name, value in facts.items():
        spec = policy.facts.get(name)
        if spec is None or isinstance(value, bool):
            continue
        if spec.type == "number" and isinstance(value, int | float):
            varied[name] = min(spec.max, max(spec.min, value + rng.choice((-2, -1, 0, 1, 2))))
        elif spec.type == "date" and isinstance(value, date):
            varied[name] = min(AS_OF, value + timedelta(days=rng.randint(-40, 40)))
    return varied


def generate(settings: Settings, n: int, seed: int = 7) -> int:
    """Record ``n`` saved cases; returns how many distinct decisions they span."""
    rng = random.Random(seed)
    worked = _worked()
    policies = {cpt: load_policy(cpt) for cpt in supported_cpts()}
    log = AuditLog(settings)
    decisions = set()
    log._conn.execute("BEGIN")  # one transaction: generation is not what is measured
    for i in range(n):
        cpt, facts = worked[i % len(worked)]
        try:
            verdict = check(policies[cpt], _vary(cpt, facts, rng), AS_OF)
        except PriorAuthError:
            verdict = check(policies[cpt], facts, AS_OF)
        data = verdict.model_dump(mode="json")
        data["policy_version"] = OLD_VERSION  # decided under an older version
        decisions.add(data["decision"])
        log.record(data, source="chat", thread=f"bench-{i:05d}")
    log._conn.execute("COMMIT")
    log.close()
    return len(decisions)


def in_process(settings: Settings) -> tuple[int, float, float, float, int]:
    """(cases, wall seconds reading them, wall seconds re-checking them, CPU seconds for
    both, decisions that changed). CPU time is what the work costs when other jobs
    share the machine's cores; wall time is what a user waits."""
    cpu, start = time.process_time(), time.perf_counter()
    log = AuditLog(settings)
    rows = log.latest_cases()
    log.close()
    read = time.perf_counter() - start
    start = time.perf_counter()
    results = recheck_rows(rows)
    return (len(rows), read, time.perf_counter() - start, time.process_time() - cpu,
            sum(r.changed for r in results))


def command(data_dir: Path) -> float:
    exe = shutil.which("priorauth", path=str(Path(sys.executable).parent)) or "priorauth"
    env = {**os.environ, "PRIORAUTH_DATA_DIR": str(data_dir), "PRIORAUTH_DATABASE_URL": ""}
    start = time.perf_counter()
    subprocess.run([exe, "recheck", "--json"], check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="priorauth-bench-recheck-") as tmp:
        settings = Settings(data_dir=Path(tmp), database_url="")
        start = time.perf_counter()
        kinds = generate(settings, args.cases)
        made = time.perf_counter() - start
        cases, read, rechecked, cpu, changed = in_process(settings)
        wall = command(Path(tmp))
        load = os.getloadavg()[0]
    total = read + rechecked
    print(f"{cases:,} saved cases (worked cases varied; {kinds} kinds of decision), "
          f"generated in {made:.1f} s; {changed:,} decisions change under the current policies "
          "(the generated verdicts were made under the same rules, so only the version differs "
          "unless a case's facts moved it)\n")
    print("| measure | value |\n| --- | ---: |")
    print(f"| re-check only (checker + comparison), cases/s | {cases / rechecked:,.0f} |")
    print(f"| read from SQLite + re-check, cases/s (wall) | {cases / total:,.0f} |")
    print(f"| read from SQLite + re-check, cases per CPU-second | {cases / cpu:,.0f} |")
    print(f"| `priorauth recheck --json`, whole command (process start to exit) | {wall:.2f} s "
          f"({cases / wall:,.0f} cases/s) |")
    print(f"\nLoad average while measuring: {load:.1f} on {os.cpu_count()} CPUs. Goal ≥ 1,000 "
          "cases/s: " + ("met" if cases / total >= 1000 else
                         "met per CPU-second, not in wall time on this shared machine"
                         if cases / cpu >= 1000 else "NOT met"))


if __name__ == "__main__":
    main()
