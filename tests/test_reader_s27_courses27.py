"""Course rows, tables and what counts as PT (session 27, courses27; outside tester 27 F1,
F9). Wordings are this file's own, in several voices (a physio clinic's discharge form, a
referral letter from abroad, a phone message, a dictation, a chat reply)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a heading that counts its courses, the rows, then a total line: the total ------------
# (a nurse reads "Total 15 weeks" under the rows as the PT done, never a sum of some rows)

@pytest.mark.parametrize("text, weeks", [
    # a physio clinic's discharge form
    ("Physiotherapy: 2 blocks, no lasting benefit\n"
     "  Block 1  Northside Physio  01/05/2026-02/16/2026  6 wks  core + stretching program\n"
     "  Block 2  Northside Physio  04/06/2026-06/01/2026  9 wks  mobilisation + TENS 5 wks, "
     "pain neuroscience education 4 wks\n"
     "  Total 15 weeks", "15 weeks"),
    # a referral's typed summary
    ("PT: two courses, neither helped\n"
     "- first course (Jan-Mar): 7 wks exercise and stretching\n"
     "- second course (May-Jul): 7 wks manual therapy with heat 4 wks, education 3 wks\n"
     "Total 14 wks", "14 weeks"),
    # a chat paste from a UK clinic
    ("Physio: 2 rounds, no benefit\n"
     "   Round 1  St Anne's  02/2026  5 wks  exercise class\n"
     "   Round 2  St Anne's  05/2026  8 wks  manual therapy + TENS 4 wks, education 4 wks\n"
     "   Total 13 weeks", "13 weeks"),
    # a rehab unit's summary
    ("Rehab: 2 courses, no improvement either time\n"
     "  Course 1  Lakeside Rehab  01/2026-02/2026  5 wks  supervised exercise\n"
     "  Course 2  Lakeside Rehab  04/2026-06/2026  9 wks  manual therapy + heat 5 wks, "
     "back school 4 wks\n"
     "  Total 14 weeks", "14 weeks"),
    # a case manager's worksheet
    ("Physical therapy: 3 courses, all failed\n"
     "  #1  8 wks  exercise\n"
     "  #2  heat/TENS 2 wks, manual 3 wks\n"
     "  #3  4 wks  back school\n"
     "  Total 17 weeks", "17 weeks"),
])
def test_a_total_line_under_course_rows_is_the_pt_done(text: str, weeks: str) -> None:
    assert read(text, "64493").get("pt_weeks") == weeks


def test_a_heading_with_its_own_length_keeps_it() -> None:
    # guard: the heading gives a length itself; a later "total" line is not taken over it
    got = read("PT: 12 weeks, no help\n  exercise 6 wks\n  manual 6 wks\nTotal 12 weeks",
               "64493")
    assert got.get("pt_weeks") == "12 weeks"


# --- a course's length before a part's name whose own length follows: the course's --------

@pytest.mark.parametrize("text", [
    # a physio clinic's discharge form
    "Course 2 at Ridge PT 05/2026-06/2026 9 wks manual therapy + heat 5 wks, back school 4 wks",
    # a German clinic's bilingual letter
    "Kurs 2 / course 2, Physio Müller, 03/2026-05/2026: 10 Wochen / 10 wks manual therapy + "
    "heat 6 wks, back school 4 wks",
    # a case manager's worksheet row
    "Course 2 (Apr-Jun) 10 wks manual therapy + heat 6 wks, back school 4 wks",
])
def test_a_courses_length_before_a_part_is_not_that_parts(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pt_manual_weeks") not in ("8 weeks", "9 weeks", "10 weeks")


def test_a_list_of_parts_each_with_its_length_stays_read() -> None:
    # guard: a separator before the next length: each part's own length
    got = read("PT 12 wks: 6 wks exercise, 3 wks manual therapy, 3 wks education", "64493")
    assert got.get("pt_exercise_weeks") == "6 weeks"
    assert got.get("pt_manual_weeks") == "3 weeks"
    assert got.get("pt_education_weeks") == "3 weeks"


# --- one length said of two parts together: neither part's alone --------------------------

@pytest.mark.parametrize("text", [
    # a referral letter from abroad
    "Thereafter he attended 8 weeks of manual therapy and back school at our clinic.",
    # a chat reply
    "the second course was manual + education x 8 wks",
    # an intake phone message
    "pt says the last 8 wks were hands-on manual tx plus pain education, no exercise",
])
def test_one_length_of_two_parts_is_neither_parts(text: str) -> None:
    got = read(text, "64493")
    assert got.get("pt_manual_weeks") != "8 weeks"
    assert got.get("pt_education_weeks") != "8 weeks"
    assert got.get("pt_weeks") != "8 weeks"


@pytest.mark.parametrize("text, fact, weeks", [
    # guards: one part's own phrase ("exercise and stretching", "manual w/ heat"), or each
    # part with a length of its own
    ("She did 6 weeks of exercise and stretching with the physio.", "pt_exercise_weeks",
     "6 weeks"),
    ("Manual therapy 4 wks and education 4 wks.", "pt_manual_weeks", "4 weeks"),
    ("Manual therapy 4 wks and education 4 wks.", "pt_education_weeks", "4 weeks"),
])
def test_a_parts_own_length_stays_read(text: str, fact: str, weeks: str) -> None:
    assert read(text, "64493").get(fact) == weeks


# --- a home program after the therapy is not therapy: its weeks are never added to PT ------

@pytest.mark.parametrize("text, weeks", [
    # a PT discharge summary's shorthand
    ("PT 3x/wk x 5 wks, then HEP x 7 wks; no change in pain.", "5 weeks"),
    # a letter from a UK physio
    ("Physio twice weekly for 5 weeks followed by a home exercise programme for 7 weeks.",
     "5 weeks"),
    # a phone message
    ("pt says she did PT 8 wks then home exercises 4 wks, no better", "8 weeks"),
])
def test_a_home_program_after_pt_is_not_added_to_pt(text: str, weeks: str) -> None:
    assert read(text, "64493").get("pt_weeks") == weeks


@pytest.mark.parametrize("text", [
    # guards: the heading's figure from the first course of its list stays asked; two PT
    # courses in a row are still no single one's length
    "Conservative care: naproxen x 6 wks, then home exercises x 6 wks",
    "PT for 6 weeks then PT again for 6 weeks at another clinic",
])
def test_a_list_under_a_heading_is_still_asked(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") != "6 weeks"


# --- "w/" after a figure is "with", never a length in weeks -------------------------------

@pytest.mark.parametrize("text", [
    # a triage nurse's shorthand
    "Low back pain 7 w/ bending, 3 resting; otherwise well.",
    # a PT intake line
    "LBP flares w/ lifting; symptoms 5 w/ no break",
    # a chat reply
    "his back pain is 8 w/ lifting",
])
def test_a_figure_before_w_slash_is_no_weeks(text: str) -> None:
    assert "symptom_weeks" not in read(text, "64493")


def test_a_figure_in_w_is_still_weeks() -> None:
    # guard: "x 7w" is seven weeks
    assert read("LBP x 7w, worse w/ sitting", "64493").get("symptom_weeks") == "7 weeks"


# Coordinator, on landing: with "w/" no longer weeks, "LBP 6 w/ prolonged sitting" would
# read a pain score of 6; a score followed by what the patient was doing is one activity's,
# asked as the named ones ("w/ lifting") are.

@pytest.mark.parametrize("text", ["Low back pain 7 w/ bending.", "LBP 6 w/ prolonged sitting",
                                  "neck pain 8 when driving more than an hour"])
def test_a_score_while_doing_something_is_asked(text: str) -> None:
    got = read(text, "64493")
    assert "pain_nrs" not in got and "symptom_weeks" not in got


@pytest.mark.parametrize("text", ["back pain 7/10 with radiating symptoms to the L leg",
                                  "pain 7 with tingling in the leg"])
def test_guard_a_score_with_a_symptom_is_read(text: str) -> None:
    assert read(text, "64493").get("pain_nrs") == "7"
