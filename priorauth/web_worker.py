"""The agent's turns for the web app, run in worker processes.

A turn (reading the message, checking the criteria) is CPU-bound Python, about 20 ms.
Run in the server's own process it holds the interpreter lock the event loop needs to
send every other session's replies and write them to the data layer, so turns that
arrive together queue behind each other (measured in ``evals/bench_web.py``). In worker
processes they run on the other cores while the server process only does Chainlit's
part. Each worker opens its own :class:`agent.session.Assistant` on the same database,
as two servers side by side do: conversations and the audit trail are shared through
SQLite (or Postgres), never through this process's memory.

Nothing here imports Chainlit: a worker starts with only the agent.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import date
from typing import Any

from agent.config import Settings
from agent.session import Assistant, Turn

_bots: dict[str, Assistant] = {}


def _bot(mode: str) -> Assistant:
    if mode not in _bots:
        _bots[mode] = Assistant(Settings(understanding=mode), source="web")
    return _bots[mode]


def send(mode: str, thread_id: str, text: str, as_of: date | None, user: str,
         edits: dict[str, Any] | None) -> Turn:
    """One turn, in a worker (see :meth:`agent.session.Assistant.send`)."""
    return _bot(mode).send(thread_id, text, as_of=as_of, user=user, edits=edits)


WARM_UP = ["Does this case qualify for 64493?", "Low back; 14 weeks; 8 weeks",
           "Pain 7/10, MRI on 2026-08-20, no active infection, not pregnant", "yes"]


def _exit_with_parent(every: float = 1.0) -> None:
    """End this worker when the server that spawned it is gone. A server stopped while
    its pool was still starting (SIGTERM to its process group before the workers
    existed) left them running, orphaned, for good; a pool's worker does not notice
    its parent's death while it waits for work."""
    import threading
    import time

    # (the pid the pool recorded at the spawn: a worker that starts after its server
    # died already has another parent, and ends at once)
    spawner = multiprocessing.parent_process()
    parent = spawner.pid if spawner is not None and spawner.pid else os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)  # (no clean-up to run: the worker holds no state of its own)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def warm_up(mode: str, search: bool) -> None:
    """A worker's start: load what a turn needs (policies, reading rules, the graph, the
    database and, with ``search``, the policy index) so no user's first turn in this
    worker pays for it. The practice conversation is kept in memory: nothing is saved or
    audited. A failure here is left for the first turn to report in its own words."""
    from langgraph.checkpoint.memory import InMemorySaver

    _exit_with_parent()
    try:
        _bot(mode)
        practice = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver())
        for text in WARM_UP:
            practice.send("warm-up", text, as_of=date(2026, 11, 23))
        if search:
            from retrieval.searcher import default_searcher

            default_searcher().ensure()
    except Exception:  # noqa: S110 (the turn that needs it says what is wrong)
        pass


def worker_count() -> int:
    """``PRIORAUTH_WEB_WORKERS`` (0: turns run on a thread of the server process);
    by default one per CPU, at most 4."""
    raw = os.environ.get("PRIORAUTH_WEB_WORKERS", "").strip()
    if raw:
        try:
            return max(0, int(raw))
        except ValueError:
            raise SystemExit(f"priorauth: PRIORAUTH_WEB_WORKERS={raw!r}: expected a whole "
                             "number (0 runs turns in the server process)") from None
    return min(4, os.cpu_count() or 1)


def start_pool(workers: int, mode: str, search: bool) -> Executor:
    """``workers`` processes, each warmed up (:func:`warm_up`) before its first turn."""
    # "spawn", not fork: the server has threads (uvicorn, SQLite, the index warm-up)
    # that a forked child would inherit mid-flight.
    pool = ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=warm_up, initargs=(mode, search))
    # Workers start on demand; ask for all of them now, so they warm up before any user.
    for future in [pool.submit(os.getpid) for _ in range(workers)]:
        future.result()
    return pool
