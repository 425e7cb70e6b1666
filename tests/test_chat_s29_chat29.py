"""Session 29, chat29: replies in chat a nurse can act on (outside tester 28's C3, C4, C5
and the chat parts of F10, M2). Wordings are this file's own, in several voices (a phone
relay, a PT progress form, a pulmonology letter, a typed chat reply); guards keep what was
right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reading_probe import reader_at

from agent.session import Assistant

Bot = Callable[[date], Assistant]
TODAY = date(2026, 12, 5)


def _first(bot: Assistant, said: str) -> str:
    return bot.send("c", said).reply.split("\n", 1)[0]


# --- C5: "No change to the case can make it qualify" where a new assessment could -------
# (outside tester 28: a FEV1 of 84 %, a pain score of 3: a new PFT, a new score may meet
# the rule; saying nothing can is false. Never a value to put in: one a new assessment
# documents.)

@pytest.mark.parametrize(("cpt", "note", "asked", "limit"), [
    ("64493", "Phone relay from Dr. Amadi's office: lumbar facet pain, she rates it 2 out "
              "of 10 today, not cosmetic.", "what would it take to qualify?", "at least 4"),
    ("71250", "Pulmonology letter: spirometry last week, FEV1 88% of predicted, chronic "
              "cough since spring.", "what would make it qualify?", "below 80"),
    ("97110", "PT progress form. Functional impairment: mild (LEFS 64/80). Dx: R knee "
              "osteoarthritis.", "how can we get it to qualify?", "Moderate"),
])
def test_a_denial_on_a_measured_value_says_a_new_assessment_could_meet_it(
        assistant_at: Bot, cpt: str, note: str, asked: str, limit: str) -> None:
    bot = assistant_at(TODAY)
    bot.send("c", cpt)
    assert "Does not meet" in bot.send("c", note).reply
    first = _first(bot, asked)
    assert "No change to the case can make it qualify" not in first
    assert "new assessment" in first and limit in first


@pytest.mark.parametrize("note", [
    # guards: a permanent exclusion, alone or beside a measured shortfall, is still closed
    "Facet injection requested for cosmetic reasons per the patient.",
    "Pain 2/10. The injection is wanted for cosmetic purposes.",
])
def test_a_permanent_exclusion_still_says_nothing_can_change_it(assistant_at: Bot,
                                                               note: str) -> None:
    bot = assistant_at(TODAY)
    bot.send("c", "64493")
    assert "Does not meet" in bot.send("c", note).reply
    first = _first(bot, "what would make it qualify?")
    assert first.startswith("No change to the case can make it qualify")


# --- F10's chat part: a reply giving an older figure and today's of a fact asked as now ---
# (outside tester 28: "36.9 C on 11/25, and 36.8 today" stored 36.9, the first said; the
# one said to be today's is the answer where the others are said or dated earlier)

read = reader_at(TODAY)


@pytest.mark.parametrize(("fact", "cpt", "said", "value"), [
    # a typed chat reply
    ("body_temperature", "71250", "37.4 C on 11/20, 36.9 C today", "36.9 C"),
    # a terse reply to the pain question, the older score dated
    ("pain_nrs", "64493", "8 on 11/01, 5 today", "5"),
    # the saturation, read off two visits
    ("spo2_room_air", "71250", "89% on 11/20, 93% today", "93"),
    # a lab call-back typed as it was read out
    ("wbc_count", "71250", "14,100 on 11/18, 8,900 this morning", 8900),
])
def test_a_reply_with_an_older_and_a_current_figure_answers_with_the_current(
        fact: str, cpt: str, said: str, value: object) -> None:
    got = read(said, cpt, [fact, "severe_comorbidities"])
    assert str(got.get(fact)) == str(value)


@pytest.mark.parametrize(("fact", "cpt", "said"), [
    # guards: a fever yesterday above today's reading is the highest recent one: asked,
    # never today's lower figure; two figures with neither said to be now are asked
    ("body_temperature", "71250", "38.6 C yesterday evening, 37.0 C today"),
    ("pain_nrs", "97110", "7/10 last week and 6/10 this week"),
])
def test_a_reply_with_two_figures_and_no_clear_current_one_is_asked(
        fact: str, cpt: str, said: str) -> None:
    got = read(said, cpt, [fact, "severe_comorbidities"])
    assert fact not in got


def test_a_single_figure_of_today_is_still_read() -> None:
    # guard: one figure, said to be today's, is the answer as before
    assert read("36.7 C today", "71250", ["body_temperature"])["body_temperature"] == "36.7 C"


# --- C3: a checklist that was gone over is no new doubt of settled answers ---------------
# (outside tester 28: "Pre-injection checklist reviewed with patient: infection, pregnancy,
# ..." set "no infection" and "not pregnant" aside and asked them again: a list of things
# checked says nothing of what was found)

_ESI_CASE = ("Pain clinic summary: lumbar radiculopathy since 03/2026. No active infection. "
             "Not pregnant, hCG negative 12/01/2026.")


@pytest.mark.parametrize("checklist", [
    # a procedure nurse's line
    "Pre-procedure checklist gone over with her: infection, pregnancy, anticoagulation.",
    # a consent form's sentence
    "Safety checklist reviewed with the patient: pregnancy, active infection, allergies.",
    # a physician's dictation
    "Contraindications discussed with patient (infection, pregnancy, bleeding disorder).",
])
def test_a_checklist_gone_over_keeps_the_answers_already_given(assistant_at: Bot,
                                                               checklist: str) -> None:
    bot = assistant_at(TODAY)
    bot.send("c", "62311")
    bot.send("c", _ESI_CASE)
    reply = bot.send("c", checklist).reply
    assert "set aside" not in reply
    recorded = bot.send("c", "what have you recorded?").reply
    assert "Active infection" in recorded and "Not pregnant" in recorded


def test_a_finding_after_the_checklist_still_replaces_the_answer(assistant_at: Bot) -> None:
    # guard: the same list with a finding of its own is news, not a topic
    bot = assistant_at(TODAY)
    bot.send("c", "62311")
    bot.send("c", _ESI_CASE)
    reply = bot.send("c", "Pre-procedure check today: she is on nitrofurantoin for a UTI "
                          "since 12/03.").reply
    assert "Active infection: no → yes" in reply or "set aside" in reply


# --- re-test C4: a kind of care named in a pain line is no question of the whole list ----
# (outside tester 28: "pain was 5 before PT and is 6 now" got "Could not use 'PT': is that
# the whole list of kinds of conservative treatment received?" with PT already on it)

_CARE = ("ESI referral: lumbar radiculopathy. Conservative care tried: physical therapy, "
         "meloxicam and a weight-loss program, 14 weeks in all, no relief.")


@pytest.mark.parametrize("line", [
    # a typed chat reply
    "after the PT course her pain went from 4 to 6",
    # a phone relay
    "she says it was 5 at the start of physio and 7 today",
    # a pharmacist's aside
    "on the meloxicam her pain score stayed at 6",
])
def test_a_kind_already_listed_named_in_a_pain_line_asks_nothing_of_the_list(
        assistant_at: Bot, line: str) -> None:
    bot = assistant_at(TODAY)
    bot.send("c", "62311")
    assert "Physical therapy" in bot.send("c", _CARE).reply
    reply = bot.send("c", line).reply
    assert "whole list" not in reply


def test_a_kind_with_no_list_stored_is_still_asked(assistant_at: Bot) -> None:
    # guard: with no list on record, a kind named still asks whether it is all of them
    bot = assistant_at(TODAY)
    bot.send("c", "62311")
    bot.send("c", "ESI referral: lumbar radiculopathy. Conservative care tried: meloxicam, "
                  "14 weeks, no relief.")
    reply = bot.send("c", "she also did 6 weeks of physical therapy").reply
    assert "whole list" in reply


# --- C4: a what-if about a scan still to come, said without a day ------------------------
# (outside tester 28: "what if she gets a new MRI next week?" was "Ask with a value"; the
# case is checked on the day it names, counted from today, with the scan done)

_OLD_MRI = "Facet referral: low back pain, 7/10. Lumbar MRI 03/02/2026."


@pytest.mark.parametrize(("asked", "day"), [
    ("what if the lumbar MRI is redone next week?", "2026-12-12"),
    ("what if we repeat the MRI in two weeks?", "2026-12-19"),
    ("would it qualify if she has a new MRI in 10 days?", "2026-12-15"),
])
def test_a_what_if_about_a_scan_to_come_is_checked_on_that_day(
        assistant_at: Bot, asked: str, day: str) -> None:
    bot = assistant_at(TODAY)
    bot.send("c", "64493")
    assert "64493.coverage.4.2" in bot.send("c", _OLD_MRI).reply
    first = _first(bot, asked)
    assert f"Checked on {day}" in first and "Nothing was changed" in first


def test_a_what_if_with_a_length_is_no_day_to_come(assistant_at: Bot) -> None:
    # guard: "10 weeks" of care is a length, not a day ahead
    bot = assistant_at(TODAY)
    bot.send("c", "64493")
    bot.send("c", _OLD_MRI)
    first = _first(bot, "what if PT was 14 weeks?")
    assert "Checked on" not in first and "14 weeks" in first


# --- C4: "can I put moderate?" is answered, not "nothing changed" --------------------------
# (outside tester 28: "Dr. Baptiste says the QuickDASH underestimates her - can I put
# moderate?" got "Nothing in that message changed the case"; the answer: only what the
# record documents is recorded, and what that value would decide; nothing stored)

_MILD = ("PT progress form. Functional impairment: mild (LEFS 64/80). Dx: R knee "
         "osteoarthritis.")


@pytest.mark.parametrize(("asked", "level"), [
    # a typed aside about the therapist's view
    ("The PT thinks the LEFS undersells him - could we put moderate?", "Moderate"),
    # a resident's message
    ("per the attending her limitation is worse than the form shows, can I enter severe?",
     "Severe"),
    # a plain question
    ("ok so can I just mark it as moderate then?", "Moderate"),
])
def test_asking_to_put_another_value_says_what_counts_and_what_it_would_decide(
        assistant_at: Bot, asked: str, level: str) -> None:
    bot = assistant_at(TODAY)
    bot.send("c", "97110")
    assert "Does not meet" in bot.send("c", _MILD).reply
    first = _first(bot, asked)
    assert first.startswith("Only what the record documents can be recorded")
    assert f"Functional impairment (functional assessment): {level}" in first
    recorded = bot.send("c", "what have you recorded?").reply
    assert "Mild" in recorded


def test_a_plain_what_if_stays_a_what_if(assistant_at: Bot) -> None:
    # guard: "what if" asks a supposition; no word on what the record documents
    bot = assistant_at(TODAY)
    bot.send("c", "97110")
    bot.send("c", _MILD)
    first = _first(bot, "what if the functional impairment was moderate?")
    assert first.startswith("If Functional impairment") and "Only what" not in first
