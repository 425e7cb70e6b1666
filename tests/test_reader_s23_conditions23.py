"""Conditions and findings (session 23, conditions23). Wordings are this file's own, in
several voices (a chat reply, a GP's letter, a form, a terse ward note, an aide's log)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a severity word before the class itself closes the whole list ---------------------------
# ("no serious conditions" says there is no severe comorbidity at all, whatever milder
# condition is named beside it)

@pytest.mark.parametrize("text", [
    # a chat reply
    "bp's a bit high (on lisinopril) but no major illnesses",
    # a terse ward note
    "T2DM diet-ctrl; no severe illnesses.",
    # a form's line
    "Comorbid conditions: asthma (mild) - no significant conditions otherwise",
    # an Australian GP's history line
    "Past medical history: nil significant.",
    # a closing "other" of another word
    "She has no diabetes or heart disease and no other illnesses.",
])
def test_no_severe_condition_of_any_kind_is_an_empty_list(text: str) -> None:
    assert str(read(text, "64493").get("severe_comorbidities")) == "[]"


@pytest.mark.parametrize("text", [
    "Type 2 diabetes, HbA1c 11.8 on insulin; no other serious conditions.",
    "Cirrhosis, Child-Pugh B. No serious conditions besides.",
])
def test_a_condition_that_may_be_severe_beside_the_closing_words_is_still_asked(
        text: str) -> None:
    assert read(text, "64493").get("severe_comorbidities") is None


# --- a past-history heading's line: a later sentence about a present state is now -------------

@pytest.mark.parametrize("text", [
    # a clinic letter's history line
    "Medical history: kidney stones 2019. No infection, no fever.",
    # a terse pre-procedure note
    "PMH: eczema, GERD. Afebrile; nil infection.",
    # a pasted EHR line with a pronoun opening the next sentence
    "Past medical history: childhood asthma. She has no infection anywhere.",
    # a form where the next sentence is a denial
    "PMH: hyperlipidemia. Negative for infection.",
])
def test_a_denial_after_a_past_history_list_on_its_line_is_read_as_now(text: str) -> None:
    assert read(text, "62311").get("active_infection") is False


@pytest.mark.parametrize("text", [
    "PMH: HTN, cellulitis of the R leg.",
    "Past medical history: osteomyelitis L foot, treated with 6 wks IV abx.",
])
def test_an_infection_in_the_past_history_list_is_not_read_as_now(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not True


# --- "nil" is a writer's "none" ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Nil infection, nil fever; wound clean.",
    "O/E: nil signs of infection. Pain 6/10.",
])
def test_nil_denies(text: str) -> None:
    assert read(text, "64493").get("active_infection") is False


# --- a cue is other words than the phrase's own ----------------------------------------------
# (the policy's chest exercises are what each therapy session did; a stretch the patient or a
# helper does is no session's content)

@pytest.mark.parametrize("text", [
    # an aide's log
    "Helped her with chest-wall stretches after lunch, she tolerated it ok.",
    # a chat reply
    "i do chest stretching most nights before bed",
    # a home-program line
    "Home program: chest stretches, 3 x daily.",
    # a complaint
    "He says chest wall stretching makes him cough.",
])
def test_a_stretch_not_said_of_each_session_is_not_the_policy_exercises(text: str) -> None:
    assert read(text, "71250").get("pt_chest_exercises") is None


@pytest.mark.parametrize("text", [
    "Physio twice a week; chest wall stretches and strengthening at each visit.",
    "Pulm rehab 2x/wk x 10 wks: chest stretches every session, no better.",
])
def test_a_stretch_said_of_each_session_is_still_read(text: str) -> None:
    assert read(text, "71250").get("pt_chest_exercises") is True


# --- the purpose said to be one complaint and nothing else, or set against the looks ---------

@pytest.mark.parametrize("text", [
    # a front-desk note
    "Mom wanted to know if the shot would help his posture; told her it's only for the sciatica.",
    # a chat reply
    "honestly its just for my back pain, I don't mind the bump",
    # a radiology scheduler
    "Scan is for the nodule f/u only per Dr. Lowe.",
    # a nurse's line
    "Pt says it's for the pain, not appearance.",
])
def test_a_purpose_said_to_be_one_complaint_is_not_cosmetic(text: str) -> None:
    assert read(text, "62311").get("cosmetic_purpose") is False


def test_a_limit_of_another_kind_says_nothing_of_the_purpose() -> None:
    assert read("Approval is only for the first 6 visits.", "97110").get(
        "cosmetic_purpose") is None


# --- the other side's allegation is answered, not a finding ---------------------------------

@pytest.mark.parametrize("text", [
    # a claims adjuster's letter answered by the treating doctor
    "The opposing expert alleges the scar is the main issue (cosmetic). My patient wants "
    "it for pain only.",
    # a solicitor's letter
    "The defendant asserts our client's scar is the real complaint (cosmetic). Our client "
    "instructs that she seeks treatment for pain only.",
])
def test_the_other_sides_allegation_is_not_read_against_the_patients_own(text: str) -> None:
    assert read(text, "64493").get("cosmetic_purpose") is False


# --- a past role is over, not what is said of the person after it ---------------------------

@pytest.mark.parametrize("text", [
    # a referral letter
    "Thank you for seeing this former coal miner with low back pain since 03/02/2026.",
    # a terse triage line
    "Former paratrooper with lower back pain 7/10, worse on lifting.",
    # an occupational-health form
    "Former army engineer with lumbar pain radiating to the L leg.",
])
def test_a_former_role_leaves_the_complaint_current(text: str) -> None:
    assert str(read(text, "64493").get("pain_region")) == "low_back"


@pytest.mark.parametrize("text", [
    "Former low back pain, resolved after PT in 2023.",
    "Ex-ulcer of the sacrum, healed.",
])
def test_a_former_finding_is_still_history(text: str) -> None:
    assert read(text, "64493").get("pain_region") is None


# --- a task the pain stops, in any words, is an impact on daily life ------------------------

@pytest.mark.parametrize("text", [
    # a courier's own chat
    "back's wrecked, still can't do my deliveries since the fall",
    # a home-health aide's note
    "Client unable to manage bathing without help this week, says it's the back.",
    # a farmer's letter
    "He cannot manage the herding any more and cannot carry feed sacks.",
    # a school nurse's log
    "Missed 4 school days this month due to pain.",
])
def test_a_task_the_pain_stops_is_an_impact_on_daily_life(text: str) -> None:
    assert read(text, "62311").get("symptoms_impact_daily_life") is True


@pytest.mark.parametrize("text", [
    "Pt cannot do the MRI this week - claustrophobic, needs open scanner.",
    "Missed 2 PT visits due to pain.",
    "can't come Tuesdays because of work",
])
def test_a_missed_appointment_or_a_schedule_is_no_impact(text: str) -> None:
    assert read(text, "62311").get("symptoms_impact_daily_life") is None
