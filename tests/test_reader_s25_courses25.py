"""What care was tried and whether it failed (session 25, courses25). Wordings are this
file's own, in several voices (a physio history list, a rehab log, a case manager's
summary, a voicemail, a clinic form, a referral line), never the corpus notes' sentences."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- courses of PT numbered one by one, each "no better" ------------------------------------
# (a nurse counts two failed PT courses where each numbered course is said to leave the
# patient no better; "no better" is how staff and patients say a course did not work)

@pytest.mark.parametrize("text", [
    # a physio history list
    "Physio history:\n1) Physio course 1 at Eastside Physio, Feb-Mar 2026, 7 weeks: no better.\n"
    "2) Physio course 2 at the hospital, May-Jul 2026, 9 weeks: not better.",
    # a rehab log with outcome columns
    "Rehab log\n  PT course #1  03/02-04/13/2026  (6 wk)  outcome: no better\n"
    "  PT course #2  05/04-06/29/2026  (8 wk)  outcome: not better",
    # a referral's bullet list
    "Therapy to date\n- Physical therapy course 1 (Jan-Feb 2026, 6 weeks) - pain no better\n"
    "- Physical therapy course 2 (Apr-Jun 2026, 9 weeks) - pain no better",
])
def test_numbered_pt_courses_each_no_better_are_two_failed(text: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") == "2"


@pytest.mark.parametrize("text", [
    # one course helped a little: how many failed is asked
    "PT course 1, 04/2026-06/2026 (8 wks) - somewhat better\n"
    "PT course 2, 07/2026-09/2026 (8 wks) - no better",
    # the second course is still going on
    "PT course 1, 04/2026-06/2026 (8 wks) - no better\n"
    "PT course 2, 07/2026-09/2026 (8 wks) - ongoing",
    # another treatment's courses are not PT's
    "Naproxen course 1 (6 wks) - no better\nNaproxen course 2 (6 wks) - no better",
])
def test_pt_courses_not_all_no_better_are_not_counted(text: str) -> None:
    assert "pt_courses_failed" not in read(text, "64493")


# --- every listed course failed, and the count given with the list agrees -------------------
# ("Total 16 wks, 2 failed courses" under two courses each "failed": the care failed)

@pytest.mark.parametrize("text", [
    # a case manager's summary
    "Conservative care (logs on file):\n  Course 1 - physio 03/02-04/13 (6 wks): failed\n"
    "  Course 2 - naproxen + weight-loss program 04/20-06/29 (10 wks): failed\n"
    "  16 wks altogether; 2 failed courses.",
    # a chart audit, the count said last
    "Conservative management\n  PT 06/01-07/27 (8 wks) - no improvement\n"
    "  Naproxen 08/03-09/21 (7 wks) - no improvement\n  15 wks total = 2 courses, both failed",
    # a form's list
    "Conservative tx:\n - Course 1: PT (6 wks) - failed.\n - Course 2: gabapentin (8 wks) - "
    "failed.\n - Total 14 wks, 2 failed courses.",
])
def test_every_listed_course_failed_with_its_count_is_failed_care(text: str) -> None:
    assert read(text, "62311").get("failed_conservative") is True


@pytest.mark.parametrize("text", [
    # the count says only one of the two failed
    "Conservative tx:\n - Course 1: PT (6 wks) - failed.\n - Course 2: gabapentin (8 wks) - "
    "failed.\n - Total 14 wks, 2 courses, 1 failed.",
    # the count is of more courses than are listed
    "Conservative tx:\n - Course 1: PT (6 wks) - failed.\n - Course 2: gabapentin (8 wks) - "
    "failed.\n - Total 14 wks, 3 failed courses.",
    # one course helped
    "Conservative tx:\n - Course 1: PT (6 wks) - failed.\n - Course 2: gabapentin (8 wks) - "
    "helped a lot.\n - Total 14 wks, 2 courses.",
])
def test_a_count_that_does_not_agree_leaves_the_care_asked(text: str) -> None:
    assert "failed_conservative" not in read(text, "62311")


# --- lifestyle changes named as staff name them ----------------------------------------------
# (a standing desk, weight lost on a plan, activity pacing: each is a lifestyle change, so a
# list of PT, a drug and one of them names every kind the policy asks for)

ALL_THREE = ["lifestyle_modifications", "medication_management", "physical_therapy"]


@pytest.mark.parametrize("text", [
    # a referral line
    "Treatments tried so far: physiotherapy, naproxen, and a standing desk at work.",
    # a voicemail
    "Voicemail from pt: did the physio, takes the Aleve, and has lost 9 kilos with the "
    "dietitian since June.",
    # a clinic form
    "Care to date - PT 8 weeks; gabapentin; activity pacing taught by OT.",
    # Spanish
    "Tratamiento: terapia física (PT) 8 semanas, naproxen, dieta para bajar de peso.",
])
def test_lifestyle_changes_in_other_words_complete_the_list(text: str) -> None:
    assert read(text, "62311").get("conservative_treatments") == ALL_THREE


@pytest.mark.parametrize("text", [
    # weight lost as a symptom, not a treatment
    "PT and meloxicam. Has lost 15 lbs unintentionally since August.",
    # a plan, not done
    "PT and meloxicam. Wants to start a walking program next month.",
    # someone else's
    "PT and meloxicam. Her husband is on a weight program.",
    # turned down
    "PT and meloxicam. Declined a standing desk.",
    "Tried PT and meloxicam; she refused the weight-loss program.",
])
def test_lifestyle_words_not_of_a_change_made_leave_the_list_asked(text: str) -> None:
    assert "conservative_treatments" not in read(text, "62311")


# --- the total said before the care's name, its courses listed after a colon ----------------
# ("14 weeks of conservative care in all: PT 7 weeks ..., naproxen 7 weeks ...": the courses
# add up to the total said first; each failed, so both count)

@pytest.mark.parametrize("text", [
    # a second-opinion letter
    "He has had 14 weeks of conservative care in all: physical therapy for 7 weeks (no "
    "improvement), naproxen for 7 weeks (no improvement). None of it has helped.",
    # a nurse's phone note
    "Had 16 wks of conservative treatment: PT x 8 wks - failed; then gabapentin x 8 wks - "
    "failed.",
    # a patient's own account, relayed
    "Pt reports 15 weeks of conservative care overall: physio 8 weeks, no better; meloxicam "
    "7 weeks, no better.",
])
def test_courses_listed_after_a_total_said_first_are_counted(text: str) -> None:
    assert read(text, "62311").get("conservative_courses_failed") == "2"


@pytest.mark.parametrize("text", [
    # one course helped
    "Had 16 wks of conservative treatment: PT x 8 wks - failed; then gabapentin x 8 wks - "
    "helped a lot.",
    # the courses do not make the total said
    "Had 16 wks of conservative treatment: PT x 8 wks - failed; then gabapentin x 5 wks - "
    "failed.",
    # the total closes its own sentence: no list opened after it
    "He has had 14 weeks of conservative care in all. PT 7 weeks (no improvement), naproxen "
    "7 weeks (no improvement).",
])
def test_a_total_said_first_without_its_failed_parts_counts_none(text: str) -> None:
    assert "conservative_courses_failed" not in read(text, "62311")


# --- a verdict said of the whole list just given ----------------------------------------------
# ("These have failed", "overall he has not responded": said of every treatment listed)

@pytest.mark.parametrize("text", [
    # a sports-medicine form
    "Treatment to date: naproxen 6 weeks, no relief; home exercise program, no change. All of "
    "these have failed.",
    # a disability exam's wrapped lines
    "Treatment: 14 weeks of conservative care (ibuprofen, a knee sleeve, home exercises).\n"
    "Ibuprofen stopped in October, no help; overall she has\nnot responded.",
    # an occupational-health summary
    "Conservative management since July: diclofenac gel, activity changes and a home program;\n"
    "they have all failed per the employee.",
])
def test_a_verdict_of_the_whole_list_reads_failed_care(text: str) -> None:
    assert read(text, "97110").get("failed_conservative") is True


@pytest.mark.parametrize("text", [
    # a plan, not an outcome
    "Plan: naproxen and home exercises. If these have failed by January, refer to ortho.",
    # denied
    "Naproxen 6 wks, ongoing with some relief. Home exercises. These have not failed yet.",
])
def test_a_verdict_planned_or_denied_leaves_the_care_asked(text: str) -> None:
    assert "failed_conservative" not in read(text, "97110")


# --- the clinician's expectation of benefit, with its person ---------------------------------

@pytest.mark.parametrize("text", [
    # a plan line, then the expectation
    "Plan - refer to outpatient PT. I do expect her to benefit from it.",
    # a consult's closing
    "Supervised physical therapy; I expect him to benefit.",
    # a team's message
    "PT 2x/wk x 8 wks ordered; we expect him to benefit.",
])
def test_an_expected_benefit_said_of_the_patient_reads(text: str) -> None:
    assert read(text, "97110").get("pt_expected_benefit") is True


@pytest.mark.parametrize("text", [
    # denied
    "Supervised physical therapy. I do not expect him to benefit.",
    # another treatment's
    "She tried a knee injection; I expect her to benefit from the next one.",
])
def test_an_expected_benefit_denied_or_of_another_thing_is_not_read(text: str) -> None:
    assert read(text, "97110").get("pt_expected_benefit") is not True
