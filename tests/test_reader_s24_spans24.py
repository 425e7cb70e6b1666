"""Lengths of time and dates (session 24, spans24). Wordings are this file's own, in several
voices (a patient quoted on a call, a payer's reviewer, a coach's text, a GP's letter, a
terse ward note, a form)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 28))


# --- a sentence ends inside its closing quotation mark ------------------------------------
# (a record's status in the next sentence, "... not received", is not the care's: the
# quoted answer before it does not deny the therapy)

@pytest.mark.parametrize("text", [
    # an outreach script, the patient quoted
    'Q: PT? A: "yes, physio 2x a week, 9 or 10 wks." Nurse: therapy notes requested, '
    'not received.',
    # a call log
    'Q: Physiotherapy? A: "PT at the Y clinic, 6 or 7 weeks." Staff: PT notes asked for '
    '12/20, still missing.',
])
def test_a_records_status_after_a_quoted_answer_is_no_denial_of_the_therapy(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") is None


# --- a figure that qualifies a rule is the rule's, not the patient's ----------------------

@pytest.mark.parametrize("text, cpt, fact, value", [
    # a coach's text, the nurse's reply quoting the payer's rule
    ("Coach: conservative care so far 7 wks, nothing helped. RN: the 12 wk conservative "
     "rule will sink this one", "97110", "conservative_weeks", "7 weeks"),
    # a reviewer's terse line
    ("PT 8 weeks; the twelve week PT rule is not met.", "64493", "pt_weeks", "8 weeks"),
])
def test_a_rules_figure_beside_the_patients_value_leaves_the_patients(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize("text, cpt, fact", [
    # the rule alone: nothing of the patient's
    ("Heads up - the 12 wk conservative rule applies to this plan.", "97110",
     "conservative_weeks"),
    ("FYI this payer has a 12-week conservative care rule.", "97110", "conservative_weeks"),
    ("Reminder: the 12 wk PT rule is firm for facet blocks.", "64493", "pt_weeks"),
    ("Just FYI the twelve week PT cut-off is firm.", "64493", "pt_weeks"),
    ("Can we confirm she passed the 6-week symptom criterion?", "62311", "symptom_weeks"),
    # a point in time, not a length
    ("At the 6-week mark of PT she was no better.", "64493", "pt_weeks"),
    # a length unsaid beside the cutoff: "8 wks in all" of care named by its parts is
    # another mechanism's; the cutoff's 12 is no value
    ("per AT: rest + ice + band work, 8 wks in all. ugh, 12 wk conservative cutoff.",
     "97110", "conservative_weeks"),
])
def test_a_rules_figure_alone_states_nothing(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None


# --- "X is Y, not PT" says what X was, not that PT was never done -------------------------

@pytest.mark.parametrize("text", [
    # a discharge line
    "Pulmonary program was run by respiratory therapists, not PT.",
    # a letter
    "The home programme is an exercise class at the leisure centre, not physical therapy.",
    # a terse note
    "Her sessions were chiropractic, not PT.",
    # a reviewer
    "Aquatic fitness counts as exercise, not physiotherapy.",
])
def test_a_care_set_apart_from_pt_leaves_pt_weeks_asked(text: str) -> None:
    assert read(text, "71250").get("pt_weeks") is None


@pytest.mark.parametrize("text", [
    "Cardiac rehab phase II 3x/wk x 12 wks after his CABG.",
    "cardio rehab done (36 sessions, 12 weeks).",
])
def test_cardiac_rehab_is_no_physical_therapy(text: str) -> None:
    assert read(text, "71250").get("pt_weeks") is None


# --- a writer who doses "OM" or counts weeks over 52 writes dates day first ---------------

@pytest.mark.parametrize("text, cpt, fact, value", [
    # a Singapore polyclinic memo
    ("Etoricoxib 60mg OM for 3 weeks - no relief. X-ray L knee 04/10/2026.", "97110",
     "xray_date", "2026-10-04"),
    # a British GP's shorthand
    ("Physio x 6/52, no better. MRI shoulder done 03/11/2026.", "97110", "mri_date",
     "2026-11-03"),
    # a clinic letter's plan line
    ("Seen in clinic; review in 2/52. XR lumbar 06/11/2026 shows mild spondylosis.", "97110",
     "xray_date", "2026-11-06"),
    # a Malaysian referral
    ("Celecoxib 200 mg om, no help. MRI L-spine 05/10/2026: facet arthropathy L4-5.", "64493",
     "ct_mri_date", "2026-10-05"),
])
def test_day_first_conventions_of_dosing_and_weeks(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# --- a day with no year right after a study or a record is its day -----------------------
# (the latest such day up to today, where the message writes its dates month first)

@pytest.mark.parametrize("text, cpt, fact, value", [
    # a coordinator's email
    ("Imaging: lumbar X-ray 10/03, MRI L-spine 11/14.", "64493", "ct_mri_date", "2026-11-14"),
    # a coach's text: two films, the later one counts
    ("knee xrays 11/30 + 12/14, 2 sets total", "97110", "xray_date", "2026-12-14"),
    # a terse chart line
    ("H&P 12/10 on file w/ neuro exam", "62311", "hp_date", "2026-12-10"),
    # a form's field
    ("MRI: 11/20 (report attached)", "97110", "mri_date", "2026-11-20"),
])
def test_a_year_less_day_after_a_study_is_its_day(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# --- a length written over the units of a year or a week ("x 6/52", "x 5/12") ------------

@pytest.mark.parametrize("text, cpt, fact, value", [
    # a physiotherapist's discharge line
    ("Physio x 6/52, no better, discharged to HEP.", "64493", "pt_weeks", "6 weeks"),
    # a Malawian GP's letter (day-first: "qds")
    ("Dear Dr Osei, Mr Banda has had low back pain x 5/12. Paracetamol 1 g qds has not "
     "helped.", "64493", "symptom_weeks", "5 months"),
    # a South African referral ("your rooms")
    ("R knee pain for 4/12 following a fall; co-codamol PRN. Seen in your rooms.", "97110",
     "symptom_weeks", "4 months"),
    # a British registrar's note
    ("Radicular L leg pain x 3/12, worse on sitting. Naproxen 500 mg bd.", "62311",
     "symptom_weeks", "3 months"),
])
def test_a_length_over_52_or_12_is_weeks_or_months(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value
