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


# --- an onset day as the answer to "how long has the patient had these symptoms?" ---
# (outside tester 17, C6 and M13: "not an answer to the question about symptom duration")

@pytest.mark.parametrize(("text", "cpt", "days"), [
    ("her knee has hurt since 03/02/2026", "97110", 277),
    ("onset 05/04/2026", "97110", 214),
    ("it started on May 4th", "97110", 214),
    ("onset was 09/30/2026", "71250", 65),
    ("since Sept 30, 2026", "71250", 65),
])
def test_an_onset_day_answers_the_symptom_duration_question(text: str, cpt: str,
                                                           days: int) -> None:
    got = read(text, cpt, ["symptom_weeks"])
    assert str(got.get("symptom_weeks")) == f"{days} days", got


@pytest.mark.parametrize("text", [
    "PT since 03/02/2026", "pt since 03/02/2026", "ibuprofen since 05/01/2026",
    "meds since 05/01/2026", "worse since 10/01/2026",
])
def test_another_things_start_is_no_symptom_onset(text: str) -> None:
    got = read(text, "97110", ["symptom_weeks"])
    assert got.get("symptom_weeks") is None, got


@pytest.mark.parametrize("text", [
    "her knee has hurt since march", "since about april", "onset sometime in May",
    "started around 06/01/2026",
])
def test_an_onset_month_is_still_asked(text: str) -> None:
    # A month with no day is asked, in a chat as in a note (the corpus's convention).
    got = read(text, "97110", ["symptom_weeks"])
    assert got.get("symptom_weeks") is None, got


# --- an age in words is no length (fresh13: "fifty eight year old man with low back pain
# since ..." read symptoms of 58 years) ---

@pytest.mark.parametrize(("text", "cpt"), [
    ("Request for a fifty eight year old man with low back pain since the spring.", "64493"),
    ("A forty year old with neck pain, PT done.", "64493"),
    ("Thirty year old woman with a cough, seen today.", "71250"),
    ("Sixty-five-year-old woman with a cough, seen today.", "71250"),
])
def test_an_age_in_words_is_no_symptom_duration(text: str, cpt: str) -> None:
    assert read(text, cpt).get("symptom_weeks") is None


def test_a_length_in_words_is_still_read_beside_an_age_in_words() -> None:
    # (passes without the fix too: it guards the age from swallowing the length)
    got = read("Sixty year old man with low back pain for two years.", "64493")
    assert str(got.get("symptom_weeks")) == "2 years", got
