"""How long and how many (session 32, lengths32): a length taken back in brackets, the
writer's own count against another's, a study's history, a form's time window, one course
of several named bare, and a count of medicines said beside the ones named. Wordings are
this file's own, in several voices (a phone message, a fax, a dictation, a letter from
abroad, a patient's diary, a form)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 12, 1))


# --- a value taken back inside a bracket or after a dash is not read --------------------

@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # a co-signing physio's dictation
    ("Hip symptoms for 12 weeks (not 12 months - typo on the referral).",
     "97110", "symptom_weeks", "12 weeks"),
    # a fax from a GP practice abroad
    ("Shoulder symptoms for 8 weeks [not 8 months as typed in the referral].",
     "97110", "symptom_weeks", "8 weeks"),
    # a pain clinic's intake, corrected by the nurse
    ("Axial back pain 9 months (not 9 years as the form says).",
     "64493", "symptom_weeks", "9 months"),
    # a phone message (a dash)
    ("Phone call: she has had back pain for 5 months - not 5 years, she misspoke earlier.",
     "64493", "symptom_weeks", "5 months"),
])
def test_the_unit_taken_back_in_brackets_is_not_read(text: str, cpt: str, fact: str,
                                                      value: str) -> None:
    assert read(text, cpt).get(fact) == value


def test_a_bracketed_not_with_no_figure_keeps_nothing_new() -> None:
    # (guard: "not weekly" takes back no figure; the length stays as the reader had it)
    assert read("Symptoms for 10 weeks (not constant).", "97110").get("symptom_weeks") == "10 weeks"


# --- the writer's own count against another's figure: asked -----------------------------

@pytest.mark.parametrize("text", [
    # a utilization nurse's note
    "The physio letter states PT for 12 weeks; I make it 8 (6 Jan - 3 Mar).",
    # a co-signer's comment
    "Therapist documented physio for 16 weeks; by my count 10 (logs 01/05-03/16).",
    # a case manager's phone note
    "Voicemail from the clinic: PT for 15 weeks they said; I calculated 10 from the invoices "
    "(Feb 1 - Apr 12).",
])
def test_another_sources_length_beside_the_writers_own_count_is_asked(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    # guard: a count of something else, its unit of its own, after the length
    "PT 14 weeks (I counted the sessions myself, 28 in total).",
    # guard: no figure after the count
    "Physio 14 weeks, I counted every visit.",
])
def test_the_writers_count_of_another_thing_leaves_the_length(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") == "14 weeks"


# --- a study report's history dates to the study ----------------------------------------

@pytest.mark.parametrize("text", [
    # a radiology report pasted from a portal
    "CT LUMBAR SPINE\nDate of exam: 09/02/2027\nClinical history: LBP x 3 months, r/o fracture",
    # a report header run on one line
    "MRI L-SPINE W/O | Study date: 2027-08-14 | Indication: low back pain for 10 weeks",
    # an ultrasound report from abroad
    "XR KNEE - date of service 15 Oct 2027 - clinical information: knee pain 6 weeks",
])
def test_the_length_in_an_old_studys_history_is_asked(text: str) -> None:
    cpt = "97110" if "KNEE" in text else "64493"
    assert "symptom_weeks" not in read(text, cpt)


@pytest.mark.parametrize("text", [
    # guard: an order's indication is today's
    "CT L-SPINE ORDER - order date 11/28/2027 - indication: low back pain x 4 months",
    # guard: a study done this week
    "MRI L-SPINE - date of exam: 11/29/2027 - history: low back pain x 4 months",
    # guard: the history line of the visit, no study
    "Clinic visit. History: low back pain x 4 months, worse with standing.",
])
def test_a_current_history_keeps_its_length(text: str) -> None:
    assert read(text, "64493").get("symptom_weeks") == "4 months"


# --- a form's time window is no length ----------------------------------------------------

@pytest.mark.parametrize("text", [
    # an insurance form
    "Any back pain in last 5 yrs? Yes.",
    # a screening questionnaire
    "Neck pain over past 3 months: yes",
    # a pre-employment medical
    "Back pain during past 4 months: Y",
])
def test_a_questions_window_is_not_how_long(text: str) -> None:
    assert "symptom_weeks" not in read(text, "64493")


def test_for_the_past_is_still_a_length() -> None:
    assert read("low back pain for past 6 months", "64493").get("symptom_weeks") == "6 months"


# --- one course of several, the next named bare -------------------------------------------

@pytest.mark.parametrize(("text", "fact"), [
    # a workers' comp adjuster's summary
    ("PT: first course (6 wks exercise) ended 09/20/27, no relief; second course began "
     "10/4/27.", "pt_exercise_weeks"),
    # a physio clinic's letter
    ("Physical therapy - 8 weeks of manual therapy in the spring, a second block began in "
     "October.", "pt_manual_weeks"),
    # a phone note
    ("PT: 1st course (8 wks) done in spring without relief; second course started in October.",
     "pt_weeks"),
])
def test_one_course_of_several_named_bare_is_asked(text: str, fact: str) -> None:
    assert fact not in read(text, "64493")


@pytest.mark.parametrize("text", [
    # guard: the second course only planned
    "PT 8 wks, failed; second course planned if approved.",
    # guard: a second course of another treatment
    "PT 8 wks, failed. Second course of prednisone started.",
    # guard: the second course denied farther back in its sentence
    "PT 8 wks, failed; he did not go back for a second course.",
])
def test_another_or_planned_course_keeps_the_length(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") == "8 weeks"


# --- a count of medicines said beside the ones named ----------------------------------------

@pytest.mark.parametrize("text", [
    # a pain clinic's triage note
    "Meds: NSAIDs x3 trials, all failed.",
    # a patient's diary
    "Naproxen did not help; that's two lots of pills that didn't work.",
    # a referral letter
    "Ibuprofen ineffective. In all, four medications have failed.",
])
def test_a_larger_count_said_than_named_is_asked(text: str) -> None:
    # (one named, more said: never the one read as all of them)
    assert read(text, "64493").get("medication_courses_failed") not in (1, "1")


@pytest.mark.parametrize("text", [
    # guard: the patient's other medicines, no failure said of them
    "Naproxen failed. Current meds: 3 medications (lisinopril, metformin, statin).",
    # guard: a dose's frequency
    "Meloxicam failed; takes NSAIDs x3 daily now.",
])
def test_a_count_of_other_medicines_leaves_the_count(text: str) -> None:
    assert read(text, "64493").get("medication_courses_failed") in (1, "1")


def test_a_symptoms_length_is_no_course_of_care() -> None:
    # (guard: a symptom's onset on the line of a second course stays the symptoms' length)
    got = read("Back pain for 7 months, physio tried, a second course started in June.", "64493")
    assert got.get("symptom_weeks") == "7 months"
