"""Retrieval benchmark: quality on the labelled questions, latency, index build time.

    uv run python -m evals.bench_retrieval              # everything, prints a table
    uv run python -m evals.bench_retrieval --write      # ... and updates BENCHMARKS.md
    uv run python -m evals.bench_retrieval --quick      # quality + latency only

Runs against a temporary data dir (never the user's index) and never the network.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = ROOT / "evals" / "retrieval" / "questions.yaml"
BENCHMARKS = ROOT / "BENCHMARKS.md"
HEADING = "## Retrieval"


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]


def is_hit(clause: str, gold: list[str]) -> bool:
    """Contract §1: a gold id is satisfied by itself or any clause under it."""
    return any(clause == g or clause.startswith(g + ".") for g in gold)


def evaluate(searcher, questions: list[dict], method: str, route: bool = True,
             depth: int = 10) -> dict:
    r1 = r5 = rr = 0.0
    misses = []
    by_kind: dict[str, list[int]] = {}
    for q in questions:
        results = searcher.search(q["question"], k=depth, method=method, route=route)
        rank = next((i for i, r in enumerate(results, 1) if is_hit(r.clause, q["gold"])), None)
        r1 += rank == 1
        r5 += rank is not None and rank <= 5
        rr += 1.0 / rank if rank else 0.0
        by_kind.setdefault(q.get("kind", "plain"), []).append(
            1 if rank is not None and rank <= 5 else 0)
        if rank is None or rank > 1:
            misses.append((q["id"], rank, [r.clause for r in results[:3]]))
    n = len(questions)
    return {"method": method if route else f"{method} (no routing)", "r1": r1 / n,
            "r5": r5 / n, "mrr": rr / n, "misses": misses,
            "kinds": {k: sum(v) / len(v) for k, v in by_kind.items()}}


def latency(searcher, questions: list[dict], rounds: int = 3) -> dict:
    for q in questions[:5]:
        searcher.search(q["question"])
    times, cpu = [], []
    for _ in range(rounds):
        for q in questions:
            t, c = time.perf_counter(), time.process_time()
            searcher.search(q["question"])
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
    times.sort()
    cpu.sort()
    # Wall time grows with whatever else shares the CPUs; CPU time much less.
    return {"n": len(times), "p50": statistics.median(times),
            "p95": times[int(0.95 * (len(times) - 1))], "max": times[-1],
            "cpu_p50": statistics.median(cpu), "cpu_p95": cpu[int(0.95 * (len(cpu) - 1))],
            "load": os.getloadavg()[0]}


def cold_start(runs: int = 3, bytecode_cache: Path | None = None) -> dict:
    """Wall time of a fresh `priorauth search` process against a built index.

    With ``bytecode_cache``, Python may write .pyc files there (PYTHONPYCACHEPREFIX) and
    one unmeasured run fills it first; without, the environment is used as is (this
    machine sets PYTHONDONTWRITEBYTECODE=1, so every start compiles chromadb & co).
    """
    exe = Path(sys.executable).parent / "priorauth"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "priorauth.cli_retrieval"]
    cmd += ["search", "how many weeks of PT before a facet injection", "--json"]
    env = os.environ.copy()
    if bytecode_cache is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode_cache)
        subprocess.run(cmd, capture_output=True, text=True, env=env)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - t)
        if done.returncode != 0:
            raise SystemExit(f"cold start run failed: {done.stderr.strip()}")
    return {"runs": [round(x, 2) for x in times], "median": statistics.median(times)}


def generate_library(base_dir: Path, out: Path, n: int) -> Path:
    """``n`` policies: the seed policies cycled, each renamed and given its own CPT code."""
    from retrieval.corpus import load_corpus

    seeds = load_corpus(base_dir)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for i in range(n):
        seed = seeds[i % len(seeds)]
        cpt = f"{90000 + i:05d}"
        text = seed.source.replace(seed.cpt, cpt)
        suffix = f" variant {i}"
        text = re.sub(r"(Procedure(?: Name)?:\s*)([^\n(]+)",
                      lambda m, s=suffix: f"{m.group(1)}{m.group(2).strip()}{s}", text, count=1)
        (out / cpt).mkdir()
        (out / cpt / "policy.txt").write_text(text, encoding="utf-8")
    return out


def build_times(sizes: list[int]) -> list[dict]:
    import retrieval
    from retrieval.corpus import default_library_dir, load_corpus
    from retrieval.store import build_index

    rows = []
    work = Path(tempfile.mkdtemp(prefix="pa-bench-lib-"))
    try:
        for n in sizes:
            os.environ["PRIORAUTH_DATA_DIR"] = str(work / f"data-{n}")
            retrieval.reset()
            if n == 4:
                docs = load_corpus()
            else:
                docs = load_corpus(generate_library(default_library_dir(), work / f"lib-{n}", n))
            clauses = sum(len(d.clauses) for d in docs)
            t, c = time.perf_counter(), time.process_time()
            first = build_index(docs)
            full, cpu = time.perf_counter() - t, time.process_time() - c
            t = time.perf_counter()
            again = build_index(docs)
            noop = time.perf_counter() - t
            assert first.changed and not again.changed, (first, again)
            rows.append({"policies": len(docs), "clauses": clauses, "build_s": full,
                         "cpu_s": cpu, "load": os.getloadavg()[0],
                         "per_1k_clauses_s": full / clauses * 1000, "noop_s": noop})
            print(f"  built {len(docs)} policies / {clauses} clauses in {full:.1f}s "
                  f"(no-change rerun {noop:.2f}s)", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


def render(quality: list[dict], lat: dict, cold: list[tuple[str, dict]], builds: list[dict],
           model_load: float, n_questions: int, chosen: str) -> str:
    lines = [HEADING, "",
             "Reproduce: `uv run python -m evals.bench_retrieval --write` "
             f"(machine: {platform.machine()}, {os.cpu_count()} CPUs, "
             f"{time.strftime('%Y-%m-%d')}; other jobs may share the CPUs).", "",
             f"Quality on {n_questions} labelled staff questions "
             "(`evals/retrieval/questions.yaml`; a hit is a gold clause or one under it):", "",
             "| ranking | recall@1 | recall@5 | MRR@10 |", "| --- | ---: | ---: | ---: |"]
    for q in quality:
        mark = " (used)" if q["method"] == chosen else ""
        lines.append(f"| {q['method']}{mark} | {q['r1']:.3f} | {q['r5']:.3f} | {q['mrr']:.3f} |")
    best = next(q for q in quality if q["method"] == chosen)
    lines += ["", "recall@5 of the ranking used, by kind of question: " + ", ".join(
        f"{k} {v:.2f}" for k, v in sorted(best["kinds"].items())), ""]
    lines += ["Speed (embedded Chroma, all-MiniLM-L6-v2 on CPU, onnxruntime, 1 thread):", "",
              "| measure | value |", "| --- | ---: |",
              f"| warm query p50 / p95 ({lat['n']} queries; load average "
              f"{lat['load']:.1f}) | {lat['p50']:.1f} ms / {lat['p95']:.1f} ms |",
              f"| CPU time per warm query p50 / p95 | {lat['cpu_p50']:.1f} ms / "
              f"{lat['cpu_p95']:.1f} ms |",
              f"| model load in a warm process | {model_load:.1f} s |"]
    for label, c in cold:
        lines.append(f"| cold `priorauth search`, {label} (process start to answer; median of "
                     f"{c['runs']}) | {c['median']:.1f} s |")
    for b in builds:
        lines.append(f"| index build, {b['policies']} policies / {b['clauses']} clauses "
                     f"| {b['build_s']:.1f} s, {b['cpu_s']:.1f} s CPU, load average "
                     f"{b['load']:.1f} ({b['per_1k_clauses_s']:.1f} s per 1k clauses; "
                     f"no-change rerun {b['noop_s']:.2f} s) |")
    if best["misses"]:
        lines += ["", "Questions whose gold clause is not ranked first by the ranking used "
                  "(id: rank, top 3):", ""]
        lines += [f"- `{mid}`: {rank if rank else '>10'}, {', '.join(top)}"
                  for mid, rank, top in best["misses"]]
    return "\n".join(lines) + "\n"


def write_section(text: str, path: Path = BENCHMARKS) -> None:
    """Replace (or append) the ``## Retrieval`` section, leaving other sections alone."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\s*$.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(old):
        new = pattern.sub(lambda _: text + "\n", old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + text
    path.write_text(new.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip cold start and builds")
    parser.add_argument("--sizes", default="4,100,500",
                        help="policy counts to time index builds for (default 4,100,500)")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="pa-bench-"))
    os.environ["PRIORAUTH_DATA_DIR"] = str(tmp / "data")
    os.environ.pop("CHROMA_HOST", None)
    try:
        import retrieval
        from retrieval.embeddings import _minilm_encoder
        from retrieval.searcher import DEFAULT_METHOD, Searcher

        t = time.perf_counter()
        _minilm_encoder()
        model_load = time.perf_counter() - t
        retrieval.index_library()
        searcher = Searcher(progress=lambda m: None)
        questions = load_questions()
        quality = [evaluate(searcher, questions, m) for m in ("dense", "lexical", "hybrid")]
        quality.append(evaluate(searcher, questions, DEFAULT_METHOD, route=False))
        lat = latency(searcher, questions)
        cold = [] if args.quick else [
            ("environment as is" + (" (PYTHONDONTWRITEBYTECODE=1)"
                                    if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""),
             cold_start()),
            ("with a .pyc cache", cold_start(bytecode_cache=tmp / "pycache"))]
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        builds = [] if args.quick else build_times(sizes)
        text = render(quality, lat, cold, builds, model_load, len(questions), DEFAULT_METHOD)
        print(text)
        if args.write:
            write_section(text)
            print(f"updated {BENCHMARKS}", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
