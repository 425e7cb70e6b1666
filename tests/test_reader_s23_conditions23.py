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
