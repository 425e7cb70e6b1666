"""When is it so (session 17, time17b): durations said with a fraction, and onsets given
as a month rather than a day."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


# --- a fraction of a unit (outside tester 17, F5: "a quarter of a year" was 52 weeks) ---

@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("Did pulmonary rehab for a quarter of a year, twice weekly.", "71250", "pt_weeks",
     "0.25 years"),
    ("Conservative treatment for half a year, no better.", "97110", "conservative_weeks",
     "0.5 years"),
    ("Conservative care for three quarters of a year without relief.", "62311",
     "conservative_weeks", "0.75 years"),
    ("Axial back pain for a quarter of a year.", "64493", "symptom_weeks", "0.25 years"),
    ("Knee pain for a year and a half now.", "97110", "symptom_weeks", "1.5 years"),
    ("Has had LBP for one and a half years.", "64493", "symptom_weeks", "1.5 years"),
    ("Back pain for two and a half months.", "64493", "symptom_weeks", "2.5 months"),
    ("Physio for 6 and a half weeks.", "64493", "pt_weeks", "6.5 weeks"),
])
def test_a_fraction_of_a_unit_is_that_fraction(text: str, cpt: str, fact: str,
                                               value: str) -> None:
    got = read(text, cpt)
    assert str(got.get(fact)) == value, got


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Did pulmonary rehab for a quarter of a year.", "71250", "pt_weeks"),
    ("Symptoms for half a year.", "64493", "symptom_weeks"),
    ("Symptoms for a year and a half.", "64493", "symptom_weeks"),
])
def test_a_fraction_is_never_the_whole_unit(text: str, cpt: str, fact: str) -> None:
    assert str(read(text, cpt).get(fact)) != "1 years"
