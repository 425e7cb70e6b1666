"""Generalization (session 37, conditions37): a condition is the patient's before it is read.

"pregnant" said of someone else is the commonest decision-changing false fact of the blind
sets (16 of 97 condition lines: a wife, a sister in Basque, a daughter, a co-worker, a retreat
guest, a CSV's column): each was fixed in its own words and the next set said it in others.
The guard is on the sentence's shape (``agent/reading/subjects.py``): a sentence that opens
with another person (a form's row of another person, "another", "the other", "one of the
staff", an indefinite person with no age or sex of the patient's description, a relative, a
name a bracket calls a relative) says nothing of the patient's pregnancy until the patient is
named again. Every wording here is this file's own, with near-misses that keep their reading
(the patient described with an indefinite article and an age, a bare role that is the
patient, a label naming the patient, the patient named after the other person).
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


@pytest.mark.parametrize("text", [
    "A retreat volunteer, 20 weeks pregnant, drove her here. Pt is 58.",
    "The other lady in the waiting room was pregnant and asked about radiation.",
    "Emergency contact: Maria (niece) - 7 months pregnant, can't drive her after the block.",
    "Next of kin: daughter Rosa, currently pregnant.",
    "One of the front desk staff is pregnant so pt asked for a different room.",
    "Another mom at the school pickup, 8 months pregnant, told her about the ESI.",
    "Household | daughter-in-law (pregnant, 30 wks) | lives upstairs",
    "Pt 36F. A woman she met at aqua class, who is 6 months pregnant, recommended us.",
])
def test_someone_elses_pregnancy_is_not_the_patients(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "pregnant", read(text, "62311")


@pytest.mark.parametrize("text", [
    "A 31-year-old woman, 20 weeks pregnant, with sciatica.",
    "A pregnant 29 y/o with L5 radiculopathy; 14 wks by LMP.",
    "Guest is 24 weeks pregnant.",
    "Ms. Rivera (34F) is 14 weeks pregnant.",
    "Pt 29F - pregnant 10 wks per OB.",
    "Patient: wife of the subscriber - 20 wks pregnant",
    "Her sister drove her in; she is 16 wks pregnant herself.",
    "Mother - drove her in. Pt is 24 wks pregnant.",
])
def test_the_patients_pregnancy_stays(text: str) -> None:
    assert read(text, "62311").get("pregnancy") == "pregnant", read(text, "62311")


# --- one condition named twice is one member ------------------------------------------------

@pytest.mark.parametrize("text", [
    "ESRD on HD MWF; nephrology calls the renal disease severe.",
    "PMH: end-stage renal disease (dialysis since 2024) - severe kidney disease per nephro.",
    "Comorbidities: ESRD, severe CKD-related anemia.",
])
def test_esrd_said_again_as_kidney_disease_is_one_member(text: str) -> None:
    assert read(text, "64493").get("severe_comorbidities") == ["esrd"], read(text, "64493")


def test_a_broader_member_alone_stays() -> None:
    text = "Severe comorbidities: CKD stage 4 (severe), no ESRD, no dialysis."
    assert read(text, "64493").get("severe_comorbidities") == ["kidney_disease"]


# --- a label with its yes/no options printed and no answer -----------------------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("62311", "Screen: pregnant Y/N column left blank.", "pregnancy"),
    ("62311", "Intake sheet columns: Name, DOB, Pregnant Y/N, Infection Y/N, Allergies",
     "pregnancy"),
    ("62311", "Intake sheet columns: Name, DOB, Pregnant Y/N, Infection Y/N, Allergies",
     "active_infection"),
    ("64493", "Cosmetic Y/N - left empty by the front desk.", "cosmetic_purpose"),
])
def test_a_labels_printed_options_are_no_answer(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("Pregnant Y/N: N", "not_pregnant"),
    ("Pregnant Y/N: Y (12 wks)", "pregnant"),
])
def test_an_answered_yes_no_label_stays(text: str, value: str) -> None:
    assert read(text, "62311").get("pregnancy") == value, read(text, "62311")


# --- a condition's word naming the department in a heading ----------------------------------

@pytest.mark.parametrize(("cpt", "text", "fact"), [
    ("64493", "Dialysis unit employee health: pt is one of our HD techs. Hand cellulitis "
              "resolved.", "severe_comorbidities"),
    ("64493", "Dialysis med rec: med list with doses on file.", "severe_comorbidities"),
    ("62311", "Aesthetic clinic intake (shared EHR): can't sit through a 20-min consult.",
     "cosmetic_purpose"),
    ("62311", "COSMETIC DERMATOLOGY CLINIC - referral note: pt with L5 radiculopathy 8 "
              "months.", "cosmetic_purpose"),
])
def test_a_departments_name_is_no_condition(cpt: str, text: str, fact: str) -> None:
    assert fact not in read(text, cpt), read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    ("Dialysis: MWF at the county unit, ESRD from diabetes.", ["esrd"]),
    ("ESRD on HD. Dialysis unit note: tolerating runs.", ["esrd"]),
])
def test_the_patients_condition_beside_a_heading_stays(text: str, value: list[str]) -> None:
    assert read(text, "64493").get("severe_comorbidities") == value, read(text, "64493")


# --- a transcript's screening question answered "no" on the next speaker's line -------------
# (outside tester 37 F1: "DR. NATARAJAN: Any fevers, infections, diabetes, heart problems?" /
# "PATIENT: No, none of that." read an active infection and denied a qualifying case)

@pytest.mark.parametrize("text", [
    "NP KOWALSKI: How is the back today?\nMEMBER: Same, a seven.\n"
    "NP KOWALSKI: Chills, wound problems, infections, anything like that?\n"
    "MEMBER: No, nothing like that.\nNP KOWALSKI: Good.",
    "DR OSEI: Let's go over your history.\nPATIENT: OK.\n"
    "DR OSEI: Any fevers, infections, cancer, bleeding problems?\nPATIENT: No.\n"
    "DR OSEI: Fine.",
])
def test_a_screening_question_answered_no_is_no_infection(text: str) -> None:
    assert read(text, "64493").get("active_infection") is not True, read(text, "64493")


def test_a_screening_question_answered_yes_keeps_the_infection() -> None:
    text = ("DR OSEI: Let's go over your history.\nPATIENT: OK.\n"
            "DR OSEI: Any fevers, infections, cancer, bleeding problems?\n"
            "PATIENT: Yes, a kidney infection, I'm on Keflex.\nDR OSEI: Fine.")
    assert read(text, "64493").get("active_infection") is True, read(text, "64493")
