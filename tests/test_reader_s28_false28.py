"""False facts of the older corpus sets (session 28, false28): a study said not done only
for now or for one period is no study never done, an old dated FEV1 says nothing about lung
disease now, and a drug the text says was not tried is no failed course. Wordings are this
file's own, in several voices (a phone message, a scheduler's note, a fax form, an e-mail
from abroad, a dictation, a chat reply)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 9))


# --- a study not had "yet", with one on its way after the semicolon -----------------------
# (a nurse reads "no MRI yet; ordered" as an MRI still to come: when it is done is asked,
# never "no MRI was ever done", which would close the imaging criterion)

@pytest.mark.parametrize("text", [
    # a scheduler's note
    "Pt has not had a lumbar MRI yet; it is ordered, waiting on the insurer.",
    # a phone message
    "Per the front desk, no MRI yet; it's scheduled for Monday at Westside.",
    # a chat reply
    "no mri yet; on the waitlist at county",
])
def test_a_study_not_had_yet_but_on_its_way_is_not_never(text: str) -> None:
    got = read(text, "62311")
    assert got.get("ct_mri_date") != "never"


@pytest.mark.parametrize("text", [
    # guards: nothing on its way, or a full stop before the booking's words
    "He has not had an MRI yet; pain is 7/10 and worse at night.",
    "No MRI yet. Physical therapy was booked in March and done.",
])
def test_a_study_not_had_yet_with_nothing_booked_is_never(text: str) -> None:
    assert read(text, "62311").get("ct_mri_date") == "never"


# --- a study denied for one period only ---------------------------------------------------
# ("this year's spirometry was not done": there may be last year's; when was the last one?)

@pytest.mark.parametrize("text, cpt, fact", [
    # an occupational-health e-mail
    ("Last year's FEV1 was fine. This year's PFTs were not done, the tech was off sick.",
     "71250", "pft_date"),
    # a dictation
    ("this month's MRI was not done, the scanner was down", "62311", "ct_mri_date"),
    # a surveillance letter
    ("Annual spirometry not done. Last year's results are in the employee file.",
     "71250", "pft_date"),
])
def test_a_study_denied_for_one_period_is_asked_not_never(text: str, cpt: str,
                                                          fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_study_never_done_is_still_never() -> None:
    # guards: no period, or a period that only says none was done in it is still asked
    assert read("She has never had spirometry.", "71250").get("pft_date") == "never"
    assert "pft_date" not in read("No PFTs this year.", "71250")


# --- an FEV1 dated by its month long ago --------------------------------------------------
# (an FEV1 of over a year ago, dated "10/2025", is no sign of lung disease today)

@pytest.mark.parametrize("text", [
    # a referral from a surveillance programme
    "Prior screening 09/2025: FEV1 74% predicted. Nothing since.",
    # a GP letter
    "Spirometry at the works clinic (03/2025) showed an FEV1 of 69% of predicted.",
    # a fax form row
    "Last PFT: 11/2024 | FEV1 62% pred",
])
def test_an_fev1_dated_by_an_old_month_says_no_lung_disease_now(text: str) -> None:
    got = read(text, "71250")
    assert "pulmonary_disease_signs" not in got


def test_an_fev1_dated_by_a_recent_month_still_signs_lung_disease() -> None:
    got = read("PFTs 10/2026 at pulm: FEV1 64% predicted.", "71250")
    assert got.get("pulmonary_disease_signs") is True


# --- a drug said not tried on a failure line ----------------------------------------------

@pytest.mark.parametrize("text", [
    # a payer's fax form
    "Meds:   ibuprofen ☑ failed     gabapentin ☐ not tried",
    # a clinic's summary
    "Failed medications: meloxicam (no relief)   duloxetine - never tried",
    # a PA's typed list
    "Failed: naproxen 500 BID x 8 wks; duloxetine - not tried",
])
def test_a_drug_not_tried_is_no_failed_course(text: str) -> None:
    # (one failed course, or how many asked: never two)
    assert read(text, "64493").get("medication_courses_failed") in (None, "1")


def test_a_drug_whose_box_comes_before_it_is_still_counted() -> None:
    # guard: boxes before their items, each ticked one a failure
    got = read("Failed medications: ☑ naproxen  ☑ meloxicam  ☐ prednisone", "64493")
    assert got.get("medication_courses_failed") != "1"
    assert read("Meds failed: naproxen - not helpful; meloxicam - no change",
                "64493").get("medication_courses_failed") == "2"


# --- a record named in text copied forward from an older note -----------------------------
# (the old note's med list or exam is not today's: whether one is on file now is asked)

@pytest.mark.parametrize("text, cpt, fact", [
    # a progress note with a copied block
    ("*** copied from 09/02/2026 visit ***\nMedication list: meloxicam 15 mg, gabapentin.\n"
     "*** today 12/08/2026 ***\nStopped the gabapentin.", "64493", "medication_list_documented"),
    # a dictated exam carried forward, wrapped over two lines
    ("NEURO EXAM (carried forward from the 10/01/2026 visit): reflexes 2+ and symmetric,\n"
     "straight leg raise negative on both sides.\nNo exam today, telephone visit.",
     "62311", "hp_exam_neuro_pain_documented"),
    # a chest clinic note
    ("(copied forward from 08/14/2026 note) Vitals: BP 130/80, HR 80, RR 16.\n"
     "Seen by video today.", "71250", "current_vitals_documented"),
])
def test_a_record_in_copied_forward_text_is_asked(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_record_outside_the_copied_text_is_still_read() -> None:
    # guard: the copy marker covers only its lines; today's list under it is read
    text = ("*** copied from 09/02/2026 visit ***\nPain 6/10.\n\n"
            "Current medication list reconciled today: meloxicam 15 mg daily.")
    assert read(text, "64493").get("medication_list_documented") is True


# --- a COPD admission dated a year or more back --------------------------------------------
# (the exclusion is an exacerbation needing the hospital now: an old stay is asked)

@pytest.mark.parametrize("text", [
    # a pulmonology letter
    "Hospitalised for an exacerbation of COPD in 2024; on triple therapy.",
    # an ED triage line
    "ED triage: COPD exacerbation requiring admission 02/2025 (Mercy). Today here for a cough.",
    # a phone note
    "He was admitted for AECOPD on 10/03/2024.",
    # a home-health intake
    "Admitted with AECOPD at Mercy in March 2025. Uses albuterol PRN.",
])
def test_an_old_copd_admission_is_not_one_now(text: str) -> None:
    assert read(text, "71250").get("copd_exacerbation_hospitalized") is not True


def test_a_recent_copd_admission_is_still_read() -> None:
    # guard: an admission this month, still inpatient
    got = read("Admitted 12/02/2026 for a COPD exacerbation, still inpatient on BiPAP.", "71250")
    assert got.get("copd_exacerbation_hospitalized") is True
