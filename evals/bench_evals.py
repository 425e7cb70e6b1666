"""Eval suite wall time: the whole default suite offline, cold, at several worker counts.

    uv run python -m evals.bench_evals [--workers 1 2 4]

Each measurement runs ``priorauth eval --json --workers N`` in a fresh process, the way
CI does (imports, policy loading and the embedding model for the policy-question
dialogues included), and prints a Markdown table to paste into BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(workers: int) -> tuple[float, dict]:
    exe = shutil.which("priorauth") or str(Path(sys.executable).parent / "priorauth")
    start = time.perf_counter()
    proc = subprocess.run([exe, "eval", "--json", "--workers", str(workers)], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ,
                                                               "PRIORAUTH_UNDERSTANDING":
                                                               "offline"})
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr.strip() or f"priorauth eval exited {proc.returncode}")
    return wall, json.loads(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.bench_evals")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores: {os.cpu_count()}, load average at start: {load:.2f}\n")
    print("| workers | dialogues | turns | passed | wall time (s) | turn p50 (ms) | "
          "turn max (ms) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for workers in args.workers:
        wall, out = run(workers)
        turns = [s for d in out["dialogues"] for s in d["seconds_per_turn"]]
        print(f"| {workers} | {len(out['dialogues'])} | {len(turns)} | {out['passed']} | "
              f"{wall:.1f} | {1000 * statistics.median(turns):.0f} | "
              f"{1000 * max(turns):.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
