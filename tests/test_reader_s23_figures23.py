"""Session 23, figures23: which figure is the value now and what it measures. Every text
here is the fixer's own wording, in voices unlike the corpus items that failed (fresh26);
each asserts what a user would see."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 6))


# An item's number in a list written along a line says which item, not how much of
# anything: "(3) the pain clinic letter" is no pain score of 3, wherever the list opens.
@pytest.mark.parametrize(("text", "cpt"), [
    ("Please find attached: (1) the discharge summary, (2) imaging, and (3) the pain "
     "management letter.", "64493"),
    ("Docs: 1) PT notes 2) MRI 3) pain diary", "64493"),
    ("we're attaching 1) the referral 2) the ortho note 5) pain questionnaire", "97110"),
    ("To the panel: (1) the imaging CD, (2) his physio notes, (7) pain clinic letter",
     "64493"),
])
def test_a_list_items_number_is_no_score(text: str, cpt: str) -> None:
    assert "pain_nrs" not in read(text, cpt)


@pytest.mark.parametrize(("text", "cpt", "score"), [
    ("Pain (NRS 6) limits walking", "64493", "6"),
    ("1) pain 7/10 at rest 2) PT 8 wks", "64493", "7"),
    ("Problems: (1) lumbar pain 6 (2) HTN", "64493", "6"),
])
def test_a_score_beside_a_list_number_is_still_read(text: str, cpt: str, score: str) -> None:
    assert str(read(text, cpt).get("pain_nrs")) == score


# A score said to have gone up or down "to" a figure names where it got to, not by how
# much: the change is not that figure (asked), in a note or as a reply.
@pytest.mark.parametrize(("text", "pending"), [
    ("it went up to 8", ["pain_nrs_increase"]),
    ("up to 9", ["pain_nrs_increase"]),
    ("dropped to a 4 by the end", ["pain_nrs_increase"]),
])
def test_a_level_reached_is_no_change(text: str, pending: list[str]) -> None:
    assert "pain_nrs_increase" not in read(text, "62311", pending)


@pytest.mark.parametrize(("text", "pending", "change"), [
    ("went up by 2", [], "2"),
    ("went up 2 points", ["pain_nrs_increase"], "2"),
])
def test_a_change_by_a_figure_is_still_read(text: str, pending: list[str], change: str) -> None:
    assert str(read(text, "62311", pending).get("pain_nrs_increase")) == change


def test_a_numbered_reply_takes_no_figure_across_items() -> None:
    got = read("1) 5  2) went up  3) no", "62311",
               ["pain_nrs_baseline", "pain_nrs_increase", "functional_assessment_6_weeks"])
    assert str(got.get("pain_nrs_increase")) != "5"


# A number that says which criterion, item or question of a form it is ("Incl 5",
# "exclusion criterion 3", "item 7") numbers the form, not the patient's pain.
@pytest.mark.parametrize(("text", "cpt", "fact"), [
    ("Incl 7 leg pain NRS at screening: YES. Pain before PT 3/10.", "62311",
     "pain_nrs_increase"),
    ("Study entry item 6 pain rating met; baseline NRS 2", "62311", "pain_nrs_increase"),
    ("Re: question 8 on your pain form - see attached", "64493", "pain_nrs"),
    ("Section 9 pain assessment completed by the nurse", "97110", "pain_nrs"),
    ("Item 7 pain level: see diary", "64493", "pain_nrs"),
])
def test_a_forms_own_numbering_is_no_score(text: str, cpt: str, fact: str) -> None:
    assert fact not in read(text, cpt)


# A measure taken again is read again: the later reading is the one now; for a
# temperature asked as the highest recent reading, the highest of the two.
@pytest.mark.parametrize(("text", "fact", "value"), [
    ("T 37.9 oral, rechecked 38.6", "body_temperature", "38.6 C"),
    ("Temperature by the aide 99.0, I retook it rectally: 100.6 F", "body_temperature",
     "100.6 F"),
    ("ax temp 37.7 -> rectal 38.5 per charge nurse", "body_temperature", "38.5 C"),
    ("Temp 38.4 C at 0600, recheck 37.9 C at 0630 after fan", "body_temperature", "38.4 C"),
    ("WBC 14.2, repeat 11.9 (hemolyzed first)", "wbc_count", "11900"),
    ("sats 90 on RA, recheck 87", "spo2_room_air", "87"),
])
def test_a_measure_taken_again(text: str, fact: str, value: str) -> None:
    assert str(read(text, "71250").get(fact)) == value


# A study denied with one on its way (waiting list, booked, ordered) is not done yet:
# when it will be is asked, never "no study ever".
@pytest.mark.parametrize(("text", "cpt"), [
    ("MRI: not done (awaiting insurance)", "64493"),
    ("MRI lumbar not done, pt waitlisted", "64493"),
])
def test_a_study_not_done_but_booked_is_asked(text: str, cpt: str) -> None:
    assert str(read(text, cpt).get("ct_mri_date")) != "never"


def test_a_study_never_done_is_still_never() -> None:
    assert str(read("Has never had an MRI. PT scheduled next week.", "64493")
               .get("ct_mri_date")) == "never"


# A saturation said to be on room air, then oxygen started after an arrow or "then": the
# oxygen named after the change is the next state's; the room-air reading stands.
@pytest.mark.parametrize(("text", "value"), [
    ("SpO2 87% on room air -> now 4 L NC, FiO2 ~36% per RT.", "87"),
    ("ED triage: O2 sat 86% RA => 2L nasal cannula started", "86"),
    ("pulse ox on room air 85%, placed on 3 lpm by EMS", "85"),
])
def test_a_room_air_reading_before_oxygen_is_read(text: str, value: str) -> None:
    assert str(read(text, "71250").get("spo2_room_air")) == value


@pytest.mark.parametrize("text", [
    "SpO2 89% RA -> 94% on 2 L NC",
    "sats 86% on RA then placed on 3 L nc, 93%",
])
def test_the_saturation_on_oxygen_is_not_the_room_airs(text: str) -> None:
    assert str(read(text, "71250").get("spo2_room_air")) not in ("94", "93")


# A length in a sentence about each course is one course's, never the whole of that care.
@pytest.mark.parametrize(("text", "fact", "whole"), [
    ("Physio x2 courses. Each course: supervised exercise all 6 wks.", "pt_exercise_weeks",
     "6 weeks"),
    ("Two rehab blocks; in every block he did therapeutic exercise for 5 weeks.",
     "pt_exercise_weeks", "5 weeks"),
    ("She went through PT twice, per course about 7 weeks of manual therapy.",
     "pt_manual_weeks", "7 weeks"),
])
def test_a_length_of_each_course_is_not_the_whole(text: str, fact: str, whole: str) -> None:
    assert str(read(text, "64493").get(fact)) != whole


# A score tied to one activity beside a plain score is no rival of it: the plain one is
# the patient's pain score.
@pytest.mark.parametrize(("text", "score"), [
    ("He scores the pain 5/10 at rest, 8 with overhead reach.", "5"),
    ("NRS 3 at rest and 7 with walking", "3"),
    ("Her pain sits at 4/10 sitting down, up to 9 when lifting the baby.", "4"),
])
def test_an_activitys_score_is_no_rival(text: str, score: str) -> None:
    assert str(read(text, "97110").get("pain_nrs")) == score


# A practice named a "Medical Centre" or "Health Centre" writes the Commonwealth way: its
# numeric dates are day first (unless one of them can only be month first).
@pytest.mark.parametrize(("text", "as_of", "fact", "value"), [
    ("Blue Mountain Health Centre\nRe: Mr D. Brown. Low back pain since 02/09/2026.",
     date(2026, 12, 16), "symptom_weeks", "105 days"),
    ("From: Montego Bay Medical Centre. MRI lumbar spine done 04/11/2026, shows L5 "
     "stenosis.", date(2026, 12, 16), "ct_mri_date", "2026-11-04"),
    ("NURSING NOTE - St Ann's Bay Health Centre\nback pain since 05/10/2026, no relief",
     date(2026, 12, 16), "symptom_weeks", "72 days"),
])
def test_a_centres_dates_are_day_first(text: str, as_of: date, fact: str, value: str) -> None:
    assert str(read(text, "62311", as_of=as_of).get(fact)) == value


def test_a_centres_month_first_date_keeps_the_rest_month_first() -> None:
    got = read("Riverside Health Centre. Seen 11/28/2026; back pain since 03/10/2026.",
               "62311", as_of=date(2026, 12, 16))
    assert str(got.get("symptom_weeks")) == "281 days"


# A day a later line takes back by giving another in its place ("it was 11/14, not 11/04")
# is no study's day wherever it was written before, with its year or year first.
@pytest.mark.parametrize(("text", "fact", "day"), [
    ("Knee X-ray 11/04/2026 on file.\naddendum - x-ray was 11/14, not 11/04", "xray_date",
     "2026-11-04"),
    ("lumbar MRI 10/09/2026. Sorry, it was done 10/19 and not 10/09.", "mri_date",
     "2026-10-09"),
    ("Study\tDate\nMRI\t2026-11-02\n* fix: 11/12 not 11/02 per the radiology portal",
     "mri_date", "2026-11-02"),
])
def test_a_day_taken_back_later_is_no_studys(text: str, fact: str, day: str) -> None:
    assert str(read(text, "97110").get(fact)) != day
