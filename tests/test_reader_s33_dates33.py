"""Dates (session 33, dates33): a numeric date either way round beside a place whose clinics
may write it day first, a count of medial branch blocks taken for a doctor's degree, a
symptom "date range" given one day, and a letter's own "Date:" as its writer's today.
Wordings are this file's own, in several voices (a referral letter, a coordinator's line,
a club doctor's summary, a fellow's log, a physio's intake)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2028, 2, 9))


# --- a place whose clinics may write dates day first: a date either way round is asked ----
# (outside testers 31 F8 and 32 F6: "MRI 03-11-2026 (Sydney radiology)" read 11 March, a
# false failed criterion; the month-first day is never stated, the day is asked)

@pytest.mark.parametrize("text", [
    # a coordinator's line
    "Lumbar MRI done 01-02-2028 at a Melbourne imaging centre.",
    # a referral letter
    "Letter from the Calgary spine clinic: MRI L-spine 02/01/2028 shows L5 root compression.",
    # a transfer summary
    "Outside MRI (Galway, Ireland) 01/12/2028: paracentral disc extrusion.",
    # a dictated line
    "MRI lumbar spine 02/01/2028, reported by an Auckland radiologist.",
])
def test_a_date_either_way_round_beside_a_day_first_place_is_asked(text: str) -> None:
    assert "ct_mri_date" not in read(text, "62311")


@pytest.mark.parametrize(("text", "day"), [
    # near misses that stay as they were: no place named
    ("Lumbar MRI done 01-02-2028 at the imaging centre.", "2028-01-02"),
    # a date that can only be day first, or only month first, settles it
    ("Melbourne imaging centre: MRI L-spine 25/01/2028.", "2028-01-25"),
    ("Toronto clinic letter: MRI L-spine 01/25/2028.", "2028-01-25"),
    # the date's own mark settles it
    ("MRI 01/02/2028 (dd/mm/yyyy) from a Dublin clinic.", "2028-02-01"),
    # a clinical rule named after a city is no place the study was done
    ("Ottawa knee rules negative. MRI L-spine 01/02/2028.", "2028-01-02"),
])
def test_a_date_settled_or_with_no_place_is_read(text: str, day: str) -> None:
    assert read(text, "62311").get("ct_mri_date") == day


# --- medial branch blocks in the plural are no doctor's degree ------------------------------
# (phrase32a: "L3-L5 MBBs under fluoro today (4/3/28)" read as day first, from "MBBS")

@pytest.mark.parametrize("text", [
    "Bilateral L4-S1 MBBs done 2/1/28, 80% relief for 6 hours.",
    "pt had her MBBs on 2/1/2028 - good relief, wants the injection",
])
def test_medial_branch_blocks_are_no_day_first_degree(text: str) -> None:
    assert read(text, "64493").get("nerve_block_date") == "2028-02-01"


def test_the_degree_after_a_doctors_name_still_writes_day_first() -> None:
    # near miss: "MBBS" after a name is a Commonwealth doctor's degree, as before
    got = read("Dr. K. Rao, MBBS (pain medicine): medial branch block 2/1/28, 70% relief.",
               "64493")
    assert got.get("nerve_block_date") == "2028-01-02"


# --- a symptom "date range" of one day is no start of the symptoms ---------------------------
# (outside tester 31 F4: "H&P with symptom date range 11/19/2026 on file" read 17 days of
# symptoms, failing 97110's six weeks)

@pytest.mark.parametrize("text", [
    "History and exam with the symptom date range 01/26/2028 are in the chart.",
    "- H&P incl. symptom date range, 01/30/2028, on file",
])
def test_a_date_range_of_one_day_gives_no_symptom_length(text: str) -> None:
    assert "symptom_weeks" not in read(text, "97110")


def test_a_date_range_to_the_present_still_dates_the_symptoms() -> None:
    # near miss: a range with its end is read as before
    got = read("Symptom date range: 11/11/2027 - present.", "97110")
    assert got.get("symptom_weeks") == "90 days"


# --- a letter's own "Date:" is its writer's today ---------------------------------------------
# (f32, f35, f36: a club doctor's summary "Date: 07/03/2028 (full history and exam today)"
# read the reader's day, a false fresh H&P)

@pytest.mark.parametrize("text", [
    "ROWING CLUB - Medical Room\nAthlete: R. Moss, 31, stroke seat.\nDate: 02/02/2028\n"
    "Full history and physical today. Low back pain for 5 months.",
    "Swimmer: L. Tan, 19. Date: 01/31/2028. Comprehensive history and exam today; "
    "radicular pain since the autumn.",
])
def test_a_letters_date_label_dates_its_today(text: str) -> None:
    assert read(text, "62311").get("hp_date") in ("2028-02-02", "2028-01-31")


@pytest.mark.parametrize(("text", "day"), [
    # near misses: no label, or two labels (which one is the note's is not said)
    ("Athlete: R. Moss, 31.\nFull history and physical today.", "2028-02-09"),
    ("Date: 01/20/2028 - intake form.\nDate: 02/01/2028 - physio letter.\n"
     "Full history and physical today.", "2028-02-09"),
])
def test_no_single_date_label_leaves_today_as_it_was(text: str, day: str) -> None:
    assert read(text, "62311").get("hp_date") == day

