"""False facts in reading found by outside tester 30 (session 30, reader30). Wordings are
this file's own, in several voices (an intake form, a faxed checklist, a phone message, a
letter, a case manager's log), never the tester's sentences."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- F8: a form's yes dated to an earlier year, or taken back for now ----------------------
# (a nurse reads "Pregnant? Yes - 2019. Now: no." as a pregnancy in 2019: none now)

@pytest.mark.parametrize("text", [
    # a walk-in intake form
    "Pregnancy: yes, 2018 - not now.",
    # a faxed checklist whose answer has its year in brackets
    "Pregnant?  yes (03/2021)",
    # a screening sheet answered by the front desk
    "Currently pregnant? Yes - 2020; currently no.",
])
def test_a_yes_of_an_earlier_year_is_no_pregnancy_now(text: str) -> None:
    assert read(text, "97110").get("pregnancy") != "pregnant"


@pytest.mark.parametrize("text, cpt", [
    ("Pregnant? Yes.", "97110"),
    ("Pregnant: Y, 12 wks", "62311"),
    # this year's date says when it began, not that it is over
    ("Pregnant? Yes - LMP 10/2026.", "64493"),
])
def test_a_plain_or_this_years_yes_still_reads_pregnant(text: str, cpt: str) -> None:
    assert read(text, cpt).get("pregnancy") == "pregnant"


# --- F5: a gain that did not last is no response; a course that helped is not failed ------

@pytest.mark.parametrize("text", [
    # a case manager's log
    "Did PT help? Partly - he improved with PT initially but it wore off within a month.",
    # a letter from a physiotherapist abroad
    "She responded well to PT at first, but the benefit was short-lived.",
    # a phone message
    "pt called: improved with treatment for a while and then got worse again",
])
def test_an_improvement_that_was_lost_is_not_a_response(text: str) -> None:
    assert read(text, "64493").get("failed_conservative") is not False


@pytest.mark.parametrize("text", [
    "He improved with PT and is now pain-free at work.",
    "Responded well to conservative treatment.",
])
def test_a_lasting_improvement_still_reads_a_response(text: str) -> None:
    assert read(text, "64493").get("failed_conservative") is False


@pytest.mark.parametrize("text, cpt, fact", [
    # a referral letter
    ("Two courses of conservative care: chiropractic 8 wks (some relief), gabapentin "
     "6 wks (failed).", "62311", "conservative_courses_failed"),
    # an intake worksheet
    ("2 rounds of PT - the first no better, the second a bit better.", "64493",
     "pt_courses_failed"),
    # a dictation
    ("two courses, physio which helped somewhat and naproxen which did not help",
     "62311", "conservative_courses_failed"),
])
def test_a_count_of_courses_one_of_which_helped_is_no_count_of_failed_ones(
        text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_courses_that_all_failed_are_still_counted() -> None:
    assert read("2 courses of conservative care, both failed.", "62311")[
        "conservative_courses_failed"] == "2"
    assert read("Two rounds of PT, neither helped.", "64493")["pt_courses_failed"] == "2"


# --- F3: a score before an operation is no baseline of the conservative care ---------------

@pytest.mark.parametrize("text", [
    # a surgeon's letter
    "Her pain was 9/10 prior to the 2023 laminectomy. Pain before PT this year: 4/10; "
    "today 7/10.",
    # a pre-procedure checklist
    "Pre-op pain (2022): 8/10.  Baseline NRS before conservative tx: 4.  Current: 7/10.",
])
def test_a_pre_surgery_score_is_not_the_baseline(text: str) -> None:
    got = read(text, "62311")
    assert got.get("pain_nrs_baseline") in (None, "4")
    assert got.get("pain_nrs_increase") in (None, "3")


def test_a_pre_surgery_score_alone_is_no_baseline() -> None:
    # a phone message: the only score said before anything is the operation's
    assert "pain_nrs_baseline" not in read(
        "she says the pain was 8 out of 10 before her fusion back in 2021", "62311")


def test_a_score_before_therapy_is_still_the_baseline() -> None:
    got = read("Pain was 5/10 before PT started; now 8/10.", "62311")
    assert got["pain_nrs_baseline"] == "5" and got["pain_nrs_increase"] == "3"


# --- F9: "Pt on" a drug or a device is the patient, never weeks of therapy -----------------

@pytest.mark.parametrize("text, cpt", [
    # a pulmonary clinic's intake
    ("Pt on tiotropium daily for 6 months without benefit.", "71250"),
    # a pharmacist's reconciliation note
    ("Pt on celecoxib 200 mg daily x 9 weeks, no relief.", "64493"),
    # a home-health visit
    ("pt on home O2 via concentrator for about 18 months now", "71250"),
])
def test_the_patient_on_a_drug_or_device_is_no_physical_therapy(text: str, cpt: str) -> None:
    assert "pt_weeks" not in read(text, cpt)


def test_therapy_written_pt_still_reads_its_weeks() -> None:
    assert read("Pt did PT for 14 weeks, 2x/week.", "64493")["pt_weeks"] == "14 weeks"
    assert read("PT on hold since 10/2026 after 12 weeks.", "64493").get("pt_weeks") != "0"
