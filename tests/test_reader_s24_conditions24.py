"""Conditions and findings (session 24, conditions24). Wordings are this file's own, in
several voices (an HR e-mail, a case manager's form, a terse triage line, a patient's
portal message, a GP's letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a work arrangement is what an employer set, not what the symptoms take away ------------
# (a work status or a treatment list naming light / modified / restricted duty says nothing of
# how the pain limits the patient's life; said as a change the pain forced, it does)

@pytest.mark.parametrize("text", [
    # a case manager's form
    "Return-to-work status: modified duty until re-evaluation on 01/10/2027.",
    # an HR e-mail
    "Per HR, Ms. Ortiz remains on restricted duty per the employer's policy through January.",
    # a treatment list in a union claim
    "Treatment so far: physio 10 wks, ibuprofen 400 tds, light duty + gym programme. No better.",
    # a terse triage line
    "WC pt. Light duty x 6 wks, meloxicam 15 daily.",
])
def test_a_work_arrangement_alone_is_no_impact_on_daily_life(text: str) -> None:
    assert read(text, "62311").get("symptoms_impact_daily_life") is None


@pytest.mark.parametrize("text", [
    # a patient's portal message
    "Because of my back I had to go on desk duty at the plant.",
    # a GP's letter
    "He has had to move to lighter duty at the depot since the leg pain began.",
    # a chat reply
    "she had to switch to modified duty, the pain is that bad",
])
def test_a_duty_the_pain_forced_is_an_impact(text: str) -> None:
    assert str(read(text, "62311").get("symptoms_impact_daily_life")) == "True"


# --- a purpose word that tags a procedure of the surgical history is that procedure's ---------

@pytest.mark.parametrize("text", [
    # an intake form's line
    "Prior surgeries: buttock fat grafting 2023 (cosmetic).",
    # a terse history line
    "PSH: rhinoplasty 2015 for cosmetic reasons; lap chole.",
    # a dictated history
    "Past surgical history - abdominoplasty (aesthetic), 2019",
])
def test_a_past_cosmetic_operation_is_no_purpose_of_the_request(text: str) -> None:
    assert read(text, "62311").get("cosmetic_purpose") is None


def test_the_request_said_to_be_cosmetic_is_still_read() -> None:
    assert str(read("Request is purely cosmetic.", "62311").get("cosmetic_purpose")) == "True"


# --- chest work in some sessions, or in a programme that was not PT, is no PT session's -------
# (the policy asks whether each PT session included chest mobility and strength work)

@pytest.mark.parametrize("text", [
    # a medical assistant's form
    "Pulmonary rehab 2x/wk; chest wall exercises most sessions.",
    # a therapist's note
    "PT 3x/wk x 8 wks; sometimes chest mobility and strength exercises, mostly walking.",
    # a chat reply: the programme disowned as PT in a later sentence
    "Cardiac rehab 3x/wk: bike, weights, chest wall stretching every session. FYI this was "
    "run by an exercise physiologist - it wasn't PT.",
])
def test_chest_work_not_in_each_pt_session_is_asked(text: str) -> None:
    assert read(text, "71250").get("pt_chest_exercises") is None


@pytest.mark.parametrize("text", [
    "PT 2x/wk, chest wall mobility + strengthening each visit",
    "PT included chest mobility and strength exercises",
])
def test_chest_work_in_each_pt_session_is_read(text: str) -> None:
    assert str(read(text, "71250").get("pt_chest_exercises")) == "True"


# --- a lung-function figure dated only by a year long past says nothing about now ------------
# (an FEV1 below 80 % predicted is a sign of lung disease only on recent PFTs; with no day
# read for the PFTs, a year more than a year back in the figure's own sentence dates it)

@pytest.mark.parametrize("text", [
    # a pulmonologist's referral line
    "Old PFTs from 2024 in outside records: FEV1 68% pred.",
    # a terse history line
    "PFTs (2023): FEV1 55% predicted.",
    # a case manager's summary
    "Spirometry done back in 2022 showed an FEV1 of 61% of predicted; nothing since.",
])
def test_an_fev1_of_a_year_long_past_is_no_sign_now(text: str) -> None:
    facts = read(text, "71250")
    assert "pulmonary_disease_signs" not in facts


@pytest.mark.parametrize("text", [
    "FEV1 58% predicted",
    "PFTs 2026-09-12: FEV1 62% of predicted",
    # a year in another sentence dates something else
    "COPD diagnosed 2019. FEV1 60% predicted on spirometry this autumn.",
])
def test_an_fev1_not_dated_long_ago_is_still_a_sign(text: str) -> None:
    assert str(read(text, "71250").get("pulmonary_disease_signs")) == "True"


# --- the writer's closing judgement over the whole list of conditions ------------------------
# ("nothing I would call severe" after a mild member says no condition is severe, not only
# that one)

@pytest.mark.parametrize("text", [
    # a clearance letter
    "Hypertension, mild and controlled; nothing I would call severe.",
    # a terse problem list
    "HTN, DM2 (diet), none of which are severe.",
    # a chat reply
    "asthma and reflux, none of it serious",
])
def test_a_closing_judgement_over_the_list_is_none_severe(text: str) -> None:
    assert str(read(text, "62311").get("severe_comorbidities")) == "[]"


def test_a_severe_member_named_before_the_closing_still_stands() -> None:
    text = "Cirrhosis (Child B), CKD 4 - both severe; the rest none of it serious."
    assert str(read(text, "62311").get("severe_comorbidities")) == \
        "['kidney_disease', 'liver_disease']"


# --- an exam's measure of the lumbar spine says where it was examined, not where it hurts -----

@pytest.mark.parametrize("text", [
    # a coded form's answer
    "Q15 ROM decreased (Y/N): Y - lumbar ext 10 deg, flex 40 deg w/ pain",
    # a terse exam line
    "Exam: lumbar flex 30 deg, painful",
    # a physio's measures
    "Lumbar ext 5 degrees, rotation limited - painful at end range.",
])
def test_lumbar_measures_leave_the_pain_region_asked(text: str) -> None:
    assert read(text, "64493").get("pain_region") is None


def test_lumbar_pain_is_still_the_low_back() -> None:
    assert str(read("Lumbar pain 7/10, worse on standing.", "64493").get("pain_region")) == \
        "low_back"
