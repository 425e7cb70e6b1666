"""A note of another patient pasted into a case is not merged into it (outside tester 22
F10: a second note for another named patient, with another date of birth, turned a right
meets_criteria into a does_not_meet, "Cannot be pregnant -> Pregnant", without a word)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.session import Assistant

FIRST = ("Patient: Donna Hughes, DOB 08/30/1971. Postmenopausal. Low back pain for 8 "
         "months, NRS 6/10. No active infection.")
OTHER = ("PAIN CLINIC NOTE 12/03/2026 - Patient: Maria Lopez, DOB 04/04/1990 (36F). Urine "
         "hCG positive today. NRS 7/10.")


@pytest.fixture
def bot(assistant_at: Callable[[date], Assistant]) -> Assistant:
    return assistant_at(date(2026, 12, 5))


def _recorded(bot: Assistant) -> str:
    return bot.send("c", "what have you recorded?").reply


def test_another_patients_note_is_not_merged(bot: Assistant) -> None:
    bot.send("c", "64493")
    bot.send("c", FIRST)
    reply = bot.send("c", OTHER).reply
    assert "Maria Lopez" in reply and "Donna Hughes" in reply
    assert "not used" in reply
    recorded = _recorded(bot)
    assert "Cannot be pregnant" in recorded and "Pregnant |" not in recorded
    assert "6 points" in recorded and "7 points" not in recorded


@pytest.mark.parametrize("second", [
    # the same date of birth, another visit's note
    "Follow-up 12/04/2026. DOB 08/30/1971. NRS now 7/10.",
    # the writer says it is the same patient
    "same patient - her married name: Patient: Donna Lopez, DOB 08/30/1971. NRS 7/10.",
])
def test_the_same_patients_next_note_is_merged(bot: Assistant, second: str) -> None:
    bot.send("c", "64493")
    bot.send("c", FIRST)
    reply = bot.send("c", second).reply
    assert "not used" not in reply
    assert "7 points" in _recorded(bot)


def test_a_name_alone_that_differs_is_another_patient(bot: Assistant) -> None:
    bot.send("c", "97110")
    bot.send("c", "Name: Ann Whitfield. Knee pain 7/10 for 5 months.")
    reply = bot.send("c", "Name: Rita Gomez. Pain 3/10, pregnant 20 weeks.").reply
    assert "Rita Gomez" in reply and "not used" in reply
    assert "7 points" in _recorded(bot)


def test_a_new_case_for_the_other_patient_starts_clean(bot: Assistant) -> None:
    bot.send("c", "64493")
    bot.send("c", FIRST)
    reply = bot.send("c", "new case: " + OTHER).reply
    assert "not used" not in reply
    recorded = _recorded(bot)
    assert "7 points" in recorded and "Cannot be pregnant" not in recorded


def test_a_note_taken_back_as_another_patients_frees_the_case(bot: Assistant) -> None:
    bot.send("c", "64493")
    bot.send("c", OTHER)
    bot.send("c", "that's the other patient")
    reply = bot.send("c", FIRST).reply
    assert "not used" not in reply
    assert "6 points" in _recorded(bot)


def test_a_film_of_another_complaint_pasted_later_does_not_replace_the_cases(
        bot: Assistant) -> None:
    """Outside tester 22 F5: a shoulder case's old X-ray date was replaced by a knee film
    the paste itself called a different complaint, and the case reached a false
    meets_criteria."""
    bot.send("c", "97110")
    bot.send("c", "Right shoulder pain for 7 months. XR right shoulder 05/29/2026.")
    bot.send("c", "X-RAY LEFT KNEE 11/30/2026 (Marcus Bell): mild medial joint space "
                  "narrowing. Different complaint - knee, not the shoulder.")
    recorded = _recorded(bot)
    assert "2026-05-29" in recorded and "2026-11-30" not in recorded
