"""Outcomes of conservative care (session 23, outcomes23). Wordings are this file's own, in
several voices (a chiropractor's intake, a pharmacist's note, a patient's portal message,
a terse triage line, a British letter, a case manager's summary)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a failure said of every treatment listed before it -----------------------------------

@pytest.mark.parametrize(("text", "cpt"), [
    # a case manager's summary
    ("Treatments so far: massage x4, ibuprofen 400 tid, a home stretching routine. "
     "No relief from any of them.", "62311"),
    # a chiropractor's intake
    ("Has tried acupuncture, Aleve and a lumbar brace - none of these worked.", "64493"),
    # a British letter
    ("She has had physiotherapy and then amitriptyline; neither of them helped.", "62311"),
    # a patient's portal message
    ("i did the exercises and the pills for two months and none of them worked", "97110"),
])
def test_a_failure_of_every_treatment_listed_is_failed_care(text: str, cpt: str) -> None:
    assert read(text, cpt).get("failed_conservative") is True


# --- how a writer says the care did not work ----------------------------------------------

@pytest.mark.parametrize(("text", "cpt"), [
    # a pharmacist's note
    ("Conservative management since July, no lasting relief per pt.", "62311"),
    # a terse triage line
    ("cons tx x 10 wks - no help", "64493"),
    # a sports physician's e-mail
    ("Honestly the conservative care has made no difference to his shoulder.", "97110"),
    # a chat reply
    ("conservative treatment isn't working, she wants the injection", "62311"),
    # a quoted patient, the helping denied
    ('Conservative tx: "not helping at all" per patient.', "64493"),
])
def test_words_of_no_benefit_say_the_care_failed(text: str, cpt: str) -> None:
    assert read(text, cpt).get("failed_conservative") is True


@pytest.mark.parametrize(("text", "cpt"), [
    # one treatment of the line said to help: the whole care did not fail, as said
    ("Conservative tx - ibuprofen gave good relief; stretching unchanged.", "64493"),
    ("Conservative measures: brace with mild relief, heat no improvement.", "62311"),
])
def test_no_failed_care_where_part_of_it_helped(text: str, cpt: str) -> None:
    assert read(text, cpt).get("failed_conservative") is not True


# --- the kinds of conservative care by the names writers use ------------------------------

@pytest.mark.parametrize("text", [
    # brand names, a weight-reduction programme
    "Care to date: physio 6 weeks, Celebrex and Neurontin, and a weight-reduction programme "
    "with the dietitian.",
    "Tx: PT x8 wks; Mobic 15 mg daily; weight management program (lost 12 lb).",
])
def test_brand_names_and_weight_reduction_name_their_kinds(text: str) -> None:
    assert sorted(read(text, "62311").get("conservative_treatments") or []) == [
        "lifestyle_modifications", "medication_management", "physical_therapy"]


@pytest.mark.parametrize("text", [
    # an H&P's record of the medicines beside the allergies is no treatment tried
    "Physiotherapy 6 weeks, no change. Clinic visit 10/01: history (meds, allergies - none "
    "known - and surgeries) reviewed.",
    "PT x 6 wks - no better. H&P 11/02: history (medications, allergies - none known, "
    "surgeries) and exam done.",
])
def test_medicines_beside_the_allergies_are_not_a_treatment_denied(text: str) -> None:
    # one kind named: the whole list is asked, never read as physical therapy alone
    assert read(text, "62311").get("conservative_treatments") is None


# --- a clinician's expectation that therapy will work -------------------------------------

@pytest.mark.parametrize("text", [
    # an orthopaedic letter
    "In my opinion she should do very well with a course of physiotherapy.",
    # a sports physician quoted by a front desk
    'Dr. Okafor\'s note: "therapy should help a lot with the stiffness."',
    # a terse referral
    "Dx: R frozen shoulder. PT - expect a full recovery.",
    # a chat reply
    "the surgeon thinks rehab will help, she's motivated",
])
def test_an_expected_good_outcome_of_therapy_is_expected_benefit(text: str) -> None:
    assert read(text, "97110").get("pt_expected_benefit") is True


# --- the day of the last treatment that did not work --------------------------------------

@pytest.mark.parametrize(("text", "day"), [
    # a nurse's summary
    ("She stopped the gabapentin on 10/22/2026 since it was not helping at all.",
     "2026-10-22"),
    # a terse history line
    ("Medrol dose pack on 09/03/2026 gave no lasting relief.", "2026-09-03"),
    # a patient's own account
    ("I quit the celecoxib on 11/02/2026 because it wasn't helping.", "2026-11-02"),
    # a physio's discharge line
    ("Home program stopped 11/15/2026 as it made no difference.", "2026-11-15"),
])
def test_the_day_a_treatment_stopped_for_not_working(text: str, day: str) -> None:
    assert str(read(text, "97110").get("last_failed_conservative_date")) == day



# --- a denial inside a bracket denies the bracket's words only ----------------------------

@pytest.mark.parametrize("text", [
    # a GP's list
    "Tried: activity changes (no running), naproxen and physiotherapy.",
    # a portal form's free text
    "what ive tried - diet (no sugar), tylenol, pt for 6 weeks",
    # a case summary
    "Conservative care: weight-loss program (no surgery wanted), gabapentin, PT x 8 wks.",
])
def test_a_denial_in_brackets_leaves_the_treatments_after_it(text: str) -> None:
    assert sorted(read(text, "62311").get("conservative_treatments") or []) == [
        "lifestyle_modifications", "medication_management", "physical_therapy"]


# --- an inhaler that worked once and no longer does ---------------------------------------

@pytest.mark.parametrize("text", [
    # a home-health visit note
    "Her inhaler no longer helps at night; up 3x with wheeze.",
    # a daughter's message relayed by the front desk
    "Daughter says his inhalers don't work anymore, he uses them every two hours.",
    # a terse triage line
    "SOB. Inhaler isn't working anymore.",
])
def test_an_inhaler_said_to_no_longer_work_has_failed(text: str) -> None:
    assert read(text, "71250").get("bronchodilator_failed") is True
