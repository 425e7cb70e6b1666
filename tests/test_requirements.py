"""Tests that need Chromium or PostgreSQL skip on a newcomer's machine, fail in CI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REQUIRE_VARIABLES, require_or_skip

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("kind", sorted(REQUIRE_VARIABLES))
def test_a_missing_system_package_skips_with_what_to_install(kind, monkeypatch):
    monkeypatch.delenv(REQUIRE_VARIABLES[kind], raising=False)
    with pytest.raises(pytest.skip.Exception, match="^needs X: apt-get install x$"):
        require_or_skip(kind, "needs X: apt-get install x")


@pytest.mark.parametrize("kind", sorted(REQUIRE_VARIABLES))
def test_where_it_is_required_a_missing_package_fails(kind, monkeypatch):
    monkeypatch.setenv(REQUIRE_VARIABLES[kind], "1")
    with pytest.raises(pytest.fail.Exception,
                       match=f"needs X: apt-get install x .*{REQUIRE_VARIABLES[kind]}"):
        require_or_skip(kind, "needs X: apt-get install x")


def test_ci_requires_both_before_it_runs_the_tests():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    exported = script.index("export PRIORAUTH_REQUIRE_BROWSER=1 PRIORAUTH_REQUIRE_POSTGRES=1")
    assert exported < [m.start() for m in re.finditer(r"uv run pytest", script)][-1]


@pytest.mark.parametrize(("required", "code", "outcome"), [
    ("", 0, "SKIPPED"), ("1", 1, "ERROR")])
def test_browser_tests_without_chromium(required, code, outcome, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRIORAUTH_REQUIRE")}
    env.update(PRIORAUTH_CHROMIUM=str(tmp_path / "no-chromium"),
               PRIORAUTH_REQUIRE_BROWSER=required)
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rsE", "-p", "no:cacheprovider",
                           "tests/test_web_browser.py", "-k", "side_by_side"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == code, done.stdout[-2000:]
    assert re.search(rf"^{outcome} .*test_web_browser", done.stdout, re.M), done.stdout[-2000:]
    assert "needs Debian's chromium: apt-get install chromium" in done.stdout
