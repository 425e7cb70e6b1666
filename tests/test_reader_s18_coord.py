"""Negation that reaches too far (session 18, coordinator; outside tester 18 F1, F7, F13,
F14): a "Pertinent negatives:" list denies what it lists; a denial of what the care did
("No physical therapy helped") is no denial of the care; a denial over a span of time
("has not had an MRI in 2 years") is no "never"; a contrast ("..., but ...") makes two
statements, so a denial before it and a finding after it are asked, and a date after it
that opens a new subject is not the study's before it. Wordings are the coordinator's own.
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "cpt"), [
    ("Pertinent negatives: fevers, dysuria, UTI, cellulitis.", "62311"),
    ("ROS - pertinent negatives: chills, urinary tract infection, pregnancy", "64493"),
    ("Pertinent neg: infection, pregnancy, night sweats", "97110"),
    ("Neuro: pertinent positives L5 numbness. Pertinent negatives: saddle anesthesia, "
     "fever, UTI.", "62311"),
])
def test_a_pertinent_negatives_list_states_no_finding(text: str, cpt: str) -> None:
    got = read(text, cpt)
    assert got.get("active_infection") is not True
    assert got.get("pregnancy") != "pregnant"


def test_a_pertinent_negatives_list_is_no_pneumonia() -> None:
    got = read("Pertinent negatives: hemoptysis, bacterial pneumonia, weight loss.", "71250")
    assert got.get("bacterial_pneumonia") is not True


@pytest.mark.parametrize("text", [
    "No physical therapy has helped; she did 16 weeks over two courses.",
    "No PT really worked - 13 wks total at two clinics.",
    "No therapy made a difference, 14 weeks in all.",
    "No PT helped him.",
])
def test_no_therapy_helped_is_no_denial_of_the_therapy(text: str) -> None:
    got = read(text, "64493")
    for fact in ("pt_weeks", "pt_courses_failed", "pt_exercise_weeks"):
        assert str(got.get(fact)) not in ("0", "0.0", "0 weeks"), fact


@pytest.mark.parametrize("text", ["No PT.", "Never had physical therapy.", "No PT so far."])
def test_no_therapy_at_all_is_still_none(text: str) -> None:
    assert str(read(text, "64493").get("pt_weeks")) in ("0", "0.0", "0 weeks")


@pytest.mark.parametrize(("text", "fact"), [
    ("Hasn't had an MRI in three years.", "ct_mri_date"),
    ("No lumbar x-rays for the past 2 yrs.", "xray_date"),
    ("No MRI in years.", "ct_mri_date"),
])
def test_a_denial_over_a_span_of_time_is_no_never(text: str, fact: str) -> None:
    assert read(text, "64493").get(fact) != "never"


def test_a_plain_denial_of_the_study_is_still_never() -> None:
    assert read("Has never had an MRI.", "64493").get("ct_mri_date") == "never"


@pytest.mark.parametrize("text", [
    "Infection was ruled out on imaging, but the urine culture yesterday grew E. coli - "
    "UTI on Macrobid.",
    "No infection seen on the CT, however she has a UTI being treated.",
    "No infection on the MRI, but the UA today shows a urinary tract infection.",
])
def test_a_denial_and_a_finding_across_a_contrast_are_no_denial(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not False


def test_a_day_after_a_contrast_with_a_new_subject_is_not_the_studys() -> None:
    got = read("No compression on the MRI, but the urinalysis today was positive.", "64493")
    assert str(got.get("ct_mri_date")) != "2026-12-04"


def test_a_day_after_a_contrast_about_the_same_study_is_its_own() -> None:
    got = read("MRI took a while to book, but the study was finally done 10/28/2026.", "64493")
    assert str(got.get("ct_mri_date")) == "2026-10-28"
