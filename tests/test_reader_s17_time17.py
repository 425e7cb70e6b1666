"""When a symptom began, said in words (session 17, time17): a month and day with the year
in words ("November 15th of last year", "January 20th this year") is that year's day, not
the latest such day; a day said before its month ("the 6 of April of 2026", "the 21st of
March, 2025") and a day or year spoken in words ("March third twenty twenty-six", "May
fourth", "the twentieth of January") are dates (``agent/reading/values.py``). fresh20: a
daughter's "hurt since November 15th of last year" read 19 days; a voice memo's and a
machine translation's onset dates were unread. Wordings written by the fixer."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("cpt", "text", "value"), [
    # the year in words after a month and day: last year's day, not this year's
    ("64493", "Per her son, low back pain since October 2nd of last year.",
     "428 days"),
    ("62311", "Radicular leg pain since Nov 30th, last year, per the referral.", "369 days"),
    ("97110", "She says the knee pain started on December 1st of the previous year.",
     "368 days"),
    # the day before its month, as a speaker or a translation puts it
    ("71250", "The cough is present since the 12 of May of 2026, with pain of the chest.",
     "206 days"),
    ("62311", "Sciatica since the 3rd of August, 2025 (lifting at work).", "488 days"),
    ("97110", "Shoulder pain since the 9th of June.", "178 days"),
    # spoken days and years
    ("62311", "uh the leg pain started June second twenty twenty-six okay", "185 days"),
    ("64493", "back pain began on the twenty-second of July, twenty twenty-five, new "
     "paragraph", "500 days"),
    ("97110", "knee pain since September the fifth", "90 days"),
])
def test_onset_said_in_words_is_a_duration(cpt: str, text: str, value: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == value


@pytest.mark.parametrize(("cpt", "text"), [
    # a month and day with the year after it in words are never read as this year's
    ("64493", "Low back pain since November 29th of last year."),
    ("62311", "Leg pain since December 1st, last year."),
])
def test_last_year_is_never_this_year(cpt: str, text: str) -> None:
    got = str(read(text, cpt).get("symptom_weeks"))
    assert got in ("None", "370 days", "368 days")
    assert got not in ("5 days", "3 days")


def test_a_day_said_this_year_after_today_is_no_onset() -> None:
    # "December 20th this year" said on December 4th has not come: no duration from it
    assert read("Back pain since December 20th this year.", "64493").get("symptom_weeks") \
        is None


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("MRI lumbar spine was done October the fourteenth, twenty twenty-six.", "ct_mri_date",
     "2026-10-14"),
    ("X-rays on the seventh of May, twenty twenty-six showed facet arthropathy.", "xray_date",
     "2026-05-07"),
])
def test_spoken_study_dates(text: str, fact: str, value: str) -> None:
    assert str(read(text, "64493").get(fact)) == value



@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Medial branch block done on November the second, I'm sorry, November twelfth.",
     "nerve_block_date", "2026-11-12"),
    ("MRI was September fourth - wait, September fourteenth - at St. Luke's.",
     "ct_mri_date", "2026-09-14"),
])
def test_a_spoken_date_corrected_in_one_breath(text: str, fact: str, value: str) -> None:
    assert str(read(text, "64493").get(fact)) == value


@pytest.mark.parametrize(("text", "fact"), [
    # the day after an onset word is when the pain began, not the date of the record
    # or study named after it
    ("- Onset 03/14/2025 (lifting at work) per Dr. Alvarez's H&P.", "hp_date"),
    ("Pain since 10/01/2025 per the MRI request.", "ct_mri_date"),
    ("Symptom onset 09/09/2025 per her H&P.", "hp_date"),
    ("Axial low back pain since 01/06/2026 as per the X-ray requisition.", "xray_date"),
])
def test_an_onset_day_is_no_record_date(text: str, fact: str) -> None:
    assert read(text, "64493").get(fact) is None
