"""`priorauth chat` answers a new conversation's first message before LangGraph is
imported (priorauth/chat_start.py): the reply shown must be the one the graph gives,
the conversation must be saved as the graph saves it, and the next message must carry on
from it exactly as on a conversation the graph answered from the start."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from priorauth import cli

ROOT = Path(__file__).parent.parent
AS_OF = ["--as-of", "2026-11-23"]
_THREADS = itertools.count()

CONVERSATIONS = [
    ["does this case qualify for 64493?", "PT 8 weeks, pain 6/10, low back"],
    ["Facet injection request for 64493. Low back pain for 5 months, PT x 14 wks, pain 7/10, "
     "no active infection, not pregnant.", "no, nothing else"],
    ["start over: new case for 62311. LBP radiating to the leg x 4 months, 12 wks "
     "conservative tx incl PT, NSAIDs", "MRI done last month"],
    ["CT chest 71250 for Mr Lee, 66. His wife is pregnant. Chronic cough for 10 weeks.",
     "SpO2 91% on room air"],
    ["does 99999 qualify?", "sorry, I meant 97110"],
    ["hello", "does this case qualify for 97110?"],
    ["what can you do?", "64493, pain 8/10 for 4 months"],
    ["what does 64493 require?", "PT 8 weeks, pain 6/10"],  # a request: the graph answers
    ["my father needs a facet injection for his low back (64493), can you tell me if he "
     "qualifies?", "PT 14 weeks"],
]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("PRIORAUTH_DATABASE_URL", raising=False)
    monkeypatch.setenv("PRIORAUTH_UNDERSTANDING", "offline")
    return tmp_path


def _chat(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
          lines: list[str], *args: str) -> tuple[str, list[str]]:
    """The banner's thread id and the replies printed to ``lines``, typed then Ctrl-D."""
    feed: Iterator[str] = iter(lines)

    def fake_input(prompt: str = "") -> str:
        print(prompt, end="")
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", fake_input)
    assert cli.main(["chat", *AS_OF, *args]) == 0
    out = capsys.readouterr().out
    thread = re.match(r"priorauth chat — thread (\S+?)[ .]", out)
    assert thread is not None, out
    assert "saved conversation's reply" not in out and "not saved" not in out, out
    replies = out.split("\nyou> ")[1:]
    replies[-1] = replies[-1].split("\nConversation saved.")[0]
    return thread.group(1), replies


@pytest.mark.parametrize("lines", CONVERSATIONS, ids=lambda lines: lines[0][:30])
def test_a_new_chat_s_first_reply_and_the_next_are_the_graph_s(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture,
        lines: list[str]) -> None:
    quick, replies = _chat(monkeypatch, capsys, lines)  # a new conversation: chat_start
    graph, expected = _chat(monkeypatch, capsys, lines, "--thread", f"g{next(_THREADS)}")
    assert replies == expected
    from agent.config import Settings
    from agent.session import Assistant

    saved = Assistant(Settings())
    try:
        assert saved.history(quick) == saved.history(graph)
        assert saved.case(quick) == saved.case(graph)
    finally:
        saved.close()


def test_a_new_chat_answers_its_first_message_without_langgraph(tmp_path: Path) -> None:
    script = ("import sys\nfrom priorauth import cli, terminal\n"
              "shown = terminal.reply_text\nseen = []\n"
              "def reply_text(*args, **kwargs):\n"
              "    seen.append([m for m in ('langgraph', 'langchain_core', 'langsmith') "
              "if m in sys.modules])\n"
              "    return shown(*args, **kwargs)\n"
              "terminal.reply_text = reply_text\n"
              "code = cli.main(['chat', '--as-of', '2026-11-23'])\n"
              "print(seen, file=sys.stderr)\nsys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          input="does this case qualify for 64493?\n", cwd=ROOT, timeout=120,
                          env={**os.environ, "PRIORAUTH_DATA_DIR": str(tmp_path),
                               "PRIORAUTH_UNDERSTANDING": "offline"})
    assert done.returncode == 0, done.stderr
    assert "please answer" in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[[]]"  # the first reply, before LangGraph
