"""A question about a named policy's rule, asked before any case is open, is answered
from that policy alone (it listed the epidural's and physical therapy's infection
exclusions for "the facet injection policy")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from agent.config import Settings
from agent.session import Assistant


@pytest.mark.parametrize(("question", "clause", "not_clauses"), [
    ("what does the facet injection policy say about infection?", "64493.exclusion.1",
     ("62311.", "97110.")),
    ("for an epidural, what's the minimum pain score?", "62311.", ("64493.", "97110.")),
])
def test_a_question_naming_a_policy_is_answered_from_it(tmp_path: Path, question: str,
                                                        clause: str,
                                                        not_clauses: tuple[str, ...]) -> None:
    bot = Assistant(Settings(data_dir=tmp_path, understanding="offline"),
                    as_of=date(2026, 11, 23))
    try:
        reply = bot.send("q", question).reply
    finally:
        bot.close()
    assert clause in reply
    assert not any(other in reply for other in not_clauses)


@pytest.mark.parametrize("said", ["she has 2 dogs", "she works 3 jobs", "3 kids at home",
                                  "lives with 2 cats"])
def test_a_count_of_something_else_answers_no_pain_change(tmp_path: Path, said: str) -> None:
    """A figure that counts other things is no change of a pain score (outside tester 21
    F10: "she has 2 dogs" was recorded as +2 points), while a bare "2" still answers."""
    bot = Assistant(Settings(data_dir=tmp_path, understanding="offline"),
                    as_of=date(2026, 12, 4))
    try:
        bot.send("c", "62311")
        reply = bot.send("c", said).reply
        bare = bot.send("c", "2").reply
    finally:
        bot.close()
    assert "Change in pain score after conservative treatment (NRS points, + = worse): 2" \
        not in reply
    assert "Change in pain score after conservative treatment" in bare



@pytest.mark.parametrize(("cpt", "said", "fact"), [
    ("62311", "18 weeks conservative", "conservative_weeks"),
    ("62311", "16 wks of conservative care", "conservative_weeks"),
    ("97110", "conservative tx 20 weeks", "conservative_weeks"),
    ("64493", "14 weeks PT total", "pt_weeks"),
])
def test_a_figure_the_reply_gives_another_fact_answers_nothing_else(
        cpt: str, said: str, fact: str) -> None:
    """A short reply that names its own fact ("18 weeks conservative") gives that fact
    its figure, not also the symptom question on screen (outside tester 21 F6: the
    symptom duration became 18 weeks too)."""
    from agent.reading import understand

    got = understand(said, cpt=cpt, pending=["symptom_weeks"], as_of=date(2026, 12, 4))
    facts = {r.fact for r in got.facts}
    assert fact in facts and "symptom_weeks" not in facts, got.facts
