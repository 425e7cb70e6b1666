"""Treatment courses and their totals (session 19, courses19). Wordings are the fixer's own.

- The length of one course is never the whole: where another course of the same therapy
  is given its own length elsewhere in the message (an earlier one "in 2025" counts all
  the same: the policy's weeks are cumulative), the courses add up when the message
  counts them and the count is the number of lengths found; otherwise how long in all is
  asked (fresh22: four notes read 12 weeks where 18 were done).
- A course's own "total" ("12 wks total -- exercise 6, manual 3, education 3 (course 2)")
  is that course's, not the therapy's.
- A course said to be the second or a later one ("this was her 2nd PT course") is not the
  whole where the earlier ones' lengths are not given: asked (fresh15 read 12 weeks).
- A failed medication named by its brand or a shortening ("Celebrex", "methylpred dose
  pack", "pred taper") counts like the drug (fresh21: a list of two read one).
- The parts of one course listed after its length ("12 weeks (exercise 6 weeks, manual 3
  weeks, education 3 weeks)") are no further courses of a count ("two courses: 6 weeks
  in 2025, and 12 weeks this year (...)").
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "weeks"), [
    # the earlier course told after the later one, by its place, and the courses counted
    ("Physio so far: he is on his second block now, 10 wks at Northside Rehab since August, "
     "no change. The first block was 5 wks in spring 2025 at a clinic near his old job, no "
     "help either. 2 failed PT courses.", "15 weeks"),
    # course lines numbered at their ends; the later course's own "total" and its parts
    ("Therapy history:\n"
     "  - Lakeside PT, spring 2025: 6 wks -- no gains (course 1)\n"
     "  - Lakeside PT, 08/2026-11/2026: 10 wks total -- exercise 6 wks, manual 2 wks, "
     "back school 2 wks -- no gains (course 2)", "16 weeks"),
    # a patient's form: the field counts the courses, each year's length follows
    ("Q7. Physical therapy? yes - twice. 2024: 8 weeks, did not help. 2026: 9 weeks at "
     "Summit PT, did not help.", "17 weeks"),
    # an export's rows, one per course, other rows between them
    ('"01/05/2026-02/09/2026","PT course 1","Ridge PT","5 wks ther-ex alone; 1st course, '
     'no change"\n"02/20/2026","XR L-SPINE","Imaging","done"\n'
     '"05/04/2026-07/27/2026","PT course 2 - 12 wks","Ridge PT","no change"', "17 weeks"),
])
def test_courses_listed_one_by_one_add_up(text: str, weeks: str) -> None:
    assert str(read(text, "64493").get("pt_weeks")) == weeks


@pytest.mark.parametrize("text", [
    # another course by its place, no count of the courses: how long in all is asked
    "PT: 10 wks this fall at Northside, no better. The first course, back in early 2025, "
    "was 4 wks at a different clinic.",
    # the count says three, two lengths are found
    "Three rounds of PT in all, none helped. Round 1 was 4 wks in 2024.\n"
    "Current PT (round 3): 8 wks, no change.",
])
def test_one_course_of_several_is_not_the_whole(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


def test_parts_of_one_course_are_no_further_courses() -> None:
    text = ("She has done two courses of physio, neither helped: 5 weeks in 2024, and 9 "
            "weeks this autumn at Bay Physio (exercise 5 weeks, manual therapy 2 weeks, "
            "education 2 weeks).")
    got = read(text, "64493")
    assert str(got.get("pt_weeks")) == "14 weeks"
    assert str(got.get("pt_exercise_weeks")) == "5 weeks"


@pytest.mark.parametrize("text", [
    "Re-check 11/30: she wrapped up 12 wks of PT at Lakeside in October, which was her 2nd "
    "PT course; the 1st was back in 2024 and she can't say how long.",
    "Did 10 weeks of physio this autumn, her second block of it; the first block, years ago, "
    "is not in our records.",
    "PT (course 2): 9 wks total, no change.",
])
def test_a_later_course_alone_is_not_the_whole(text: str) -> None:
    assert "pt_weeks" not in read(text, "64493")


@pytest.mark.parametrize(("text", "count"), [
    # brand names and the shortenings staff write count as the drugs they are
    ("Meds tried: Celebrex 200 daily x 6 wks - no relief; methylpred dose pack in June - no "
     "relief.", "2"),
    ("Meds: naproxen 500 bid x 4 wk -> no change -> pred taper 09/26 -> no change => failed "
     "cons tx", "2"),
])
def test_failed_medications_by_brand_or_shortening_are_counted(text: str, count: str) -> None:
    assert str(read(text, "64493").get("medication_courses_failed")) == count
