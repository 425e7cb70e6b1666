"""How clinicians in other settings and countries write (session 19, voices19): British and
Australian letters (day-first dates, "saturations 90% on air"), a locum's handover, a
travel nurse's shorthand, nurse-line triage, an adjuster's file, conference minutes, a
chiropractor's discharge, a UK fit note. Wordings are the fixer's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# --- day-first dates: a year-less day and month that can only be day first --------------

@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    ("Bloods (FBC, U&E) from 21/10 unremarkable. Spirometry 03/09/2026: FEV1 70% predicted.",
     "71250", "pft_date", "2026-09-03"),
    ("Physio review 17/08 - no change. X-ray L/S spine 05/07/2026: mild facet OA.",
     "64493", "xray_date", "2026-07-05"),
    ("Seen in the fracture clinic on 30/9. MRI lumbar spine 11/10/2026: L5/S1 disc bulge.",
     "97110", "mri_date", "2026-10-11"),
])
def test_yearless_day_first_date_makes_the_letter_day_first(
        text: str, cpt: str, fact: str, day: str) -> None:
    assert str(read(text, cpt).get(fact)) == day


# --- a month named right after a date says which number is the month ---------------------

@pytest.mark.parametrize(("text", "cpt", "fact", "day"), [
    # a UK writer's letter, one date she says is March ("3/9" month first)
    ("Referral dated 19/11/2026. Lumbar XR 3/9/26 (that's March, the old one).",
     "64493", "xray_date", "2026-03-09"),
    # a US form with a date the writer spells out as May (day first)
    ("CT L-spine 4/5/2026 (May), read as facet arthropathy.",
     "64493", "ct_mri_date", "2026-05-04"),
])
def test_month_named_after_a_date(text: str, cpt: str, fact: str, day: str) -> None:
    assert str(read(text, cpt).get(fact)) == day


# --- a British saturation: "on air", "saturations", a home oximeter ----------------------

@pytest.mark.parametrize(("text", "value"), [
    ("On examination her saturations were 93% on air and she was speaking in sentences.", "93"),
    ("Obs: HR 96, RR 20, sats 92% in air.", "92"),
    ("Finger oximeter on room air: 94% this morning.", "94"),
])
def test_room_air_saturation_in_other_voices(text: str, value: str) -> None:
    assert str(read(text, "71250").get("spo2_room_air")) == value


def test_usual_saturation_is_no_reading_now() -> None:
    got = read("Says her sats are usually 94% on room air at home.", "71250")
    assert "spo2_room_air" not in got


# --- an injury's day by its label on a claim or a summary: the symptoms' onset -------------

@pytest.mark.parametrize(("text", "cpt", "days"), [
    ("CLAIM NOTE. Clmt 52M. DOL 07/03/2026, T-boned at an intersection. Neck pain since.",
     "97110", "154 days"),
    ("Chiropractic intake. DOI 09/04/2026 (slipped on ice at work). SMT x 6 visits.",
     "97110", "91 days"),
    ("Low back pain since the accident. Date of loss: 10/05/2026.", "64493", "60 days"),
])
def test_injury_day_label_dates_the_onset(text: str, cpt: str, days: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == days


# --- "since" what the patient did, said with a pronoun, and its day ------------------------

@pytest.mark.parametrize(("text", "cpt", "days"), [
    ("He has had low back pain since he fell down the stairs on 06/08/2026.", "64493", "179 days"),
    ("Sciatica since she lifted her grandson on 3/10/26.", "62311", "269 days"),
    ("Neck pain since I tripped over the dog on 09/20/2026.", "97110", "75 days"),
])
def test_since_what_the_patient_did_on_a_day(text: str, cpt: str, days: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == days



# --- a nurse's shift shorthand: "CP" is chest pain; "diff pt" is another patient's --------

@pytest.mark.parametrize(("text", "value"), [
    ("c/o substernal CP 7/10, worse lying flat.", "7"),
    ("0300: pt awake, R CP 6/10 pleuritic, PRN given.", "6"),
])
def test_cp_score_is_the_chest_pain(text: str, value: str) -> None:
    assert str(read(text, "71250").get("pain_nrs")) == value


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Pt c/o CP 4/10. (rm 9 pt c/o CP 10/10 - diff pt, charge RN aware)", "pain_nrs", "4"),
    ("T 37.1 at 0400. (T 38.9 charted in rm 12 - diff pt, moved)", "body_temperature", "37.1 C"),
])
def test_another_patient_in_shorthand(text: str, fact: str, value: str) -> None:
    assert str(read(text, "71250").get(fact)) == value


# --- a nurse's "VS 0600:" is the vital signs' label, not "versus" -------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("VS 0600: T 38.3 C, HR 108, RR 22.", "38.3 C"),
    ("- VS @ 2200: T 37.6, HR 92, BP 124/80", "37.6 C"),
])
def test_vs_label_is_vital_signs(text: str, value: str) -> None:
    assert str(read(text, "71250").get("body_temperature")) == value


# --- a score at an earlier examination beside the one now ---------------------------------

@pytest.mark.parametrize(("text", "cpt", "value"), [
    ("Axial pain, onset 10 months ago, no leg symptoms. NRS today 8/10 (5/10 at last visit).",
     "64493", "8"),
    ("Pain today 6/10 (4/10 at the previous visit), worse with sitting.", "97110", "6"),
])
def test_last_visit_aside_is_not_now(text: str, cpt: str, value: str) -> None:
    assert str(read(text, cpt).get("pain_nrs")) == value


def test_score_at_an_ime_is_not_now() -> None:
    got = read('Clmt rated pain 4/10 at IME; by phone today he says "it\'s a 7 right now".',
               "97110")
    assert "pain_nrs" not in got


# --- a British chest-clinic letter's history, examination, observations, inhalers ---------

@pytest.mark.parametrize("text", [
    "I took a full history, reviewed all systems and examined him: scattered wheeze.",
    "Systemic enquiry was otherwise negative. On examination there were fine basal crackles.",
])
def test_systems_reviewed_and_examined(text: str) -> None:
    assert read(text, "71250").get("ros_exam_documented") is True


@pytest.mark.parametrize("text", [
    "His tiotropium has made no difference.",
    "Regular salbutamol made no real difference to her breathlessness.",
])
def test_inhaler_made_no_difference(text: str) -> None:
    assert read(text, "71250").get("bronchodilator_failed") is True


def test_observations_with_pulse_and_saturations() -> None:
    got = read("Observations: pulse 88, BP 132/84, saturations 95% on air.", "71250")
    assert got.get("current_vitals_documented") is True


# --- an aside with a figure between the symptoms and "since" ------------------------------

@pytest.mark.parametrize(("text", "cpt", "days"), [
    ("A dry cough and wheeze on exertion (she puts her breathing at 7/10 on the stairs, 4/10 at"
     " rest) since 3 May 2026.", "71250", "215 days"),
    ("Axial low back pain at work (NRS 6/10 sitting, 8/10 standing, 9/10 lifting boxes) since"
     " 07/14/2026.", "64493", "143 days"),
])
def test_figure_aside_before_since(text: str, cpt: str, days: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == days


@pytest.mark.parametrize(("text", "cpt", "days"), [
    ("Low back pain since he fell off the roof, 02/03/2026.", "64493", "304 days"),
    ("Neck and shoulder pain since she slipped on the boat ramp, 08/22/2026.", "97110",
     "104 days"),
])
def test_since_what_the_patient_did_then_a_comma_and_the_day(
        text: str, cpt: str, days: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == days
