"""Conditions and findings and what governs them (session 22, conditions22). Wordings are
this file's own, in several voices (a consent note, a payer's pasted checklist, an ED
differential, a chat reply, a form)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a list of things to check is no finding -------------------------------------------------
# (a yes needs the writer's answer; a denial of the list is still read)

@pytest.mark.parametrize("text", [
    # a consent note
    "Went over the contraindications (pregnancy, active infection, anticoagulation) "
    "with Mrs. Ruiz and her daughter before signing.",
    # a payer's checklist pasted into the case
    "EXCLUSIONS: Active infection at the injection site; Pregnancy; Cosmetic procedures.",
    # an ED differential
    "Differential diagnosis includes discitis, spinal epidural abscess and renal colic.",
    # a heading with the list under it
    "Red flags screened:\n- fever / infection\n- pregnancy\n- cosmetic-only request\n",
    # a chat reply
    "we talked thru the risks: infection, bleeding, a flare of pain",
])
def test_an_item_of_a_list_of_things_to_check_is_not_stated(text: str) -> None:
    got = read(text, "62311")
    assert got.get("active_infection") is not True
    assert str(got.get("pregnancy")) != "pregnant"
    assert got.get("cosmetic_purpose") is not True


@pytest.mark.parametrize("text", [
    "DDx: vertebral osteomyelitis, epidural abscess - both considered and ruled out.",
    "Differential incl. discitis, pyelonephritis and epidural abscess - considered and unlikely.",
])
def test_a_list_of_things_to_check_denied_as_a_whole_reads_no_infection(text: str) -> None:
    assert str(read(text, "62311").get("active_infection")) == "False"


@pytest.mark.parametrize("text, fact, value", [
    ("Contraindications reviewed (pregnancy, bleeding disorder, active infection): "
     "active infection - yes, UTI on nitrofurantoin", "active_infection", "True"),
    ("Red flags screened: cosmetic-only request, pregnancy; she is 22 weeks pregnant per OB.",
     "pregnancy", "pregnant"),
])
def test_an_item_the_writer_answers_is_read_and_the_rest_asked(text: str, fact: str,
                                                               value: str) -> None:
    got = read(text, "62311")
    assert str(got.get(fact)) == value
    assert got.get("cosmetic_purpose") is None
    if fact != "pregnancy":
        assert got.get("pregnancy") is None


def test_a_differential_considered_and_unlikely_reads_no_infection() -> None:
    text = ("Assessment: mechanical LBP. Ddx included discitis, epidural abscess, "
            "pyelo - all considered and felt unlikely (afebrile, UA clean).")
    assert str(read(text, "97110").get("active_infection")) == "False"


def test_the_policys_own_exclusion_text_pasted_gives_no_exclusion() -> None:
    text = ("Exclusion Criteria: Active Infections; Pregnancy (if applicable); Severe "
            "Comorbidities (e.g., diabetes, cardiovascular disease); Cosmetic Indications.")
    got = read(text, "64493")
    assert got.get("active_infection") is None
    assert got.get("pregnancy") is None
    assert got.get("cosmetic_purpose") is None
    assert got.get("severe_comorbidities") is None


# --- a severity is said of one condition, and a severity denied is none ---------------------

@pytest.mark.parametrize("text, expected", [
    # a referral letter: the heart failure is called severe, the kidneys are not
    ("Comorbid: ischaemic cardiomyopathy (EF 20%), which his cardiologist calls severe, "
     "and CKD.", "['cardiovascular_disease']"),
    # a terse problem line
    ("Problems: cirrhosis - decompensated, 2 admissions, HTN", "['liver_disease']"),
    # a handwritten addendum naming one condition severe
    ("Addendum: endo now rates her diabetes as severe (A1c 11.4), HTN fine on amlodipine.",
     "['diabetes']"),
    # one severity word before one condition of two
    ("severe emphysema, diabetes", "['copd']"),
])
def test_a_severity_said_of_one_condition_is_not_said_of_the_others(text: str,
                                                                   expected: str) -> None:
    assert str(read(text, "97110").get("severe_comorbidities")) == expected


@pytest.mark.parametrize("text", [
    # a GP's letter
    "Her only other condition is hypertension, which I would not describe as severe in any way. "
    "No other medical problems.",
    # a chat reply
    "htn but nothing id call severe honestly, no other conditions",
    # a transfer note quoting the PCP
    'Type 2 diabetes - PCP: "never been what I\'d consider severe". Otherwise healthy.',
])
def test_a_severity_denied_in_other_words_is_no_severe_comorbidity(text: str) -> None:
    got = read(text, "97110").get("severe_comorbidities")
    assert got is None or str(got) == "[]"


def test_a_condition_named_with_a_denied_severity_beside_it_is_not_read_severe() -> None:
    text = ("Diabetic for 10 yrs; endocrinologist says it has not been severe, A1c 7.0. "
            "No infection.")
    assert read(text, "64493").get("severe_comorbidities") is None


# --- a list's legend says what its minus means ------------------------------------------------

@pytest.mark.parametrize("text", [
    # an urgent-care review of systems with its key on top
    "ROS (+ = present, - = absent)\n- active infection          + low back pain\n"
    "- fever                     - pregnancy\n",
    # a pre-procedure screen typed by an MA
    "Screen key: + yes / - no\n  + sciatica R leg\n  - active infection\n  - anticoagulation\n",
    # a PT intake grid, two columns
    "Intake symptoms (+ positive / - negative):\n"
    "+ knee pain    - active infection    - night pain\n",
])
def test_under_a_legend_a_minus_at_a_line_start_denies_its_item(text: str) -> None:
    assert str(read(text, "97110").get("active_infection")) == "False"


# --- a purpose said to be all of it settles the cosmetic question -----------------------------

@pytest.mark.parametrize("text", [
    # a referring physician's letter
    "I am requesting this procedure purely for pain relief; he has no other aim.",
    # a worksheet row
    "Purpose of request - pain indication only",
    # a patient's own letter, in capitals
    "I DON'T CARE HOW I LOOK. I WANT TO GARDEN AGAIN WITHOUT THIS PAIN.",
    # a quick phone note
    "pt doesnt care how she looks, she wants to sleep through the night",
    # a chat reply
    "its not about looks at all, he drives a truck and cant sit",
])
def test_a_purpose_said_to_be_all_of_it_is_no_cosmetic_purpose(text: str) -> None:
    assert str(read(text, "62311").get("cosmetic_purpose")) == "False"



# --- an infection said to need no ED, no admission ---------------------------------------------

@pytest.mark.parametrize("text", [
    # a problem list row
    "Cellulitis R forearm | 12/01/2026 | Active - doxycycline, improving; no ED needed",
    # a telephone note
    "UTI dx'd at urgent care, on nitrofurantoin, managed as an outpatient, afebrile today.",
    # a hospitalist's aside
    "Paronychia L thumb - I&D in clinic, no admission needed.",
])
def test_an_infection_said_to_need_no_ed_or_admission_needs_no_immediate_care(text: str) -> None:
    assert str(read(text, "97110").get("infection_requires_immediate_care")) == "False"
