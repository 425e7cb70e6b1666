"""Session 31, chat31b: outside tester 31's chat findings. F12: with a figure question
open, a lab value typed by its name ("A1c", "Lp(a)", "B12", "T4") is that lab's, never the
answer to the open question, whether the reader knows the lab or not; a bare figure or one
named by the question's own words still answers. Wordings are this file's own (typed
relays from a clinic's front desk)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from agent.session import Assistant

_AS_OF = date(2026, 12, 6)


def _pain_change_open(assistant_at: Callable[[date], Assistant]) -> Assistant:
    bot = assistant_at(_AS_OF)
    bot.send("c", "does this case qualify for 62311?")
    reply = bot.send("c", "she has had back and leg symptoms since 05/15/2026").reply
    assert "By how many points did the pain score" in reply
    return bot


@pytest.mark.parametrize("said", [
    "labs from the front desk: A1c 6.2",
    "lipid clinic result, Lp(a) 4.1",
    "B12 = 2.8 (ref 2-9)",
    "T4 1.9",
])
def test_a_labs_figure_is_no_change_in_pain(
        assistant_at: Callable[[date], Assistant], said: str) -> None:
    bot = _pain_change_open(assistant_at)
    reply = bot.send("c", said).reply
    assert "Change in pain score" not in reply.split("**")[0]
    assert "| Change in pain score" not in bot.send("c", "what have you recorded?").reply


@pytest.mark.parametrize(("said", "value"), [
    ("4", "4 points"),
    ("pain went up 3 points", "3 points"),
])
def test_a_bare_or_named_change_still_answers(
        assistant_at: Callable[[date], Assistant], said: str, value: str) -> None:
    bot = _pain_change_open(assistant_at)
    reply = bot.send("c", said).reply
    assert f"Change in pain score after conservative treatment (NRS points, + = worse): {value}" \
        in reply



# C10: a line copied from a dated record ("triage sheet 12/02: Active infection: [X] No")
# that the reply used is not also said to be unread.

def _fresh(assistant_at: Callable[[date], Assistant], cpt: str) -> Assistant:
    bot = assistant_at(_AS_OF)
    bot.send("c", f"does this case qualify for {cpt}?")
    return bot


@pytest.mark.parametrize(("cpt", "said", "noted"), [
    ("64493", "triage sheet 12/02: Active infection: [X] No", "Active infection: no"),
    ("97110", "pre-op questionnaire 11/30/2026: Pregnant: no (urine hCG negative)",
     "Pregnancy: Not pregnant"),
    ("62311", "home health intake 12.01.2026: Active infection: none", "Active infection: no"),
])
def test_a_dated_records_line_used_is_not_called_unread(
        assistant_at: Callable[[date], Assistant], cpt: str, said: str, noted: str) -> None:
    reply = _fresh(assistant_at, cpt).send("c", said).reply
    assert noted in reply
    assert "could not read" not in reply.lower()


def test_a_heading_naming_a_fact_with_its_day_is_still_said_unread(
        assistant_at: Callable[[date], Assistant]) -> None:
    # the heading's day dates a treatment, not the record: if unread, it is said
    reply = _fresh(assistant_at, "64493").send(
        "c", "started the medication trial 10/02: Active infection: [X] No").reply
    assert "Active infection: no" in reply
    assert 'could not read "started the medication trial 10/02' in reply


# C3: a bare "none" that a count question and a yes/no question shown both take is asked
# about, never held as the yes/no's answer.

_TYPED_62311 = ("phone relay from the spine clinic: back and leg pain since 03/01/2026; "
                "MRI 11/20/2026 shows L5 nerve root compression; radicular pain; H&P "
                "11/25/2026 with meds allergies surgical history neuro exam and pain "
                "evaluation; pain 7/10 up from 4/10; ODI no significant improvement; "
                "no severe comorbidities, no infection, not pregnant")


@pytest.mark.parametrize("said", ["none", "None.", "NONE"])
def test_a_bare_none_with_a_count_and_a_yes_no_open_is_asked(
        assistant_at: Callable[[date], Assistant], said: str) -> None:
    bot = _fresh(assistant_at, "62311")
    shown = bot.send("c", _TYPED_62311).reply
    assert "How many courses of conservative treatment" in shown
    reply = bot.send("c", said).reply
    head = reply.split("**")[0]
    assert "which question does it answer" in head
    assert "Noted:" not in head and "please confirm" not in head


def test_a_bare_no_to_the_same_questions_is_not_stored_as_a_count(
        assistant_at: Callable[[date], Assistant]) -> None:
    bot = _fresh(assistant_at, "62311")
    bot.send("c", _TYPED_62311)
    head = bot.send("c", "no").reply.split("**")[0]
    assert "0 courses" not in head and "0 weeks" not in head


# C8: "Pt" doing what a person does is the patient: no physical-therapy figure to ask.

@pytest.mark.parametrize("said", [
    "Pt accompanied by her son today",
    "pt states she is tired of waiting",
    "pt arrived late with her walker",
])
def test_pt_as_the_patient_asks_no_therapy_figure(
        assistant_at: Callable[[date], Assistant], said: str) -> None:
    reply = _fresh(assistant_at, "64493").send("c", said).reply
    assert "what is the physical therapy completed" not in reply


def test_pt_as_therapy_still_asks_its_figure(
        assistant_at: Callable[[date], Assistant]) -> None:
    reply = _fresh(assistant_at, "64493").send("c", "PT helped a bit").reply
    assert "what is the physical therapy completed" in reply
