"""How long and how many (session 31, lengths31): a span of symptoms that ended before
today, a total a translator glossed in brackets, a length said after "each" of a count of
courses. Wordings are this file's own, in several voices (a phone message, a form row, a
letter from abroad, a dictation, a portal message, an appeal)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- a span of symptoms that ended weeks ago is how long they lasted then, not now ----------
# (a nurse asks how long the symptoms have lasted by now: "from 09/01 to 10/15" of a
# complaint that is gone or of an older record says nothing of today)

@pytest.mark.parametrize(("text", "cpt"), [
    # a phone message
    ("pt called: her low back pain went from 06/01/2026 to 11/15/2026, then settled after "
     "the brace", "64493"),
    # a form row from an old chart
    ("Cough | 08/01/2026 - 10/30/2026 per the old chart", "71250"),
    # a dictation
    ("Radicular leg pain lasted from 07/10/2026 until 12/01/2026 per the H&P.", "62311"),
    # a site's complaint for therapeutic exercise (session 30's site words)
    ("Knee pain from 09/01/2026 to 10/15/2026, gone since.", "97110"),
])
def test_a_span_of_symptoms_that_ended_weeks_ago_is_asked(text: str, cpt: str) -> None:
    assert "symptom_weeks" not in read(text, cpt)


@pytest.mark.parametrize(("text", "value"), [
    # a span that ends at the visit, within days of today, is still the length now
    ("Knee pain from 11/01/2026 to 02/05/2027, still present at today's visit.", "96 days"),
    # an onset with no end is counted to today
    ("Her knee pain started on 11/01/2026.", "100 days"),
])
def test_a_span_to_this_visit_is_still_read(text: str, value: str) -> None:
    assert str(read(text, "97110").get("symptom_weeks")) == value


def test_a_finished_course_of_care_keeps_its_dated_length() -> None:
    # the guard is the symptoms' only: a course of care that ended is its own length
    got = read("Conservative care 08/01/2026 to 10/24/2026 (PT, naproxen), no improvement.",
               "62311")
    assert str(got.get("conservative_weeks")) == "12 weeks"


# --- a total glossed in brackets by a translator is a total ---------------------------------
# (fresh34's Finnish letter: "Yhteensä [altogether] 14 weeks" beside two 7-week courses read
# 7 weeks; a nurse reads the gloss as the word it translates)

@pytest.mark.parametrize(("text", "value"), [
    # an Estonian total in a referral glossed by a relative
    ("Conservative treatment: physio 8 weeks, then naproxen. Kokku [in total] 16 weeks, no "
     "improvement.", "16 weeks"),
    # a German letter with an English gloss, a Danish one with its own unit
    ("Konservative Behandlung: Krankengymnastik 6 Wochen, dann Ibuprofen; insgesamt "
     "[altogether] 13 weeks, ohne Besserung.", "13 weeks"),
    ("Konservativ behandling: fysioterapi 5 uger og NSAID, i alt [in total] 12 uger, uden "
     "effekt.", "12 weeks"),
    # a Polish total glossed in round brackets
    ("Leczenie zachowawcze: fizjoterapia 6 weeks, potem NLPZ; łącznie (in total) 15 weeks, "
     "bez poprawy.", "15 weeks"),
])
def test_a_glossed_total_is_the_total(text: str, value: str) -> None:
    assert str(read(text, "62311").get("conservative_weeks")) == value


@pytest.mark.parametrize("text", [
    # an English word glossed "total" keeps its meaning: no total of conservative care
    "Conservative care: 8 weeks of PT; PT sessions [total] 16.",
    # a figure before the bracket is the thing counted, not a foreign word
    "Conservative care: PT 6 weeks [total] then naproxen, ongoing.",
])
def test_a_bracketed_total_after_english_words_reads_nothing_new(text: str) -> None:
    assert str(read(text, "62311").get("conservative_weeks")) != "16 weeks"


# --- "each" before one length of a count of courses: one course's, asked --------------------
# ("two courses, each 7 weeks" read 7 weeks as the whole care: a nurse sees two courses)

@pytest.mark.parametrize("text", [
    # a portal message
    "Conservative care: two courses, each of 8 weeks, no benefit from either.",
    # an appeal
    "Conservative care comprised three courses - each lasting 6 weeks - without benefit.",
    # a form row
    "Conservative tx | 2 courses, each about 8 wks | failed",
    # a dictation with the courses named in brackets
    "Conservative tx: 3 rounds (PT, then NSAID, then gabapentin), each ~6 wks, all failed.",
])
def test_each_before_a_course_length_is_asked(text: str) -> None:
    got = read(text, "62311")
    assert str(got.get("conservative_weeks")) not in ("6 weeks", "7 weeks", "8 weeks")


@pytest.mark.parametrize(("text", "value"), [
    # a letter from abroad, its courses numbered under the line that opens them
    ("Konservative Behandlung: zwei Serien, jeweils 6 Wochen:\n1) Krankengymnastik + "
     "Ibuprofen; 2) Krankengymnastik, Pregabalin. Insgesamt 12 weeks, ohne Besserung.",
     "12 weeks"),
    # a referral form's free text with its items on their own lines
    ("Conservative care: 2 rounds, each 8 wks:\n- PT with naproxen\n- PT with gabapentin "
     "and weight loss\nTotal 16 weeks, no relief.", "16 weeks"),
    # a dictated summary, the total glossed by the typist
    ("Conservative treatment: three courses, each 5 weeks:\n1. physio; 2. meloxicam; 3. "
     "home exercise. Kokku [altogether] 15 weeks, all without benefit.", "15 weeks"),
])
def test_a_total_after_the_numbered_courses_a_line_opens_is_read(text: str,
                                                                 value: str) -> None:
    assert str(read(text, "62311").get("conservative_weeks")) == value


def test_a_stated_total_beside_each_courses_length_is_read() -> None:
    got = read("Conservative therapy: two courses, each 7 weeks (PT, then gabapentin); "
               "14 weeks altogether, no relief.", "62311")
    assert str(got.get("conservative_weeks")) == "14 weeks"


# --- a request denied, its reason in brackets: the record as it stood then -----------------
# (phrase30a: "Prior request 9/2027 denied (PT 8 wks documented). Resubmitted with PT logs:
# 22 wks" read 8 weeks; a nurse reads the bracket as why the old request failed)

@pytest.mark.parametrize(("text", "cpt", "fact", "old"), [
    # an authorization log
    ("Previous auth request denied 11/2026 (PT 6 wks documented). Resent 01/20/2027 with "
     "the full PT record.", "64493", "pt_weeks", "6 weeks"),
    # a coordinator's note
    ("Our first PA request was denied 10/2026 (conservative care 5 weeks at that point); "
     "re-filed this month.", "62311", "conservative_weeks", "5 weeks"),
    # a radiology scheduler's line
    ("Prior CT request 10/2026 denied (pulmonary rehab 4 wks only). Re-filed with the "
     "discharge summary.", "71250", "pt_weeks", "4 weeks"),
    # a request number, rejected
    ("ESI request #4410 rejected 12/2026 (conservative tx 5 wks documented); new request "
     "attached.", "62311", "conservative_weeks", "5 weeks"),
])
def test_a_denied_requests_bracketed_reason_is_not_now(text: str, cpt: str, fact: str,
                                                      old: str) -> None:
    assert str(read(text, cpt).get(fact)) != old


def test_after_a_denied_request_the_new_figure_is_read() -> None:
    got = read("PT request denied 9/2026 (4 wks documented). Resubmitted with PT logs: 14 wks "
               "of PT, no better.", "64493")
    assert str(got.get("pt_weeks")) == "14 weeks"


def test_a_symptom_denied_keeps_its_bracketed_figure() -> None:
    # no request is denied: the bracket is the finding's own
    assert str(read("Fever denied (T 37.9 C at triage).", "71250").get("body_temperature")) \
        == "37.9 C"


# --- "the last week of July" is a week of a month, not a week ago --------------------------

@pytest.mark.parametrize("text", [
    "Onset of his back pain in the last week of July, per the enclosed H&P.",
    "Symptom onset: last week of October.",
])
def test_the_last_week_of_a_month_is_no_length(text: str) -> None:
    assert str(read(text, "64493").get("symptom_weeks")) != "7 days"


def test_last_week_alone_is_still_a_week_ago() -> None:
    assert str(read("Onset of back pain last week, no injury.", "64493").get(
        "symptom_weeks")) == "7 days"
