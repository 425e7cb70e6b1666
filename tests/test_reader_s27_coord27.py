"""Session 27, coordinator: fresh30's denied "meets" note (a hospitalist's progress note)
read "course 1 ... and course 2 ..., neither helped" as one failed PT course, because
the "1" labelling the first course was read as a count and the list's last part ran on
into a sentence about medications. Wordings are this file's own (a UR nurse's summary, a
PT discharge line, a spine-clinic letter)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

read = reader_at(date(2027, 3, 3))


@pytest.mark.parametrize("text", [
    "Outpatient PT: course 1 3/2026-5/2026 and course 2 8/2026-10/2026, neither helped. "
    "Meds: naproxen x 3 mo - failed.",
    "Physio course 1 02/2026-04/2026 and course 2 07/2026-09/2026; neither helped. "
    "Meds list reviewed; ibuprofen failed.",
    "PT at Lakeside: course 1 Jan-Mar 2026 and course 2 May-Jul 2026, neither helped. "
    "Meds: ibuprofen 800 TID x 8 wk - failed; gabapentin - failed.",
])
def test_a_course_label_is_not_a_count(text: str) -> None:
    # The "1" of "course 1" names the first course; two numbered courses failed.
    assert read(text, "64493").get("pt_courses_failed") == "2"


@pytest.mark.parametrize("text", [
    "PT at Lakeside: course 1 Jan-Mar 2026 and course 2 May-Jul 2026, neither helped. "
    "Meds: ibuprofen 800 TID x 8 wk - failed; gabapentin - failed.",
    "PT course #1 6/2026-8/2026 and PT course #2 10/2026-12/2026, no improvement after either. "
    "Medications: naproxen x 3 mo - failed; Medrol dosepak - failed.",
])
def test_two_numbered_failed_courses_before_a_medication_sentence(text: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") == "2"


@pytest.mark.parametrize("text", [
    # only one course said to fail: the count is asked or one, never two
    "PT course 1 Jan-Mar 2026, no relief. Course 2 started 11/2026 and is helping.",
    # the second course is the medication's, not PT's
    "PT course 1 failed. Naproxen course 2 - failed.",
])
def test_guards(text: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") != "2"


# Outside tester 26 C1: a nurse's reply that speaks of the patient as "him" inside a
# denial ("the PT did not help him") set the stored "cannot be pregnant" aside and asked
# about a pregnancy of a man. A pronoun is never denied by the clause it stands in.

@pytest.mark.parametrize("text", [
    "the PT did not help him",
    "none of the injections gave him lasting relief",
    "no, the meds never worked for him",
    "it is not his back, it is his neck",
])
def test_a_man_in_a_denied_clause_is_still_a_man(text: str) -> None:
    got = understand(text, cpt="64493", pending=["pt_weeks"], as_of=date(2027, 3, 3),
                     known={"pregnancy": "not_applicable"})
    assert "pregnancy" not in got.asked_back
    assert {r.fact: r.value for r in got.facts}.get("pregnancy") in (None, "not_applicable")


@pytest.mark.parametrize("text", [
    "She is not pregnant; her husband did the PT with her.",
    "Not pregnant. Her son drives her to PT.",
])
def test_guards_a_woman_denied_pregnant(text: str) -> None:
    assert read(text, "64493").get("pregnancy") == "not_pregnant"


# The same note: "course 1 6/2026-8/2026 and course 2 10/2026-12/2026, 14 wk in all" asked
# how long in all, though the total follows the two courses it holds on their line.

@pytest.mark.parametrize(("text", "weeks"), [
    ("PT: course 1 6/2026-8/2026 and course 2 10/2026-12/2026, 14 wk in all, neither helped.",
     "14 weeks"),
    ("Physio - course 1 (Jan-Mar 2026) and course 2 (May-Jul 2026): 16 weeks altogether, "
     "no relief.", "16 weeks"),
    ("Outpatient PT course #1 02/2026-04/2026 and course #2 07/2026-09/2026, 18 weeks total; "
     "both failed.", "18 weeks"),
])
def test_a_total_after_its_numbered_courses(text: str, weeks: str) -> None:
    assert read(text, "64493").get("pt_weeks") == weeks


def test_guard_a_total_on_the_second_course_line_alone() -> None:
    # "12 wks total" on course 2's own line is that course's: the two add up to 18.
    text = "VA PT 2025: 6 wks (course 1)\nVA PT 2026: 12 wks total -- no relief (course 2)"
    assert read(text, "64493").get("pt_weeks") in ("18 weeks", None)
