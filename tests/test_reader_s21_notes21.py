"""Complete notes that still ask (session 21, notes21): a total written with its parts, a
count of failed courses said outright, a list of failures whose verdict heads the next
item. Wordings are this file's own, in several voices."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

from agent.reading import understand

read = reader_at(date(2026, 12, 5))


def _asked(text: str, cpt: str) -> list[str]:
    """The reasons the reader gives for what it asks about."""
    got = understand(text, cpt=cpt, pending=[], as_of=date(2026, 12, 5))
    return [u.why for u in got.unread]


# --- a whole written before its thing, then "=" or ":" and its parts ----------------------

@pytest.mark.parametrize(("text", "whole", "first"), [
    # a terse log line
    ("10 wks physio = 6 wks supervised exercise, 2 wks manual tx, 2 wks education.",
     "10 weeks", "6 weeks"),
    # a summary heading the breakdown with a colon
    ("PT summary: 14 weeks physical therapy = 8 weeks supervised therapeutic exercise and "
     "stretching, 3 weeks manual therapy, 3 weeks pain education.", "14 weeks", "8 weeks"),
    # a supervisor's line with the course's dates between the whole and its parts
    ("Therapist: 12 wks PT 09/01-11/24/26 = 6 wks supervised ther-ex/stretching, 3 wks manual "
     "tx + moist heat/IFC, 3 wks pain ed/self-mgmt.", "12 weeks", "6 weeks"),
    # plus signs between the parts
    ("Completed 12 wk PT = 6 wk supervised exercise + 3 wk manual + 3 wk education; no "
     "lasting relief.", "12 weeks", "6 weeks"),
])
def test_the_first_part_after_a_whole_is_the_parts_not_the_whole(text: str, whole: str,
                                                                 first: str) -> None:
    got = read(text, "64493")
    assert str(got.get("pt_weeks")) == whole
    assert str(got.get("pt_exercise_weeks")) == first


def test_a_whole_with_its_parts_is_not_asked_as_several_lengths() -> None:
    text = ("Completed 12 wk PT = 6 wk gym-based exercise + 3 wk manual + 3 wk education; no "
            "lasting relief.")
    assert str(read(text, "64493").get("pt_weeks")) == "12 weeks"
    assert not any(why.startswith("several lengths") for why in _asked(text, "64493"))


@pytest.mark.parametrize(("text", "whole"), [
    # a case manager's log: the course's total with its parts, an earlier course named
    ("PT supervisor: 12 wks PT 09/01-11/24/26 = 6 wks ther-ex/stretching, 3 wks manual tx, "
     "3 wks pain ed. Prior PT 2025 (6 wks) also failed - 2 failed PT courses.", "12 weeks"),
    # a letter, the whole's months in brackets before "="
    ("Physio 13 weeks (Jun-Sep 2026) = 7 weeks supervised exercise, 3 weeks manual therapy, 3 "
     "weeks education. An earlier physio course in 2024 (8 weeks) did not help either.",
     "13 weeks"),
    # a chat reply, the earlier course after a semicolon
    ("Per PT: 14 wk PT = 8 wk supervised ex + 3 wk manual + 3 wk ed; she had a prior PT "
     "course (2025, 6 wk) that also failed.", "14 weeks"),
])
def test_a_whole_its_parts_add_up_to_holds_beside_an_earlier_course(text: str,
                                                                    whole: str) -> None:
    # as "13 weeks total" does beside "Earlier PT course 2024 (8 wks)" (fresh24 pain clinic)
    assert str(read(text, "64493").get("pt_weeks")) == whole


@pytest.mark.parametrize("text", [
    # parts that do not add up to the figure before them are no breakdown of it
    "PT 12 wks = 6 wks ex, 3 wks manual. Earlier PT course 2025 (6 wks).",
    # a figure with nothing split after it
    "PT 09/01-11/24/26, 12 wks. Prior PT course 2025 (6 wks), no relief.",
])
def test_a_length_with_no_parts_that_add_up_beside_another_course_is_not_the_whole(
        text: str) -> None:
    assert str(read(text, "64493").get("pt_weeks")) != "12 weeks"


# --- a count of failed courses said outright ----------------------------------------------

@pytest.mark.parametrize("text", [
    "2 failed courses of PT.",
    "PT: 2 failed courses.",
    "Prior PT course 2025 (6 wks) also failed - PT documents 2 failed courses.",
    "The PT records show 2 failed courses, the last ending 10/30/2026.",
])
def test_a_count_of_failed_courses_named_with_the_therapy_is_read(text: str) -> None:
    # ("failed courses" is also another policy's count of conservative courses: those
    # words here are this policy's own count of physical therapy)
    assert str(read(text, "64493").get("pt_courses_failed")) == "2"


def test_another_policys_count_still_reads_its_own_words() -> None:
    # the count of conservative care is 62311's own fact there
    got = read("Two failed courses of conservative care (PT + meds, 8 wks each).", "62311")
    assert str(got.get("conservative_courses_failed")) == "2"


# --- a failure list's heading is the next item's, not the item before ---------------------

@pytest.mark.parametrize(("text", "count"), [
    ("Med list w/ doses (PCP): cyclobenzaprine 10 mg qHS, acetaminophen 1 g TID. Failed: "
     "ibuprofen 800 TID x 6 wk - failed.", "1"),
    ("Current: gabapentin 300 mg TID, tramadol 50 mg PRN. Tried and failed: naproxen 500 BID x "
     "8 wks; meloxicam 15 mg x 6 wks.", "2"),
    ("Meds today - duloxetine 30 mg daily. Ineffective: celecoxib 200 mg x 6 weeks.", "1"),
])
def test_a_verdict_heading_the_next_sentence_is_not_the_item_befores(text: str,
                                                                     count: str) -> None:
    assert str(read(text, "64493").get("medication_courses_failed")) == count


def test_also_failed_carries_the_verdict_back_to_the_item_before() -> None:
    # "she also failed X" says the one before failed too: how many is still asked
    text = "meds: gabapentin 300 TID. she also failed celecoxib 200 mg x 6 wk."
    assert read(text, "64493").get("medication_courses_failed") is None


# --- another thing named after "before" says when, not whose figure -----------------------

@pytest.mark.parametrize(("text", "cpt", "weeks"), [
    # a PT plan of care's history line
    ("Conservative care before PT: 18 weeks (naproxen, then meloxicam; brace). No relief.",
     "97110", "18 weeks"),
    # a terse referral
    ("Cons tx ahead of PT: 16 weeks, no relief.", "97110", "16 weeks"),
    # a form's row, the referral after the therapy's name
    ("Conservative treatment before physio referral: 12 wks (NSAIDs, home exercise), failed.",
     "97110", "12 weeks"),
    # the same line under the epidural's policy
    ("Conservative care before PT: 18 weeks (naproxen, then meloxicam; brace). No relief.",
     "62311", "18 weeks"),
])
def test_a_thing_named_after_before_does_not_take_the_cares_length(text: str, cpt: str,
                                                                   weeks: str) -> None:
    got = read(text, cpt, as_of=date(2026, 12, 30))
    assert str(got.get("conservative_weeks")) == weeks


def test_the_therapy_named_with_its_own_length_still_keeps_it() -> None:
    # "PT 8 wks" after the care's name is the therapy's own figure, not the care's whole
    got = read("Conservative care: PT 8 wks, then naproxen 6 wks, no relief.", "97110",
               as_of=date(2026, 12, 30))
    assert str(got.get("conservative_weeks")) != "8 weeks"


# --- a section's label heading the line is not the kind of the courses counted -----------

@pytest.mark.parametrize("text", [
    # a booking packet's line under the care's label
    "Conservative care: PT 12 wks total over 2 courses (6 wk + 6 wk), both ended w/o "
    "adequate relief",
    # a terse referral
    "Conservative tx: PT x2 courses, both failed.",
    # a summary's heading, dashes between
    "Conservative management: PT - 2 courses - neither helped.",
    # physio, plain, "w/o relief"
    "Physio: 2 courses (8 wk, 6 wk), both w/o relief.",
])
def test_courses_of_the_therapy_under_the_cares_label_are_counted(text: str) -> None:
    assert str(read(text, "64493").get("pt_courses_failed")) == "2"


@pytest.mark.parametrize("text", [
    # the courses are of the whole care, PT one kind of it
    "Two courses of conservative care; PT failed.",
    "Conservative: 2 courses (PT + meds), failed.",
])
def test_courses_of_the_whole_care_are_no_count_of_the_therapys(text: str) -> None:
    assert "pt_courses_failed" not in read(text, "64493")


# --- courses numbered 1 to N, each said to fail -------------------------------------------

@pytest.mark.parametrize("text", [
    # a records summary, each course's verdict before its label in brackets
    "Physio 2025: 8 wks - no relief (course 1)\nPhysio 2026: 10 wks - no relief (course 2)",
    # a dated chronology, each course's own lines
    "03/02/2026  PT course 1 starts.\n05/25/2026  PT course 1 ends, 12 wks - goals not met, "
    "no improvement.\n07/06/2026  PT course 2 starts.\n09/14/2026  PT course 2 ends, 10 wks - "
    "no improvement.",
    # one verdict said of both after the last
    "PT: course #1 Jan-Mar (10 wk), course #2 May-Aug (14 wk). No relief from either.",
    # a terse line, "neither" after the last
    "PT: course 1 Jan-Mar, course 2 May-Aug; neither helped.",
])
def test_numbered_courses_of_the_therapy_each_failed_are_counted(text: str) -> None:
    assert str(read(text, "64493").get("pt_courses_failed")) == "2"


@pytest.mark.parametrize("text", [
    # the second course helped
    "PT course 1 (8 wks) - no improvement. PT course 2 (6 wks) - much better, pain 2/10.",
    # the second course has not happened
    "PT course 1 (8 wks) - no improvement. PT course 2 starts next month.",
    # the courses are a drug's
    "Naproxen course 1 - failed. Naproxen course 2 - failed. PT x 6 wks.",
    "PT course 1 - no help. Naproxen course 2 - failed.",
    # a number missing between
    "PT course 1 - no relief. PT course 3 - no relief.",
])
def test_numbered_courses_not_all_of_the_therapy_or_not_all_failed_are_not_counted(
        text: str) -> None:
    assert str(read(text, "64493").get("pt_courses_failed")) != "2"
