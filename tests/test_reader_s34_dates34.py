"""Dates (session 34, dates34): a report's final or preliminary reading given its own day
(outside tester 33 F2's U06), a day word in the possessive with the day written beside it
(tester 33 F8), and films of the right and of the left limb listed as one study (tester 31
F11). Wordings are this file's own, in several voices (a coordinator's line, a faxed
summary, a chat reply, a physio's intake), plus the testers' exact inputs."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# --- a report's final or preliminary reading has its own day: not the study's -------------
# (U06: "CT L-spine 07/01/2026, final report 11/22/2026." read 11/22, a five-month-old CT
# passed as within 62311's 60 days)

@pytest.mark.parametrize(("text", "day"), [
    # the tester's exact input
    ("CT L-spine 07/01/2026, final report 11/22/2026.", "2026-07-01"),
    # a coordinator's line, the final read after the study's day
    ("Lumbar MRI done 08/03/2026 (final read 11/28/2026 by outside radiology).", "2026-08-03"),
    # a faxed summary: a preliminary and a final reading, each dated
    ("MRI L-spine 07/15/2026; prelim read 07/15/2026, final reading 11/30/2026.",
     "2026-07-15"),
    # a report verified later
    ("CT lumbar spine obtained 06/20/2026 - report verified 11/25/2026.", "2026-06-20"),
])
def test_a_reports_final_reading_day_is_not_the_studys(text: str, day: str) -> None:
    assert read(text, "62311").get("ct_mri_date") == day


def test_a_final_reports_day_alone_is_no_studys_day() -> None:
    assert "ct_mri_date" not in read("CT L-spine: final report 11/22/2026.", "62311")


@pytest.mark.parametrize(("text", "day"), [
    # near misses that stay as they were: the study's own day, a report named with no day
    ("CT L-spine 11/22/2026, final report attached.", "2026-11-22"),
    ("MRI lumbar spine 11/20/2026; report on file.", "2026-11-20"),
])
def test_a_studys_own_day_beside_its_report_is_still_read(text: str, day: str) -> None:
    assert read(text, "62311").get("ct_mri_date") == day


# --- a day word in the possessive with the day written beside it: that day --------------
# (F8: "the MRI was 11/12/2026 and the H&P is today's, 11/30/2026" stored the H&P as the
# day of the check, 12/06)

@pytest.mark.parametrize(("text", "day"), [
    # the tester's exact input
    ("the MRI was 11/12/2026 and the H&P is today's, 11/30/2026", "2026-11-30"),
    # a chat reply with the day in brackets, no year
    ("yes the history and physical is today's (11/27)", "2026-11-27"),
    # a dictated line with a colon
    ("H&P: today's: 11/25/2026.", "2026-11-25"),
])
def test_todays_with_a_day_written_beside_it_is_that_day(text: str, day: str) -> None:
    assert read(text, "62311").get("hp_date") == day


def test_todays_alone_is_still_today() -> None:
    # near miss: no day written beside it
    assert read("The H&P is today's.", "62311").get("hp_date") == "2026-12-06"


# --- films of the right and of the left limb listed as one study: asked -------------------
# (tester 31 F11: "Two sets of X-rays: 06/10/2026 (R knee) and 11/15/2026 (L knee)." read 2
# sets and the left knee's day: 97110's two sets met on one film of each knee)

@pytest.mark.parametrize("text", [
    # the tester's exact input
    "Two sets of X-rays: 06/10/2026 (R knee) and 11/15/2026 (L knee).",
    # a physio's intake, the sides spelled out
    "Radiographs 05/02/2026 (left shoulder) and 10/30/2026 (right shoulder), both mild OA.",
    # a coordinator's line, each film with its side before it
    "Films: right ankle 07/01/2026, left ankle 11/20/2026.",
])
def test_films_of_each_side_are_no_sets_of_one(text: str) -> None:
    got = read(text, "97110")
    assert "xray_sets" not in got
    assert "xray_date" not in got


@pytest.mark.parametrize(("text", "sets", "day"), [
    # near misses that stay as they were: one side named, or none
    ("Two sets of X-rays of the R knee: 06/10/2026 and 11/15/2026.", "2", None),
    ("X-rays R knee 06/10/2026 and 11/15/2026.", 2, "2026-11-15"),
    ("Knee X-rays 06/10/2026 and 11/15/2026.", 2, "2026-11-15"),
])
def test_films_of_one_side_still_count(text: str, sets: object, day: str | None) -> None:
    got = read(text, "97110")
    assert got.get("xray_sets") == sets
    if day is not None:
        assert got.get("xray_date") == day


# --- a study's request or booking day in another language: no study's day ---------------
# (phrase33a: "RMN lumbar solicitada o 02/05/2028, pendente de cita" read as the MRI's day)

@pytest.mark.parametrize("text", [
    # a Spanish referral: the MRI asked for, its appointment still pending
    "Resonancia lumbar solicitada el 03/11/2026, pendiente de cita.",
    # a Portuguese clinic's line: the MRI booked for a day
    "RMN lombar agendada para o 12/11/2026.",
    # a French letter: the MRI planned for a day
    "IRM lombaire prévue le 20/11/2026.",
])
def test_a_study_requested_or_booked_in_another_language_has_no_day(text: str) -> None:
    assert "ct_mri_date" not in read(text, "64493")


def test_a_study_done_in_another_language_keeps_its_day() -> None:
    # near miss: the English status word for done, and no status word at all
    assert read("RMN lumbar 03/11/2026.", "64493").get("ct_mri_date") == "2026-11-03"
    assert read("Lumbar MRI completed on 11/03/2026.", "64493").get("ct_mri_date") == \
        "2026-11-03"


# --- the last visit of a series of visits, each with its figure: no H&P's day -----------
# (phrase33a: "first visit 8, last visit (05/30/2028) 5" read as the H&P's day)

@pytest.mark.parametrize("text", [
    "Pain diary by visit: initial visit 7/10, last visit 11/20/2026 4/10.",
    "NRS at each visit, the last visit (11/28/2026) being a 5.",
])
def test_the_last_visit_of_a_series_is_no_history_and_physical(text: str) -> None:
    assert "hp_date" not in read(text, "64493")


@pytest.mark.parametrize(("text", "day"), [
    # near misses that stay as they were: the last visit alone, and an exam named with it
    ("Last visit 11/20/2026.", "2026-11-20"),
    ("Pain 7/10 at the first visit; last visit 11/20/2026: full history and physical exam.",
     "2026-11-20"),
])
def test_the_last_visit_alone_or_with_its_exam_is_still_read(text: str, day: str) -> None:
    assert read(text, "64493", ["hp_date"]).get("hp_date") == day


# --- claims rows pasted onto one line: each row keeps its own day -----------------------
# (phrase33a: "DOS 12/04/2027 | 73562 X-ray knee | Paid. DOS 05/15/2028 | 73562 X-ray ..."
# gave the second X-ray no day and read the first one's as the latest)

def test_each_claims_row_on_one_line_keeps_its_day() -> None:
    got = read("DOS 06/02/2026 | 73560 X-ray knee 2 views | Paid. DOS 11/10/2026 | 73560 "
               "X-ray knee 2 views | Paid. DOS 11/24/2026 | 73721 MRI knee | Denied.", "97110")
    assert got.get("xray_date") == "2026-11-10"
    assert got.get("xray_sets") == 2


def test_claims_rows_on_their_own_lines_are_read_as_before() -> None:
    # near miss: the same rows each on its line
    got = read("DOS 06/02/2026 | 73560 X-ray knee 2 views | Paid\n"
               "DOS 11/10/2026 | 73560 X-ray knee 2 views | Paid", "97110")
    assert got.get("xray_date") == "2026-11-10"


# --- a study read again, or shown to the patient, on a later day: not the study's day ----
# (outside tester 34 F2: "MRI L-spine 04/14/2026, reread by Dr. Mora 11/19/2026." and
# "(images reviewed with the patient 11/19/2026)" read 11/19, an eight-month-old MRI passed)

@pytest.mark.parametrize(("text", "day"), [
    # the tester's exact inputs
    ("MRI L-spine 04/14/2026, reread by Dr. Mora 11/19/2026.", "2026-04-14"),
    ("MRI L-spine 04/14/2026 (images reviewed with the patient 11/19/2026).", "2026-04-14"),
    # a spine fellow's line: the CT re-reviewed at a conference
    ("CT lumbar 03/02/2026 - re-reviewed at spine conference 11/20/2026.", "2026-03-02"),
])
def test_a_studys_later_reading_or_review_day_is_not_its_own(text: str, day: str) -> None:
    assert read(text, "64493").get("ct_mri_date") == day


def test_a_study_discussed_with_the_patient_later_has_no_day_of_that_talk() -> None:
    # a PT's note: the MRI talked over with her at a later visit
    assert read("Her lumbar MRI of 03/10/2026 was discussed with her on 11/30/2026.",
                "64493").get("ct_mri_date") != "2026-11-30"


def test_a_study_read_on_its_own_day_is_still_read() -> None:
    # near miss: the study's day alone, the reading said with no day of its own
    assert read("MRI L-spine 11/19/2026, reread by Dr. Mora: no change.", "64493").get(
        "ct_mri_date") == "2026-11-19"
