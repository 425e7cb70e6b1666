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


# --- a relative date hedged after it is no day ---------------------------------------------
# (p30a: "the x ray was a year ago or so" read the day a year back)

@pytest.mark.parametrize("text", [
    "her last lumbar films were 8 months ago or thereabouts",
    "Lumbar X-rays about - well, 6 months ago-ish, at urgent care.",
    "X-ray of the L-spine a year ago, give or take.",
])
def test_a_relative_date_hedged_after_it_is_asked(text: str) -> None:
    assert "xray_date" not in read(text, "64493")


def test_a_relative_date_with_no_hedge_is_still_read() -> None:
    # near miss: a plain "6 months ago" and a finding after it
    assert read("Lumbar X-rays 6 months ago, mild facet arthropathy.", "64493").get(
        "xray_date") == "2027-08-09"


# --- a test that could not be obtained is no test done that day ------------------------------
# (f15: "PFT 11/20/2026: unable to obtain acceptable spirometry ... test aborted" was dated)

@pytest.mark.parametrize("text", [
    "Spirometry 01/30/2028 - unable to obtain reproducible loops, pt exhausted.",
    "PFTs 01/30/2028: could not perform, patient too dyspneic to cooperate.",
])
def test_a_test_that_could_not_be_obtained_is_not_dated(text: str) -> None:
    assert "pft_date" not in read(text, "71250")


def test_a_test_done_with_one_part_not_obtained_keeps_its_day() -> None:
    # near miss: the spirometry was done; only a later part was not obtained
    assert read("PFTs 01/30/2028: FEV1 58% predicted. DLCO unable to obtain.", "71250").get(
        "pft_date") == "2028-01-30"


# --- a day said and taken back with a bare "no" ----------------------------------------------
# (p28a: "MRI was done 'July 1st, no, June 21st'" read the later, taken-back day)

@pytest.mark.parametrize(("text", "day"), [
    ("Pt says her lumbar MRI was January 20th, no, January 12th.", "2028-01-12"),
    ("MRI L-spine 1/20/28, no, 1/12/28 - I had the wrong line.", "2028-01-12"),
])
def test_a_day_taken_back_with_no_gives_the_new_day(text: str, day: str) -> None:
    assert read(text, "62311").get("ct_mri_date") == day


def test_no_after_a_day_that_gives_no_new_day_takes_nothing_back() -> None:
    # near miss: "no" starts a finding, not a correction
    assert read("MRI L-spine 1/20/28, no, there was no contrast given.", "62311").get(
        "ct_mri_date") == "2028-01-20"


# --- a study's name wrapped before its spine area --------------------------------------------
# (f20: "repeat MRI\nL-spine 10/21/2026 shows ..." left the new study's day alone on its line)

def test_a_study_wrapped_before_its_area_keeps_its_day() -> None:
    text = ("Peer to peer today: the reviewer only had the 11/02/2027 scan. Our repeat MRI\n"
            "L-spine 01/22/2028 now shows a sequestered fragment at L4-5 on the left side.")
    assert read(text, "62311").get("ct_mri_date") == "2028-01-22"


# --- the day of a request, a referral or an order is no study's ------------------------------
# (phrase32a: "X-ray 09/01/2027, more than 6 months before the 4/25/28 request" read the
# request's day as the X-ray's, and two sets)

@pytest.mark.parametrize("text", [
    "Auditor: X-ray of the knee 07/01/2027 is over six months older than the 02/01/2028 request.",
    "Knee X-ray 07/01/2027, well before the 02/01/2028 referral.",
])
def test_the_day_of_a_request_is_no_xray_day(text: str) -> None:
    got = read(text, "97110")
    assert got.get("xray_date") == "2027-07-01"
    assert got.get("xray_sets") != 2


# --- a row that opens with its day, flattened onto one line ----------------------------------
# (p27a: "... / 2027-04-19 XR L-spine flex-ext / 2027-05-02 CT L-spine" gave the CT's day to
# the X-ray before it)

def test_a_row_opening_with_its_day_is_the_next_studys() -> None:
    text = "2027-06-02 XR L-spine AP/lat / 2027-11-30 XR L-spine obliques / 2028-01-05 MRI L-spine"
    got = read(text, "64493")
    assert got.get("xray_date") == "2027-11-30"
    assert got.get("ct_mri_date") == "2028-01-05"
