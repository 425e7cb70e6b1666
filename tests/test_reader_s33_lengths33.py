"""Numbers (session 33, lengths33): what a figure is a figure of. Wordings are this file's
own, in several voices (a dictation, a phone message, a clinic letter, a flowsheet)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a change in points is the change, not the score reached before its words ------------

@pytest.mark.parametrize(("text", "baseline", "change"), [
    # a dictated follow-up (spoken scores, spoken change)
    ("her pain was five out of ten before the injections and is eight out of ten now so "
     "up three points", "5", "3"),
    # a phone message
    ("Pt says pain two out of ten at the start of physio, four out of ten now so up two points.",
     "2", "2"),
])
def test_the_points_after_up_are_the_change(text: str, baseline: str, change: str) -> None:
    got = read(text, "62311")
    assert got.get("pain_nrs_increase") == change
    assert got.get("pain_nrs_baseline") == baseline


def test_a_spoken_change_in_points_is_read() -> None:
    assert read("Since the PT started his pain went up two points.", "62311").get(
        "pain_nrs_increase") == "2"


def test_at_one_point_is_no_change() -> None:
    # (near miss: "at one point" is a time, not a change of one point)
    assert "pain_nrs_increase" not in read(
        "At one point the pain went up a lot, she says.", "62311")


def test_a_change_said_in_digits_stays() -> None:
    # (near miss: digits were read right before; they stay so)
    got = read("NRS 3/10 before PT, 6/10 now, so up 3 points.", "62311")
    assert got.get("pain_nrs_increase") == "3"


# --- a bare white count of 100-999 is a slip, asked -----------------------------------

@pytest.mark.parametrize("text", [
    "CBC this am: WBC 210, Hgb 13.1.",      # a lab line typed in a hurry
    "White count 480 per the outside lab.",  # a phone message
])
def test_a_white_count_neither_thousands_nor_cells_is_asked(text: str) -> None:
    assert "wbc_count" not in read(text, "71250")


@pytest.mark.parametrize(("text", "value"), [
    ("CBC this am: WBC 21, Hgb 13.1.", "21000"),     # (near miss: thousands, as before)
    ("WBC 7.9 x10^3/uL", "7900"),
    ("White count 11,300 per the outside lab.", "11300"),
])
def test_a_white_count_in_thousands_stays(text: str, value: str) -> None:
    assert read(text, "71250").get("wbc_count") == value


# --- a correction written inside the text: the replaced figure is not read -------------

def test_an_amended_baseline_replaces_the_baseline_not_the_score_now() -> None:
    got = read("NRS baseline 3, today 8 - amended: baseline was 5.", "62311")
    assert got.get("pain_nrs_baseline") == "5"
    assert got.get("pain_nrs_increase") == "3"


def test_a_temperature_called_a_device_error_after_its_time_is_not_read() -> None:
    got = read("T 38.6 C at 14:20 - probe error per tech; repeat 37.0 C oral.", "71250")
    assert got.get("body_temperature") != "38.6 C"


def test_an_amended_lab_result_after_an_arrow_is_not_read_as_the_old_one() -> None:
    got = read("WBC 9,100 -> amended result 17,300 (lab phoned).", "71250")
    assert got.get("wbc_count") != "9100"


def test_a_decimal_comma_figure_before_an_amendment_is_replaced() -> None:
    assert read("Temp 38,2 °C - amended: 36.9 C", "71250").get("body_temperature") == "36.9 C"


def test_a_temperature_with_its_time_and_no_error_stays() -> None:
    # (near miss: a time of day and a dash, but nothing calls the figure wrong)
    assert read("T 38.6 C at 14:20 - pt shivering; repeat due at 16:00.", "71250").get(
        "body_temperature") == "38.6 C"
