"""Session 31, coordinator: reader31's F7 words ("until kidney transplant", ...) asked a
plain denial of comorbidities whose list ended with "normal kidney function" (a corpus note,
71250-note-referral-letter-meets, decided at the start, asked it at the end). Wordings are
this file's own (a referral letter, an intake line, a pre-op summary)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


@pytest.mark.parametrize("text", [
    "She has no severe comorbidities: no diabetes, no heart failure, normal kidney function.",
    "Comorbidities: none - BP normal, normal renal function, no lung disease.",
    "No severe comorbidity; normal kidney function on labs 11/2026.",
])
def test_normal_kidney_function_in_a_denial_keeps_the_denial(text: str) -> None:
    assert read(text, "71250").get("severe_comorbidities") == []


@pytest.mark.parametrize("text", [
    # guards: kidney failure ended by a transplant is still asked (outside tester 31 F7)
    "Was on dialysis 2019-2021 until kidney transplant; now normal renal function.",
    "ESRD, off dialysis since her 2022 transplant, stable graft function.",
])
def test_kidney_failure_ended_by_a_transplant_is_still_asked(text: str) -> None:
    assert "severe_comorbidities" not in read(text, "71250")


# --- a second stretch of the same care later in the sentence ------------------------------
# (a phone note of the coordinator's review, "physio twice a week for 8 weeks over the
# summer and then 6 more weeks in the fall", read 8 weeks of PT: 64493 denied on 12 weeks)

@pytest.mark.parametrize("text", [
    "He did physio twice a week for 8 weeks over the summer and then 6 more weeks in the "
    "fall, no better.",
    "PT 6 weeks, then 4 additional weeks after a break.",
    "PT x 10 wks, plus 3 extra weeks in October.",
])
def test_one_stretch_of_care_before_more_weeks_is_not_the_whole(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


@pytest.mark.parametrize(("text", "weeks"), [
    # guards: more weeks only planned, or a total said
    ("PT for 8 weeks, and she will do 4 more weeks if approved.", "8 weeks"),
    ("PT 12 weeks total, then 2 more weeks of HEP.", "12 weeks"),
])
def test_a_length_with_more_only_planned_or_a_total_is_read(text: str, weeks: str) -> None:
    assert read(text, "64493").get("pt_weeks") == weeks
