"""Conditions, infections and findings (session 31, conditions31): a denial of one site or
one kind, a list of labels answered "none" after another field, a chest history's answer,
words a log strikes or replaces, a payer's contention, another traveller's cough. Wordings
are this file's own, in several voices (a radiology dictation, a phone message, a triage
form, a coder's log, a hearing officer's summary, a team doctor's e-mail)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 11, 20))


# --- a stenosis denied at one site says nothing of another site's -------------------------
# (a nurse reading "no foraminal stenosis" beside "central canal stenosis" sees a readable
# study showing a stenosis; alone, it rules out one site, not every abnormality)

@pytest.mark.parametrize("text", [
    # a radiology dictation
    "IMPRESSION: 1. Severe left lateral recess stenosis at L4-5. 2. No central canal stenosis.",
    # a phone message from the imaging centre
    "Radiology called back: the lumbar MRI shows no central canal stenosis, but there is "
    "moderate neuroforaminal narrowing at L5-S1 on the right.",
    # a referral letter from abroad
    "The MRI of 02/10/2027 demonstrated no foraminal stenosis at L3-4. At L4-5 there is "
    "moderate central canal stenosis.",
])
def test_a_stenosis_denied_at_one_site_leaves_another_sites(text: str) -> None:
    assert read(text, "62311").get("imaging_stenosis_readable") is True


@pytest.mark.parametrize("text", [
    "MRI lumbar spine: no foraminal stenosis.",
    "Per the radiologist there is no central canal stenosis at any level.",
])
def test_one_site_denied_alone_is_no_denial_of_any_abnormality(text: str) -> None:
    assert "imaging_stenosis_readable" not in read(text, "62311")


def test_an_unreadable_study_still_reads_false() -> None:
    got = read("MRI non-diagnostic due to motion; no foraminal stenosis seen.", "62311")
    assert got.get("imaging_stenosis_readable") is False


# --- a list of labels answered "none", after another field on its line ---------------------

@pytest.mark.parametrize("text", [
    # a pre-procedure screen typed on one line
    "Allergies: NKDA. Fever, UTI, skin infection: none.",
    # a triage form
    "Implants: none. Cellulitis, abscess, osteomyelitis: denied.",
    # a nurse's phone screen
    "BP 128/80; wound infection, sepsis: negative.",
    # an anaesthetist's checklist
    "Anticoagulants: none. Discitis, epidural abscess: none.",
])
def test_labels_answered_none_after_another_field_are_no_infection(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not True


def test_an_infection_after_another_field_is_still_read() -> None:
    got = read("Allergies: none. Cellulitis of the left shin, on cephalexin since Monday.",
               "62311")
    assert got.get("active_infection") is True


# --- a label naming what came before: its answer is history ---------------------------------

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # a pulmonology intake form
    ("Prior chest complaints/injuries: pneumonia, a rib fracture.", "71250",
     "bacterial_pneumonia"),
    # a GP's letter, an aside in brackets
    ("History taken in full (earlier chest complaints: a pneumonia she had in Manila; no "
     "trauma).", "71250", "bacterial_pneumonia"),
    # a spine clinic's questionnaire
    ("Past infections: cellulitis of the hand, UTI.", "62311", "active_infection"),
])
def test_the_answer_of_a_past_label_is_no_finding_of_now(text: str, cpt: str, fact: str
                                                         ) -> None:
    assert read(text, cpt).get(fact) is not True


def test_a_finding_of_now_after_a_past_label_is_read() -> None:
    got = read("Prior chest complaints: none. Now: fever 38.9 C and a productive cough; CXR "
               "shows RLL consolidation, suspected bacterial pneumonia.", "71250")
    assert got.get("bacterial_pneumonia") is True


# --- quoted words a log replaces or strikes -------------------------------------------------

@pytest.mark.parametrize("text", [
    # a QA reviewer's bracket on a templated note
    "Reason for visit: shoulder pain. [QA 10/30/2027: 'shoulder pain' -> 'low back pain' per "
    "the surgeon.]",
    # an EHR change log
    "11/02/27 14:10 | scribe | CHIEF COMPLAINT | 'hip pain' changed to 'low back pain' per "
    "Dr. Ruiz",
])
def test_a_region_replaced_in_a_log_is_the_new_one(text: str) -> None:
    assert read(text, "64493").get("pain_region") == "low_back"


@pytest.mark.parametrize(("text", "member"), [
    # a coder's log
    ("PMH: ESRD. Coder 11/03: 'ESRD' changed to 'CKD stage 2' per the nephrology letter.",
     "esrd"),
    # a problem-list audit
    ("Problem list: COPD (severe). Edit 11/02/2027: 'severe' deleted by pulmonology, FEV1 "
     "78%.", "copd"),
])
def test_a_condition_struck_or_replaced_is_not_read(text: str, member: str) -> None:
    assert member not in str(read(text, "71250").get("severe_comorbidities", ""))


def test_a_condition_standing_beside_a_struck_one_is_read() -> None:
    got = read("PMH: ESRD on dialysis MWF. 'CKD 3' removed from the list as outdated.",
               "62311")
    assert "esrd" in str(got.get("severe_comorbidities", ""))


# --- a payer's contention in a hearing or an appeal -----------------------------------------

@pytest.mark.parametrize(("text", "cpt", "member"), [
    # a hearing officer's summary
    ("The MCO contends the member has severe COPD. Her spirometry of 09/2027 is normal.",
     "71250", "copd"),
    # an appeal letter
    ("The managed care organization argued that he has uncontrolled diabetes; his A1c is "
     "6.1%.", "62311", "diabetes"),
])
def test_a_payers_contention_is_no_finding(text: str, cpt: str, member: str) -> None:
    assert member not in str(read(text, cpt).get("severe_comorbidities", ""))


def test_a_carriers_contention_of_an_infection_is_no_finding() -> None:
    # a claims adjuster's note
    got = read("The carrier contends that she has an active infection; her labs of "
               "11/10/2027 are normal.", "62311")
    assert got.get("active_infection") is not True


# --- others of the patient's group ----------------------------------------------------------

@pytest.mark.parametrize(("text", "fact"), [
    # a team doctor's e-mail
    ("Half the team went down with a cough after the tournament in Doha; Jamal is fine.",
     "respiratory_symptoms"),
    # a tour operator's call, logged
    ("Several of the group had fever and a cough on the flight home.", "respiratory_symptoms"),
    # a port agent's message
    ("Other passengers on the cruise were treated for pneumonia in Lisbon.",
     "bacterial_pneumonia"),
    # a school nurse's note after a trip
    ("Half of the group came down with pneumonia in the camp; he has only a runny nose.",
     "bacterial_pneumonia"),
])
def test_the_others_of_a_group_are_not_the_patient(text: str, fact: str) -> None:
    assert fact not in read(text, "71250")


def test_the_patients_own_cough_beside_the_group_is_read() -> None:
    got = read("She came back from the trip with a cough for 3 weeks; the rest of the group "
               "were well.", "71250")
    assert got.get("respiratory_symptoms") is True


def test_an_arrow_that_points_elsewhere_replaces_nothing() -> None:
    # a problem list pointing to a letter: no quotation after the arrow, nothing replaced
    got = read('PMH: "severe COPD (GOLD 4)" -> see the pulmonology letter attached.', "71250")
    assert "copd" in str(got.get("severe_comorbidities", ""))


# --- a finding's row of status boxes: only the ticked one answers it -----------------------

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    # a decision-support form
    ("Pneumonia: [ ] suspected  [ ] ruled out", "71250", "bacterial_pneumonia"),
    # an ED checklist, three statuses
    ("Bacterial pneumonia:  [ ] suspected   [ ] confirmed   [ ] ruled out", "71250",
     "bacterial_pneumonia"),
    # a pre-injection screen
    ("Infection: [ ] present  [ ] absent", "62311", "active_infection"),
])
def test_a_row_of_unticked_statuses_is_no_answer(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("Pneumonia: [x] suspected  [ ] ruled out", "71250", "bacterial_pneumonia", True),
    ("Pneumonia: [ ] suspected  [x] ruled out", "71250", "bacterial_pneumonia", False),
    ("Infection: [x] present  [ ] absent", "62311", "active_infection", True),
])
def test_the_ticked_status_answers(text: str, cpt: str, fact: str, value: bool) -> None:
    assert read(text, cpt).get(fact) is value


def test_a_list_of_boxed_conditions_still_denies_the_unticked() -> None:
    got = read("Comorbidities: [ ] COPD [ ] ESRD [ ] CHF", "62311")
    assert got.get("severe_comorbidities") in (None, [])


# --- an infection said treated to its end, in a Scandinavian letter -------------------------

@pytest.mark.parametrize("text", [
    # a Norwegian GP's letter
    "Hadde UVI [UTI] i september, ferdigbehandlet med pivmecillinam.",
    # a Danish discharge letter
    "UTI i oktober, behandlet med antibiotika.",
    # a Swedish referral
    "UVI [UTI] i augusti, färdigbehandlad.",
])
def test_an_infection_treated_to_its_end_is_asked(text: str) -> None:
    assert read(text, "64493").get("active_infection") is not True
