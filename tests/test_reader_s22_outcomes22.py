"""Outcomes of conservative care (session 22, outcomes22): whether a treatment was tried
and failed, and how many courses that is. A drug class said again where one of its own
drugs was counted is that drug once more, no second course; drugs "tried" were taken, not
said to fail. Wordings are this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a class said again where one of its drugs was counted is that drug, one course -------

@pytest.mark.parametrize("text", [
    # a UM worksheet: the drug on one row, the summary row names its class
    "Rx hx: celecoxib 200 daily x 10 wk - no relief\nSummary: failed NSAID x1, PT x2",
    # a patient portal message
    "I took meloxicam for about two months and it didn't help at all. So the NSAIDs "
    "failed, my doctor says.",
    # a terse ED note: the class first, the drug later on the line
    "Failed NSAIDs per pt. Pt reports ibuprofen 800 tid x 6 wk, no relief.",
    # a pharmacist's reconciliation
    "Pharmacy review: diclofenac 75 mg BID 9 weeks - ineffective, discontinued. "
    "NSAID trial failed.",
])
def test_a_class_beside_its_own_drug_is_one_course(text: str) -> None:
    assert str(read(text, "64493").get("medication_courses_failed")) == "1"


# (guards: two drugs of one class are two courses; a class and a drug of another are two)
@pytest.mark.parametrize("text", [
    "Failed: ibuprofen x 6 wk; naproxen x 8 wk.",
    "meloxicam - no relief; cyclobenzaprine - no relief",
])
def test_two_drugs_still_count_two(text: str) -> None:
    assert str(read(text, "64493").get("medication_courses_failed")) == "2"


# --- drugs "tried" were taken: how they went is not said ------------------------------------

@pytest.mark.parametrize("text", [
    "Meds tried : ibuprofen , meloxicam , gabapentin ( current )",
    "Medications tried: naproxen, then celecoxib. Now on duloxetine.",
    "She has tried Aleve and Mobic over the summer.",
    "Tried: tramadol 50 prn, methocarbamol 750 tid",
])
def test_drugs_tried_name_no_failed_course(text: str) -> None:
    assert "medication_courses_failed" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    # a handover: one drug failed, the other stopped for a side effect
    "Meds tried: naproxen 500 BID x 8 wks - failed; gabapentin - stopped, too drowsy.",
    # a fax in capitals
    "MEDS TRIED: MELOXICAM 15 MG X 6 WKS - NO RELIEF. TRAMADOL - STOPPED, NAUSEA.",
])
def test_tried_then_one_said_to_fail_is_that_one(text: str) -> None:
    assert str(read(text, "64493").get("medication_courses_failed")) == "1"


# --- the shapes of "it did not work" after a drug -------------------------------------------

@pytest.mark.parametrize("text", [
    # a phone note
    "Meds tried: etodolac 400 bid x 6 wks - no help.",
    # a flow of arrows
    "LBP 1 yr → celecoxib 200 daily x 8 wk → no change → referred to spine",
    # a med rec with a short-lived relief
    "Medications tried: prednisone taper 09/2026 - relief for 4 days, then back to baseline.",
    "Tried a Medrol dose pack in Oct: some relief for a week but it wore off.",
])
def test_a_drug_that_changed_nothing_is_a_failed_course(text: str) -> None:
    assert str(read(text, "64493").get("medication_courses_failed")) == "1"


def test_a_relief_that_went_back_in_a_patients_words() -> None:
    text = ("What meds have you used? Celebrex for about a month, no help at all. Then "
            "a prednisone taper in October - better for 2 days then right back to the same.")
    assert str(read(text, "64493").get("medication_courses_failed")) == "2"


# --- a denial wrapped at the margin, the next line indented, still touches its words --------

@pytest.mark.parametrize(("text", "cpt"), [
    # a team conference's indented paragraph
    ("ORTHO: twelve weeks of bracing and home exercise with dates in the logs. Her shoulder\n"
     "  has not\n  responded to conservative treatment and she wants to go on.", "97110"),
    # a letter indented under its heading
    ("    Mr. Ruiz has had physical therapy and meloxicam since June and has not\n"
     "    responded to conservative care; the pain is worse.", "62311"),
    # a consult's wrapped impression
    ("IMPRESSION: chronic facet-mediated LBP. Patient has not\n"
     "   responded to conservative treatment despite PT and NSAIDs.", "64493"),
])
def test_a_wrapped_not_still_denies_the_response(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("failed_conservative")) == "True"


# --- a count someone else made, quoted, is their claim: the writer recounts ------------------

@pytest.mark.parametrize(("text", "fact", "cpt"), [
    ('The first-level reviewer counted "three failed courses" of conservative care.',
     "conservative_courses_failed", "62311"),
    ('Utilization review tallied "2 failed PT courses" from the intake sheet.',
     "pt_courses_failed", "64493"),
    ('The case manager counts "14 weeks of PT" in her summary; I see 9.', "pt_weeks", "64493"),
])
def test_a_quoted_count_of_anothers_is_not_read(text: str, fact: str, cpt: str) -> None:
    assert fact not in read(text, cpt)


# --- a course not completed is no course that failed: the count is asked ---------------------

@pytest.mark.parametrize("text", [
    "PT courses x2 - 2nd cut short after 2 visits (copay). Both without relief.",
    "He began a second course of physiotherapy but dropped out after a week; 2 courses of "
    "PT, no improvement.",
])
def test_a_course_cut_short_leaves_the_count_asked(text: str) -> None:
    assert "pt_courses_failed" not in read(text, "64493")


def test_courses_completed_are_still_counted() -> None:
    assert str(read("2 courses of PT, both failed.", "64493").get("pt_courses_failed")) == "2"
