"""Whose value, and which thing a figure belongs to (session 21, owners21): a count, a length
or a date attaches to the nearest thing it measures (a medicine, a pregnancy, an operation),
not to a fact named further away; "Pt" before an age and a sex is the patient. Wordings are
this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a bare count of courses beside a medicine is the medicine's ---------------------------

@pytest.mark.parametrize("text", [
    # a note: the therapy on one line, the drug and its courses on the next
    "PT 12 wks in 2026, no better.\nTried naproxen 500 BID x 8 wks - 2 courses, no relief.",
    # a chart review: the drug's course past a semicolon
    "Chart review: physio 10 weeks, goals not met. Gabapentin titrated to 600 TID; 1 course, "
    "no benefit.",
    # a chat reply
    "she did PT all summer. also tried celebrex, 2 courses, did not help",
    # a form's lines
    "Therapy: PT 8 wks, failed\nMedrol dose pack - 1 course, no relief",
])
def test_a_count_of_courses_beside_a_medicine_is_no_count_of_pt(text: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") is None


def test_a_count_of_pt_courses_stands() -> None:
    got = read("PT x2 courses (2025, 2026), neither helped.", "64493")
    assert str(got.get("pt_courses_failed")) == "2"


# --- a length a state right after it measures is that state's ------------------------------

@pytest.mark.parametrize("text", [
    "PT - 14 wks pregnant, no prone positioning",
    "physio: 3 weeks post-op, ROM limited",
    "PT at 20 wks gestation per OB note",
    "Physical therapy 6 wks postpartum - eval only",
])
def test_a_pregnancys_or_an_operations_weeks_are_no_therapy(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") is None


def test_a_therapy_done_for_weeks_after_an_operation_is_still_read() -> None:
    assert str(read("PT for 6 wks post-op, no better", "64493").get("pt_weeks")) == "6 weeks"


# --- "Pt" before an age and a sex is the patient --------------------------------------------

@pytest.mark.parametrize("text", [
    "Pt 58 F presents with facet pain, 5 months.",
    "pt 61 F c/o back pain, 4 months.",
    "Pt 44 F: neck and back pain, 9 months.",
    "PT 67 yo female w/ LBP, 5 months",
])
def test_pt_before_an_age_and_a_sex_is_the_patient(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") is None


def test_pt_with_its_own_length_after_an_age_is_still_read() -> None:
    assert str(read("Pt 34 F, PT 12 wks, no relief", "64493").get("pt_weeks")) == "12 weeks"


# --- a length right after another thing's name and "for" / "x" is that thing's --------------

@pytest.mark.parametrize("text,cpt", [
    ("Spiriva for 5 months with ongoing cough", "71250"),
    ("on Advair for 4 months with persistent dyspnea", "71250"),
    ("Ibuprofen 600 TID x 10 wks with continued radicular symptoms", "62311"),
    ("gabapentin 300 mg tid for 12 weeks with persistent leg symptoms", "62311"),
    ("Medrol dose pack x 1 wk, then gabapentin for 8 weeks with persistent symptoms", "62311"),
])
def test_a_medicines_length_is_not_the_symptoms(text: str, cpt: str) -> None:
    assert read(text, cpt).get("symptom_weeks") is None


def test_the_symptoms_own_length_before_more_symptoms_stands() -> None:
    got = read("Back pain for 6 months with radicular symptoms.", "62311")
    assert str(got.get("symptom_weeks")) == "6 months"


# --- a label given in two languages is one label --------------------------------------------

@pytest.mark.parametrize("text", [
    "Embarazo / pregnancy: prueba negativa hoy.",
    "Grossesse / pregnancy : test négatif",
    "Schwangerschaft / pregnancy: Test negativ",
    "Gravidez / pregnancy: teste negativo",
])
def test_a_label_in_two_languages_is_no_pregnancy(text: str) -> None:
    assert read(text, "62311").get("pregnancy") != "pregnant"


def test_a_label_in_two_languages_still_takes_its_answer() -> None:
    assert read("Embarazo / pregnancy: no, LMP 11/20", "71250").get("pregnancy") == \
        "not_pregnant"
