"""Records on file (session 34, records34): the electrolytes named without their figures
beside a blood count and a creatinine, the care's own dated card or sheet, and a sports
doctor named by another word than the specialty's. Wordings are this file's own, in several
voices (a ward handover, a clinic summary, a physio's letter, a UR nurse's note)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- labs: a blood count, the electrolytes by name and a creatinine ---------------------------
# (a nurse reads "WBC 11.2, Na/K and creatinine fine" as the labs the policy asks for; it was
# asked because only "electrolytes", "lytes", "BMP" named the middle group without figures)

@pytest.mark.parametrize("text", [
    # a ward handover, slashes
    "Bloods 12/02: WBC 11.2, Na/K/creatinine all fine.",
    # a clinic summary, the words spelled out
    "Labs this week: white cell count 8.9, sodium and potassium normal, creatinine 1.1.",
    # a letter, "and" between
    "Her blood count from 30/11 showed a WCC of 12.1, Na and K unremarkable, creatinine normal.",
])
def test_electrolytes_by_name_read_labs(text: str) -> None:
    assert read(text, "71250").get("labs_documented") is True


@pytest.mark.parametrize("text", [
    # planned, not done
    "WBC 10.4 today; Na/K and creatinine to be drawn tomorrow.",
    # a blood count and the electrolytes, no creatinine
    "WBC 9.8, sodium and potassium normal.",
    # someone else's
    "Her husband's bloods: WBC 7, Na/K normal, creatinine 0.8.",
])
def test_electrolytes_by_name_near_misses_stay_asked(text: str) -> None:
    assert read(text, "71250").get("labs_documented") is not True


# --- treatment logs: the care's own card or sheet with its dates -------------------------------

@pytest.mark.parametrize("text", [
    "Physio treatment card with dates is attached to this referral.",
    "Her therapy sheets with dates and outcomes are enclosed.",
    "Treatment cards with dates (clinic copy) sent with the request.",
])
def test_dated_treatment_card_reads_logs(text: str) -> None:
    assert read(text, "97110").get("treatment_logs_documented") is True


@pytest.mark.parametrize("text", [
    # an appointment card holds the dates to come, not the sessions done
    "Appointment card with dates of her next visits given.",
    # a card, undated
    "She brought her treatment card.",
])
def test_other_cards_stay_asked(text: str) -> None:
    assert read(text, "97110").get("treatment_logs_documented") is None


def test_denied_dated_treatment_card_is_no() -> None:
    assert read("No treatment card with dates was kept.", "97110").get(
        "treatment_logs_documented") is False


# --- specialist consult: a sports doctor called a sports physician ----------------------------

@pytest.mark.parametrize("text", [
    "Sports physician Dr. M. Ferro (consult 11/20/2026, letter attached) supports supervised PT.",
    "Seen by the club's sports doctor 11/18/2026 - consult note on file, recommends physio.",
])
def test_sports_physician_consult_on_file(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is True


@pytest.mark.parametrize("text", [
    # a referral still to happen
    "Referred to a sports physician; consult pending.",
    # someone else's consult
    "Her brother's sports physician consult is attached.",
])
def test_sports_physician_near_misses_stay_asked(text: str) -> None:
    assert read(text, "97110").get("specialist_consult_documented") is not True
