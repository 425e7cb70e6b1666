"""71250's figures (session 25, chest25): the white count a note states, read whatever the
layout around it. Wordings are this file's own, in several voices (a night-shift log, a
telemetry flowsheet, a GP's letter from Wales, a New Zealand discharge, a phone message, a
pharmacist's note, a handover sheet)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 11))


def _wbc(text: str) -> object:
    return read(text, "71250").get("wbc_count")


# --- a British or Irish letter's "WCC" is the white cell count --------------------------------

@pytest.mark.parametrize(("text", "value"), [
    # a GP's letter from Wales
    ("Recent bloods (09/12/2026) show a WCC of 10.2 and normal renal function.", "10200"),
    # a New Zealand discharge summary
    ("Bloods on discharge: Hb 128, WCC 8.7, CRP 12.", "8700"),
    # a phone message
    ("lab rang - her wcc is 13.1 this morning", "13100"),
])
def test_a_wcc_is_the_white_count(text: str, value: str) -> None:
    assert _wbc(text) == value


@pytest.mark.parametrize("text", [
    # someone else's, and a number the policy sets
    "Her son's WCC was 12.0 when he had the flu.",
    "Exclusion applies if WCC > 15.",
])
def test_a_wcc_that_is_not_the_patients_is_not_read(text: str) -> None:
    assert _wbc(text) is None


# --- a clock time is when a result came, never a rival white count ---------------------------

@pytest.mark.parametrize(("text", "value"), [
    # a night-shift log whose entries open with the hour
    ("0110 pt restless, SpO2 90% on RA.\n0145 bloods drawn.\n0320 results: WBC 12.2, K 4.1.",
     "12200"),
    # a telemetry flowsheet: a day and its hour before the panel
    ("Lab 12/09/2026 0615: WBC 9.9 | Hgb 13.0 | Plt 240", "9900"),
    # a handover sheet with a Julian day
    ("CBC 2026-343 2250 - WBC 14.6, Hb 11.0", "14600"),
    # a line ending in a figure before a log entry that opens with its time
    ("Resp rate 26, HR 112.\n14:30 labs back: WBC 7.8, Cr 0.9", "7800"),
    ("Chest pain 7/10.\n2215 CBC: WBC 10.9 K\n2230 MD aware, CT ordered", "10900"),
])
def test_a_time_stamp_is_no_white_count(text: str, value: str) -> None:
    assert _wbc(text) == value


@pytest.mark.parametrize("text", [
    # two counts of one morning's log: which is now is asked
    "0615 WBC 9.9\n0900 WBC 16.2\n1000 seen by MD",
    # a count with no unit after a day with no year may be a count, not a time: asked
    "WBC 12/05 1500, 12/09 9.8",
])
def test_two_counts_beside_times_are_still_asked(text: str) -> None:
    assert _wbc(text) is None


def test_a_line_opening_with_a_volume_is_no_log_time() -> None:
    # "1200 mL" is an amount; the line before it keeps its own figures
    got = read("Intake/output:\n1200 mL in\n1400 mL out\nWBC 11.2", "71250")
    assert got.get("wbc_count") == "11200"


def test_a_cut_decimal_still_joins_across_its_line() -> None:
    # a mobile paste cut at its width: "38.\n7" is one temperature
    assert read("Temp 38.\n7 C at triage", "71250").get("body_temperature") == "38.7 C"


# --- another lab's figure in brackets is that lab's -------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    # a pharmacist's note
    ("WBC 9.2, creatinine (1.1), Na (138) all fine", "9200"),
    # a nurse's summary
    ("WBC 12.6, glucose (7.4) and Na (139) unremarkable", "12600"),
    # a clinic letter
    ("Labs: WBC 8.1, Hgb (10.8) low-normal", "8100"),
    # a figure before the count was never its rival
    ("Renal function ok - creatinine (1.1) stable; WBC 9.2.", "9200"),
])
def test_another_labs_bracketed_figure_is_no_rival(text: str, value: str) -> None:
    assert _wbc(text) == value


# --- an earlier count said to be earlier ------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    # a hospitalist's problem list
    ("Leukocytosis: WBC 16,800 on 12/10 (was 11,300 on 12/06).", "16800"),
    # a phone message
    ("white count 9.4 this week, down from 14.0 at admission", "9400"),
    # a handover
    ("WBC 13.2 on 12/10 (prior 10.1 on 12/02)", "13200"),
    # a hospitalist's trend, newest first
    ("WBC 12.5 on 12/10, was 16.0 on 12/08, was 19.2 on 12/06", "12500"),
])
def test_the_one_count_not_said_to_be_earlier_is_read(text: str, value: str) -> None:
    assert _wbc(text) == value


@pytest.mark.parametrize("text", [
    # the count read is itself the earlier one: asked
    "WBC was 17.4 on admission, 11.2 on 12/10.",
    # both said to be earlier: asked
    "WBC was 15.2 on 12/01 and was 9.8 on 12/08.",
    # two counts, neither said to be earlier: asked
    "WBC 12.9 on 12/07, 17.4 on 12/10.",
])
def test_counts_not_set_apart_by_time_are_asked(text: str) -> None:
    assert _wbc(text) is None


def test_an_earlier_fever_is_still_asked_about() -> None:
    # the temperature asked for is the highest recent one: "was" does not settle it
    assert read("Temp 37.1 C (was 38.8 C last night)", "71250").get("body_temperature") != "37.1 C"


# --- two counts of the fact's own name are two values, whatever joins them --------------------

@pytest.mark.parametrize("text", [
    # a log's entries run together into one line
    "0615 WBC 9.9\n0900 WBC 16.2\n1000 seen by MD",
    # a log with its entries ended by full stops
    "0615 WBC 9.9.\n0900 WBC 16.2.\n1000 seen by MD.",
    # a clock time with a colon
    "06:15 - WBC 9.9.\n09:00 - repeat sent, WBC 16.2.",
    # one line, the label said twice
    "CBC x2 overnight: WBC 9.9, WBC 16.2",
])
def test_two_counts_of_one_name_are_asked(text: str) -> None:
    assert _wbc(text) is None


def test_a_highest_temperature_beside_a_reading_is_still_the_highest() -> None:
    # "Tmax" names the highest recent reading, which the question asks for
    assert read("T 37.4 C (Tmax 38.2 C)", "71250").get("body_temperature") == "38.2 C"


# --- a date's year is never a figure "said again" before a correction of something else -------

@pytest.mark.parametrize(("text", "day"), [
    # a fax's cover note
    ("CT L-spine: 09/02/2026. Correction 11/20: the fax header had the wrong name, not the study.",
     "2026-09-02"),
    # a phone message
    ("MRI L-spine 08/19/2026, sorry 2 more items: no implants, not pregnant.", "2026-08-19"),
    # a dictation
    ("MRI of the lumbar spine dated 06/11/2026 - oops, 1 thing I left out: she is not pregnant.",
     "2026-06-11"),
    # a records clerk
    ("CT lumbar 9/2/26. Erratum 11/20: page 2 was from another chart.", "2026-09-02"),
])
def test_a_correction_of_something_else_keeps_the_studys_day(text: str, day: str) -> None:
    assert read(text, "64493", as_of=date(2026, 12, 10)).get("ct_mri_date") == day


@pytest.mark.parametrize(("text", "day"), [
    # the study's own day taken back: the new one is read
    ("MRI 10/30/2026 (correction: should read 10/03/2026)", "2026-10-03"),
    ("MRI 11/14/2026 - sorry, 11/12/2026", "2026-11-12"),
])
def test_a_correction_of_the_studys_day_still_replaces_it(text: str, day: str) -> None:
    assert read(text, "64493", as_of=date(2026, 12, 10)).get("ct_mri_date") == day


# --- a span's hours are no temperature ---------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    # a home-care nurse's note
    ("Fever (peak 48 h): 38.9 C on 11/07 per the daughter", "38.9 C"),
    # a vendor's intake form
    ("Temp (highest 72 h): 38.6 C (11/08, at the walk-in)", "38.6 C"),
    # a night nurse's handover
    ("Febrile overnight (max last 12 h 38.7 C), per night nurse", "38.7 C"),
])
def test_the_hours_a_maximum_covers_are_no_temperature(text: str, value: str) -> None:
    got = read(text, "71250", as_of=date(2026, 11, 9))
    assert got.get("body_temperature") == value


def test_a_heart_rate_after_an_h_is_no_span() -> None:
    # "BP 132/80 H 88": a bare figure after a lone "h" stays a figure (no hours)
    got = read("Temp 38.9 C 11/08, BP 132/80 H 88", "71250", as_of=date(2026, 11, 9))
    assert got.get("body_temperature") == "38.9 C"


def test_a_range_over_some_hours_is_asked() -> None:
    # "37.2-38.5" gives no one reading; the 48 hours are none either
    got = read("Temperature (48 h) 37.2-38.5 C", "71250", as_of=date(2026, 11, 9))
    assert got.get("body_temperature") is None


@pytest.mark.parametrize(("text", "day"), [
    # a chat reply typed fast, its correction after a double dash
    ("lumbar CT 9/3 -- oops, 9/13", "2026-09-13"),
    ("MRI L-spine 8/1 -- my bad, 8/11", "2026-08-11"),
    ("MRI done 6/7 -- i mean 6/17", "2026-06-17"),
    # (already read with one dash, and so with two)
    ("the MRI: 11/4/2026 -- correction, 11/14/2026", "2026-11-14"),
])
def test_a_day_corrected_after_a_double_dash_is_the_new_day(text: str, day: str) -> None:
    assert read(text, "64493", as_of=date(2026, 12, 10)).get("ct_mri_date") == day


def test_a_day_taken_back_with_no_new_one_in_its_place_is_asked() -> None:
    # "actually" before another day: which one is the study's is asked, not the first read
    assert read("MRI 10/2 - actually 10/12", "64493", as_of=date(2026, 12, 10)).get(
        "ct_mri_date") in (None, "2026-10-12")
