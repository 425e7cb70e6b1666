"""False facts in reading found by outside tester 29 (session 29, reader29): "Pt:" as the
patient's field, a payer's minimum, drugs never taken counted as failed courses. Wordings
are this file's own, in several voices (an intake form, a faxed referral, a phone message,
a dictation, a letter), never the tester's sentences."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))

_PT_FACTS = ("pt_weeks", "pt_exercise_weeks", "pt_manual_weeks", "pt_education_weeks",
             "pt_courses_failed")


# --- F1: "Pt:" after another person's line, or under a label of the patient's history ------
# (a nurse reads "Brother: asthma. Pt: none." as "the patient has none", never as "no PT")

@pytest.mark.parametrize("text", [
    # an intake form's family-history row
    "Family hx: brother with asthma, mum with emphysema. Pt: none.",
    # a faxed referral's history block, the patient's answer on the next line
    "FH: sister - lupus.\nPt: none.",
    # a cardiology letter's family line
    "Dad: CAD, stent 2019. Pt: none.",
    # social history rows in a phone message
    "Alcohol - pt: never.",
    "Tobacco: pt: no.",
    # a surgical history row
    "Surgical hx - pt: none.",
])
def test_pt_as_the_patients_field_is_no_physical_therapy(text: str) -> None:
    got = read(text, "64493")
    assert not any(f in got for f in _PT_FACTS)


def test_pt_after_a_relatives_line_with_a_pulmonary_rehab_code() -> None:
    got = read("Family history: grandmother had COPD. Pt: none.", "71250")
    assert "pt_weeks" not in got


@pytest.mark.parametrize("text, weeks", [
    # therapy named as the field's own label stays therapy
    ("PT: none.", 0.0),
    ("Prior PT: none; chiro only.", 0.0),
    # care words after "Pt:" make it therapy's line
    ("Father: diabetes. Pt: 12 wks PT, both courses failed.", 12.0),
])
def test_therapy_labels_and_therapy_words_still_read(text: str, weeks: float) -> None:
    got = read(text, "64493")
    assert float(str(got.get("pt_weeks", "nan")).split()[0]) == weeks


def test_a_care_label_before_pt_keeps_it_therapy() -> None:
    got = read("Prior treatment - pt: none.", "64493")
    assert str(got.get("pt_weeks")).split()[0] in ("0", "0.0")


# --- F3: a payer's minimum is the rule's figure, never the patient's -----------------------

@pytest.mark.parametrize("text", [
    # a UR nurse's note, the minimum written after the figure
    "Cigna guideline: 12 weeks physical therapy minimum. He has done 9.",
    # a phone message, the minimum first
    "Minimum for Humana is 12 wks of PT - she only managed 7.",
    # a letter, the payer's minimum as a heading
    "Payer minimum: 12 weeks of PT. Completed to date: see attached log.",
])
def test_a_payers_minimum_is_not_the_patients_therapy(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pt_weeks") not in ("12 weeks", "12.0 weeks", 12, 12.0)


def test_the_patients_own_weeks_after_a_payers_minimum_are_not_the_minimum() -> None:
    got = read("BCBS requires a minimum; patient did 14 weeks of PT.", "64493")
    assert str(got.get("pt_weeks", "14")).startswith("14")


def test_the_patients_weeks_with_minimum_and_no_payer_stay_read() -> None:
    # "at least 12 weeks" said of the patient: no payer, no rule
    got = read("PT 12 wks minimum, all without relief.", "64493")
    assert str(got.get("pt_weeks")).startswith("12")


# --- F2: a drug never taken (allergy, declined, refused) is no failed course ---------------

@pytest.mark.parametrize("text", [
    # a dictation without punctuation
    "she is allergic to naproxen rash and she declined the prednisone because of her "
    "diabetes so no drug course has been tried or failed",
    # a referral form's failed-medication row with the reasons in brackets
    "Failed: naproxen (pt refused), gabapentin (declined).",
    # a UR abstract
    "Meds failed: none - allergic to ibuprofen, declined a medrol dosepak.",
    # a checklist
    "Medication trials failed: declined gabapentin, refused tramadol.",
])
def test_drugs_never_taken_are_no_failed_medication_courses(text: str) -> None:
    got = read(text, "64493")
    assert got.get("medication_courses_failed") not in ("1", "2", 1, 2)


def test_a_drug_taken_beside_one_refused_counts_once() -> None:
    got = read("Meds: refused prednisone; diclofenac x 10 wks - failed.", "64493")
    assert str(got.get("medication_courses_failed")) == "1"


def test_two_drugs_that_failed_still_count_two() -> None:
    got = read("Failed: celecoxib, tramadol.", "64493")
    assert str(got.get("medication_courses_failed")) == "2"
