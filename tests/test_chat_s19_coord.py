"""A figure said to be said before ("like I said, 13 weeks") that is the value already
recorded for another fact repeats that fact: it is not stored as the answer to an open
question (replies19 found "like I said, 13 weeks" stored as the manual therapy's weeks
while the PT parts were asked, PT being 13 weeks). Wordings are the coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest

from agent.reading import understand
from agent.reading.rules import fact_specs
from policies.facts import parse_value

TODAY = date(2026, 12, 4)
PARTS = ["pt_manual_weeks", "pt_education_weeks"]


def _known() -> dict[str, object]:
    specs = fact_specs("64493")
    return {"pt_weeks": parse_value("pt_weeks", specs["pt_weeks"], "13 weeks", TODAY),
            "pt_exercise_weeks": parse_value("pt_exercise_weeks", specs["pt_exercise_weeks"],
                                             "7 weeks", TODAY)}


@pytest.mark.parametrize("text", [
    "like I said, 13 weeks",
    "13 weeks, as I already said",
    "I told you, 13 weeks.",
])
def test_a_value_said_again_answers_no_open_question(text: str) -> None:
    got = understand(text, cpt="64493", pending=PARTS, as_of=TODAY, known=_known())
    assert not [r for r in got.facts if r.fact in PARTS]
    assert any("already recorded as 13 weeks" in n for n in got.notices)
    assert not got.unread  # the notice says it all: no "could not read" beside it


def test_a_pointer_back_before_a_new_figure_still_answers_the_first_question() -> None:
    got = understand("like I said, 3 weeks", cpt="64493", pending=PARTS, as_of=TODAY,
                     known=_known())
    assert [(r.fact, str(r.value)) for r in got.facts] == [("pt_manual_weeks", "3 weeks")]


def test_the_same_figure_without_a_pointer_back_answers_the_question() -> None:
    got = understand("13 weeks", cpt="64493", pending=PARTS, as_of=TODAY, known=_known())
    assert [(r.fact, str(r.value)) for r in got.facts] == [("pt_manual_weeks", "13 weeks")]


@pytest.mark.parametrize("text", [
    "NEW PATIENT PAIN QUESTIONNAIRE - Lakeshore Spine\nName: J. Doe   Age: 57   Sex: F\n"
    "Where is your pain?  [X] low back",
    "New patient health history form\n1. Pain now (0-10): 6",
])
def test_a_form_titled_new_patient_is_no_request_to_start_over(text: str) -> None:
    got = understand(text, cpt="64493", pending=[], as_of=TODAY)
    assert not got.start_over


@pytest.mark.parametrize("text", ["new patient", "New patient: 54F with LBP x 6 months",
                                  "start over please"])
def test_a_new_case_asked_for_still_starts_over(text: str) -> None:
    assert understand(text, cpt="64493", pending=[], as_of=TODAY).start_over
