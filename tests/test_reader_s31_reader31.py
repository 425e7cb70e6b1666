"""Outside tester 31's false facts (session 31, reader31): the rest of the family and the
household read as the patient (F1), and a ticked "No" read as yes (F2). Wordings are this
file's own, in several voices (a home-care visit, a school-run phone message, a pharmacy
fax, a paediatric triage line, a clinic form, a printed questionnaire)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- F1: a grandchild, a step-child, a fiancé(e), a carer, a twin is someone else ----------
# (a nurse reads "Stepdaughter is on Keflex for cellulitis" as the stepdaughter's infection,
# never as the patient's)

@pytest.mark.parametrize("text", [
    # a home-care visit note
    "Visited at home. Stepdaughter is on Keflex for cellulitis of the leg.",
    # a phone message
    "Called to reschedule - her grandson came down with a kidney infection, on cipro.",
    # a home-care agency's call
    "Agency rang: the carer is off sick with a chest infection, on amoxicillin.",
    # a letter from abroad
    "Her twin sister was admitted with an abscess last week; she is visiting daily.",
    # a triage line
    "The toddler has a UTI and a fever, so mum may be late for the injection.",
])
def test_a_relatives_infection_is_not_the_patients(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not True


@pytest.mark.parametrize("text", [
    "Her step-daughter is 18 weeks pregnant and drives her to appointments.",
    "Lives with her granddaughter, who is expecting (due in March).",
    "The patient's fiancée is pregnant with twins.",
])
def test_a_relatives_pregnancy_is_not_the_patients(text: str) -> None:
    assert read(text, "97110").get("pregnancy") != "pregnant"


@pytest.mark.parametrize("text", [
    "Grandson staying with them had a temp of 39.2 C yesterday.",
    "Per wife: her fiancé's fever was 102.4 F last night; she herself feels fine.",
])
def test_a_relatives_fever_is_not_the_patients(text: str) -> None:
    assert "body_temperature_c" not in read(text, "71250")


def test_the_patients_own_infection_beside_a_grandchild_is_still_read() -> None:
    # guard: the relative named, the patient's own illness after it in another sentence
    got = read("Looks after her grandchildren. She has a UTI, on nitrofurantoin.", "62311")
    assert got.get("active_infection") is True


def test_the_patients_own_baby_still_tells_postpartum() -> None:
    # guard: a baby named without being ill is the patient's own birth
    got = read("Baby born 10/20/2026, breastfeeding. Not pregnant.", "97110")
    assert got.get("pregnancy") == "not_pregnant"


def test_the_patient_who_is_a_carer_keeps_her_infection() -> None:
    # guard: the patient's own UTI after "pt" in another clause
    got = read("Pt has a UTI, on nitrofurantoin since Monday.", "62311")
    assert got.get("active_infection") is True


# --- F2: the ticked "No" answers the row, whatever the label holds or where the mark is -----

@pytest.mark.parametrize("text", [
    # a clinic form with the form's own note in the label
    "4) Current infection (incl. dental / skin): [ ] Yes  [X] No",
    # a label with an example after its words
    "Infection (e.g. UTI, cellulitis) needing treatment: [ ] Yes [x] No",
    # a printed questionnaire with drawn lines
    "Any infection:   Yes _____   No __x__",
    # a mark after the option
    "Active infection:   Yes    No ✔",
])
def test_a_ticked_no_denies_the_infection(text: str) -> None:
    assert read(text, "62311").get("active_infection") is False


@pytest.mark.parametrize("text", [
    "Pregnant (or possibly pregnant): [ ] Yes [X] No",
    "Pregnancy:  Yes ____   No _X_",
    "Pregnant:  Yes   No ✓",
])
def test_a_ticked_no_denies_the_pregnancy(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    "Current infection (incl. dental / skin): [X] Yes  [ ] No",
    "Active infection:   Yes ✔   No",
    "Any infection:   Yes __x__   No _____",
])
def test_a_ticked_yes_still_reads_the_infection(text: str) -> None:
    # guard: the same rows ticked the other way
    assert read(text, "62311").get("active_infection") is True


def test_an_unticked_row_answers_nothing() -> None:
    # guard: no box ticked is no answer
    assert "active_infection" not in read("Active infection (incl. UTI): [ ] Yes  [ ] No", "62311")


# --- F7: kidney failure ended by a transplant is no end-stage renal disease now -------------

@pytest.mark.parametrize("text", [
    # a transplant clinic's letter
    "She was on dialysis from 2018 until her transplant in 2020; now normal renal function.",
    # a GP summary
    "PMH: ESRD 2017-2019, dialysis until kidney transplant (2019), creatinine 1.0 today.",
    # a nephrology clinic's referral
    "Dialysis 3x/week until renal transplant 2021, now stable graft function.",
    # a case manager's note
    "Former dialysis patient - off dialysis since transplant 2022, normal kidney function.",
])
def test_dialysis_ended_by_a_transplant_is_not_esrd_now(text: str) -> None:
    assert "esrd" not in str(read(text, "97110").get("severe_comorbidities", ""))


def test_dialysis_now_is_still_esrd() -> None:
    # guard: on dialysis now, waiting for a kidney
    got = read("ESRD on hemodialysis MWF, on the transplant waiting list.", "97110")
    assert "esrd" in str(got.get("severe_comorbidities", ""))


# --- F10: a day word after a pain score dates the score, not the block named before it -----

@pytest.mark.parametrize("text", [
    # a pain clinic's phone note
    "MBB L4-5 gave 80% relief for 6 hours; pain back at 8/10 today.",
    # a dictation
    "following the medial branch block she had good relief, now 7 out of 10 again today",
    # a nurse's chart line
    "Diagnostic block: NRS 8/10 -> 1/10 at 30 min, 6/10 yesterday.",
])
def test_a_scores_day_does_not_date_the_block(text: str) -> None:
    assert read(text, "64493").get("nerve_block_date") not in ("2026-12-06", "2026-12-05")


def test_a_block_done_today_is_dated_today() -> None:
    # guard: the block itself today
    got = read("Pain 8/10. MBB today with 80% relief.", "64493")
    assert got.get("nerve_block_date") == "2026-12-06"
