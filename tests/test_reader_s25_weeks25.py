"""How long and since when (session 25, weeks25): the days and lengths of care staff write
in other shapes than the reader knew. Wordings are this file's own, in several voices (a
pharmacy refill note, a physiotherapist's discharge letter, a phone message, an insurer's
form, a chat reply)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a treatment's outcome said after the day it ended is that day's ------------------------
# (a nurse reads "stopped 11/03/2026 - no relief" as the last failed treatment of 11/03: the
# dash or comma puts the outcome in a clause of its own, with no day in it)

@pytest.mark.parametrize(("text", "day"), [
    # a pharmacy refill note
    ("Refill request declined: celecoxib discontinued 11/03/2026 - no relief at all.",
     "2026-11-03"),
    # a physiotherapist's discharge letter, the day in words
    ("The home programme ended on 14 October 2026, with no improvement in her knee.",
     "2026-10-14"),
    # a phone message
    ("mom says the prednisone pack finished 10/22/26, no help whatsoever",
     "2026-10-22"),
    # an insurer's form, the stop said after the day
    ("Last medication: tramadol 50 mg until 11/18/2026, stopped - ineffective.",
     "2026-11-18"),
])
def test_an_outcome_after_the_day_a_treatment_ended_dates_the_last_failure(
        text: str, day: str) -> None:
    assert read(text, "97110").get("last_failed_conservative_date") == day


@pytest.mark.parametrize("text", [
    # a test's day, no treatment ended on it
    "Oswestry 38% on 10/05/2026 - no improvement.",
    # the day a treatment began is no failure's
    "Meloxicam started 10/02/2026 - no benefit so far.",
    # someone else's treatment
    "Her husband's ibuprofen was stopped 10/20/2026 - no benefit.",
    # a plan, not an outcome
    "Plan: stop naproxen 11/30/2026 if no improvement.",
    # a later failure on its own line: which one was last is asked
    "Meloxicam discontinued 08/15/2026, ineffective.\n"
    'Acupuncture 08/25-11/02/2026, "no lasting relief", discharged.',
])
def test_no_failure_day_from_a_test_a_start_another_or_a_later_rival(text: str) -> None:
    assert "last_failed_conservative_date" not in read(text, "97110")


# --- a frequency of sessions between the therapy and its length is how the course ran -------
# (a nurse reads "physio at St Luke's, three times a week for 20 weeks" as 20 weeks of
# physio: the frequency said first, in the clause with the length, named no other fact's
# figure, yet it stopped the therapy taking the length)

@pytest.mark.parametrize(("text", "weeks"), [
    # a GP's referral letter
    ("Outpatient physiotherapy at St Luke's, three times a week for 20 weeks.", "20 weeks"),
    # a chat reply
    ("pt at the hospital gym, twice weekly for 18 weeks", "18 weeks"),
    # a letter from Uganda
    ("Pulmonary physiotherapy at Mulago, twice a week for 22 weeks.", "22 weeks"),
    # a text message
    ("physio at the Y, twice weekly for 24 weeks", "24 weeks"),
])
def test_a_frequency_before_the_length_leaves_the_length_the_therapys(
        text: str, weeks: str) -> None:
    got = read(text, "71250")
    assert got.get("pt_weeks") == weeks
    assert got.get("pt_sessions_per_week") is not None


@pytest.mark.parametrize("text", [
    # another person's course
    "Her sister did chest physio at Ridge, twice weekly for 20 weeks.",
    # what was recommended, not done
    "Chest physio recommended, twice weekly for 12 weeks.",
])
def test_another_persons_or_a_recommended_course_gives_no_weeks(text: str) -> None:
    assert "pt_weeks" not in read(text, "71250")


# --- a length taken from the next clause is no count of named items -------------------------
# ("Did PT, 3 sessions per week for 12 weeks" read 1 week of PT under policies that read no
# sessions a week: the length, ranked like a named item's count, was counted as one item)

@pytest.mark.parametrize(("text", "weeks"), [
    # a phone message
    ("Did PT, 3 sessions per week for 12 weeks.", "12 weeks"),
    # an insurer's call note
    ("Tried PT, 3 sessions per week for 10 weeks, no help.", "10 weeks"),
    # a dictation
    ("Has done PT, 2 sessions per week for 14 weeks.", "14 weeks"),
    # a form's free text
    ("PT done, 3 sessions per week for 12 weeks.", "12 weeks"),
])
def test_a_length_after_a_frequency_is_never_one_week(text: str, weeks: str) -> None:
    assert read(text, "64493").get("pt_weeks") == weeks
