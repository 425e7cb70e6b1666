"""Treatment courses, their totals and counts (session 20, courses20). Wordings are the
fixer's own.

- A sum given after an equals sign or an arrow ("(12 wk; 12 wk) = 24 wk", "-> 14 wks") is
  the courses' total, not a third course (fresh23 read one course's 12 weeks of 24).
- A sentence cut at a semicolon inside brackets runs on past them: the cue after the
  brackets ("PT: 2 courses (6 wk; 8 wk), no lasting relief") says how the counted courses
  went; so does a cue wrapped at the line's margin ("no lasting\\n   relief").
- "A combined course of X and Y" is one course of two things, not a total of the courses:
  the lengths of the counted courses still add up.
- A length that opens its own sentence after a list of courses and is their sum ("...
  (10 wk) home program. 18 wk; no improvement after either") is their total.
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "weeks"), [
    ("PT hx: 2 courses (03/02-04/27/26 8 wk; 07/06-09/28/26 12 wk) = 20 wk, no lasting relief.",
     "20 weeks"),
    ("Physical therapy - two courses (Jan-Mar 2026, 10 weeks; Jun-Aug 2026, 9 weeks) => 19 "
     "weeks; neither helped.", "19 weeks"),
    ("Pt did 2 courses of PT at Bayview (02/02/26-03/16/26 6 wks; 05/04/26-07/27/26 12 wks) "
     "-> 18 wks, no improvement.", "18 weeks"),
    ("Re PT: she had two courses (5/1-6/12/26: 6 wk; 8/3-10/26/26: 12 wk) = 18 wk overall "
     "per their discharge summaries.", "18 weeks"),
])
def test_a_sum_after_an_equals_sign_is_the_total(text: str, weeks: str) -> None:
    assert str(read(text, "64493").get("pt_weeks")) == weeks


@pytest.mark.parametrize("text", [
    "PT: 2 courses (spring 6 wk; fall 8 wk), no lasting relief.",
    "Outpatient PT: 2 courses (03/2026 6 wks; 08/2026 9 wks), both without relief.",
    "PT summary: 2 courses (Harbor PT 7 wk; Summit PT 6 wk) - no lasting\n"
    "    relief from either.",
])
def test_a_cue_after_the_brackets_counts_the_courses(text: str) -> None:
    assert str(read(text, "64493").get("pt_courses_failed")) == "2"


@pytest.mark.parametrize(("text", "weeks"), [
    ("She has had two courses of conservative care: physical therapy for six weeks, then a "
     "combined course of naproxen and a walking program for eight weeks; neither helped.",
     "14 weeks"),
    ("Two courses of conservative treatment - PT x 7 weeks, then a combined program of "
     "gabapentin and weight loss x 9 weeks, with no improvement after either.", "16 weeks"),
])
def test_a_combined_course_is_one_course(text: str, weeks: str) -> None:
    got = read(text, "62311")
    assert str(got.get("conservative_weeks")) == weeks
    assert str(got.get("conservative_courses_failed")) == "2"


@pytest.mark.parametrize(("text", "weeks"), [
    ("Conservative care: PT 03/02-04/27 (8 wk) + meloxicam; then 06/01-08/24 (12 wk) home "
     "exercise + gabapentin. 20 wk; no improvement after either.", "20 weeks"),
    ("Conservative tx (logs attached): PT 6 wks w/ ibuprofen - no change. Home program + "
     "diet 7 wks - no change. 13 wks; neither course helped.", "13 weeks"),
])
def test_a_bare_sum_after_the_list_is_its_total(text: str, weeks: str) -> None:
    assert str(read(text, "62311").get("conservative_weeks")) == weeks


@pytest.mark.parametrize(("text", "weeks"), [
    ("Conservative management (logs enclosed):\n"
     " - Course 1: PT 2x/wk, 7 weeks, ibuprofen alongside. No improvement.\n"
     " - Course 2: home program + weight loss, 9 weeks, gabapentin throughout. No improvement.\n"
     " 16 weeks of conservative management in all.", "16 weeks"),
    ("Conservative tx: first course - physio 6 wks with naproxen at the same time, no "
     "change; second course - diet and walking plan 8 wks, meloxicam concurrently, no "
     "change. 14 wks total.", "14 weeks"),
])
def test_together_within_a_named_course_still_adds_up(text: str, weeks: str) -> None:
    got = read(text, "62311")
    assert str(got.get("conservative_weeks")) == weeks
    assert str(got.get("conservative_courses_failed")) == "2"


def test_courses_side_by_side_do_not_add_up() -> None:
    text = ("Conservative care: PT 8 wks; naproxen alongside, 8 wks; 16 wks in all, no "
            "improvement.")
    assert str(read(text, "62311").get("conservative_courses_failed")) != "2"
