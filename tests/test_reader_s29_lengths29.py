"""How long and how many (session 29, lengths29). Wordings are this file's own, in several
voices (a phone message, a fax-back, a portal copy, a chat reply, a referral from abroad, a
form row)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a rule's figure is never the patient's ---------------------------------------------------
# (a payer's form asking "two courses", a policy's words pasted in, "the plan's rule is two
# failed courses": the figure is what the rule asks, and a nurse would never take it for
# what the patient did; phrase26a, phrase27a, phrase28a read it as the patient's)

@pytest.mark.parametrize("text, cpt, fact, value", [
    # a phone message about the payer's form
    ("Left msg w/ Aetna rep - the PA form asks for 2 failed PT courses minimum. Pt did one "
     "PT course (8 wks), no relief.", "64493", "pt_courses_failed", "1"),
    # a fax-back quoting the policy
    ("Their policy excerpt (faxed back to us): \"pulmonary rehab 3 sessions per week for at "
     "least 12 weeks\". Mrs. Okoro attends rehab once weekly, 9 weeks so far.", "71250",
     "pt_sessions_per_week", "1"),
    # criteria copied from a portal
    ("Criteria text, copied from the portal: 'PT at a minimum of 2 sessions per week'. Ours: "
     "pulmonary PT once a week.", "71250", "pt_sessions_per_week", "1"),
    # a chat reply about the plan's rule
    ("the plan's rule is 2 failed courses of conservative care; she has failed one "
     "(naproxen x 8 wks, no relief)", "62311", "conservative_courses_failed", None),
])
def test_a_rules_figure_is_not_the_patients(text: str, cpt: str, fact: str,
                                            value: str | None) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize("text, cpt, fact, value", [
    # guards: a rule said to be met, and a form of the patient's, still give their figures
    ("Rule met: PT 14 wks, no relief.", "64493", "pt_weeks", "14 weeks"),
    ("Intake form shows PT 12 weeks, failed.", "64493", "pt_weeks", "12 weeks"),
    ("Threshold is met - PT 3 sessions per week for 13 weeks.", "71250",
     "pt_sessions_per_week", "3"),
    ("The requirement was met: pulmonary rehab 2 sessions per week x 24 weeks.", "71250",
     "pt_weeks", "24 weeks"),
])
def test_a_rule_said_met_keeps_the_patients_figure(text: str, cpt: str, fact: str,
                                                   value: str) -> None:
    assert read(text, cpt).get(fact) == value


# --- a count of therapy courses by any name, in any language ---------------------------------
# ("two rounds of physio", "3 Serien Krankengymnastik", "fisioterapi 3 siklus", "PT ×2
# rounds", each with how it went in the writer's words: a nurse counts the courses that
# failed; phrase28a/b read none of them)

@pytest.mark.parametrize("text, count", [
    # a chat reply
    ("yes two rounds of physio, no relief either time", "2"),
    # a Romanian letter
    ("A efectuat 2 serii de fizioterapie, fără ameliorare.", "2"),
    # a German referral's line
    ("Krankengymnastik: 3 Serien, jeweils ohne Besserung.", "3"),
    # an Indonesian phone note
    ("Pasien sudah fisioterapi 3 siklus, tidak membaik.", "3"),
    # a scribbled margin with a multiplication sign
    ("PT ×2 rounds — failed", "2"),
])
def test_a_count_of_therapy_courses_by_any_name(text: str, count: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") == count


@pytest.mark.parametrize("text", [
    # guards: another care's rounds, a course still going, courses that helped, a rate, and
    # a study's series stay unread
    "Had 3 rounds of antibiotics for a UTI. PT failed.",
    "2 rounds of PT, the second still going, too early to say.",
    "Physiotherapie 2 Serien, deutlich besser.",
    "PT ×2/wk for 8 wks, no relief.",
    "XR L-spine 2 series, PT failed.",
])
def test_no_count_of_failed_courses_where_none_is_said(text: str) -> None:
    assert read(text, "64493").get("pt_courses_failed") is None


# --- a length's unit in Indonesian and Vietnamese ---------------------------------------------

def test_months_in_indonesian() -> None:
    # a referral from Jakarta
    assert read("Rujukan: low back pain sejak 4 bulan, NRS 6/10.", "64493").get(
        "symptom_weeks") == "4 months"


def test_each_rounds_length_in_vietnamese_is_no_total() -> None:
    # a physio summary from Hanoi: "8 weeks each round" counts two failed rounds, and the
    # weeks of PT in all are asked, never one round's 8
    got = read('Physio summary from Hanoi: two rounds, "8 tuần mỗi đợt", không đỡ.', "64493")
    assert got.get("pt_courses_failed") == "2"
    assert got.get("pt_weeks") is None


# --- courses numbered by other names add up; a total of one course is not all ----------------
# ("period 1: 6 weeks, period 2: 7 weeks" is 13 weeks of PT, not the first period's 6; a
# total with its parts, then a second course named, is the first course's)

@pytest.mark.parametrize("text, weeks", [
    # a French referral
    ("Kinésithérapie période 1 : 5 semaines, période 2 : 6 semaines, sans amélioration.",
     "11 weeks"),
    # a Spanish one
    ("Fisioterapia periodo 1: 4 semanas; periodo 2: 8 semanas, sin mejoría.", "12 weeks"),
    # a case manager's shorthand
    ("Rehab stint 1: 6 wks, stint 2: 6 wks, still sore.", "12 weeks"),
])
def test_numbered_periods_of_therapy_add_up(text: str, weeks: str) -> None:
    assert read(text, "64493").get("pt_weeks") == weeks


@pytest.mark.parametrize("text", [
    # a UR note, a letter, a fax line: one course's total with its parts, then another course
    "PT at Apex: 12 wks total (ther-ex 6 wks, manual 3 wks, education 3 wks), followed by a "
    "second course in the fall, no better.",
    "She completed 10 weeks of physiotherapy in all (exercise 6 weeks, manual therapy 2 "
    "weeks, education 2 weeks) and then a 2nd course at another clinic, without relief.",
    "PT 9 wks total (exercise 5 wks, manual 2 wks, education 2 wks) - then course 2 at "
    "Northside 10/2026-12/2026, no relief.",
])
def test_one_courses_total_before_a_later_course_is_asked(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") is None


@pytest.mark.parametrize("text", [
    # guards: a later course only planned, and a total over numbered courses, stay the total
    "PT 12 wks total (ther-ex 6 wks, manual 3 wks, education 3 wks); a second course is "
    "planned.",
    "PT 12 weeks in total: course 1 6 weeks, course 2 6 weeks, no relief.",
    "PT 12 wks total (ther-ex 6 wks, manual 3 wks, education 3 wks), no relief.",
])
def test_a_total_with_no_later_course_done_stays(text: str) -> None:
    assert read(text, "64493").get("pt_weeks") == "12 weeks"


# --- a figure taken back or denied is no figure -----------------------------------------------
# ("'failed 4 courses' should read 3", "not '8 weeks'", "PT was not 14 weeks, just 10": the
# figure the writer says is wrong; phrase28a read it)

@pytest.mark.parametrize("text, cpt, fact, value", [
    # an office's amendment quoting the wrong figure
    ('Per the PT office: "failed 4 courses" should read 3.', "64493", "pt_courses_failed",
     "3"),
    # a phone note's denial
    ("PT was not 14 weeks, just 10, per Apex.", "64493", "pt_weeks", None),
    # a coder's fix
    ("Symptom duration is not 6 weeks but 5 months.", "62311", "symptom_weeks", None),
])
def test_a_figure_taken_back_is_not_read(text: str, cpt: str, fact: str,
                                         value: str | None) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize("text, fact, value", [
    # guards: a denial of something else, and a quoted record's figure, still read
    ("PT 12 weeks - it was not helpful.", "pt_weeks", "12 weeks"),
    ("Pain is not better after PT x 12 weeks.", "pt_weeks", "12 weeks"),
    ('Low back pain for 5 months; "PT 12 weeks" per the discharge summary, no relief.',
     "pt_weeks", "12 weeks"),
])
def test_a_denial_of_another_thing_keeps_the_figure(text: str, fact: str, value: str) -> None:
    assert read(text, "64493").get(fact) == value
