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
- A sum of courses takes the courses' own figures, not the parts listed between them
  ("course #1 (12 wk): 6 wk ther ex, 3 wk manual ... Course #2 (13 wk) ther ex"): the
  parts are read, and a course that was all one part adds to it (exercise 19 weeks).
- A part's length said to be within a course ("the last 3 wks of course 1") is no
  further course; blocks and rounds are counted and numbered as courses are.
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


# The parts of one course listed between the lengths of two courses that add up are read:
# the sum takes the courses' own figures, not those between them; a course that was all
# one part adds to that part's weeks in the other course.
@pytest.mark.parametrize(("text", "parts"), [
    ("PT (base clinic): course #1 03/02-05/22/26 (12 wk): 6 wk ther ex, 3 wk manual w/ "
     "heat, 3 wk back school. Course #2 06/08-08/31/26 (12 wk) ther ex only. Total 24 wk, "
     "no relief from either.",
     {"pt_exercise_weeks": "18 weeks", "pt_manual_weeks": "3 weeks",
      "pt_education_weeks": "3 weeks"}),
    ("Physical therapy course 1 (10 wks): exercise 5 wks, manual therapy 3 wks, education "
     "2 wks. Course 2 (6 wks) exercise. 16 wks in all.",
     {"pt_exercise_weeks": "11 weeks", "pt_manual_weeks": "3 weeks",
      "pt_education_weeks": "2 weeks"}),
])
def test_parts_between_numbered_courses(text: str, parts: dict[str, str]) -> None:
    got = read(text, "64493")
    assert {k: str(got.get(k)) for k in parts} == parts


def test_parts_of_a_read_total_hold_beside_a_later_course() -> None:
    text = ("Therapy so far: PT at Lakeview 03/02-06/26/26 = 17 weeks total: 9 wk exercise, "
            "4 wk manual therapy with TENS, 4 wk back school. Second PT course (pool) "
            "08/03-10/30/26. Neither helped.")
    got = read(text, "64493")
    assert str(got.get("pt_manual_weeks")) == "4 weeks"
    assert str(got.get("pt_education_weeks")) == "4 weeks"


def test_a_part_named_a_sentence_before_a_course_is_not_that_course() -> None:
    text = ("PT course 1 (8 wks): exercise 4 wks, manual therapy 2 wks, pain education 2 "
            "wks. Course 2 (5 wks): exercise. 13 wks in all, no relief.")
    got = read(text, "64493")
    assert str(got.get("pt_education_weeks")) in ("2 weeks", "None")
    assert str(got.get("pt_exercise_weeks")) in ("9 weeks", "None")


@pytest.mark.parametrize("text", [
    "PT: course 1 (10 wks) and course 2 (6 wks), neither helped. Manual therapy the first "
    "3 wks and pain education the last 2 wks of course 1.",
    "Physio - two blocks: block 1 8 wks, block 2 5 wks, no relief from either. Heat/manual "
    "in the first 2 wks of block 1 only.",
])
def test_a_part_within_a_course_is_no_further_course(text: str) -> None:
    assert str(read(text, "64493").get("pt_weeks")) in ("16 weeks", "13 weeks")


@pytest.mark.parametrize(("text", "weeks"), [
    ("Physio: two rounds (spring 6 wks; autumn 8 wks), no better either time.", "14 weeks"),
    ("PT x 2 blocks - block 1 7 wks, block 2 6 wks; no lasting relief.", "13 weeks"),
    ("Therapy hx: round 1 (5 wks) at Coastal PT, round 2 (9 wks) at Summit PT, neither "
     "helped.", "14 weeks"),
])
def test_blocks_and_rounds_add_up_like_courses(text: str, weeks: str) -> None:
    assert str(read(text, "64493").get("pt_weeks")) == weeks


# Pulmonary rehab is the chest CT policy's physical therapy: how it went, its attendance
# sheet, its chest wall work; bronchodilators by their brands and "not making a difference".
@pytest.mark.parametrize("text", [
    "She finished 10 weeks of pulmonary rehab at St Luke's, 3 sessions a week, and honestly "
    "she's no better.",
    "Pulm rehab programme Jan-Mar: completed, no improvement in exercise tolerance.",
    "Chest physio 2x weekly for 8 weeks - no better.",
])
def test_pulmonary_rehab_that_failed_is_failed_conservative_care(text: str) -> None:
    assert read(text, "71250").get("failed_conservative") is True


@pytest.mark.parametrize("text", [
    "Rehab attendance sheet attached (24 sessions).",
    "The physio's attendance records are enclosed.",
])
def test_an_attendance_sheet_is_a_treatment_log(text: str) -> None:
    assert read(text, "71250").get("treatment_logs_documented") is True


@pytest.mark.parametrize("text", [
    "On Trimbow twice daily since August, not making a blind bit of difference to her breathing.",
    "Seretide and Ventolin - not making any difference, she says.",
    "Relvar added in October; it didn't make any difference.",
])
def test_bronchodilators_not_making_a_difference_failed(text: str) -> None:
    assert read(text, "71250").get("bronchodilator_failed") is True


@pytest.mark.parametrize("text", [
    'Tiotropium continued (she said "no difference" on it, per pulm); Symbicort "a bit better".',
    "Chest wall stretches planned at rehab next month.",
])
def test_hearsay_and_plans_are_not_read(text: str) -> None:
    got = read(text, "71250")
    assert got.get("bronchodilator_failed") is not True
    assert got.get("pt_chest_exercises") is not True


def test_a_failed_treatments_label_says_the_care_failed() -> None:
    text = "Failed treatments: naproxen 500 mg x 6 wks - no relief; home exercises x 8 wks."
    assert read(text, "97110").get("failed_conservative") is True


@pytest.mark.parametrize(("text", "weeks"), [
    ("PT course 1 (10 wks): 5 wk exercise, 3 wk manual, 2 wk education. Course 2 (6 wk): "
     "pool exercise.\nTotal 16 wks PT; exercise 11 wk, manual 3 wk, education 2 wk.", "11 weeks"),
    ("Block A: 4 wks exercise + 2 wks manual therapy. Block B: 7 wks exercise.\n"
     "Totals: PT 13 wks; exercise 11 wks; manual therapy 2 wks.", "11 weeks"),
])
def test_a_totals_line_gives_the_parts_totals(text: str, weeks: str) -> None:
    assert str(read(text, "64493").get("pt_exercise_weeks")) == weeks


@pytest.mark.parametrize("text", [
    "He has had 2 rounds of physio since the spring, no better either time.",
    "Physio courses x2 (Jan, Jun) - no better after either.",
    "She's been through 2 blocks of physiotherapy and is no better after both.",
])
def test_physio_courses_by_other_names_are_counted(text: str) -> None:
    assert str(read(text, "64493").get("pt_courses_failed")) == "2"
