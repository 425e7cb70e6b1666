"""Session 21, symbols21: the outside tester's marks and symbols (evals/reader/outside/
session21-findings.md). Each test text is our own phrasing of a mechanism, in several
voices; the asserted value is what a user would see in the "What I read" table."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# ---- F1: a mark after a condition is the condition's answer ---------------------------
# A cross after an item says absent; the bare label beside it is never the condition
# present. A lone "x" is a cross where the text ticks other items with a check mark,
# else asked; a flowsheet's 0 is absent where two items or more are scored so.

@pytest.mark.parametrize("text, cpt, fact, value", [
    # a terse pain-clinic note in symbols
    ("Screen: UTI/skin infection ✗, pregnancy ✗, cosmetic ✗.", "62311",
     "active_infection", "False"),
    ("Screen: UTI/skin infection ✗, pregnancy ✗, cosmetic ✗.", "62311",
     "cosmetic_purpose", "False"),
    # a nurse's checklist with heavy crosses
    ("Pre-procedure check - Active infection ✘   Pregnant ✘   Consent ✓", "64493",
     "active_infection", "False"),
    ("Pre-procedure check - Active infection ✘   Pregnant ✘   Consent ✓", "64493",
     "pregnancy", "not_pregnant"),
    # a cross as a field's answer
    ("Purpose cosmetic: ✗", "64493", "cosmetic_purpose", "False"),
    # a therapist's summary: the crosses of a tick/cross note make its plain x a cross too
    ("HEP reviewed ✓. Postpartum x. Infection x.", "97110", "postpartum", "False"),
    # a flowsheet scoring its items 0/1
    ("Flowsheet 12/02: Infection 0. Pregnant 0. Postpartum 0.", "97110",
     "active_infection", "False"),
])
def test_a_cross_after_a_condition_says_absent(text: str, cpt: str, fact: str,
                                               value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize("text, cpt, fact", [
    # a lone x with no tick anywhere: a form's X may mark the item chosen
    ("Contraindications reviewed. Infection X", "62311", "active_infection"),
    ("pregnant x  (pt to confirm)", "97110", "pregnancy"),
    # a single flowsheet "0" beside one condition: a score or a count?
    ("Infection 0", "64493", "active_infection"),
])
def test_a_mark_whose_meaning_is_unclear_is_asked(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_a_symbol_note_line_reads_every_cross() -> None:
    got = read("Exclusions: infection ✗; DM ✗, CKD ✗ - no severe comorbidity; "
               "for looks ✗ - cosmetic ✗.", "64493")
    assert str(got.get("active_infection")) == "False"
    assert str(got.get("cosmetic_purpose")) == "False"
    assert str(got.get("severe_comorbidities")) == "[]"


# ---- F2: a superscript power of ten ---------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Labs: WBC 16.4 × 10⁹/L, CRP 40.", "16400"),
    ("CBC today - WBC 11.2 ×10⁹/L", "11200"),
    ("wbc 9.8 x 10³/µL", "9800"),
    ("White count 1.71 × 10⁴/µL on 12/03.", "17100"),
])
def test_a_superscript_power_of_ten_is_part_of_the_count(text: str, value: str) -> None:
    assert str(read(text, "71250").get("wbc_count")) == value


# ---- F3: a row answered NO governs every example its label's bracket lists ------------

@pytest.mark.parametrize("text, cpt", [
    ("E3 Severe comorbidity (DM, CVD, bleeding disorder): NO", "64493"),
    ("Q7 Severe comorbidities (diabetes, heart disease): No", "64493"),
    ("3. Severe comorbidity (bleeding disorder, liver disease): no", "62311"),
    ("Excl. 2 - Serious comorbid illness (diabetes, ESRD): N", "97110"),
])
def test_an_exclusion_row_answered_no_lists_no_condition(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("severe_comorbidities")) == "[]"


def test_a_row_answered_yes_does_not_say_which_example() -> None:
    got = read("E3 Severe comorbidity (DM, CVD, bleeding disorder): YES", "64493")
    assert "severe_comorbidities" not in got
    named = read("Severe comorbidity (DM, CVD, bleeding disorder): YES - DM, A1c 11", "64493")
    assert str(named.get("severe_comorbidities")) == "['diabetes']"


# ---- F4: a change after a care answered "none" is no care missing --------------------

@pytest.mark.parametrize("text", [
    "Δ pain after PT: none.",
    "Change in pain w/ PT: none",
    "Reduction in NRS following physical therapy: none",
    "Δ PT: none",
])
def test_no_change_after_therapy_is_not_no_therapy(text: str) -> None:
    got = read(text, "64493")
    assert "pt_weeks" not in got
    assert "pt_courses_failed" not in got


# ---- F7: a drug class named with its own drug is that drug's one course ---------------

@pytest.mark.parametrize("text", [
    "I4 Failed NSAID course: YES - ibuprofen 800 TID x 8 weeks, no relief",
    "Failed an NSAID: diclofenac 75 BID for 2 months, no relief.",
    "pt failed a muscle relaxant - cyclobenzaprine 10 mg qhs x 6 wks, no help",
    "Failed NSAID - meloxicam 15 mg daily x 8 wks, no relief.",
])
def test_a_class_heading_its_drug_is_one_course(text: str) -> None:
    assert str(read(text, "64493").get("medication_courses_failed")) == "1"


# ---- F5: the writer's own history set beside the patient's ----------------------------

@pytest.mark.parametrize("text", [
    "Referring note: I had the same heel pain for 2 years myself. Her heel pain began "
    "3 weeks ago.",
    "fyi I've had the same shoulder pain for 18 months myself, lol. pt: shoulder pain x "
    "3 weeks",
])
def test_the_writers_own_pain_is_not_the_patients(text: str) -> None:
    assert str(read(text, "97110").get("symptom_weeks")) == "3 weeks"


def test_the_writers_own_length_alone_gives_no_duration() -> None:
    got = read("Ortho referral, Dr. Wu: I had the same knee pain for 2 years myself.", "97110")
    assert "symptom_weeks" not in got


# ---- M8: an arrow for "decreased" in a note written in symbols ------------------------

@pytest.mark.parametrize("text", [
    "O: lumbar ROM ↓ (flex 40°, ext 10°).",
    "Exam - L-spine ROM ↓↓ in extension, SLR neg.",
])
def test_a_down_arrow_after_the_motion_is_decreased(text: str) -> None:
    assert str(read(text, "64493").get("decreased_rom")) == "True"


# ---- boxes after their labels: each box answers the label right before it ------------

@pytest.mark.parametrize("text, fact, value", [
    # the older still-open form: the ticked box is the infection's
    ("Infection [X]   None [ ]", "active_infection", "True"),
    ("Contraindications: Infection [X]   Pregnancy [ ]   None [ ]", "pregnancy",
     "not_pregnant"),
    # a screen whose last option is ticked: the box before "cosmetic" is pregnancy's
    ("Screen: infection [ ]  pregnancy [ ]  cosmetic [x]", "cosmetic_purpose", "True"),
    ("Pregnant [x]  none [ ]  (per intake form)", "pregnancy", "pregnant"),
    # drawn boxes
    ("Pregnant ☒  None ☐", "pregnancy", "pregnant"),
])
def test_a_box_after_its_label_answers_that_label(text: str, fact: str, value: str) -> None:
    assert str(read(text, "62311" if fact != "cosmetic_purpose" else "64493").get(fact)) == value


# ---- a denial of a whole list said after it -------------------------------------------

@pytest.mark.parametrize("text, fact, value", [
    ("Contraindications reviewed with her: pregnancy, active infection, bleeding "
     "disorders - none apply.", "pregnancy", "not_pregnant"),
    ("Pregnancy, infection and bleeding disorder were all ruled out.", "pregnancy",
     "not_pregnant"),
    ("Exclusions (infection, pregnancy, cosmetic) - none of these apply.", "cosmetic_purpose",
     "False"),
])
def test_a_denial_of_the_whole_list_denies_each_item(text: str, fact: str,
                                                     value: str) -> None:
    assert str(read(text, "62311" if fact != "cosmetic_purpose" else "64493").get(fact)) == value
