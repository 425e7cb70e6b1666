"""Starts the Chainlit app for a browser test: temp data dir, temp cwd, free port."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from evals.bench_web import CASE  # the same free-text case as the load benchmark

ROOT = Path(__file__).resolve().parent.parent
WEB_APP = ROOT / "priorauth" / "web.py"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run",
                 "--disable-sync"]
ARTIFACTS = ROOT / "artifacts"


def require_chromium() -> None:
    """Browser tests fail (never skip) without Debian's chromium."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get update && apt-get "
                    "install -y chromium` (.ci/run does this)", pytrace=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(tmp: Path, env_extra: dict[str, str] | None = None, timeout: float = 60.0):
    """Run ``chainlit run priorauth/web.py --headless`` and yield its base URL."""
    cwd = tmp / "app"
    cwd.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / ".chainlit", cwd / ".chainlit", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("translations"))
    shutil.copy(ROOT / "chainlit.md", cwd / "chainlit.md")
    shutil.copytree(ROOT / "public", cwd / "public", dirs_exist_ok=True)
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if k not in ("PRIORAUTH_USERS", "CHAINLIT_AUTH_SECRET", "OPENAI_API_KEY",
                        "PRIORAUTH_DATABASE_URL", "DATABASE_URL", "CHAINLIT_APP_ROOT")}
    env.update({"PRIORAUTH_DATA_DIR": str(tmp / "data"), "PRIORAUTH_UNDERSTANDING": "offline",
                "PYTHONUNBUFFERED": "1"})
    env.update(env_extra or {})
    log = open(tmp / "server.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "chainlit", "run", str(WEB_APP), "--headless",
         "--host", "127.0.0.1", "--port", str(port)],
        cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError("the app exited: " + (tmp / "server.log").read_text()[-2000:])
            try:
                with urllib.request.urlopen(f"{url}/auth/config", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the app did not start: "
                                   + (tmp / "server.log").read_text()[-2000:])
            time.sleep(0.3)
        yield url
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        log.close()


# ------------------------------------------------------------------ the tests



@pytest.fixture(scope="module")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def _send(page, text: str) -> None:
    box = page.locator("#chat-input")
    box.click()
    box.fill(text)
    submit = page.locator("#chat-submit")
    submit.wait_for()
    from playwright.sync_api import expect

    expect(submit).to_be_enabled()  # disabled while the previous turn still runs
    submit.click()
    expect(box).to_have_value("")


def _set_as_of(page, day: str) -> None:
    page.locator("#chat-settings-open-modal").click()
    field = page.locator("#as_of")
    field.fill(day)
    page.get_by_role("button", name="Confirm").click()


def test_intake_to_cited_verdict_and_reopen(browser, tmp_path):
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    ARTIFACTS.mkdir(exist_ok=True)
    with serve(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(20_000)
        try:
            _intake(page, url, expect)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "web-failure.png"), full_page=True)
            raise
        finally:
            page.close()


