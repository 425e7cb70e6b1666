"""Session 25, the coordinator's fixes of outside tester 25's false facts: a payer's or a
guideline's rule quoted by name, a state only a person is in after "Pt", and a form's list
of examples answered No. Wordings are this file's own (a UR nurse's note, a fax form, a
copied-forward problem line, a case manager's e-mail)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a rule quoted by its source is no figure of the patient's ---------------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    # a UR nurse's note
    ("64493", "Per the Cigna medical policy, the patient must have pain of at least 5/10.",
     "pain_nrs"),
    # a case manager's e-mail
    ("62311", "Humana requires a minimum of 12 weeks of conservative care before an ESI.",
     "conservative_weeks"),
    # a fax cover's reminder
    ("97110", "BCBS guideline: two or more sets of X-rays on file.", "xray_sets"),
    # a pre-auth worksheet
    ("64493", "Medicare LCD: physical therapy 12 weeks or longer before MBB.", "pt_weeks"),
    # a physician's letter citing the common rule
    ("62311", "She is past the usual thresholds of 6 weeks of symptoms and 12 weeks of "
              "conservative care.", "symptom_weeks"),
])
def test_a_rule_quoted_by_name_gives_no_patient_figure(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # the patient's own figure after the rule, in its own sentence
    ("62311", "Aetna requires 12 weeks of conservative care. She has had 16 weeks of "
              "conservative care.", "conservative_weeks", "16 weeks"),
    # a source named with no rule's words: the patient's figures
    ("64493", "Per policy review today: PT 12 weeks completed. Pain 7/10.", "pain_nrs", "7"),
    ("64493", "Per policy review today: PT 12 weeks completed. Pain 7/10.", "pt_weeks",
     "12 weeks"),
])
def test_the_patients_figure_beside_a_rule_is_still_read(cpt: str, text: str, fact: str,
                                                         value: str) -> None:
    assert read(text, cpt).get(fact) == value


# --- "Pt" before a state only a person is in is the patient, not physical therapy --------

@pytest.mark.parametrize("text", [
    "Copied forward from 02/2026 problem list: Pt pregnant, 14 weeks.",
    "pt nauseated, 6 weeks, now eating again",
    "Pt postpartum, 8 weeks.",
])
def test_weeks_after_a_patients_state_are_no_physical_therapy(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


def test_physical_therapy_written_pt_still_gives_its_weeks() -> None:
    # (a guard: "PT" or "pt" with its weeks and no state word stays therapy)
    assert read("PT 10 weeks, no better.", "64493").get("pt_weeks") == "10 weeks"


# --- a form's list of examples answered No -------------------------------------------------

@pytest.mark.parametrize("text", [
    # a payer's fax form
    "Serious comorbid illness (heart disease / COPD / dialysis): [ ] Yes  [X] No",
    # a ticked No with no Yes box
    "Severe comorbidities (diabetes, liver disease, bleeding disorder): [x] No",
])
def test_a_list_of_examples_answered_no_names_no_disease(text: str) -> None:
    got = read(text, "71250")
    assert got.get("severe_comorbidities") in (None, [])


def test_a_list_answered_yes_keeps_what_it_names() -> None:
    # (a guard: the labs listed and ticked yes are the labs on file)
    assert read("Labs on file (CBC, BMP, creatinine): Y", "71250").get("labs_documented") is True


# --- "today" in a dictation or a note dated by its own words is that day -------------------

@pytest.mark.parametrize(("text", "day"), [
    # a transcription service's header
    ("H&P dictated 11/02/2026: history and exam today, neuro intact.", date(2026, 11, 2)),
    # a pasted older note
    ("Note from 10/28/2026: full H&P done today with neurological exam.", date(2026, 10, 28)),
    # a dictation's own label
    ("Dictation 10/30/2026 - history and physical performed today.", date(2026, 10, 30)),
])
def test_today_in_a_dated_dictation_is_its_day(text: str, day: date) -> None:
    assert read(text, "62311").get("hp_date") == day.isoformat()


def test_today_with_no_date_of_its_own_is_the_check_day() -> None:
    # (a guard: an undated "today" stays the reader's today)
    assert read("H&P today, neuro intact.", "62311").get("hp_date") == "2026-12-05"


# --- a measure named again with what it was corrected to -----------------------------------

@pytest.mark.parametrize("text", [
    # a pulmonary clinic's addendum
    "FEV1 88% predicted. Addendum 12/02: FEV1 corrected to 61% predicted (scanned the wrong "
    "report).",
    # a UR nurse's note
    "PFT 11/10: FEV1 90% pred. Later the lab called: FEV1 amended to 58%.",
    # a terse log line
    "FEV1 83%; FEV1 revised 12/01 to 67%.",
])
def test_a_corrected_measure_is_not_read_at_its_first_value(text: str) -> None:
    assert read(text, "71250").get("fev1_percent_predicted") not in ("88", "90", "83")


def test_the_corrected_value_stands_at_its_label() -> None:
    assert read("FEV1 83%; FEV1 revised 12/01 to 67%.", "71250").get(
        "fev1_percent_predicted") == "67"


def test_another_measures_figure_is_not_taken_back() -> None:
    # (a guard: the saturation before an FEV1's correction is still the saturation)
    got = read("SpO2 95% on room air. FEV1 corrected to 65%.", "71250")
    assert got.get("spo2_room_air") == "95"


# --- a failed epidural injection is no failed conservative care -----------------------------

@pytest.mark.parametrize(("cpt", "text"), [
    ("62311", "Prior L5-S1 ESI in March gave no relief. Now in PT, 6 weeks so far."),
    ("64493", "Two epidural steroid injections in 2025, both failed. Started physio in May."),
    ("62311", "Caudal ESI 07/2026 - unsuccessful; meloxicam since August."),
])
def test_a_failed_epidural_says_nothing_of_conservative_care(cpt: str, text: str) -> None:
    assert "failed_conservative" not in read(text, cpt)


def test_conservative_care_said_to_fail_is_still_read() -> None:
    # (a guard: the care's own failure beside the injection)
    got = read("ESI 2025 failed. Conservative care (PT, naproxen) 14 weeks also failed.", "62311")
    assert got.get("failed_conservative") is True


# --- a speaker named by a name in a transcript is another person --------------------------

@pytest.mark.parametrize("text", [
    # a pre-procedure phone screen on speaker
    'RN: Any fever or infection lately?  Pt: "No."  Rosa: "I\'m the one with the UTI, on '
    'Macrobid."',
    # a clinic's call transcript
    "MA: any infections, antibiotics?\nPt: none.\nGeorge: I just finished amoxicillin for "
    "my tooth.",
    # a telehealth transcript
    'NP: Are you on any antibiotics?  Pt: "No."  Dana: "Only me - doxycycline for my skin."',
])
def test_a_named_speakers_own_infection_is_not_the_patients(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not True


def test_the_patients_own_turn_is_still_read() -> None:
    # (a guard: the patient speaking of their own antibiotics)
    got = read('RN: Any infection?  Pt: "I\'m on antibiotics for a kidney infection."', "62311")
    assert got.get("active_infection") is True
