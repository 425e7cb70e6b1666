"""Whose and when a statement is (session 23, whose23): another person's condition, a
history against now. Wordings are this file's own, in several voices (a pre-op phone
screen, an insurer's nurse-reviewer summary, a chat reply, a hospice intake, a letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- care denied for a condition is history, not a denial of the condition now -------------
# (a nurse reads "never needed a hospital stay for X" as the patient's past: whether X is
# suspected now is still open)

@pytest.mark.parametrize("text", [
    # a pre-op phone screen
    "Phone screen: caller states she's never needed a hospital stay for bronchitis or "
    "pneumonia in her life.",
    # an insurer's nurse-reviewer summary
    "Reviewer summary - member has no ICU or inpatient stays with any chest infection / "
    "pneumonia on record.",
    # a chat reply
    "nope never been in the hospital with a pneumonia",
    # a hospice intake, lay words
    "Wife says he was never treated in hospital for his chest, not for asthma nor pneumonia.",
    # a letter
    "To my knowledge Mr Obi has never been admitted, nor given intravenous antibiotics, "
    "for a pneumonia.",
    # a discharge planner: "nor had" goes on denying
    "Has never been hospitalised, nor had IV antibiotics, with a chest infection or "
    "pneumonia.",
])
def test_care_denied_for_a_pneumonia_says_nothing_of_a_pneumonia_now(text: str) -> None:
    assert "bacterial_pneumonia" not in read(text, "71250")


# --- the care denied, both kinds the policy names: no previous pneumonia needing it --------

@pytest.mark.parametrize("text", [
    # a letter
    "To my knowledge Mr Obi has never been admitted, nor given IV antibiotics, for a "
    "pneumonia.",
    # a discharge planner, British spelling
    "Has never been hospitalised, nor had IV antibiotics, with a chest infection or "
    "pneumonia.",
    # terse
    "Never hospitalized or on IV abx for PNA.",
    # treated another way, said after
    "Never needed a hospital stay for her pneumonia in 2019; it was treated at home with "
    "amoxicillin.",
])
def test_both_kinds_of_care_denied_deny_a_pneumonia_needing_them(text: str) -> None:
    assert read(text, "71250").get("pneumonia_hospitalization") is False


@pytest.mark.parametrize("text", [
    "Afebrile, nor has she had any pneumonia this winter.",
    "No cough, nor did he have a pneumonia on the last film.",
])
def test_nor_goes_on_denying(text: str) -> None:
    assert read(text, "71250").get("bacterial_pneumonia") is not True


# --- a neighbour's or a fellow patient's illness is theirs -----------------------------------
# (someone who shares the patient's street, ward or chair is no relative, and no patient)

@pytest.mark.parametrize("text", [
    # an infusion-suite nurse, the neighbour named by a title and an initial in brackets
    "Infusion suite: chair neighbour (Mrs. K.) admitted with pneumonia Tuesday; we moved "
    "pt to bay 3.",
    # a home visit
    "Lives alone. Her neighbour down the hall was hospitalized with pneumonia last month "
    "and she is frightened of catching it.",
    # a group-home log
    "Another client at the day program was admitted with pneumonia in November.",
    # a chat reply
    "no not him - his neighbor had the pneumonia, he just drove him to the ER",
])
def test_a_neighbours_pneumonia_is_not_the_patients(text: str) -> None:
    got = read(text, "71250")
    assert got.get("pneumonia_hospitalization") is not True
    assert got.get("bacterial_pneumonia") is not True


@pytest.mark.parametrize("text", [
    "Fellow resident in room 12 is pregnant - staff asked about visiting rules.",
    "The gentleman in the next bay has a chest infection; pt wants a mask.",
])
def test_a_fellow_patients_state_is_not_the_patients(text: str) -> None:
    got = read(text, "71250")
    assert str(got.get("pregnancy")) not in ("pregnant", "not_applicable")
    assert got.get("bacterial_pneumonia") is not True


# --- a form's label of two things joined by a slash is a label, not an answer ----------------

@pytest.mark.parametrize("text", [
    "Exclusion 4 - pregnancy/breastfeeding: n/a (male)",
    "SCREEN  pregnancy/lactation = n/a (m)",
])
def test_a_slash_joined_label_is_no_pregnancy(text: str) -> None:
    assert str(read(text, "62311").get("pregnancy")) == "not_applicable"


# --- in a relative's sentence, a subject pronoun of the other sex is the patient -------------
# (the wife is "she": the "he" after her is someone else, and here the patient)

@pytest.mark.parametrize("text", [
    # an occupational-health note
    "Employee's wife delivered twins on 11/28 - he is off on paternity leave until January.",
    # a chat reply
    "wife just had surgery so he is doing all the driving",
])
def test_a_man_after_a_woman_relative_is_the_patient(text: str) -> None:
    assert str(read(text, "97110").get("pregnancy")) == "not_applicable"


@pytest.mark.parametrize("text", [
    "Her husband had his knee done in May - she is 24 weeks pregnant.",
])
def test_a_woman_after_a_man_relative_is_the_patient(text: str) -> None:
    assert str(read(text, "97110").get("pregnancy")) == "pregnant"


# --- a note named after planning is no plan -----------------------------------------------

@pytest.mark.parametrize("text", [
    "Transition planning note: 59 y/o male inpatient with community-acquired pneumonia, "
    "IV antibiotics ongoing.",
])
def test_a_planning_notes_title_makes_no_plan(text: str) -> None:
    got = read(text, "71250")
    assert str(got.get("pregnancy")) == "not_applicable"
