"""Session 22, figures22: which of several figures is the one the text gives as this
patient's, now. Every text here is the fixer's own wording, in voices unlike the corpus
items that failed (fresh25); each asserts what a user would see."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# A day said with the day it replaces ("X not Y", "not Y, X", "Y (sorry: X)") keeps X: the
# day taken back is no day of the study, whether its month is in figures or in words.
@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    ("Correction to my earlier fax: her lumbar MRI was performed on October 3rd, not "
     "October 30th.", "62311", "ct_mri_date", "2026-10-03"),
    ("mri date is oct 3 not oct 30 pls fix", "62311", "ct_mri_date", "2026-10-03"),
    ("Imaging: MRI L-spine 3 Oct 2026 (not 30 Oct 2026 as previously typed).", "62311",
     "ct_mri_date", "2026-10-03"),
    ("Knee films were taken Sept 9, 2026, not Sept 19.", "97110", "xray_date", "2026-09-09"),
    ("The lumbar MRI was done on the 2nd of November, not the 20th of November.", "62311",
     "ct_mri_date", "2026-11-02"),
])
def test_a_day_taken_back_is_not_the_studys_day(text: str, cpt: str, fact: str,
                                                day: str) -> None:
    assert str(read(text, cpt).get(fact)) == day


# A figure after the word of a scale's grade or class ranks a finding ("KL grade 3", "NYHA
# class 2", "type 2"): it counts nothing, so it is no number of films or of courses.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Right knee radiographs on file (Kellgren-Lawrence grade 3).", "97110", "xray_sets"),
    ("knee films: KL gr 4 medial compartment", "97110", "xray_sets"),
    ("XR knee - type 2 fracture pattern, healed", "97110", "xray_sets"),
    ("Imaging: knee X-ray, grade 3 OA", "97110", "xray_sets"),
    ("Hip X-ray on file (Tonnis grade 2).", "97110", "xray_sets"),
    ("X-rays of the knee: joint space loss, KL class 3", "97110", "xray_sets"),
])
def test_a_grade_is_no_count(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_pain_grade_is_still_a_score() -> None:
    assert str(read("pain grade 6 today", "64493").get("pain_nrs")) == "6"


# A trend's statistic (min, mean, nadir, peak) sums up a stretch of time: no reading of a
# measure now. The fact asked as the highest recent temperature still takes its "max".
@pytest.mark.parametrize(("text", "fact"), [
    ("Remote monitoring, 7 days, room air SpO2: min 87 | mean 91", "spo2_room_air"),
    ("Pulse ox log (no O2): nadir 85%", "spo2_room_air"),
    ("sats on RA avg 90% over the week", "spo2_room_air"),
    ("WBC trend this admission - peak 19.4", "wbc_count"),
])
def test_a_trend_statistic_is_no_reading_now(text: str, fact: str) -> None:
    assert fact not in read(text, "71250")


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("SpO2 92% on RA, nadir 84% overnight", "spo2_room_air", "92"),
    ("WBC 12.1 today, peak 18.0 on admission", "wbc_count", "12100"),
])
def test_a_trend_statistic_is_no_rival_of_the_reading_now(text: str, fact: str,
                                                           value: str) -> None:
    assert str(read(text, "71250").get(fact)) == value


def test_the_highest_temperature_still_takes_its_max() -> None:
    assert str(read("Temp 37.2, max 38.9 C in the last 24h", "71250").get(
        "body_temperature")) == "38.9 C"


# Heat, ice, TENS, massage and traction are modalities a therapist gives: weeks of them are
# no weeks of exercise, whichever word joins them to the exercise's weeks (where the words
# join them as one course after another, which length is the exercise's is asked).
@pytest.mark.parametrize(("text", "weeks"), [
    ("Across both courses: stretching 8 weeks; heat, ice packs and TENS 4 weeks.", "8 weeks"),
    ("Therapist notes ther-ex for 7 weeks, then traction and massage for 2 weeks.", "None"),
    ("Rx: supervised exercise 6 weeks followed by soft tissue mobilization 4 weeks", "None"),
])
def test_modality_weeks_are_no_exercise_weeks(text: str, weeks: str) -> None:
    assert str(read(text, "64493").get("pt_exercise_weeks")) == weeks


# A setting said to hold since an hour of today still holds: it is the one now, and a
# figure it "was" before is history.
@pytest.mark.parametrize(("text", "value"), [
    ("RT note 0415: FiO2 60% since 0300, was 40% on arrival.", "60"),
    ("ICU handoff - on high flow, FiO2 55% since midnight; had been 45% in the ED", "55"),
    ("fio2 at 45% since 11pm (was 30% before the desat)", "45"),
])
def test_a_setting_since_an_hour_is_the_one_now(text: str, value: str) -> None:
    assert str(read(text, "71250").get("fio2_percent")) == value


def test_two_settings_each_since_an_hour_are_asked() -> None:
    assert "fio2_percent" not in read("FiO2 60% since 0600, 40% since 0900", "71250")


# A quotation the policy's name labels (nothing but a colon or a dash between) is the
# policy's words: its figures are thresholds, never the patient's.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ('Adjuster wants us to cite plan criteria "NRS >= 4, 12 wks cons tx" in the reply.',
     "62311", "conservative_weeks"),
    ('For the reviewer, the payer criteria: "symptoms at least 6 weeks, conservative care 12 '
     'weeks".', "62311", "conservative_weeks"),
    ('Per LCD L39240 criteria "3 months of pain, 4 weeks of conservative care", pt qualifies.',
     "62311", "conservative_weeks"),
    ('UM note - guideline - "at least 12 weeks of conservative management" - reviewed.',
     "62311", "conservative_weeks"),
    ('Their coverage policy "SpO2 under 90% on room air, FiO2 40%" applies.', "71250",
     "fio2_percent"),
])
def test_a_quotation_the_policy_labels_is_no_fact(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_the_writers_own_figure_after_the_policys_quotation_is_read() -> None:
    facts = read('Payer criteria: "conservative care 12 weeks". Ours: PT 8 wks.', "71250")
    assert str(facts.get("pt_weeks")) == "8 weeks"


# A question in its own word order (the verb before the person) asks about the asker's
# figure even with no question mark: a chat line states none of it.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("[Dr Osei 09:02] did she do 12 wks of PT\n[MA Lin 09:05] checking", "64493", "pt_weeks"),
    ("has the patient had 6 weeks of symptoms\nwill look", "62311", "symptom_weeks"),
    ("Reviewer: is mr jones at 12 weeks of conservative care\nRN: pulling the log now",
     "62311", "conservative_weeks"),
    ("does pt have 2 sets of xrays", "97110", "xray_sets"),
])
def test_an_unmarked_question_states_no_figure(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_the_reply_after_an_unmarked_question_is_read() -> None:
    facts = read("did he do 12 wk PT\nYes - 14 wks of PT", "64493")
    assert str(facts.get("pt_weeks")) == "14 weeks"


# A length after a count of courses and a times sign is each course's: the total is the
# one said to be their product, or none is read (outside tester 22 F7).
@pytest.mark.parametrize(("text", "weeks"), [
    ("Conservative tx: 2 rounds x 7 weeks (physio, then meds + diet) = 14 weeks", "14 weeks"),
    ("conservative care 3 courses x 5 wks -> 15 wks, none helped", "15 weeks"),
    ("Conservative management summary: 2 courses x 6 weeks.", "None"),
    ("Conservative treatment was 4 blocks x 3 wks", "None"),
])
def test_a_length_times_courses_is_each_courses(text: str, weeks: str) -> None:
    assert str(read(text, "62311").get("conservative_weeks")) == weeks


def test_a_form_question_answered_on_its_line_is_read() -> None:
    facts = read("Q7. Does the patient have kidney disease (eGFR < 30)  [X] Yes - eGFR 22, "
                 "severe CKD per nephrology", "97110")
    assert facts.get("severe_comorbidities") == ["kidney_disease"]
