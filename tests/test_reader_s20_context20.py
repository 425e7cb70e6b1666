"""About whom, and about when (session 20, context20): text an EMR carried forward from an
older note speaks of then, not now; a section header with a bracket before its colon is still
that section; ... Wordings are this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# --- a section header with a bracketed aside before its colon ------------------------------

@pytest.mark.parametrize("text", [
    "PMH: GERD, HLD. No DM.\nFamily history (per pt): brother - severe CHF, on dialysis.",
    "Hx: asthma, mild.\nFH (updated 2025): dad - ESRD on HD; mom - severe COPD on home O2.",
    "Medical: hypothyroid, controlled.\nFHx (carried fwd): sister - brittle type 1 DM, ESRD.",
    "Problems: HTN well controlled.\nFamily hx (per patient): father - severe COPD, ESRD.",
])
def test_a_family_section_with_an_aside_before_its_colon_is_the_familys(text: str) -> None:
    got = read(text, "64493")
    assert got.get("severe_comorbidities") in (None, [])
    assert "esrd" not in str(got.get("severe_comorbidities"))


# --- text carried forward from an older note ------------------------------------------------

@pytest.mark.parametrize("text", [
    # a framed marker opening the line, the old entry after it
    'S: ***COPIED FROM 07/15/26*** "Low back pain x 3 mo, 6/10, PT to start."\n'
    "   11/30/26: back pain continues, 8/10 today.",
    # the marker in a bracket after the old words
    "HPI: lumbar pain x 6 weeks (carried forward from 09/20 note). Today worse, 7/10.",
    # the marker on a line of its own, the old lines under it down to today's heading
    "== copied from prior note ==\nChronic LBP x 2 mo.\nNRS 5/10.\n== today 12/01/2026 ==\n"
    "Still hurting, 8/10.",
    # the marker after the old words, at its line's end
    "Axial back pain for 10 weeks, 4/10 - copy fwd\nToday: pain 7/10, worse standing.",
])
def test_a_length_carried_forward_from_an_older_note_is_not_the_length_now(text: str) -> None:
    got = read(text, "64493")
    assert "symptom_weeks" not in got


@pytest.mark.parametrize(("text", "score"), [
    ("Pain 7/10 standing. ***COPIED FROM 09/08/26*** reports LBP 3/10, better with PT.", "7"),
    ("Pain today: 6 of 10.\n** copied from 08/12/2026 visit **\nPain 2/10 low back.", "6"),
    ("NRS 8/10 now.\nOld entry (pulled forward): NRS 3/10 after the block.", "8"),
])
def test_a_score_carried_forward_is_not_todays(text: str, score: str) -> None:
    assert str(read(text, "64493").get("pain_nrs")) == score


@pytest.mark.parametrize("text", [
    "***copied*** Pain 3/10.",
    "Pain 4/10 (copied fwd)",
    "Copied forward from 10/02 note:\nPain 5/10, LBP.",
])
def test_a_score_only_carried_forward_is_not_stated(text: str) -> None:
    assert "pain_nrs" not in read(text, "64493")


@pytest.mark.parametrize(("text", "weeks"), [
    ("Low back pain for 7 months. Letter copied to Dr. Lund.", "7 months"),
    ("LBP x 5 months. Not copied forward: all of today's findings are new.", "5 months"),
])
def test_guard_copies_sent_to_someone_are_no_copy_forward(text: str, weeks: str) -> None:
    assert str(read(text, "64493").get("symptom_weeks")) == weeks


def test_guard_a_past_course_carried_forward_still_counts() -> None:
    got = read("***copied from 06/2026*** PT 12 weeks, completed 05/2026, no relief.", "64493")
    assert str(got.get("pt_weeks")) == "12 weeks"


@pytest.mark.parametrize("text", [
    "Pain 6/10 (I had copied the ED value into the triage box, now fixed).",
    "Pain 6/10. The MA copied it over from the intake sheet.",
])
def test_guard_a_writer_telling_what_was_copied_is_no_marker(text: str) -> None:
    assert str(read(text, "64493").get("pain_nrs")) == "6"


# --- someone else's hedge after what they report -------------------------------------------

@pytest.mark.parametrize("text", [
    "Daughter called: mom's low back pain has been going on about 5 months, she thinks.",
    "Spoke w/ wife. Back pain 8/10 most days, she believes.",
    "Per the group home staff, his LBP has lasted 10 weeks, they think.",
    "Husband on the line - her back pain is a 7 most nights, he reckons.",
])
def test_a_third_persons_hedge_after_the_report_leaves_it_asked(text: str) -> None:
    got = read(text, "64493")
    assert "pain_nrs" not in got
    assert "symptom_weeks" not in got
    assert "pain_region" not in got


# --- another person who shares a place with the patient --------------------------------------

@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("ROS negative. The soldier in the next bed had a fever of 39.", "71250", "body_temperature"),
    ("Intake: cellmate with cellulitis, moved to medical. Pt afebrile.", "64493",
     "active_infection"),
    ("Team physician note: a teammate had an MRI of the knee on 11/02/2026.", "97110", "mri_date"),
    ("Unit update: another resident on the floor has a UTI on antibiotics.", "62311",
     "active_infection"),
])
def test_another_persons_finding_is_not_the_patients(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) in (None, False)


# --- a name's initial after the word for who the person is is no sentence end ---------------

@pytest.mark.parametrize("text", [
    "Lives with roommate M. Silva (who is 20 weeks pregnant and helps him at home).",
    "Coworker J. Patel (who had his knee scoped in June) drove the patient in.",
    "Emergency contact: brother L. Nunez (he is on dialysis).",
])
def test_a_pronoun_about_a_person_named_with_an_initial_is_that_persons(text: str) -> None:
    got = read(text, "97110")
    assert "pregnancy" not in got
    assert "postpartum" not in got
    assert "severe_comorbidities" not in got


# --- a stay that led somewhere else is over ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Transferred to rehab after a 7-day stay for RLL pneumonia, IV ceftriaxone.",
    "SNF admission 11/18/2026 following admission for community-acquired pneumonia at Mercy.",
    "Readmitted after her stay for aspiration pneumonia; now on room air.",
    "Came to the nursing home from County General after a 4 day hospital stay for pneumonia.",
])
def test_a_pneumonia_whose_stay_led_elsewhere_is_not_read_as_going_on(text: str) -> None:
    assert read(text, "71250").get("bacterial_pneumonia") is not True


# --- a highest reading named a few words before its figure -----------------------------------

@pytest.mark.parametrize("text", [
    "Vitals at discharge 11/30: T 37.0 C, HR 80.\nTmax during admission 39.2 C on 11/20.",
    "Temp 36.8 C at the time of transfer. Max temp over the stay 38.8 C on 11/19.",
    "Afebrile on leaving, 37.2 C. Peak temperature while inpatient 39.0 C, 11/21.",
    "T 98.9 F today. Tmax on the ward 102.4 F on 11/18.",
])
def test_a_lower_reading_beside_a_named_highest_of_an_earlier_day_is_asked(text: str) -> None:
    assert "body_temperature" not in read(text, "71250")
