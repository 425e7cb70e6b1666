"""Corrections in a chat (session 18, corr18): a reply that opens "no wait" / "no, sorry,
..." corrects what the nurse said, it is no "no" to the question on screen; and a
decimal comma in a correction ("that was 37,4") is a decimal where the conversation
already holds a figure with one decimal place (outside tester session 16 F9: the pain
score moved from 6 to 4 and the temperature became 37). Wordings are the fixer's own."""

from __future__ import annotations

from datetime import date

import pytest
from test_chat_start import _chat, data_dir  # noqa: F401 — the fixture, by name

from agent.reading import understand

AS_OF = date(2026, 12, 4)


def _facts(text: str, cpt: str, pending: list[str], known: dict | None = None) -> dict:
    got = understand(text, cpt=cpt, pending=pending, as_of=AS_OF, known=known)
    return {r.fact: str(r.value) for r in got.facts}


@pytest.mark.parametrize("text", [
    "no wait, the temp was 37.1",
    "no - hold on, I mean the temperature was 36.9",
    "nope, sorry, her temp this morning was 37.0",
    "no wait",
    "No, scratch that: T 36.8",
])
def test_a_no_that_opens_a_self_correction_answers_nothing(text: str) -> None:
    got = _facts(text, "71250", ["pregnancy", "bacterial_pneumonia"])
    assert "pregnancy" not in got and "bacterial_pneumonia" not in got, got


@pytest.mark.parametrize("text", ["no", "no, sorry", "sorry, no", "nope"])
def test_a_plain_no_still_answers(text: str) -> None:
    assert _facts(text, "71250", ["pregnancy"]).get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize(("text", "known", "fact", "value"), [
    ("no wait, that was 37,4 - I misread", {"body_temperature": 38.4, "pain_nrs": 6.0},
     "body_temperature", "37.4 C"),
    ("sorry, the FEV1 was 61,5", {"fev1_percent_predicted": 58.5},
     "fev1_percent_predicted", "61.5"),
    ("correction: temp 36,8", {"body_temperature": 38.2}, "body_temperature", "36.8 C"),
])
def test_a_bare_decimal_comma_is_a_decimal_once_the_chat_holds_decimals(
        text: str, known: dict, fact: str, value: str) -> None:
    got = understand(text, cpt="71250", pending=[], as_of=AS_OF, known=known)
    said = {r.fact: str(r.value) for r in got.facts}
    assert said.get(fact) == value and "pain_nrs" not in said, said


def test_a_comma_list_stays_a_list_without_decimals_in_the_chat() -> None:
    # whole figures stored: "12,14" is no 12.14
    got = understand("PT 12,14 weeks?", cpt="64493", pending=[], as_of=AS_OF,
                     known={"pt_weeks": 12.0})
    assert all(str(r.value) != "12.14 weeks" for r in got.facts)


@pytest.mark.usefixtures("data_dir")
def test_a_comma_decimal_correction_in_chat_moves_only_the_temperature(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    _thread, replies = _chat(monkeypatch, capsys, [
        "CT chest for a 61F, does she qualify?",
        "short of breath and coughing for 11 weeks, chest pain 7/10",
        "temp 38,3 °C at triage",
        "no wait, it was 37,3, I read the wrong line"])
    last = replies[3]
    assert "37.3 C" in last, last
    assert "Pain score" not in last and "Pregnan" not in last, last


# A tally is no span of weeks (outside tester session 16 F18: a board's "2-1" vote answered
# the supervised-exercise question with 2 weeks and denied the case).
@pytest.mark.parametrize("text", [
    "Committee outcome: approve, 2-1.",
    "the panel voted 4 to 1 in favour",
    "3-2",
    "Peer review: proceed (vote 5-0).",
])
def test_a_vote_tally_answers_no_week_question(text: str) -> None:
    got = _facts(text, "64493", ["pt_exercise_weeks", "pt_manual_weeks"])
    assert "pt_exercise_weeks" not in got and "pt_manual_weeks" not in got, got


def test_a_bare_count_still_answers() -> None:
    got = _facts("7 weeks", "64493", ["pt_exercise_weeks"])
    assert got.get("pt_exercise_weeks") == "7 weeks"


# An outcome after the care it judges is that care's outcome, not the functional
# assessment the question on screen asks about (outside tester session 17 F13).
@pytest.mark.parametrize("text", [
    "conservative care 16 weeks - naproxen then home exercises, no improvement",
    "did PT for 10 weeks and two NSAIDs, unchanged",
    "she tried 3 months of meds and therapy, no change",
])
def test_an_outcome_of_treatment_is_no_functional_assessment(text: str) -> None:
    got = _facts(text, "62311", ["severe_comorbidities", "pain_nrs_increase",
                                 "functional_assessment_6_weeks"])
    assert "functional_assessment_6_weeks" not in got, got


@pytest.mark.parametrize(("text", "value"), [
    ("no improvement", "not_improved"),
    ("ODI unchanged", "not_improved"),
    ("PT 12 weeks, ODI unchanged over 6 weeks", "not_improved"),
])
def test_a_functional_answer_that_names_it_or_stands_alone_is_read(text: str, value: str) -> None:
    got = _facts(text, "62311", ["functional_assessment_6_weeks"])
    assert got.get("functional_assessment_6_weeks") == value, got


# A figure named "the N" and given to someone else is taken back (outside tester session 17,
# chat U: "correction: the WBC was 9,800 - the 16,800 was the lab's previous patient" asked
# which WBC was current).
@pytest.mark.parametrize(("text", "known", "fact", "value"), [
    ("the white count was 11,900 - the 18,300 was someone else", {"wbc_count": 18300.0},
     "wbc_count", "11900"),
    ("correction: leukocytes 10,200, the 17,400 was somebody else's draw",
     {"wbc_count": 17400.0}, "wbc_count", "10200"),
    ("temp was 37.1 - the 38.9 was the patient before her", {"body_temperature": 38.9},
     "body_temperature", "37.1 C"),
])
def test_a_figure_given_to_someone_else_is_taken_back(
        text: str, known: dict, fact: str, value: str) -> None:
    assert _facts(text, "71250", [], known).get(fact) == value


def test_a_note_s_figure_given_to_another_patient_is_not_read() -> None:
    got = _facts("WBC 16,800 on 12/01; repeat WBC 9,100 today - the 16,800 was the other "
                 "patient in the room", "71250", [])
    assert got.get("wbc_count") != "16800", got


def test_a_figure_named_as_the_right_one_is_kept() -> None:
    got = _facts("WBC 12,400 - the 12,400 is from this morning", "71250", [])
    assert got.get("wbc_count") == "12400", got
