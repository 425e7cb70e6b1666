"""Corrections and supersession (session 17, corr17): a teacher's bracketed correction of a
student's note is a reviewer's comment (``audits`` in context.yaml): the student's figure
it gives another of its form is not read (fresh20: "T 100.8 F [PRECEPTOR: no - that was
the patient before her; hers is 37.5 C]" read a fever and denied a qualifying chest CT).
A temperature is a form too, compared in Celsius. Wordings are the fixer's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize("text", [
    "Vitals: temp 101.2 F [ATTENDING: repeat temp 37.0 C, afebrile], RR 18.",
    "Student note: febrile, Tmax 102 F. [Supervising physician: she has not been febrile "
    "here; 37.0 C on arrival.]",
    "O: T 38.7 C, HR 90 [faculty comment: 37.2 C when I saw her; the 38.7 was from triage "
    "yesterday]",
    "Temp 39.1 C (student) [PRECEPTING PHYSICIAN: 36.8 C, she is afebrile]",
])
def test_teachers_temperature_replaces_the_students(text: str) -> None:
    got = str(read(text, "71250").get("body_temperature"))
    assert got not in ("101.2 F", "102 F", "102.0 F", "38.7 C", "39.1 C")


def test_corrected_temperature_is_read() -> None:
    # the student's figure struck, the label before it reads the preceptor's figure
    got = read("Exam: T 100.8 F [Preceptor: no, hers is 37.5 C], HR 96.", "71250")
    assert str(got.get("body_temperature")) == "37.5 C"


# guards: a figure the comment only restates is no correction
@pytest.mark.parametrize(("text", "value"), [
    # the same temperature in the other scale is no correction
    ("T 100.8 F [PRECEPTOR: that is 38.2 C]", "100.8 F"),
    ("Temp 38.5 C [preceptor: = 101.3 F; agree febrile]", "38.5 C"),
])
def test_same_temperature_restated_is_kept(text: str, value: str) -> None:
    assert str(read(text, "71250").get("body_temperature")) == value


@pytest.mark.parametrize("text", [
    "WBC 16.4 K [preceptor: that one was drawn before the antibiotics; today's is 7.9 K]",
    "Labs (student): WBC 21.0 K.\n[Attending: 8.8 K on the repeat draw - the first was "
    "hemolyzed]",
    "white count 14.2 k/uL [supervising physician: 6.3 k/uL on today's CBC]",
])
def test_teachers_white_count_replaces_the_students(text: str) -> None:
    got = str(read(text, "71250").get("wbc_count"))
    assert got not in ("16400", "21000", "14200")


@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    # a speaker in a transcript opens a correction: what the correction says holds
    ("64493", 'Dr. Amari: I vote NO - his "failed PT" is one course of 6 wks.\n'
     "Patel: Correction - the packet shows he completed both courses, 6 wks and 8 wks, "
     "neither helped.", "pt_courses_failed", "2"),
    ("71250", "Chen: pain is 9/10 per triage.\nOduya: Update - she rates it 4/10 now after "
     "the nebulizer.", "pain_nrs", "4"),
])
def test_speakers_correction_replaces_earlier(cpt: str, text: str, fact: str,
                                               value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize("text", [
    "11/10 admitted for COPD exacerbation, on BiPAP overnight.\n11/15 patient discharged "
    "home on room air.\n12/02 seen in clinic, back at her baseline.",
    "Hospitalized for COPD exacerbation 11/20. She was discharged on 11/24 and is at her "
    "baseline today.",
    "Admitted for COPD exacerbation 11/12. 11/16: discharged home. 11/30 follow-up: "
    "doing well, at his baseline.",
])
def test_admission_then_discharge_is_not_a_current_exacerbation(text: str) -> None:
    assert read(text, "71250").get("copd_exacerbation_hospitalized") is not True


@pytest.mark.parametrize(("text", "value"), [
    # a teacher's temperature without its scale: the range says which scale
    ("Exam: T 38.6 C, HR 88 [PRECEPTOR: 37.1 on my recheck]", "37.1 C"),
    ("Temp 101.9 F [attending: 98.9 when I saw him an hour later]", "98.9 F"),
    ("Vitals: temp 39.0 C [supervising physician: no - 36.8, that 39.0 was the old reading]",
     "36.8 C"),
])
def test_teachers_bare_temperature_replaces_the_students(text: str, value: str) -> None:
    assert str(read(text, "71250").get("body_temperature")) == value
