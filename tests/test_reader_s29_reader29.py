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


# --- F12: an impact on daily life graded below significant is not the policy's ------------

@pytest.mark.parametrize("text", [
    # an intake form's row
    "ADLs: mild limitation only.",
    # a physician's letter
    "Her sciatica has had only a slight impact on daily life so far.",
    # a phone message
    "says it barely affects her daily activities",
    # a form answered with a grade
    "Impact on daily life: minimal.",
])
def test_a_mild_impact_on_daily_life_is_not_read_as_significant(text: str) -> None:
    got = read(text, "62311")
    assert got.get("symptoms_impact_daily_life") is not True


def test_an_impact_stated_plainly_still_reads() -> None:
    got = read("Mild disc bulge on MRI; she cannot work because of the leg pain.", "62311")
    assert got.get("symptoms_impact_daily_life") is True


# --- F6: an unticked box under a denial or screening heading answers nothing ---------------

@pytest.mark.parametrize("text", [
    # a pre-procedure screen
    "Pre-procedure screen - patient denies: [ ] infection  [ ] fever",
    # a nurse's reviewed checklist
    "Safety items reviewed: [ ] active infection  [ ] anticoagulation",
    # a ROS grid
    "ROS negative for: [ ] fever [ ] chills [ ] infection",
])
def test_an_unticked_box_under_a_denial_heading_is_no_denial(text: str) -> None:
    got = read(text, "62311")
    assert "active_infection" not in got


def test_an_unticked_pregnancy_box_in_a_reviewed_list_is_not_not_pregnant() -> None:
    got = read("Contraindications reviewed w/ pt: [ ] pregnancy  [ ] bleeding disorder", "97110")
    assert "pregnancy" not in got


def test_an_unticked_no_comorbidities_box_is_no_empty_list() -> None:
    got = read("[ ] No severe comorbidities   [ ] Diabetes", "62311")
    assert "severe_comorbidities" not in got


@pytest.mark.parametrize("text", [
    "Patient denies: [x] fever [x] infection",
    "Screening: no active infection, not pregnant.",
])
def test_ticked_or_written_denials_still_read(text: str) -> None:
    got = read(text, "62311")
    assert got.get("active_infection") is False


# --- F5: a correction written into the text: the corrected value wins, or it is asked -----

@pytest.mark.parametrize("text, cpt, fact, old", [
    # a radiology addendum in a referral
    ("CT L-spine 10/28/2026 - addendum 11/30: correct date is 08/28/2026.", "62311",
     "ct_mri_date", "2026-10-28"),
    # an amended imaging line in a PT request, bracketed
    ("Knee X-rays 11/10/2026 (amended 11/29: should read 06/10/2026)", "97110",
     "xray_date", "2026-11-10"),
    # an amended H&P date in a faxed summary
    ("H&P 11/20/2026 [amended 12/03 - date is 10/20/2026]", "62311", "hp_date", "2026-11-20"),
    # a pain score the patient corrected
    ("NRS 8/10 (pt later clarified: 4/10 on most days)", "97110", "pain_nrs", "8"),
    # a dictated hesitation over the weeks of therapy
    ("Physio 14 wks... well, 11 wks really, she missed three.", "64493", "pt_weeks", "14 weeks"),
])
def test_a_value_corrected_in_the_text_is_not_the_old_one(text: str, cpt: str, fact: str,
                                                          old: str) -> None:
    got = read(text, cpt)
    assert str(got.get(fact)) != old


def test_the_corrected_date_is_read() -> None:
    got = read("CT L-spine 10/28/2026 - addendum 11/30: correct date is 08/28/2026.", "62311")
    assert str(got.get("ct_mri_date")) == "2026-08-28"


@pytest.mark.parametrize("text, cpt, fact, value", [
    # an addendum about something else keeps the study's day (and never takes its own)
    ("MRI 11/02/2026 - addendum 12/01 re: contrast, no change.", "62311", "ct_mri_date",
     "2026-11-02"),
    # "clarified with" the patient is no new score
    ("Pain 7/10, clarified with patient at intake.", "97110", "pain_nrs", "7"),
])
def test_words_near_a_value_that_correct_nothing_keep_it(text: str, cpt: str, fact: str,
                                                        value: str) -> None:
    got = read(text, cpt)
    assert str(got.get(fact)) == value
