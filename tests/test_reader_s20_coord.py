"""Outside tester 20's false approvals from figures written unusually: a white count with
its power of ten ("1.62 x 10^4/uL" is 16,200, not 1,620), a percent written as a
decimal ("FEV1 0.92 of predicted" is no 0.92 %), and a figure a correction right after it
replaces ("FEV1 78% predicted - amended: 87%"). Wordings are the coordinator's own."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "cells"), [
    ("CBC today: WBC 1.62 x 10^4/uL, Hgb 13.", "16200"),
    ("Leukocyte count 1.9 x 10^4 /µL on admission labs.", "19000"),
    ("WBC 16.4 x10^9/L (H).", "16400"),
    ("White count 8.7 × 10^3/uL.", "8700"),
    ("WBC 12.1 x 10E3/uL, CRP 40.", "12100"),
    ("wbc 7.2 x 10^3", "7200"),
])
def test_a_white_count_keeps_its_power_of_ten(text: str, cells: str) -> None:
    assert str(read(text, "71250").get("wbc_count")) == cells


@pytest.mark.parametrize("text", [
    "WBC 1.62 x 10^4.",  # no volume: per microlitre or per litre is asked
    "WBC 3.1 x 10^2/L.",  # 0.0003 cells per microlitre is no count
])
def test_a_power_of_ten_that_says_no_usual_count_is_asked(text: str) -> None:
    assert "wbc_count" not in read(text, "71250")


@pytest.mark.parametrize("text", [
    "Spirometry: FEV1 0.92 of predicted.",
    "PFT 11/02/2026 - FEV1 0.71 of pred, FVC normal.",
    "FEV1 0.85",
])
def test_a_decimal_under_one_is_no_fev1_percent(text: str) -> None:
    got = read(text, "71250")
    assert "fev1_percent_predicted" not in got
    assert "pulmonary_disease_signs" not in got


def test_a_saturation_written_as_a_fraction_is_still_its_percent() -> None:
    assert str(read("SpO2 0.93 on room air.", "71250").get("spo2_room_air")) == "93"


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("MRI L-spine 10/20/2026 [date corrected 12/01: study was done 08/20/2026].", "62311",
     "ct_mri_date", "2026-08-20"),
    ("NRS 8/10 (amended 12/02: 4/10).", "64493", "pain_nrs", "4"),
    ("PT 16 weeks; corrected: 11 weeks per the therapy office.", "64493", "pt_weeks",
     "11 weeks"),
    ("Knee films x3 sets (amended: 2 sets - one was the other knee).", "97110", "xray_sets",
     "2"),
])
def test_a_figure_a_correction_replaces_right_after_it_is_not_read(
        text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize("text", [
    "FEV1 78% predicted - amended: 87% predicted (transcription error).",
    "FEV1 74 % pred; revised: 91 % pred after height re-entered.",
])
def test_an_amended_fev1_never_keeps_the_withdrawn_figure(text: str) -> None:
    got = read(text, "71250")
    assert str(got.get("fev1_percent_predicted")) not in ("78", "74")
    assert "pulmonary_disease_signs" not in got


# Outside tester 20 F6: bare figures listed before one unit share it; the last is not
# the whole ("PT x 3 courses (6, 4, 4 weeks)" read 4 weeks: a false denial).
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Physio x 3 blocks (5, 4, 6 weeks), no better.", "64493", "pt_weeks"),
    ("PT two courses (10 and 4 wks).", "64493", "pt_weeks"),
    ("Conservative care x 2 (9, 7 wks) - failed.", "97110", "conservative_weeks"),
    ("Conservative tx: 3 rounds (4, 4 & 5 weeks).", "62311", "conservative_weeks"),
])
def test_figures_sharing_one_unit_are_not_the_last_one_alone(text: str, cpt: str,
                                                             fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "weeks"), [
    ("PT: 6 + 4 + 3 weeks.", "13 weeks"),
    ("MRI 11/20, PT 12 weeks.", "12 weeks"),
    ("PT once in spring 2025 and again in fall 2026, 14 weeks of PT in total.", "14 weeks"),
])
def test_a_sum_or_a_lone_length_is_still_read(text: str, weeks: str) -> None:
    assert str(read(text, "64493").get("pt_weeks")) == weeks


# Outside tester 20 F2: a request's day is no study's ("Prior auth for MRI submitted
# 11/25/2026; awaiting approval" dated an MRI never done: a false approval).
@pytest.mark.parametrize(("text", "cpt"), [
    ("Prior authorization for lumbar MRI submitted 11/28/2026, awaiting approval.", "62311"),
    ("Referral 11/25/2026 for MRI C-spine; not scheduled yet.", "62311"),
    ("Ortho referral sent 11/30/2026 for a repeat MRI of the low back.", "64493"),
    ("MRI referral 11/19/2026 - pt still waiting on the imaging center.", "62311"),
    ("Booked 12/15/2026 for MRI knee.", "97110"),
])
def test_a_request_or_a_booking_day_dates_no_study(text: str, cpt: str) -> None:
    got = read(text, cpt)
    assert "ct_mri_date" not in got and "mri_date" not in got


def test_the_done_study_beside_a_request_keeps_its_own_day() -> None:
    text = ("MRI lumbar spine 08/14/2026 on file. Prior auth for a repeat MRI submitted "
            "11/25/2026; awaiting approval.")
    assert str(read(text, "62311").get("ct_mri_date")) == "2026-08-14"


# Outside tester 20 F14: a length a state beside it measures answers no open question
# about the symptoms ("she's pregnant, 20 wks" became a symptom duration of 20 weeks).
@pytest.mark.parametrize(("text", "cpt"), [
    ("she's pregnant, 20 wks", "71250"),
    ("pt is 14 weeks pregnant", "71250"),
    ("G1P0 at 31 wks gestation", "71250"),
    ("she's 5 weeks postpartum", "97110"),
    ("3 wks post-op from a hernia repair", "62311"),
    ("pregnant at about 12 weeks", "64493"),
])
def test_a_state_s_own_length_does_not_answer_the_symptom_question(text: str,
                                                                   cpt: str) -> None:
    assert "symptom_weeks" not in read(text, cpt, pending=["symptom_weeks"])


@pytest.mark.parametrize(("text", "weeks"), [
    ("20 wks", "20 weeks"),
    ("cough for 9 weeks, she is pregnant", "9 weeks"),
])
def test_a_length_of_the_symptoms_still_answers(text: str, weeks: str) -> None:
    assert str(read(text, "71250", pending=["symptom_weeks"]).get("symptom_weeks")) == weeks


# Outside tester 20 F6 in chat: the figures of words the reading asks about ("which
# figure exactly?") are no bare answers to the questions on screen ("4 weeks" became PT
# 4 weeks and exercise 4 weeks: a false denial).
@pytest.mark.parametrize("text", [
    "PT x 3 courses (6, 4, 4 weeks)",
    "physio in 2 blocks (7 and 5 wks), no better",
])
def test_a_list_the_reading_asks_about_answers_no_question_on_screen(text: str) -> None:
    got = read(text, "64493", pending=["pt_weeks", "pt_exercise_weeks", "pt_manual_weeks"])
    assert not {"pt_weeks", "pt_exercise_weeks", "pt_manual_weeks"} & set(got)


def test_a_plain_length_still_answers_the_question_on_screen() -> None:
    got = read("PT was 14 weeks", "64493", pending=["pt_weeks", "pt_exercise_weeks"])
    assert str(got.get("pt_weeks")) == "14 weeks"


# Outside tester 20 F15: a record said to be a copy of an older one is no new record on
# its own day ("H&P 11/20/2026 copied forward from 05/12/2026; no new exam" dated an H&P).
@pytest.mark.parametrize("text", [
    "H&P 11/22/2026 copied forward from 04/30/2026 - exam not repeated.",
    "History and physical 11/25/2026 (carried forward from the 06/01/2026 visit).",
    "Physical exam 11/28/2026, copied fwd from intake 05/02/2026.",
])
def test_a_copied_record_s_day_is_asked(text: str) -> None:
    assert "hp_date" not in read(text, "62311")


def test_a_record_of_its_own_day_keeps_it() -> None:
    assert str(read("H&P 11/22/2026 with full neuro exam.", "62311").get("hp_date")) == \
        "2026-11-22"


# A British or Irish letter's GP is the primary care physician ("Referral from his GP Dr
# Mensah is on file" was unread in the coordinator's own untested note).
@pytest.mark.parametrize(("text", "value"), [
    ("Referral from his GP Dr Mensah is on file.", "True"),
    ("The GP referral letter is enclosed with the request.", "True"),
    ("Referred by her GP (Dr O'Neill), letter attached.", "True"),
    ("No referral from the GP yet.", "False"),
])
def test_a_gp_referral_is_the_pcp_referral(text: str, value: str) -> None:
    assert str(read(text, "71250").get("pcp_referral_documented")) == value


# Outside tester 20 F8: a teaching point about payers in general is no fact of the
# patient ("most payers want 12 weeks of conservative care" read 12 weeks).
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Teaching point: most payers want 12 weeks of conservative care.", "97110",
     "conservative_weeks"),
    ("FYI many insurers want 6 weeks of symptoms before imaging.", "71250", "symptom_weeks"),
    ("Payers typically require 12 weeks of PT before a facet block.", "64493", "pt_weeks"),
    ("Reminder - plans require at least 12 wks of conservative tx.", "62311",
     "conservative_weeks"),
])
def test_a_rule_of_payers_in_general_is_no_fact(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


def test_the_patient_s_own_figure_beside_such_a_rule_is_read() -> None:
    got = read("Insurers typically require 12 weeks of PT; she has done 14 weeks of PT.",
               "64493")
    assert str(got.get("pt_weeks")) == "14 weeks"
