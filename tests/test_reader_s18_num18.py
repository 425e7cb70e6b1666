"""Numbers and durations (session 18, num18). Wordings are the fixer's own.

- A length said with a spoken hesitation, two neighbouring figures before one unit ("about
  four, five months", "2, 3 weeks"), is a range: asked, never the second figure alone
  (fresh21: an ambient scribe's "four, five months" read 5 months).
- "1st failed course" says which course, never a count of one (fresh21: a calendar
  export's "1st failed course" read one failed PT course where two are listed).
"""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 4))


@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Axial low back pain for about four, five months, worse standing.", "64493",
     "symptom_weeks"),
    ("Leg pain going on 2, 3 months per his wife's count.", "62311", "symptom_weeks"),
    ("She did physical therapy for six, seven weeks over the summer.", "64493", "pt_weeks"),
    ("R knee pain x 3, 4 months; no injury.", "97110", "symptom_weeks"),
])
def test_spoken_hesitation_is_a_range_and_asked(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


@pytest.mark.parametrize(("text", "cpt", "fact", "value"), [
    # not neighbours: two figures, the length is the second one's own
    ("Pain 7, 3 weeks of PT so far with no change.", "64493", "pt_weeks", "3 weeks"),
    # a single figure after a list comma stays read
    ("Axial low back pain, 5 months, worse standing.", "64493", "symptom_weeks", "5 months"),
])
def test_figures_that_are_no_hesitation_are_read(text: str, cpt: str, fact: str,
                                                 value: str) -> None:
    assert str(read(text, cpt).get(fact)) == value


@pytest.mark.parametrize("text", [
    "PT 8 wks at Bayside, no change - 1st failed course.",
    "Therapy block ended 09/12 without benefit (her 1st failed PT course); next block "
    "starts in January.",
    "1st failed course of physical therapy documented in the PT discharge summary.",
])
def test_first_failed_course_is_no_count(text: str) -> None:
    assert "pt_courses_failed" not in read(text, "64493")


def test_later_ordinal_still_counts() -> None:
    # the second failed course says two were had (the label of a corpus note says so too)
    got = read("Finished her 2nd PT course on 11/10 with no lasting benefit, same as the "
               "first one in the spring.", "64493")
    assert str(got.get("pt_courses_failed")) == "2"
