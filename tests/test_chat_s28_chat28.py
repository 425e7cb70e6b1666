"""Session 28, chat28: replies in chat a nurse can act on (outside tester 27's C1, C5, C7,
C9 and F6's chat part). Wordings are this file's own, in several voices (a UR reviewer's
problem list, a typed chat reply, a phone relay); guards keep what was right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.session import Assistant

Bot = Callable[[date], Assistant]


# --- C5: after a denial, plain answers to the questions listed a turn earlier -------------
# (a nurse answering the list on screen one question at a time does not know that the
# answer before decided the case: outside tester 27 got "Could not read '13 weeks'")

_UR_REVIEW = ("UR review: lumbar radiculopathy. Problem list: cirrhosis, followed by "
              "hepatology. PT then gabapentin, 2 courses, no relief. Pain 5/10 before PT, "
              "7/10 now. ODI no significant improvement over the last 6 weeks. H&P 11/24/2026 "
              "(meds, allergies, surgeries, neuro exam, pain evaluation). MRI 11/02/2026: L4 "
              "root compression with inflammation, foraminal stenosis, readable. CRP 12 (H). "
              "Treatment logs on file; pain consult 11/24/2026. Cannot work. No infection. "
              "Not pregnant. Not cosmetic.")


def _denied(bot: Assistant) -> str:
    bot.send("c", "62311")
    listed = bot.send("c", _UR_REVIEW).reply
    assert "weeks of conservative treatment" in listed
    reply = bot.send("c", "her liver disease is severe").reply
    assert "Does not meet" in reply
    return reply


@pytest.mark.parametrize(("answer", "said"), [
    ("16 weeks", "Conservative treatment: 16 weeks"),
    ("16 wks", "Conservative treatment: 16 weeks"),
    ("sixteen weeks", "Conservative treatment: 16 weeks"),
])
def test_a_bare_answer_after_a_denial_answers_the_question_listed_before(
        assistant_at: Bot, answer: str, said: str) -> None:
    bot = assistant_at(date(2026, 12, 5))
    _denied(bot)
    reply = bot.send("c", answer).reply
    assert said in reply
    assert "ould not read" not in reply


def test_a_question_answered_after_the_denial_is_not_answered_again(assistant_at: Bot) -> None:
    # guard: once the weeks are recorded, a second bare figure is not taken as them
    bot = assistant_at(date(2026, 12, 5))
    _denied(bot)
    bot.send("c", "16 weeks")
    reply = bot.send("c", "12").reply
    assert "16 weeks → 12" not in reply and "Conservative treatment: 12" not in reply


def test_a_new_case_forgets_the_questions_listed_for_the_last(assistant_at: Bot) -> None:
    # guard: "new case" clears what was listed; a bare figure then answers nothing of it
    bot = assistant_at(date(2026, 12, 5))
    _denied(bot)
    bot.send("c", "new case")
    reply = bot.send("c", "16 weeks").reply
    assert "Conservative treatment: 16 weeks" not in reply
