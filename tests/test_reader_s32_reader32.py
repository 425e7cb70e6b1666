"""Outside tester 32's decision-changing false facts (session 32, reader32): a heading before
a form's yes/no row flipped its ticked "No" (F3), and a record "not repeated today" dated
today (F2). Wordings are this file's own, in several voices (a ward admission sheet, a day-
surgery checklist, an imaging centre's fax, a GP's handover, a physiotherapy intake, a
pulmonary clinic's phone note)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- F3: the mark after "No" answers the row, whatever heads the line before its label -----
# (a nurse reads "Day-surgery sheet (11/30): Infection: Yes ___ No _X_" as no infection)

@pytest.mark.parametrize("text", [
    # a day-surgery checklist, its date in brackets
    "Day-surgery sheet (11/30): Active infection: Yes ___ No _X_",
    # a ward admission sheet, a nurse's initials and a date before the row
    "Admission screen JR 12/02 - Current infection:  Yes ____  No __X__",
    # an imaging centre's fax, ticks
    "Contrast safety form 12/01/2026: Active infection:  Yes   No ✔",
    # a clinic's printed questionnaire, crossed boxes after the words
    "Nursing intake (12/03): Active infection: Yes ☐ No ☒",
])
def test_a_ticked_no_after_a_heading_is_no_infection(text: str) -> None:
    assert read(text, "64493").get("active_infection") is False


@pytest.mark.parametrize("text", [
    "Women's health screen 11/29: Pregnant:  Yes   No ✔",
    "Pre-anaesthetic check (Dr. Osei) - Pregnant: Yes ___ No _X_",
    "Radiology safety questionnaire, 12/02/2026: Pregnant: Yes ☐ No ☒",
])
def test_a_ticked_no_after_a_heading_is_not_pregnant(text: str) -> None:
    assert read(text, "62311").get("pregnancy") == "not_pregnant"


def test_a_ticked_no_after_a_dated_heading_is_no_pneumonia() -> None:
    got = read("Respiratory triage 12/04 - Bacterial pneumonia: Yes __ No _X_", "71250")
    assert got.get("bacterial_pneumonia") is False


def test_crossed_boxes_after_the_words_read_the_cross() -> None:
    # the empty box after "Yes" is no tick: only the crossed one after "No" answers
    assert read("Cosmetic reason: Yes ☐ No ☒", "64493").get("cosmetic_purpose") is False
    assert read("Pregnant: Yes ☐ No ☒", "97110").get("pregnancy") == "not_pregnant"


@pytest.mark.parametrize("text", [
    # guards: the ticked "Yes" stays yes behind a heading; a row with no tick is asked
    "Admission screen JR 12/02 - Current infection:  Yes __X__  No ____",
    "Nursing intake (12/03): Active infection: Yes ☒ No ☐",
])
def test_a_ticked_yes_after_a_heading_stays_yes(text: str) -> None:
    assert read(text, "64493").get("active_infection") is True


def test_an_unticked_row_after_a_heading_is_not_a_no() -> None:
    assert read("Day-surgery sheet (11/30): Active infection: Yes ___ No ___",
                "64493").get("active_infection") is not False


# --- F2: a record not done again today dates nothing today ---------------------------------
# (a nurse reads "X-rays not redone today; last films 03/2026" as X-rays of 03/2026)

@pytest.mark.parametrize("text", [
    # a GP's handover
    "History and physical not updated today - last full H&P 09/14/2026.",
    # a physiotherapy intake
    "Hx & exam not redone today; see H&P of 09/14/2026.",
    # a phone note
    "Pain 6/10 per last visit, not reassessed today.",
])
def test_a_history_and_physical_not_redone_today_is_not_todays(text: str) -> None:
    assert read(text, "62311").get("hp_date") != "2026-12-06"


def test_the_last_h_and_p_is_read_instead() -> None:
    got = read("History and physical not updated today - last full H&P 09/14/2026.", "62311")
    assert got.get("hp_date") == "2026-09-14"


@pytest.mark.parametrize("text, cpt, fact", [
    ("Knee films not retaken today; last X-rays 04/2026.", "97110", "xray_date"),
    ("Spirometry not repeated today, last PFT 03/2025.", "71250", "pft_date"),
    ("Medial branch block not repeated today (last MBB 06/10/2026).", "64493", "nerve_block_date"),
])
def test_a_study_not_repeated_today_is_not_todays(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) != "2026-12-06"


def test_no_h_and_p_today_says_nothing_of_the_history_on_file() -> None:
    got = read("No H&P at today's appointment. Last H&P 10/03/2026 in chart.", "62311")
    assert got.get("hp_history_documented") is not False


@pytest.mark.parametrize("text, cpt, fact", [
    # guards: a record done today is today's; one not updated since keeps its own day
    ("H&P done today; meds, allergies and surgeries reviewed.", "62311", "hp_date"),
    ("X-rays repeated today, both knees.", "97110", "xray_date"),
])
def test_a_record_done_today_is_todays(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) == "2026-12-06"


def test_a_record_not_updated_since_keeps_its_day() -> None:
    assert read("H&P 10/12/2026 - not updated since.", "62311").get("hp_date") == "2026-10-12"


# --- F5: a fever dated to an admission weeks back is not the temperature now --------------
# (a nurse reads "39.1 C at presentation 11/18 ... 37.0 C now" as no fever today)

@pytest.mark.parametrize("text", [
    # a transfer summary
    "Febrile to 39.0 C on admission 11/14; afebrile since 11/16.",
    # a discharge letter from abroad
    "Temperature 38.9 on admission 11/12, settled within two days; 36.8 today.",
    # a case manager's phone note
    "Highest temp 38.9 at triage 11/15; normal since.",
])
def test_a_fever_on_an_admission_weeks_back_is_not_the_temperature_now(text: str) -> None:
    got = read(text, "71250")
    assert got.get("body_temperature") not in ("39 C", "38.9 C")


def test_a_fever_on_a_recent_admission_is_still_read() -> None:
    # guard: an admission two days back is a recent reading, the one the question asks for
    got = read("Temp 38.8 C on admission 12/04.", "71250")
    assert got.get("body_temperature") == "38.8 C"


# --- F4: a grandparent by a pet name, a significant other, a nurse is someone else --------
# (a nurse reads "Grandma is on Keflex for cellulitis" as the grandmother's infection)

@pytest.mark.parametrize("text", [
    # a school-run phone message
    "Running late - her nana has a kidney infection and is on Keflex.",
    # a home-care visit
    "Grandpa lives downstairs and is on antibiotics for a chest infection.",
    # a portal message
    "my significant other has a UTI and is taking nitrofurantoin",
    # a clinic's front desk note
    "Granny (who brings him) started cephalexin for cellulitis.",
    # an agency's call
    "Our nurse has a UTI, on Macrobid, so a different nurse will visit today.",
])
def test_a_grandparents_or_partners_infection_is_not_the_patients(text: str) -> None:
    assert read(text, "62311").get("active_infection") is not True


def test_a_grandfathers_fever_and_admission_are_not_the_patients() -> None:
    got = read("Papa ran a temp of 39.2 C and was admitted with pneumonia on Tuesday.", "71250")
    assert "body_temperature" not in got
    assert got.get("pneumonia_hospitalization") is not True


def test_the_patients_own_infection_beside_a_grandparent_is_read() -> None:
    # guard: the patient's own UTI, the grandmother only driving
    got = read("Grandma drives her to visits. Pt has a UTI, on Macrobid since Monday.", "62311")
    assert got.get("active_infection") is True
