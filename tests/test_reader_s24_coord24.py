"""Session 24, coordinator: an answer in quotation marks after its question or label is an
answer (fresh27's pre-procedure call script: 'Q2 could you be pregnant?  "No, hysterectomy
in 2019."' read the 61-year-old as pregnant, a qualifying case denied); "No, none" answers
a list of labels; a question's time window ("in the past 2 weeks") is no threshold."""
from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 23))


@pytest.mark.parametrize(("text", "cpt"), [
    ('Q2 could you be pregnant?  "No, hysterectomy in 2019."', "62311"),
    ("3) Any chance she is pregnant? 'No, tubes tied years ago.'", "64493"),
    ('Screening Q7: possibility of pregnancy? “No.”', "97110"),
    ('RN: pregnant?\nPt: "no"', "71250"),
])
def test_a_quoted_no_to_the_pregnancy_question_is_never_read_pregnant(text: str,
                                                                     cpt: str) -> None:
    assert read(text, cpt).get("pregnancy") != "pregnant"


@pytest.mark.parametrize(("text", "cpt"), [
    ('Q1 any fever, chills or infection?  "No."', "62311"),
    ('Infection/antibiotics: "none"', "64493"),
    ('Fever, chills, infection, or antibiotics: No, none.', "62311"),
    ('Any fever, chills, infection, or antibiotics in the past 2 weeks? No.', "64493"),
    # a quoted answer to a question with a time window (found on a note of the
    # coordinator's own at the session's end: an active infection, a false denial)
    ('Q1 Any fever or infection in the last 2 weeks?  "No."', "62311"),
    ("Infection within the past 14 days?  'no.'", "97110"),
])
def test_an_infection_asked_and_answered_no_is_no_infection(text: str, cpt: str) -> None:
    assert read(text, cpt).get("active_infection") is False


@pytest.mark.parametrize("text", [
    # guards: a threshold asked and answered No is still no value of the patient's
    "Symptoms > 6 weeks? N",
    "Has the patient completed at least 12 weeks of PT? No",
])
def test_a_threshold_answered_no_gives_no_length(text: str) -> None:
    facts = read(text, "97110")
    assert "conservative_weeks" not in facts and "symptom_weeks" not in facts


@pytest.mark.parametrize("text", [
    "Two X-ray views (AP and lateral) of the knee on 11/20/2026.",
    "Radiology: 2 xray views of R shoulder obtained 11/02, no fracture.",
    "Ortho f/u - three radiograph views, L ankle, today. Mortise intact.",
])
def test_the_views_of_one_study_are_no_sets_of_x_rays(text: str) -> None:
    # (outside tester 24 F2: "Two X-ray views" was two sets, a false meets_criteria)
    assert "xray_sets" not in read(text, "97110")


def test_two_sets_are_still_read() -> None:
    # guard: a repeat study is a second set
    assert str(read("XR knee 06/03/2026 and repeat XR 11/30/2026, 3 views each.",
                    "97110").get("xray_sets")) == "2"


@pytest.mark.parametrize("text", [
    "MAR 12/04/2026: cefazolin 2 g IV - GIVEN 07:30 (pre-op prophylaxis).",
    "Keflex 500 QID - started 12/01 (wound prophylaxis after the dog bite).",
    "Meds: doxycycline 100 mg daily -- prophylactic, for his travel.",
])
def test_an_antibiotic_given_as_prophylaxis_is_no_infection(text: str) -> None:
    # (outside tester 24 F7: the MAR entry read an active infection, a false denial)
    assert read(text, "62311").get("active_infection") is not True


def test_an_antibiotic_course_for_an_infection_is_still_read() -> None:
    # guard: the drug of a treated infection, no prophylaxis named
    assert read("On cephalexin since Tuesday for a toe infection.", "62311").get(
        "active_infection") is True


@pytest.mark.parametrize(("text", "cpt"), [
    ("Pregnancy test: NOT negative - hCG positive.", "64493"),
    ("Urine hCG not negative (faint line), repeat serum pending.", "62311"),
    ("Lab called back: her beta-hCG is not negative.", "97110"),
])
def test_a_test_not_negative_is_never_read_not_pregnant(text: str, cpt: str) -> None:
    # (outside tester 24 F6: "NOT negative" read as negative, the exclusion passed)
    assert read(text, cpt).get("pregnancy") != "not_pregnant"


def test_a_test_denied_its_result_is_asked_and_a_stated_result_read() -> None:
    assert "pregnancy" not in read("Urine hCG not negative.", "62311")
    assert str(read("Pregnancy test: NOT negative - hCG positive.", "64493").get(
        "pregnancy")) == "pregnant"


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Payers commonly require 12 weeks of conservative care [1]; our patient had 10 weeks.",
     "62311", "conservative_weeks"),
    ("Most insurers now require six weeks of symptoms before an ESI.", "62311",
     "symptom_weeks"),
    ("Teaching done: facet injections usually follow 12 weeks of physical therapy.", "64493",
     "pt_weeks"),
    ("Studies show 40% of patients improve with 12 weeks of conservative care [3].", "97110",
     "conservative_weeks"),
])
def test_a_figure_about_patients_in_general_is_not_this_patients(text: str, cpt: str,
                                                                fact: str) -> None:
    # (outside tester 24 F4: a payer's or a study's figure read as the patient's)
    assert fact not in read(text, cpt)


def test_the_patients_own_figure_after_a_policy_is_read() -> None:
    # guard: the clause after the policy's is the patient's
    assert str(read("Policy requires 12 weeks; she has had 14 weeks of conservative care.",
                    "62311").get("conservative_weeks")) == "14 weeks"


def test_a_window_question_under_a_label_is_not_an_infection() -> None:
    # (a label before the question: its "no" is read as the label's; the question's
    # infection must not stand as stated, found at the session's end)
    assert read("Screening: infection within the past 14 days? no.", "97110").get(
        "active_infection") is not True