def _intake(page, url, expect) -> None:
    if True:
        page.goto(url)
        expect(page.locator("#starters")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "web-welcome.png"))
        _set_as_of(page, "2026-11-23")

        page.locator("#starter-does-this-case-qualify-for-64493\\?").click()
        asks = page.get_by_text("To go on I need")
        expect(asks).to_have_count(1)
        expect(page.get_by_text("Criteria check").first).to_be_visible()  # the step
        # A button for the choice question, then typing for the other two.
        page.get_by_role("button", name="1. Low back").click()
        expect(page.get_by_text("Picked so far: 1. Low back")).to_be_visible()
        _send(page, "14 weeks, 8 weeks")
        expect(asks).to_have_count(2)
        _send(page, CASE)
        expect(asks).to_have_count(3)
        page.get_by_role("button", name="Yes", exact=True).last.click()

        card = page.get_by_text("Meets criteria — Facet Joint Injection (CPT 64493)")
        expect(card).to_be_visible()
        expect(page.get_by_text("Authorization window:")).to_be_visible()
        expect(page.get_by_text("Next steps").last).to_be_visible()
        page.wait_for_timeout(800)  # let the side panel settle
        card.scroll_into_view_if_needed()
        page.mouse.wheel(0, -120)
        page.screenshot(path=str(ARTIFACTS / "web-verdict.png"))

        # A clause id opens the verbatim policy text and its section.
        link = page.locator("a.element-link", has_text="64493.coverage.1").filter(
            has_not_text="64493.coverage.1.").last
        assert link.inner_text().strip() == "64493.coverage.1"  # shown as written, not upper-cased
        link.click()
        expect(page.locator("#side-view-title")).to_contain_text("64493.coverage.1")
        side = page.locator("#side-view-content")
        expect(side).to_contain_text("completed at least 12 weeks of physical therapy")
        expect(side).to_contain_text("section coverage")
        page.wait_for_timeout(600)  # the panel slides in
        page.screenshot(path=str(ARTIFACTS / "web-clause.png"))

        # The verdict downloads as JSON.
        with page.expect_download() as info:
            page.get_by_text("verdict-64493-2026-11-23.json").last.click()
        verdict = json.loads(Path(info.value.path()).read_text())
        assert verdict["decision"] == "meets_criteria"
        assert verdict["valid_until"] == "2027-02-21"

        # Reload, reopen from the history: the same graph thread continues.
        page.goto(url)
        expect(page.locator("#starters")).to_be_visible()
        page.locator("#thread-history").get_by_text("Does this case qualify for 64493?").click()
        expect(page.get_by_text("Meets criteria — Facet Joint Injection (CPT 64493)")
               ).to_be_visible()
        page.wait_for_timeout(2000)
        _send(page, "correction: pain is 3/10")
        expect(page.get_by_text("Does not meet criteria — Facet Joint Injection (CPT 64493)")
               ).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "web-reopened.png"), full_page=True)


ALICE, BOB = "alice", "bob"


def _login(page, url: str, user: str, password: str) -> None:
    page.goto(f"{url}/login")
    page.locator("#email").fill(user)
    page.locator("#password").fill(password)
    page.locator("button[type=submit]").click()
    page.locator("#chat-input").wait_for()


def test_login_isolates_users(browser, tmp_path):
    """With PRIORAUTH_USERS set, bob can neither list nor open alice's conversation."""
    from playwright.sync_api import expect

    from priorauth.cli_ui import hash_password

    expect.set_options(timeout=20_000)
    users = f"{ALICE}:{hash_password('alice-pw', iterations=1000)}," \
            f"{BOB}:{hash_password('bob-pw', iterations=1000)}"
    env = {"PRIORAUTH_USERS": users, "CHAINLIT_AUTH_SECRET": "test-secret-" + "x" * 40}
    with serve(tmp_path, env) as url:
        anonymous = browser.new_context()
        assert anonymous.request.get(f"{url}/user").status == 401
        anonymous.close()

        alice = browser.new_context()
        page = alice.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{url}/login")
        page.locator("#email").fill(ALICE)
        page.locator("#password").fill("wrong")
        page.locator("button[type=submit]").click()
        expect(page.locator("#chat-input")).to_have_count(0)
        _login(page, url, ALICE, "alice-pw")
        page.locator("#starter-does-this-case-qualify-for-64493\\?").click()
        expect(page.get_by_text("To go on I need")).to_have_count(1)
        page.wait_for_url("**/thread/*")
        thread_id = page.url.rstrip("/").rsplit("/", 1)[-1]
        own = alice.request.get(f"{url}/project/thread/{thread_id}")
        assert own.status == 200, own.text()
        alice.close()

        bob = browser.new_context()
        page = bob.new_page()
        page.set_default_timeout(20_000)
        _login(page, url, BOB, "bob-pw")
        listed = bob.request.post(f"{url}/project/threads",
                                  data={"pagination": {"first": 20}, "filter": {}})
        assert listed.status == 200
        assert thread_id not in listed.text()
        other = bob.request.get(f"{url}/project/thread/{thread_id}")
        assert other.status in (401, 403, 404), other.status
        page.goto(f"{url}/thread/{thread_id}")
        page.wait_for_timeout(2000)
        expect(page.get_by_text("To go on I need")).to_have_count(0)
        expect(page.locator("#thread-history")).not_to_contain_text("Does this case qualify")
        bob.close()
