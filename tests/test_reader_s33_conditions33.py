"""Conditions (session 33, conditions33): a screen of comorbidities denied one by one is
"none" unless a condition is named there as controlled or mild; a cosmetic procedure named
and denied as the request, or done in an earlier year, is no cosmetic purpose; a pregnancy
a bracket says has ended is not read as now; a relative who sets herself apart ("she
herself") speaks of her own infection; a drug listed as not taken is no treated infection;
a positive viral test beside a negative screen is asked; a question answered after an
arrow, a two-column export's rows, an unticked box after two states, a severity nobody
gave and "nor has she" are read as said.
Wordings are this file's own, in several voices (a pre-procedure checklist, an intake
nurse, a surgeon's letter, a problem list, a phone note, a reconciled medication list)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a screen of comorbidities denied ------------------------------------------------------

@pytest.mark.parametrize(("text", "cpt"), [
    ("Pre-procedure checklist: no diabetes, no CHF, no COPD, no kidney disease.", "64493"),
    ("Past history negative for DM, CAD, CKD and cirrhosis.", "62311"),
    ("Intake: Pt denies heart failure, emphysema, dialysis.", "97110"),
])
def test_three_comorbidities_denied_are_none(text: str, cpt: str) -> None:
    assert read(text, cpt).get("severe_comorbidities") == []


@pytest.mark.parametrize(("text", "cpt"), [
    # a condition said controlled, stable or mild beside the denials: present, asked
    ("PMH carried over, no updates: DM2 - diet controlled. Denies CHF, COPD, CKD.", "64493"),
    ("No CHF, no COPD, no liver disease. CKD stable per nephrology.", "62311"),
    ("No diabetes, no heart disease, no cirrhosis, mild emphysema.", "97110"),
    # a coded row's legend then its answer, "both controlled"
    ("R7 Comorbid (DM/CHF/COPD/CKD/HTN/NONE): DM, HTN -\n    both 'controlled' per PCP", "64493"),
])
def test_a_condition_said_controlled_keeps_the_screen_open(text: str, cpt: str) -> None:
    assert "severe_comorbidities" not in read(text, cpt)


def test_two_denials_are_still_no_screen() -> None:
    # (near miss: the screen takes three; two stay asked, as before)
    assert "severe_comorbidities" not in read("Not diabetic, no COPD.", "64493")


# --- a cosmetic procedure named and denied as the request -----------------------------------

@pytest.mark.parametrize("text", [
    "Body contouring is not requested; the injection is for her sciatica.",
    "Buttock contouring - not wanted. Here for leg pain.",
    "Liposuction contouring was offered and declined by the patient.",
])
def test_contouring_denied_as_the_request_is_no_cosmetic_purpose(text: str) -> None:
    assert read(text, "62311").get("cosmetic_purpose") is False


def test_contouring_requested_is_still_cosmetic() -> None:
    # (near miss: the request itself, and an insurer's answer that names no purpose)
    assert read("She is asking for body contouring of the flanks.", "62311").get(
        "cosmetic_purpose") is True
    assert read("Request is for buttock contouring. The plan declined it.", "62311").get(
        "cosmetic_purpose") is True


def test_not_requested_before_the_cosmetic_words_still_denies() -> None:
    assert read("Injection not requested for cosmetic reasons.", "62311").get(
        "cosmetic_purpose") is False


@pytest.mark.parametrize("text", [
    "Lip fillers in 2023 for appearance. Today's referral: L5 radiculopathy.",
    "She had cosmetic Botox in 03/2025; now the facet pain is the issue.",
])
def test_a_cosmetic_procedure_of_an_earlier_year_is_not_this_request(text: str) -> None:
    assert "cosmetic_purpose" not in read(text, "62311")


# --- a pregnancy a bracket says has ended ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Active problems: lumbago; pregnancy (delivered 03/2024); asthma.",
    "OB hx: pregnancy (c-section 2022), lumbar pain since.",
    "Pregnancy (gave birth 2019) - no complications.",
])
def test_a_pregnancy_a_bracket_ends_is_not_pregnant(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "pregnant"


def test_a_pregnancy_with_its_weeks_in_brackets_is_still_read() -> None:
    assert read("Pregnant (22 weeks), LBP radiating to the L leg.", "62311").get(
        "pregnancy") == "pregnant"


# --- a relative's own infection ----------------------------------------------------------

def test_a_relative_who_says_she_herself_is_on_antibiotics_is_not_the_patient() -> None:
    text = ("Phone note: Rosa says she herself has been on Keflex since Monday for "
            "cellulitis; her father is afebrile, no wounds.")
    assert read(text, "62311").get("active_infection") is not True


def test_the_patient_saying_she_herself_is_still_the_patient() -> None:
    text = "Pt says she herself started nitrofurantoin on Tuesday for a bladder infection."
    assert read(text, "62311").get("active_infection") is True


# --- a drug listed as not taken ---------------------------------------------------------

def test_an_antibiotic_listed_as_not_taken_is_no_infection() -> None:
    text = "Reconciled med list 12/02: doxycycline 100 mg - not currently taking. Gabapentin."
    assert read(text, "64493").get("active_infection") is not True


def test_an_antibiotic_being_taken_is_still_read() -> None:
    assert read("Taking doxycycline 100 mg BID for a skin abscess.", "64493").get(
        "active_infection") is True


# --- a positive viral test beside a negative screen ---------------------------------------

def test_a_positive_covid_test_beside_a_negative_screen_is_asked() -> None:
    text = "Sepsis screen negative; tested positive for COVID-19 on 12/03/2026, mild cough."
    assert "active_infection" not in read(text, "64493")


def test_a_negative_screen_alone_still_denies() -> None:
    assert read("No active infection. COVID test negative.", "64493").get(
        "active_infection") is False


# --- a question answered after an arrow ----------------------------------------------------

@pytest.mark.parametrize(("text", "fact", "value"), [
    # a payer's fax-back questionnaire typed by the office
    ("7. Active infection? -> No.", "active_infection", False),
    ("8. Purpose cosmetic? -> no", "cosmetic_purpose", False),
    ("Infection? → NO", "active_infection", False),
])
def test_a_no_after_an_arrow_answers_the_question(text: str, fact: str, value: object) -> None:
    assert read(text, "62311").get(fact) is value


def test_a_yes_after_an_arrow_still_affirms() -> None:
    assert read("Active infection? -> yes, cellulitis of the L shin on Keflex.", "64493").get(
        "active_infection") is True


# --- a two-column export -------------------------------------------------------------------

def test_rows_of_a_two_column_export_are_fields_of_their_own() -> None:
    text = "item,value\nsex,F\nage,34\ncurrently pregnant,no\ninfection,none"
    got = read(text, "97110")
    assert got.get("pregnancy") == "not_pregnant"
    assert got.get("active_infection") is False


def test_a_two_column_row_with_a_remark_is_its_answer() -> None:
    text = "check,answer\npregnant,no - tubal ligation 2015\ncosmetic,no"
    assert read(text, "64493").get("pregnancy") != "pregnant"


# --- a label of two states with one box -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "B4 pregnant or postpartum: ☐ (patient is a 61-year-old man)",
    "Pregnant or recently postpartum: [ ]",
])
def test_an_unticked_box_after_two_states_is_neither(text: str) -> None:
    assert read(text, "97110").get("postpartum") is not True


def test_a_ticked_box_after_two_states_is_still_read() -> None:
    assert read("Pregnant or postpartum: [x]", "97110").get("postpartum") is True


# --- a severity nobody gave ---------------------------------------------------------------

def test_a_condition_nobody_called_severe_is_not_severe() -> None:
    text = "He has emphysema and heart failure, though nobody has ever called either severe."
    assert read(text, "62311").get("severe_comorbidities") is None


def test_a_severity_nobody_disputes_is_still_read() -> None:
    assert read("Severe COPD on home O2; nobody disputes that.", "64493").get(
        "severe_comorbidities") == ["copd"]


# --- "nor has she" ------------------------------------------------------------------------

def test_nor_has_she_denies_what_follows() -> None:
    text = "Ms. Ruiz is 31, not pregnant, nor has she recently had a baby."
    assert read(text, "97110").get("postpartum") is False


def test_a_baby_said_after_a_denial_of_something_else_is_still_read() -> None:
    assert read("No infection; recently had a baby.", "97110").get("postpartum") is True


# --- pain that began in pregnancy ----------------------------------------------------------

def test_pain_that_began_in_late_pregnancy_is_no_pregnancy_now() -> None:
    text = "Gave birth 6 weeks ago. Her SI joint pain started in late pregnancy."
    assert read(text, "97110").get("pregnancy") != "pregnant"


# --- a suspicion's label -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pre-injection screen. Suspicion for infection: minimal.",
    "Clinical suspicion of infection: moderate, culture sent.",
])
def test_a_suspicion_of_infection_with_its_degree_is_asked(text: str) -> None:
    assert "active_infection" not in read(text, "64493")


def test_no_suspicion_of_infection_still_denies() -> None:
    assert read("No suspicion of infection today.", "64493").get("active_infection") is False
