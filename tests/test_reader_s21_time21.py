"""Dates and lengths (session 21, time21): which day a date is, and which day "today" is.
A text whose writer shows a day-first country's conventions writes its numeric dates day
first. Wordings are this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 20))


# --- a day-first writer's conventions settle an ambiguous date --------------------------------

@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # a South African referral letter: medical aid, "booked off"
    ("Re: Mrs Thandi Mokoena, Bonitas medical aid no. 8812\nLow back pain with left leg "
     "pain since a fall on 03/10/2026. Booked off work since.", "62311", "symptom_weeks",
     "78 days"),
    # a British GP's letter: paracetamol
    ("Dear colleague, she has tried paracetamol 1 g qds and physio without benefit. "
     "X-ray of the knee 04/11/2026 showed moderate OA.", "97110", "xray_date", "2026-11-04"),
    # an Australian letter: the patient seen "in your rooms"
    ("Thanks for seeing Jim in your rooms. Lumbar MRI 05/12/2026: facet arthropathy L4-5.",
     "64493", "ct_mri_date", "2026-12-05"),
    # a terse note whose doses are written the British way
    ("Naproxen 500mg bd x 8/52, no help. Amitriptyline 10 mg nocte. XR lumbar 02/11/2026.",
     "97110", "xray_date", "2026-11-02"),
])
def test_a_day_first_writers_ambiguous_date_is_day_first(text: str, cpt: str, fact: str,
                                                         value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize("text", [
    # the same words with a date that can only be month first: the writer is month first
    "Tylenol (paracetamol) 1 g tid. X-ray of the knee 04/11/2026; seen again 11/19/2026.",
    # an American note with no such word
    "Tried acetaminophen and PT. X-ray of the knee 04/11/2026 showed moderate OA.",
])
def test_a_month_first_text_keeps_its_dates(text: str) -> None:
    assert str(read(text, "97110").get("xray_date")) == "2026-04-11"


# --- a day word right before a score dates the score, not a visit named after it -------------

@pytest.mark.parametrize(("text", "cpt"), [
    ("Pain today 8/10 (last visit 4/10), worse with sitting.", "64493"),
    ("pain score yesterday 9/10 (last visit: 6/10)", "62311"),
    ("Pt reports pain today 7/10 (last exam 4/10).", "64493"),
    ("Reports back pain today 6/10 (last visit he rated it 3/10).", "62311"),
])
def test_a_day_word_before_a_score_is_no_hp_date(text: str, cpt: str) -> None:
    assert read(text, cpt).get("hp_date") is None


def test_a_day_word_still_dates_the_hp_it_names() -> None:
    assert str(read("H&P today, pain 7/10.", "64493").get("hp_date")) == "2026-12-20"


# --- "today" inside an entry that carries its own day ----------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    # a caregiver's diary, the month in words
    # ("took Mum for ..." is asked since session 32: in a diary Mum may be the patient or
    # someone the patient took along; dates32)
    ("Nov 28 - took her for knee X-rays today, the nurse was lovely.", "2026-11-28"),
    ("3 December: x-rays of her knee today at the hospital.", "2026-12-03"),
    # a call log: month/day and a time of day
    ("12/14 0930 pt called back, had the knee x-rays today at Mercy.", "2026-12-14"),
    ("12/11 2:15 pm - pt calls: lumbar X-rays taken this morning, report to follow.",
     "2026-12-11"),
])
def test_today_in_an_entry_with_its_own_day_is_that_day(text: str, value: str) -> None:
    assert str(read(text, "97110").get("xray_date")) == value



@pytest.mark.parametrize("text", [
    "12/14/2026 - ortho office: chronic neck pain x 7 months, per their notes.\n"
    "12/16/2026 - pt called back re: appointment times.",
    "Visit 12/10/2026: neck pain for 7 months, worse at night.\n"
    "Visit 12/17/2026: seen for the knee brace fitting.",
])
def test_a_length_in_months_said_days_before_the_last_entry_still_holds(text: str) -> None:
    assert str(read(text, "97110").get("symptom_weeks")) == "7 months"


# --- a date written with dots is a date ------------------------------------------------------

# (session 22: a dotted date whose figures could both be the month is asked, unless the
# message settles it; outside tester 22 F3 read "MRI 03.09.2026" as 9 March. The two
# dates this test first read month first, "12.1.26" and "11.04.2026", are asked now, in
# tests/test_reader_s22_coord22.py.)
@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("H&P: 12.1.26 (Dr. Sato). Prior H&P 8/22/26.", "62311", "hp_date", "2026-12-01"),
    ("XR knee 11.04.2026 (Nov 4) - mild OA.", "97110", "xray_date", "2026-11-04"),
    ("Lumbar MRI done 10.22.26, shows stenosis L4-5.", "62311", "ct_mri_date", "2026-10-22"),
    # a day-first writer's dots: the day can only be first
    ("MRI of the knee 14.11.2026; X-ray 03.10.2026.", "97110", "xray_date", "2026-10-03"),
])
def test_a_dotted_date_is_read(text: str, cpt: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# --- a scanner's letters for figures ---------------------------------------------------------

@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    ("[OCR] Imaging: XR L-sp 07/0l/2026, lumbar.", "64493", "xray_date", "2026-07-01"),
    ("Scanned p.2 - MRI lumbar 1l/O3/2026: facet arthropathy.", "64493", "ct_mri_date",
     "2026-11-03"),
    ("Medial branch block 10/2l/2026, 80% relief.", "64493", "nerve_block_date", "2026-10-21"),
    ("pain l0/10 today", "97110", "pain_nrs", "10"),
])
def test_letters_a_scanner_read_for_figures_are_figures(text: str, cpt: str, fact: str,
                                                        value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


# --- a day word after a score dates the score, not what is named after it -------------------

@pytest.mark.parametrize("text", [
    "Pain 2/10 today (6/10 at the 11/02 visit, better since the MBB).",
    "NRS 4/10 today (8/10 on 10/30, before the medial branch block).",
    "Pain: 3/10 today (was 7/10 - better since the nerve block).",
])
def test_a_day_word_after_a_score_is_no_block_date(text: str) -> None:
    assert read(text, "64493").get("nerve_block_date") is None


# --- an outcome told at a visit has the visit's day, not the treatment's ---------------------

@pytest.mark.parametrize(("text", "value"), [
    ("Cortisone shot to the L knee 10/02/2026 - no relief at the 3-week check on 10/23/2026.",
     "2026-10-02"),
    ("Steroid injection R shoulder on 09/15/2026; no benefit by the follow-up visit 10/20/2026.",
     "2026-09-15"),
    ("09/30/2026 ortho: subacromial steroid injection given.\n"
     "11/04/2026 ortho f/u: injection did not help.", "2026-09-30"),
    ("CSI hip 2026-08-12. Phone call 2026-09-01: no improvement.", "2026-08-12"),
])
def test_an_outcome_told_at_a_visit_keeps_the_treatments_day(text: str, value: str) -> None:
    assert str(read(text, "97110").get("last_failed_conservative_date")) == value


# --- an event after "since" with its day right after it dates the onset ----------------------

@pytest.mark.parametrize(("text", "cpt", "value"), [
    ("L knee pain since a scrum collapse 09/02/2026, still swollen.", "97110", "109 days"),
    ("Pt reports R shoulder pain since unloading a truck 08/10/2026 (DOI).", "97110",
     "132 days"),
    ("Low back pain since he slipped on the ice 11/01/2026.", "62311", "49 days"),
    ("Neck pain since the fender bender 10/20/2026; no radiation.", "97110", "61 days"),
])
def test_an_event_and_its_day_after_since_dates_the_onset(text: str, cpt: str,
                                                         value: str) -> None:
    assert str(read(text, cpt).get("symptom_weeks")) == value


# --- a banner over a note's title is no title; the title's day is the note's today -----------

@pytest.mark.parametrize(("text", "value"), [
    ("[Dictated, voice recognition - not proofread]\nPain medicine follow up, December "
     "second two thousand twenty six. Low back pain.\nThis note serves as the history and "
     "physical today.", "2026-12-02"),
    ("[Scanned document - OCR text]\nRiverside spine clinic follow up, 12/03/2026. Seen for "
     "low back pain.\nH&P today: facet loading painful, gait normal.", "2026-12-03"),
    ("[Transcribed from audio]\nDr. Ames interventional pain follow-up 12/01/2026. LBP.\n"
     "Comprehensive H&P performed today.", "2026-12-01"),
])
def test_the_title_under_a_banner_dates_the_notes_today(text: str, value: str) -> None:
    assert str(read(text, "64493").get("hp_date")) == value
