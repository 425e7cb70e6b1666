"""Pain scores said in shapes the reader did not expect (session 26, scores26). Wordings are
this file's own, in several voices (a phone message, a gym intake form, a letter from
abroad, a dictation, a school nurse's e-mail, a chat reply)."""

from __future__ import annotations

from datetime import date

import pytest
from reading_probe import reader_at

read = reader_at(date(2027, 2, 9))


# --- a score with how often it holds, alone after the complaint's own clause -----------------
# (a nurse reads "neck pain since the fall in October, 6/10 most days" as a 6: the patient's
# usual pain, not one activity's)

@pytest.mark.parametrize(("text", "cpt", "score"), [
    # a phone message
    ("Caller says her neck has been painful since the car accident on 10/02/2026, "
     "6/10 most days.", "97110", "6"),
    # a gym intake form
    ("Client history: sore lower back ache after moving house in November, 4/10 most of "
     "the time.", "97110", "4"),
    # a dictation
    ("Chronic low back pain since a fall at work in 2025, 7/10 on average.", "64493", "7"),
    # a letter from abroad
    ("Mr Dube has had lumbar pain since he left the mines, some 14 months now, 8/10 on "
     "most days.", "64493", "8"),
    # a school nurse's e-mail
    ("Her knee has hurt since the netball final, about ten weeks ago, 5/10 usually.",
     "97110", "5"),
])
def test_a_lone_score_with_how_often_it_holds_is_the_pain_score(
        text: str, cpt: str, score: str) -> None:
    assert read(text, cpt).get("pain_nrs") == score


@pytest.mark.parametrize(("text", "cpt"), [
    # one activity's score: asked, not the patient's
    ("Low back pain since the fall on 10/02/2026, 7/10 with stairs.", "64493"),
    ("Neck pain since the accident on 10/02/2026, 6/10 when lifting.", "97110"),
    # a count out of ten, no score
    ("Knee pain since the fall on 10/02/2026; PT notes: 8/10 visits attended.", "97110"),
    # her husband's, not hers
    ("Her husband has had back pain since his fall on 10/02/2026, 7/10 most days.", "64493"),
    # a usual score and a worst one: which is asked
    ("Back pain since the fall on 10/02/2026, 5/10 most days, 9/10 at its worst.", "64493"),
])
def test_a_lone_score_of_one_activity_or_another_person_is_not_read(
        text: str, cpt: str) -> None:
    assert "pain_nrs" not in read(text, cpt)


# --- a state the patient means to get back to is no state of now -----------------------------
# (a nurse reads "so he can get back to full duty" as a goal: whether the pain limits him now
# is another question)

@pytest.mark.parametrize("text", [
    # an occupational-health e-mail
    "Worker is asking for the procedure so she can get back to full duty at the warehouse.",
    # a phone message
    "Wife called: he just wants to go back to full duty on the trucks, that's all he talks about.",
    # a letter from abroad
    "The injection is sought so that Mr Okafor may return to full duty on the rig.",
])
def test_full_duty_as_a_goal_is_no_impact_denied(text: str) -> None:
    assert "symptoms_impact_daily_life" not in read(text, "62311")


@pytest.mark.parametrize(("text", "impact"), [
    # back at work now: no impact
    ("He is back to full duty since Monday.", False),
    ("She has returned to full duty.", False),
    # kept from going back: an impact
    ("Unable to return to work since the injury.", True),
    ("Hoping to return to full duty after the injection; currently off work.", True),
])
def test_full_duty_now_or_work_missed_is_still_read(text: str, impact: bool) -> None:
    assert read(text, "62311").get("symptoms_impact_daily_life") is impact


# --- a past time right after "started" dates when the complaint began, not a thing now over ----
# (a nurse reads "my lower back pain started in the fall" as lower back pain now)

@pytest.mark.parametrize("text", [
    # a portal message
    "hi, the lower back pain started back in the fall and the pills aren't touching it",
    # a dictation
    "Patient reports lumbar pain which began last spring after lifting a generator.",
    # a letter from abroad
    "Mrs Nkosi's low back pain started in October, while she was harvesting.",
    # a chat reply
    "Lower back pain began last winter and has never settled.",
])
def test_a_complaint_started_in_a_past_season_is_current(text: str) -> None:
    assert read(text, "64493").get("pain_region") == "low_back"


@pytest.mark.parametrize("text", [
    # over and done: still history
    "Low back pain last spring, fully resolved; now neck pain.",
    "Had lower back pain in October, gone since; today here for the knee.",
])
def test_a_complaint_over_in_a_past_season_is_not_read_as_now(text: str) -> None:
    assert read(text, "64493").get("pain_region") != "low_back"


@pytest.mark.parametrize("text", [
    # a fit note
    "Not fit for work: cannot return to full duty while the sciatica persists.",
    # a supervisor's e-mail
    "He is unable to go back to full duty on the line because of his leg pain.",
])
def test_full_duty_he_cannot_get_back_to_is_an_impact(text: str) -> None:
    assert read(text, "62311").get("symptoms_impact_daily_life") is True
