"""Session 29, chat29: replies in chat a nurse can act on (outside tester 28's C3, C4, C5
and the chat parts of F10, M2). Wordings are this file's own, in several voices (a phone
relay, a PT progress form, a pulmonology letter, a typed chat reply); guards keep what was
right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.session import Assistant

Bot = Callable[[date], Assistant]
TODAY = date(2026, 12, 5)


def _first(bot: Assistant, said: str) -> str:
    return bot.send("c", said).reply.split("\n", 1)[0]


# --- C5: "No change to the case can make it qualify" where a new assessment could -------
# (outside tester 28: a FEV1 of 84 %, a pain score of 3: a new PFT, a new score may meet
# the rule; saying nothing can is false. Never a value to put in: one a new assessment
# documents.)

@pytest.mark.parametrize(("cpt", "note", "asked", "limit"), [
    ("64493", "Phone relay from Dr. Amadi's office: lumbar facet pain, she rates it 2 out "
              "of 10 today, not cosmetic.", "what would it take to qualify?", "at least 4"),
    ("71250", "Pulmonology letter: spirometry last week, FEV1 88% of predicted, chronic "
              "cough since spring.", "what would make it qualify?", "below 80"),
    ("97110", "PT progress form. Functional impairment: mild (LEFS 64/80). Dx: R knee "
              "osteoarthritis.", "how can we get it to qualify?", "Moderate"),
])
def test_a_denial_on_a_measured_value_says_a_new_assessment_could_meet_it(
        assistant_at: Bot, cpt: str, note: str, asked: str, limit: str) -> None:
    bot = assistant_at(TODAY)
    bot.send("c", cpt)
    assert "Does not meet" in bot.send("c", note).reply
    first = _first(bot, asked)
    assert "No change to the case can make it qualify" not in first
    assert "new assessment" in first and limit in first


@pytest.mark.parametrize("note", [
    # guards: a permanent exclusion, alone or beside a measured shortfall, is still closed
    "Facet injection requested for cosmetic reasons per the patient.",
    "Pain 2/10. The injection is wanted for cosmetic purposes.",
])
def test_a_permanent_exclusion_still_says_nothing_can_change_it(assistant_at: Bot,
                                                               note: str) -> None:
    bot = assistant_at(TODAY)
    bot.send("c", "64493")
    assert "Does not meet" in bot.send("c", note).reply
    first = _first(bot, "what would make it qualify?")
    assert first.startswith("No change to the case can make it qualify")
