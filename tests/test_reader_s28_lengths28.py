"""How long and how many (session 28, lengths28). Wordings are this file's own, in several
voices (a physio's discharge letter, a phone message, a triage line, a chat reply, a referral
from abroad, a form row)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2026, 12, 5))


# --- a home program after the therapy is the patient's own: never added to the therapy ------
# (a nurse reads "PT 6 weeks, then a home program 6 weeks" as 6 weeks of PT; the second
# course was never therapy given; outside tester 27 F9)

@pytest.mark.parametrize("text, fact, weeks", [
    # a phone message
    ("caller says PT 1x/wk x 9 wks then HEP x 3 wks, still hurting", "pt_weeks", "9 weeks"),
    # a therapy summary's line
    ("Physical therapy for 6 weeks followed by a home exercise program for 8 weeks.",
     "pt_weeks", "6 weeks"),
    # a PT flow sheet (the supervised exercise, then the patient's own)
    ("Supervised exercise 3x/week x 7 weeks, then HEP x 5 weeks, no change.",
     "pt_exercise_weeks", "7 weeks"),
])
def test_a_home_program_after_therapy_is_never_added(text: str, fact: str,
                                                       weeks: str | None) -> None:
    assert read(text, "64493").get(fact) == weeks


@pytest.mark.parametrize("text, fact", [
    # guards: a home program after therapy named apart from it ("discharged ... after 7
    # weeks") stays asked, never added;
    # modalities the therapist may have given alongside the exercise stay asked; a
    # heading's figure from its first course stays asked; two PT courses stay no one length
    ("Discharged from physiotherapy after 5 weeks (2x weekly), then continued a home "
     "programme for 5 weeks without benefit.", "pt_weeks"),
    ("Ther ex for 5 weeks, then ultrasound and massage for 3 weeks.", "pt_exercise_weeks"),
    ("Conservative management: meloxicam x 8 wks, then home exercise x 4 wks",
     "conservative_weeks"),
    ("PT 5 weeks at Riverside, then PT again 5 weeks at Oak Street", "pt_weeks"),
])
def test_a_course_that_may_be_the_same_care_stays_asked(text: str, fact: str) -> None:
    got = read(text, "64493").get(fact)
    assert got not in ("5 weeks", "8 weeks", "12 weeks", "10 weeks")


# --- "w/" is "with", never weeks; a bare score while doing something is asked -----------------

@pytest.mark.parametrize("text", [
    # a triage line
    "sciatica 7 w/ bending forward, eases lying flat",
    # a chat reply
    "lower back pain 4 w/ lifting groceries",
    # a PT intake form row
    "Pain rating: LBP 8 w/ sitting at work",
    "back pain gets to like 9 w/ twisting",
])
def test_a_figure_before_with_is_no_length_and_no_score(text: str) -> None:
    got = read(text, "64493")
    assert "symptom_weeks" not in got and "pain_nrs" not in got


@pytest.mark.parametrize("text, fact, value", [
    # guards: "x 6w" is still six weeks; a score out of ten with the complaint is read
    ("lumbar pain x 6w, worse w/ standing", "symptom_weeks", "6 weeks"),
    ("Chest pain 7/10 with coughing fits since Monday.", "pain_nrs", "7"),
    ("Knee pain 4/10 when climbing stairs per pt, on today's visit.", "pain_nrs", "4"),
])
def test_guard_a_length_or_a_score_out_of_ten_stays_read(text: str, fact: str,
                                                          value: str) -> None:
    cpt = "71250" if "Chest" in text else "97110" if "Knee" in text else "64493"
    assert read(text, cpt).get(fact) == value


# --- a length in the languages of referrals from abroad: its unit, the complaint, the care ---
# (a nurse who reads "i 7 uker" as seven weeks; phrase27a/b, fresh31)

@pytest.mark.parametrize("text, cpt, fact, value", [
    # a Norwegian GP's referral
    ("Nakkesmerter etter fall, i 7 uker nå.", "64493", "symptom_weeks", "7 weeks"),
    # a Swedish discharge note
    ("Ryggsmärta sedan 9 veckor, ingen utstrålning.", "64493", "symptom_weeks", "9 weeks"),
    # a Finnish clinic's letter
    ("Yskä jatkunut 6 viikkoa.", "71250", "symptom_weeks", "6 weeks"),
    # a Danish physiotherapist's summary
    ("Konservativ behandling i 12 uger uden bedring.", "97110", "conservative_weeks",
     "12 weeks"),
    # a Romanian rehab clinic's form
    ("Fizioterapie 12 săptămâni: 6 săptămâni exerciții supravegheate, 3 săptămâni terapie "
     "manuală, 3 săptămâni educație.", "64493", "pt_manual_weeks", "3 weeks"),
    # a Swedish physio's two periods and their total
    ("Sjukgymnastik: 6 veckor våren 2026, 7 veckor hösten 2026, totalt 13 veckor.", "64493",
     "pt_weeks", "13 weeks"),
])
def test_a_length_in_another_language_is_read(text: str, cpt: str, fact: str,
                                               value: str) -> None:
    assert read(text, cpt).get(fact) == value


@pytest.mark.parametrize("text, cpt, fact", [
    # guards: a referral is no therapy done; another person's complaint; a score is no length
    ("Referred to fysioterapi for 12 uger.", "64493", "pt_weeks"),
    ("His wife: ryggsmärta sedan 9 veckor.", "64493", "symptom_weeks"),
    ("Ryggsmärta, NRS 6.", "64493", "symptom_weeks"),
])
def test_guard_a_foreign_part_stays_unread(text: str, cpt: str, fact: str) -> None:
    assert read(text, cpt).get(fact) is None
