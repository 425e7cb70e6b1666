"""Install size and cold start, side by side with another revision.

    uv run python -m evals.bench_install                    # this checkout only
    uv run python -m evals.bench_install --against REV      # ... and git revision REV

For each build: the runtime install (``uv sync --frozen --no-dev`` into a fresh
virtual environment, so the size excludes test tools), then an index built once and
``priorauth search`` timed from process start to answer, alternating the builds run
by run so both see the same machine load. Wall time depends on what else the CPUs
are doing; CPU time (user + system of the child) much less, so both are printed.
Everything happens in a temp folder, removed afterwards.
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
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY = "how many weeks of PT before a facet injection"


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    done = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {done.stderr.strip()[-800:]}")
    return done


def _du_mb(path: Path) -> float:
    total = 0
    seen: set[tuple[int, int]] = set()
    for folder, _, files in os.walk(path):
        for name in files:
            st = os.lstat(os.path.join(folder, name))
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            total += st.st_blocks * 512
    return total / 1e6


class Build:
    """One checkout with its own runtime-only virtual environment and data dir."""

    def __init__(self, label: str, checkout: Path, work: Path) -> None:
        self.label = label
        self.checkout = checkout
        self.venv = work / f"venv-{label}"
        self.data = work / f"data-{label}"
        self.env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "CHROMA_HOST")}
        self.env.update(UV_PROJECT_ENVIRONMENT=str(self.venv), PRIORAUTH_DATA_DIR=str(self.data))

    def install(self) -> dict:
        t = time.perf_counter()
        _run(["uv", "sync", "--frozen", "--no-dev", "--quiet"], cwd=self.checkout, env=self.env)
        seconds = time.perf_counter() - t
        site = next((self.venv / "lib").glob("python3*/site-packages"))
        heavy = sorted(((_du_mb(p), p.name) for p in site.iterdir() if p.is_dir()),
                       reverse=True)[:3]
        return {"mb": _du_mb(self.venv), "seconds": seconds,
                "heavy": ", ".join(f"{n} {mb:.0f} MB" for mb, n in heavy)}

    def index(self) -> None:
        _run([str(self.venv / "bin" / "priorauth"), "index"], cwd=self.checkout, env=self.env)

    def search_once(self) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        _run([str(self.venv / "bin" / "priorauth"), "search", QUERY, "--json"],
             cwd=self.checkout, env=self.env)
        wall = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", help="git revision to compare with")
    parser.add_argument("--runs", type=int, default=5, help="cold starts per build (default 5)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="pa-bench-install-"))
    builds = []
    try:
        if args.against:
            old = work / "against"
            _run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(old),
                  args.against])
            builds.append(Build(args.against, old, work))
        builds.append(Build("this checkout", ROOT, work))
        sizes = {}
        for build in builds:
            print(f"installing {build.label} ...", file=sys.stderr)
            sizes[build.label] = build.install()
            build.index()
        times: dict[str, list[tuple[float, float]]] = {b.label: [] for b in builds}
        for run in range(args.runs + 1):  # the first round only warms the page cache
            for build in builds:
                result = build.search_once()
                if run:
                    times[build.label].append(result)
        print(f"load average at the end: {os.getloadavg()[0]:.1f} "
              f"({os.cpu_count()} CPUs); {args.runs} cold runs each, alternating\n")
        print("| build | runtime install | largest packages | cold search wall, median "
              "(runs) | cold search CPU, median |")
        print("| --- | ---: | --- | ---: | ---: |")
        for build in builds:
            s = sizes[build.label]
            walls = [w for w, _ in times[build.label]]
            cpus = [c for _, c in times[build.label]]
            print(f"| {build.label} | {s['mb']:.0f} MB | {s['heavy']} | "
                  f"{statistics.median(walls):.2f} s ({', '.join(f'{w:.1f}' for w in walls)}) "
                  f"| {statistics.median(cpus):.2f} s |")
    finally:
        if args.against:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(work / "against")], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
