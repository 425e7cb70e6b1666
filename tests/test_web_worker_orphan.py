"""A web worker ends when the server that spawned it is gone: a server stopped while its
pool was still starting left its workers running for good (found as orphans after the
browser tests, session 19)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

PARENT = textwrap.dedent("""
    import multiprocessing, sys, time
    from priorauth.web_worker import _exit_with_parent

    def child():
        _exit_with_parent(every=0.1)
        time.sleep(60)

    if __name__ == "__main__":
        p = multiprocessing.get_context("spawn").Process(target=child)
        p.start()
        print(p.pid, flush=True)
        time.sleep(0.2)  # the parent dies without stopping it, up or still starting
        import os; os._exit(0)
""")


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_a_worker_whose_server_died_ends_by_itself(tmp_path) -> None:
    script = tmp_path / "parent.py"
    script.write_text(PARENT)
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE,
                              text=True, cwd=os.getcwd())
    child = int(parent.stdout.readline())  # (the pipe stays open while the child lives)
    parent.wait(timeout=60)
    parent.stdout.close()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    try:
        assert not _alive(child), "the worker outlived its server"
    finally:
        if _alive(child):
            os.kill(child, 9)
