"""A false reading does its harm where it decides: the rows a decision rests on show the
user's words each was read from, so "his wife is pregnant" read as pregnant is seen
beside the pregnancy exclusion, not only in a table of twenty readings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agent.config import Settings
from agent.session import Assistant
from priorauth import web_view

AS_OF = date(2026, 11, 20)
CASE = ("does this qualify for 64493?",
        "55 yo woman, low back pain 6 months, PT 14 weeks with 8 weeks exercise, 3 weeks "
        "manual, 3 weeks education, pain 7/10, she is 8 weeks pregnant")


def test_a_denial_shows_the_users_words_beside_the_clause_it_rests_on() -> None:
    a = Assistant(Settings(understanding="offline"), checkpointer=InMemorySaver(), as_of=AS_OF)
    *_, turn = [a.send("t", m) for m in CASE]
    assert turn.verdict["decision"] == "does_not_meet"
    words = turn.facts["pregnancy"]["words"]
    assert words in CASE[1]
    rests = turn.reply.split("Policy text the decision rests on:", 1)[1]
    assert f'Read from your words: "{words}"' in rests.split("What would make it", 1)[0]
    card = web_view.card_props(turn.structured)
    row = next(b for b in card["blocking"] if b["clause"] == "64493.exclusion.2")
    assert row["said"] == [words]


def test_check_text_shows_the_words_beside_the_deciding_clause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    from priorauth import cli

    monkeypatch.setenv("PRIORAUTH_DATA_DIR", str(tmp_path))
    assert cli.main(["check", "--cpt", "64493", "--as-of", "2026-11-20", "--text",
                     "Low back pain 6 months, PT 4 weeks, pain 7/10."]) == 0
    out = capsys.readouterr().out
    rests = out.split("Policy text relied on", 1)[1].split("What would make it", 1)[0]
    assert "64493.coverage.1 " in rests
    assert 'read from your words: "PT 4 weeks"' in rests
