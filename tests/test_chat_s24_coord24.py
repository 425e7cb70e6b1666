"""Session 24, coordinator: a later message that puts a stored answer in doubt sets it
aside and asks it again, so the verdict no longer stands on it (outside tester 24 F1: an ED
note's pyelonephritis after a care plan's "no active infection" was asked "is it still so,
or over?" while "Meets the criteria" and its authorization window stayed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml

from agent.session import Assistant

NOTE = yaml.safe_load((Path(__file__).parent.parent / "evals/reader/notes/62311/"
                       "f27-62311-note-union-fund-claim-meets.yaml").read_text())


@pytest.fixture
def bot(assistant_at: Callable[[date], Assistant]) -> Assistant:
    bot = assistant_at(NOTE["as_of"])
    bot.send("c", "62311")
    assert "Meets the criteria" in bot.send("c", NOTE["text"]).reply
    return bot


@pytest.mark.parametrize("later", [
    "ED visit 12/20: diagnosed with acute pyelonephritis, discharged on cephalexin.",
    "Pt called: wound on his shin from last week, on doxycycline since Monday.",
])
def test_a_later_infection_in_doubt_takes_the_verdict_back_to_a_question(
        bot: Assistant, later: str) -> None:
    reply = bot.send("c", later).reply
    assert "Meets the criteria" not in reply
    assert "Active infection: no → set aside; asked again" in reply
    assert "1. Does the patient have an active infection" in reply


def test_an_unrelated_message_keeps_the_verdict(bot: Assistant) -> None:
    # guard: a message that doubts nothing stored leaves the case as it was
    reply = bot.send("c", "what have you recorded?").reply
    assert "set aside" not in reply


@pytest.mark.parametrize(("cpt", "reply"), [
    ("97110", "she's due in 1 month - can we recheck after delivery?"),
    ("62311", "baby is due in about 3 months, we'll resubmit after"),
    ("64493", "will recheck in 6 weeks with ortho"),
])
def test_a_time_to_come_answers_no_length_question(assistant_at: Callable[[date], Assistant],
                                                   cpt: str, reply: str) -> None:
    # (outside tester 24 F3: "due in 1 month" was 4.3 weeks of conservative treatment and
    # a false does_not_meet)
    bot = assistant_at(date(2026, 12, 5))
    bot.send("c", cpt)
    answer = bot.send("c", reply).reply
    assert "Noted:" not in answer and "does not meet" not in answer.lower()
    assert "weeks (\"" not in answer
