"""Numbers (session 36, lengths36): a figure read for the wrong fact or the wrong span. A
calendar week after a follow-up word ("Kontrolle KW 43") is no measurement; a part of the
treatment read in one course of several is not the whole part (a totals line holds, else it
is asked; a list of parts whose last figure alone carries the unit gives it to every one);
a TTY relay's conventions ("GA" ends a turn, "Q" asks, a word before "XX" is taken back); a
score typed with no stops before "now it is 8" is not the one now; a length headed by
another care named after the first care's verdict is that care's. Wordings are this file's
own (a form row, shorthand, a sentence, a table, another language mixed with English, a TTY
relay), with near-misses that keep their reading."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a calendar week is no figure ---------------------------------------------------------
# (phrase35a read "Temp heute 37,6 °C. Kontrolle KW 43." as a temperature of 43 C: the
# follow-up word is a repeat word, and the week's number was taken for the repeat's value)

@pytest.mark.parametrize(("text", "temp"), [
    ("Temp heute 37,8 °C. Kontrolle KW 44.", "37.8 C"),
    ("T 38.1 today. Recheck CW 43.", "38.1 C"),
    ("Température 37,4 °C aujourd'hui. Contrôle semaine 44.", "37.4 C"),
    ("Temp 37.8 C. Follow-up calendar week 39.", "37.8 C"),
    ("Temperatura 37,5 °C. Control semana 40.", "37.5 C"),
])
def test_calendar_week_is_no_temperature(text: str, temp: str) -> None:
    assert read(text, "71250").get("body_temperature") == temp


def test_calendar_week_is_no_white_count() -> None:
    assert read("WBC 12.1 K. Kontrolle Kalenderwoche 2.", "71250").get("wbc_count") == "12100"


def test_repeat_value_still_read() -> None:
    # near-miss: a repeat with its own value stays the current one
    got = read("WBC 16.9 K on 07/10; repeat 07/14: 9.2 K", "71250")
    assert got.get("wbc_count") == "9200"


# --- a part read in one course of several ---------------------------------------------------
# (fresh39 denied a case on "exercise 1 week", a part of the second of two courses, where
# the totals line said 7; and read 6 weeks of exercise where each of two courses had 6)

@pytest.mark.parametrize("text", [
    "He failed two PT courses, 18 weeks in all: 01/10-02/21/2026 (6 weeks of supervised "
    "exercise) and 05/01-07/24/2026 (6 weeks of supervised exercise, 3 weeks of manual "
    "therapy, 3 weeks of pain education).",
    "PT x2 courses, neither helped.\n- Course 1 (6 wks): supervised exercise and stretching.\n"
    "- Course 2 (8 wks): exercise 2 weeks, manual therapy 3 weeks, pain education 3 weeks.",
])
def test_part_of_one_course_is_asked(text: str) -> None:
    got = read(text, "64493")
    assert "pt_exercise_weeks" not in got, got


@pytest.mark.parametrize(("text", "weeks"), [
    ("He failed two PT courses: 01/10-02/21/2026 (6 weeks of supervised exercise) and "
     "05/01-07/24/2026 (6 weeks of supervised exercise, 3 weeks of manual therapy, 3 weeks "
     "of pain education). Totals: exercise 12 wks, manual 3 wks, education 3 wks.", "12 weeks"),
    ("Physio: 2 courses, 13 weeks in all.\n- course 1 01/2026-02/2026 (6 wks): ther ex\n"
     "- course 2 03/2026-05/2026 (7 wks): exercise 1 week, manual 3 weeks, education 3 weeks\n"
     "Totals: exercise 7, manual/modalities 3, education 3 weeks. No relief after either course.",
     "7 weeks"),
])
def test_totals_of_the_parts_hold(text: str, weeks: str) -> None:
    assert read(text, "64493").get("pt_exercise_weeks") == weeks


@pytest.mark.parametrize(("text", "want"), [
    ("Totals: exercise 7, manual/modalities 3, education 3 weeks.",
     {"pt_exercise_weeks": "7 weeks", "pt_manual_weeks": "3 weeks",
      "pt_education_weeks": "3 weeks"}),
    ("PT 13 wks (exercise 7, manual 3 and education 3 weeks).",
     {"pt_exercise_weeks": "7 weeks", "pt_manual_weeks": "3 weeks"}),
    ("Across both courses: ther ex 7, manual therapy 3, pain ed 3 wks.",
     {"pt_exercise_weeks": "7 weeks", "pt_manual_weeks": "3 weeks"}),
])
def test_unit_after_a_list_of_parts(text: str, want: dict[str, str]) -> None:
    got = read(text, "64493")
    assert {k: got.get(k) for k in want} == want, got


@pytest.mark.parametrize(("text", "want"), [
    # one course only: its parts are the whole
    ("PT 12 wks: ther ex 6 wks, manual 3 wks, ed 3 wks. No relief.",
     {"pt_exercise_weeks": "6 weeks", "pt_manual_weeks": "3 weeks"}),
    # the part done in one course only
    ("Two PT courses: course 1 (6 wks) manual therapy and heat only; course 2 (8 wks) "
     "supervised exercise 8 wks. No relief from either.",
     {"pt_exercise_weeks": "8 weeks", "pt_manual_weeks": "6 weeks"}),
])
def test_part_of_one_course_near_misses(text: str, want: dict[str, str]) -> None:
    got = read(text, "64493")
    assert {k: got.get(k) for k in want} == want, got


# --- a TTY relay's conventions -----------------------------------------------------------------
# (phrase35a: "BACK PAIN I HAVE HAD IT 5 XX 15 WEEKS GA" read a pain of 5 from the erased 5)

@pytest.mark.parametrize(("cpt", "text", "fact", "value"), [
    ("97110", "MY KNEE HURT 4 XX 9 MONTHS NOW GA", "symptom_weeks", "9 months"),
    ("64493", "I DID THERAPY 6 XX 14 WEEKS GA SK", "pt_weeks", "14 weeks"),
    ("62311", "PAIN BEFORE PT WAS 3 NOW IT IS 7 GA", "pain_nrs_increase", "4"),
    ("62311", "PAIN AT START WAS 6 NOW ITS 9 GA", "pain_nrs_baseline", "6"),
])
def test_tty_relay(cpt: str, text: str, fact: str, value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


def test_tty_erased_figure_is_no_score() -> None:
    assert "pain_nrs" not in read("MY KNEE HURT 4 XX 9 MONTHS NOW GA", "97110")


def test_no_tty_without_its_turn_end() -> None:
    # near-miss: a redacted name and a state's code in an ordinary note
    got = read("Pt XX (name redacted) knee pain 6/10 x 4 months, lives in Macon GA", "97110")
    assert got.get("pain_nrs") == "6" and got.get("symptom_weeks") == "4 months"


# --- a score typed with no stops before "now" ---------------------------------------------------

@pytest.mark.parametrize(("text", "base", "change"), [
    ("before PT pain was 5 now it is 8", "5", "3"),
    ("pain at start was 4 now she rates it 7", "4", "3"),
])
def test_now_taken_up_by_its_subject(text: str, base: str, change: str) -> None:
    got = read(text, "62311")
    assert (str(got.get("pain_nrs_baseline")), str(got.get("pain_nrs_increase"))) == \
        (base, change), got


def test_baseline_then_now_with_stops_still_read() -> None:
    got = read("Pain was 5 before PT, now 8", "62311")
    assert str(got.get("pain_nrs_baseline")) == "5"


# --- a length headed by another care after the first care's verdict --------------------------
# (phrase35a: "2 COURSES PT DID NOT HELP AND IBUPROFEN 1 MONTH DID NOT HELP" read 1 month of PT)

@pytest.mark.parametrize("text", [
    "PT failed and naproxen for 6 weeks failed too.",
    "PT did not help and meloxicam x 8 wks did not help",
    "PT helped a little and gabapentin 3 months helped none",
    "2 COURSES PT DID NOT HELP AND IBUPROFEN 1 MONTH DID NOT HELP GA SK",
])
def test_other_cares_length_is_not_pts(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


@pytest.mark.parametrize("text", [
    "PT with heat and TENS 12 weeks, no relief",
    "PT failed after 12 weeks and naproxen failed",
    "PT x 12 wks failed and naproxen 6 wks failed",
])
def test_pts_own_length_still_read(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") == "12 weeks"
